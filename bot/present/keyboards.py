"""Inline keyboards under summaries, key facts and full texts; their buttons' callback data
is what ``handlers.buttons`` reads."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from summarizer import LANGUAGES

from ..i18n import _, language_name
from ..service import MAX_SUMMARY_LENGTH

LANGUAGES_PER_ROW = 3


def summary_keyboard(article_id: str, length: int, total: int, language: str | None = None) -> InlineKeyboardMarkup:
    """Shorter, longer, facts, full text; with ``language`` (the article's), a button to correct
    it (not under inline results: no chat there to check who presses it)."""
    row = []
    if length > 1:
        row.append(InlineKeyboardButton(_("➖ Shorter"), callback_data=f"s:{article_id}:{length - 1}"))
    if length < min(total, MAX_SUMMARY_LENGTH):
        row.append(InlineKeyboardButton(_("➕ Longer"), callback_data=f"s:{article_id}:{length + 1}"))
    facts_and_text = [
        InlineKeyboardButton(_("🔎 Key facts"), callback_data=f"f:{article_id}:{length}"),
        InlineKeyboardButton(_("📄 Full text"), callback_data=f"a:{article_id}:0:{length}"),
    ]
    rows = [row, facts_and_text]
    if language:
        label = _("Language: {language} ✎").format(language=language_name(language))
        rows.append([InlineKeyboardButton(label, callback_data=f"l:{article_id}:{length}")])
    return _markup(rows)


def language_keyboard(article_id: str, length: int, current: str) -> InlineKeyboardMarkup:
    """The languages an article can be read in, each by its own name, the current one ticked;
    callback data ``L:<id>:<length>:<code>`` (19 bytes)."""
    choices = [
        InlineKeyboardButton(
            f"✓ {lang.native}" if code == current else lang.native, callback_data=f"L:{article_id}:{length}:{code}"
        )
        for code, lang in LANGUAGES.items()
    ]
    rows = [choices[at : at + LANGUAGES_PER_ROW] for at in range(0, len(choices), LANGUAGES_PER_ROW)]
    rows.append([InlineKeyboardButton(_("◀️ Back"), callback_data=f"s:{article_id}:{length}")])
    return _markup(rows)


def back_keyboard(article_id: str, length: int, page: int | None = None, pages: int = 1) -> InlineKeyboardMarkup:
    rows = []
    if page is not None and pages > 1:
        nav = []
        if page > 0:
            nav.append(InlineKeyboardButton("◀️", callback_data=f"a:{article_id}:{page - 1}:{length}"))
        if page < pages - 1:
            nav.append(InlineKeyboardButton("▶️", callback_data=f"a:{article_id}:{page + 1}:{length}"))
        rows.append(nav)
    rows.append([InlineKeyboardButton(_("📝 Summary"), callback_data=f"s:{article_id}:{length}")])
    if page is None:
        rows[-1].append(InlineKeyboardButton(_("📄 Full text"), callback_data=f"a:{article_id}:0:{length}"))
    else:
        rows[-1].append(InlineKeyboardButton(_("🔎 Key facts"), callback_data=f"f:{article_id}:{length}"))
    return _markup(rows)


def _markup(rows: list[list[InlineKeyboardButton]]) -> InlineKeyboardMarkup:
    """The keyboard without empty rows (a one-sentence article has no shorter or longer)."""
    return InlineKeyboardMarkup([row for row in rows if row])
