"""Telegram's errors and the faults a test switches on: injected 429s, 500s, slow answers and
answers lost on dropped connections, and the per-chat flood limits."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any


class ApiError(Exception):
    def __init__(self, code: int, description: str, retry_after: int | None = None) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.retry_after = retry_after

    def payload(self) -> dict[str, Any]:
        body: dict[str, Any] = {"ok": False, "error_code": self.code, "description": self.description}
        if self.retry_after is not None:
            body["parameters"] = {"retry_after": self.retry_after}
        return body


def bad_request(text: str) -> ApiError:
    return ApiError(400, f"Bad Request: {text}")


@dataclass
class Faults:
    """Failures to inject into a share of the calls to ``methods`` (all methods if empty)."""

    rate: float = 0.0
    kinds: tuple[str, ...] = ("429", "500", "drop")
    methods: frozenset[str] = frozenset()
    retry_after: int = 1
    slow_seconds: float = 0.0
    seed: int = 7
    injected: list[tuple[str, str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._random = random.Random(self.seed)

    def pick(self, method: str) -> str | None:
        if self.rate <= 0 or (self.methods and method not in self.methods):
            return None
        if self._random.random() >= self.rate:
            return None
        kind = self._random.choice(self.kinds)
        self.injected.append((method, kind))
        return kind

    def void(self, method: str, kind: str) -> None:
        """A fault picked for a call that did not take effect: a "drop" for a call refused
        anyway (a kicked bot, a flood limit) loses no carried-out answer, so it is not counted."""
        self.injected.remove((method, kind))


@dataclass(frozen=True)
class FloodLimit:
    """A token bucket per chat: ``burst`` messages at once, refilled at ``per_second``."""

    burst: float
    per_second: float


@dataclass(frozen=True)
class WindowLimit:
    """At most ``count`` messages in any ``seconds``-long window, as Telegram counts them."""

    count: int
    seconds: float


# About Telegram's: a message a second in a private chat (with a small burst); strictly 20 in
# any minute in a group or channel, and 30 in any second over all chats.
PRIVATE_LIMIT = FloodLimit(burst=4, per_second=1.0)
GROUP_LIMIT = WindowLimit(count=20, seconds=60.0)
OVERALL_LIMIT = WindowLimit(count=30, seconds=1.0)
