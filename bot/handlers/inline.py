"""Inline queries: ``@bot words`` lists matching articles; an empty query lists the newest."""

from __future__ import annotations

from telegram import InlineQueryResultArticle, InputTextMessageContent, Update

from ..context import BotContext
from ..present import formatting as fmt
from ..present.keyboards import summary_keyboard
from ..service import summary_of

PAGE_SIZE = 20
MAX_OFFSET = 1000


async def inline_query(update: Update, context: BotContext) -> None:
    query = update.inline_query
    assert query
    offset = int(query.offset) if query.offset.isdigit() else 0
    if offset >= MAX_OFFSET:
        await query.answer([])
        return
    if context.too_fast(query.from_user.id):
        await query.answer([], cache_time=0)
        return
    words = query.query.strip()
    news = context.news
    found = await (news.search(words, PAGE_SIZE + 1, offset) if words else news.latest(PAGE_SIZE + 1, offset))
    length = context.settings.default_summary_length
    results = []
    for stored in found[:PAGE_SIZE]:
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
