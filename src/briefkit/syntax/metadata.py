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
from .dates import iso_date, printed_date

__all__ = ["meta_lines", "read_meta_line"]

_KEY = re.compile(
    r"(url|slug|published|updated|authors?|publisher|category|tags|description|marking|language)"
    r"[ \t]*:[ \t]*",
    re.IGNORECASE,
)
_FIELD = {"author": "authors", "description": "summary"}


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
        date = iso_date(value) or printed_date(value)
        return (key, date) if date is not None else None
    if key == "author":
        return "authors", (value,)
    if key in ("authors", "tags"):
        return key, _split_list(value)
    return _FIELD.get(key, key), value


def _join(values: tuple[str, ...]) -> str:
    return "; ".join(values) if any("," in v for v in values) else ", ".join(values)


#: Key written for each Brief field, in the block's order (authors are special-cased).
_WRITTEN = (
    ("URL", "url"),
    ("Slug", "slug"),
    ("Published", "published"),
    ("Updated", "updated"),
    ("Authors", "authors"),
    ("Publisher", "publisher"),
    ("Category", "category"),
    ("Tags", "tags"),
    ("Description", "summary"),
    ("Marking", "marking"),
    ("Language", "language"),
)


def meta_lines(brief: Brief) -> list[str]:
    """The metadata block of ``brief`` as lines, in a fixed order; empty fields are left out."""
    lines: list[str] = []
    for key, field in _WRITTEN:
        value = getattr(brief, field)
        if not value:
            continue
        if isinstance(value, dt.date):
            text = value.isoformat()
        elif field == "authors" and len(value) == 1 and ";" not in value[0]:
            key, text = "Author", value[0]
        elif field == "authors":
            text = "; ".join(value)
        elif isinstance(value, tuple):
            text = _join(value)
        else:
            text = value
        lines.append(f"{key}: {text}")
    return lines
