"""Real-traffic benchmark: ``python -m bot.bench.traffic [help|split|bombs ...] [--json]``.

The real bot runs against the local Bot API server over HTTP, with a local site on 127.0.0.2:

- ``help``: another user's /help latency (p50, p99) while 5 and while 20 links to a slow site are
  in flight (the site holds every request until the measurement ends);
- ``split``: 100 long articles (the dev file's, then the train files') sent the way Telegram's
  desktop and Android apps split a text over 4096 UTF-16 units, a part at a time: how many end up stored as one
  article, the same as the text sent whole, with the same title; and how many junk articles;
- ``bombs``: gzip bodies of a few kilobytes that inflate to gigabytes, stacked (``gzip, gzip``)
  and single: the fetcher's peak RSS growth (over the process's earlier peak, or over its RSS
  before the fetch as sampled during it, whichever is more) and time to refusal, each in a fresh
  process.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from pydantic import SecretStr

from summarizer import parse_article

from ..app import build_application, running
from ..links.fetch import FetchError, SafeFetcher
from ..localapi.client import MESSAGE_LIMIT, android_split, telegram_split
from ..localapi.html import utf16_len
from ..localapi.server import LocalBotApi
from ..settings import Settings
from .sites import HostileSite, gzip_bomb

EVAL = Path("../shared/eval")
SPLIT_FILES = ("news-dev.jsonl", "news-train-bbc.jsonl", "news-train-cnndm.jsonl")
Splitter = Callable[[str], list[str]]
BOMBS = (  # (decoded bytes, layers, Content-Encoding)
    (1 << 30, 2, "gzip, gzip"),
    (2 << 30, 2, "gzip, gzip"),
    (10 << 30, 2, "gzip, gzip"),
    (1 << 30, 1, "gzip"),
)


def long_articles(count: int) -> Iterator[str]:
    """Raw texts (title line first where there is one) longer than one Telegram message."""
    found = 0
    for name in SPLIT_FILES:
        with (EVAL / name).open(encoding="utf-8") as rows:
            for line in rows:
                row = json.loads(line)
                raw = f"{row['title']}\n\n{row['text']}" if row.get("title") else row["text"]
                if utf16_len(raw) > MESSAGE_LIMIT:
                    yield raw
                    found += 1
                    if found == count:
                        return


def _settings(api: LocalBotApi, folder: str) -> Settings:
    return Settings(
        _env_file=None,  # type: ignore[call-arg]
        bot_token=SecretStr(api.token),
        bot_api_base_url=api.base_url,
        database=f"{folder}/bench.sqlite3",
        fetch_allowed_networks=["127.0.0.2/32"],
        log_level="WARNING",
    )


# -- /help while slow links are in flight ---------------------------------------------------------


async def help_latency(in_flight: int, samples: int, pace: float) -> dict[str, Any]:
    """/help latency of fresh users, one every ``pace`` seconds (below Telegram's 30 messages a
    second, which the bot's rate limiter keeps to), while ``in_flight`` links wait on a slow site."""
    with tempfile.TemporaryDirectory() as folder:
        async with (
            LocalBotApi() as api,
            HostileSite(hold_seconds=300) as site,
            running(build_application(_settings(api, folder))),
        ):
            slow_users = [10_000 + n for n in range(in_flight)]
            for user in slow_users:
                api.add_user(user, f"Slow {user}")
                api.send(user, site.url(f"/slow/{user}"))
            await api.wait_for(lambda: site.waiting + _busy(api, slow_users) >= in_flight, 60)
            latencies = []
            for number in range(samples):
                user = 20_000 + number
                api.add_user(user, f"Other {user}")
                started = time.perf_counter()
                await api.reply_to(user, "/help")
                latencies.append(1000 * (time.perf_counter() - started))
                await asyncio.sleep(pace)
            waiting, busy = site.waiting, _busy(api, slow_users)
            site.release()
            await api.wait_for(lambda: all(api.sent_to(u) for u in slow_users), 120)
    return {
        "slow_links": in_flight,
        "fetching": waiting,
        "told_busy": busy,
        "help_p50_ms": round(statistics.median(latencies), 1),
        "help_p99_ms": round(statistics.quantiles(latencies, n=100)[98], 1),
        "samples": samples,
    }


def _busy(api: LocalBotApi, users: list[int]) -> int:
    return sum(1 for u in users if any("busy" in m["text"].lower() for m in api.sent_to(u)))


# -- long articles sent in parts ----------------------------------------------------------------


async def split_articles(count: int, gap: float, lanes: int, split: Splitter) -> dict[str, Any]:
    """Send ``count`` long articles in an app's parts; compare what is stored with each whole."""
    texts = list(long_articles(count))
    expected = {a.id: a.title for a in (parse_article(t) for t in texts)}
    with tempfile.TemporaryDirectory() as folder:
        async with LocalBotApi() as api:
            application = build_application(_settings(api, folder))
            async with running(application):
                store = application.bot_data.news.store
                first_seq = await store.newest_seq()
                queue: asyncio.Queue[tuple[int, str]] = asyncio.Queue()
                for number, text in enumerate(texts):
                    queue.put_nowait((30_000 + number, text))
                await asyncio.gather(*(_send_parts(api, queue, gap, split) for _ in range(lanes)))
                await asyncio.sleep(4)  # a part held back would be released by now
                stored = await store.articles_after(first_seq, 10 * count)
    user_articles = [s for s in stored if s.origin == "user"]
    whole = [s for s in user_articles if expected.get(s.article.id) == s.article.title]
    titles = set(expected.values())
    return {
        "articles": len(texts),
        "parts": sum(len(split(t)) for t in texts),
        "stored_whole_with_right_title": len(whole),
        "right_title_other_text": sum(1 for s in user_articles if s not in whole and s.article.title in titles),
        "junk_articles": sum(1 for s in user_articles if s.article.title not in titles),
    }


async def _send_parts(api: LocalBotApi, queue: asyncio.Queue[tuple[int, str]], gap: float, split: Splitter) -> None:
    while not queue.empty():
        user, text = queue.get_nowait()
        api.add_user(user, f"Reader {user}")
        for part in split(text):
            api.send(user, part)
            await asyncio.sleep(gap)
        await api.wait_for(lambda user=user: api.sent_to(user), 60)  # type: ignore[misc]


# -- compression bombs ----------------------------------------------------------------------------


def bombs() -> list[dict[str, Any]]:
    """Each bomb fetched in a fresh process, so its peak RSS is the fetch's alone."""
    results = []
    with tempfile.TemporaryDirectory() as folder:
        for decoded, layers, encoding in BOMBS:
            path = Path(folder) / f"bomb-{decoded}-{layers}"
            path.write_bytes(gzip_bomb(decoded, layers))
            child = [sys.executable, "-m", "bot.bench.traffic", "one-bomb", str(path), encoding]
            measured = json.loads(subprocess.run(child, capture_output=True, check=True, text=True).stdout)
            results.append({"decoded_gb": round(decoded / 2**30, 1), **measured})
    return results


async def one_bomb(path: Path, encoding: str) -> dict[str, Any]:
    body = path.read_bytes()
    fetcher = SafeFetcher(allowed_networks=["127.0.0.2/32"])
    async with HostileSite() as site:
        url = site.serve("bomb", body, encoding)
        before, baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, _rss_kb()
        peak = [baseline]
        sampler = asyncio.create_task(_sample_rss(peak))
        started = time.perf_counter()
        try:
            await fetcher.fetch(url)
            outcome = "fetched"
        except FetchError as error:
            outcome = str(error)
        seconds = time.perf_counter() - started
        sampler.cancel()
        growth = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before, peak[0] - baseline)
    return {
        "encoding": encoding,
        "body_kb": round(len(body) / 1000, 1),
        "refused_in_s": round(seconds, 3),
        "time_limit_s": fetcher.total_timeout,
        "peak_rss_growth_mb": round(growth / 1024, 1),
        "outcome": outcome,
    }


