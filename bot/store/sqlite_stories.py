"""The SQLite store's part for subscribed digests: filters through FTS5, followed feeds and
those posted as they come, and one story told once (each article's story and signature)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any, TypeVar

from .base import FEED_BACKLOG, Feed, stored_from_row
from .filters import Terms, decode_terms, fts5_all_words, held, lexeme_terms

T = TypeVar("T")
_CHUNK = 500

DIGEST_CANDIDATES = (
    "SELECT seq FROM articles WHERE seq > :after AND seq <= :newest AND origin = 'catalog'"
    " UNION SELECT i.article_seq FROM feed_items i JOIN chat_feeds c ON c.feed_id = i.feed_id"
    " WHERE c.chat_id = :chat AND c.mode = 'digest' AND i.article_seq IS NOT NULL AND i.article_seq <= :newest"
    " AND i.seen_at >= c.added_at AND NOT EXISTS (SELECT 1 FROM deliveries d"
    " WHERE d.chat_id = :chat AND d.article_seq = i.article_seq)"
)
"""What a chat's next digest may bring: catalogue articles stored since its last digest, and
every article its feeds brought since it followed them (before or after the digest began)."""


def filtered(db: sqlite3.Connection, chat_id: int, seqs: Sequence[int]) -> list[int]:
    """The articles among ``seqs`` that pass the chat's digest filters, in order."""
    row = db.execute("SELECT only_terms, skip_terms FROM subscriptions WHERE chat_id = ?", (chat_id,)).fetchone()
    keep = set(seqs)
    if row is not None and row[0]:
        keep &= _matching(db, decode_terms(row[0]), seqs)
    if row is not None and row[1]:
        keep -= _matching(db, decode_terms(row[1]), seqs)
    return sorted(keep)


def queue(db: sqlite3.Connection, chat_id: int, seqs: Sequence[int]) -> list[int]:
    """Journal articles as pending for a chat; the ones not journaled before."""
    now = _now()
    queued = []
    for seq in seqs:
        cursor = db.execute(
            "INSERT OR IGNORE INTO deliveries (chat_id, article_seq, state, updated_at) VALUES (?, ?, 'pending', ?)",
            (chat_id, seq, now),
        )
        if cursor.rowcount:
            queued.append(seq)
    return queued


def _matching(db: sqlite3.Connection, terms: Terms, seqs: Sequence[int]) -> set[int]:
    """Those of ``seqs`` that hold one of the terms: the index finds the articles with all of
    a term's words (it keeps no positions), ``held`` the phrases among them."""
    terms = lexeme_terms(terms)
    if not terms:
        return set()
    found: set[int] = set()
    for start in range(0, len(seqs), _CHUNK):
        chunk = list(seqs[start : start + _CHUNK])
        marks = ", ".join("?" * len(chunk))
        found.update(
            r[0]
            for r in db.execute(
                f"SELECT rowid FROM article_index WHERE article_index MATCH ? AND rowid IN ({marks})",
                (fts5_all_words(terms), *chunk),
            )
        )
    if found and any(len(term) > 1 for term in terms):
        marks = ", ".join("?" * len(found))
        rows = db.execute(f"SELECT * FROM articles WHERE seq IN ({marks})", sorted(found)).fetchall()
        found = {row["seq"] for row in rows if held(terms, stored_from_row(row).article)}
    return found


