"""Clock times and time zones as people type them: "8:30", "20:00", "Europe/Berlin"."""

from __future__ import annotations

import re
from datetime import time
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .i18n import N_

_CLOCK = re.compile(r"^([01]?[0-9]|2[0-3])[:.h]([0-5][0-9])$")


class BadSchedule(ValueError):
    """A time or time zone the user typed that cannot be used; the message says what to type."""


NOT_A_TIME = N_("{text} is not a time of day; use HH:MM, like 08:30")
NOT_A_ZONE = N_("{text} is not a time zone; use Area/City, like Europe/London")
TEMPLATES = (NOT_A_TIME, NOT_A_ZONE)


def parse_clock(text: str) -> time:
    found = _CLOCK.match(text.strip())
    if not found:
        raise BadSchedule(NOT_A_TIME.format(text=repr(text[:40])))
    return time(int(found.group(1)), int(found.group(2)))


def parse_zone(text: str) -> ZoneInfo:
    try:
        return ZoneInfo(text.strip())
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a folder ("Europe"), a long name
        raise BadSchedule(NOT_A_ZONE.format(text=repr(text[:40]))) from None
