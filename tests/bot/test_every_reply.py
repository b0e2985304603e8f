"""Issue #20, "every reply right": one test per rough edge a new user hit, each through the
real bot talking real HTTP to the strict local Bot API server."""

from __future__ import annotations

import logging
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from aiohttp import web
from telegram.error import BadRequest

from bot.app import build_application, running
from bot.digests import schedule_all
from bot.errors import SORRY, configure_logging
from bot.handlers.menu import DESCRIPTION, SHORT_DESCRIPTION
from bot.localapi.server import LocalBotApi
from tests.bot.conftest import ALICE, BOB, GROUP, make_settings
from tests.bot.test_digests import NEW_ARTICLES
from tests.bot.webserver import HOST
from tests.conftest import ROOT

SEED_ID = "03cd48adda"
TITLES = ROOT / "tests" / "fixtures" / "titles"
SUMMARY_ID = re.compile(r"([0-9a-f]{10}) · \d+ of \d+ sentences?")


def news(application: object):  # type: ignore[no-untyped-def]
    return application.bot_data.news  # type: ignore[attr-defined]


@asynccontextmanager
async def started(api: LocalBotApi, database: Path, **overrides: object) -> AsyncIterator[object]:
    async with running(build_application(make_settings(api, database, **overrides))) as application:
        yield application


def no_errors(api: LocalBotApi) -> None:
    """Every call the bot made was accepted (flood waits aside: the bot retries those), and
    nobody was told something went wrong."""
    refused = [(c.method, c.error) for c in api.calls if c.error and not c.error.startswith("Too Many Requests")]
    assert refused == []
    assert not [m for m in api.sent if m["text"] == SORRY]


# 1 ---------------------------------------------------------------------------------------------


async def test_numbers_are_ascii_digits_with_a_usage_reply(api: LocalBotApi, bot: object) -> None:
    for command, usage in [
        ("/length ²", "Use /length N with N from 1 to 10."),
        ("/length ٣", "Use /length N with N from 1 to 10."),
        ("/latest ²", "Use /latest or /latest N with N from 1 to 20."),
        ("/latest 0", "Use /latest or /latest N with N from 1 to 20."),
        (f"/article {SEED_ID} ²", "Use /article ID or /article ID PAGE, with a page number like 2."),
        (f"/article {SEED_ID} -1", "Use /article ID or /article ID PAGE, with a page number like 2."),
    ]:
        [reply] = await api.reply_to(ALICE, command)
        assert reply["text"] == usage, command
    [group] = await api.reply_to(ALICE, "/feed remove ²", GROUP)
    assert (
        group["text"]
        == "Use /feed add URL, /feed add URL now, /feed list, /feed remove N, /feed import or /feed export."
    )
    assert [r["id"] for r in (await api.inline_query(ALICE, "ghouta", offset="²"))["results"]]
    [summary] = await api.reply_to(ALICE, f"/summarize {SEED_ID}")
    answer = await api.press(ALICE, ALICE, summary["message_id"], f"s:{SEED_ID}:²")
    assert answer.get("text") == "This button is out of date."
    no_errors(api)


# 3 ---------------------------------------------------------------------------------------------


async def test_digest_now_without_a_digest_never_subscribes(api: LocalBotApi, bot: object) -> None:
    [reply] = await api.reply_to(ALICE, "/digest now", GROUP)
    assert reply["text"].startswith("There is no digest here, so there is nothing to post now.")
    assert "/digest on" in reply["text"]
    assert await news(bot).store.subscription(GROUP) is None
    assert not bot.job_queue.get_jobs_by_name(f"digest:{GROUP}")  # type: ignore[attr-defined]
    [status] = await api.reply_to(ALICE, "/digest status", GROUP)
    assert status["text"].startswith("No digest here.")


# 5 ---------------------------------------------------------------------------------------------


async def test_one_slow_down_reply_per_window_and_inline_notices(api: LocalBotApi, database: Path) -> None:
    async with started(api, database, rate_limit_burst=3, rate_limit_per_minute=1):
        nothing = await api.inline_query(ALICE, "zzqqxx")
        [notice] = nothing["results"]
        assert notice["title"] == "No article matches “zzqqxx”"
        before = len(api.sent_to(ALICE))
        for _ in range(12):
            api.send(ALICE, "/search ghouta")
        api.send(ALICE, "/help")
        await api.wait_for(lambda: any("key facts" in m["text"] for m in api.sent_to(ALICE)[before:]))
        replies = [m["text"] for m in api.sent_to(ALICE)[before:]]
        assert sum("found for" in text for text in replies) == 2, replies
        assert sum(text.startswith("You're going fast") for text in replies) == 1
        [slow] = (await api.inline_query(ALICE, "ghouta"))["results"]
        assert slow["title"] == "You're going fast" and "seconds" in slow["description"]
    no_errors(api)


# 6 ---------------------------------------------------------------------------------------------


