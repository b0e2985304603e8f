"""Both backends index the same lexemes (``bot.store.lexemes``), so a query finds the same
articles in the same order on either; the lexemes follow PostgreSQL's parser and stemmer."""

from __future__ import annotations

import uuid

import pytest

from bot.store import SqliteArticleStore
from bot.store.lexemes import index_text, lexemes, query_lexemes
from summarizer import parse_article
from tests.bot.test_store_contract import _drop, _parsed, _postgres
from tests.conftest import SEEDS

TRICKY = """Focus groups and the U.S. economy

The focus of the U.S. talks was covid-19, said the Zürich-based fiancée of a well-known CEO. She
focuses on 5G networks and the 1990s boom, she said.The figure was 3.5 per cent, or $40m, at
https://www.example.com/news/world-europe?id=7 and e-mail press@example.org on 24/7 duty.
O'Brien's co-op paid £9.15 an hour in 2019/20; naïve analysts expected 12-year-old bonds to fall.
"""

QUERIES = [
    "focus", "focuses", "focused", "focu", "U.S.", "us", "covid", "19", "covid 19", "zurich", "zürich",
    "based", "fiancee", "fiancée", "well known", "5g", "1990s", "199", "said", "the figure", "3.5", "40m",
    "example", "www", "europe", "id", "press", "24", "obrien", "brien", "co op", "9", "2019", "naive",
    "naïv", "year old", "bonds", "bond", "keanu", "hollyw", "hol", "star", "walk of fame", "minister",
    "elec", "government said", "first", "people",
]  # fmt: skip


def test_a_word_and_its_forms_are_one_lexeme_stop_words_none() -> None:
    assert query_lexemes(["focus", "focuses", "focused", "focusing"]) == ["focus"] * 4
    assert query_lexemes(["the", "of", "Elections"]) == ["elect"]
    assert lexemes("The 5G and 1990s") == ["5g", "1990s"]


def test_numbers_hosts_and_files_are_kept_whole_as_postgresql_parses_them() -> None:
    found = lexemes("covid-19 U.S. said.The 3.5 1.5m 24/7 a@b.org https://x.org/a-b?q=1 y.org/p?q=2 O'Brien's")
    assert found == [
        "covid",
        "u.s",
        "said.the",
        "3.5",
        "1.5",
        "m",
        "24/7",
        "a@b.org",
        "x.org/a-b",
        "y.org/p",
        "o",
        "brien",
    ]
    assert index_text("Rates rise", "rates fell; rates") == "rate rise fell"


async def test_both_backends_find_the_same_articles_in_the_same_order(tmp_path: object) -> None:
    schema = f"lexemes_{uuid.uuid4().hex[:12]}"
    postgres = await _postgres(schema)
    sqlite = SqliteArticleStore(tmp_path / "lexemes.sqlite3")  # type: ignore[operator]
    await sqlite.open()
    try:
        tricky = parse_article(TRICKY)
        from summarizer import key_facts, rank

        items = [_parsed(path) for path in sorted(SEEDS.glob("*.txt"))]
        items.append((tricky, rank(tricky), key_facts(tricky, rank(tricky))))
        for item in items:
            await sqlite.add(*item)
            await postgres.add(*item)
        answers = {}
        for name, store in (("sqlite", sqlite), ("postgresql", postgres)):
            answers[name] = {q: [a.article.id for a in await store.search(q, 50)] for q in QUERIES}
        assert answers["sqlite"] == answers["postgresql"]
        found = answers["sqlite"]
        assert found["focus"] == found["focuses"] and tricky.id in found["focus"]
        assert tricky.id in found["covid"] and tricky.id not in found["19"]  # "-19", as PostgreSQL
        assert tricky.id in found["zürich"] and tricky.id not in found["zurich"]  # nothing folded
        assert tricky.id in found["5g"] and tricky.id in found["199"]  # a start: 1990s
        assert tricky.id not in found["europe"] and tricky.id not in found["id"]  # inside a URL
        assert tricky.id in found["www"] and tricky.id in found["2019"]  # starts of whole tokens
    finally:
        await sqlite.close()
        await postgres.close()
        await _drop(schema)


