"""/digest, /feed and /forget: a chat's (or an admin's channel's) daily digest and feeds."""

from __future__ import annotations

import logging

from telegram import Message, Update
from telegram.constants import ChatAction, ChatType
from telegram.error import TelegramError

from ..context import BotContext
from ..digests import describe, run_digest, schedule_digest, unschedule_digest
from ..instant import post_articles
from ..links import feeds
from ..present import formatting as fmt
from ..present.plural import plural
from ..schedule import BadSchedule
from ..service import Forgotten
from ..store.filters import FilterError
from . import feed_files
from .numbers import parse_number
from .replies import AnyChat, may_configure, reply_html

log = logging.getLogger(__name__)


async def target_and_action(
    message: Message, context: BotContext, read_only: str
) -> tuple[AnyChat, str, list[str]] | None:
    """What a /digest or /feed command is about: this chat, or the @channel named last; its
    action (``read_only`` when none is given) and the action's arguments. None, after a reply
    saying why, when the person may not change that chat."""
    args = list(context.args or [])
    target: AnyChat = message.chat
    if args and args[-1].startswith("@"):
        channel = await resolve_channel(message, context, args.pop())
        if channel is None:
            return None
        target = channel
    action = args[0].lower() if args else read_only
    if action != read_only and not await may_configure(message, context, target):
        return None
    return target, action, args[1:]


async def digest(update: Update, context: BotContext) -> None:
    message = update.effective_message
    assert message
    request = await target_and_action(message, context, "status")
    if request is None:
        return
    target, action, rest = request
    try:
        reply = await digest_action(context, target, action, rest, topic_of(message, target))
    except (BadSchedule, FilterError) as error:
        reply = fmt.escape(str(error))
    tidy_channel(context, message, await reply_html(message, reply))


def topic_of(message: Message, target: AnyChat) -> int | None:
    """The forum topic a command was sent in, when it configures that chat (None in General)."""
    return message.message_thread_id if message.is_topic_message and target.id == message.chat_id else None


def tidy_channel(context: BotContext, command: Message, replies: list[Message]) -> None:
    """In a channel, every subscriber would read the setup chatter: the command and the replies
    are deleted after CHANNEL_REPLY_SECONDS (long enough for the admin to read them)."""
    if command.chat.type != ChatType.CHANNEL or context.job_queue is None:
        return
    ids = [command.message_id, *(r.message_id for r in replies)]
    seconds = context.settings.channel_reply_seconds
    context.job_queue.run_once(_delete_messages, seconds, chat_id=command.chat_id, data=ids)  # type: ignore[arg-type]


async def _delete_messages(context: BotContext) -> None:
    job = context.job
    assert job is not None and job.chat_id is not None
    ids: list[int] = job.data  # type: ignore[assignment]
    for message_id in ids:
        try:
            await context.bot.delete_message(job.chat_id, message_id)
        except TelegramError as error:
            log.warning("could not delete message %s in chat %s: %s", message_id, job.chat_id, error)


async def digest_action(
    context: BotContext, chat: AnyChat, action: str, rest: list[str], thread_id: int | None = None
) -> str:
    news = context.news
    title = chat.title or chat.username or chat.full_name or str(chat.id)
    where = "here" if chat.type != ChatType.CHANNEL else f"to {fmt.user_text(title)}"
    if action == "on":
        started = await news.subscribe(chat.id, title, thread_id)
        schedule_digest(context.application, started)
        where = "in this topic" if thread_id else where
        return f"✅ Digest on: new articles will be posted {where} daily. {describe(started)}"
    if action in ("only", "skip") and rest:
        changed = await news.set_filter(chat.id, action, " ".join(rest))
        if changed is None:
            return "There is no digest yet: send /digest on first."
        return f"Digest filter updated. {describe(changed)}"
    if action == "off":
        unschedule_digest(context.application, chat.id)
        await news.unsubscribe(chat.id)
        return f"Digest off {where}. /digest on turns it back on."
    if action in ("time", "tz") and rest:
        change = news.set_digest_time if action == "time" else news.set_digest_zone
        changed = await change(chat.id, rest[0])
        if changed is None:
            return "There is no digest yet: send /digest on first."
        if changed.enabled:
            schedule_digest(context.application, changed)
        return f"Digest updated. {describe(changed)}"
    if action == "now":
        if await news.subscription(chat.id) is None:
            place = "here" if chat.type != ChatType.CHANNEL else f"for {fmt.user_text(title)}"
            return NO_DIGEST_FOR_NOW.format(where=place)
        result = await run_digest(context.application, chat.id)
        return result.describe()
    if action == "status":
        current = await news.subscription(chat.id)
        return describe(current) if current else "No digest here. An admin can send /digest on."
    return (
        'Use /digest on, off, time HH:MM, tz Area/City, now, status, only WORDS or "phrases",'
        " skip WORDS, only off or skip off."
    )


