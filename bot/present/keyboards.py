"""Inline keyboards under summaries, key facts and full texts; their buttons' callback data
is what ``handlers.buttons`` reads."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from ..service import MAX_SUMMARY_LENGTH


def summary_keyboard(article_id: str, length: int, total: int) -> InlineKeyboardMarkup:
    row = []
    if length > 1:
        row.append(InlineKeyboardButton("➖ Shorter", callback_data=f"s:{article_id}:{length - 1}"))
    if length < min(total, MAX_SUMMARY_LENGTH):
        row.append(InlineKeyboardButton("➕ Longer", callback_data=f"s:{article_id}:{length + 1}"))
    facts_and_text = [
        InlineKeyboardButton("🔎 Key facts", callback_data=f"f:{article_id}:{length}"),
        InlineKeyboardButton("📄 Full text", callback_data=f"a:{article_id}:0:{length}"),
    ]
    return _markup([row, facts_and_text])


def back_keyboard(article_id: str, length: int, page: int | None = None, pages: int = 1) -> InlineKeyboardMarkup:
    rows = []
    if page is not None and pages > 1:
        nav = []
        if page > 0:
            nav.append(InlineKeyboardButton("◀️", callback_data=f"a:{article_id}:{page - 1}:{length}"))
        if page < pages - 1:
            nav.append(InlineKeyboardButton("▶️", callback_data=f"a:{article_id}:{page + 1}:{length}"))
        rows.append(nav)
    rows.append([InlineKeyboardButton("📝 Summary", callback_data=f"s:{article_id}:{length}")])
    if page is None:
        rows[-1].append(InlineKeyboardButton("📄 Full text", callback_data=f"a:{article_id}:0:{length}"))
    else:
        rows[-1].append(InlineKeyboardButton("🔎 Key facts", callback_data=f"f:{article_id}:{length}"))
    return _markup(rows)


def _markup(rows: list[list[InlineKeyboardButton]]) -> InlineKeyboardMarkup:
    """The keyboard without empty rows (a one-sentence article has no shorter or longer)."""
    return InlineKeyboardMarkup([row for row in rows if row])
