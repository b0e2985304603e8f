"""The buttons under summaries, key facts and full texts: shorter, longer, facts, pages."""

from __future__ import annotations

import re

from telegram import Update
from telegram.error import BadRequest

from ..context import BotContext
from ..i18n import _
from ..present import formatting as fmt
from ..present.keyboards import back_keyboard, summary_keyboard
from ..service import NoSuchArticle, summary_of

CALLBACK = re.compile(r"^([sfa]):([0-9a-f]{10}):([0-9]{1,3})(?::([0-9]{1,2}))?$")


async def button(update: Update, context: BotContext) -> None:
    query = update.callback_query
    assert query
    match = CALLBACK.match(query.data or "")
    if not match:
        await query.answer(_("This button is out of date."))
        return
    kind, article_id, number = match.group(1), match.group(2), int(match.group(3))
    try:
        stored = await context.news.article(article_id)
    except NoSuchArticle:
        await query.answer(_("That article is no longer stored."), show_alert=True)
        return
    if kind == "s":
        summary = summary_of(stored, number)
        text = fmt.render_summary(stored, summary)
        language = stored.article.language if query.message else None  # none under an inline result
        markup = summary_keyboard(article_id, len(summary.sentences), summary.total_sentences, language)
    elif kind == "f":
        text, markup = fmt.render_facts(stored), back_keyboard(article_id, number)
    else:
        length = int(match.group(4) or context.settings.default_summary_length)
        text, pages = fmt.render_article_page(stored, number)
        markup = back_keyboard(article_id, length, min(number, pages - 1), pages)
    await query.answer()
    try:
        await query.edit_message_text(fmt.split_message(text)[0], reply_markup=markup)
    except BadRequest as error:
        if "not modified" not in str(error).lower():
            raise
