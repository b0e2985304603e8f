"""Feeds: polled conditionally, each item stored once, new items in the next digest exactly once,
a failing feed backed off."""

import time
from collections.abc import AsyncIterator

import pytest

from bot.app import build_application, running
from bot.links.feeds import poll_due
from bot.localapi.server import LocalBotApi
from tests.bot.conftest import ALICE, BOB, GROUP, make_settings
from tests.bot.webserver import HOST, WebServer


@pytest.fixture
async def web() -> AsyncIterator[WebServer]:
    async with WebServer() as server:
        server.items = [
            ("g1", "Harbour bridge reopens", "The harbour bridge reopened on Monday after two years of repairs.")
        ]
        yield server


@pytest.fixture
async def feedbot(api: LocalBotApi, database, web: WebServer) -> AsyncIterator[object]:  # type: ignore[no-untyped-def]
    settings = make_settings(api, database, fetch_allowed_networks=[f"{HOST}/32"], feed_poll_minutes=1)
    async with running(build_application(settings)) as application:
        yield application


async def poll_now(application: object) -> list:  # type: ignore[type-arg]
    news = application.bot_data.news  # type: ignore[attr-defined]
    for feed in await news.store.due_feeds(time.time() + 10_000):  # every feed is due
        await news.store.save_feed(feed.model_copy(update={"next_check": 0}))
    return await poll_due(news, 60, 10)


async def test_new_items_reach_each_following_chat_once(api: LocalBotApi, feedbot: object, web: WebServer) -> None:
    news = feedbot.bot_data.news  # type: ignore[attr-defined]
    await api.reply_to(ALICE, "/digest on", GROUP)
    [added] = await api.reply_to(ALICE, f"/feed add {web.url('/feed.xml')}", GROUP)
    assert "Following Coastal Courier: 1 article stored for the next digest" in added["text"]
    [channel_added] = await api.reply_to(ALICE, f"/feed add {web.url('/feed.xml')} @morningbrief")
    assert "0 articles stored" in channel_added["text"]  # the item is already stored: fetched once
    assert web.hits["/story/0"] == 1
    [first, _] = await api.reply_to(ALICE, "/digest now", GROUP, count=2)
    assert "Harbour bridge reopens" in first["text"]

    web.items.append(("g2", "Library extends opening hours", "The central library will open until 10pm on weekdays."))
    reports = await poll_now(feedbot)
    assert [len(r.new_articles) for r in reports] == [1]
    [second, _] = await api.reply_to(ALICE, "/digest now", GROUP, count=2)
    assert "Library extends opening hours" in second["text"] and "Harbour bridge" not in second["text"]
    [nothing] = await api.reply_to(ALICE, "/digest now", GROUP)
    assert "Nothing new" in nothing["text"]
    stored = [a for a in await news.store.latest(50) if a.origin == "feed"]
    assert len(stored) == 2  # one copy each, though two chats follow the feed


async def test_unchanged_feed_costs_a_304_and_no_page_fetch(api: LocalBotApi, feedbot: object, web: WebServer) -> None:
    await api.reply_to(ALICE, f"/feed add {web.url('/feed.xml')}", GROUP)
    pages_before = sum(n for path, n in web.hits.items() if path.startswith("/story"))
    [report] = await poll_now(feedbot)
    assert report.status == 304 and report.new_articles == []
    assert sum(n for path, n in web.hits.items() if path.startswith("/story")) == pages_before
    assert web.hits["/feed.xml"] == 2


async def test_broken_feed_is_backed_off_and_explained(api: LocalBotApi, feedbot: object, web: WebServer) -> None:
    await api.reply_to(ALICE, f"/feed add {web.url('/feed.xml')}", GROUP)
    web.feed_broken = True
    delays = []
    for _ in range(3):
        [report] = await poll_now(feedbot)
        assert report.error == "the site answered with an error (500)"
        delays.append(report.feed.next_check - time.time())
    assert delays[0] < delays[1] < delays[2]  # 2, 4, 8 poll intervals
    assert await poll_due(feedbot.bot_data.news, 60, 10) == []  # not hammered: nothing due now  # type: ignore[attr-defined]
    [listing] = await api.reply_to(BOB, "/feed list", GROUP)
    assert "failing (3 times): the site answered with an error (500)" in listing["text"]


async def test_feed_commands_need_admins_and_valid_feeds(api: LocalBotApi, feedbot: object, web: WebServer) -> None:
    [denied] = await api.reply_to(BOB, f"/feed add {web.url('/feed.xml')}", GROUP)
    assert "Only admins" in denied["text"]
    [not_feed] = await api.reply_to(ALICE, f"/feed add {web.url('/article')}", GROUP)
    assert "I can't follow that feed" in not_feed["text"]
    [refused] = await api.reply_to(ALICE, "/feed add http://10.0.0.1/rss", GROUP)
    assert "not on the public internet" in refused["text"]
    await api.reply_to(ALICE, f"/feed add {web.url('/feed.xml')}", GROUP)
    [listing] = await api.reply_to(ALICE, "/feed list", GROUP)
    assert "1. Coastal Courier" in listing["text"]
    [bad] = await api.reply_to(ALICE, "/feed remove 7", GROUP)
    assert "There is no feed 7" in bad["text"]
    [removed] = await api.reply_to(ALICE, "/feed remove 1", GROUP)
    assert "Stopped following" in removed["text"]
    [empty] = await api.reply_to(ALICE, "/feed list", GROUP)
    assert "follows no feeds" in empty["text"]


async def test_private_pastes_stay_private(api: LocalBotApi, feedbot: object) -> None:
    paste = "Secret memo\n\n" + "The board will meet on Friday to approve the confidential merger plan. " * 5
    await api.reply_to(ALICE, paste)
    [search] = await api.reply_to(BOB, "/search confidential merger")
    assert "Nothing matches" in search["text"]
    assert [r["id"] for r in (await api.inline_query(BOB, "confidential merger"))["results"]] == ["none"]
    await api.reply_to(ALICE, "/digest on", GROUP)
    [digest] = await api.reply_to(ALICE, "/digest now", GROUP)
    assert "Nothing new" in digest["text"]
