"""/digest, /feed and /forget: a chat's (or an admin's channel's) daily digest and feeds."""

from __future__ import annotations

import logging

from telegram import Message, Update
from telegram.constants import ChatAction, ChatType
from telegram.error import TelegramError

from ..context import BotContext
from ..digests import describe, run_digest, schedule_digest, unschedule_digest
from ..i18n import N_, _
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
        reply = fmt.escape(fmt.reason(str(error)))
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
    channel = chat.type == ChatType.CHANNEL
    if action == "on":
        started = await news.subscribe(chat.id, title, thread_id)
        schedule_digest(context.application, started)
        if thread_id:
            done = _("✅ Digest on: new articles will be posted in this topic daily.")
        elif channel:
            done = _("✅ Digest on: new articles will be posted to {channel} daily.").format(
                channel=fmt.user_text(title)
            )
        else:
            done = _("✅ Digest on: new articles will be posted here daily.")
        return f"{done} {describe(started)}"
    if action in ("only", "skip") and rest:
        changed = await news.set_filter(chat.id, action, " ".join(rest))
        if changed is None:
            return _("There is no digest yet: send /digest on first.")
        return _("Digest filter updated.") + " " + describe(changed)
    if action == "off":
        unschedule_digest(context.application, chat.id)
        await news.unsubscribe(chat.id)
        if channel:
            return _("Digest off for {channel}. /digest on turns it back on.").format(channel=fmt.user_text(title))
        return _("Digest off here. /digest on turns it back on.")
    if action in ("time", "tz") and rest:
        change = news.set_digest_time if action == "time" else news.set_digest_zone
        changed = await change(chat.id, rest[0])
        if changed is None:
            return _("There is no digest yet: send /digest on first.")
        if changed.enabled:
            schedule_digest(context.application, changed)
        return _("Digest updated.") + " " + describe(changed)
    if action == "now":
        if await news.subscription(chat.id) is None:
            if channel:
                return _(NO_DIGEST_FOR_CHANNEL).format(channel=fmt.user_text(title))
            return _(NO_DIGEST_FOR_NOW)
        result = await run_digest(context.application, chat.id)
        return result.describe()
    if action == "status":
        current = await news.subscription(chat.id)
        return describe(current) if current else _("No digest here. An admin can send /digest on.")
    return _(
        'Use /digest on, off, time HH:MM, tz Area/City, now, status, only WORDS or "phrases",'
        " skip WORDS, only off or skip off."
    )


NO_DIGEST_FOR_NOW = N_(
    "There is no digest here, so there is nothing to post now. An admin can send /digest on "
    "to get new articles' summaries daily; after that, /digest now posts what is new at once."
)
NO_DIGEST_FOR_CHANNEL = N_(
    "There is no digest for {channel}, so there is nothing to post now. An admin can send /digest on "
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
        return _("There was nothing stored for this chat: no settings, digest, feeds or pasted texts.")
    deleted = [
        _("the summary length") if forgotten.summary_length else "",
        _("the language") if forgotten.language else "",
        _("the digest") if forgotten.digest else "",
        plural(forgotten.feeds, "{n} followed feed", "{n} followed feeds") if forgotten.feeds else "",
        plural(
            forgotten.deliveries,
            "the delivery history ({n} article posted)",
            "the delivery history ({n} articles posted)",
        )
        if forgotten.deliveries
        else "",
        plural(
            forgotten.pasted,
            "{n} text pasted or linked here that only this chat could see",
            "{n} texts pasted or linked here that only this chat could see",
        )
        if forgotten.pasted
        else "",
    ]
    items = [item for item in deleted if item]
    listed = (
        items[0] if len(items) == 1 else _("{items} and {last}").format(items=", ".join(items[:-1]), last=items[-1])
    )
    return _("Done. Deleted for this chat: {listed}.").format(listed=listed)


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
                message,
                _("There is no feed {number} here; /feed list shows the numbers.").format(number=fmt.escape(rest[0])),
            )
        await news.unfollow_feed(target.id, followed[number - 1].id)
        return await reply_html(
            message, _("Stopped following {url}.").format(url=fmt.user_text(followed[number - 1].url, 200))
        )
    return await reply_html(
        message, _("Use /feed add URL, /feed add URL now, /feed list, /feed remove N, /feed import or /feed export.")
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
        return await reply_html(
            message, _("I can't follow that feed: {error}.").format(error=fmt.escape(fmt.reason(str(error))))
        )
    name = fmt.user_text(report.feed.title or url, 200)
    if mode == "now":
        context.application.create_task(post_articles(context.application, target.id, thread_id, report.new_seqs))
        return await reply_html(
            message,
            _("✅ Following <b>{feed}</b>: each new article will be posted as it arrives ({count} now).").format(
                feed=name, count=len(report.new_seqs)
            ),
        )
    subscribed = await news.subscription(target.id)
    hint = "" if subscribed and subscribed.enabled else " " + _("Turn the digest on with /digest on to receive them.")
    following = plural(
        len(report.new_articles),
        "✅ Following <b>{feed}</b>: {n} article stored for the next digest.",
        "✅ Following <b>{feed}</b>: {n} articles stored for the next digest.",
        feed=name,
    )
    return await reply_html(message, following + hint)


async def resolve_channel(message: Message, context: BotContext, name: str) -> AnyChat | None:
    try:
        chat = await context.bot.get_chat(name)
    except TelegramError:
        await message.reply_text(
            _("I can't find {name}. Add me to the channel as an admin first.").format(name=fmt.user_text(name))
        )
        return None
    if chat.type != ChatType.CHANNEL:
        await message.reply_text(
            _("{name} is not a channel. Send /digest in the group itself.").format(name=fmt.user_text(name))
        )
        return None
    return chat