class SqliteStories:
    """Mixed into ``SqliteArticleStore``: the queries of filters, feeds and stories."""

    async def _run(self, work: Callable[[sqlite3.Connection], T]) -> T:
        raise NotImplementedError

    async def queue_filtered(self, chat_id: int, seqs: Sequence[int]) -> list[int]:
        """Journal as pending for a chat those of ``seqs`` its filters let through and that it
        has not had; returns them (what to post now)."""

        def work(db: sqlite3.Connection) -> list[int]:
            db.execute("BEGIN IMMEDIATE")
            try:
                queued = queue(db, chat_id, filtered(db, chat_id, seqs))
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")
            return queued

        return await self._run(work)

    async def instant_targets(self, feed_id: int) -> list[tuple[int, int | None]]:
        """The chats (and forum topics) that get a feed's articles as they arrive."""
        return await self._run(
            lambda db: [
                (r[0], r[1])
                for r in db.execute(
                    "SELECT chat_id, thread_id FROM chat_feeds WHERE feed_id = ? AND mode = 'now' ORDER BY chat_id",
                    (feed_id,),
                )
            ]
        )

    async def save_story(self, seq: int, signature: bytes | None, story_seq: int) -> None:
        """Keep which story an article tells (and its signature, for the index after a restart)."""

        def work(db: sqlite3.Connection) -> None:
            db.execute("UPDATE articles SET story_seq = ? WHERE seq = ?", (story_seq, seq))
            if signature is not None:
                db.execute("INSERT OR REPLACE INTO story_signatures (seq, signature) VALUES (?, ?)", (seq, signature))

        await self._run(work)

    async def story_signatures(self, after_seq: int, limit: int) -> list[tuple[int, int, bytes]]:
        """(seq, story seq, signature) of the articles after ``after_seq`` that have one, oldest first."""
        return await self._run(
            lambda db: [
                (r[0], r[1], bytes(r[2]))
                for r in db.execute(
                    "SELECT s.seq, a.story_seq, s.signature FROM story_signatures s JOIN articles a ON a.seq = s.seq"
                    " WHERE s.seq > ? ORDER BY s.seq LIMIT ?",
                    (after_seq, limit),
                )
            ]
        )

    async def sent_stories(self, chat_id: int, story_seqs: Sequence[int]) -> dict[int, int]:
        """Of these stories, those already posted to the chat, with the message that told them."""

        def work(db: sqlite3.Connection) -> dict[int, int]:
            told: dict[int, int] = {}
            for start in range(0, len(story_seqs), _CHUNK):
                chunk = list(story_seqs[start : start + _CHUNK])
                marks = ", ".join("?" * len(chunk))
                for story, message in db.execute(
                    "SELECT a.story_seq, min(d.message_id) FROM deliveries d JOIN articles a ON a.seq = d.article_seq"
                    f" WHERE d.chat_id = ? AND d.state = 'sent' AND a.story_seq IN ({marks}) GROUP BY a.story_seq",
                    (chat_id, *chunk),
                ):
                    told[story] = message
            return told

        return await self._run(work)

    # -- feeds -------------------------------------------------------------------------------

    async def follow_feed(self, chat_id: int, url: str, mode: str = "digest", thread_id: int | None = None) -> Feed:
        """Follow a feed from a chat, with the FEED_BACKLOG newest articles other chats' polls of it
        stored already (a feed followed already keeps its start and takes the new mode)."""

        def work(db: sqlite3.Connection) -> Feed:
            with Transaction(db):
                db.execute("INSERT OR IGNORE INTO feeds (url) VALUES (?)", (url,))
                row = db.execute("SELECT * FROM feeds WHERE url = ?", (url,)).fetchone()
                db.execute(
                    "INSERT INTO chat_feeds (chat_id, feed_id, added_at, mode, thread_id) VALUES (?, ?, coalesce("
                    "(SELECT min(seen_at) FROM (SELECT seen_at FROM feed_items WHERE feed_id = ?"
                    " AND article_seq IS NOT NULL ORDER BY seen_at DESC LIMIT ?)), ?), ?, ?)"
                    " ON CONFLICT (chat_id, feed_id)"
                    " DO UPDATE SET mode = excluded.mode, thread_id = excluded.thread_id",
                    (chat_id, row["id"], row["id"], FEED_BACKLOG, _now(), mode, thread_id),
                )
                return Feed(**dict(row), mode=mode, thread_id=thread_id)

        return await self._run(work)

    async def feeds_of(self, chat_id: int) -> list[Feed]:
        return await self._feeds(
            "SELECT f.*, c.mode, c.thread_id FROM feeds f JOIN chat_feeds c ON c.feed_id = f.id"
            " WHERE c.chat_id = ? ORDER BY c.added_at, f.id",
            (chat_id,),
        )

    async def unfollow_feed(self, chat_id: int, feed_id: int) -> None:
        await self._run(
            lambda db: db.execute("DELETE FROM chat_feeds WHERE chat_id = ? AND feed_id = ?", (chat_id, feed_id))
        )

    async def due_feeds(self, now: float) -> list[Feed]:
        """Feeds that at least one chat follows and whose next check has come."""
        return await self._feeds(
            "SELECT * FROM feeds WHERE next_check <= ? AND id IN (SELECT feed_id FROM chat_feeds)"
            " ORDER BY next_check, id",
            (now,),
        )

    async def _feeds(self, sql: str, args: tuple[Any, ...]) -> list[Feed]:
        return await self._run(lambda db: [Feed(**dict(r)) for r in db.execute(sql, args)])

    async def save_feed(self, feed: Feed) -> None:
        values = feed.model_dump(exclude={"id", "url", "mode", "thread_id"})
        assignments = ", ".join(f"{k} = ?" for k in values)
        await self._run(
            lambda db: db.execute(f"UPDATE feeds SET {assignments} WHERE id = ?", (*values.values(), feed.id))
        )

    async def seen_items(self, feed_id: int, keys: Sequence[str]) -> set[str]:
        def work(db: sqlite3.Connection) -> set[str]:
            seen: set[str] = set()
            for start in range(0, len(keys), 500):
                chunk = list(keys[start : start + 500])
                marks = ", ".join("?" * len(chunk))
                seen.update(
                    r[0]
                    for r in db.execute(
                        f"SELECT item_key FROM feed_items WHERE feed_id = ? AND item_key IN ({marks})",
                        (feed_id, *chunk),
                    )
                )
            return seen

        return await self._run(work)

    async def record_item(self, feed_id: int, key: str, article_seq: int | None, error: str | None) -> None:
        await self._run(
            lambda db: db.execute(
                "INSERT OR REPLACE INTO feed_items (feed_id, item_key, article_seq, error, seen_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (feed_id, key, article_seq, error, _now()),
            )
        )


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


class Transaction:
    """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on error (the connection is in autocommit mode)."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")

    def __exit__(self, kind: object, *_: object) -> None:
        self.db.execute("ROLLBACK" if kind else "COMMIT")
