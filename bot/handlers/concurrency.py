"""Many users at once: updates from different chats run concurrently, one chat's in order; slow
work (fetching, reading a document, ranking new text) has a cap; typing shows while it runs."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
from collections.abc import AsyncIterator, Awaitable
from dataclasses import dataclass, field
from typing import Any

from telegram import Chat, Update
from telegram.constants import ChatAction
from telegram.error import TelegramError
from telegram.ext import BaseUpdateProcessor

log = logging.getLogger(__name__)

TYPING_SECONDS = 4.0
"""The longest wait before the typing action is sent again: Telegram shows it for 5 s, or until
a message. Each wait is drawn from its second half, so chats that started together (a burst of
links) drift apart instead of spending the rate limit in bursts that delay everyone's replies."""


class ChatOrderedProcessor(BaseUpdateProcessor):
    """Runs updates of different chats concurrently and each chat's updates one after another,
    in the order they arrived, so a chat's replies never overtake each other."""

    def __init__(self, max_concurrent_updates: int = 512) -> None:
        super().__init__(max_concurrent_updates)
        self._lanes: dict[int, _Lane] = {}

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        key = lane_of(update)
        if key is None:
            await coroutine
            return
        lane = self._lanes.setdefault(key, _Lane())
        lane.queued += 1
        try:
            async with lane.lock:
                await coroutine
        finally:
            lane.queued -= 1
            if not lane.queued:
                del self._lanes[key]

    async def initialize(self) -> None:
        """Nothing to open: the lanes are made as chats appear."""

    async def shutdown(self) -> None:
        """Nothing to close: PTB waits for the updates in flight before this."""


@dataclass
class _Lane:
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    queued: int = 0


def lane_of(update: object) -> int | None:
    """The chat an update belongs to; None (no order to keep) for inline queries and the like."""
    if isinstance(update, Update) and update.effective_chat is not None:
        return update.effective_chat.id
    return None


BUSY = "I'm busy with many requests right now: please try again in a minute."


class Busy(Exception):
    """All slots for slow work are taken; the person should try again shortly."""


class SlowWork:
    """A cap on slow work running at once; beyond it, Busy at once rather than a queue."""

    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self.running = 0

    @contextlib.asynccontextmanager
    async def slot(self) -> AsyncIterator[None]:
        if self.running >= self.capacity:
            raise Busy
        self.running += 1
        try:
            yield
        finally:
            self.running -= 1


@contextlib.asynccontextmanager
async def typing(chat: Chat, every: float | None = None) -> AsyncIterator[None]:
    """Show "typing…" in ``chat`` until the block ends, however long it takes. A typing action
    on its way when the block ends is let through, not cut off mid-request."""
    interval = every or TYPING_SECONDS
    done = asyncio.Event()

    async def keep_typing() -> None:
        while not done.is_set():
            try:
                await chat.send_action(ChatAction.TYPING)
            except TelegramError as error:  # a missed typing action is not worth a failed reply
                log.debug("typing action failed: %s", error)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(done.wait(), interval * random.uniform(0.5, 1.0))

    task = asyncio.create_task(keep_typing())
    try:
        yield
    finally:
        done.set()
        await task
