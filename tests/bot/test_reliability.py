"""Telegram failing, a crowd of chats, people who should not get in."""

import asyncio

from bot.digests import run_digest
from bot.localapi.client import telegram_split
from bot.localapi.server import Faults, LocalBotApi
from bot.present.formatting import AGAIN_NOTE
from tests.bot.conftest import ALICE, BOB, GROUP
from tests.bot.test_digests import NEW_ARTICLES, news

CHATS = [-100900 - n for n in range(100)]


async def test_digest_to_100_chats_survives_20_percent_failures(api: LocalBotApi, bot: object) -> None:
    # This test is the scheduler: the app's own leadership tick (every 5 s) would start catch-up
    # runs for chats with a message in doubt, whose retries, lost answers and repeats the counts
    # below cannot see (a tick falling between two rounds made this test fail now and then).
    bot.job_queue.scheduler.pause()  # type: ignore[attr-defined]
    for chat in CHATS:
        api.add_group(chat, f"Group {chat}", admins=[ALICE])
        await news(bot).subscribe(chat, f"Group {chat}")
    for raw in NEW_ARTICLES:
        await news(bot).add_text(raw, origin="catalog")
    kicked = CHATS[0]
    api.kick_bot(kicked)
    api.faults = Faults(rate=0.2, kinds=("429", "500", "drop"), methods=frozenset({"sendMessage"}))

    results = await asyncio.gather(*(run_digest(bot, chat) for chat in CHATS))
    retried = sum(r.retries for r in results)
    for _ in range(5):  # what the scheduled retry job does for runs that stopped on an error
        unfinished = [r.chat_id for r in results if r.error and not r.paused]
        if not unfinished:
            break
        results = await asyncio.gather(*(run_digest(bot, chat) for chat in unfinished))
        retried += sum(r.retries for r in results)

    injected = api.faults.injected
    assert len(injected) >= 10, "the fault injector should have fired"
    assert retried >= sum(1 for _, kind in injected if kind == "500") * 0.9  # refused for sure: retried
    lost_answers = sum(1 for _, kind in injected if kind == "drop")  # carried out, answer lost
    repeats = 0
    for chat in CHATS[1:]:
        digests = [m for m in api.sent_to(chat) if "News digest" in m["text"]]
        first = [m for m in digests if not m["html"].startswith(AGAIN_NOTE)]
        assert len(first) == 1, chat
        assert "Harbour bridge reopens" in first[0]["text"] and "Library extends" in first[0]["text"]
        repeats += len(digests) - 1
        assert len(await news(bot).store.delivered(chat)) == 2
    # A lost answer is never retried blindly: the message is posted again once, marked.
    assert lost_answers and repeats == lost_answers
    paused = await news(bot).store.subscription(kicked)
    assert paused is not None and not paused.enabled and paused.paused_reason
    assert len(await news(bot).store.pending_digest(kicked, 10)) == 2  # kept for when it is re-added


async def test_allowlist_limits_private_use(api: LocalBotApi, database) -> None:  # type: ignore[no-untyped-def]
    from bot.app import build_application, running
    from tests.bot.conftest import make_settings

    async with running(build_application(make_settings(api, database, allowed_users=[ALICE]))):
        [welcome] = await api.reply_to(ALICE, "/start")
        assert "summaries" in welcome["text"]
        [refused] = await api.reply_to(BOB, "/latest")
        assert refused["text"] == "Sorry, this bot is private."
        answer = await api.inline_query(BOB, "ghouta")
        assert answer["results"] == []
        [group] = await api.reply_to(BOB, "/latest 1", GROUP)  # groups are not private use
        assert group["text"].startswith("The latest article")


async def test_forged_callback_data_changes_nothing(api: LocalBotApi, bot: object) -> None:
    [reply] = await api.reply_to(ALICE, "/latest 1", GROUP)
    for forged in ["length:-100200:9", f"s:{'0' * 10}:3", "s:abc:1; DROP TABLE articles", "x" * 64, "a:zz:1:1"]:
        answer = await api.press(BOB, GROUP, reply["message_id"], forged)
        assert answer.get("text") in ("This button is out of date.", "That article is no longer stored.")
    assert await news(bot).length_for(GROUP) == 3
    assert await news(bot).store.count() == 21


