"""An existing store moves to the current schema at open, keeping what it holds.

A schema-7 store (a stored search vector carrying word-start lexemes) is built with the SQL of
that version, given articles, a subscription and a digest journal (one message 'sending', one
'sent'), then opened by the current code: every article is kept and searched as before (a
whole word, a word being typed, a digest filter), the subscription and the journal are as they
were, the vector column and its functions are gone, and new articles are stored and found.
A schema-7 SQLite store (Porter's stemmer in its indexes) is indexed again with the lexemes.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import pytest

from bot.store import SqliteArticleStore, Subscription
from tests.bot.test_store_contract import _drop, _parsed, _postgres
from tests.conftest import SEEDS

CHAT = -7700
WORDS = ("keanu", "star", "hollyw", "hol", "festival")
"""Whole words, and starts of words being typed (3 to 6 letters)."""
# What schema 7's add wrote: the text's vector with word starts and the place, and the title's.
_V7_INSERT = (
    "INSERT INTO articles (seq, id, url, title, article, ranking, facts, origin, search, title_search)"
    " VALUES (%(seq)s, %(id)s, NULL, %(title)s, %(article)s, %(ranking)s, %(facts)s, 'catalog',"
    " (SELECT words || word_starts(words) FROM (SELECT to_tsvector('english', %(title)s)"
    " || to_tsvector('english', %(body)s) AS words) w)"
    " || array_to_tsvector(ARRAY['~' || (%(seq)s / 256)::text]),"
    " (SELECT words || word_starts(words) FROM (SELECT to_tsvector('english', %(title)s) AS words) w))"
)

NEXT_SEQ = "SELECT nextval(pg_get_serial_sequence('articles', 'seq')) AS n"


async def _v7_search(store: Any, word: str) -> set[str]:
    """The articles schema 7's index finds for one word (a start when 3 to 6 letters long)."""
    query = "word_start_query(%s)" if 3 <= len(word) <= 6 else "to_tsquery('english', %s)"
    rows = await store._all(f"SELECT id FROM articles WHERE search @@ {query} AND origin != 'user'", (word,))
    return {r["id"] for r in rows}


