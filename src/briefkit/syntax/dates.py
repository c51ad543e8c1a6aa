"""Dates read out of documents and shown in them, by every parser and renderer.

Machine dates are ISO 8601 (a bare ``YYYY-MM-DD`` stays a date, anything longer is a
datetime); dates printed for people are read in the few spellings briefs use and written
in one ("2 May 2024"), so what a renderer prints a parser reads back. :func:`instant`
makes dates and datetimes, naive or aware, comparable for ordering.
"""

from __future__ import annotations

import datetime as dt
import re

__all__ = ["MONTHS", "display_date", "instant", "iso_date", "printed_date", "w3c_date"]

_BARE = re.compile(r"\d{4}-\d{2}-\d{2}")
#: The month names dates are printed with (``%B`` depends on the locale; these do not).
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_PRINTED = ("%Y-%m-%d", "%d %B %Y", "%B %d, %Y", "%d %b %Y", "%b %d, %Y", "%B %d %Y", "%b %d %Y")
#: What a string must look like for one of ``_PRINTED`` to read it: a cheap test that
#: spares ``strptime`` (slow, and most lines a parser asks about are no dates).
_PRINTED_SHAPE = re.compile(
    r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\s+[A-Za-z]{3,9}\s+\d{4}|[A-Za-z]{3,9}\s+\d{1,2},?\s+\d{4}"
)

#: A month abbreviated with a full stop, or "Sept", as news style prints it ("Aug. 17, 2021",
#: "Sept. 5, 2023"): read as the three letters ``%b`` knows.
_MONTH_STOP = re.compile(r"\b(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)(?:\.|t\.?)(?=\s)", re.I)


def iso_date(value: str) -> dt.date | dt.datetime | None:
    """A date or datetime from ISO 8601, or None when ``value`` is not one."""
    try:
        if _BARE.fullmatch(value):
            return dt.date.fromisoformat(value)
        return dt.datetime.fromisoformat(value)
    except ValueError:
        return None


def printed_date(text: str) -> dt.date | None:
    """A date as documents print it: ISO, "2 May 2024", "May 2, 2024" or, without the
    comma, "May 2 2024" (an ordinal's suffix dropped: "February 11th 2020"), the month
    abbreviated with a stop ("Aug. 17, 2021"); else None."""
    text = text.strip()
    if "." in text or "t " in text:
        text = _MONTH_STOP.sub(r"\1", text)
    if _PRINTED_SHAPE.fullmatch(text) is None:
        return None
    for fmt in _PRINTED:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def display_date(value: dt.date, *, short: bool = False, space: str = " ") -> str:
    """A date for people, as :func:`printed_date` reads it: ``2 May 2024`` (``short``:
    ``2 Feb 2024``); ``space="\u00a0"`` keeps it on one line."""
    month = MONTHS[value.month - 1]
    return space.join((str(value.day), month[:3] if short else month, str(value.year)))


def w3c_date(value: dt.date) -> str:
    """A date as ``dcterms.created`` / ``dcterms.modified`` want it (W3C-DTF, as WeasyPrint
    reads it for the PDF's dates): a bare date, or a datetime with its zone.

    A naive datetime has no zone to write, and W3C-DTF has no form without one, so only its
    date is kept. The page's ``<time>`` elements still hold the full value.
    """
    if not isinstance(value, dt.datetime):
        return value.isoformat()
    if value.tzinfo is None or value.utcoffset() is None:
        return value.date().isoformat()
    text = value.replace(microsecond=0).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def instant(value: dt.date) -> dt.datetime:
    """A comparable instant: dates at midnight, aware times in UTC without tzinfo, naive
    times as they are (a brief's own clock is the only one it names).

    An aware time within a day of the ends of the calendar (``0001-01-01T00:30+23:00``) is
    an instant Python cannot hold: it becomes the first or last instant there is.
    """
    if isinstance(value, dt.datetime):
        offset = value.utcoffset() if value.tzinfo is not None else None
        if offset is not None:
            try:
                value = value.astimezone(dt.UTC)
            except OverflowError:
                return dt.datetime.min if offset > dt.timedelta(0) else dt.datetime.max
        return value.replace(tzinfo=None)
    return dt.datetime.combine(value, dt.time.min)
