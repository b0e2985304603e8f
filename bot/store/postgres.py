"""``ArticleStore`` on PostgreSQL (psycopg 3, async), for several bot workers sharing one store.

The same schema concepts and versions as the SQLite store: full-text search is a GIN index on
an expression of the stored row (``VECTOR``), no vector column; migrations run under an advisory lock so that workers
starting together migrate once. ``try_lead`` gives one worker at a time the digest scheduler.
"""

from __future__ import annotations

import zlib
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from typing import Any, TypeVar

from psycopg import AsyncConnection, OperationalError
from psycopg.conninfo import make_conninfo
from psycopg.rows import DictRow, dict_row
from psycopg_pool import AsyncConnectionPool

from summarizer import Article, KeyFact, Ranking

from .base import (
    FACTS,
    ONLY_PASTED_HERE,
    ORIGINS,
    SEARCH_DEPTH,
    SEARCH_WINDOW,
    StoredArticle,
    Subscription,
    is_prefix,
    pack,
    query_words,
    queue_and_watermark,
    stored_from_row,
)
from .cards import Card, card_from_row, packed_card
from .lexemes import query_lexemes
from .lexemes import ts_query as lexeme_query
from .postgres_schema import MIGRATIONS, RELEXEME, SCHEMA_VERSION
from .postgres_search import (
    ARTICLE,
    ARTICLE_A,
    FIRST_PLACES,
    NEW_WORDS,
    TITLE_VECTOR,
    further,
    recent,
    relexeme,
    row_lexemes,
    search_sql,
)
from .postgres_stories import DIGEST_CANDIDATES, PostgresStories, filtered, queue

T = TypeVar("T")
_MIGRATION_LOCK = 7_301_001
_LEADER_LOCK = 7_301_002
_DIGEST_LOCK = 7_301_003
_NEXT_SEQ = (
    "SELECT set_config('synchronous_commit', 'off', true), nextval(pg_get_serial_sequence('articles', 'seq')) AS seq"
)
_VISIBLE_TO = (
    "(a.origin = 'catalog' OR a.seq IN (SELECT i.article_seq FROM feed_items i"
    " JOIN chat_feeds c ON c.feed_id = i.feed_id WHERE c.chat_id = %(chat)s))"
)


async def _configure(connection: AsyncConnection[DictRow]) -> None:
    """Each connection's settings: no parallel workers and no JIT. Every query the bot makes is
    short; starting a worker process (or compiling) for one costs more than the query itself
    (before the table had statistics, a search planned a parallel scan: 7-10 ms of its 12)."""
    await connection.execute("SET max_parallel_workers_per_gather = 0")
    await connection.execute("SET jit = off")


