"""Numbers people type: ASCII digits only, one parser for every command and button."""

from __future__ import annotations

import re

_ASCII_NUMBER = re.compile(r"[0-9]{1,9}")


def parse_number(text: str | None, low: int, high: int) -> int | None:
    """``text`` as a whole number from ``low`` to ``high``, or None. Only ASCII digits count:
    ``str.isdigit`` and ``int`` each accept characters the other refuses ("²", "٣")."""
    if text is None or not _ASCII_NUMBER.fullmatch(text):
        return None
    value = int(text)
    return value if low <= value <= high else None
