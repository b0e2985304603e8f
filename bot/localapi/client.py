"""What Telegram's apps do to a text before the server sees it: split it into messages, the
desktop app at a good break, the Android app every 4096 UTF-16 units."""

from __future__ import annotations

from .html import utf16_len

MESSAGE_LIMIT = 4096
"""UTF-16 units in one message; Telegram's apps split a longer text into several."""
_SENTENCE_BREAKS = (". ", "! ", "? ", '." ', ".” ", "?” ", "!” ")


def telegram_split(text: str, limit: int = MESSAGE_LIMIT) -> list[str]:
    """Cut ``text`` as Telegram's apps do: at the last line break in the second half of the
    limit, else the last sentence end there, else the last space, else at the limit; each part
    trimmed, as the server trims a message."""
    parts, rest = [], text.strip()
    while utf16_len(rest) > limit:
        window = _prefix(rest, limit)
        half = len(window) // 2
        cut = window.rfind("\n", half)
        if cut < 0:
            cut = max((window.rfind(b, half) + len(b) - 1 for b in _SENTENCE_BREAKS if b in window[half:]), default=-1)
        if cut < half:
            cut = window.rfind(" ", half)
        cut = cut if cut > 0 else len(window)
        parts.append(rest[:cut].strip())
        rest = rest[cut:].strip()
    return [*parts, rest]


def android_split(text: str, limit: int = MESSAGE_LIMIT) -> list[str]:
    """Cut ``text`` as Telegram's Android app does: every ``limit`` UTF-16 units, wherever that
    falls; each part trimmed, as the server trims a message."""
    parts, rest = [], text.strip()
    while rest:
        part = _prefix(rest, limit)
        rest = rest[len(part) :]
        if part.strip():
            parts.append(part.strip())
    return parts


def _prefix(text: str, units: int) -> str:
    """The longest start of ``text`` that is at most ``units`` UTF-16 units long."""
    total = 0
    for index, char in enumerate(text):
        total += 2 if ord(char) > 0xFFFF else 1
        if total > units:
            return text[:index]
    return text
