"""The PostgreSQL store's part for subscribed digests: filters through the tsvector index,
followed feeds and those posted as they come, and one story told once (each article's story
and signature)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from psycopg import AsyncConnection
from psycopg.rows import DictRow

from summarizer import Article

from .base import FEED_BACKLOG, Feed, unpack
from .filters import Terms, decode_terms, held, lexeme_terms, ts_all_words
from .postgres_schema import VECTOR

DIGEST_CANDIDATES = (
    "SELECT seq FROM articles WHERE seq > %(after)s AND seq <= %(newest)s AND origin = 'catalog'"
    " UNION SELECT i.article_seq FROM feed_items i JOIN chat_feeds c ON c.feed_id = i.feed_id"
    " WHERE c.chat_id = %(chat)s AND c.mode = 'digest' AND i.article_seq IS NOT NULL"
    " AND i.article_seq <= %(newest)s AND i.seen_at >= c.added_at AND NOT EXISTS (SELECT 1 FROM deliveries d"
    " WHERE d.chat_id = %(chat)s AND d.article_seq = i.article_seq)"
)
"""What a chat's next digest may bring: catalogue articles stored since its last digest, and
every article its feeds brought since it followed them (before or after the digest began)."""


async def filtered(db: AsyncConnection[DictRow], chat_id: int, seqs: Sequence[int]) -> list[int]:
    """The articles among ``seqs`` that pass the chat's digest filters, in order."""
    row = await (
        await db.execute("SELECT only_terms, skip_terms FROM subscriptions WHERE chat_id = %s", (chat_id,))
    ).fetchone()
    keep = set(seqs)
    if row is not None and row["only_terms"]:
        keep &= await _matching(db, decode_terms(row["only_terms"]), seqs)
    if row is not None and row["skip_terms"]:
        keep -= await _matching(db, decode_terms(row["skip_terms"]), seqs)
    return sorted(keep)


async def _matching(db: AsyncConnection[DictRow], terms: Terms, seqs: Sequence[int]) -> set[int]:
    """Those of ``seqs`` that hold one of the terms, as the SQLite store finds them: the
    vector, which keeps no positions, the articles with all of a term's words; ``held`` the
    phrases among them."""
    terms = lexeme_terms(terms)
    if not terms or not seqs:
        return set()
    rows = await (
        await db.execute(
            f"SELECT seq FROM articles WHERE seq = ANY(%s) AND {VECTOR} @@ %s::tsquery",
            (list(seqs), ts_all_words(terms)),
        )
    ).fetchall()
    found = {r["seq"] for r in rows}
    if found and any(len(term) > 1 for term in terms):
        rows = await (
            await db.execute("SELECT seq, article FROM articles WHERE seq = ANY(%s)", (sorted(found),))
        ).fetchall()
        found = {r["seq"] for r in rows if held(terms, Article.model_validate_json(unpack(r["article"])))}
    return found


async def queue(db: AsyncConnection[DictRow], chat_id: int, seqs: Sequence[int]) -> list[int]:
    """Journal articles as pending for a chat; the ones not journaled before."""
    rows = await (
        await db.execute(
            "INSERT INTO deliveries (chat_id, article_seq, state) SELECT %s, s, 'pending' FROM unnest(%s::bigint[]) s"
            " ON CONFLICT DO NOTHING RETURNING article_seq",
            (chat_id, list(seqs)),
        )
    ).fetchall()
    return sorted(r["article_seq"] for r in rows)


