"""Store benchmark: ``python -m bot.bench.evaluate_store [--count 100000] [--backends sqlite,postgresql]``.

Generates ``count`` articles from the dev set (../shared/eval/news-dev.jsonl): each one parsed,
ranked and given key facts once, then repeated with a numbered title (see ``variants``), and
stores each in every backend. It measures the store; the summarizer has its own benchmark.
Then, with the garbage collector frozen as the bot freezes it after start-up, it reports per
backend: the store's size against the text it holds, and the latency of an inline query (search
plus the summaries shown; wall time, and this process's CPU time, which a busy host inflates
less and which leaves out the PostgreSQL server's share) per kind of query (common, rare and
absent words, three words, a prefix being typed, stop words; p50/p99), and of ``/summarize``. Finally it checks that the
backends return the same articles in the same order for every query. Skips without the dev set.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Awaitable, Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from tqdm import tqdm

from summarizer import Article, ArticleError, KeyFact, Ranking, key_facts, parse_article, rank
from summarizer.parse import article_id

from ..present import formatting as fmt
from ..service import summary_of
from ..store import ArticleStore, SqliteArticleStore

PLACES = ["Leeds", "Lagos", "Lyon", "Lima", "Lisbon", "Lahore", "Leipzig", "Lusaka", "Lille", "Luton"]
COMMON = ["said", "year", "people", "government", "minister", "time", "world", "first", "music", "market"]
ABSENT = ["zqxvbn", "blorptastic", "quuxified", "snorfle", "wibblewobble"]
PREFIXES = ["elec", "minis", "foot", "gover", "hol", "tec", "mar", "pol", "fil", "bri"]
STOPS = ["the", "of the", "and", "it is", "was"]
QUERIES_PER_KIND = 150
Prepared = tuple[Article, Ranking, list[KeyFact]]


def _rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _prepare(row: dict[str, Any]) -> Prepared | None:
    """The bot's ingest path up to the store: parse, rank, key facts."""
    title = row.get("title") or row["text"].split(".")[0][:80]
    try:
        article = parse_article(row["text"], title=title)
    except ArticleError:
        return None
    ranking = rank(article)
    return article, ranking, key_facts(article, ranking)


def variants(path: Path, count: int, workers: int) -> Iterator[Prepared]:
    """``count`` articles: each dev article parsed, ranked and given key facts once (in worker
    processes), then again and again with a numbered title naming a place and its own id. The
    store sees every word as often as 1 in 400 articles or more, as a large news store would."""
    with ProcessPoolExecutor(workers) as pool:
        bases = [b for b in pool.map(_prepare, _rows(path), chunksize=8) if b is not None]
    for number in range(count):
        article, ranking, facts = bases[number % len(bases)]
        round_ = number // len(bases)
        if round_:
            title = f"{article.title} (update {round_}, {PLACES[round_ % len(PLACES)]})"
            article = article.model_copy(update={"title": title, "id": article_id(title, article.text)})
        yield article, ranking, facts


def queries(path: Path) -> dict[str, list[str]]:
    """The inline queries, by kind. Rare words occur in one dev article (so in 1 of 400 stored)."""
    seen: dict[str, int] = {}
    for row in _rows(path):
        for word in {w.lower() for w in row["text"].split() if w.isalpha() and len(w) > 6}:
            seen[word] = seen.get(word, 0) + 1
    picker = random.Random(11)
    rare = sorted(w for w, n in seen.items() if n == 1)
    kinds = {
        "common": COMMON,
        "rare": picker.sample(rare, 50),
        "absent": ABSENT,
        "three_words": [" ".join(picker.sample(COMMON, 3)) for _ in range(50)],
        "prefix": PREFIXES,
        "stop_words": STOPS,
    }
    return {kind: [words[n % len(words)] for n in range(QUERIES_PER_KIND)] for kind, words in kinds.items()}


async def ingest(stores: dict[str, ArticleStore], data: Path, count: int, workers: int) -> dict[str, Any]:
    """Store every variant in every backend, through the store's own ``add``."""
    seconds = dict.fromkeys(stores, 0.0)
    added = dict.fromkeys(stores, 0)
    text_bytes = 0
    started = time.perf_counter()
    for item in tqdm(variants(data, count, workers), total=count, disable=not sys.stderr.isatty(), desc="ingest"):
        text_bytes += len(item[0].title.encode()) + len(item[0].text.encode())
        timed = await asyncio.gather(*(_timed_add(store, item) for store in stores.values()))
        for name, (created, spent) in zip(stores, timed, strict=True):
            seconds[name] += spent
            added[name] += created
    return {
        "total_seconds": round(time.perf_counter() - started, 1),
        "text_mb": round(text_bytes / 1e6, 1),
        "text_bytes": text_bytes,
        "added": added,
        "adds_per_second": {name: round(added[name] / max(seconds[name], 1e-9), 1) for name in stores},
    }


