"""A page's header line of fields joined by middle dots or bars: "Published February 2026 ·
14 min read · By Jane Roe, Region Alert Founder", "Mar 3, 2025 | 6 min read" (and alone,
"Updated May 2013 by Jane Roe"). Blogs and platform themes print one under the headline
or under the standfirst. Each part must be a field (a date, a month and year, a reading
time, a byline, also a bare "by" whose name did not copy) for the line to be one, but
the last part after a byline or a date may be the post's categories ("by Jo Roe | Mar 3,
2024 | Crisis Response, Leadership", read as tags): a line with any other part is text, so
a sentence that happens to hold a "·" is never read."""

from __future__ import annotations

import re
from typing import Any

from .chrome import STRONG, chrome_strength
from .date_lines import date_line, date_pair
from .dates import MONTHS
from .metadata import byline

__all__ = ["header_fields", "signs"]

_MAX_CHARS = 200
_SEPARATOR = re.compile(r"\s+•\s+|\s*[·|]\s*")  # dots and bars with or without spaces
#: A category run into the date after it ("ProductMay 18, 2026"): the category and the date.
_GLUED_CATEGORY = re.compile(
    rf"([A-Z][a-z]{{2,20}})((?:{'|'.join(m[:3] for m in MONTHS)})[a-z]*\.? .{{4,20}})"
)
#: A field's label whose value did not copy ("Tags:", "By |Published On: ... |Tags: |").
_EMPTY_FIELD = re.compile(r"(?:tags|categories|category|filed under|author|by):?", re.IGNORECASE)
_READING = re.compile(r"\d{1,3} min(?:ute)?s? read", re.IGNORECASE)
#: "Published February 2026": a month with no day, no date a brief can hold; dropped.
_MONTH_YEAR = re.compile(
    rf"(?:(?:published|updated|posted)\s+)?(?:{'|'.join(MONTHS)})\s+\d{{4}}", re.IGNORECASE
)
#: "Updated May 2013 by Heidi Roe": a month, no day, and who wrote or revised the piece.
_MONTH_BY = re.compile(rf"{_MONTH_YEAR.pattern}\s+(by\s+\S.*)", re.IGNORECASE)


def header_fields(line: str) -> dict[str, Any] | None:
    """The fields of a header line (possibly none: "February 2026 · 5 min read"), or None
    when the line is not one."""
    text = " ".join(line.split())
    if len(text) > _MAX_CHARS:
        return None
    parts = _SEPARATOR.split(text)
    pair = date_pair(text) if len(parts) < 2 else None
    if pair is not None:  # "Published on 03/30/2026 ... - Modified on 05/08/2026 ..."
        return {"published": pair[0].date, "updated": pair[1].date}
    if len(parts) < 2 and _MONTH_BY.fullmatch(text) is None:
        return None
    fields: dict[str, Any] = {}
    fielded = False  # a line of months alone lists periods: it is no header
    for number, part in enumerate(parts, start=1):
        if _MONTH_YEAR.fullmatch(part):
            continue
        last = fielded and number == len(parts)  # after a field: the post's categories
        fielded = True
        if not part or _EMPTY_FIELD.fullmatch(part) or chrome_strength(part) == STRONG:
            continue  # "Tags:" whose value did not copy, a "Read Online" link
        signed = _MONTH_BY.fullmatch(part)
        part = signed.group(1) if signed is not None else part  # its byline alone
        if _READING.fullmatch(part):
            continue
        date = date_line(part)
        glued = _GLUED_CATEGORY.fullmatch(part) if date is None else None
        if glued is not None and (date := date_line(glued.group(2))) is not None:
            fields.setdefault("category", glued.group(1))
        names = byline(part) if date is None else None
        if date is not None:
            fields.setdefault(date.field, date.date)
            if date.author:
                fields.setdefault("authors", (date.author,))
        elif names:
            fields.setdefault("authors", tuple(names))
        elif last and _categories(part):
            fields["tags"] = tuple(c.strip() for c in part.split(","))
        else:
            return None
    return fields if fielded else None


_CATEGORY_WORDS = 4


def _categories(part: str) -> bool:
    """ "Crisis Response, Leadership": names in Title Case with no figures, comma-separated."""
    names = [n.strip() for n in part.split(",")]
    return all(
        0 < len(n.split()) <= _CATEGORY_WORDS
        and all(w[:1].isupper() or w in ("and", "&", "of") for w in n.split())
        and not any(c.isdigit() for c in n)
        for n in names
    )


def signs(line: str) -> bool:
    """A byline, a header line that names an author, or a platform's reading time and date
    ("3 min read · Jul 14, 2022", run together as "3 min readJul 14, 2022" too): a name right
    over it is an author's ("Cate Roe" over "Updated May 2013 by Heidi Lee"), no headline."""
    fields = header_fields(line) or {}
    if byline(line) or fields.get("authors"):
        return True
    dated = "published" in fields or "updated" in fields or date_line(line) is not None
    return dated and _READING.match(" ".join(line.split())) is not None
