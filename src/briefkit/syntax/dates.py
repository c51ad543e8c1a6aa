"""Reading dates out of documents, shared by the parsers.

Machine dates are ISO 8601 (a bare ``YYYY-MM-DD`` stays a date, anything longer is a
datetime); dates printed for people are read in the few spellings briefs use.
"""

from __future__ import annotations

import datetime as dt
import re

__all__ = ["iso_date", "printed_date"]

_BARE = re.compile(r"\d{4}-\d{2}-\d{2}")
_PRINTED = ("%Y-%m-%d", "%d %B %Y", "%B %d, %Y", "%d %b %Y", "%b %d, %Y")


def iso_date(value: str) -> dt.date | dt.datetime | None:
    """A date or datetime from ISO 8601, or None when ``value`` is not one."""
    try:
        if _BARE.fullmatch(value):
            return dt.date.fromisoformat(value)
        return dt.datetime.fromisoformat(value)
    except ValueError:
        return None


def printed_date(text: str) -> dt.date | None:
    """A date as documents print it: ISO, "2 May 2024" or "May 2, 2024"; else None."""
    for fmt in _PRINTED:
        try:
            return dt.datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
    return None
