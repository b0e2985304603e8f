"""``ArticleStore`` on SQLite, the embedded default: one file in WAL mode, full-text search
with FTS5, schema versioned by this module."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

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
    ranked_page,
    stored_from_row,
)
from .cards import Card, card_from_row, packed_card
from .lexemes import fts5_query, index_text, query_lexemes
from .sqlite_schema import MIGRATIONS, REINDEX_AT, SCHEMA_VERSION
from .sqlite_stories import DIGEST_CANDIDATES, SqliteStories, Transaction, filtered, queue

T = TypeVar("T")


class SqliteArticleStore(SqliteStories):
    """``ArticleStore`` on one SQLite file; blocking calls run in a worker thread."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self._db: sqlite3.Connection | None = None
        self._lock = threading.Lock()

    async def open(self) -> None:
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None, timeout=10)
        db.row_factory = sqlite3.Row
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")
        db.execute("PRAGMA foreign_keys = ON")
        self._db = db
        await self._run(self._migrate)

    async def close(self) -> None:
        if self._db is not None:
            with self._lock:
                self._db.close()
            self._db = None

    async def try_lead(self) -> bool:
        """One process owns a SQLite file: it always leads its digests."""
        return True

    @asynccontextmanager
    async def digest_lock(self, chat_id: int) -> AsyncIterator[None]:
        """One process owns a SQLite file: its own per-chat lock is enough."""
        yield

    async def _run(self, work: Callable[[sqlite3.Connection], T]) -> T:
        def locked() -> T:
            if self._db is None:
                raise RuntimeError("the store is not open")
            with self._lock:
                return work(self._db)

        return await asyncio.to_thread(locked)

    @staticmethod
    def _migrate(db: sqlite3.Connection) -> None:
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise RuntimeError(f"database schema {version} is newer than this bot ({SCHEMA_VERSION})")
        for target in range(version + 1, SCHEMA_VERSION + 1):
            with Transaction(db):
                for statement in MIGRATIONS[target].split(";"):
                    if statement.strip():
                        db.execute(statement)
                if target == REINDEX_AT:
                    _reindex(db)
                db.execute(f"PRAGMA user_version = {target}")

    # -- articles ---------------------------------------------------------------------------

    async def add(
        self, article: Article, ranking: Ranking, facts: Sequence[KeyFact], origin: str = "catalog"
    ) -> tuple[StoredArticle, bool]:
        """Store an article once: the same id (or url) returns the stored one, not a copy, made
        as public as the most public way it arrived (see ORIGINS). The lexemes are made before
        the store's lock is taken."""
        entry, card = _entry(article), packed_card(article, ranking, facts)

        def work(db: sqlite3.Connection) -> tuple[StoredArticle, bool]:
            with Transaction(db):
                row = db.execute(
                    "SELECT * FROM articles WHERE id = ? OR (url IS NOT NULL AND url = ?)",
                    (article.id, article.url),
                ).fetchone()
                if row is not None:
                    if ORIGINS.index(origin) > ORIGINS.index(row["origin"]):
                        db.execute("UPDATE articles SET origin = ? WHERE seq = ?", (origin, row["seq"]))
                        if row["origin"] == "user":
                            _index(db, row["seq"], entry)
                        row = db.execute("SELECT * FROM articles WHERE seq = ?", (row["seq"],)).fetchone()
                    return stored_from_row(row), False
                cursor = db.execute(
                    "INSERT INTO articles (id, url, title, article, ranking, facts, added_at, origin, card)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        article.id,
                        article.url,
                        article.title,
                        pack(article.model_dump_json()),
                        pack(ranking.model_dump_json()),
                        pack(FACTS.dump_json(list(facts)).decode()),
                        _now(),
                        origin,
                        card,
                    ),
                )
                seq = int(cursor.lastrowid or 0)
                if origin != "user":
                    _index(db, seq, entry)
                row = db.execute("SELECT * FROM articles WHERE seq = ?", (seq,)).fetchone()
                return stored_from_row(row), True

        return await self._run(work)

    async def get(self, article_id: str) -> StoredArticle | None:
        return await self._one("SELECT * FROM articles WHERE id = ?", (article_id.strip().lower(),))

    async def get_by_url(self, url: str) -> StoredArticle | None:
        return await self._one("SELECT * FROM articles WHERE url = ?", (url,))

    async def latest(self, limit: int, offset: int = 0) -> list[StoredArticle]:
        return await self._many(
            "SELECT * FROM articles WHERE origin != 'user' ORDER BY seq DESC LIMIT ? OFFSET ?", (limit, offset)
        )

    async def latest_cards(self, limit: int, offset: int = 0) -> list[Card]:
        return await self._run(
            lambda db: [
                card_from_row(r)
                for r in db.execute(
                    "SELECT card FROM articles WHERE origin != 'user' ORDER BY seq DESC LIMIT ? OFFSET ?",
                    (limit, offset),
                )
            ]
        )

    async def search(self, query: str, limit: int, offset: int = 0) -> list[StoredArticle]:
        """Articles matching every word of ``query`` (the last one as a prefix too, see
        ``is_prefix``): of the newest SEARCH_DEPTH matches, those with the words in the title
        first (``ranked_page``). The index is read newest first and stops there, and only the
        page's rows are read."""
        return await self._search(query, limit, offset, "*", stored_from_row)

    async def search_cards(self, query: str, limit: int, offset: int = 0) -> list[Card]:
        """As ``search``, the articles' cards: only they are read."""
        return await self._search(query, limit, offset, "seq, card", card_from_row)

    async def _search(
        self, query: str, limit: int, offset: int, columns: str, read: Callable[[sqlite3.Row], T]
    ) -> list[T]:
        words = query_words(query)
        want = min(offset + limit, SEARCH_WINDOW)
        if not words or want <= offset:
            return []
        match = fts5_query(query_lexemes(words), is_prefix(words))

        def work(db: sqlite3.Connection) -> list[T]:
            hits = [
                r[0]
                for r in db.execute(
                    "SELECT rowid FROM article_index WHERE article_index MATCH ? ORDER BY rowid DESC LIMIT ?",
                    (match, max(SEARCH_DEPTH, want)),
                )
            ]
            if not hits:
                return []
            titles = [
                r[0]
                for r in db.execute(
                    "SELECT rowid FROM title_index WHERE title_index MATCH ? AND rowid >= ? ORDER BY rowid DESC",
                    (match, hits[-1]),
                )
            ]
            page = ranked_page(titles, hits, limit, offset)
            marks = ", ".join("?" * len(page))
            rows = {r["seq"]: r for r in db.execute(f"SELECT {columns} FROM articles WHERE seq IN ({marks})", page)}
            return [read(rows[seq]) for seq in page if seq in rows]

        return await self._run(work)

    async def count(self) -> int:
        return await self._run(lambda db: int(db.execute("SELECT count(*) FROM articles").fetchone()[0]))

    async def newest_seq(self) -> int:
        return await self._run(lambda db: int(db.execute("SELECT coalesce(max(seq), 0) FROM articles").fetchone()[0]))

    async def articles_after(self, seq: int, limit: int) -> list[StoredArticle]:
        """Every article (any origin) stored after ``seq``, oldest first: for going through them all."""
        return await self._many("SELECT * FROM articles WHERE seq > ? ORDER BY seq LIMIT ?", (seq, limit))

    async def refresh(self, article_id: str, ranking: Ranking, facts: Sequence[KeyFact]) -> None:
        """Replace what was derived from an article (its ranking and key facts), as a newer
        summarizer makes them; the article itself, its place and its deliveries stay."""
        derived = (pack(ranking.model_dump_json()), pack(FACTS.dump_json(list(facts)).decode()))

        def work(db: sqlite3.Connection) -> None:
            with Transaction(db):
                row = db.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
                if row is not None:
                    card = packed_card(stored_from_row(row).article, ranking, facts)
                    db.execute(
                        "UPDATE articles SET ranking = ?, facts = ?, card = ? WHERE seq = ?",
                        (*derived, card, row["seq"]),
                    )

        await self._run(work)

    async def replace_article(self, article: Article, ranking: Ranking, facts: Sequence[KeyFact]) -> None:
        """Store ``article`` read again (another language, say) in place of the one with its id:
        same seq, origin, story, pastes and deliveries; its search entry follows the new text."""
        entry, card = _entry(article), packed_card(article, ranking, facts)

        def work(db: sqlite3.Connection) -> None:
            with Transaction(db):
                row = db.execute("SELECT * FROM articles WHERE id = ?", (article.id,)).fetchone()
                if row is None:
                    return
                db.execute(
                    "UPDATE articles SET title = ?, article = ?, ranking = ?, facts = ?, card = ? WHERE seq = ?",
                    (
                        article.title,
                        pack(article.model_dump_json()),
                        pack(ranking.model_dump_json()),
                        pack(FACTS.dump_json(list(facts)).decode()),
                        card,
                        row["seq"],
                    ),
                )
                if row["origin"] != "user":
                    _unindex(db, row["seq"], _entry(stored_from_row(row).article))
                    _index(db, row["seq"], entry)

        await self._run(work)

    async def _one(self, sql: str, args: tuple[Any, ...]) -> StoredArticle | None:
        rows = await self._many(sql, args)
        return rows[0] if rows else None

    async def _many(self, sql: str, args: tuple[Any, ...]) -> list[StoredArticle]:
        return await self._run(lambda db: [stored_from_row(r) for r in db.execute(sql, args).fetchall()])

    # -- chats and subscriptions -------------------------------------------------------------

    async def setting(self, key: str) -> str | None:
        """A value the bot keeps for itself (see bot.service.SUMMARIZER_REVISION)."""

        def work(db: sqlite3.Connection) -> str | None:
            row = db.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
            return None if row is None else str(row[0])

        return await self._run(work)

    async def save_setting(self, key: str, value: str) -> None:
        def work(db: sqlite3.Connection) -> None:
            db.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

        await self._run(work)

    async def summary_length(self, chat_id: int) -> int | None:
        def work(db: sqlite3.Connection) -> int | None:
            row = db.execute("SELECT summary_length FROM chats WHERE chat_id = ?", (chat_id,)).fetchone()
            return None if row is None else row[0]

        return await self._run(work)

    async def set_summary_length(self, chat_id: int, length: int) -> None:
        await self._run(
            lambda db: db.execute(
                "INSERT INTO chats (chat_id, summary_length) VALUES (?, ?)"
                " ON CONFLICT (chat_id) DO UPDATE SET summary_length = excluded.summary_length",
                (chat_id, length),
            )
        )

    async def chat_language(self, chat_id: int) -> str | None:
        def work(db: sqlite3.Connection) -> str | None:
            row = db.execute("SELECT language FROM chats WHERE chat_id = ?", (chat_id,)).fetchone()
            return None if row is None else row[0]

        return await self._run(work)

    async def set_chat_language(self, chat_id: int, language: str | None) -> None:
        await self._run(
            lambda db: db.execute(
                "INSERT INTO chats (chat_id, language) VALUES (?, ?)"
                " ON CONFLICT (chat_id) DO UPDATE SET language = excluded.language",
                (chat_id, language),
            )
        )

    async def subscription(self, chat_id: int) -> Subscription | None:
        def work(db: sqlite3.Connection) -> Subscription | None:
            row = db.execute("SELECT * FROM subscriptions WHERE chat_id = ?", (chat_id,)).fetchone()
            return None if row is None else _subscription(row)

        return await self._run(work)

    async def save_subscription(self, subscription: Subscription) -> None:
        values = subscription.model_dump()
        columns = ", ".join(values)
        updates = ", ".join(f"{c} = excluded.{c}" for c in values if c != "chat_id")
        await self._run(
            lambda db: db.execute(
                f"INSERT INTO subscriptions ({columns}) VALUES ({', '.join('?' * len(values))})"
                f" ON CONFLICT (chat_id) DO UPDATE SET {updates}",
                tuple(values.values()),
            )
        )

    async def subscriptions(self) -> list[Subscription]:
        return await self._run(
            lambda db: [_subscription(r) for r in db.execute("SELECT * FROM subscriptions ORDER BY chat_id")]
        )

    async def record_paste(self, chat_id: int, seq: int) -> None:
        await self._run(
            lambda db: db.execute("INSERT OR IGNORE INTO pastes (chat_id, article_seq) VALUES (?, ?)", (chat_id, seq))
        )

    async def forget_chat(self, chat_id: int) -> int:
        """Delete the chat's rows and the people's articles only it pasted; how many of those."""

        def work(db: sqlite3.Connection) -> int:
            with Transaction(db):
                own = [r[0] for r in db.execute(ONLY_PASTED_HERE.replace("%s", "?"), (chat_id, chat_id))]
                for table in ("deliveries", "subscriptions", "chats", "chat_feeds", "pastes"):
                    db.execute(f"DELETE FROM {table} WHERE chat_id = ?", (chat_id,))
                for seq in own:
                    db.execute("DELETE FROM deliveries WHERE article_seq = ?", (seq,))
                    db.execute("DELETE FROM story_signatures WHERE seq = ?", (seq,))
                    # A person's article is never in the search indexes: nothing to delete there.
                    db.execute("DELETE FROM articles WHERE seq = ?", (seq,))
                return len(own)

        return await self._run(work)

    # -- digest journal ----------------------------------------------------------------------

    async def enqueue_digest(self, chat_id: int, limit: int | None = None) -> int:
        """Journal the articles added since the chat's last digest as pending for it, at most
        ``limit`` pending in all, and move the chat's watermark past those queued (the rest stay
        new for the next digest), in one transaction. Returns how many were queued."""

        def work(db: sqlite3.Connection) -> int:
            with Transaction(db):
                row = db.execute("SELECT last_seq FROM subscriptions WHERE chat_id = ?", (chat_id,)).fetchone()
                if row is None:
                    return 0
                pending = db.execute(
                    "SELECT count(*) FROM deliveries WHERE chat_id = ? AND state != 'sent'", (chat_id,)
                ).fetchone()[0]
                room = -1 if limit is None else max(0, limit - pending)
                newest = db.execute("SELECT coalesce(max(seq), 0) FROM articles").fetchone()[0]
                found = sorted(
                    r[0] for r in db.execute(DIGEST_CANDIDATES, {"after": row[0], "newest": newest, "chat": chat_id})
                )
                passing = filtered(db, chat_id, found)
                chosen, watermark = queue_and_watermark(passing if room < 0 else passing[: room + 1], room, newest)
                queued = queue(db, chat_id, chosen)
                db.execute("UPDATE subscriptions SET last_seq = ? WHERE chat_id = ?", (max(row[0], watermark), chat_id))
                return len(queued)

        return await self._run(work)

    async def pending_digest(self, chat_id: int, limit: int) -> list[StoredArticle]:
        return await self._many(
            "SELECT a.* FROM deliveries d JOIN articles a ON a.seq = d.article_seq"
            " WHERE d.chat_id = ? AND d.state != 'sent' ORDER BY a.seq LIMIT ?",
            (chat_id, limit),
        )

    async def mark_delivered(self, chat_id: int, article_ids: Sequence[str], message_id: int) -> None:
        await self._mark(chat_id, article_ids, "sent", message_id)

    async def mark_sending(self, chat_id: int, article_ids: Sequence[str]) -> None:
        """Journal a message as on its way, before it is sent: it may land from now on."""
        await self._mark(chat_id, article_ids, "sending")

    async def mark_pending(self, chat_id: int, article_ids: Sequence[str]) -> None:
        """A message Telegram refused for sure (it did not land): pending again."""
        await self._mark(chat_id, article_ids, "pending")

    async def in_doubt(self, chat_id: int) -> set[str]:
        """Articles of a message that was on its way when a run stopped: it may have landed."""
        return await self._run(
            lambda db: {
                r[0]
                for r in db.execute(
                    "SELECT a.id FROM deliveries d JOIN articles a ON a.seq = d.article_seq"
                    " WHERE d.chat_id = ? AND d.state = 'sending'",
                    (chat_id,),
                )
            }
        )

    async def _mark(self, chat_id: int, article_ids: Sequence[str], state: str, message_id: int | None = None) -> None:
        def work(db: sqlite3.Connection) -> None:
            with Transaction(db):
                for article_id in article_ids:
                    db.execute(
                        "UPDATE deliveries SET state = ?, message_id = coalesce(?, message_id), updated_at = ?"
                        " WHERE chat_id = ? AND article_seq = (SELECT seq FROM articles WHERE id = ?)",
                        (state, message_id, _now(), chat_id, article_id),
                    )

        await self._run(work)

    async def chats_with_pending(self) -> set[int]:
        """Chats whose journal holds articles not yet posted."""
        return await self._run(
            lambda db: {r[0] for r in db.execute("SELECT DISTINCT chat_id FROM deliveries WHERE state != 'sent'")}
        )

    async def delivered(self, chat_id: int) -> list[str]:
        """Ids of the articles already posted to a chat, in posting order."""
        return await self._run(
            lambda db: [
                r[0]
                for r in db.execute(
                    "SELECT a.id FROM deliveries d JOIN articles a ON a.seq = d.article_seq"
                    " WHERE d.chat_id = ? AND d.state = 'sent' ORDER BY d.updated_at, a.seq",
                    (chat_id,),
                )
            ]
        )


