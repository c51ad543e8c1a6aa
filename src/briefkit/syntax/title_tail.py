"""Under the title of a copied page: dates, bylines, author names, a kicker under the date,
label/value pairs, a bulleted header run and the headline repeated, read into the head's
metadata until the first line of the body (the other half of :mod:`.title`)."""

from __future__ import annotations

import re
from typing import Any

from .chrome import STRONG, chrome_strength, is_contents_label, is_crumbs
from .date_lines import date_line, is_time_line, kind_dated
from .head_shapes import (
    KICKER,
    KICKER_WORDS,
    PIECE_TYPES,
    Head,
    kicker_like,
    record_date,
    set_once,
)
from .header_line import header_fields, signs
from .heading_form import heading_form, is_body_text
from .headline_lines import keyword_line, logo_letters
from .image_chrome import is_credit
from .metadata import byline, is_date_label, is_meta_label, name_line, read_label_pair
from .text import ESCAPE, ITEM, heading_alone, nav_side

__all__ = ["is_header_item", "read_tail"]


def read_tail(lines: list[str], head: Head, index: int) -> int:
    """Skip the dates, bylines, author names and repeated headline under the title from line
    ``index`` on (after its metadata block); returns the index of the first body line."""
    active = False  # a date, byline or repeated headline was seen: names may follow
    # a date over the headline, where one is printed under it too, is the site header's
    # date of today: the date under the headline is the piece's
    above = head.meta.get("published")
    index = _platform_header(lines, index, head)
    while index < len(lines):
        text = lines[index].strip()
        if not text:
            index += 1
            continue
        if text.startswith((ESCAPE, ">")) or nav_side(text) is not None or is_contents_label(text):
            return index  # structure (a contents label heads prose), not the page's furniture
        if keyword_line(text, head.title):
            index, active = index + 1, True  # the page's keyword, an image's alt text
            continue
        if _repeats_title(text, head.title):
            index, active = index + 1, True  # the headline again as a wiki's one-item list
            continue
        if _between_copies(lines, index, head.title):
            index, active = index + 1, True  # an image's alt text, the headline under it
            continue
        if ITEM.match(text):
            end = _header_run(lines, index, head)
            if end is None:
                end = _tag_line(lines, index, head, active)
            if end is None:
                return index
            index, active = end, True
            continue
        if text.startswith(head.title) and text != head.title:
            stamp = _trailing_date(text[len(head.title) :])
            if stamp is None and _source_card(lines, index, text[len(head.title) :]):
                index, active = index + 1, True  # the headline and its source's name
                continue
            if stamp is None:
                return index
            set_once(head.meta, "published", stamp)  # the headline again, with its date
            index, active = index + 1, True
            continue
        header = header_fields(text)
        if header is not None:
            named = tuple(head.meta.get("authors", ()))
            if named and header.get("authors"):  # the name over "Updated ... by Jo Roe"
                header["authors"] = named + tuple(a for a in header["authors"] if a not in named)
                head.meta.pop("authors")
            for name, found in header.items():
                set_once(head.meta, name, found)
            index, active = index + 1, True
            continue
        kind = kind_dated(text)
        if kind is not None:
            head.meta.setdefault(KICKER, kind[0])  # "PRESS RELEASE: February 7, 2024"
            set_once(head.meta, kind[1].field, kind[1].date)
            index, active = index + 1, True
            continue
        placed = _PUBLISHED_IN.fullmatch(text)
        if placed is not None and _place(head, placed.group(1)):
            index, active = index + 1, True
            continue
        dated = date_line(text)
        if dated is None and text.isdigit() and index + 1 < len(lines):
            dated = date_line(f"{text} {lines[index + 1].strip()}")  # "10" over "Nov 2021"
            if dated is not None:
                index += 1
        value = _next_text(lines, index)
        if is_crumbs(text) or (active and logo_letters(text)):
            index, active = index + 1, True  # the page header's trail or a logo's letters
            continue
        if _section_link(text) and index + 1 < len(lines) and kicker_like(lines[index + 1].strip()):
            head.meta.setdefault(KICKER, lines[index + 1].strip())  # "Knowledge Hub" over
            index, active = index + 2, True  # "Cyber Threats": the section's link, the label
            continue
        if kicker_like(text) and index + 1 < len(lines) and is_crumbs(lines[index + 1].strip()):
            head.meta.setdefault(KICKER, text)  # the section's label over its trail
            index, active = index + 1, True
            continue
        tight = index + 1 < len(lines) and lines[index + 1].strip() == value
        if dated is None and tight and _piece_type(text) and value and date_line(value):
            head.meta.setdefault(KICKER, text)  # "Blog" over "Feb 28, 2025, 03:09 PM"
            index, active = index + 1, True
            continue
        if value is not None and is_credit(text, value):
            index = _next_index(lines, index) + 1  # a photo's credit and its copyright line
            active = True
            continue
        pair = read_label_pair(text, value) if value is not None and is_meta_label(text) else None
        if dated is not None:
            if above is not None and dated.field == "published" and not active:
                head.meta.pop("published")  # (the first line under the headline only)
            above = None
            record_date(head.meta, dated)
            index = _kicker_under(lines, index, head)
        elif text == head.title or text == head.meta.get("publisher") or byline(text):
            set_once(head.meta, "authors", tuple(byline(text) or ()))
        elif _authors_line(text, active or _signed(_next_text(lines, index) or "")) and not (
            head.meta.get("authors")
        ):
            set_once(head.meta, "authors", tuple(name_line(text) or ()))
        elif is_time_line(text) or chrome_strength(text) == 2:
            index += 1
            continue
        elif pair is not None:
            if pair[0]:
                set_once(head.meta, *pair)
            index = _next_index(lines, index)
        elif is_date_label(text):
            pass  # a date's label whose value did not copy ("Date" over "Europe")
        else:
            return index
        active = True
        index += 1
    return index


