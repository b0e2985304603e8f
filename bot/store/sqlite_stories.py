"""The SQLite store's part for subscribed digests: filters through FTS5, feeds posted as they
come, and one story told once (each article's story and signature)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import TypeVar

from .base import stored_from_row
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
    """Mixed into ``SqliteArticleStore``: the queries of filters, instant feeds and stories."""

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


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")
