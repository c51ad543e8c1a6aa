"""Date lines of copied pages: a line that is only a publication date, as sites print it.

Blogs print "Thursday, 27 June 2024" above a post, news pages "4/22/2021" and "08:30 AM",
feeds "Mar 21, 2022 - ISW Press", footers "Tuesday, March 10, 2009", content systems
"by Jane Roe — last modified Jun 12, 2016 08:25 PM". Such a line is read
as the brief's date (and, after a dash, its author); a line with anything else on it is
text. Slashed dates are read only when unambiguous (one part above 12 decides which is the
day); "03/04/2024" is no date, but "03.04.2024" is the 3rd of April: the countries that print
dates with stops print the day first. A line that is a span of dates ("5-11 July 2020", "1 to 15
March 2017", "March 1-7, 2024"), as reports and listings print the period they cover, is
no publication date; :func:`is_date_range` tells it apart so that it stays text, on a line
of its own. Day-first dates in other languages ("jeudi 26 février 2009") are read through
:mod:`.month_names`; a two-digit year only where nothing else is ambiguous ("15-Nov-19",
"11.20.24").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .dates import iso_date, printed_date
from .month_names import english_date

__all__ = ["DateLine", "date_line", "date_pair", "is_date_range", "is_time_line", "kind_dated"]

_MAX_DATE_CHARS = 80
#: Every date line this module reads has a four-digit year (or a two-digit one: "15-Nov-19",
#: "11.20.24"): a cheap test before the rest.
_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")
_WEEKDAY = re.compile(
    r"^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?(?:,|\s[-–—|])?\s+", re.IGNORECASE
)  # "Friday, " "Wed, " "Monday - "
_PREFIX = re.compile(
    r"^(?:(?:original )?release date|date (?:released|issued|published|posted)"
    r"|(?:publication|publishing|published|posted) date|published|posted|updated"
    r"|publication|publié(?: le)?|mise? à jour(?: le)?"  # French: "Publication : 14 juillet 2015"
    # the same in Spanish, Portuguese, Italian, German and Dutch ("Publicado em 25 Novembro")
    r"|publicado(?: el| em| en)?|pubblicato(?: il)?|veröffentlicht(?: am)?|gepubliceerd(?: op)?"
    r"|last updated|last modified|last reviewed|modified|date|released|issued|created"
    r"|(?:last )?checked|fact-checked"  # a fact check's date: "Checked on January 10, 2026"
    r"|post(?= on)"
    r"|by(?: /)?(?=\s))"  # a byline whose name the copy lost: "By 16 July 2013", "By / May 2, 2024"
    r"(?: on)?\s?[:|]?\s+",  # "Date : 22 Juin 2005" (French typography), "Date | 26 May 2024"
    re.I,
)
#: "by Jane Roe — last modified Jun 12, 2016 08:25 PM", "By Jane Roe, on December 1, 2018",
#: "By: Jane Roe on March 3, 2024": a byline with the date after it.
_BY_FIRST = re.compile(
    r"by:?\s+([A-Z][\w.'’ -]{1,60}?)(?:\s+[-–—|/]|,(?:\s+on)?|\s+on)\s+(\S.{5,60})",
    re.IGNORECASE,
)
_ORDINAL = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\b,?", re.IGNORECASE)
_TIME = re.compile(
    r"(?:\s*(?:[-–—|•,@]|at|à)?\s*(\d{1,2})[:.h](\d{2})(?::\d{2})?\s*([ap]\.?m\.?)?"
    r"(?:\s*\(?(utc|gmt|[ecmp][sd]t)\)?)?)$",  # "8:00 am (EST)", French "02h35 UTC"
    re.IGNORECASE,
)
#: What a blog prints after a post's date, with or without a separator: a reading time and
#: counts of views, comments or likes ("Jun 9, 2026 · 8 min read · 10 views", "February 18,
#: 2008 at 9:52 pm 2 comments"). The counts say nothing of the brief and go with the date.
_READING = re.compile(
    r"(?:\s*[•·|-]?\s*(?:\d{1,3} min(?:ute)?s?\.? read"
    r"|\d[\d,.]*[km]? (?:views?|comments?|likes?|reads?|shares?)))+$",
    re.IGNORECASE,
)
#: A reading time the copy ran into the date after it ("3 min readNov 5, 2023"), also with
#: its number lost ("MIN READJan 12, 2015").
_READING_FIRST = re.compile(r"^(?:\d{1,3} )?min(?:ute)?s? read\s*(?=[A-Z\d])", re.IGNORECASE)
#: A numeric date with the day and month in either order ("12/31/2024", "07-07-2021",
#: "31.12.2024"): read only when the order cannot matter or the numbers tell it.
_SLASHED = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4})")
#: Dates with a two-digit year ("11.20.24", "15-Nov-19"), the one kind without four digits.
_SHORT_SLASHED = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{2})")
_DAY_MON_YY = re.compile(r"\d{1,2}-[A-Za-z]{3}-\d{2}")
_BY = re.compile(r"\s+[-–—|]\s+(?:by\s+)?([A-Z][\w.'’ -]{1,60})$")
#: "Posted 25/10/2013 by Luke Roe", "Posted on March 3, 2024 by Jane Roe": the author after
#: the date.
_DATE_BY = re.compile(r",?\s+by\s+([A-Z][\w.'’-]{1,30}(?: [A-Z][\w.'’-]{0,30}){0,3})$")
_MASTHEAD = re.compile(r"[-–—]\s+([A-Z][\w.'’ &]{1,50}?)\s+[-–—]\s+(.{6,40})")
_TIME_ONLY = re.compile(r"\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class DateLine:
    """A date line: the date and, for "date - name" lines, the name after the dash."""

    date: dt.date | dt.datetime
    author: str | None = None
    publisher: str | None = None
    updated: bool = False  # "Updated: Dec 8, 2020": the date of the last change

    @property
    def field(self) -> str:
        """The Brief field the date fills: ``updated`` or ``published``."""
        return "updated" if self.updated else "published"


def _slashed(text: str, month_first: bool | None = None) -> dt.date | None:
    match = _SLASHED.fullmatch(text)
    if match is None:
        return None
    first, second, year = int(match[1]), int(match[3]), int(match[4])
    separator = match[2]
    if first == second:
        day = month = first
    elif month_first is not None and max(first, second) <= 12:
        month, day = (first, second) if month_first else (second, first)
    elif separator == "." and max(first, second) <= 12:
        day, month = first, second  # "12.01.2026": dotted dates are day first where printed
    elif first > 12 >= second:
        day, month = first, second
    elif second > 12 >= first:
        month, day = first, second
    else:
        return None  # 03/04/2024: day and month cannot be told apart
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _read(text: str, month_first: bool | None = None) -> dt.date | dt.datetime | None:
    text = _ORDINAL.sub(r"\1", text).replace(" ,", ",").strip(" ,")
    found = iso_date(text) or printed_date(text) or _slashed(text, month_first)
    if found is None and (english := english_date(text)) is not None:
        found = printed_date(english)
    if found is None and (short := _SHORT_SLASHED.fullmatch(text)) is not None:
        # "11.20.24": a two-digit year, read only when a number over 12 tells the day
        first, second = int(short[1]), int(short[3])
        if max(first, second) > 12 >= min(first, second):
            found = _slashed(f"{first}/{second}/{2000 + int(short[4])}")
    if found is None and _DAY_MON_YY.fullmatch(text):
        try:  # "15-Nov-19": the month's name makes a two-digit year unambiguous
            found = dt.datetime.strptime(text, "%d-%b-%y").date()
        except ValueError:
            return None
    return found


def date_line(line: str, month_first: bool | None = None) -> DateLine | None:
    """The date a line consists of, or None when the line holds anything else. A slashed
    date with day and month both at most 12 is read in the order ``month_first`` gives, when
    given (another date of the same page shows it)."""
    text = " ".join(line.split())
    if not text or len(text) > _MAX_DATE_CHARS:
        return None
    if not (_YEAR.search(text) or _SHORT_SLASHED.search(text) or _DAY_MON_YY.search(text)):
        return None
    text = _READING_FIRST.sub("", _READING.sub("", text))
    signed = _BY_FIRST.fullmatch(text)
    if signed is not None and signed.group(1)[0].isupper():
        inner = date_line(signed.group(2))
        if inner is None or inner.author is not None:
            return None
        return DateLine(inner.date, signed.group(1).strip(), updated=inner.updated)
    prefix = _PREFIX.match(text)
    said = prefix.group(0).lower() if prefix is not None else ""
    updated = any(word in said for word in ("updated", "modified", "reviewed", "à jour"))
    text = text[prefix.end() :] if prefix is not None else text
    masthead = _MASTHEAD.fullmatch(text)
    if masthead is not None:  # "- The Capital Ledger - Tuesday, April 9, 2019"
        inner = date_line(masthead.group(2))
        return None if inner is None else DateLine(inner.date, None, masthead.group(1))
    author = None
    by = _BY.search(text) or _DATE_BY.search(text)
    if by is not None and _read(text[: by.start()]) is not None:
        author, text = by.group(1).strip(), text[: by.start()]
    clock = None if _SHORT_SLASHED.fullmatch(text) else _TIME.search(text)  # "11.20.24"
    bare = text[: clock.start()] if clock is not None else text
    text = _WEEKDAY.sub("", bare or text)
    date = _read(text, month_first)
    if date is None:
        return None
    offset = _ZONES.get((clock.group(4) or "").lower()) if clock is not None else None
    if clock is not None and offset is not None:
        # a time in UTC, or in a named zone of fixed offset ("06:35 AM EDT"), is kept in
        # UTC; a time with no zone is local to somewhere unknown and is not
        date = _at(date, clock, offset) or date
    return DateLine(date, author, updated=updated)


#: The zones a date line may name, by their offset from UTC in hours: North American
#: standard and daylight times, each a fixed offset (EDT is always UTC-4).
_ZONES = {"utc": 0, "gmt": 0, "est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7}
_ZONES |= {"mdt": -6, "pst": -8, "pdt": -7}


def _at(date: dt.date, clock: re.Match[str], offset: int = 0) -> dt.datetime | None:
    hour, minute = int(clock.group(1)), int(clock.group(2))
    if clock.group(3):
        hour = hour % 12 + (12 if clock.group(3).lower().startswith("p") else 0)
    if hour > 23 or minute > 59:
        return None
    zone = dt.timezone(dt.timedelta(hours=offset))
    local = dt.datetime(date.year, date.month, date.day, hour, minute, tzinfo=zone)
    return local.astimezone(dt.UTC)


#: "Published on 03/30/2026 at 08:40 am EDT - Modified on 05/08/2026 at 05:52 am EDT": a
#: news site's publication and revision dates on one line, joined by a spaced dash, a bar
#: or nothing ("Published April 30, 2024 Modified March 04, 2026"), in French too
#: ("Publication : 14 juillet 2015 | Mise à jour : 9 décembre 2015").
_PAIR = re.compile(
    r"(.{6,80}?)\s+(?:[-–—|]\s+)?((?:last )?(?:updated|modified|mise? à jour)\b.{6,80})", re.I
)


def date_pair(line: str) -> tuple[DateLine, DateLine] | None:
    """The publication and revision dates of a "Published ... - Modified ..." line, or None.
    A slashed date whose order is ambiguous ("05/08/2026") takes the order the other date
    on the line shows ("03/30/2026" is month first), as one site prints both alike."""
    lowered = line.lower()
    if "updated" not in lowered and "modified" not in lowered and "à jour" not in lowered:
        return None  # the cheap test first: most lines name neither
    match = _PAIR.fullmatch(" ".join(line.split()))
    if match is None:
        return None
    first, second = date_line(match.group(1)), date_line(match.group(2))
    if first is None and second is not None:
        first = _ordered(match.group(1), match.group(2))
    elif second is None and first is not None:
        second = _ordered(match.group(2), match.group(1))
    if first is None or second is None or first.updated or not second.updated:
        return None
    return first, second


def _ordered(text: str, other: str) -> DateLine | None:
    """``text``'s date line, its slashed date read in the order ``other``'s shows ("03/30"
    is month first, "30/03" day first)."""
    shown = _SLASHED.search(other)
    if shown is None or max(int(shown[1]), int(shown[3])) <= 12:
        return None
    return date_line(text, month_first=int(shown[3]) > 12)


#: The kind of piece and its date on one line ("PRESS RELEASE: February 7, 2024",
#: "Statement | 2 May 2024").
_KIND_DATED = re.compile(
    r"((?:press|news|media) release|statement|media advisory|advisory|alert|commentary)"
    r"\s*[:|–—-]\s+(.{6,60})",
    re.IGNORECASE,
)


def kind_dated(line: str) -> tuple[str, DateLine] | None:
    """(the kind, the date line) of "PRESS RELEASE: February 7, 2024", else None."""
    match = _KIND_DATED.fullmatch(" ".join(line.split()))
    dated = date_line(match.group(2)) if match is not None else None
    return None if match is None or dated is None else (match.group(1), dated)


def is_time_line(line: str) -> bool:
    """A line that is only a time of day ("08:30 AM"), printed under a date."""
    text = line.strip()
    return len(text) <= 16 and _TIME_ONLY.fullmatch(text) is not None


_SPAN = r"\s*(?:-|–|—|to)\s*"
#: "5-11 July 2020", "28 June – 4 July 2020": the end of the span is a printed date.
_DAY_SPAN = re.compile(
    rf"(\d{{1,2}}(?: [A-Za-z]{{3,9}}\.?)?){_SPAN}(\d{{1,2}} [A-Za-z]{{3,9}}\.? \d{{4}})"
)
#: "March 1-7, 2024": month first.
_MONTH_SPAN = re.compile(rf"([A-Za-z]{{3,9}}\.?) (\d{{1,2}}){_SPAN}(\d{{1,2}}),? (\d{{4}})")


def is_date_range(line: str) -> bool:
    """A line that is only a span of dates ("5-11 July 2020", "March 1-7, 2024")."""
    text = " ".join(line.split())
    if len(text) > _MAX_DATE_CHARS or _YEAR.search(text) is None:
        return False
    day = _DAY_SPAN.fullmatch(text)
    if day is not None:
        return printed_date(day.group(2)) is not None
    month = _MONTH_SPAN.fullmatch(text)
    if month is not None:
        return printed_date(f"{month.group(1)} {month.group(3)}, {month.group(4)}") is not None
    return False