class PostgresArticleStore(PostgresStories):
    def __init__(self, dsn: str, *, schema: str | None = None, max_connections: int = 10) -> None:
        self.dsn = dsn
        self.schema = schema
        self.max_connections = max_connections
        self._conninfo = make_conninfo(dsn, options=f"-c search_path={schema}") if schema else dsn
        self._connections: AsyncConnectionPool[AsyncConnection[DictRow]] | None = None
        # Each schema is its own bot (tests give every test one), so each has its own leader.
        self._leader_key = _LEADER_LOCK + zlib.crc32((schema or "").encode()) % 1_000_000
        self._leader: AsyncConnection[Any] | None = None

    @property
    def _pool(self) -> AsyncConnectionPool[AsyncConnection[DictRow]]:
        if self._connections is None:
            raise RuntimeError("the store is not open")
        return self._connections

    async def open(self) -> None:
        self._connections = AsyncConnectionPool(  # a pool is single-use: a new one per open()
            self._conninfo,
            connection_class=AsyncConnection[DictRow],
            min_size=1,
            max_size=self.max_connections,
            open=False,
            kwargs={"autocommit": True, "row_factory": dict_row},
            configure=_configure,
        )
        await self._connections.open(wait=True, timeout=15)
        async with self._pool.connection() as db, db.transaction():
            if self.schema:
                await db.execute(f'CREATE SCHEMA IF NOT EXISTS "{self.schema}"')
            await db.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
            await db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
            row = await (await db.execute("SELECT max(version) AS v FROM schema_version")).fetchone()
            version = (row or {}).get("v") or 0
            if version > SCHEMA_VERSION:
                raise RuntimeError(f"database schema {version} is newer than this bot ({SCHEMA_VERSION})")
            for target in range(version + 1, SCHEMA_VERSION + 1):
                for statement in MIGRATIONS[target]:
                    await (relexeme(db) if statement is RELEXEME else db.execute(statement))
                await db.execute("INSERT INTO schema_version (version) VALUES (%s)", (target,))

    async def close(self) -> None:
        if self._leader is not None:
            await self._leader.close()
            self._leader = None
        if self._connections is not None:
            await self._connections.close()
            self._connections = None

    def _connection(self) -> Any:
        return self._pool.connection()

    async def _all(self, sql: str, args: Any = None) -> list[dict[str, Any]]:
        async with self._pool.connection() as db:
            return await (await db.execute(sql, args)).fetchall()

    async def _articles(self, sql: str, args: Any = None) -> list[StoredArticle]:
        return [stored_from_row(row) for row in await self._all(sql, args)]

    # -- leadership --------------------------------------------------------------------------

    async def try_lead(self) -> bool:
        """Hold the digest leadership while this process lives: a session advisory lock on a
        connection of its own. A worker that dies drops the connection, and with it the lock."""
        if self._leader is not None and not self._leader.closed:
            try:
                await self._leader.execute("SELECT 1")
                return True
            except OperationalError:
                self._leader = None
        connection = await AsyncConnection.connect(self._conninfo, autocommit=True)
        row = await (await connection.execute("SELECT pg_try_advisory_lock(%s)", (self._leader_key,))).fetchone()
        if row and row[0]:
            self._leader = connection
            return True
        await connection.close()
        return False

    @asynccontextmanager
    async def digest_lock(self, chat_id: int) -> AsyncIterator[None]:
        """Across workers, one digest run per chat at a time (a session advisory lock, freed
        with the connection if the worker dies)."""
        key = (_DIGEST_LOCK + zlib.crc32((self.schema or "").encode()) % 1_000_000, chat_id % 2**31)
        async with self._pool.connection() as db:
            await db.execute("SELECT pg_advisory_lock(%s, %s)", key)
            try:
                yield
            finally:
                await db.execute("SELECT pg_advisory_unlock(%s, %s)", key)

    # -- articles ----------------------------------------------------------------------------

    async def add(
        self, article: Article, ranking: Ranking, facts: Sequence[KeyFact], origin: str = "catalog"
    ) -> tuple[StoredArticle, bool]:
        lexemes = row_lexemes(article)
        async with self._pool.connection() as db, db.transaction():
            # An article's commit does not wait for the disk: a server crash may lose the last
            # few stored, never anything that refers to one (that commit flushes the log up to
            # it first), and a lost article is stored again when it comes again.
            seq = await (await db.execute(_NEXT_SEQ)).fetchone()
            cursor = await db.execute(
                "INSERT INTO articles (seq, id, url, title, article, ranking, facts, origin, card, lexemes,"
                " title_search) VALUES (%(seq)s, %(id)s, %(url)s, %(title)s, %(article)s, %(ranking)s, %(facts)s,"
                " %(origin)s,"
                f" %(card)s, %(lexemes)s, {TITLE_VECTOR}) ON CONFLICT DO NOTHING RETURNING " + ARTICLE,
                {
                    **lexemes,
                    "card": packed_card(article, ranking, facts),
                    "seq": seq["seq"] if seq else None,
                    "id": article.id,
                    "url": article.url,
                    "title": article.title,
                    "article": pack(article.model_dump_json()),
                    "ranking": ranking.model_dump_json(),
                    "facts": FACTS.dump_json(list(facts)).decode(),
                    "origin": origin,
                },
            )
            row = await cursor.fetchone()
            if row is not None:
                await db.execute(NEW_WORDS, lexemes)
                return stored_from_row(row), True
            row = await (
                await db.execute(
                    f"SELECT {ARTICLE} FROM articles WHERE id = %s OR (url IS NOT NULL AND url = %s) FOR UPDATE",
                    (article.id, article.url),
                )
            ).fetchone()
            assert row is not None
            if ORIGINS.index(origin) > ORIGINS.index(row["origin"]):
                row = await (
                    await db.execute(
                        f"UPDATE articles SET origin = %s WHERE seq = %s RETURNING {ARTICLE}", (origin, row["seq"])
                    )
                ).fetchone()
            return stored_from_row(row), False

    async def get(self, article_id: str) -> StoredArticle | None:
        rows = await self._articles(f"SELECT {ARTICLE} FROM articles WHERE id = %s", (article_id.strip().lower(),))
        return rows[0] if rows else None

    async def get_by_url(self, url: str) -> StoredArticle | None:
        rows = await self._articles(f"SELECT {ARTICLE} FROM articles WHERE url = %s", (url,))
        return rows[0] if rows else None

    async def latest(self, limit: int, offset: int = 0) -> list[StoredArticle]:
        return await self._articles(
            f"SELECT {ARTICLE} FROM articles WHERE origin != 'user' ORDER BY seq DESC LIMIT %s OFFSET %s",
            (limit, offset),
        )

    async def latest_cards(self, limit: int, offset: int = 0) -> list[Card]:
        rows = await self._all(
            "SELECT card FROM articles WHERE origin != 'user' ORDER BY seq DESC LIMIT %s OFFSET %s", (limit, offset)
        )
        return [card_from_row(row) for row in rows]

    async def search(self, query: str, limit: int, offset: int = 0) -> list[StoredArticle]:
        """As the SQLite store searches (``ranked_page``): of the newest SEARCH_DEPTH matches,
        title matches first. The GIN index finds them: the words AND one of the newest places
        in time (``recent``), looking further back only while too few are found (``further``),
        so neither a common word (every row matches) nor a rare one (none do) makes it read the
        table. Only the newest matches' titles are tested, and only the page's rows are read."""
        return await self._search(query, limit, offset, ARTICLE_A, stored_from_row)

    async def search_cards(self, query: str, limit: int, offset: int = 0) -> list[Card]:
        """As ``search``, the articles' cards: only they are read."""
        return await self._search(query, limit, offset, "a.seq, a.card", card_from_row)

    async def _search(
        self, query: str, limit: int, offset: int, columns: str, read: Callable[[dict[str, Any]], T]
    ) -> list[T]:
        words = query_words(query)
        want = min(offset + limit, SEARCH_WINDOW)
        if not words or want <= offset:
            return []
        depth = max(SEARCH_DEPTH, want)
        lexemes, start = query_lexemes(words), is_prefix(words)
        exact = lexemes[:-1] if start else lexemes
        args: dict[str, Any] = {
            "q": lexeme_query(exact) if exact else None,
            "start": f"{lexemes[-1]}%" if start else None,
            "depth": depth,
            "limit": want - offset,
            "offset": offset,
        }
        places: int | None = FIRST_PLACES
        async with self._pool.connection() as db:
            while True:
                args.update(recent(places or 1), enough=depth if places is not None else 0)
                sql = search_sql(places, bool(exact), start, columns)
                rows = await (await db.execute(sql, args, prepare=True)).fetchall()
                if rows[0]["found"] >= depth or places is None:
                    break
                places = further(places, rows[0]["found"], depth)
        return [read(row) for row in rows if row["seq"] is not None]

    async def count(self) -> int:
        return int((await self._all("SELECT count(*) AS n FROM articles"))[0]["n"])

    async def newest_seq(self) -> int:
        return int((await self._all("SELECT coalesce(max(seq), 0) AS n FROM articles"))[0]["n"])

    async def articles_after(self, seq: int, limit: int) -> list[StoredArticle]:
        return await self._articles(
            f"SELECT {ARTICLE} FROM articles WHERE seq > %s ORDER BY seq LIMIT %s", (seq, limit)
        )

    async def refresh(self, article_id: str, ranking: Ranking, facts: Sequence[KeyFact]) -> None:
        stored = await self.get(article_id)
        if stored is None:
            return
        await self._all(
            "UPDATE articles SET ranking = %s, facts = %s, card = %s WHERE seq = %s RETURNING seq",
            (
                ranking.model_dump_json(),
                FACTS.dump_json(list(facts)).decode(),
                packed_card(stored.article, ranking, facts),
                stored.seq,
            ),
        )

    async def replace_article(self, article: Article, ranking: Ranking, facts: Sequence[KeyFact]) -> None:
        """Store ``article`` read again (another language, say) in place of the one with its id:
        same seq, origin, story, pastes and deliveries; the index follows the new text (it is on
        an expression of the row's lexemes, written again), and so is the title's vector."""
        lexemes = row_lexemes(article)
        async with self._pool.connection() as db, db.transaction():
            await db.execute(
                "UPDATE articles SET title = %(title)s, article = %(article)s, ranking = %(ranking)s,"
                " facts = %(facts)s, card = %(card)s, lexemes = %(lexemes)s,"
                f" title_search = {TITLE_VECTOR} WHERE id = %(id)s",
                {
                    **lexemes,
                    "card": packed_card(article, ranking, facts),
                    "id": article.id,
                    "title": article.title,
                    "article": pack(article.model_dump_json()),
                    "ranking": ranking.model_dump_json(),
                    "facts": FACTS.dump_json(list(facts)).decode(),
                },
            )
            await db.execute(NEW_WORDS, lexemes)

    # -- chats and subscriptions -------------------------------------------------------------

    async def setting(self, key: str) -> str | None:
        rows = await self._all("SELECT value FROM settings WHERE key = %s", (key,))
        return str(rows[0]["value"]) if rows else None

    async def save_setting(self, key: str, value: str) -> None:
        await self._all(
            "INSERT INTO settings (key, value) VALUES (%s, %s)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value RETURNING key",
            (key, value),
        )

    async def summary_length(self, chat_id: int) -> int | None:
        rows = await self._all("SELECT summary_length FROM chats WHERE chat_id = %s", (chat_id,))
        return rows[0]["summary_length"] if rows else None

    async def set_summary_length(self, chat_id: int, length: int) -> None:
        await self._all(
            "INSERT INTO chats (chat_id, summary_length) VALUES (%s, %s)"
            " ON CONFLICT (chat_id) DO UPDATE SET summary_length = excluded.summary_length RETURNING chat_id",
            (chat_id, length),
        )

    async def chat_language(self, chat_id: int) -> str | None:
        rows = await self._all("SELECT language FROM chats WHERE chat_id = %s", (chat_id,))
        return rows[0]["language"] if rows else None

    async def set_chat_language(self, chat_id: int, language: str | None) -> None:
        await self._all(
            "INSERT INTO chats (chat_id, language) VALUES (%s, %s)"
            " ON CONFLICT (chat_id) DO UPDATE SET language = excluded.language RETURNING chat_id",
            (chat_id, language),
        )

    async def subscription(self, chat_id: int) -> Subscription | None:
        rows = await self._all("SELECT * FROM subscriptions WHERE chat_id = %s", (chat_id,))
        return Subscription(**rows[0]) if rows else None

    async def save_subscription(self, subscription: Subscription) -> None:
        values = subscription.model_dump()
        columns = ", ".join(values)
        updates = ", ".join(f"{c} = excluded.{c}" for c in values if c != "chat_id")
        marks = ", ".join(f"%({c})s" for c in values)
        await self._all(
            f"INSERT INTO subscriptions ({columns}) VALUES ({marks})"
            f" ON CONFLICT (chat_id) DO UPDATE SET {updates} RETURNING chat_id",
            values,
        )

    async def subscriptions(self) -> list[Subscription]:
        return [Subscription(**r) for r in await self._all("SELECT * FROM subscriptions ORDER BY chat_id")]

    async def record_paste(self, chat_id: int, seq: int) -> None:
        await self._all(
            "INSERT INTO pastes (chat_id, article_seq) VALUES (%s, %s) ON CONFLICT DO NOTHING RETURNING chat_id",
            (chat_id, seq),
        )

    async def forget_chat(self, chat_id: int) -> int:
        """Delete the chat's rows and the people's articles only it pasted; how many of those."""
        async with self._pool.connection() as db, db.transaction():
            own = [r["article_seq"] for r in await (await db.execute(ONLY_PASTED_HERE, (chat_id, chat_id))).fetchall()]
            for table in ("deliveries", "subscriptions", "chats", "chat_feeds", "pastes"):
                await db.execute(f"DELETE FROM {table} WHERE chat_id = %s", (chat_id,))
            if own:
                await db.execute("DELETE FROM deliveries WHERE article_seq = ANY(%s)", (own,))
                await db.execute("DELETE FROM story_signatures WHERE seq = ANY(%s)", (own,))
                await db.execute("DELETE FROM articles WHERE seq = ANY(%s)", (own,))
            return len(own)

    # -- digest journal ----------------------------------------------------------------------

    async def enqueue_digest(self, chat_id: int, limit: int | None = None) -> int:
        async with self._pool.connection() as db, db.transaction():
            row = await (
                await db.execute("SELECT last_seq FROM subscriptions WHERE chat_id = %s FOR UPDATE", (chat_id,))
            ).fetchone()
            if row is None:
                return 0
            pending = await (
                await db.execute(
                    "SELECT count(*) AS n FROM deliveries WHERE chat_id = %s AND state != 'sent'", (chat_id,)
                )
            ).fetchone()
            room = -1 if limit is None else max(0, limit - pending["n"])  # type: ignore[index]
            newest = (await (await db.execute("SELECT coalesce(max(seq), 0) AS n FROM articles")).fetchone())["n"]  # type: ignore[index]
            found = await (
                await db.execute(DIGEST_CANDIDATES, {"chat": chat_id, "after": row["last_seq"], "newest": newest})
            ).fetchall()
            passing = await filtered(db, chat_id, [r["seq"] for r in found])
            chosen, watermark = queue_and_watermark(passing if room < 0 else passing[: room + 1], room, newest)
            queued = await queue(db, chat_id, chosen)
            await db.execute(
                "UPDATE subscriptions SET last_seq = greatest(last_seq, %s) WHERE chat_id = %s", (watermark, chat_id)
            )
            return len(queued)

    async def pending_digest(self, chat_id: int, limit: int) -> list[StoredArticle]:
        return await self._articles(
            f"SELECT {ARTICLE_A} FROM deliveries d JOIN articles a ON a.seq = d.article_seq"
            " WHERE d.chat_id = %s AND d.state != 'sent' ORDER BY a.seq LIMIT %s",
            (chat_id, limit),
        )

    async def mark_delivered(self, chat_id: int, article_ids: Sequence[str], message_id: int) -> None:
        await self._mark(chat_id, article_ids, "sent", message_id)

    async def mark_sending(self, chat_id: int, article_ids: Sequence[str]) -> None:
        await self._mark(chat_id, article_ids, "sending")

    async def mark_pending(self, chat_id: int, article_ids: Sequence[str]) -> None:
        await self._mark(chat_id, article_ids, "pending")

    async def in_doubt(self, chat_id: int) -> set[str]:
        rows = await self._all(
            "SELECT a.id FROM deliveries d JOIN articles a ON a.seq = d.article_seq"
            " WHERE d.chat_id = %s AND d.state = 'sending'",
            (chat_id,),
        )
        return {r["id"] for r in rows}

    async def _mark(self, chat_id: int, article_ids: Sequence[str], state: str, message_id: int | None = None) -> None:
        await self._all(
            "UPDATE deliveries SET state = %s, message_id = coalesce(%s, message_id), updated_at = clock_timestamp()"
            " WHERE chat_id = %s AND article_seq IN (SELECT seq FROM articles WHERE id = ANY(%s))"
            " RETURNING chat_id",
            (state, message_id, chat_id, list(article_ids)),
        )

    async def chats_with_pending(self) -> set[int]:
        rows = await self._all("SELECT DISTINCT chat_id FROM deliveries WHERE state != 'sent'")
        return {r["chat_id"] for r in rows}

    async def delivered(self, chat_id: int) -> list[str]:
        rows = await self._all(
            "SELECT a.id FROM deliveries d JOIN articles a ON a.seq = d.article_seq"
            " WHERE d.chat_id = %s AND d.state = 'sent' ORDER BY d.updated_at, a.seq",
            (chat_id,),
        )
        return [r["id"] for r in rows]