async def test_too_long_text_gets_a_clear_reply(api: LocalBotApi, bot: object) -> None:
    limit = bot.bot_data.settings.max_text_chars  # type: ignore[attr-defined]
    for part in telegram_split("word " * (limit // 5 + 10)):  # the app sends it in parts, joined again
        api.send(ALICE, part)
    [reply] = await api.wait_for(lambda: api.sent_to(ALICE) or None, 20)
    assert "too long" in reply["text"]
    assert await news(bot).store.count() == 21


async def test_expensive_commands_are_rate_limited_per_user(api: LocalBotApi, database) -> None:  # type: ignore[no-untyped-def]
    from bot.app import build_application, running
    from tests.bot.conftest import make_settings

    settings = make_settings(api, database, rate_limit_burst=3, rate_limit_per_minute=1)
    async with running(build_application(settings)):
        for _ in range(3):
            [found] = await api.reply_to(ALICE, "/search ghouta")
            assert "found for" in found["text"]
        [slow] = await api.reply_to(ALICE, "/search ghouta")
        assert "You're going fast" in slow["text"]
        assert [r["id"] for r in (await api.inline_query(ALICE, "ghouta"))["results"]] == ["slow"]
        [other] = await api.reply_to(BOB, "/search ghouta")  # the limit is per user
        assert "found for" in other["text"]
        [cheap] = await api.reply_to(ALICE, "/latest 1")  # reading stored articles is not limited
        assert cheap["text"].startswith("The latest article")


def test_token_never_reaches_a_log_line(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The bot pointed at a dead Bot API address fails at start; with DEBUG logging, every line
    about it (httpx errors carry the request URL, which holds the token) shows <token> instead."""
    import os
    import subprocess
    import sys

    from tests.conftest import ROOT

    token = "987654:SECRET-token-value"
    env = {
        **os.environ,
        "BOT_TOKEN": token,
        "BOT_API_BASE_URL": "http://127.0.0.1:9/bot",
        "DATABASE": str(tmp_path / "db.sqlite3"),
        "LOG_LEVEL": "DEBUG",
    }
    done = subprocess.run([sys.executable, "-m", "bot"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    output = done.stdout + done.stderr
    assert done.returncode == 1
    assert "the bot stopped on an error" in output
    assert "<token>" in output
    assert token not in output and "SECRET-token-value" not in output


def test_redaction_covers_messages_arguments_and_tracebacks(caplog) -> None:  # type: ignore[no-untyped-def]
    import logging

    from bot.errors import install_redaction

    token = "555:ANOTHER-secret"
    factory = logging.getLogRecordFactory()
    install_redaction(token)
    try:
        log = logging.getLogger("bot.test")
        with caplog.at_level(logging.INFO):
            log.info("calling https://api.telegram.org/bot%s/getMe", token)
            try:
                raise RuntimeError(f"connect failed for https://api.telegram.org/bot{token}/sendMessage")
            except RuntimeError:
                log.exception("send failed")
        text = caplog.text
        assert token not in text and text.count("<token>") >= 2
    finally:
        logging.setLogRecordFactory(factory)


async def test_forget_deletes_a_chats_data_admins_only(api: LocalBotApi, bot: object) -> None:
    await api.reply_to(ALICE, "/digest on", GROUP)
    await api.reply_to(ALICE, "/length 4", GROUP)
    [denied] = await api.reply_to(BOB, "/forget", GROUP)
    assert "Only admins" in denied["text"]
    [done] = await api.reply_to(ALICE, "/forget", GROUP)
    assert done["text"] == "Done. Deleted for this chat: the summary length and the digest."
    assert await news(bot).store.subscription(GROUP) is None
    assert await news(bot).store.summary_length(GROUP) is None
    assert not bot.job_queue.get_jobs_by_name(f"digest:{GROUP}")  # type: ignore[attr-defined]
    assert await news(bot).store.count() == 21  # articles are shared, not the chat's


async def test_an_upgraded_summarizer_brings_stored_articles_up_to_date(api: LocalBotApi, database) -> None:  # type: ignore[no-untyped-def]
    """Articles ranked by an older summarizer get this one's ranking and key facts in the
    background when the bot starts; users are served all along, and nothing else changes."""
    from bot.app import build_application, running
    from bot.service import SUMMARIZER_REVISION, NewsService
    from bot.store import SqliteArticleStore
    from summarizer import Ranking, revision
    from tests.bot.conftest import make_settings

    store = SqliteArticleStore(database)
    await store.open()
    stored, _ = await NewsService(store).add_text(NEW_ARTICLES[0], origin="user")
    await store.refresh(stored.article.id, Ranking(algorithm="default", scores=stored.ranking.scores), ())
    await store.save_setting(SUMMARIZER_REVISION, "an older summarizer")
    await store.close()

    async with running(build_application(make_settings(api, database))) as application:
        service = application.bot_data.news
        for _ in range(100):
            if await service.store.setting(SUMMARIZER_REVISION) == revision():
                break
            await asyncio.sleep(0.05)
        again = await service.store.get(stored.article.id)
        assert again is not None and again.facts == stored.facts and again.ranking == stored.ranking
        assert again.seq == stored.seq and again.origin == "user"
        [reply] = await api.reply_to(ALICE, f"/facts {stored.article.id}")
        assert "£38m" in reply["text"] and "2,400 steel cables" in reply["text"]
