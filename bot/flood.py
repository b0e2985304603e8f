"""Telegram's flood limits, kept from the first message: at most 30 messages in any second
overall and 20 in any minute per group or channel. PTB's AIORateLimiter uses leaky buckets that
start full, so a fan-out begins with a burst of twice the overall rate and a group can get 24
messages in 15 seconds; here each limit is a sliding window that is never exceeded."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections import deque
from collections.abc import AsyncIterator, Callable, Coroutine
from typing import Any

from telegram.constants import FloodLimit
from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter

log = logging.getLogger(__name__)
Result = bool | dict[str, Any] | list[dict[str, Any]]


class SlidingWindow:
    """At most ``count`` requests in any ``seconds``-long window, however late each arrives:
    a request holds its place from the moment it is sent until ``seconds`` after its answer
    came back (Telegram saw it somewhere in between), or while it is still on its way."""

    def __init__(self, count: int, seconds: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.count = count
        self.seconds = seconds
        self._clock = clock
        self._in_flight = 0
        self._answered: deque[float] = deque()

    def wait_seconds(self) -> float:
        """0 after taking a place now (give it back with ``done``), else how long to wait."""
        now = self._clock()
        while self._answered and self._answered[0] <= now - self.seconds:
            self._answered.popleft()
        if self._in_flight + len(self._answered) < self.count:
            self._in_flight += 1
            return 0.0
        return self._answered[0] + self.seconds - now if self._answered else 0.05

    def done(self) -> None:
        """The request taken by the last ``wait_seconds`` of 0 has its answer (or failed)."""
        self._in_flight -= 1
        self._answered.append(self._clock())

    @contextlib.asynccontextmanager
    async def place(self) -> AsyncIterator[None]:
        while (wait := self.wait_seconds()) > 0:
            await asyncio.sleep(min(wait, 0.5))  # looked at again often: the clock may be a test's
        try:
            yield
        finally:
            self.done()

    def idle(self) -> bool:
        return not self._in_flight and (not self._answered or self._answered[-1] <= self._clock() - self.seconds)


class TelegramRateLimiter(BaseRateLimiter[int]):
    """Every request to a chat waits for a place in the overall window, and in its group's
    window for a group or channel; a 429 that still comes is retried after its wait."""

    def __init__(
        self,
        overall: int = FloodLimit.MESSAGES_PER_SECOND,
        per_group_minute: int = FloodLimit.MESSAGES_PER_MINUTE_PER_GROUP,
        max_retries: int = 3,
    ) -> None:
        self.overall = SlidingWindow(overall, 1.0)
        self.per_group_minute = per_group_minute
        self.max_retries = max_retries
        self._groups: dict[int | str, SlidingWindow] = {}

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to release."""

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, Result]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> Result:
        chat_id = data.get("chat_id")
        retries = rate_limit_args if rate_limit_args is not None else self.max_retries
        group = _group_key(chat_id)
        for attempt in range(retries + 1):
            try:
                if chat_id is None:
                    return await callback(*args, **kwargs)
                async with self._group_place(group), self.overall.place():
                    return await callback(*args, **kwargs)
            except RetryAfter as error:
                if attempt == retries:
                    raise
                log.info("%s: flood limit hit, retrying in %s", endpoint, error.retry_after)
                await asyncio.sleep(_seconds(error.retry_after))
        raise AssertionError("unreachable: the last attempt returns or raises")

    def _group_place(self, key: int | str | None) -> contextlib.AbstractAsyncContextManager[None]:
        """A place in the group's window; private chats have none."""
        if key is None:
            return contextlib.nullcontext()
        if len(self._groups) > 1024:
            for old in [k for k, window in self._groups.items() if window.idle() and k != key]:
                del self._groups[old]
        return self._groups.setdefault(key, SlidingWindow(self.per_group_minute, 60.0)).place()


def _group_key(chat_id: object) -> int | str | None:
    """Groups and channels have negative ids (or an @username); private chats positive ones."""
    if isinstance(chat_id, str) and not chat_id.lstrip("-").isdigit():
        return chat_id
    with contextlib.suppress(TypeError, ValueError):
        number = int(chat_id)  # type: ignore[call-overload]
        return number if number < 0 else None
    return None


def _seconds(value: Any) -> float:
    return value.total_seconds() if hasattr(value, "total_seconds") else float(value)
