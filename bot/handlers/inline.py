"""Inline queries: ``@bot words`` lists matching articles; an empty query lists the newest."""

from __future__ import annotations

from telegram import InlineQueryResultArticle, InputTextMessageContent, Update

from ..context import BotContext
from ..i18n import _
from ..present import formatting as fmt
from ..present.keyboards import summary_keyboard
from ..present.plural import plural
from ..service import NoSuchArticle, summary_of
from ..store import Card, StoredArticle
from .numbers import parse_number

PAGE_SIZE = 20
MAX_OFFSET = 1000


async def inline_query(update: Update, context: BotContext) -> None:
    query = update.inline_query
    assert query
    offset = parse_number(query.offset, 0, 10**9) or 0
    if offset >= MAX_OFFSET:
        await query.answer([])
        return
    wait = context.too_fast(query.from_user.id)
    if wait:
        again = plural(max(1, round(wait)), "Wait {n} second, then type again.", "Wait {n} seconds, then type again.")
        await query.answer([_notice("slow", _("You're going fast"), again)], cache_time=0)
        return
    words = query.query.strip()
    news = context.news
    found = await (
        news.search_cards(words, PAGE_SIZE + 1, offset) if words else news.latest_cards(PAGE_SIZE + 1, offset)
    )
    if not found and offset == 0:
        what = _("No article matches “{words}”").format(words=words[:60]) if words else _("No articles yet")
        await query.answer([_notice("none", what, _("Try fewer or other words."))], cache_time=5)
        return
    length = context.settings.default_summary_length
    results = []
    for card in found[:PAGE_SIZE]:
        summary = card.summary(length)
        stored: Card | StoredArticle = card
        if summary is None:  # longer than a card holds: cut from the whole article
            try:
                stored = await news.article(card.article.id)
            except NoSuchArticle:
                continue
            summary = summary_of(stored, length)
        results.append(
            InlineQueryResultArticle(
                id=stored.article.id,
                title=stored.article.title[:200],
                description=fmt.inline_description(summary),
                input_message_content=InputTextMessageContent(
                    fmt.split_message(fmt.render_summary(stored, summary))[0]
                ),
                reply_markup=summary_keyboard(stored.article.id, len(summary.sentences), summary.total_sentences),
            )
        )
    more = len(found) > PAGE_SIZE
    # No next_offset at all on the last page: with Defaults set, PTB 22 turns an empty string
    # into "[]" (it takes "" for an empty poll-option list), and clients would page forever.
    await query.answer(results, next_offset=str(offset + PAGE_SIZE) if more else None, cache_time=30)


def _notice(result_id: str, title: str, description: str) -> InlineQueryResultArticle:
    """The one result that says why there are no articles to pick (too fast, no match)."""
    return InlineQueryResultArticle(
        id=result_id,
        title=title,
        description=description,
        input_message_content=InputTextMessageContent(fmt.escape(f"{title}. {description}")),
    )