@pytest.mark.parametrize("text", [TRICKY, (SEEDS / "001_bbc-entertainment-339.txt").read_text()])
async def test_the_words_postgresql_would_find_are_the_lexemes_words(text: str) -> None:
    """The words PostgreSQL's own 'english' configuration makes of a text are ours where its
    older stemmer agrees: here, the tokens (which words and numbers there are) are the same."""
    import psycopg

    from tests.bot.test_store_contract import PG_DSN

    try:
        db = await psycopg.AsyncConnection.connect(PG_DSN, autocommit=True)
    except psycopg.OperationalError as error:
        pytest.skip(f"PostgreSQL not reachable at {PG_DSN}: {error}")
    async with db:
        rows = await (
            await db.execute("SELECT token FROM ts_debug('english', %s) WHERE lexemes <> '{}'", (text,))
        ).fetchall()
    tokens = [row[0].lower() for row in rows if "-" not in row[0]]  # hyphenated wholes: parts follow
    theirs = [t for t in tokens if not t.startswith("-")]  # signed numbers are left out
    ours = lexemes(text)
    assert len(ours) == len(theirs)


async def test_a_word_being_typed_is_found_through_its_lexemes_or_as_a_start() -> None:
    """PostgreSQL asks for a word being typed as the stored lexemes it starts, or, past 256 of
    them, as a prefix match: the same articles either way, and none for a start nothing has."""
    schema = f"starts_{uuid.uuid4().hex[:12]}"
    store = await _postgres(schema)
    try:
        article = parse_article("Zqxalpha council\n\nThe zqxalphas met the council. They voted on the zqxbeta plan.")
        from summarizer import key_facts, rank

        await store.add(article, rank(article), key_facts(article, rank(article)))
        found = [a.article.id for a in await store.search("zqx", 10)]
        assert found == [article.id] and not await store.search("zqy", 10)
        await store._all(  # type: ignore[attr-defined]
            "INSERT INTO words SELECT 'zqx' || n FROM generate_series(1, 300) n RETURNING lexeme"
        )
        assert [a.article.id for a in await store.search("zqx", 10)] == found  # as a prefix match
        assert [a.article.id for a in await store.search("council zqxbe", 10)] == found
    finally:
        await store.close()
        await _drop(schema)


@pytest.mark.parametrize("places", [1, 4, 16, 17, 52, 84, 127])
def test_far_back_search_asks_for_few_wide_places_that_hold_the_narrow_ones(places: int) -> None:
    from bot.store.postgres_schema import RECENCY_BUCKET
    from bot.store.postgres_search import recent

    wanted = recent(places)
    bucket, count = int(str(wanted["bucket"])), int(str(wanted["buckets"]))
    assert count <= 16
    for newest in (0, 255, 4095, 4096, 99_999, 100_000):
        first_narrow = max(0, newest // RECENCY_BUCKET - places + 1) * RECENCY_BUCKET
        first_asked = max(0, newest // bucket - count + 1) * bucket
        assert first_asked <= first_narrow  # every article of the narrow places is asked for
        assert newest - first_asked < (places + 2 * 16) * RECENCY_BUCKET  # and not many more


@pytest.mark.parametrize("unit", ["a-", "a.", "1.", "http", "x://", "a/", "-1", "a@", "A b. "])
def test_hostile_runs_are_cut_in_one_pass(unit: str) -> None:
    """100,000 characters of one repeated unit: each token is read once (a scheme that could be
    any length made a run of letters and dashes quadratic)."""
    text = unit * (100_000 // len(unit))
    found = lexemes(text)
    assert len(found) <= len(text) // len(unit) + 1
    assert index_text(text).count(" ") < len(text)
