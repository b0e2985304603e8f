from datetime import datetime, timedelta

import pytest

from bot.app import build_application, running
from bot.localapi.server import LocalBotApi
from tests.bot.conftest import ALICE, BOB, CHANNEL, GROUP, make_settings

NEW_ARTICLES = [
    "Harbour bridge reopens after repairs\n\nThe harbour bridge reopened on Monday after 14 months of repairs "
    "costing £38m, the city council said. Engineers replaced 2,400 steel cables. Traffic is expected to "
    "return to normal within a week, officials said.",
    "Library extends opening hours\n\nThe central library will open until 10pm on weekdays from March, "
    "the council announced. The change follows a petition signed by 5,000 students. Staff numbers will rise "
    "by a third.",
]


def news(application: object):  # type: ignore[no-untyped-def]
    return application.bot_data.news  # type: ignore[attr-defined]


async def test_group_digest_admin_only_and_exactly_once(api: LocalBotApi, bot: object) -> None:
    [denied] = await api.reply_to(BOB, "/digest on", GROUP)
    assert "Only admins" in denied["text"]
    [on] = await api.reply_to(ALICE, "/digest on", GROUP)
    assert "Digest on" in on["text"]
    [nothing] = await api.reply_to(ALICE, "/digest now", GROUP)
    assert "Nothing new" in nothing["text"]
    for raw in NEW_ARTICLES:
        await news(bot).add_text(raw, origin="catalog")
    digest, status = await api.reply_to(ALICE, "/digest now", GROUP, count=2)
    assert digest["text"].startswith("📰 News digest · 2 new articles")
    assert "Harbour bridge reopens" in digest["text"] and "Library extends" in digest["text"]
    assert "Key facts:" in digest["text"]
    assert "Posted 2 new articles in 1 message." in status["text"]
    [again] = await api.reply_to(ALICE, "/digest now", GROUP)
    assert "Nothing new" in again["text"]
    assert len(await news(bot).store.delivered(GROUP)) == 2


@pytest.mark.parametrize(("chat", "suffix"), [(GROUP, ""), (CHANNEL, " @morningbrief")])
async def test_scheduled_digest_fires_at_its_time_in_its_zone(
    api: LocalBotApi, bot: object, chat: int, suffix: str
) -> None:
    where = GROUP if chat == GROUP else ALICE
    await api.reply_to(ALICE, f"/digest on{suffix}", where)
    [zone] = await api.reply_to(ALICE, f"/digest tz Asia/Tokyo{suffix}", where)
    assert "Asia/Tokyo" in zone["text"]
    [when] = await api.reply_to(ALICE, f"/digest time 07:15{suffix}", where)
    assert "07:15 (Asia/Tokyo)" in when["text"]
    [job] = bot.job_queue.get_jobs_by_name(f"digest:{chat}")  # type: ignore[attr-defined]
    assert job.next_t.utcoffset() == timedelta(hours=9)
    assert (job.next_t.hour, job.next_t.minute) == (7, 15)
    await news(bot).add_text(NEW_ARTICLES[0], origin="catalog")
    before = len(api.sent_to(chat))
    job.job.modify(next_run_time=datetime.now(job.next_t.tzinfo) + timedelta(seconds=0.5))
    [digest] = await api.wait_for(lambda: api.sent_to(chat)[before:] or None)
    assert digest["text"].startswith("📰 News digest · 1 new article")
    assert "Harbour bridge reopens" in digest["text"]


async def test_channel_digest_from_channel_post_and_from_private_chat(api: LocalBotApi, bot: object) -> None:
    api.post_in_channel(CHANNEL, "/digest on")
    [on] = await api.wait_for(lambda: api.sent_to(CHANNEL) or None)
    assert "Digest on" in on["text"]
    [denied] = await api.reply_to(BOB, "/digest off @morningbrief")
    assert "Only admins" in denied["text"]
    [status] = await api.reply_to(ALICE, "/digest status @morningbrief")
    assert "Digest is on" in status["text"]
    await news(bot).add_text(NEW_ARTICLES[1], origin="catalog")
    [posted] = await api.reply_to(ALICE, "/digest now @morningbrief")
    assert "Posted 1 new article in 1 message." in posted["text"]
    assert api.sent_to(CHANNEL)[-1]["text"].startswith("📰 News digest · 1 new article")
    [unknown] = await api.reply_to(ALICE, "/digest on @nosuchchannel")
    assert "can't find @nosuchchannel" in unknown["text"]


async def test_kicked_bot_pauses_the_digest(api: LocalBotApi, bot: object) -> None:
    await api.reply_to(ALICE, "/digest on", GROUP)
    await news(bot).add_text(NEW_ARTICLES[0], origin="catalog")
    api.kick_bot(GROUP)
    result = await __import__("bot.digests", fromlist=["run_digest"]).run_digest(bot, GROUP)
    assert result.error and result.error.startswith("paused")
    subscription = await news(bot).store.subscription(GROUP)
    assert subscription and not subscription.enabled and "can't post" in (subscription.paused_reason or "")
    assert not bot.job_queue.get_jobs_by_name(f"digest:{GROUP}")  # type: ignore[attr-defined]
    assert await news(bot).store.pending_digest(GROUP, 10)  # kept, not lost


async def test_restart_keeps_everything_and_never_repeats(api: LocalBotApi, database) -> None:  # type: ignore[no-untyped-def]
    settings = make_settings(api, database)
    async with running(build_application(settings)) as first:
        seeds = await news(first).store.count()
        await api.reply_to(ALICE, "/digest on", GROUP)
        await news(first).add_text(NEW_ARTICLES[0], origin="catalog")
        await api.reply_to(ALICE, "/digest now", GROUP, count=2)
    async with running(build_application(settings)) as second:
        assert await news(second).store.count() == seeds + 1
        assert second.job_queue.get_jobs_by_name(f"digest:{GROUP}")
        [again] = await api.reply_to(ALICE, "/digest now", GROUP)
        assert "Nothing new" in again["text"]
        assert len(await news(second).store.delivered(GROUP)) == 1
