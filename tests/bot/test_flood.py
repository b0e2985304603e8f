"""Telegram's flood limits, from the first message: 30 in any second overall, 20 in any minute
per group. The local server refuses more with 429; the bot's limiter never gets there."""

import asyncio

import pytest

from bot.digests import run_digest
from bot.flood import SlidingWindow, TelegramRateLimiter
from bot.localapi.server import LocalBotApi
from tests.bot.conftest import ALICE, GROUP
from tests.bot.test_digests import NEW_ARTICLES, news

CHATS = [-100700 - n for n in range(70)]


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_window_never_holds_more_than_its_count() -> None:
    clock = FakeClock()
    window = SlidingWindow(20, 60.0, clock)
    taken = []
    for _ in range(2000):
        if window.wait_seconds() == 0:
            taken.append(clock.now)
            clock.now += 0.2  # the answer comes back
            window.done()
        clock.now += 0.5
    assert len(taken) > 20
    for index, start in enumerate(taken):
        assert sum(1 for t in taken[index:] if t < start + 60.0) <= 20
    assert taken[20] >= taken[0] + 60.2  # the 21st waits a minute after an answer, not a refill's 3 seconds


async def test_limiter_holds_a_group_to_its_window() -> None:
    limiter = TelegramRateLimiter(per_group_minute=3)
    clock = FakeClock()
    limiter._groups[GROUP] = SlidingWindow(3, 60.0, clock)
    calls = []

    async def send() -> bool:
        calls.append(clock.now)
        return True

    for _ in range(3):
        await limiter.process_request(send, (), {}, "sendMessage", {"chat_id": GROUP}, None)
    fourth = asyncio.create_task(limiter.process_request(send, (), {}, "sendMessage", {"chat_id": GROUP}, None))
    await asyncio.sleep(0.05)
    assert len(calls) == 3 and not fourth.done()
    clock.now += 60.0
    await asyncio.wait_for(fourth, 5)
    assert len(calls) == 4


async def test_server_refuses_the_21st_group_message_in_a_minute(api: LocalBotApi) -> None:
    chat = api.chats[GROUP]
    for _ in range(20):
        api._flood(chat)
    with pytest.raises(Exception, match="Too Many Requests"):
        api._flood(chat)


async def test_digest_fan_out_keeps_30_a_second_from_the_first(api: LocalBotApi, bot: object) -> None:
    for chat in CHATS:
        api.add_group(chat, f"Group {chat}", admins=[ALICE])
        await news(bot).subscribe(chat, f"Group {chat}")
    for raw in NEW_ARTICLES:
        await news(bot).add_text(raw, origin="catalog")
    results = await asyncio.gather(*(run_digest(bot, chat) for chat in CHATS))
    assert all(len(r.articles) == 2 and not r.error for r in results)
    sends = [c for c in api.calls_to("sendMessage") if c.params.get("chat_id") in {str(c) for c in CHATS} | set(CHATS)]
    assert len(sends) == len(CHATS)
    assert not [c for c in sends if c.error], "no send went over a limit"
    times = sorted(c.at for c in sends)
    busiest = max(sum(1 for t in times[i:] if t < start + 1.0) for i, start in enumerate(times))
    assert busiest <= 30