def _rss_kb() -> int:
    """This process's resident memory now, in KiB."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * (resource.getpagesize() // 1024)


async def _sample_rss(peak: list[int]) -> None:
    """Keep ``peak[0]`` at the highest resident memory seen, every millisecond the loop allows."""
    while True:
        peak[0] = max(peak[0], _rss_kb())
        await asyncio.sleep(0.001)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("parts", nargs="*", default=["help", "split", "bombs"])
    parser.add_argument("--samples", type=int, default=200, help="/help requests per measurement")
    parser.add_argument("--pace", type=float, default=0.1, help="seconds between /help requests")
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--gap", type=float, default=0.3, help="seconds between the parts of one text")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if args.parts[:1] == ["one-bomb"]:
        print(json.dumps(asyncio.run(one_bomb(Path(args.parts[1]), args.parts[2]))))
        return 0
    report: dict[str, Any] = {}
    if "help" in args.parts:
        report["help"] = [asyncio.run(help_latency(n, args.samples, args.pace)) for n in (5, 20)]
    if "split" in args.parts:
        report["split"] = {
            app: asyncio.run(split_articles(args.articles, args.gap, 10, split))
            for app, split in (("desktop", telegram_split), ("android", android_split))
        }
    if "bombs" in args.parts:
        report["bombs"] = bombs()
    print(json.dumps(report, indent=None if args.json else 2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
