"""Language knowledge in one room: the served languages' data, language identification, stop words.

``language("de")`` is German's :class:`Language`; ``identify(text)`` the code of the served
language a text is written in, or :class:`UnsupportedLanguage` when it is plainly in another.
"""

from __future__ import annotations

from .caseless import LANGUAGES as _CASELESS
from .detect import guess_language
from .european import LANGUAGES as _EUROPEAN
from .model import Language
from .words import snowball_stemmer, stop_words

LANGUAGES: dict[str, Language] = {lang.code: lang for lang in (*_EUROPEAN, *_CASELESS)}
"""Every served language by ISO 639-1 code, English first."""
SERVED = frozenset(LANGUAGES)
UNSUPPORTED = "this text looks like {language}, which I cannot summarize yet; I summarize: {languages}"
"""The reason given for text in a language not served (the bot shows it in its reader's language)."""


class UnsupportedLanguage(ValueError):
    """Text in a language the summarizer does not read; the message lists the ones it does."""

    def __init__(self, code: str) -> None:
        self.code = code
        super().__init__(UNSUPPORTED.format(language=english_name(code), languages=served_names()))


def english_name(code: str) -> str:
    """A language's English name, as Babel's locale data has it ("fi" is "Finnish"); the code if none."""
    from babel import Locale  # read only when a text is refused

    return str(Locale("en").languages.get(code, code))


def served_names() -> str:
    """The served languages as their readers name them, in one line."""
    return ", ".join(lang.native for lang in LANGUAGES.values())


def language(code: str) -> Language:
    """The served language with this ISO 639-1 code (any case, region ignored: "pt-BR" is Portuguese)."""
    key = code.strip().lower().replace("_", "-").split("-")[0]
    found = LANGUAGES.get(key)
    if found is None:
        raise UnsupportedLanguage(key)
    return found


def identify(text: str) -> str:
    """The code of the served language ``text`` is in; UnsupportedLanguage if plainly in another."""
    guess = guess_language(text, SERVED)
    if guess.other is not None:
        raise UnsupportedLanguage(guess.other)
    return guess.served


__all__ = [
    "LANGUAGES",
    "SERVED",
    "Language",
    "UNSUPPORTED",
    "UnsupportedLanguage",
    "english_name",
    "identify",
    "language",
    "served_names",
    "snowball_stemmer",
    "stop_words",
]
