"""Scheduled digests: at each chat's time, post the articles added since its last digest.

What is promised, per chat, across restarts, crashes and lost answers: every article is posted,
and an article is posted twice only when the message carrying it was on its way at the moment
the run stopped (a crash, or an answer lost on the way back), and then the second copy says so.
The journal makes this hold: ``enqueue_digest`` records the new articles as pending for the chat
in one transaction; before a message is sent its articles are marked 'sending'; once Telegram
accepts it, 'sent'. A send that failed for sure (Telegram answered with an error, or the
connection was never made) is retried or left pending. A send that may have landed (the
connection broke after the request went out, the answer timed out) is never retried blindly:
the run stops there, and the next run posts that one message again headed by ``AGAIN_NOTE``.
Telegram has no idempotency key, so this one message in flight per chat is the bound.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from datetime import time, timedelta
from zoneinfo import ZoneInfo

import httpx
from telegram import Message
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError
from telegram.ext import Application, Job

from .context import BotContext
from .i18n import FALLBACK, _, speaking
from .present import formatting as fmt
from .present.plural import plural
from .service import NewsService, summary_of
from .store import StoredArticle, Subscription

log = logging.getLogger(__name__)
RETRY_SECONDS = 60
"""After a run that stopped on an error, the next try comes this much later."""
SEND_ATTEMPTS = 4
RETRY_BASE_SECONDS = 0.5


def job_name(chat_id: int) -> str:
    # One named job per chat, so a new schedule replaces the old one instead of doubling it.
    return f"digest:{chat_id}"


@dataclass
class DigestResult:
    chat_id: int
    articles: list[str] = field(default_factory=list)
    messages: int = 0
    retries: int = 0
    error: str | None = None
    paused: bool = False

    def describe(self) -> str:
        if self.error:
            return _("The digest stopped: {error}. What was not posted stays queued.").format(
                error=fmt.escape(self.error)
            )
        if not self.articles:
            return _("Nothing new since the last digest, so nothing was posted.")
        messages = plural(self.messages, "{n} message", "{n} messages")
        return plural(
            len(self.articles),
            "Posted {n} new article in {messages}.",
            "Posted {n} new articles in {messages}.",
            messages=messages,
        )


def describe(subscription: Subscription | None) -> str:
    if subscription is None:
        return _("No digest here.")
    where = {"time": subscription.time, "zone": subscription.timezone}
    if subscription.paused_reason:
        state = _("Digest is paused ({reason}): daily at {time} ({zone}).").format(
            reason=fmt.escape(subscription.paused_reason), **where
        )
    elif subscription.enabled:
        state = _("Digest is on: daily at {time} ({zone}).").format(**where)
    else:
        state = _("Digest is off: daily at {time} ({zone}).").format(**where)
    lines = [state]
    if subscription.thread_id:
        lines.append(_("It is posted in the forum topic where /digest on was sent."))
    if subscription.only_terms:
        lines.append(
            _("Only articles about: {terms} (/digest only off clears it).").format(
                terms=fmt.escape(subscription.only_terms)
            )
        )
    if subscription.skip_terms:
        lines.append(
            _("Skipping articles about: {terms} (/digest skip off clears it).").format(
                terms=fmt.escape(subscription.skip_terms)
            )
        )
    return "\n".join(lines)


def schedule_digest(application: Application, subscription: Subscription) -> None:  # type: ignore[type-arg]
    """Put a chat's digest on its schedule, replacing a different one; the same one stays."""
    queue = application.job_queue
    if queue is None:
        return
    when = (subscription.time, subscription.timezone)
    jobs = queue.get_jobs_by_name(job_name(subscription.chat_id))
    if len(jobs) == 1 and jobs[0].data == when:
        return
    unschedule_digest(application, subscription.chat_id)
    hours, minutes = map(int, subscription.time.split(":"))
    queue.run_daily(
        _digest_job,
        time=time(hours, minutes, tzinfo=ZoneInfo(subscription.timezone)),
        name=job_name(subscription.chat_id),
        chat_id=subscription.chat_id,
        data=when,
    )