class PostgresStories:
    """Mixed into ``PostgresArticleStore``: the queries of filters, feeds and stories."""

    async def _all(self, sql: str, args: Any = None) -> list[dict[str, Any]]:
        raise NotImplementedError

    def _connection(self) -> Any:
        raise NotImplementedError

    async def queue_filtered(self, chat_id: int, seqs: Sequence[int]) -> list[int]:
        """Journal as pending for a chat those of ``seqs`` its filters let through and that it
        has not had; returns them (what to post now)."""
        async with self._connection() as db, db.transaction():
            return await queue(db, chat_id, await filtered(db, chat_id, seqs))

    async def instant_targets(self, feed_id: int) -> list[tuple[int, int | None]]:
        """The chats (and forum topics) that get a feed's articles as they arrive."""
        rows = await self._all(
            "SELECT chat_id, thread_id FROM chat_feeds WHERE feed_id = %s AND mode = 'now' ORDER BY chat_id",
            (feed_id,),
        )
        return [(r["chat_id"], r["thread_id"]) for r in rows]

    async def save_story(self, seq: int, signature: bytes | None, story_seq: int) -> None:
        """Keep which story an article tells (and its signature, for the index after a restart)."""
        async with self._connection() as db, db.transaction():
            await db.execute("UPDATE articles SET story_seq = %s WHERE seq = %s", (story_seq, seq))
            if signature is not None:
                await db.execute(
                    "INSERT INTO story_signatures (seq, signature) VALUES (%s, %s)"
                    " ON CONFLICT (seq) DO UPDATE SET signature = excluded.signature",
                    (seq, signature),
                )

    async def story_signatures(self, after_seq: int, limit: int) -> list[tuple[int, int, bytes]]:
        """(seq, story seq, signature) of the articles after ``after_seq`` that have one, oldest first."""
        rows = await self._all(
            "SELECT s.seq, a.story_seq, s.signature FROM story_signatures s JOIN articles a ON a.seq = s.seq"
            " WHERE s.seq > %s ORDER BY s.seq LIMIT %s",
            (after_seq, limit),
        )
        return [(r["seq"], r["story_seq"], bytes(r["signature"])) for r in rows]

    async def sent_stories(self, chat_id: int, story_seqs: Sequence[int]) -> dict[int, int]:
        """Of these stories, those already posted to the chat, with the message that told them."""
        rows = await self._all(
            "SELECT a.story_seq AS story, min(d.message_id) AS message FROM deliveries d"
            " JOIN articles a ON a.seq = d.article_seq WHERE d.chat_id = %s AND d.state = 'sent'"
            " AND a.story_seq = ANY(%s) GROUP BY a.story_seq",
            (chat_id, list(story_seqs)),
        )
        return {r["story"]: r["message"] for r in rows}

    # -- feeds -------------------------------------------------------------------------------

    async def follow_feed(self, chat_id: int, url: str, mode: str = "digest", thread_id: int | None = None) -> Feed:
        """Follow a feed from a chat, with the FEED_BACKLOG newest articles other chats' polls of it
        stored already (a feed followed already keeps its start and takes the new mode)."""
        async with self._connection() as db, db.transaction():
            await db.execute("INSERT INTO feeds (url) VALUES (%s) ON CONFLICT DO NOTHING", (url,))
            row = await (await db.execute("SELECT * FROM feeds WHERE url = %s", (url,))).fetchone()
            assert row is not None
            await db.execute(
                "INSERT INTO chat_feeds (chat_id, feed_id, added_at, mode, thread_id) VALUES (%(chat)s, %(feed)s,"
                " coalesce((SELECT min(seen_at) FROM (SELECT seen_at FROM feed_items WHERE feed_id = %(feed)s"
                " AND article_seq IS NOT NULL ORDER BY seen_at DESC LIMIT %(backlog)s) b), clock_timestamp()),"
                " %(mode)s, %(thread)s) ON CONFLICT (chat_id, feed_id)"
                " DO UPDATE SET mode = excluded.mode, thread_id = excluded.thread_id",
                {"chat": chat_id, "feed": row["id"], "backlog": FEED_BACKLOG, "mode": mode, "thread": thread_id},
            )
            return Feed(**row, mode=mode, thread_id=thread_id)

    async def feeds_of(self, chat_id: int) -> list[Feed]:
        rows = await self._all(
            "SELECT f.*, c.mode, c.thread_id FROM feeds f JOIN chat_feeds c ON c.feed_id = f.id WHERE c.chat_id = %s"
            " ORDER BY c.added_at, f.id",
            (chat_id,),
        )
        return [Feed(**r) for r in rows]

    async def unfollow_feed(self, chat_id: int, feed_id: int) -> None:
        await self._all(
            "DELETE FROM chat_feeds WHERE chat_id = %s AND feed_id = %s RETURNING chat_id", (chat_id, feed_id)
        )

    async def due_feeds(self, now: float) -> list[Feed]:
        rows = await self._all(
            "SELECT * FROM feeds WHERE next_check <= %s AND id IN (SELECT feed_id FROM chat_feeds)"
            " ORDER BY next_check, id",
            (now,),
        )
        return [Feed(**r) for r in rows]

    async def save_feed(self, feed: Feed) -> None:
        values = feed.model_dump(exclude={"url", "mode", "thread_id"})
        assignments = ", ".join(f"{k} = %({k})s" for k in values if k != "id")
        await self._all(f"UPDATE feeds SET {assignments} WHERE id = %(id)s RETURNING id", values)

    async def seen_items(self, feed_id: int, keys: Sequence[str]) -> set[str]:
        rows = await self._all(
            "SELECT item_key FROM feed_items WHERE feed_id = %s AND item_key = ANY(%s)", (feed_id, list(keys))
        )
        return {r["item_key"] for r in rows}

    async def record_item(self, feed_id: int, key: str, article_seq: int | None, error: str | None) -> None:
        await self._all(
            "INSERT INTO feed_items (feed_id, item_key, article_seq, error) VALUES (%s, %s, %s, %s)"
            " ON CONFLICT (feed_id, item_key) DO UPDATE SET article_seq = excluded.article_seq,"
            " error = excluded.error, seen_at = now() RETURNING feed_id",
            (feed_id, key, article_seq, error),
        )
