"""Real traffic over HTTP: a slow site keeps nobody else waiting, each chat's replies stay in
order, slow work has a cap, typing shows all along, and a stop loses nothing."""

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.app import build_application, running
from bot.bench.sites import HostileSite, gzip_bomb
from bot.handlers import concurrency
from bot.localapi.server import LocalBotApi
from bot.store import open_store
from tests.bot.conftest import ALICE, BOB, make_settings
from tests.conftest import ROOT

LONG = (ROOT / "tests" / "fixtures" / "long-article.txt").read_text(encoding="utf-8")


@pytest.fixture
async def site() -> AsyncIterator[HostileSite]:
    async with HostileSite(hold_seconds=30) as server:
        yield server


def bot_for(api: LocalBotApi, database: Path, **overrides: object) -> object:
    return build_application(make_settings(api, database, fetch_allowed_networks=["127.0.0.2/32"], **overrides))


async def test_a_slow_site_keeps_nobody_else_waiting(api: LocalBotApi, database: Path, site: HostileSite) -> None:
    async with running(bot_for(api, database)):  # type: ignore[arg-type]
        api.send(ALICE, site.url("/slow/1"))
        await api.wait_for(lambda: site.waiting == 1)
        [help_reply] = await api.reply_to(BOB, "/help")
        assert "summaries" in help_reply["text"]
        assert site.waiting == 1 and not api.sent_to(ALICE)
        site.release()
        [summary] = await api.wait_for(lambda: api.sent_to(ALICE) or None, 15)
        assert "Harbour bridge to close, part 1" in summary["text"]


async def test_one_chat_sees_its_replies_in_the_order_it_asked(
    api: LocalBotApi, database: Path, site: HostileSite
) -> None:
    async with running(bot_for(api, database)):  # type: ignore[arg-type]
        api.send(ALICE, site.url("/slow/2"))
        await api.wait_for(lambda: site.waiting == 1)
        api.send(ALICE, "/help")
        site.release()
        first, second = await api.wait_for(lambda: api.sent_to(ALICE) if len(api.sent_to(ALICE)) >= 2 else None, 15)
        assert "part 2" in first["text"] and "summaries" in second["text"]


async def test_beyond_the_cap_slow_work_is_politely_refused(
    api: LocalBotApi, database: Path, site: HostileSite
) -> None:
    async with running(bot_for(api, database, slow_work_limit=1)):  # type: ignore[arg-type]
        api.send(ALICE, site.url("/slow/3"))
        await api.wait_for(lambda: site.waiting == 1)
        [busy] = await api.reply_to(BOB, site.url("/slow/4"))
        assert "busy" in busy["text"] and "try again in a minute" in busy["text"]
        site.release()
        await api.wait_for(lambda: api.sent_to(ALICE), 15)
        [summary] = await api.reply_to(BOB, site.url("/slow/4"), timeout=15)
        assert "part 4" in summary["text"]


async def test_typing_shows_until_the_reply_goes_out(
    api: LocalBotApi, database: Path, site: HostileSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(concurrency, "TYPING_SECONDS", 0.2)
    async with running(bot_for(api, database)):  # type: ignore[arg-type]
        api.send(ALICE, site.url("/slow/5"))
        await api.wait_for(lambda: len(api.calls_to("sendChatAction")) >= 4)
        assert site.waiting == 1
        site.release()
        await api.wait_for(lambda: api.sent_to(ALICE), 15)
        typed = len(api.calls_to("sendChatAction"))
        await api.reply_to(BOB, "/help")
        assert len(api.calls_to("sendChatAction")) == typed  # it stopped with the reply


async def test_a_compression_bomb_sent_as_a_link_gets_a_clear_reply(
    api: LocalBotApi, database: Path, site: HostileSite
) -> None:
    url = site.serve("bomb", gzip_bomb(2 << 30, layers=2), "gzip, gzip")
    async with running(bot_for(api, database)):  # type: ignore[arg-type]
        [reply] = await api.reply_to(ALICE, url)
    assert "couldn't use that link" in reply["text"] and "compressed more than once" in reply["text"]


async def test_a_stop_waits_for_a_fetch_in_flight(api: LocalBotApi, database: Path, site: HostileSite) -> None:
    async with running(bot_for(api, database)):  # type: ignore[arg-type]
        api.send(ALICE, site.url("/slow/6"))
        await api.wait_for(lambda: site.waiting == 1)
        asyncio.get_running_loop().call_later(0.5, site.release)
    [summary] = api.sent_to(ALICE)
    assert "part 6" in summary["text"]
    assert await _user_titles(database) == ["Harbour bridge to close, part 6"]


async def _user_titles(database: Path) -> list[str]:
    store = open_store(str(database))
    await store.open()
    try:
        return [s.article.title for s in await store.articles_after(0, 100) if s.origin == "user"]
    finally:
        await store.close()


async def test_a_stop_finishes_a_held_article_before_the_store_closes(api: LocalBotApi, database: Path) -> None:
    from bot.localapi.client import telegram_split

    first, *_ = telegram_split(LONG)
    application = bot_for(api, database)
    async with running(application):  # type: ignore[arg-type]
        api.send(ALICE, first)
        await api.wait_for(lambda: application.bot_data.joiner.holds((ALICE, ALICE)))  # type: ignore[attr-defined]
    assert api.sent_to(ALICE), "the held part was summarized on the way out"
    assert await _user_titles(database) == ["All Black magic: New Zealand rugby"]


async def test_a_japanese_page_is_summarized_not_refused(api: LocalBotApi, database: Path, site: HostileSite) -> None:
    from tests.summarizer.test_extract_unspaced import JAPANESE, page

    url = site.serve("ja", page(JAPANESE).encode(), "", "text/html; charset=utf-8")
    async with running(bot_for(api, database)):  # type: ignore[arg-type]
        [summary] = await api.reply_to(ALICE, url)
    assert "湾岸の橋、来春から改修" in summary["text"] and "too little text" not in summary["text"]