async def test_a_schema_7_store_migrates_keeping_articles_subscriptions_and_journal(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import bot.store.postgres as postgres
    from bot.store.postgres_schema import SCHEMA_VERSION

    assert SCHEMA_VERSION == 9
    schema = f"migrate_{uuid.uuid4().hex[:12]}"
    paths = sorted(SEEDS.glob("*.txt"))[:4]
    try:
        monkeypatch.setattr(postgres, "SCHEMA_VERSION", 7)
        old = await _postgres(schema)
        try:
            await old.save_subscription(Subscription(chat_id=CHAT, time="07:30", only_terms="keanu"))
            for path in paths:
                article, ranking, facts = _parsed(path)
                seq = await old._all(NEXT_SEQ)  # type: ignore[attr-defined]
                await old._all(  # type: ignore[attr-defined]
                    _V7_INSERT + " RETURNING seq",
                    {
                        "seq": seq[0]["n"],
                        "id": article.id,
                        "title": article.title,
                        "body": article.text,
                        "article": article.model_dump_json(),
                        "ranking": ranking.model_dump_json(),
                        "facts": postgres.FACTS.dump_json(list(facts)).decode(),
                    },
                )
            await old.save_subscription(Subscription(chat_id=CHAT + 1, time="09:00"))
            await old.enqueue_digest(CHAT + 1)
            queued = [a.article.id for a in await old.pending_digest(CHAT + 1, 10)]
            await old.mark_sending(CHAT + 1, queued[:1])
            await old.mark_delivered(CHAT + 1, queued[1:2], 501)
            before = {word: await _v7_search(old, word) for word in WORDS}
        finally:
            await old.close()
        monkeypatch.setattr(postgres, "SCHEMA_VERSION", SCHEMA_VERSION)

        store = await _postgres(schema)
        try:
            assert await store.count() == len(paths) and len(queued) == len(paths)
            assert all(before.values()), before
            assert {word: {a.article.id for a in await store.search(word, 10)} for word in WORDS} == before
            assert await store.in_doubt(CHAT + 1) == {queued[0]}
            assert await store.delivered(CHAT + 1) == [queued[1]]
            assert [a.article.id for a in await store.pending_digest(CHAT + 1, 10)] == [queued[0], *queued[2:]]
            kept = await store.subscription(CHAT)
            assert kept is not None and (kept.time, kept.only_terms) == ("07:30", "keanu")
            # The filter reads the lexemes now: only the Keanu article passes.
            await store.enqueue_digest(CHAT)
            passed = [a.article.title for a in await store.pending_digest(CHAT, 10)]
            assert len(passed) == 1 and "Keanu" in passed[0]
            columns = {r["column_name"] for r in await store._all(  # type: ignore[attr-defined]
                "SELECT column_name FROM information_schema.columns WHERE table_schema = %s"
                " AND table_name = 'articles'", (schema,),
            )}  # fmt: skip
            assert "search" not in columns and {"title_search", "lexemes"} <= columns
            functions = {r["proname"] for r in await store._all(  # type: ignore[attr-defined]
                "SELECT proname FROM pg_proc WHERE pronamespace = %s::regnamespace", (schema,)
            )}  # fmt: skip
            assert functions == {"search_vector"}
            await _a_new_article_is_found(store)
        finally:
            await store.close()
    finally:
        await _drop(schema)


async def test_a_schema_7_sqlite_store_is_indexed_again_with_the_lexemes(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Schema 7's indexes (Porter's stemmer) are emptied and filled again from the articles:
    every article is found as before by whole words and words being typed, a paste stays out
    of search, a digest filter holds to its phrase, and new articles are indexed alike."""
    import bot.store.sqlite as sqlite
    from bot.store.sqlite_schema import SCHEMA_VERSION

    assert SCHEMA_VERSION == 8  # a card column and the lexemes' indexes
    path = tmp_path / "old.sqlite3"
    parsed = [_parsed(p) for p in sorted(SEEDS.glob("*.txt"))[:5]]
    monkeypatch.setattr(sqlite, "SCHEMA_VERSION", 7)
    old = SqliteArticleStore(path)
    await old.open()
    try:
        for number, (article, ranking, facts) in enumerate(parsed):
            await old._run(lambda db, a=article, r=ranking, f=facts, n=number: _v7_add(db, a, r, f, n == 4))
        before = {word: {a.article.id for a in await old.search(word, 10)} for word in WORDS}
        await old.save_subscription(Subscription(chat_id=CHAT, time="07:30", only_terms='"keanu reeves"'))
    finally:
        await old.close()
    monkeypatch.undo()

    store = SqliteArticleStore(path)
    await store.open()
    try:
        assert await store.count() == 5
        tables = await store._run(
            lambda db: db.execute("SELECT sql FROM sqlite_master WHERE name LIKE '%_index'").fetchall()
        )
        assert len(tables) == 2 and all("porter" not in sql and "remove_diacritics 0" in sql for (sql,) in tables)
        assert all(before.values()), before
        assert {word: {a.article.id for a in await store.search(word, 10)} for word in WORDS} == before
        assert not await store.search(parsed[4][0].title, 10)  # a paste is never searched
        cards = {c.article.id: c for c in await store.latest_cards(10)}
        assert len(cards) == 4 and all(c.summary(3) is not None for c in cards.values())
        await store.enqueue_digest(CHAT)
        passed = [a.article.title for a in await store.pending_digest(CHAT, 10)]
        assert len(passed) == 1 and "Keanu" in passed[0]
        await _a_new_article_is_found(store)
    finally:
        await store.close()


async def _a_new_article_is_found(store: Any) -> None:
    """An article stored after the migration is found by the longest word of its title."""
    fresh, created = await store.add(*_parsed(sorted(SEEDS.glob("*.txt"))[5]))
    assert created
    word = max(fresh.article.title.split(), key=len).strip(".,:;'\"").lower()
    assert fresh.seq in [a.seq for a in await store.search(word, 10)]


def _v7_add(db: Any, article: Any, ranking: Any, facts: Any, pasted: bool) -> None:
    """What schema 7's add wrote: the row (no card), and the title and text for Porter's tokenizer."""
    from bot.store.base import FACTS, pack

    cursor = db.execute(
        "INSERT INTO articles (id, url, title, article, ranking, facts, added_at, origin)"
        " VALUES (?, NULL, ?, ?, ?, ?, '2026-12-01T00:00:00+00:00', ?)",
        (
            article.id,
            article.title,
            pack(article.model_dump_json()),
            pack(ranking.model_dump_json()),
            pack(FACTS.dump_json(list(facts)).decode()),
            "user" if pasted else "catalog",
        ),
    )
    if not pasted:
        seq = cursor.lastrowid
        db.execute(
            "INSERT INTO article_index (rowid, title, body) VALUES (?, ?, ?)", (seq, article.title, article.text)
        )
        db.execute("INSERT INTO title_index (rowid, title) VALUES (?, ?)", (seq, article.title))
