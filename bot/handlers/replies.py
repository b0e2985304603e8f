"""What every handler shares: replying in pieces, the summary reply, a command's text, the
rate limit, article lookup and the admin check."""

from __future__ import annotations

import re

from telegram import Chat, ChatFullInfo, ChatMember, InlineKeyboardMarkup, Message
from telegram.constants import ChatType
from telegram.error import BadRequest, Forbidden

from ..context import BotContext
from ..i18n import N_, _
from ..present import formatting as fmt
from ..present.keyboards import summary_keyboard
from ..present.plural import plural
from ..service import NoSuchArticle, summary_of
from ..store import StoredArticle

AnyChat = Chat | ChatFullInfo
"""A chat as an update carries it, or as getChat describes a channel named by @username."""


ARTICLE_ID = re.compile(r"^[0-9a-fA-F]{10}$")


MAX_REPLY_MESSAGES = 5
"""One reply is never more messages than this (a summary of 20 long sentences fits in 5)."""
CUT_NOTE = N_("<i>… the rest is cut: a reply is at most five messages.</i>")


async def reply_html(message: Message, text: str, markup: InlineKeyboardMarkup | None = None) -> list[Message]:
    """Reply with one or more messages (at most MAX_REPLY_MESSAGES, in the message's forum topic,
    if any); buttons go under the last one. Returns what was sent."""
    pieces = fmt.split_message(text)
    if len(pieces) > MAX_REPLY_MESSAGES:
        note = "\n\n" + _(CUT_NOTE)
        pieces = fmt.split_message(text, fmt.MESSAGE_LIMIT - fmt.utf16_len(note))[:MAX_REPLY_MESSAGES]
        pieces[-1] += note
    sent = []
    for number, piece in enumerate(pieces):
        last = number == len(pieces) - 1
        sent.append(await message.reply_text(piece, reply_markup=markup if last else None, do_quote=False))
    return sent


async def send_summary(message: Message, context: BotContext, stored: StoredArticle) -> None:
    length = await context.news.length_for(message.chat_id)
    summary = summary_of(stored, length)
    language = stored.article.language
    markup = summary_keyboard(stored.article.id, len(summary.sentences), summary.total_sentences, language)
    await reply_html(message, fmt.render_summary(stored, summary), markup)


def command_text(message: Message) -> str:
    """The text after the command word, with its line breaks kept (args would lose them)."""
    text = message.text or ""
    parts = text.split(maxsplit=1)
    return parts[1].strip() if len(parts) > 1 and parts[0].startswith("/") else ""


async def slow_down(message: Message, context: BotContext) -> bool:
    """True when the user must wait before another expensive action; told once per wait."""
    user_id = message.from_user.id if message.from_user else None
    wait = context.too_fast(user_id)
    if wait and user_id is not None and context.bot_data.limiter.first_refusal(user_id, wait):
        await message.reply_text(
            plural(
                max(1, round(wait)),
                "You're going fast: please wait {n} second and try again.",
                "You're going fast: please wait {n} seconds and try again.",
            )
        )
    return bool(wait)


async def stored_or_reply(message: Message, context: BotContext, article_id: str) -> StoredArticle | None:
    """The stored article, or None after telling the person there is no such article."""
    try:
        return await context.news.article(article_id)
    except NoSuchArticle:
        await reply_html(
            message,
            _("There is no article <code>{id}</code>. /latest lists the newest ones.").format(
                id=fmt.user_text(article_id, 40)
            ),
        )
        return None


async def may_configure(message: Message, context: BotContext, chat: AnyChat) -> bool:
    """Private chats configure themselves; in groups and channels only admins may, checked with
    Telegram at the time of the request."""
    if chat.type == ChatType.PRIVATE and chat.id == message.chat_id:
        return True
    if message.chat.type == ChatType.CHANNEL and chat.id == message.chat_id:
        return True  # only a channel's admins can post in it
    user = message.from_user
    if user is None:
        await message.reply_text(_("Send this as yourself, not anonymously, so I can check you are an admin."))
        return False
    try:
        member = await context.bot.get_chat_member(chat.id, user.id)
    except Forbidden:
        await message.reply_text(_("I am not a member there. Add me as an admin first."))
        return False
    except BadRequest:
        await message.reply_text(_("I can't check your rights there. Make me an admin first."))
        return False
    if member.status not in (ChatMember.ADMINISTRATOR, ChatMember.OWNER):
        await message.reply_text(_("Only admins of that chat can change its settings."))
        return False
    return True
