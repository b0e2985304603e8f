"""Text that may come in parts: a private message's text goes through the joiner (see joining.py),
and each whole text is answered once it is complete."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable

from telegram import Message, MessageOriginChannel, MessageOriginChat, MessageOriginUser

from ..context import BotContext
from .joining import Joined, Key, Origin

log = logging.getLogger(__name__)

Answer = Callable[[Message, BotContext, str], Awaitable[None]]
"""What to do with a whole text: reply to the message its first part came in."""


async def take_part(message: Message, context: BotContext, text: str, answer: Answer) -> None:
    """Offer a private message's text to the joiner; ``answer`` each text complete now, and (in a
    task) the one it holds once nothing more can join it."""
    assert message.from_user
    key: Key = (message.chat_id, message.from_user.id)
    joiner = context.bot_data.joiner
    watched = joiner.holds(key)  # a task already waits on this key, and on whatever it holds next
    ready = joiner.add(key, text, message, time.monotonic(), origin_of(message))
    if joiner.holds(key) and not watched:
        context.application.create_task(_release_when_due(key, context, answer))
    for joined in ready:
        await _answer(joined, context, answer)


async def _release_when_due(key: Key, context: BotContext, answer: Answer) -> None:
    """Answer the text held for ``key`` once nothing more can join it."""
    joiner = context.bot_data.joiner
    while (wait := joiner.due_in(key, time.monotonic())) is not None:
        if wait > 0:
            await asyncio.sleep(wait)
            continue
        joined = joiner.release_due(key, time.monotonic())
        if joined is not None:
            await _answer(joined, context, answer)
        return


async def _answer(joined: Joined[Message], context: BotContext, answer: Answer) -> None:
    if joined.pieces > 1:
        log.info("joined %d messages into one text of %d characters", joined.pieces, len(joined.text))
    await answer(joined.ticket, context, joined.text)


def origin_of(message: Message) -> Origin | None:
    """Who first posted a forwarded message, and when; None for a message that is not a forward."""
    origin = message.forward_origin
    if origin is None:
        return None
    if isinstance(origin, MessageOriginChannel):
        source = f"chat:{origin.chat.id}"
    elif isinstance(origin, MessageOriginChat):
        source = f"chat:{origin.sender_chat.id}"
    elif isinstance(origin, MessageOriginUser):
        source = f"user:{origin.sender_user.id}"
    else:
        source = f"name:{getattr(origin, 'sender_user_name', '')}"
    return Origin(source, origin.date.timestamp())