NO_DIGEST_FOR_NOW = (
    "There is no digest {where}, so there is nothing to post now. An admin can send /digest on "
    "to get new articles' summaries daily; after that, /digest now posts what is new at once."
)
"""/digest now never turns a digest on: a chat without one is told how to get one."""


async def forget(update: Update, context: BotContext) -> None:
    message = update.effective_message
    assert message
    if not await may_configure(message, context, message.chat):
        return
    unschedule_digest(context.application, message.chat_id)
    forgotten = await context.news.forget_chat(message.chat_id)
    await message.reply_text(describe_forgotten(forgotten))


def describe_forgotten(forgotten: Forgotten) -> str:
    """The /forget reply: what was deleted, item by item."""
    if not forgotten.anything:
        return "There was nothing stored for this chat: no settings, digest, feeds or pasted texts."
    deleted = [
        "the summary length" if forgotten.summary_length else "",
        "the digest" if forgotten.digest else "",
        f"{plural(forgotten.feeds, 'followed feed')}" if forgotten.feeds else "",
        f"the delivery history ({plural(forgotten.deliveries, 'article')} posted)" if forgotten.deliveries else "",
        f"{plural(forgotten.pasted, 'text')} pasted or linked here that only this chat could see"
        if forgotten.pasted
        else "",
    ]
    items = [item for item in deleted if item]
    listed = items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"
    return f"Done. Deleted for this chat: {listed}."


async def feed(update: Update, context: BotContext) -> None:
    message = update.effective_message
    assert message
    request = await target_and_action(message, context, "list")
    if request is None:
        return
    target, action, rest = request
    replies = await feed_action(context, message, target, action, rest)
    tidy_channel(context, message, replies)


async def feed_caption(update: Update, context: BotContext) -> None:
    """/feed import written as the caption of the file it imports."""
    message = update.effective_message
    assert message and message.caption
    context.args = message.caption.split()[1:]
    await feed(update, context)


async def feed_action(
    context: BotContext, message: Message, target: AnyChat, action: str, rest: list[str]
) -> list[Message]:
    news = context.news
    if action == "list":
        return await reply_html(message, feeds.describe(await news.feeds_of(target.id)))
    if action == "add" and (len(rest) == 1 or (len(rest) == 2 and rest[1].lower() == "now")):
        return await add_feed(context, message, target, rest[0], "now" if len(rest) == 2 else "digest")
    if action == "import":
        return await feed_files.import_feeds(context, message, target, topic_of(message, target))
    if action == "export":
        return await feed_files.export_feeds(context, message, target)
    if action == "remove" and len(rest) == 1 and parse_number(rest[0], 0, 10**9) is not None:
        followed = await news.feeds_of(target.id)
        number = parse_number(rest[0], 1, len(followed))
        if number is None:
            return await reply_html(
                message, f"There is no feed {fmt.escape(rest[0])} here; /feed list shows the numbers."
            )
        await news.unfollow_feed(target.id, followed[number - 1].id)
        return await reply_html(message, f"Stopped following {fmt.user_text(followed[number - 1].url, 200)}.")
    return await reply_html(
        message, "Use /feed add URL, /feed add URL now, /feed list, /feed remove N, /feed import or /feed export."
    )


async def add_feed(context: BotContext, message: Message, target: AnyChat, url: str, mode: str) -> list[Message]:
    """Follow one feed; in "now" mode, its current articles are posted at once, the next ones as they come."""
    news, settings = context.news, context.settings
    thread_id = topic_of(message, target)
    await message.chat.send_action(ChatAction.TYPING, message_thread_id=thread_id)
    try:
        report = await feeds.follow(
            news, target.id, url, settings.feed_poll_minutes * 60, settings.feed_max_items, mode, thread_id
        )
    except feeds.FeedError as error:
        return await reply_html(message, f"I can't follow that feed: {fmt.escape(str(error))}.")
    name = f"<b>{fmt.user_text(report.feed.title or url, 200)}</b>"
    if mode == "now":
        context.application.create_task(post_articles(context.application, target.id, thread_id, report.new_seqs))
        return await reply_html(
            message, f"✅ Following {name}: each new article will be posted as it arrives ({len(report.new_seqs)} now)."
        )
    subscribed = await news.subscription(target.id)
    hint = "" if subscribed and subscribed.enabled else " Turn the digest on with /digest on to receive them."
    return await reply_html(
        message, f"✅ Following {name}: {plural(len(report.new_articles), 'article')} stored for the next digest.{hint}"
    )


async def resolve_channel(message: Message, context: BotContext, name: str) -> AnyChat | None:
    try:
        chat = await context.bot.get_chat(name)
    except TelegramError:
        await message.reply_text(f"I can't find {fmt.user_text(name)}. Add me to the channel as an admin first.")
        return None
    if chat.type != ChatType.CHANNEL:
        await message.reply_text(f"{fmt.user_text(name)} is not a channel. Send /digest in the group itself.")
        return None
    return chat
