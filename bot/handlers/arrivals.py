"""What else arrives and expects an answer: pasted text (in parts), documents, edited messages,
unknown commands, and the bot being added to a group."""

from __future__ import annotations

import logging

from telegram import ChatMember, Message, Update
from telegram.constants import ChatType
from telegram.error import TelegramError

from summarizer import ArticleError

from ..context import BotContext
from ..i18n import N_, _
from ..links.documents import KINDS, MAX_DOCUMENT_BYTES, DocumentError, readable
from ..present import formatting as fmt
from .articles import answer_text, is_article, summarize_text
from .concurrency import BUSY, Busy, typing
from .parts import take_part
from .replies import send_summary, slow_down

log = logging.getLogger(__name__)

GREETING = N_(
    "Hello! I turn news articles into short summaries and key facts. An admin can send "
    "/digest on to have new articles' summaries posted here every day; /help lists everything."
)


async def private_text(update: Update, context: BotContext) -> None:
    """Text pasted or forwarded into a private chat, joined with the parts that belong to it."""
    message = update.effective_message
    assert message
    await take_part(message, context, message.text or message.caption or "", answer_text)


# -- documents -------------------------------------------------------------------------------


async def document(update: Update, context: BotContext) -> None:
    """A file sent in a private chat: its article summarized, or a reason why not."""
    message = update.effective_message
    assert message and message.document
    sent = message.document
    if not readable(sent.file_name, sent.mime_type):
        await message.reply_text(
            _("I can summarize {kinds} (up to {mb} MB).").format(kinds=_(KINDS), mb=MAX_DOCUMENT_BYTES // 1_000_000)
        )
        return
    if (sent.file_size or 0) > MAX_DOCUMENT_BYTES:
        await message.reply_text(
            _("That file is too large: I read files up to {mb} MB.").format(mb=MAX_DOCUMENT_BYTES // 1_000_000)
        )
        return
    if await slow_down(message, context):
        return
    try:
        async with context.bot_data.slow_work.slot(), typing(message.chat):
            data = await (await context.bot.get_file(sent.file_id)).download_as_bytearray()
            stored, _added = await context.news.add_document(
                sent.file_name, bytes(data), sent.mime_type, chat_id=message.chat_id
            )
    except Busy:
        await message.reply_text(_(BUSY))
        return
    except (DocumentError, ArticleError) as error:
        said = fmt.escape(fmt.reason(str(error)))
        await message.reply_text(_("I can't summarize that file: {error}.").format(error=said))
        return
    except TelegramError as error:
        log.warning("downloading a document failed: %s", error)
        await message.reply_text(_("I couldn't download that file from Telegram. Please send it again."))
        return
    await send_summary(message, context, stored)


# -- edits, unknown commands, new groups -----------------------------------------------------


async def edited(update: Update, context: BotContext) -> None:
    """An edited message: an article in it is summarized again; an edited command is not run."""
    message = update.edited_message
    assert message
    text = message.text or message.caption or ""
    if text.startswith("/") and meant_for_us(message, context):
        await message.reply_text(_("I don't act on edited commands: send the command again as a new message."))
    elif message.chat.type == ChatType.PRIVATE and is_article(text):
        await summarize_text(message, context, text, edited=True)


async def unknown_command(update: Update, context: BotContext) -> None:
    """A command this bot does not have: a one-line hint (in groups, only if it was meant for us)."""
    message = update.effective_message
    assert message and message.text
    if meant_for_us(message, context):
        word = message.text.split(maxsplit=1)[0].partition("@")[0]
        await message.reply_text(
            _("I don't know {command}. /help lists what I can do.").format(command=fmt.escape(word[:40]))
        )


def meant_for_us(message: Message, context: BotContext) -> bool:
    """A command in a private chat, or one addressed to this bot by name (/cmd@bot) elsewhere."""
    words = (message.text or message.caption or "").split(maxsplit=1)
    bot_name = words[0].partition("@")[2] if words else ""
    return message.chat.type == ChatType.PRIVATE or bot_name.lower() == (context.bot.username or "").lower()


async def added_to_group(update: Update, context: BotContext) -> None:
    """The bot was added to a group: a short greeting that says how the digest is turned on."""
    change = update.my_chat_member
    assert change
    was_in = change.old_chat_member.status in (ChatMember.MEMBER, ChatMember.ADMINISTRATOR, ChatMember.OWNER)
    is_in = change.new_chat_member.status in (ChatMember.MEMBER, ChatMember.ADMINISTRATOR)
    if change.chat.type in (ChatType.GROUP, ChatType.SUPERGROUP) and is_in and not was_in:
        try:
            await context.bot.send_message(change.chat.id, _(GREETING))
        except TelegramError as error:  # removed again at once, or not allowed to write
            log.info("could not greet chat %s: %s", change.chat.id, error)
