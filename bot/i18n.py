"""The bot's words in the reader's language: gettext catalogs (bot/locales/<lang>/LC_MESSAGES/bot.po)
read with Babel at start, and the language of the update being handled, kept in a context variable."""

from __future__ import annotations

import gettext
import io
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date
from functools import cache, lru_cache
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal
from babel.support import Translations

LOCALES = Path(__file__).parent / "locales"
DOMAIN = "bot"
FALLBACK = "en"
LANGUAGE_NAMES = {
    "en": "English",
    "ru": "Русский",
    "uk": "Українська",
    "es": "Español",
    "pt": "Português",
    "de": "Deutsch",
    "fr": "Français",
    "it": "Italiano",
    "tr": "Türkçe",
    "id": "Bahasa Indonesia",
    "ar": "العربية",
    "fa": "فارسی",
}
LANGUAGES = tuple(LANGUAGE_NAMES)
"""The languages the bot speaks, English (the language of the source strings) first."""

_current: ContextVar[str] = ContextVar("language", default=FALLBACK)


def po_path(language: str) -> Path:
    return LOCALES / language / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def translations(language: str) -> gettext.NullTranslations:
    """The language's catalog, compiled in memory from its .po file (English: the source strings)."""
    if language == FALLBACK:
        return gettext.NullTranslations()
    with po_path(language).open("rb") as source:
        catalog = read_po(source, locale=language, domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)


def load_all() -> None:
    """Read every catalog once, at start, so a broken one stops the bot before it serves anyone."""
    for language in LANGUAGES:
        translations(language)


def supported(code: str | None) -> str | None:
    """The served language for a Telegram ``language_code`` ("pt-br" -> "pt"), or None."""
    base = (code or "").replace("_", "-").split("-")[0].lower()
    return base if base in LANGUAGE_NAMES else None


def current() -> str:
    return _current.get()


def use(language: str) -> None:
    """Speak ``language`` for the rest of the update being handled."""
    _current.set(language if language in LANGUAGE_NAMES else FALLBACK)


@contextmanager
def speaking(language: str) -> Iterator[None]:
    """Speak ``language`` inside the block (a digest job, a menu in each language)."""
    token = _current.set(language if language in LANGUAGE_NAMES else FALLBACK)
    try:
        yield
    finally:
        _current.reset(token)


def _(message: str) -> str:
    """``message`` in the current language."""
    return translations(_current.get()).gettext(message)


def N_(message: str) -> str:
    """Marks ``message`` for the catalogs; it is translated later, where it is shown."""
    return message


def ngettext(singular: str, many: str, count: int) -> str:
    """The form of a counted phrase the current language's plural rules pick for ``count``."""
    return translations(_current.get()).ngettext(singular, many, count)


def number(count: int) -> str:
    """``count`` written the current language's way (1,234 / 1 234 / 1.234)."""
    return _number(count, _current.get())


@lru_cache(maxsize=4096)
def _number(count: int, locale: str) -> str:
    """Babel's formatting, kept: it costs more than rendering a summary's lines (counts repeat)."""
    return format_decimal(count, locale=locale)


def day(value: date) -> str:
    """A date as "02 Dec 2026", with the current language's month names."""
    return format_date(value, "dd MMM y", locale=_current.get())


def language_name(code: str) -> str:
    """A language's name in the current language, as Babel's locale data has it ("de" is
    "German" to an English reader, "немецкий" to a Russian one); the code if Babel has none.
    The name is read from the reader's table of language names, not from a locale parsed from
    the code, which would make "tl" Filipino of the Philippines."""
    return _languages_in(_current.get()).get(code, code)


@cache
def _languages_in(reader: str) -> dict[str, str]:
    """Babel's names of languages in the reader's language, by code."""
    try:
        return dict(Locale.parse(reader).languages)
    except (ValueError, UnknownLocaleError):
        return {}


def reason(text: str, templates: Iterable[str] = (), fields: Mapping[str, Callable[[str], str]] | None = None) -> str:
    """Why something failed, in the current language: ``text`` is an English reason, a catalog
    string itself or one of ``templates`` with its values filled in ("the site answered with an
    error (404)"), whether it was just raised or kept in the store; anything else stays as is.
    A value is translated as a catalog string, or by its field's function in ``fields``."""
    translated = _(text) if text else text
    if translated != text or _current.get() == FALLBACK:
        return translated
    for template in templates:
        match = _template_pattern(template).fullmatch(text)
        if match:
            by = fields or {}
            return _(template).format(**{name: by.get(name, _)(value) for name, value in match.groupdict().items()})
    return text


def named_language(english: str) -> str:
    """The language Babel names ``english`` in English ("Finnish"), named in the current
    language ("финский" to a Russian reader); in English if Babel has no name for it there."""
    code = _english_names().get(english)
    named = language_name(code) if code else english
    return english if named == code else named  # Babel has no name for it in the reader's language


@cache
def _english_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for code, name in sorted(Locale("en").languages.items(), key=lambda item: len(item[0])):
        names.setdefault(name, code)  # the shortest code first: a language before its regional forms
    return names


@cache
def _template_pattern(template: str) -> re.Pattern[str]:
    parts = re.split(r"\{(\w+)\}", template)
    return re.compile("".join(re.escape(p) if i % 2 == 0 else f"(?P<{p}>.+?)" for i, p in enumerate(parts)), re.DOTALL)