def _signed(line: str) -> bool:
    """What stands under an author's name: a byline or dated header (:func:`signs`), or the
    sharing buttons of the author's card ("Share this content")."""
    return signs(line) or (line.lower().startswith("share") and chrome_strength(line) == STRONG)


def _between_copies(lines: list[str], index: int, title: str) -> bool:
    """A short line between the headline and its second copy, with only the page's date or
    byline under that: an image's alt text ("Parliament house flag post")."""
    text, again = lines[index].strip(), _next_index(lines, index)
    if again >= len(lines) or lines[again].strip() != title or is_body_text(text):
        return False
    under = _next_text(lines, again) or ""
    return date_line(under) is not None or signs(under)


def _authors_line(text: str, active: bool) -> bool:
    """Names under the title: after a date or a byline, or two or more of them on their
    own ("Bill Roe, Tom Wash, and Pat Lee, CFA | PDF"), or one with a role after it, which
    no headline or sentence is."""
    names = name_line(text)
    if names is None or heading_alone(text, at_start=True) is not None:
        return False  # "Key Takeaways" under a headline printed twice is a heading
    # a name with a role or an affiliation after it ("Jane Roe, Associate Fellow, VIF")
    roled = text.count(",") >= len(names)
    return active or ((len(names) > 1 or roled) and not chrome_strength(text))


#: "Published in Article Analysis 4 mins read": the section a post is filed in, and its
#: reading time run on.
_PUBLISHED_IN = re.compile(r"Published in ([A-Z][\w&' -]{1,40}?) ?\d{1,3} mins? read")


def _place(head: Head, section: str) -> bool:
    """Read the section a "Published in" line names as the category. A lower-case word above
    the title ("askvity") is then the site's wordmark, its publisher; any other kicker keeps
    the category, and the line stays text (False)."""
    above = head.meta.get(KICKER)
    if above is not None:
        if not (above.islower() and " " not in above) or head.meta.get("publisher"):
            return False
        head.meta["publisher"] = head.meta.pop(KICKER)
    head.meta[KICKER] = section.strip()
    return True


