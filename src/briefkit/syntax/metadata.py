"""Metadata in text briefs: the "Key: value" block under the title, bylines, attributions.

Keys are chosen so that none is a heading label ("Description" holds the summary, because
"Summary" is a heading). The renderer writes the same keys, so metadata survives a text
round trip. Pages also print "Date:", "Last Updated:" and "Source: <link>" there.

Elsewhere in a brief only attribution lines are metadata: "Authors: ...", "By ...",
"Originally published by ..." on a line of their own. Every other "Key: value" line in the
body ("Confidence level: Moderate", "Source: Reuters") stays text, and none opens a section.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ..model import Brief
from ..safety import is_safe_href
from .date_lines import date_line
from .dates import iso_date, printed_date

__all__ = [
    "byline",
    "is_date_label",
    "is_meta_label",
    "meta_lines",
    "name_line",
    "read_attribution",
    "read_label_pair",
    "read_meta_line",
]

_KEY = re.compile(
    r"(url|slug|published|last updated|updated|authors?|publisher|categor(?:y|ies)|tags"
    r"|description"
    r"|marking|language|date|source)[ \t]*:[ \t]*",
    re.IGNORECASE,
)
_FIELD = {
    "author": "authors",
    "description": "summary",
    "date": "published",
    "last updated": "updated",
    "source": "url",
}
_BYLINE = re.compile(
    r"(?:[•·]\s*)?(?:by:?|(?:written|words|posted|published) by:?|writer:|author:"
    r"|(?:[a-z]+ )?compiled by)"
    r"\s+(\S.{0,150})",
    re.IGNORECASE,
)
#: A social handle printed after the author's name ("| dutch_osintguy", "| @jroe").
_HANDLE = re.compile(r"@?[a-z0-9_.]{2,30}")
_VIEWS = re.compile(r"(?<=[a-z]) \d[\d,.]{0,12}[KM]? views?$", re.IGNORECASE)
_PICTURE = re.compile(r"(?:[•·]\s*)?writer'?s picture\s*(\S.{0,80})", re.IGNORECASE)
_ATTRIBUTION = re.compile(r"(authors?|contributors?|analysts?)\s*:\s*(\S.{0,300})", re.IGNORECASE)
#: "Originally published by X", and a masthead's strapline "Published daily by the X".
_ORIGINALLY = re.compile(
    r"(?:originally published (?:by|in|at|on)|published (?:daily|weekly|fortnightly|monthly"
    r"|quarterly) by)\s+(?-i:the\s+)?(\S.{0,80}?)\.?",
    re.I,
)
_NAME_JOIN = re.compile(r"\s*,\s*(?:and\s+)?|\s+(?:and|&)\s+")
_PARTICLES = frozenset(
    ("de", "da", "di", "du", "del", "der", "den", "van", "von", "bin", "al", "la", "le", "ibn")
)
_MAX_NAMES = 8
#: An academic title before a name ("Dr Jane Roe", "Prof. Tom Wash"): no part of the name
#: ("Mr" and "Ms" open headlines too: "Mr Big Sells Out").
_HONORIFIC = re.compile(r"(?:Dr|Prof|Professor)\.?\s+(?=[A-Z])")
#: Last words of an author's role printed after the name ("By Jane Roe, Region Alert
#: Founder"): the role is no second author.
_ROLES = frozenset(
    (  # noqa: SIM905 - a word list reads better as one string
        "founder co-founder cofounder ceo cto ciso coo editor analyst director fellow "
        "researcher correspondent manager president chair partner consultant officer "
        "reporter adviser advisor professor lecturer strategist economist specialist"
    ).split()
)
#: Credentials printed after a name as a part of their own ("Patrick Roe, CFA").
_CREDENTIALS = frozenset(("cfa", "cpa", "mba", "phd", "ph.d.", "md", "cissp", "obe", "cbe"))
_CAPITALS = re.compile(r"[A-Z]{2,6}(?:-[IVX]{1,4})?")
#: A link printed after the authors' names on the same line ("... | PDF").
_LINK_TAIL = re.compile(r"\s+\|\s*(?:PDF|Download|Print)$", re.IGNORECASE)
_MAX_NAME_WORDS = 4
_MAX_FULL_NAME_WORDS = 3
#: Labels printed on their own line above a value ("Category" / "Intelligence") and the
#: field each fills ("" for labels of values that are dropped, such as a reading time).
_LABEL_FIELDS = {
    "category": "category",
    "categories": "category",
    "topic": "category",
    "article type": "category",
    "author": "authors",
    "authors": "authors",
    "written by": "authors",
    "tags": "tags",
    "published": "published",
    "date": "published",
    "posted": "published",
    "published on": "published",
    "posted on": "published",
    "published date": "published",
    "publication date": "published",
    "publishing date": "published",
    "date published": "published",
    "release date": "published",
    "updated": "updated",
    "last updated": "updated",
    "reading time": "",
}


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
    if key in ("url", "source"):
        if key == "source" and not value.lower().startswith(("http://", "https://")):
            return None
        return ("url", value) if is_safe_href(value) and " " not in value else None
    if key in ("published", "updated", "date", "last updated"):
        date = iso_date(value) or printed_date(value)
        return (_FIELD.get(key, key), date) if date is not None else None
    if key == "author":
        return "authors", (value,)
    if key in ("authors", "tags"):
        return key, _split_list(value)
    if key == "categories":  # a blog theme's "Categories: Uncategorized": one is the category
        values = _split_list(value)
        return ("category", values[0]) if len(values) == 1 else ("tags", values)
    return _FIELD.get(key, key), value


#: A byline's final full stop, not an initial's ("By Jane Roe." but "By T.W.").
_FINAL_STOP = re.compile(r"(?<![A-Z])\.$")
#: A footnote's mark glued to a name in a paper's byline ("Fabio Panetta1", "Jane Roe*").
_NOTE_MARK = re.compile(r"(?<=[a-z])[\d*†‡]{1,3}$")


def _names(text: str, *, full: bool, lower: bool = False) -> list[str] | None:
    """Personal names joined by commas and "and"; ``full`` wants two words or more each,
    ``lower`` accepts names written in lower case (as some site builders print them)."""
    text = _FINAL_STOP.sub("", text.strip())  # "By Jane Roe." but not "T.W."
    names = [_NOTE_MARK.sub("", n.strip().strip('"“”')) for n in _NAME_JOIN.split(text)]
    names = [_HONORIFIC.sub("", n) for n in names if n]  # "Dr Jane Roe": the name is Jane Roe
    names = [n for n in names if n]
    person = bool(names) and len(names[0].split()) > 1  # "By CNN, AP": two names
    while len(names) > 1 and _appended(names[-1], person):
        names.pop()  # "Jane Roe, Founder", "Patrick Roe, CFA": a role or credential
    if not names or len(names) > _MAX_NAMES:
        return None
    for name in names:
        words = name.split()
        most = _MAX_FULL_NAME_WORDS if full else _MAX_NAME_WORDS
        if len(words) > most or (full and len(words) < 2):
            return None
        for word in words:
            if word.lower() in _PARTICLES:
                continue
            if not (word[:1].isupper() or (lower and word[:1].isalpha())):
                return None
    return names


def _appended(part: str, person: bool) -> bool:
    """A part after the names that is the last one's role or credential: a known one, or,
    after a person's full name, capitals of two to six letters with a grade ("PSP",
    "CHS-III")."""
    words = part.lower().split()
    lettered = person and _CAPITALS.fullmatch(part) is not None
    return part.lower() in _CREDENTIALS or lettered or words[-1] in _ROLES


def byline(line: str) -> list[str] | None:
    """The names of a byline ("By Jane Doe and Sam Roe", "Writer's pictureMara K"), also
    with the post's view count after them ("by Jo Roe 48 views") or, after a bar, the
    author's handle or role."""
    text = _VIEWS.sub("", " ".join(line.split()))
    bar, _, after = text.rpartition(" | ")
    last = after.lower().split()[-1:]
    if bar and (_HANDLE.fullmatch(after) or (last and last[0] in _ROLES)):
        text = bar  # "Writer: Jane Roe | jane_roe", "By Jane Roe | Analyst"
    match = _PICTURE.fullmatch(text)
    if match is not None:
        return _names(match.group(1), full=False, lower=True)
    match = _BYLINE.fullmatch(text)
    labelled = match is not None and match.group(0).lower().lstrip("•· ").startswith(
        ("writer", "author")
    )
    return None if match is None else _names(match.group(1), full=False, lower=labelled)


