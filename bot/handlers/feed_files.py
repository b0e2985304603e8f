"""/feed import and /feed export: a chat's feeds in and out as OPML, the file feed readers share."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

from telegram import Document, InputFile, Message
from telegram.constants import ChatAction
from telegram.error import TelegramError

from ..context import BotContext
from ..i18n import _
from ..links import feeds
from ..links.opml import MAX_OPML_BYTES, OpmlError, OpmlFeed, read_opml, write_opml
from ..present import formatting as fmt
from ..present.plural import plural
from .replies import AnyChat, reply_html

FOLLOW_AT_ONCE = 4
"""Feeds of an imported file checked at the same time (each is fetched once to be followed)."""
MAX_REASONS = 10


async def import_feeds(context: BotContext, message: Message, target: AnyChat, thread_id: int | None) -> list[Message]:
    """Follow every feed of the OPML file sent with the command (or replied to)."""
    document = message.document or (message.reply_to_message.document if message.reply_to_message else None)
    if document is None:
        return await reply_html(message, _("Send /feed import as the caption of an .opml file, or as a reply to one."))
    try:
        listed = read_opml(await _download(context, document))
    except OpmlError as error:
        return await reply_html(
            message, _("I can't import that file: {error}.").format(error=fmt.escape(fmt.reason(str(error))))
        )
    await message.chat.send_action(ChatAction.TYPING, message_thread_id=thread_id)
    outcomes = await _follow_all(context, target.id, listed.feeds, thread_id)
    refused = listed.refused + [(url, why) for url, why in outcomes if why not in ("added", "already")]
    return await reply_html(message, _import_report(outcomes, refused))


async def export_feeds(context: BotContext, message: Message, target: AnyChat) -> list[Message]:
    """Send the chat's feeds as an OPML 2.0 file."""
    followed = await context.news.feeds_of(target.id)
    if not followed:
        return await reply_html(message, _("This chat follows no feeds, so there is nothing to export."))
    title = f"Feeds of {target.title or target.username or target.full_name or target.id}"
    data = write_opml(title, [OpmlFeed(f.url, f.title) for f in followed], datetime.now(UTC))
    sent = await message.reply_document(
        InputFile(data, filename="feeds.opml", attach=True),
        caption=plural(
            len(followed),
            "{n} feed. Import it into a feed reader, or into another chat with /feed import.",
            "{n} feeds. Import them into a feed reader, or into another chat with /feed import.",
        ),
        do_quote=False,
    )
    return [sent]


async def _download(context: BotContext, document: Document) -> bytes:
    if document.file_size is not None and document.file_size > MAX_OPML_BYTES:
        raise OpmlError(_("the file is larger than {size} kB").format(size=MAX_OPML_BYTES // 1000))
    try:
        file = await context.bot.get_file(document.file_id)
        return bytes(await file.download_as_bytearray())
    except TelegramError as error:
        raise OpmlError(_("Telegram would not give me the file ({error})").format(error=error.message)) from None


async def _follow_all(
    context: BotContext, chat_id: int, listed: list[OpmlFeed], thread_id: int | None
) -> list[tuple[str, str]]:
    """(url, outcome) per feed: "added", "already", or the reason it was refused."""
    settings, news = context.settings, context.news
    known = {f.url for f in await news.feeds_of(chat_id)}
    gate = asyncio.Semaphore(FOLLOW_AT_ONCE)

    async def one(feed: OpmlFeed) -> tuple[str, str]:
        if feed.url in known:
            return feed.url, "already"
        async with gate:
            try:
                await feeds.follow(news, chat_id, feed.url, settings.feed_poll_minutes * 60, settings.feed_max_items)
            except feeds.FeedError as error:
                return feed.url, str(error)
        return feed.url, "added"

    return list(await asyncio.gather(*(one(feed) for feed in listed)))


def _import_report(outcomes: list[tuple[str, str]], refused: list[tuple[str, str]]) -> str:
    added = sum(1 for outcome in outcomes if outcome[1] == "added")
    already = sum(1 for outcome in outcomes if outcome[1] == "already")
    lines = [
        _("📥 Feeds imported: {added} added, {already} already followed, {refused} refused.").format(
            added=added, already=already, refused=len(refused)
        )
    ]
    for url, reason in refused[:MAX_REASONS]:
        lines.append(f"• {fmt.escape(url)}: {fmt.escape(fmt.reason(reason))}")
    if len(refused) > MAX_REASONS:
        lines.append(plural(len(refused) - MAX_REASONS, "… and {n} more refused.", "… and {n} more refused."))
    return "\n".join(lines)
