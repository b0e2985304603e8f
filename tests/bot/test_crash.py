"""The bot process is killed (SIGKILL) in the middle of a digest and started again: the digest
completes, no article is skipped, and the only repeat is the one message that was on its way.

The kill lands while a digest message is held by the server, which carries it out after the
bot has gone (as Telegram does). The message reached the chat but the journal still says
'sending', so the restarted bot posts it again, once, headed by AGAIN_NOTE; any other repeat
would be a duplicate the bot did not know about.
"""

import asyncio
import os
import re
import sys
from pathlib import Path

from bot.bench.crash_digest import write_articles
from bot.localapi.server import Faults, LocalBotApi
from bot.present.formatting import AGAIN_NOTE
from tests.bot.conftest import ALICE, GROUP
from tests.conftest import ROOT

ARTICLES = 30


async def ingest_new_articles(folder: Path, env: dict[str, str]) -> None:
    """Write ARTICLES new stories and add them with the bulk ingest command, a separate process."""
    write_articles(folder, ARTICLES)
    ingest = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "ingest", str(folder), cwd=ROOT, env=env,
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL,
    )  # fmt: skip
    assert await ingest.wait() == 0


async def _start(env: dict[str, str], log: Path) -> asyncio.subprocess.Process:
    with log.open("ab") as out:
        return await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=out,
        )


def _posted(api: LocalBotApi, again: bool = False) -> list[str]:
    """Article ids in the group's digest messages (read from each item's summary deep link),
    first copies (or those posted again)."""
    messages = [m for m in api.sent_to(GROUP) if m["html"].startswith(AGAIN_NOTE) == again]
    return [found for m in messages for found in re.findall(r"\?start=s_([0-9a-f]{10})", m["html"])]


def assert_once_and_one_marked_repeat(api: LocalBotApi) -> None:
    """Every article posted once, and the message in flight at the kill posted again, marked."""
    first, again = _posted(api), _posted(api, again=True)
    assert sorted(first) == sorted(set(first)) and len(first) == ARTICLES
    repeats = [m for m in api.sent_to(GROUP) if m["html"].startswith(AGAIN_NOTE)]
    assert len(repeats) == 1, "the message on its way at the kill, posted again once"
    assert again and set(again) <= set(first)


async def test_sigkill_mid_digest_then_restart(api: LocalBotApi, tmp_path: Path) -> None:
    env = {
        **os.environ,
        "BOT_TOKEN": api.token,
        "BOT_API_BASE_URL": api.base_url,
        "DATABASE": str(tmp_path / "bot.sqlite3"),
        "DIGEST_MAX_ARTICLES": "50",
        "LOG_LEVEL": "WARNING",
    }
    first = await _start(env, tmp_path / "bot.log")
    try:
        await api.wait_for(lambda: api.commands, timeout=60)
        await api.reply_to(ALICE, "/digest on", GROUP, timeout=30)
        await ingest_new_articles(tmp_path / "new", env)
        api.faults = Faults(rate=1.0, kinds=("slow",), methods=frozenset({"sendMessage"}), slow_seconds=0.5)
        api.send(ALICE, "/digest now", GROUP)
        # Kill while the next digest message is on its way, not yet processed by the server.
        await api.wait_for(lambda: len(_posted(api)) >= 10 and api.held, timeout=60)
    finally:
        first.kill()
        await first.wait()
    posted_before_kill = len(_posted(api))
    assert posted_before_kill < ARTICLES, "the kill should land mid-digest"
    api.faults = Faults()
    second = await _start(env, tmp_path / "bot.log")
    try:
        await api.wait_for(lambda: len(_posted(api)) >= ARTICLES, timeout=60)
        await asyncio.sleep(1.5)  # nothing more may follow
    finally:
        second.terminate()
        await second.wait()
    assert_once_and_one_marked_repeat(api)