def name_line(line: str) -> list[str] | None:
    """A line of full names only ("Imogen Reyes and Talbot Greer"), as printed under a title;
    a link after them ("| PDF") is no name."""
    text = _LINK_TAIL.sub("", " ".join(line.split()))
    if ":" in text or len(text) > 160:
        return None
    return _names(text, full=True)


def read_attribution(line: str) -> tuple[str, Any] | None:
    """(Brief field, value) for an attribution line of the body, or None."""
    text = " ".join(line.split())
    if len(text) > 320:
        return None
    match = _ATTRIBUTION.fullmatch(text)
    if match is not None:
        if match.group(1).lower().startswith("contributor"):
            return None
        if match.group(1).lower().startswith("analyst"):  # "Analysts: D. Crystal, J. Roe"
            named = _names(match.group(2), full=True)  # ("Analysts: expect delays" is a quote)
            return ("authors", tuple(named)) if named else None
        names = [n.strip() for n in _NAME_JOIN.split(match.group(2).rstrip(".")) if n.strip()]
        if names and all(len(n.split()) <= 2 * _MAX_NAME_WORDS for n in names):
            return "authors", tuple(names)
        return None
    signed = byline(text)
    if signed:
        return "authors", tuple(signed)
    original = _ORIGINALLY.fullmatch(text)
    if original is not None and len(original.group(1).split()) <= _MAX_NAME_WORDS + 2:
        return "publisher", original.group(1)
    return None


def _label_key(line: str) -> str:
    """A label line as ``_LABEL_FIELDS`` spells it: lower case, no colon, single spaces."""
    return " ".join(line.lower().rstrip(":").split())


def is_meta_label(line: str) -> bool:
    """A label line a page prints above its value ("Category", "Reading Time")."""
    return _label_key(line) in _LABEL_FIELDS


def is_date_label(line: str) -> bool:
    """A date's label on its own line ("Date", "Publishing date"), its value there or not."""
    return _LABEL_FIELDS.get(_label_key(line)) in ("published", "updated")


def read_label_pair(label: str, value: str) -> tuple[str, Any] | None:
    """(field, value) for a label line and the value line under it; the field is "" for a
    pair that is dropped; None when the two lines are not such a pair."""
    key = _label_key(label)
    field = _LABEL_FIELDS.get(key)
    value = " ".join(value.split())
    if field is None or not value or is_meta_label(value) or len(value) > 120:
        return None
    if key == "categories" and "," in value:
        field = "tags"  # "Categories:" over "Cybersecurity, Intelligence": a list of them
    if field in ("published", "updated"):
        date = date_line(value)
        return None if date is None else (field, date.date)
    if field == "authors":
        names = _names(value, full=False)
        return None if not names else ("authors", tuple(names))
    if field == "tags":
        return "tags", _split_list(value)
    return field, (value if field else None)


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
