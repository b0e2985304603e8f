"""News feeds: chats follow RSS or Atom feeds; the bot polls them and stores new items' articles.

Each feed is polled once for all the chats that follow it, with a conditional request (ETag,
Last-Modified): an unchanged feed costs one 304 and no page fetches. Each new item's page goes
through the same safe fetcher as a link someone sends, and its article is stored once however
many chats follow the feed; the next digest of each following chat includes it. A feed that
keeps failing is backed off (doubling, up to a day) and ``/feed list`` says why.
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime

import feedparser

from summarizer import ArticleError

from ..i18n import N_, _
from ..present.formatting import escape, reason
from ..present.plural import plural
from ..service import NewsService
from ..store import Feed
from .fetch import FEED_TYPES, FetchError

log = logging.getLogger(__name__)

MAX_BACKOFF_SECONDS = 24 * 3600


@dataclass
class PollReport:
    feed: Feed
    status: int = 0
    new_articles: list[str] = field(default_factory=list)
    new_seqs: list[int] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    error: str | None = None


class FeedError(Exception):
    """A feed that cannot be used; the message is for the admin who added it."""


async def follow(
    news: NewsService,
    chat_id: int,
    url: str,
    interval: float,
    max_items: int,
    mode: str = "digest",
    thread_id: int | None = None,
) -> PollReport:
    """Follow a feed from a chat: checked at once, so a bad URL is reported now, not later. A
    feed followed already may change its mode (in the digest, or "now": each article as it comes)."""
    feeds = await news.store.feeds_of(chat_id)
    if any(f.url == url and f.mode == mode for f in feeds):
        raise FeedError(N_("this chat already follows that feed"))
    feed = await news.store.follow_feed(chat_id, url, mode, thread_id)
    report = await poll(news, feed, interval, max_items)
    if report.error and (feed.checked_at is None or feed.failures):  # never worked, or failing already
        await news.store.unfollow_feed(chat_id, feed.id)
        raise FeedError(report.error)
    return report


async def poll_due(news: NewsService, interval: float, max_items: int) -> list[PollReport]:
    """Poll every followed feed whose next check has come."""
    reports = []
    for feed in await news.store.due_feeds(time.time()):
        reports.append(await poll(news, feed, interval, max_items))
    return reports


async def poll(news: NewsService, feed: Feed, interval: float, max_items: int) -> PollReport:
    report = PollReport(feed)
    headers = {}
    if feed.etag:
        headers["If-None-Match"] = feed.etag
    if feed.last_modified:
        headers["If-Modified-Since"] = feed.last_modified
    try:
        page = await news.fetcher.fetch(feed.url, accept=FEED_TYPES, headers=headers)
        report.status = page.status
        if page.status != 304:
            parsed = await asyncio.to_thread(feedparser.parse, page.body)
            if not parsed.entries and (parsed.bozo or not parsed.feed):
                raise FeedError(N_("that is not an RSS or Atom feed I can read"))
            await _store_new_items(news, feed, parsed, max_items, report)
            feed = feed.model_copy(
                update={
                    "etag": page.etag,
                    "last_modified": page.last_modified,
                    "title": (parsed.feed.get("title") or feed.title or "")[:200] or None,
                }
            )
    except (FetchError, FeedError) as error:
        report.error = str(error)
    report.feed = _after_check(feed, report.error, interval)
    await news.store.save_feed(report.feed)
    if report.error:
        log.warning("feed %s failed: %s", feed.url, report.error)
    return report


async def _store_new_items(
    news: NewsService, feed: Feed, parsed: feedparser.FeedParserDict, max_items: int, report: PollReport
) -> None:
    entries = [e for e in parsed.entries if e.get("link")][:max_items]
    keys = [str(e.get("id") or e.get("link")) for e in entries]
    seen = await news.store.seen_items(feed.id, keys)
    for key, entry in zip(keys, entries, strict=True):
        if key in seen:
            continue
        try:
            stored, _ = await news.add_link(entry["link"], origin="feed")
        except (FetchError, ArticleError) as error:
            await news.store.record_item(feed.id, key, None, str(error))
            report.skipped.append((entry["link"], str(error)))
            continue
        await news.store.record_item(feed.id, key, stored.seq, None)
        report.new_articles.append(stored.article.id)
        report.new_seqs.append(stored.seq)


def _after_check(feed: Feed, error: str | None, interval: float) -> Feed:
    failures = feed.failures + 1 if error else 0
    delay = min(MAX_BACKOFF_SECONDS, interval * 2 ** min(failures, 10)) if failures else interval
    return feed.model_copy(
        update={
            "checked_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "failures": failures,
            "last_error": error,
            "next_check": time.time() + delay,
        }
    )


def describe(feeds: list[Feed]) -> str:
    """The /feed list reply (HTML)."""
    if not feeds:
        return _("This chat follows no feeds. An admin can add one: /feed add https://example.com/rss")
    lines = [_("<b>Feeds followed here</b>"), ""]
    for number, feed in enumerate(feeds, start=1):
        name = escape(feed.title or feed.url)
        lines.append(f"{number}. {name}\n    {escape(feed.url)}")
        lines.append(
            "    " + (_("⚡ each new article posted as it arrives") if feed.mode == "now" else _("📰 in the digest"))
        )
        if feed.last_error:
            wait = max(0, int(feed.next_check - time.time()) // 60)
            failing = plural(
                feed.failures,
                "⚠️ failing ({n} time): {error}",
                "⚠️ failing ({n} times): {error}",
                error=escape(reason(feed.last_error)),
            )
            later = plural(wait, "next try in {n} minute", "next try in {n} minutes")
            lines.append(f"    {failing}; {later}")
        elif feed.checked_at:
            lines.append("    " + _("✅ checked {when}").format(when=_when(feed.checked_at)))
    lines += ["", _("/feed remove N stops following feed N.")]
    return "\n".join(lines)


def _when(checked_at: str) -> str:
    """A check's time as people read it, in UTC and naming the zone once: "2026-12-02 07:27 UTC"."""
    try:
        moment = datetime.fromisoformat(checked_at)
    except ValueError:
        return escape(checked_at)
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return f"{moment:%Y-%m-%d %H:%M} UTC"