async def _timed_add(store: ArticleStore, item: Prepared) -> tuple[bool, float]:
    start = time.perf_counter()
    _, created = await store.add(*item, "catalog")
    return created, time.perf_counter() - start


async def _ingest_once(stores: dict[str, ArticleStore], args: argparse.Namespace) -> dict[str, Any]:
    """Ingest, unless ``--keep`` stores already hold the articles (then measure them again)."""
    first = next(iter(stores.values()))
    known = await first.setting(TEXT_BYTES)
    counts = [await store.count() for store in stores.values()]
    if args.keep and known and min(counts) >= args.count and len(set(counts)) == 1:
        return {"reused": True, "articles": counts[0], "text_mb": round(int(known) / 1e6, 1), "text_bytes": int(known)}
    ingested = await ingest(stores, args.data, args.count, args.workers)
    for store in stores.values():
        await store.save_setting(TEXT_BYTES, str(ingested["text_bytes"]))
    return ingested


TEXT_BYTES = "bench_text_bytes"


async def _inline(store: ArticleStore, query: str) -> list[str]:
    """As the inline handler answers: the cards of a page of 20 and one more, each summary cut
    from its card, rendered with its description."""
    found = await store.search_cards(query, 21)
    for card in found[:20]:
        summary = card.summary(3)
        assert summary is not None
        fmt.render_summary(card, summary)
        fmt.inline_description(summary)
    return [card.article.id for card in found]


async def _summarize(store: ArticleStore, article_id: str) -> list[str]:
    stored = await store.get(article_id)
    assert stored is not None
    fmt.split_message(fmt.render_summary(stored, summary_of(stored, 3)))
    return [article_id]


async def _timings(
    store: ArticleStore, inputs: list[str], work: Callable[[ArticleStore, str], Awaitable[list[str]]]
) -> tuple[list[float], list[float], list[list[str]]]:
    """Wall time and this process's CPU time of each input (ms), and the answers."""
    timings, cpu, answers = [], [], []
    for value in inputs:
        start, used = time.perf_counter(), time.process_time()
        answers.append(await work(store, value))
        timings.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - used) * 1000)
    return timings, cpu, answers


def _percentiles(values: list[float], prefix: str = "") -> dict[str, float]:
    cuts = statistics.quantiles(values, n=100)
    return {f"{prefix}p50_ms": round(cuts[49], 2), f"{prefix}p99_ms": round(cuts[98], 2)}


async def _server_seconds(store: ArticleStore) -> float | None:
    """CPU seconds the PostgreSQL server processes of this store's connections have used (read
    from /proc: the server runs on this machine), or None for SQLite or where it cannot be read."""
    schema = getattr(store, "schema", None)
    if schema is None:
        return None
    rows = await store._all(  # type: ignore[attr-defined]
        "SELECT pid FROM pg_stat_activity WHERE application_name = %s", (schema,)
    )
    ticks = 0
    try:
        for row in rows:
            fields = Path(f"/proc/{row['pid']}/stat").read_text().rsplit(")", 1)[1].split()
            ticks += int(fields[11]) + int(fields[12])  # utime, stime
    except OSError:
        return None
    return ticks / os.sysconf("SC_CLK_TCK")