async def test_short_text_and_other_schemes_are_refused(api: LocalBotApi, bot: object) -> None:
    stored = await news(bot).store.count()
    [short] = await api.reply_to(ALICE, "/summarize hello world")
    assert short["text"].startswith("That is too short to summarize.")
    assert "at least 200 characters in 2 or more sentences" in short["text"]
    [one_sentence] = await api.reply_to(ALICE, "/summarize " + "a very long sentence without an end " * 8)
    assert one_sentence["text"].startswith("That is too short to summarize.")
    for link in ("file:///etc/passwd", "ftp://example.com/news.txt", "gopher://example.com/1"):
        [reply] = await api.reply_to(ALICE, f"/summarize {link}")
        assert reply["text"] == "I couldn't use that link: I can only open http and https links.", link
    [pasted] = await api.reply_to(ALICE, "see file:///etc/passwd")
    assert pasted["text"] == "I couldn't use that link: I can only open http and https links."
    assert await news(bot).store.count() == stored
    no_errors(api)


# 7 ---------------------------------------------------------------------------------------------


async def test_article_page_past_the_end_says_how_many(api: LocalBotApi, bot: object) -> None:
    [reply] = await api.reply_to(ALICE, f"/article {SEED_ID} 99")
    assert reply["text"] == f"That article has 1 page; /article {SEED_ID} 1 shows the last one."
    long_text = "Long report\n\n" + "\n\n".join(
        f"Paragraph {n} tells part {n} of the story in a full sentence. It adds a second one." for n in range(120)
    )
    stored, _ = await news(bot).add_text(long_text, origin="catalog")
    [many] = await api.reply_to(ALICE, f"/article {stored.article.id} 99")
    assert many["text"] == f"That article has 4 pages; /article {stored.article.id} 4 shows the last one."
    [last] = await api.reply_to(ALICE, f"/article {stored.article.id} 4")
    assert "page 4 of 4" in last["text"]


# 8 ---------------------------------------------------------------------------------------------


async def test_forget_deletes_the_texts_only_this_chat_pasted(api: LocalBotApi, bot: object) -> None:
    own, shared = NEW_ARTICLES
    [first] = await api.reply_to(ALICE, own)
    [second] = await api.reply_to(ALICE, shared)
    await api.reply_to(BOB, shared)
    own_id, shared_id = (SUMMARY_ID.search(m["text"]).group(1) for m in (first, second))  # type: ignore[union-attr]
    await api.reply_to(ALICE, "/length 2")
    [done] = await api.reply_to(ALICE, "/forget")
    assert done["text"] == (
        "Done. Deleted for this chat: the summary length and 1 text pasted or linked here that only this "
        "chat could see."
    )
    [gone] = await api.reply_to(ALICE, f"/summarize {own_id}")
    assert gone["text"].startswith(f"There is no article {own_id}")
    [kept] = await api.reply_to(BOB, f"/summarize {shared_id}")
    assert kept["text"].startswith("Library extends opening hours")
    [again] = await api.reply_to(ALICE, "/forget")
    assert again["text"].startswith("There was nothing stored for this chat")
    [bob_done] = await api.reply_to(BOB, "/forget")
    assert "1 text pasted or linked here" in bob_done["text"]
    assert await news(bot).store.get(shared_id) is None


# 9 ---------------------------------------------------------------------------------------------

_WRONG_PLURAL = re.compile(r"\b1 (sentences|articles|messages|pages|feeds|texts|seconds|minutes|times)\b|\(s\)")


async def test_plurals_are_right_in_every_reply(api: LocalBotApi, bot: object) -> None:
    for text, chat in [
        ("/latest 1", ALICE),
        ("/length 1", ALICE),
        ("/length", ALICE),
        (f"/summarize {SEED_ID}", ALICE),
        (f"/article {SEED_ID} 2", ALICE),
        ("/digest on", GROUP),
    ]:
        await api.reply_to(ALICE, text, chat)
    await news(bot).add_text(NEW_ARTICLES[0], origin="catalog")
    await api.reply_to(ALICE, "/search harbour bridge")
    await api.reply_to(ALICE, "/digest now", GROUP, count=2)
    texts = [m["text"] for m in api.sent]
    assert "The latest article" in texts[0]
    assert "Done: summaries in this chat now have 1 sentence." in texts
    assert "Posted 1 new article in 1 message." in texts
    assert any(t.startswith("📰 News digest · 1 new article\n") for t in texts)
    assert any("1 article found for" in t for t in texts)
    assert [t for t in texts if _WRONG_PLURAL.search(t)] == []


# 10 --------------------------------------------------------------------------------------------


