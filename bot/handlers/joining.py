"""Joining the pieces of one article that reach the bot as several messages.

Telegram's apps split a text longer than 4096 UTF-16 units into several messages sent one right
after the other: the desktop app cuts at a paragraph, sentence or word break in the second half
of the limit, the Android app at exactly 4096 units, inside a word if need be. A forwarded
article arrives the same way, as a batch of forwards from one origin. The joiner holds
such a piece for a few seconds and adds what follows from the same sender in the same chat; pure
(times are passed in), so the bot's handlers decide when to look again.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass
from typing import Generic, TypeVar

from ..present.formatting import utf16_len

Ticket = TypeVar("Ticket")
Key = tuple[int, int]
"""(chat id, sender id): only one sender's messages in one chat are ever joined."""

MESSAGE_LIMIT = 4096
NEAR_LIMIT = MESSAGE_LIMIT // 2
"""A piece at least this long (UTF-16 units) may be the first of several: no app cuts a text in
the first half of the limit."""
SPLIT_WINDOW = 3.0
"""Seconds within which the next piece of a split text arrives."""
FORWARD_WINDOW = 1.5
"""Seconds within which the next forward of one batch arrives (a batch comes all at once)."""
_SENTENCE_END = (".", "!", "?", "…", "。", "！", "？", '"', "”", "’", "»", ")")


@dataclass(frozen=True)
class Origin:
    """Where a forwarded message first came from: who posted it, and when (Unix seconds)."""

    source: str
    date: float


@dataclass(frozen=True)
class Joined(Generic[Ticket]):
    """A whole text, with the ticket (the message to answer) of its first piece."""

    text: str
    ticket: Ticket
    pieces: int


@dataclass
class _Held(Generic[Ticket]):
    ticket: Ticket
    pieces: list[str]
    last_at: float
    origin: Origin | None
    more_expected: bool = True


class MessageJoiner(Generic[Ticket]):
    """Holds pieces that may continue, and joins them with the pieces that do."""

    def __init__(
        self, split_window: float = SPLIT_WINDOW, forward_window: float = FORWARD_WINDOW, near: int = NEAR_LIMIT
    ) -> None:
        self.split_window = split_window
        self.forward_window = forward_window
        self.near = near
        self._held: dict[Key, _Held[Ticket]] = {}

    def add(
        self, key: Key, text: str, ticket: Ticket, now: float, origin: Origin | None = None
    ) -> list[Joined[Ticket]]:
        """Offer a message; returns the texts complete now (an earlier held one first), oldest first."""
        ready: list[Joined[Ticket]] = []
        held = self._held.get(key)
        if held is not None and self._continues(held, text, now, origin):
            held.pieces.append(text)
            held.last_at, held.origin = now, origin
            held.more_expected = self._may_continue(text, origin)
            if held.more_expected or origin is not None:
                return ready
            return [self._release(key)]
        if held is not None:
            ready.append(self._release(key))
        if self._may_continue(text, origin):
            self._held[key] = _Held(ticket, [text], now, origin)
            return ready
        return [*ready, Joined(text, ticket, 1)]

    def holds(self, key: Key) -> bool:
        return key in self._held

    def due_in(self, key: Key, now: float) -> float | None:
        """Seconds until the text held for ``key`` is complete (0: it is), None if none is held."""
        held = self._held.get(key)
        if held is None:
            return None
        window = self.forward_window if held.origin is not None else self.split_window
        return max(0.0, held.last_at + window - now)

    def release_due(self, key: Key, now: float) -> Joined[Ticket] | None:
        """The held text for ``key`` once nothing more can follow it, else None."""
        if self.due_in(key, now) != 0.0:
            return None
        return self._release(key)

    def _may_continue(self, text: str, origin: Origin | None) -> bool:
        return origin is not None or utf16_len(text) >= self.near

    def _continues(self, held: _Held[Ticket], text: str, now: float, origin: Origin | None) -> bool:
        if held.origin is None:
            return origin is None and held.more_expected and now - held.last_at <= self.split_window
        return (
            origin is not None
            and origin.source == held.origin.source
            and abs(origin.date - held.origin.date) <= self.split_window
            and now - held.last_at <= self.forward_window
        )

    def _release(self, key: Key) -> Joined[Ticket]:
        held = self._held.pop(key)
        if held.origin is not None:  # a forwarded batch: each post a paragraph
            return Joined("\n\n".join(held.pieces), held.ticket, len(held.pieces))
        return Joined(join_pieces(held.pieces), held.ticket, len(held.pieces))


def join_pieces(pieces: list[str]) -> str:
    """One text from pieces: a piece that ends a paragraph (see _ends_paragraph) is followed by a
    blank line, any other by a space, except where a piece was cut at the limit (_glue_at_limit)."""
    words = Counter(_WORD.findall(" ".join(pieces).lower()))
    text = pieces[0]
    for before, piece in itertools.pairwise(pieces):
        if utf16_len(before) == MESSAGE_LIMIT:
            text += _glue_at_limit(before, piece, words) + piece
        else:
            text += ("\n\n" if _ends_paragraph(before) else " ") + piece
    return text


def _ends_paragraph(before: str) -> bool:
    """Whether a piece the desktop app cut ends a paragraph: it ends a sentence, and the text has
    line breaks near its end (the app cuts at the last one in reach, so a cut at a sentence end
    with none in reach fell inside a paragraph)."""
    return before.endswith(_SENTENCE_END) and "\n" in before[len(before) // 2 :]


_WORD = re.compile(r"\w+")
_CLINGS_LEFT = tuple(",.;:!?’”)»%")
_CLINGS_RIGHT = tuple("“‘(«$£€")


def _glue_at_limit(before: str, piece: str, words: Counter[str]) -> str:
    """What stood between two pieces the Android app cut at exactly the limit, wherever that
    fell (a space there was trimmed away). Between letters: nothing if the two halves together
    are a word of the text, a space if either half is one of three letters or more (or a capital
    follows), else nothing, as most cuts fall inside a word.
    Nothing before a comma or after an opening quote; a space anywhere else (a cut falls on a
    space far more often than on a line break)."""
    last, first = before[-1], piece[0]
    if last.isalnum() and first.isalnum():
        head, tail = _WORD.findall(before)[-1].lower(), _WORD.findall(piece)[0].lower()
        if words[head + tail]:
            return ""
        known = [half for half in (head, tail) if len(half) > 2 and words[half] > 1]
        return " " if known or (first.isupper() and last.islower()) else ""
    if first in _CLINGS_LEFT or last in _CLINGS_RIGHT or (last in "\"'" and first.islower()):
        return ""
    return " "