def unschedule_digest(application: Application, chat_id: int) -> None:  # type: ignore[type-arg]
    queue = application.job_queue
    if queue is None:
        return
    for job in queue.get_jobs_by_name(job_name(chat_id)):
        job.schedule_removal()


async def schedule_all(application: Application, catch_up: bool = True) -> None:  # type: ignore[type-arg]
    """Every enabled digest on its schedule as the store has it (another worker may have changed
    it), none for disabled ones; with ``catch_up``, an immediate run for every chat whose journal
    still holds articles a stopped run did not post."""
    news = application.bot_data.news
    pending = await news.store.chats_with_pending() if catch_up else set()
    for subscription in await news.store.subscriptions():
        if not subscription.enabled:
            unschedule_digest(application, subscription.chat_id)
            continue
        schedule_digest(application, subscription)
        queue = application.job_queue
        name = f"catch-up:{subscription.chat_id}"
        idle = (
            queue is not None and not queue.get_jobs_by_name(name) and not _running(application, subscription.chat_id)
        )
        if idle and subscription.chat_id in pending:
            queue.run_once(_digest_job, 1, chat_id=subscription.chat_id, name=name)  # type: ignore[union-attr]


def _running(application: Application, chat_id: int) -> bool:  # type: ignore[type-arg]
    lock = application.bot_data.digest_locks.get(chat_id)
    return lock is not None and lock.locked()


async def _digest_job(context: BotContext) -> None:
    job: Job = context.job  # type: ignore[assignment]
    assert job.chat_id is not None
    if not await context.news.store.try_lead():
        return  # another worker leads the digests now
    result = await run_digest(context.application, job.chat_id)
    if context.job_queue is None or result.paused:
        return
    if result.error:
        context.job_queue.run_once(_digest_job, RETRY_SECONDS, chat_id=job.chat_id)  # type: ignore[arg-type]


async def run_digest(application: Application, chat_id: int) -> DigestResult:  # type: ignore[type-arg]
    """Post what is new and pending for one chat; never an empty post. One run per chat at a
    time: a scheduled run and /digest now cannot post the same article twice."""
    locks = application.bot_data.digest_locks
    async with locks.setdefault(chat_id, asyncio.Lock()), application.bot_data.news.store.digest_lock(chat_id):
        return await _run_digest(application, chat_id)


async def _run_digest(application: Application, chat_id: int) -> DigestResult:  # type: ignore[type-arg]
    news = application.bot_data.news
    limit = application.bot_data.settings.digest_max_articles
    result = DigestResult(chat_id)
    subscription = await news.store.subscription(chat_id)
    if subscription is None:
        return result
    # At most ``limit`` articles are queued per run; the rest stay new for the next scheduled one.
    await news.store.enqueue_digest(chat_id, limit)
    pending = await news.store.pending_digest(chat_id, limit)
    items = await stories(news, chat_id, pending, await news.length_for(chat_id))
    in_doubt = await news.store.in_doubt(chat_id)
    with speaking(await news.language_of(chat_id) or FALLBACK):  # a chat's digest, not a person's reply
        rendered = fmt.render_digest(items, application.bot.username, in_doubt)
    for text, article_ids in rendered:
        if article_ids:
            await news.store.mark_sending(chat_id, article_ids)
        try:
            sent = await send(application, chat_id, text, result, subscription.thread_id)
        except MaybeSent as error:
            log.warning("digest for chat %s stopped: a message may have landed (%s)", chat_id, error)
            result.error = _("a message may or may not have arrived; it is posted again, marked, next time")
            return result
        except TelegramError as error:
            if article_ids:
                await news.store.mark_pending(chat_id, article_ids)
            await _stopped(application, chat_id, error, result)
            return result
        if article_ids:
            await news.store.mark_delivered(chat_id, article_ids, sent.message_id)
            result.articles.extend(article_ids)
        result.messages += 1
    log.info(
        "digest for chat %s: %d article(s) in %d message(s), %d retried send(s)",
        chat_id,
        len(result.articles),
        result.messages,
        result.retries,
    )
    return result


