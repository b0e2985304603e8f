"""The PostgreSQL store's search: the one statement that finds the newest matches, and the
lexemes (``lexemes``) each article's row keeps for it, written at add and by the migration to
schema 9."""

from __future__ import annotations

from typing import Any

from psycopg import AsyncConnection
from psycopg.rows import DictRow

from summarizer import Article, Ranking

from .base import FACTS, pack
from .cards import packed_card
from .lexemes import index_text
from .postgres_schema import RECENCY_BUCKET, VECTOR, WIDE_BUCKET

FIRST_PLACES = 4
"""Search looks in the newest this-many places in time first, then as far back as the matches
found there say it needs (see ``further``), then everywhere."""
ALL_FROM = 128
"""Places from which search stops naming them and reads every match instead."""
# What a stored article is read from: never the title's search vector, only there for search.
ARTICLE = "seq, id, url, title, article, ranking, facts, added_at, origin, story_seq"
ARTICLE_A = ", ".join(f"a.{column}" for column in ARTICLE.split(", "))
# "seq + 0": never the primary key's order, which would walk the table newest first testing
# every row (a rare word's whole table); the GIN index finds the rows, a top-N sort orders them,
# only the newest ``depth`` are tested for the words in their title, and only the page is read.
_SEARCH = (
    "WITH newest AS MATERIALIZED (SELECT seq, title_search FROM articles"
    f" WHERE {VECTOR} @@ ({{query}} && {{recent}}) AND origin != 'user' ORDER BY seq + 0 DESC LIMIT %(depth)s),"
    " found AS (SELECT count(*) AS n FROM newest),"
    " page AS (SELECT seq, title_search @@ {query} AS in_title FROM newest WHERE (SELECT n FROM found) >= %(enough)s"
    " ORDER BY in_title DESC, seq DESC LIMIT %(limit)s OFFSET %(offset)s)"
    " SELECT found.n AS found, {columns} FROM found LEFT JOIN (page JOIN articles a ON a.seq = page.seq) ON true"
    " ORDER BY page.in_title DESC, page.seq DESC"
)
"""Search in one statement: of the newest ``depth`` matches (in the newest places, or all), the
page, title matches first (as ``ranked_page`` orders), each row with how many were found; none
but that count when fewer than ``enough`` were."""
_RECENT = (
    "(SELECT string_agg(quote_literal(%(mark)s || p), ' | ')::tsquery FROM (SELECT coalesce(max(seq), 0)"
    " / %(bucket)s AS last FROM articles) n, generate_series(greatest(0, n.last - %(buckets)s + 1), n.last) p)"
)
"""A tsquery for any of the newest ``buckets`` places in time of ``bucket`` articles each
('~<seq / 256>' or '~~<seq / 4096>' lexemes), found in the same statement: no round trip for
the newest seq."""


def recent(places: int) -> dict[str, object]:
    """The parameters of ``_RECENT`` for the newest ``places`` places: those places, or, past 16
    of them, the wide places that hold them (one more, as the newest is still filling): at 80
    places that is 6 places to test each candidate against, not 80 (39 ms for GIN at 100k)."""
    if places * RECENCY_BUCKET <= WIDE_BUCKET:
        return {"mark": "~", "bucket": RECENCY_BUCKET, "buckets": places}
    return {"mark": "~~", "bucket": WIDE_BUCKET, "buckets": -(-places * RECENCY_BUCKET // WIDE_BUCKET) + 1}


_MAX_STARTED = 256
_STARTING = (
    f"(SELECT CASE WHEN count(*) > {_MAX_STARTED} THEN (left(%(start)s, -1) || ':*')::tsquery"
    " ELSE string_agg(quote_literal(lexeme), ' | ')::tsquery END"
    f" FROM (SELECT lexeme FROM words WHERE lexeme LIKE %(start)s LIMIT {_MAX_STARTED + 1}) w)"
)
"""A word being typed as the lexemes it starts (``words``, every lexeme stored), any of them:
GIN then skips through each one's list, where a prefix match ('elec':*) would first read
every list it matches in full (at 100k articles: 'said':* 10.4 ms, as its lexemes 1.0 ms;
'pol' 8.5 against 2.0 ms for its 12; 'mar' about 8 ms either way for its 53). Past 256
lexemes the list is not built and the prefix match is asked for."""


def search_sql(places: int | None, exact: bool = True, start: bool = False, columns: str = ARTICLE_A) -> str:
    """The search statement: the words (``exact``), the last one perhaps a start (``start``)
    AND, with ``places``, one of the newest places; each row's ``columns``."""
    words = [*(["%(q)s::tsquery"] if exact else []), *([_STARTING] if start else [])]
    query = words[0] if len(words) == 1 else f"({' && '.join(words)})"
    sql = _SEARCH.format(query=query, recent=_RECENT, columns=columns)
    return sql if places is not None else sql.replace(f" && {_RECENT}", "")


def further(places: int, found: int, depth: int) -> int | None:
    """How many places to look in after ``found`` matches in ``places`` were too few for
    ``depth``: as many as that rate of matches needs, with a quarter to spare (None: all)."""
    wanted = places * -(-depth * 5 // (4 * max(found, 1)))
    return None if wanted >= ALL_FROM else wanted


NEW_WORDS = (
    "INSERT INTO words SELECT w FROM unnest(string_to_array(%(lexemes)s, ' ')) w ORDER BY w ON CONFLICT DO NOTHING"
)
"""An article's lexemes into the list of every lexeme stored (``_STARTING``), in order, so
that two workers adding words never wait for each other in a circle."""
TITLE_VECTOR = "array_to_tsvector(string_to_array(%(title_lexemes)s, ' '))"
"""The title's vector, from its lexemes (cast, as the article's, see VECTOR)."""


def _repacked(row: dict[str, Any]) -> dict[str, object]:
    """A row's new values from its article's plain JSON (as schema 8 kept it), ranking and facts."""
    json = bytes(row["article"])
    article = Article.model_validate_json(json)
    ranking, facts = Ranking.model_validate_json(row["ranking"]), FACTS.validate_json(row["facts"])
    card = packed_card(article, ranking, facts)
    return {"seq": row["seq"], "article": pack(json.decode()), "card": card, **row_lexemes(article)}


def row_lexemes(article: Article) -> dict[str, str]:
    """An article's lexemes as the row keeps them, and its title's."""
    return {"lexemes": index_text(article.title, article.text), "title_lexemes": index_text(article.title)}


async def relexeme(db: AsyncConnection[DictRow]) -> None:
    """Write every article's lexemes, title vector and card, and its JSON compressed as the
    SQLite store keeps it (the migration to schema 9), in batches."""
    after = 0
    while True:
        rows = await (
            await db.execute(
                "SELECT seq, article, ranking, facts FROM articles WHERE seq > %s ORDER BY seq LIMIT 500", (after,)
            )
        ).fetchall()
        if not rows:
            return
        async with db.cursor() as cursor:
            await cursor.executemany(
                "UPDATE articles SET article = %(article)s, card = %(card)s, lexemes = %(lexemes)s,"
                f" title_search = {TITLE_VECTOR} WHERE seq = %(seq)s",
                [_repacked(r) for r in rows],
            )
        after = rows[-1]["seq"]