Entry = tuple[str, str]
"""What the indexes hold of an article: its title's lexemes and its text's (``index_text``)."""


def _entry(article: Article) -> Entry:
    return index_text(article.title), index_text(article.text)


def _index(db: sqlite3.Connection, seq: int, entry: Entry) -> None:
    db.execute("INSERT INTO article_index (rowid, title, body) VALUES (?, ?, ?)", (seq, *entry))
    db.execute("INSERT INTO title_index (rowid, title) VALUES (?, ?)", (seq, entry[0]))


def _unindex(db: sqlite3.Connection, seq: int, entry: Entry) -> None:
    """Take an article out of the contentless indexes: FTS5 deletes a row given what it indexed."""
    db.execute(
        "INSERT INTO article_index (article_index, rowid, title, body) VALUES ('delete', ?, ?, ?)", (seq, *entry)
    )
    db.execute("INSERT INTO title_index (title_index, rowid, title) VALUES ('delete', ?, ?)", (seq, entry[0]))


def _reindex(db: sqlite3.Connection) -> None:
    """Fill the emptied indexes from every article search may find, and give every article its card."""
    after = 0
    while rows := db.execute("SELECT * FROM articles WHERE seq > ? ORDER BY seq LIMIT 500", (after,)).fetchall():
        for stored in map(stored_from_row, rows):  # 500 rows at a time, not the whole store in memory
            if stored.origin != "user":
                _index(db, stored.seq, _entry(stored.article))
            card = packed_card(stored.article, stored.ranking, stored.facts)
            db.execute("UPDATE articles SET card = ? WHERE seq = ?", (card, stored.seq))
        after = rows[-1]["seq"]


def _subscription(row: sqlite3.Row) -> Subscription:
    return Subscription(**{k: row[k] for k in row.keys()})  # noqa: SIM118


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")