#: Last words of a site section's link printed over a category label ("Knowledge Hub").
_SECTIONS = frozenset(("hub", "center", "centre", "library", "academy", "resources"))


def _section_link(text: str) -> bool:
    last = text.split()[-1].lower()
    return kicker_like(text) and (last in _SECTIONS or last in PIECE_TYPES)


def _repeats_title(text: str, title: str) -> bool:
    """ "- Geopolitical Risk Analysis" under "Geopolitical risk analysis": the headline again,
    in any case, as the only text of a bulleted line."""
    match = ITEM.match(text)
    return match is not None and text[match.end() :].strip().casefold() == title.casefold()


def _header_run(lines: list[str], index: int, head: Head) -> int | None:
    """A run of bulleted lines under the title that is the post's header ("- Ops Team",
    "- Mar 6, 2020", "- 2 min read", blank lines between them or not): read it and return
    the index after it, else None."""
    run: list[tuple[int, str]] = []
    at = index
    while at < len(lines) and (match := ITEM.match(lines[at].strip())) is not None:
        run.append((at, lines[at].strip()[match.end() :]))
        at = _continuation(lines, at) + 1
        gap = at
        while gap < len(lines) and not lines[gap].strip():
            gap += 1  # a site builder's header may leave a blank line between its items
        if gap > at and gap < len(lines) and ITEM.match(lines[gap].strip()) is not None:
            at = gap
    if not any(is_header_item(t) or date_line(t) is not None for _, t in run):
        return None
    names: list[str] = []
    for _, text in run:
        dated = date_line(text)
        if dated is not None:
            set_once(head.meta, dated.field, dated.date)
        elif byline(text):
            names += byline(text) or []
        elif not is_header_item(text):
            # a field ("Reference Number: 3088") makes the run a list of the brief's own
            # fields, not a post's header of a date and names
            if len(text.split()) > KICKER_WORDS + 2 or is_body_text(text) or ": " in text:
                return None
            names.append(text)
    set_once(head.meta, "authors", tuple(names))
    return at


#: " - ", " | " or " · " between the category links of a post's header.
_TAG_JOINS = re.compile(r"\s+[-|·]\s+")
_TAG_WORDS = 4


def _tag_line(lines: list[str], index: int, head: Head, in_header: bool) -> int | None:
    """One bulleted line of Title Case names joined by " - " or " | " next to the post's
    date ("- Geopolitical Risk - Intelligence" over "07-07-2021"), or among the header lines
    already read (``in_header``): the post's categories, read into ``tags``. Returns the
    index after it, else None (a list item of the body)."""
    line = lines[index].strip()
    match = ITEM.match(line)
    parts = _TAG_JOINS.split(line[match.end() :]) if match else []
    nxt = _next_text(lines, index)
    if len(parts) < 2 or not (in_header or (nxt is not None and date_line(nxt) is not None)):
        return None
    if not all(0 < len(p.split()) <= _TAG_WORDS and heading_form(p) in _NAMES for p in parts):
        return None
    set_once(head.meta, "tags", tuple(parts))
    return index + 1


_NAMES = ("title", "caps")
_SOURCE_WORDS = 3
_PLATFORM_LINES = 5