async def test_descriptions_and_commands_per_scope(api: LocalBotApi, bot: object) -> None:
    assert api.descriptions[""] == DESCRIPTION and 0 < len(DESCRIPTION) <= 512
    assert api.short_descriptions[""] == SHORT_DESCRIPTION and 0 < len(SHORT_DESCRIPTION) <= 120
    menus = {scope: {c["command"] for c in commands} for scope, commands in api.scoped_commands.items()}
    assert set(menus) == {"default", "all_private_chats", "all_group_chats", "all_chat_administrators"}
    assert {"summarize", "latest", "search", "help"} <= menus["all_group_chats"]
    assert not {"digest", "feed", "forget", "length"} & menus["all_group_chats"]
    assert {"digest", "feed", "forget", "length"} <= menus["all_chat_administrators"]
    assert menus["all_private_chats"] >= menus["all_chat_administrators"]
    telegram = bot.bot  # type: ignore[attr-defined]
    assert (await telegram.get_my_description()).description == DESCRIPTION
    with pytest.raises(BadRequest):
        await telegram.set_my_description("x" * 513)
    with pytest.raises(BadRequest):
        await telegram.set_my_short_description("x" * 121)


# 11 --------------------------------------------------------------------------------------------


async def test_digest_max_articles_leaves_the_rest_for_the_next_digest(api: LocalBotApi, database: Path) -> None:
    async with started(api, database, digest_max_articles=1) as application:
        await api.reply_to(ALICE, "/digest on", GROUP)
        for raw in NEW_ARTICLES:
            await news(application).add_text(raw, origin="catalog")
        digest, status = await api.reply_to(ALICE, "/digest now", GROUP, count=2)
        assert digest["text"].startswith("📰 News digest · 1 new article\n")
        assert "Harbour bridge reopens" in digest["text"]
        assert status["text"] == "Posted 1 new article in 1 message."
        assert await news(application).store.pending_digest(GROUP, 10) == []  # nothing for a catch-up
        await schedule_all(application, catch_up=True)
        queue = application.job_queue  # type: ignore[attr-defined]
        assert [job.name for job in queue.jobs() if job.chat_id == GROUP] == [f"digest:{GROUP}"]
        [job] = queue.get_jobs_by_name(f"digest:{GROUP}")
        before = len(api.sent_to(GROUP))
        job.job.modify(next_run_time=datetime.now(job.next_t.tzinfo) + timedelta(seconds=0.3))
        [scheduled] = await api.wait_for(lambda: api.sent_to(GROUP)[before:] or None)
        assert "Library extends" in scheduled["text"] and "Harbour bridge" not in scheduled["text"]


# 12 --------------------------------------------------------------------------------------------


async def test_debug_log_shows_ids_and_sizes_not_texts(
    api: LocalBotApi, bot: object, caplog: pytest.LogCaptureFixture
) -> None:
    factory = logging.getLogRecordFactory()
    configure_logging("DEBUG")
    try:
        with caplog.at_level(logging.DEBUG):
            marker = "Quetzalcoatlus"
            await api.reply_to(ALICE, NEW_ARTICLES[0].replace("Engineers", f"{marker} engineers"))
            await api.inline_query(ALICE, marker)
    finally:
        logging.setLogRecordFactory(factory)
    assert marker not in caplog.text and "Alice" not in caplog.text
    assert re.search(rf"update \d+: message, chat {ALICE}, \d+ characters", caplog.text)
    assert re.search(r"update \d+: inline_query, no chat, 14 characters", caplog.text)
    assert "Calling Bot API endpoint `sendMessage` with parameters `<" in caplog.text


# 14 --------------------------------------------------------------------------------------------


@pytest.fixture
async def saved_pages() -> AsyncIterator[str]:
    app = web.Application()
    app.router.add_static("/", TITLES)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, HOST, 0)
    await site.start()
    yield f"http://{HOST}:{site._server.sockets[0].getsockname()[1]}"  # type: ignore[union-attr]
    await runner.cleanup()


async def test_small_ones_keyboards_feed_dates_bylines_titles(
    api: LocalBotApi, database: Path, saved_pages: str
) -> None:
    async with started(api, database, fetch_allowed_networks=[f"{HOST}/32"]) as application:
        stored, _ = await news(application).add_text(
            "One line\n\nThe council met on Monday and agreed the budget.", origin="catalog"
        )
        await api.reply_to(ALICE, f"/summarize {stored.article.id}")
        await api.reply_to(ALICE, f"/facts {stored.article.id}")
        feed = await news(application).store.follow_feed(GROUP, "https://example.com/rss")
        await news(application).store.save_feed(feed.model_copy(update={"checked_at": "2026-12-02T07:27:53+00:00"}))
        [listing] = await api.reply_to(ALICE, "/feed list", GROUP)
        [cbs] = await api.reply_to(ALICE, f"{saved_pages}/cbsnews.com.carolina.html", timeout=30)
        [telegraph] = await api.reply_to(ALICE, f"{saved_pages}/telegraph.co.uk.plumber.html", timeout=30)
    markups = [call.params.get("reply_markup") for call in api.calls_to("sendMessage")]
    rows = [row for markup in markups if markup for row in markup["inline_keyboard"]]
    assert rows and all(rows)
    assert "✅ checked 2026-12-02 07:27 UTC" in listing["text"] and "+00:00" not in listing["text"]
    assert cbs["text"].split("\n")[1] == "CBS News · 24 Feb 2020"
    assert telegraph["text"].startswith("Plumber jailed after boiler killed millionaire's daughter\n")
    no_errors(api)
