"""Instant feeds: each new article of a feed followed with ``/feed add URL now`` is posted as it
arrives, one message per story, through the chat's filters, within Telegram's flood limits (the
digest's sender waits out a 429). Journaled like a digest: pending first, sent once Telegram
accepted it, so a restart posts nothing twice and a failed post is retried with the digest."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence

from telegram.error import BadRequest, Forbidden, TelegramError
from telegram.ext import Application

from .digests import DigestResult, MaybeSent, send, stories
from .links.feeds import PollReport
from .present import formatting as fmt

log = logging.getLogger(__name__)


async def post_new_items(application: Application, reports: Sequence[PollReport]) -> None:  # type: ignore[type-arg]
    """Post the articles the polls brought to every chat that follows their feed in instant mode."""
    news = application.bot_data.news
    for report in reports:
        if not report.new_seqs:
            continue
        for chat_id, thread_id in await news.store.instant_targets(report.feed.id):
            await post_articles(application, chat_id, thread_id, report.new_seqs)


async def post_articles(  # type: ignore[type-arg]
    application: Application, chat_id: int, thread_id: int | None, seqs: Sequence[int]
) -> int:
    """Post these articles to a chat now, each story once; returns how many messages were sent."""
    news = application.bot_data.news
    locks = application.bot_data.digest_locks
    async with locks.setdefault(chat_id, asyncio.Lock()), news.store.digest_lock(chat_id):
        queued = set(await news.store.queue_filtered(chat_id, seqs))
        if not queued:
            return 0
        pending = [a for a in await news.store.pending_digest(chat_id, 10_000) if a.seq in queued]
        items = await stories(news, chat_id, pending, await news.length_for(chat_id))
        result = DigestResult(chat_id)
        for item in items:
            text = fmt.render_digest_item(item, application.bot.username)
            await news.store.mark_sending(chat_id, item.article_ids)
            try:
                sent = await send(application, chat_id, fmt.split_message(text)[0], result, thread_id)
            except MaybeSent as error:
                log.warning(
                    "instant post to chat %s may have landed; the digest posts it again, marked: %s", chat_id, error
                )
                break
            except (Forbidden, BadRequest) as error:
                await news.store.mark_pending(chat_id, item.article_ids)
                log.warning("instant post to chat %s refused: %s", chat_id, error.message)
                break
            except TelegramError as error:
                await news.store.mark_pending(chat_id, item.article_ids)
                log.warning("instant post to chat %s failed, left for the digest: %s", chat_id, error)
                break
            await news.store.mark_delivered(chat_id, item.article_ids, sent.message_id)
            result.messages += 1
        return result.messages
