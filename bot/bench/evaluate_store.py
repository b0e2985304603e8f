"""Store benchmark: ``python -m bot.bench.evaluate_store [--count 100000] [--backends sqlite,postgresql]``.

Generates ``count`` articles from the dev set (../shared/eval/news-dev.jsonl) with variations
(paragraph order, a number and a place changed, the title numbered), ingests them into each
backend through the bot's own ingest path (parse, rank, key facts, store), and reports the
ingest rate, the latency of an inline query (search plus the summaries shown, p50/p99) and of
``/summarize <id>`` (load, cut the summary, render it; p99). Skips cleanly without the dev set.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

from tqdm import tqdm

from summarizer import ArticleError, key_facts, parse_article, rank

from ..present import formatting as fmt
from ..service import summary_of
from ..store import ArticleStore, SqliteArticleStore

PLACES = ["Leeds", "Lagos", "Lyon", "Lima", "Lisbon", "Lahore", "Leipzig", "Lusaka", "Lille", "Luton"]


def variants(path: Path, count: int) -> Iterator[tuple[str, str]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    shuffler = random.Random(7)
    for number in range(count):
        row = rows[number % len(rows)]
        round_ = number // len(rows)
        paragraphs = [p for p in row["text"].split("\n\n") if p.strip()]
        if round_ and len(paragraphs) > 2:
            middle = paragraphs[1:]
            shuffler.shuffle(middle)
            paragraphs = [paragraphs[0], *middle]
        text = (
            "\n\n".join(paragraphs)
            + f"\n\nThe report was updated in {PLACES[round_ % len(PLACES)]} with {round_ + 2} new details."
        )
        title = (row.get("title") or row["text"].split(".")[0][:80]) + f" (update {round_})"
        yield title, text


async def run(backend: str, store: ArticleStore, data: Path, count: int, progress: bool) -> dict[str, float]:
    await store.open()
    try:
        started = time.perf_counter()
        added = 0
        for title, text in tqdm(variants(data, count), total=count, disable=not progress, desc=backend):
            try:
                article = parse_article(text, title=title)
            except ArticleError:
                continue
            ranking = rank(article)
            _, created = await store.add(article, ranking, key_facts(article, ranking), "catalog")
            added += created
        ingest_seconds = time.perf_counter() - started
        inline = await _timings(store, _inline_queries(store), _inline)
        summarize = await _timings(store, await _ids(store), _summarize)
    finally:
        await store.close()
    return {
        "articles": added,
        "ingest_per_second": round(added / ingest_seconds, 1),
        "inline_p50_ms": _percentile(inline, 50),
        "inline_p99_ms": _percentile(inline, 99),
        "summarize_p50_ms": _percentile(summarize, 50),
        "summarize_p99_ms": _percentile(summarize, 99),
    }


def _inline_queries(_: ArticleStore) -> list[str]:
    words = [
        "minister",
        "election",
        "football",
        "bank",
        "film",
        "police",
        "market",
        "chelsea",
        "music",
        "court",
        "phone",
        "labour",
        "growth",
        "games",
        "award",
        "oil",
        "china",
        "school",
        "tax",
        "star",
    ]
    picker = random.Random(11)
    return [" ".join(picker.sample(words, picker.choice([1, 1, 2, 3]))) for _ in range(300)] + ["*" * 256, '"*) OR']


async def _ids(store: ArticleStore) -> list[str]:
    latest = await store.latest(2000)
    picker = random.Random(13)
    return [picker.choice(latest).article.id for _ in range(1000)]


async def _inline(store: ArticleStore, query: str) -> None:
    for stored in await store.search(query, 21):
        summary = summary_of(stored, 3)
        fmt.render_summary(stored, summary)
        fmt.inline_description(summary)


async def _summarize(store: ArticleStore, article_id: str) -> None:
    stored = await store.get(article_id)
    assert stored is not None
    fmt.split_message(fmt.render_summary(stored, summary_of(stored, 3)))


async def _timings(store: ArticleStore, inputs: list[str], work) -> list[float]:  # type: ignore[no-untyped-def]
    timings = []
    for value in inputs:
        start = time.perf_counter()
        await work(store, value)
        timings.append((time.perf_counter() - start) * 1000)
    return timings


def _percentile(values: list[float], percent: int) -> float:
    return round(statistics.quantiles(values, n=100)[percent - 1] if percent < 100 else max(values), 2)


async def _postgres(dsn: str) -> tuple[ArticleStore, str]:
    from ..store.postgres import PostgresArticleStore

    schema = f"bench_{uuid.uuid4().hex[:8]}"
    return PostgresArticleStore(dsn, schema=schema), schema


async def main_async(args: argparse.Namespace) -> dict[str, dict[str, float]]:
    results = {}
    progress = sys.stderr.isatty()
    for backend in args.backends.split(","):
        if backend == "sqlite":
            with tempfile.TemporaryDirectory() as folder:
                results[backend] = await run(
                    backend, SqliteArticleStore(Path(folder) / "bench.sqlite3"), args.data, args.count, progress
                )
        else:
            store, schema = await _postgres(args.postgres)
            try:
                results[backend] = await run(backend, store, args.data, args.count, progress)
            finally:
                import psycopg

                async with await psycopg.AsyncConnection.connect(args.postgres, autocommit=True) as db:
                    await db.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.bench.evaluate_store", description=__doc__)
    parser.add_argument("--data", type=Path, default=Path("../shared/eval/news-dev.jsonl"))
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--postgres", default="postgresql://postgres@127.0.0.1:5432/test")
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(f"skipped: {args.data} is not there")
        return 0
    results = asyncio.run(main_async(args))
    print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
