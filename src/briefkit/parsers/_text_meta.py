"""The "Key: value" metadata block that may sit directly under a text brief's title.

Keys are chosen so that none is a heading label ("Description" holds the summary, because
"Summary" is a heading). The renderer writes the same keys, so metadata survives a text
round trip.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ..model import Brief
from ..safety import is_safe_href

__all__ = ["meta_lines", "read_meta_line"]

_KEY = re.compile(
    r"(url|slug|published|updated|authors?|publisher|category|tags|description|marking|language)"
    r"[ \t]*:[ \t]*",
    re.IGNORECASE,
)
_FIELD = {"author": "authors", "description": "summary"}
_DATE_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y")


def _date(value: str) -> dt.date | dt.datetime | None:
    try:
        if len(value) == 10:
            return dt.date.fromisoformat(value)
        return dt.datetime.fromisoformat(value)
    except ValueError:
        pass
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    return None


def _split_list(value: str) -> tuple[str, ...]:
    sep = ";" if ";" in value else ","
    return tuple(part.strip() for part in value.split(sep) if part.strip())


def read_meta_line(line: str) -> tuple[str, Any] | None:
    """(Brief field, value) for a metadata line, or None when the line is not one.

    A known key with a value that does not fit (an unsafe URL, an unreadable date) is not
    metadata either: the line stays content.
    """
    match = _KEY.match(line)
    if match is None:
        return None
    key = match.group(1).lower()
    value = line[match.end() :].strip()
    if not value:
        return None
    if key == "url":
        return ("url", value) if is_safe_href(value) and " " not in value else None
    if key in ("published", "updated"):
        date = _date(value)
        return (key, date) if date is not None else None
    if key == "author":
        return "authors", (value,)
    if key in ("authors", "tags"):
        return key, _split_list(value)
    return _FIELD.get(key, key), value


def _join(values: tuple[str, ...]) -> str:
    return "; ".join(values) if any("," in v for v in values) else ", ".join(values)


def meta_lines(brief: Brief) -> list[str]:
    """The metadata block of ``brief`` as lines, in a fixed order; empty fields are left out."""
    lines: list[str] = []
    if brief.url:
        lines.append(f"URL: {brief.url}")
    if brief.slug:
        lines.append(f"Slug: {brief.slug}")
    if brief.published:
        lines.append(f"Published: {brief.published.isoformat()}")
    if brief.updated:
        lines.append(f"Updated: {brief.updated.isoformat()}")
    if len(brief.authors) == 1 and ";" not in brief.authors[0]:
        lines.append(f"Author: {brief.authors[0]}")
    elif brief.authors:
        lines.append(f"Authors: {'; '.join(brief.authors)}")
    if brief.publisher:
        lines.append(f"Publisher: {brief.publisher}")
    if brief.category:
        lines.append(f"Category: {brief.category}")
    if brief.tags:
        lines.append(f"Tags: {_join(brief.tags)}")
    if brief.summary:
        lines.append(f"Description: {brief.summary}")
    if brief.marking:
        lines.append(f"Marking: {brief.marking}")
    if brief.language:
        lines.append(f"Language: {brief.language}")
    return lines
