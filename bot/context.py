"""The typed context handlers receive: ``context.news`` and ``context.settings``."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

from telegram import Message
from telegram.ext import Application, CallbackContext, ExtBot

from .handlers.concurrency import SlowWork
from .handlers.joining import MessageJoiner
from .limits import UserRateLimiter
from .service import NewsService
from .settings import Settings


@dataclass
class Services:
    """What the application shares with every handler (PTB keeps it as ``bot_data``)."""

    news: NewsService = field(default=None)  # type: ignore[assignment]
    settings: Settings = field(default=None)  # type: ignore[assignment]
    digest_locks: dict[int, asyncio.Lock] = field(default_factory=dict)
    limiter: UserRateLimiter = field(default_factory=UserRateLimiter)
    joiner: MessageJoiner[Message] = field(default_factory=MessageJoiner)
    """Parts of split texts and forwarded batches, held until the whole has arrived."""
    slow_work: SlowWork = field(default_factory=lambda: SlowWork(32))
    leading: bool = False
    """Whether this worker runs the scheduled digests and feed polls (see bot.app._lead)."""


class BotContext(CallbackContext[ExtBot[None], dict, dict, Services]):  # type: ignore[type-arg]
    def __init__(self, application: Application, chat_id: int | None = None, user_id: int | None = None) -> None:  # type: ignore[type-arg]
        super().__init__(application=application, chat_id=chat_id, user_id=user_id)

    @property
    def news(self) -> NewsService:
        return self.bot_data.news

    @property
    def settings(self) -> Settings:
        return self.bot_data.settings

    def too_fast(self, user_id: int | None) -> float:
        """Seconds the user must wait before another expensive action (0: go ahead)."""
        return 0.0 if user_id is None else self.bot_data.limiter.wait_seconds(user_id)
