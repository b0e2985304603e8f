"""Kill harness: ``python -m bot.bench.crash_digest [--kills 10] [--database postgresql://...]``.

Starts the real bot as a subprocess against the local Bot API server (bot/localapi), has it
post one long digest into a group, and kills it with SIGKILL ``--kills`` times in the middle of
that digest, each time while a digest message is held by the server (which carries it out
after the bot has gone, as Telegram does: the message reaches the chat, its answer never
reaches the bot). After each kill the bot is started again and carries on from its journal.
A last start without faults lets the digest finish. It prints, as JSON: articles stored and
posted, articles missing, every repeat (an article in more than one message), how many of
them were marked as posted again (AGAIN_NOTE) and how many not, and repeated messages per
kill. What is promised: nothing missing, no unmarked repeat, at most one message per kill.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import signal
import sys
import tempfile
import time
import uuid
from collections import Counter
from pathlib import Path
from typing import Any

from ..localapi.server import Faults, LocalBotApi
from ..present.formatting import AGAIN_NOTE

ADMIN = 1001
GROUP = -100200
_ROOT = Path(__file__).resolve().parents[2]
_ID = re.compile(r"\?start=s_([0-9a-f]{10})")


def write_articles(folder: Path, count: int) -> None:
    """``count`` distinct short stories as text files, one a story, for the bulk ingest command."""
    folder.mkdir()
    for n in range(count):
        (folder / f"story{n:03d}.txt").write_text(
            f"Story {n} makes the news in district {n}\n\n"
            f"Officials in district {n} announced a plan on Monday to rebuild {n + 3} bridges. "
            f"The plan will cost £{n + 10}m over {n % 5 + 2} years, the council of district {n} said. "
            f"Residents welcomed the decision after a campaign that lasted {n + 1} months. "
            f"Work on the first of the bridges in district {n} starts in the spring."
        )


async def _bot(env: dict[str, str], log: Path, *command: str) -> asyncio.subprocess.Process:
    with log.open("ab") as out:
        return await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", *command, cwd=_ROOT, env=env, stdout=out, stderr=out
        )


def _messages(api: LocalBotApi) -> list[dict[str, Any]]:
    return [m for m in api.sent_to(GROUP) if _ID.search(m["html"])]


def _posted(api: LocalBotApi) -> list[str]:
    return [found for m in _messages(api) for found in _ID.findall(m["html"])]


async def run(args: argparse.Namespace) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        database = args.database or str(work / "bot.sqlite3")
        schema = None
        if database.startswith("postgresql://"):
            schema = f"crash_{uuid.uuid4().hex[:8]}"
            database += ("&" if "?" in database else "?") + f"options=-csearch_path%3D{schema}"
        async with LocalBotApi() as api:
            api.add_user(ADMIN, "Alice", "alice")
            api.add_group(GROUP, "Newsroom", admins=[ADMIN])
            env = {
                **os.environ,
                "BOT_TOKEN": api.token,
                "BOT_API_BASE_URL": api.base_url,
                "DATABASE": database,
                "DIGEST_MAX_ARTICLES": str(args.per_digest),
                "LOG_LEVEL": "WARNING",
            }
            if schema:
                await _create_schema(args.database, schema)
            log = args.log or work / "bot.log"
            try:
                return await _kills(api, env, log, work, args)
            finally:
                if schema:
                    await _drop_schema(args.database, schema)


async def _kills(api: LocalBotApi, env: dict[str, str], log: Path, work: Path, args: argparse.Namespace) -> Any:
    bot = await _bot(env, log)
    await api.wait_for(lambda: api.commands, timeout=180)
    await api.reply_to(ADMIN, "/digest on", GROUP, timeout=30)
    write_articles(work / "new", args.articles)
    ingest = await _bot(env, log, "ingest", str(work / "new"))
    assert await ingest.wait() == 0, "ingest failed (see the bot log)"
    api.faults = Faults(rate=1.0, kinds=("slow",), methods=frozenset({"sendMessage"}), slow_seconds=args.slow)
    api.send(ADMIN, "/digest now", GROUP)
    kills: list[int] = []  # messages posted again so far, at each kill
    started = time.monotonic()
    for _ in range(args.kills):
        before = len(_messages(api))
        try:
            # Kill once this run has posted a message of its own and holds the next one.
            await _until(api, lambda before=before: len(_messages(api)) > before and api.held)  # type: ignore[misc]
        finally:
            bot.send_signal(signal.SIGKILL)
            await bot.wait()
        await asyncio.sleep(args.slow + 0.2)  # the held message lands after the bot has gone
        kills.append(len(_again(api)))
        bot = await _bot(env, log)
    api.faults = Faults()
    try:
        await _until(api, lambda: len(set(_posted(api))) >= args.articles)
        await asyncio.sleep(2)  # nothing more may follow
    finally:
        bot.terminate()
        await bot.wait()
    return _report(api, kills, args, time.monotonic() - started)


async def _until(api: LocalBotApi, condition: Any) -> None:
    """Wait for ``condition``; a digest carries DIGEST_MAX_ARTICLES (at most 50), so when the
    chat has gone quiet with articles left, ask for the next digest with /digest now."""
    for _ in range(20):
        try:
            await api.wait_for(condition, timeout=30)
            return
        except TimeoutError:
            api.send(ADMIN, "/digest now", GROUP)
    raise TimeoutError("the digest did not go on")


def _again(api: LocalBotApi) -> list[dict[str, Any]]:
    return [m for m in _messages(api) if m["html"].startswith(AGAIN_NOTE)]


def _report(api: LocalBotApi, kills: list[int], args: argparse.Namespace, seconds: float) -> Any:
    messages, again = _messages(api), _again(api)
    counts = Counter(_posted(api))
    first = Counter(found for m in messages if m not in again for found in _ID.findall(m["html"]))
    # The messages each start after a kill posted again (the last start's included).
    per_start = [b - a for a, b in zip(kills, [*kills[1:], len(again)], strict=True)] if kills else []
    return {
        "articles": args.articles,
        "kills": len(kills),
        "messages": len(messages),
        "articles_posted": len(counts),
        "articles_missing": args.articles - len(counts),
        "articles_posted_twice_or_more": sum(1 for n in counts.values() if n > 1),
        "messages_posted_again_marked": len(again),
        "most_marked_repeats_after_one_kill": max(per_start, default=0),
        "unmarked_repeats": sum(n - 1 for n in first.values() if n > 1),
        "marked_but_not_posted_before": sum(1 for m in again for found in _ID.findall(m["html"]) if found not in first),
        "seconds": round(seconds, 1),
    }


async def _create_schema(dsn: str, schema: str) -> None:
    import psycopg

    async with await psycopg.AsyncConnection.connect(dsn, autocommit=True) as db:
        await db.execute(f'CREATE SCHEMA "{schema}"')


async def _drop_schema(dsn: str, schema: str) -> None:
    import psycopg

    async with await psycopg.AsyncConnection.connect(dsn, autocommit=True) as db:
        await db.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.bench.crash_digest", description=__doc__)
    parser.add_argument("--kills", type=int, default=10)
    parser.add_argument("--articles", type=int, default=150)
    parser.add_argument("--per-digest", type=int, default=50, help="DIGEST_MAX_ARTICLES")
    parser.add_argument("--slow", type=float, default=0.5, help="seconds the server holds each digest message")
    parser.add_argument("--log", type=Path, help="where the bot processes write their log (default: discarded)")
    parser.add_argument("--database", help="a postgresql:// URL (default: a SQLite file in a temporary folder)")
    args = parser.parse_args(argv)
    print(json.dumps(asyncio.run(run(args)), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
