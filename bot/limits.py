"""Per-user rate limiting of the expensive things: summarizing new text, searching, inline."""

from __future__ import annotations

import time
from dataclasses import dataclass, field


@dataclass
class UserRateLimiter:
    """A token bucket per user: ``burst`` actions at once, then ``per_minute`` on average."""

    burst: int = 10
    per_minute: float = 20.0
    _buckets: dict[int, tuple[float, float]] = field(default_factory=dict)
    _told_until: dict[int, float] = field(default_factory=dict)

    def wait_seconds(self, user_id: int, cost: float = 1.0) -> float:
        """0 if the user may go ahead now (and takes the tokens), else how long to wait."""
        now = time.monotonic()
        rate = self.per_minute / 60.0
        tokens, last = self._buckets.get(user_id, (float(self.burst), now))
        tokens = min(float(self.burst), tokens + (now - last) * rate)
        if tokens < cost:
            self._buckets[user_id] = (tokens, now)
            return (cost - tokens) / rate
        self._buckets[user_id] = (tokens - cost, now)
        if len(self._buckets) > 100_000:
            self._forget_idle(now)
        return 0.0

    def first_refusal(self, user_id: int, wait: float) -> bool:
        """True once per window: for the first refused action, not the ones that follow it
        before the ``wait`` it was told about is over, so a flood gets one reply, not twenty."""
        now = time.monotonic()
        if self._told_until.get(user_id, 0.0) > now:
            return False
        self._told_until[user_id] = now + wait
        return True

    def _forget_idle(self, now: float) -> None:
        full_after = self.burst / (self.per_minute / 60.0)
        for user_id, (_, last) in list(self._buckets.items()):
            if now - last > full_after:
                del self._buckets[user_id]
                self._told_until.pop(user_id, None)
