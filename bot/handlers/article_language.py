"""Correcting an article's language: the "Language: German ✎" button under a summary opens the
languages it can be read in; ``/article ID lang CODE`` does the same by command. The stored text
is read again in that language and the article stays where it is (id, story, digests).

Who may: anyone in a private chat; in groups and channels the chat's admins, checked with
Telegram at the time (a correction changes the article for every chat that shows it)."""

from __future__ import annotations

import re

from telegram import Chat, ChatMember, Message, Update, User
from telegram.constants import ChatType
from telegram.error import BadRequest, TelegramError

from summarizer import LANGUAGES, ArticleError

from ..context import BotContext
from ..i18n import _, language_name
from ..present import formatting as fmt
from ..present.keyboards import language_keyboard, summary_keyboard
from ..service import NoSuchArticle, summary_of
from ..store import StoredArticle
from .replies import reply_html, send_summary, stored_or_reply

CALLBACK = re.compile(r"^(?:l:([0-9a-f]{10}):([0-9]{1,3})|L:([0-9a-f]{10}):([0-9]{1,3}):([a-z]{2}))$")
"""``l:<id>:<length>`` opens the choices, ``L:<id>:<length>:<code>`` picks one."""


def choices() -> str:
    return " · ".join(f"<code>{code}</code> {lang.native}" for code, lang in LANGUAGES.items())


async def refusal(context: BotContext, chat: Chat | None, user: User | None) -> str | None:
    """Why this person may not correct an article's language here, or None when they may."""
    if chat is None:
        return _("Open the article in a chat with me to correct its language.")
    if chat.type == ChatType.PRIVATE:
        return None
    if user is None:
        return _("Send this as yourself, not anonymously, so I can check you are an admin.")
    try:
        member = await context.bot.get_chat_member(chat.id, user.id)
    except TelegramError:
        return _("I can't check your rights there. Make me an admin first.")
    if member.status not in (ChatMember.ADMINISTRATOR, ChatMember.OWNER):
        return _("Only admins of this chat can correct an article's language.")
    return None


async def command(message: Message, context: BotContext, article_id: str, code: str | None) -> None:
    """/article ID lang [CODE]: show the article's language and the choices, or correct it."""
    stored = await stored_or_reply(message, context, article_id)
    if stored is None:
        return
    length = await context.news.length_for(message.chat_id)
    keyboard = language_keyboard(stored.article.id, length, stored.article.language)
    if code is None:
        now = _("This article is in {language}. Correct it with /article {id} lang and a code:").format(
            language=fmt.escape(language_name(stored.article.language)), id=stored.article.id
        )
        await reply_html(message, f"{now}\n{choices()}", keyboard)
        return
    if code.lower() not in LANGUAGES:
        await reply_html(message, _("I don't read articles in that language. Choose one of:") + "\n" + choices())
        return
    channel_post = message.chat.type == ChatType.CHANNEL  # only a channel's admins can post in it
    why = None if channel_post else await refusal(context, message.chat, message.from_user)
    if why:
        await message.reply_text(why)
        return
    corrected = await _correct(context, stored, code.lower())
    if isinstance(corrected, str):
        await message.reply_text(corrected)
        return
    await message.reply_text(_done(corrected))
    await send_summary(message, context, corrected)


async def button(update: Update, context: BotContext) -> None:
    query = update.callback_query
    assert query
    match = CALLBACK.match(query.data or "")
    if not match:
        await query.answer(_("This button is out of date."))
        return
    article_id = match.group(1) or match.group(3)
    length = int(match.group(2) or match.group(4))
    try:
        stored = await context.news.article(article_id)
    except NoSuchArticle:
        await query.answer(_("That article is no longer stored."), show_alert=True)
        return
    if match.group(1):
        await _edit(query.edit_message_reply_markup(language_keyboard(article_id, length, stored.article.language)))
        await query.answer()
        return
    chat = query.message.chat if query.message else None
    why = await refusal(context, chat, query.from_user)
    if not why and context.too_fast(query.from_user.id):  # a correction parses, ranks and finds facts again
        why = _("You're going fast: wait a moment and try again.")
    if why:
        await query.answer(why, show_alert=True)
        return
    corrected = await _correct(context, stored, match.group(5))
    if isinstance(corrected, str):
        await query.answer(corrected[:200], show_alert=True)
        return
    summary = summary_of(corrected, length)
    markup = summary_keyboard(article_id, len(summary.sentences), summary.total_sentences, corrected.article.language)
    text = fmt.split_message(fmt.render_summary(corrected, summary))[0]
    await _edit(query.edit_message_text(text, reply_markup=markup))
    await query.answer(_done(corrected)[:200])


async def _correct(context: BotContext, stored: StoredArticle, code: str) -> StoredArticle | str:
    """The article read again in ``code``, or what to tell the person when it cannot be."""
    if code not in LANGUAGES:
        return _("I don't read articles in that language.")
    if code == stored.article.language:
        return stored
    try:
        return await context.news.set_article_language(stored.article.id, code)
    except NoSuchArticle:
        return _("That article is no longer stored.")
    except ArticleError as error:
        return _("I can't read it as {language}: {error}.").format(language=language_name(code), error=str(error))


def _done(stored: StoredArticle) -> str:
    return _("Done: I read this article as {language} now.").format(language=language_name(stored.article.language))


async def _edit(edit: object) -> None:
    """An edit that may leave the message as it was (a second press of the same button)."""
    try:
        await edit  # type: ignore[misc]
    except BadRequest as error:
        if "not modified" not in str(error).lower():
            raise