async def measure(
    store: ArticleStore, kinds: dict[str, list[str]]
) -> tuple[dict[str, Any], dict[str, list[list[str]]]]:
    """Latency per query kind (after one untimed pass that warms the caches) and the answers;
    for PostgreSQL also the server's CPU time per query (a mean: /proc counts in 10 ms ticks)."""
    report: dict[str, Any] = {}
    answers: dict[str, list[list[str]]] = {}
    every: list[float] = []
    for kind, inputs in kinds.items():
        await _timings(store, inputs, _inline)
        server = await _server_seconds(store)
        timings, cpu, answers[kind] = await _timings(store, inputs, _inline)
        after = await _server_seconds(store)
        every += timings
        report[f"inline_{kind}"] = {
            **_percentiles(timings),
            **_percentiles(cpu, "cpu_"),
            "mean_results": statistics.mean(map(len, answers[kind])),
        }
        if server is not None and after is not None:
            report[f"inline_{kind}"]["server_cpu_mean_ms"] = round((after - server) * 1000 / len(inputs), 2)
    report["inline_all"] = _percentiles(every)
    latest = await store.latest(2000)
    picker = random.Random(13)
    report["summarize"] = _percentiles(
        (await _timings(store, [picker.choice(latest).article.id for _ in range(1000)], _summarize))[0]
    )
    return report, answers


def agreement(answers: dict[str, dict[str, list[list[str]]]], kinds: dict[str, list[str]]) -> dict[str, Any]:
    """How many queries got the same articles in the same order from every backend."""
    if len(answers) < 2:
        return {}
    first, *others = answers.values()
    same = differ = 0
    examples = []
    for kind, inputs in kinds.items():
        for number, query in enumerate(inputs):
            if all(other[kind][number] == first[kind][number] for other in others):
                same += 1
            else:
                differ += 1
                examples.append(query)
    return {"queries_identical": same, "queries_different": differ, "different_examples": sorted(set(examples))[:10]}


async def _sizes(stores: dict[str, ArticleStore], text_bytes: int) -> dict[str, Any]:
    sizes: dict[str, Any] = {}
    for name, store in stores.items():
        if isinstance(store, SqliteArticleStore):
            await store._run(lambda db: db.execute("PRAGMA wal_checkpoint(TRUNCATE)"))
            size = Path(store.path).stat().st_size
        else:
            row = await store._all(  # type: ignore[attr-defined]
                "SELECT sum(pg_total_relation_size(c.oid)) AS n FROM pg_class c"
                " WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'm')"
            )
            size = int(row[0]["n"])
        sizes[name] = {"mb": round(size / 1e6, 1), "times_text": round(size / text_bytes, 2)}
    return sizes


async def run(stores: dict[str, ArticleStore], args: argparse.Namespace) -> dict[str, Any]:
    for store in stores.values():
        await store.open()
    try:
        ingested = await _ingest_once(stores, args)
        gc.collect()
        gc.freeze()  # as the bot does after start-up (bot.app)
        kinds = queries(args.data)
        results: dict[str, Any] = {"ingest": {k: v for k, v in ingested.items() if k != "text_bytes"}}
        results["size"] = await _sizes(stores, ingested["text_bytes"])
        answers = {}
        for name, store in stores.items():
            results[name], answers[name] = await measure(store, kinds)
        results["agreement"] = agreement(answers, kinds)
    finally:
        for store in stores.values():
            await store.close()
    return results


async def main_async(args: argparse.Namespace) -> dict[str, Any]:
    names = args.backends.split(",")
    with tempfile.TemporaryDirectory() as folder:
        stores: dict[str, ArticleStore] = {}
        schema = f"bench_{Path(args.keep).name if args.keep else uuid.uuid4().hex[:8]}"
        if "sqlite" in names:
            stores["sqlite"] = SqliteArticleStore(Path(args.keep or folder) / "bench.sqlite3")
        if "postgresql" in names:
            from psycopg.conninfo import make_conninfo

            from ..store.postgres import PostgresArticleStore

            dsn = make_conninfo(args.postgres, application_name=schema)  # its server processes, by name
            stores["postgresql"] = PostgresArticleStore(dsn, schema=schema)
        try:
            return await run(stores, args)
        finally:
            if "postgresql" in names and not args.keep:
                import psycopg

                async with await psycopg.AsyncConnection.connect(args.postgres, autocommit=True) as db:
                    await db.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.bench.evaluate_store", description=__doc__)
    parser.add_argument("--data", type=Path, default=Path("../shared/eval/news-dev.jsonl"))
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--postgres", default="postgresql://postgres@127.0.0.1:5432/test")
    parser.add_argument("--workers", type=int, default=2, help="processes that parse, rank and find key facts")
    parser.add_argument(
        "--keep", metavar="FOLDER", help="keep the stores (FOLDER/bench.sqlite3, schema bench_FOLDER) and reuse them"
    )
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(f"skipped: {args.data} is not there")
        return 0
    print(json.dumps(asyncio.run(main_async(args)), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