def _platform_header(lines: list[str], index: int, head: Head) -> int:
    """A blogging platform's header right under the title, one item a line: the author,
    the publication, a "Published in" label and the date ("3 min readNov 5, 2023"). The
    line over the label is the publication. Read when the block holds that label and a
    date; returns the index after it, else ``index``."""
    block: list[str] = []
    at = index
    while at < len(lines) and not lines[at].strip():
        at += 1
    while at < len(lines) and lines[at].strip() and len(block) < _PLATFORM_LINES:
        block.append(lines[at].strip())
        at += 1
    labels = [i for i, t in enumerate(block) if t.lower() == "published in"]
    dates = [date_line(t) for t in block]
    if len(labels) != 1 or labels[0] == 0 or not any(dates):
        return index
    rest = [
        t for i, t in enumerate(block) if i != labels[0] - 1 and i != labels[0] and not dates[i]
    ]
    names = [n for t in rest for n in name_line(t) or []]
    if len(names) != len(rest):
        return index  # a line that is neither a name nor a date: not such a header
    set_once(head.meta, "publisher", block[labels[0] - 1])
    set_once(head.meta, "published", next(d for d in dates if d).date)
    if names:
        set_once(head.meta, "authors", tuple(names))
    return at


def _source_card(lines: list[str], index: int, tail: str) -> bool:
    """ "Travel advice explained  Smartraveller" under that headline: a link card naming the
    page the piece comes from, its name after two or more spaces. Dropped only when the name
    is printed again below, so no word of it is lost."""
    name = tail.strip()
    words = name.split()
    return (
        tail.startswith("  ")
        and 0 < len(words) <= _SOURCE_WORDS
        and all(w[:1].isupper() for w in words)
        and any(name in line for line in lines[index + 1 :])
    )


def _trailing_date(text: str) -> Any:
    """The date at the end of a line ("... Expert comment JRowan 3 March 2023"), or None."""
    words = text.split()
    for size in (3, 4, 2):
        if len(words) >= size:
            dated = date_line(" ".join(words[-size:]))
            if dated is not None:
                return dated.date
    return None


def _continuation(lines: list[str], index: int) -> int:
    """The last line of an indented continuation under line ``index`` (a repeated name)."""
    indent = len(lines[index]) - len(lines[index].lstrip())
    while index + 1 < len(lines):
        nxt = lines[index + 1]
        if not nxt.strip() or len(nxt) - len(nxt.lstrip()) <= indent or ITEM.match(nxt.strip()):
            break
        index += 1
    return index


def _kicker_under(lines: list[str], index: int, head: Head) -> int:
    """A kicker printed directly under the date ("Geopolitics and Shipping"), or after a
    blank line when it names the kind of piece ("Risk Management Online Article"): the
    category. Returns the index of the last line taken."""
    nxt = index + 1
    spaced = nxt < len(lines) and not lines[nxt].strip()
    if spaced:
        nxt = _next_index(lines, index)
    if nxt + 1 < len(lines) and lines[nxt].strip() and not lines[nxt + 1].strip():
        text = lines[nxt].strip()
        if _piece_type(text) or (not spaced and _kicker_line(text)):
            head.meta.setdefault(KICKER, text)
            return nxt
    return index


def _kicker_line(text: str) -> bool:
    return len(text.split()) <= KICKER_WORDS + 1 and kicker_like(text)


def _piece_type(text: str) -> bool:
    """A label naming the kind of piece ("Online Article", "Expert Commentary")."""
    words = text.split()
    return (
        len(words) <= KICKER_WORDS + 2
        and words[-1].lower() in PIECE_TYPES
        and heading_form(text) in ("title", "caps")
        and heading_alone(text, at_start=True) is None
    )


def _next_index(lines: list[str], index: int) -> int:
    return next((i for i in range(index + 1, len(lines)) if lines[i].strip()), len(lines))


def _next_text(lines: list[str], index: int) -> str | None:
    nxt = _next_index(lines, index)
    return lines[nxt].strip() if nxt < len(lines) else None


_MONTH_DAY = re.compile(
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.? \d{1,2}", re.IGNORECASE
)


def is_header_item(text: str) -> bool:
    """A bulleted line of a post's header under the title ("• Writer: Jane Roe", "• Feb 11",
    "• 5 min read"): the byline goes into the metadata, the rest is dropped."""
    return not text.startswith(ESCAPE) and (
        bool(byline(text))
        or chrome_strength(text) == STRONG
        or _MONTH_DAY.fullmatch(text.strip()) is not None
    )
