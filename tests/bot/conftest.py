"""Fixtures that run the real bot against the local Bot API server, over real HTTP on 127.0.0.1."""

from __future__ import annotations

import socket
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.app import build_application, running
from bot.localapi.server import LocalBotApi
from bot.settings import Settings

ALICE = 1001
BOB = 1002
GROUP = -100200
CHANNEL = -100300


@pytest.fixture
async def api() -> AsyncIterator[LocalBotApi]:
    async with LocalBotApi() as server:
        server.add_user(ALICE, "Alice", "alice")
        server.add_user(BOB, "Bob", "bob")
        server.add_group(GROUP, "Newsroom", admins=[ALICE], members=[BOB])
        server.add_channel(CHANNEL, "Morning Brief", "morningbrief", admins=[ALICE])
        yield server


def make_settings(api: LocalBotApi, database: Path, **overrides: object) -> Settings:
    return Settings(
        _env_file=None,  # type: ignore[call-arg]
        bot_token=api.token,
        bot_api_base_url=api.base_url,
        database=str(database),
        **overrides,
    )


@pytest.fixture
def database(tmp_path: Path) -> Path:
    return tmp_path / "bot.sqlite3"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(params=["polling", "webhook"])
async def bot(request: pytest.FixtureRequest, api: LocalBotApi, database: Path) -> AsyncIterator[object]:
    """The real bot, receiving updates by long polling or by webhook (with a secret token)."""
    application = build_application(make_settings(api, database))
    if request.param == "polling":
        async with running(application):
            yield application
    else:
        async with running(application, webhook_port=free_port(), secret_token="test-secret"):
            yield application
