"""What the lines around a copied page's headline look like: headline-shaped, a kicker
over it, the kind of piece, or furniture to skip; and the :class:`Head` the title finder
fills. Shared by :mod:`.title` (the lines above the headline) and :mod:`.title_tail` (the
lines under it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from .chrome import chrome_strength, is_crumbs
from .date_lines import DateLine, date_line, is_time_line, kind_dated
from .header_line import header_fields
from .heading_form import heading_form
from .headline_lines import (
    image_label,
    label_line,
    tailed_headline,
)
from .metadata import byline, is_meta_label, read_attribution, read_meta_line
from .text import (
    ESCAPE,
    ITEM,
    heading_alone,
    is_url_line,
    nav_side,
)

__all__ = [
    "KICKER",
    "KICKER_WORDS",
    "KINDS",
    "PIECE_TYPES",
    "Head",
    "headline_shaped",
    "kicker_like",
    "kind_label",
    "record_date",
    "set_once",
    "skippable",
    "title_like",
]

#: Key of ``Head.meta`` for a kicker above the title: the category unless the page names one.
KICKER = "kicker"


KICKER_WORDS = 3
_KICKER_CHARS = 40
_LABEL_CHARS = 4
_TITLE_WORDS = 30
#: Last words of labels that name the kind of piece ("Online Article", "Expert Comment").
PIECE_TYPES = frozenset(
    (  # noqa: SIM905
        "article commentary comment op-ed opinion interview podcast video explainer feature "
        "blog insight insights"
    ).split()
)
#: One-word labels of the kind of piece over its headline ("Report" over "Report ... released").
KINDS = PIECE_TYPES | {"report", "news", "analysis", "briefing", "update", "alert", "definition"}
#: A headline may end with an abbreviation's full stop ("... in Western Europe and the U.S.").
_ABBREVIATED = re.compile(r"\b(?:[A-Z]\.){2,}$")
_COUNTER = re.compile(r"\d[\d,.]{0,12}")  # an article number or counter above the title


@dataclass
class Head:
    """The title, the line it is on (0-based), metadata found around it, and where the
    body starts (the first line after the title; ``read_tail`` moves it past the dates and
    bylines under it)."""

    title: str
    line: int
    meta: dict[str, Any] = field(default_factory=dict)
    body: int = 0
    opening: str | None = None  # the first paragraph, when the copy ran it into the title
    above: list[str] = field(default_factory=list)  # content lines above it: open the body
    guessed: bool = False  # the first line no rule skipped, rather than one a rule chose


def record_date(meta: dict[str, Any], dated: DateLine) -> None:
    """A date line's date, and the author it names, into the fields still empty."""
    set_once(meta, dated.field, dated.date)
    if dated.author:
        set_once(meta, "authors", (dated.author,))


def set_once(meta: dict[str, Any], key: str, value: Any) -> None:
    if value and not meta.get(key):
        meta[key] = value


@lru_cache(maxsize=4096)  # asked of the same top lines by the rules and the scorer
def title_like(text: str) -> bool:
    """Could be a headline: short enough, not a full sentence, not structure or chrome."""
    words = text.split()
    return (
        0 < len(words) <= _TITLE_WORDS
        and (not text.endswith((".", ";", ",")) or _ABBREVIATED.search(text) is not None)
        and (text[0].isupper() or text[0].isdigit() or text[0] in "\"'“‘(")
        and not chrome_strength(text)
        and date_line(text) is None
        and kind_dated(text) is None  # "PRESS RELEASE: February 7, 2024"
        and heading_alone(text, at_start=True) is None
        and nav_side(text) is None
        and not is_url_line(text)
        and ITEM.match(text) is None
        and read_meta_line(text) is None
        and header_fields(text) is None  # "Published April 30, 2024 Modified May 4, 2026"
        and read_attribution(text) is None
        and not is_meta_label(text)  # "Author" over its value
    )


@lru_cache(maxsize=4096)
def headline_shaped(text: str) -> bool:
    """A line that reads as a headline: title-like and shaped like one."""
    shaped = heading_form(text) in ("title", "caps", "question") or tailed_headline(text)
    return title_like(text) and shaped


#: Joining words and separators a kicker's length does not count ("Administrative and
#: Government Law", "CI-201a · Module 3").
_KICKER_JOINS = frozenset(("and", "&", "of", "the", "·", "|", "•"))


def kind_label(text: str) -> bool:
    """The kind of piece over its headline: "Report", "Feature Article", "Expert Comment",
    "News & Blog"."""
    words = text.lower().split()
    if len(words) == 3 and words[1] in ("&", "and"):  # "News & Blog", "News and Analysis"
        return words[0] in KINDS and words[2] in KINDS
    return " ".join(words) in KINDS or (len(words) == 2 and words[-1] in PIECE_TYPES)


@lru_cache(maxsize=4096)
def kicker_like(text: str) -> bool:
    words = [w for w in text.split() if w.lower() not in _KICKER_JOINS]
    return (
        len(words) <= KICKER_WORDS
        and 2 <= len(text) <= _KICKER_CHARS
        and (heading_form(text) in ("title", "caps") or text.endswith("+") or label_line(text))
        and heading_alone(text, at_start=True) is None
    )


@lru_cache(maxsize=4096)
def skippable(text: str) -> bool:
    """Chrome, breadcrumbs, dates, times and bylines above a title."""
    return not text.startswith(ESCAPE) and bool(
        chrome_strength(text)
        or _COUNTER.fullmatch(text)
        or image_label(text)
        or (len(text) < _LABEL_CHARS and text.isalpha() and text.islower())  # a tag: "in"
        or is_crumbs(text)
        or date_line(text) is not None
        or is_time_line(text)
        or byline(text)
    )