async def stories(news: NewsService, chat_id: int, pending: list[StoredArticle], length: int) -> list[fmt.DigestItem]:
    """One item per story: its first article, the others that told it listed as "also". A story
    the chat already had is not told again: its articles count as posted with that message."""
    groups: dict[int, list[StoredArticle]] = {}
    for stored in pending:
        groups.setdefault(stored.story_seq or stored.seq, []).append(stored)
    told = await news.store.sent_stories(chat_id, list(groups))
    items = []
    for story, articles in groups.items():
        if story in told:
            await news.store.mark_delivered(chat_id, [a.article.id for a in articles], told[story])
            continue
        first, *others = articles
        items.append(fmt.DigestItem(first, summary_of(first, length), tuple(others)))
    return items


def topic_gone(error: BadRequest) -> bool:
    """Telegram's answer to a post into a forum topic that was deleted (or never was one)."""
    return "message thread not found" in error.message.lower()


async def pause(application: Application, chat_id: int, error: TelegramError) -> None:  # type: ignore[type-arg]
    """Pause a chat's digest with the reason, as when the bot was removed from the chat."""
    reason = "the forum topic it posted in was deleted" if isinstance(error, BadRequest) else error.message
    news = application.bot_data.news
    with speaking(await news.language_of(chat_id) or FALLBACK):  # said later to the chat's admins
        said = _("the forum topic it posted in was deleted") if isinstance(error, BadRequest) else error.message
        await news.pause(chat_id, _("I can't post there: {reason}").format(reason=said))
    unschedule_digest(application, chat_id)
    log.warning("digest for chat %s paused: %s", chat_id, reason)


async def _stopped(application: Application, chat_id: int, error: TelegramError, result: DigestResult) -> None:  # type: ignore[type-arg]
    """A refused send: the chat is paused if the bot may not post there (removed, blocked, or its
    forum topic deleted)."""
    if isinstance(error, Forbidden) or (isinstance(error, BadRequest) and topic_gone(error)):
        await pause(application, chat_id, error)
        result.error, result.paused = _("paused, I am not allowed to post there"), True
    else:
        log.warning("digest for chat %s interrupted after %d retries: %s", chat_id, result.retries, error)
        result.error = str(error)


class MaybeSent(Exception):
    """A send whose request went out and whose answer was lost: the message may have landed."""


_NEVER_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


def _may_have_landed(error: NetworkError) -> bool:
    """Telegram answered with an error status (no transport error behind it), or the connection
    was never made: nothing was posted. Any other broken exchange may have posted the message."""
    cause = error.__cause__
    return isinstance(cause, httpx.HTTPError) and not isinstance(cause, _NEVER_SENT)


async def send(  # type: ignore[type-arg]
    application: Application, chat_id: int, text: str, result: DigestResult, thread_id: int | None = None
) -> Message:
    """Send one digest message (into its forum topic, if any), retrying only what surely was not
    posted: flood waits, server errors and connections never made. Refusals (Forbidden,
    BadRequest) are not retried, and a send that may have landed raises MaybeSent instead of
    being tried again."""
    last = SEND_ATTEMPTS - 1
    for attempt in range(SEND_ATTEMPTS):
        try:
            return await application.bot.send_message(chat_id, text, message_thread_id=thread_id)
        except (Forbidden, BadRequest):
            raise
        except RetryAfter as error:
            if attempt == last:
                raise
            delay = _seconds(error.retry_after)
        except NetworkError as error:  # TimedOut too
            if _may_have_landed(error):
                raise MaybeSent(str(error)) from error
            if attempt == last:
                raise
            delay = RETRY_BASE_SECONDS * 2**attempt
        result.retries += 1
        await asyncio.sleep(delay)
    raise AssertionError("unreachable: the last attempt returns or raises")


def _seconds(value: float | timedelta) -> float:
    return value.total_seconds() if isinstance(value, timedelta) else float(value)
