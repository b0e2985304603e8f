"""Issue #20 item 2, a property: hostile strings (tags, ``&``, ``<``, entities, very long words,
RTL marks) sent to every command, in a private chat, a group, an inline query and a button,
get replies that all pass the strict local Bot API server's HTML and length checks.

The real bot runs against the real local server over HTTP, in a thread of its own with its own
event loop, for the whole module: Hypothesis drives it example after example from the test's
thread, so starting the bot is paid once, not once per example.
"""

from __future__ import annotations

import asyncio
import os
import threading
from collections.abc import Awaitable, Iterator
from contextlib import AsyncExitStack
from pathlib import Path
from typing import TypeVar

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.app import build_application, running
from bot.errors import SORRY
from bot.flood import TelegramRateLimiter
from bot.localapi.faults import FloodLimit, WindowLimit
from bot.localapi.server import LocalBotApi
from tests.bot.conftest import ALICE, GROUP, make_settings

T = TypeVar("T")
SEED_ID = "03cd48adda"
NO_FLOOD = FloodLimit(burst=100_000, per_second=100_000)
NO_GROUP_FLOOD = WindowLimit(count=100_000, seconds=60.0)
REPLIES = {"sendMessage", "editMessageText", "editMessageReplyMarkup", "answerInlineQuery", "answerCallbackQuery"}
"""The calls that carry what the bot says (getChat on a name nobody has fails, rightly)."""

PRIVATE = [
    "/summarize {s}",
    "/facts {s}",
    "/article {s}",
    f"/article {SEED_ID} {{s}}",
    "/latest {s}",
    "/search {s}",
    "/length {s}",
    "/digest {s}",
    "/digest on @{s}",
    "/digest time {s}",
    "/digest tz {s}",
    "/feed add {s}",
    "/feed remove {s}",
    "/feed {s} @{s}",
    "/help {s}",
    "Note: {s}",
    "Pasted: " + "{s} " * 40,
]
GROUP_COMMANDS = ["/search {s}", "/digest {s}", "/feed {s}", "/length {s}", "/forget {s}"]
"""One an example, drawn: the bot's rate limiter posts at most 20 messages a minute in a group."""
EXAMPLES = 300 if os.environ.get("HYPOTHESIS_PROFILE") == "thorough" else 15
"""Each example is some twenty round trips; ``HYPOTHESIS_PROFILE=thorough`` runs many more."""

_FRAGMENTS = [
    "<b>",
    "</i>",
    "<script>alert(1)</script>",
    "<a href='x'>",
    "&amp;",
    "&",
    "&#0;",
    "&nosuch;",
    "<",
    ">",
    '"',
    "\u200f",
    "\u202e",
    "\u200b",
    "مرحبا بالعالم.",
    "😀",
    "²",
    "٣",
    "Europe",
    "@x<b>&",
    " ",
    "\n",
    "now",
    "on",
    "remove",
    "1",
]
hostile = st.one_of(
    st.lists(st.one_of(st.sampled_from(_FRAGMENTS), st.text(max_size=12)), min_size=1, max_size=8).map("".join),
    st.integers(min_value=100, max_value=3_000).map(lambda n: "W" * n),
    st.integers(min_value=20, max_value=600).map(lambda n: "<b>&" * n),
).filter(lambda s: s.strip() != "")


class BotInAThread:
    """The local server and the real bot, running in their own thread and event loop."""

    def __init__(self, database: Path) -> None:
        self.loop = asyncio.new_event_loop()
        self.api = LocalBotApi(private_limit=NO_FLOOD, group_limit=NO_GROUP_FLOOD)
        self._stack = AsyncExitStack()
        self._thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self._thread.start()
        self.run(self._start(database))

    def run(self, work: Awaitable[T], timeout: float = 60) -> T:
        return asyncio.run_coroutine_threadsafe(work, self.loop).result(timeout)  # type: ignore[arg-type]

    async def _start(self, database: Path) -> None:
        await self._stack.enter_async_context(self.api)
        self.api.add_user(ALICE, "Alice", "alice")
        self.api.add_group(GROUP, "Newsroom", admins=[ALICE])
        options = make_settings(self.api, database, rate_limit_burst=1_000_000, rate_limit_per_minute=1_000_000)
        application = build_application(options)
        limiter = application.bot.rate_limiter
        assert isinstance(limiter, TelegramRateLimiter)
        limiter.per_group_minute = 100_000  # Telegram's group window off, as the server's is here
        await self._stack.enter_async_context(running(application))

    def close(self) -> None:
        self.run(self._stack.aclose())
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(10)
        self.loop.close()


@pytest.fixture(scope="module")
def hostile_bot(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BotInAThread]:
    bot = BotInAThread(tmp_path_factory.mktemp("hostile") / "bot.sqlite3")
    yield bot
    bot.close()


async def _send_everything(api: LocalBotApi, text: str, in_group: str) -> None:
    for template in PRIVATE:
        await api.reply_to(ALICE, template.replace("{s}", text), timeout=20)
    await api.reply_to(ALICE, in_group.replace("{s}", text), GROUP, timeout=20)
    await api.inline_query(ALICE, text[:256])
    [summary] = await api.reply_to(ALICE, f"/summarize {SEED_ID}")
    await api.press(ALICE, ALICE, summary["message_id"], text[:64])


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=hostile, in_group=st.sampled_from(GROUP_COMMANDS))
def test_every_reply_to_hostile_text_passes_the_strict_server(
    hostile_bot: BotInAThread, text: str, in_group: str
) -> None:
    api = hostile_bot.api
    calls, sent = len(api.calls), len(api.sent)
    hostile_bot.run(_send_everything(api, text, in_group), timeout=120)
    refused = [(c.method, c.error) for c in api.calls[calls:] if c.error and c.method in REPLIES]
    assert refused == []
    assert not [m["text"] for m in api.sent[sent:] if m["text"] == SORRY]
