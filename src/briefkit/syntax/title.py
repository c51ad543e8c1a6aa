"""Which line is the title, and what stands around it: the head of a copied page.

Above a brief's title a copied page carries the site's furniture: its name ("MERIDIAN
WATCH", then "View Original"), a tagline, page anchors and search boxes, breadcrumbs, a
kicker or category label ("Policy Paper", "Maritime"), a date, a byline, or the page title
with the site's name after a dash followed by the headline itself. Under the title come
dates, bylines, a reading time, author names and a repeated headline. Dates, bylines, site
names and kickers are read into metadata; the rest is dropped as chrome.

Everything here is conservative: a line is skipped only when it is recognised; the first
line that is not becomes the title. Only the first ``_SCAN`` non-blank lines are looked at.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..errors import ParseError
from .chrome import STRONG, chrome_strength
from .date_lines import date_line, is_time_line
from .heading_form import heading_form, is_body_text
from .metadata import (
    byline,
    is_meta_label,
    name_line,
    read_attribution,
    read_label_pair,
    read_meta_line,
)
from .text import ESCAPE, ITEM, heading_alone, is_url_line, nav_side

__all__ = ["KICKER", "Head", "is_header_item", "read_head", "read_tail"]

#: Key of ``Head.meta`` for a kicker above the title: the category unless the page names one.
KICKER = "kicker"

_SCAN = 40
_SIBLING_SCAN = 400
_KICKER_WORDS = 3
_KICKER_CHARS = 32
_LABEL_CHARS = 4
_TITLE_WORDS = 30
_TAGLINE_WORDS = 5
_TAGLINE_MAX_WORDS = 16
_SITE_WORDS = 8
_SITE_LINES = 3
_SEPARATORS = (" – ", " — ", " - ", " | ", " :: ", " · ")
_MASTHEAD_WORDS = frozenset(
    (  # noqa: SIM905 - a word list reads better as one string
        "review insights insight watch news times post journal monitor report daily weekly "
        "analytics intelligence group institute center centre council foundation observer "
        "herald tribune gazette chronicle wire digest bulletin desk hub network"
    ).split()
)
#: Last words of labels that name the kind of piece ("Online Article", "Expert Comment").
_PIECE_TYPES = frozenset(
    (  # noqa: SIM905
        "article commentary comment op-ed opinion interview podcast video explainer feature "
        "blog insight insights"
    ).split()
)
_MONTH_DAY = re.compile(
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.? \d{1,2}", re.IGNORECASE
)
_SENTENCE_BREAK = re.compile(r"[a-z]{2}[.!?]\s+[A-Z]")
_COUNTER = re.compile(r"\d[\d,.]{0,12}")  # an article number or counter above the title
#: A header image's caption above the headline ("Diagram showing ..."); inside the body
#: captions stay text.
_IMAGE_LABEL = re.compile(
    r"(?:diagram|image|photo|picture|illustration|screenshot|infographic|chart|graphic)"
    r" (?:showing|depicting|illustrating|shows)\b.{1,250}",
    re.IGNORECASE,
)
#: Alt text made of the headline's first words and the kind of image ("Threat Report Poster").
_IMAGE_NOUNS = ("Poster", "Banner", "Thumbnail", "Cover", "Image", "Infographic")
#: Labels that introduce the headline under them ("Featured"): what stands above is the
#: site's header.
_FEATURE_LABEL = re.compile(r"featured(?: (?:post|article|story))?|editor'?s (?:pick|choice)", re.I)
_CRUMB = re.compile(r"\s(?:>|›|»)\s")


@dataclass
class Head:
    """The title, the line it is on (0-based), metadata found around it, and where the
    body starts (the first line after the title; ``read_tail`` moves it past the dates and
    bylines under it)."""

    title: str
    line: int
    meta: dict[str, Any] = field(default_factory=dict)
    body: int = 0


def _set(meta: dict[str, Any], key: str, value: Any) -> None:
    if value and not meta.get(key):
        meta[key] = value


def _title_like(text: str) -> bool:
    """Could be a headline: short enough, not a full sentence, not structure or chrome."""
    words = text.split()
    return (
        0 < len(words) <= _TITLE_WORDS
        and not text.endswith((".", ";", ","))
        and (text[0].isupper() or text[0].isdigit() or text[0] in "\"'“‘(")
        and not chrome_strength(text)
        and date_line(text) is None
        and heading_alone(text, at_start=True) is None
        and nav_side(text) is None
        and not is_url_line(text)
        and ITEM.match(text) is None
        and read_meta_line(text) is None
        and read_attribution(text) is None
    )


def _headline(text: str) -> bool:
    """A line that reads as a headline: title-like and shaped like one."""
    return _title_like(text) and heading_form(text) in ("title", "caps", "question")


def _kicker(text: str) -> bool:
    words = text.split()
    return (
        len(words) <= _KICKER_WORDS
        and 2 <= len(text) <= _KICKER_CHARS
        and (heading_form(text) in ("title", "caps") or text.endswith("+") or _label_line(text))
        and heading_alone(text, at_start=True) is None
    )


def _site_name(text: str) -> bool:
    """Names publications give themselves: "Harbour Risk Review", "Northwatch Analytics"."""
    return text.split()[-1].lower() in _MASTHEAD_WORDS


def _label_line(text: str) -> bool:
    """A lower-case section label over a page ("social and politics", "featured")."""
    return text.islower() and text.replace(" ", "").isalpha() and len(text) >= _LABEL_CHARS


def _site_suffix(text: str, headline: str) -> str | None:
    """ "Headline – Site" over "Headline": the site's name, else None."""
    if not text.startswith(headline) or text == headline:
        return None
    rest = text[len(headline) :]
    for sep in _SEPARATORS:
        if rest.startswith(sep) and 0 < len(rest[len(sep) :].split()) <= _SITE_WORDS:
            return rest[len(sep) :].strip()
    return None


def _has_sibling(lines: list[str], index: int, text: str) -> bool:
    """Another short line of the same form later on: a section heading, not a title."""
    form = heading_form(text)
    end = min(len(lines), index + _SIBLING_SCAN)
    for other in range(index + 1, end - 1):
        candidate = lines[other].strip()
        if (
            candidate
            and candidate != text
            and not lines[other - 1].strip()
            and len(candidate.split()) <= _KICKER_WORDS
            and heading_form(candidate) == form
        ):
            return True
    return False


def _tagline(text: str) -> bool:
    """A site's tagline: one phrase or sentence, not the start of the body text (a cut-off
    description of several sentences is the only headline some pages have)."""
    words = len(text.split())
    return (
        heading_form(text) in (None, "sentence")
        and (words >= _TAGLINE_WORDS or text.endswith("."))
        and words <= _TAGLINE_MAX_WORDS
        and _SENTENCE_BREAK.search(text) is None
    )


def _skippable(text: str) -> bool:
    """Chrome, breadcrumbs, dates, times and bylines above a title."""
    return not text.startswith(ESCAPE) and bool(
        chrome_strength(text)
        or _COUNTER.fullmatch(text)
        or _IMAGE_LABEL.fullmatch(text)
        or (len(text) < _LABEL_CHARS and text.isalpha() and text.islower())  # a tag: "in"
        or _CRUMB.search(text)
        or date_line(text) is not None
        or is_time_line(text)
        or byline(text)
    )


def read_head(lines: list[str], start: int) -> Head:
    """Find the title at or after line ``start`` (0-based, the first non-blank line)."""
    found = [(i, lines[i].strip()) for i in range(start, min(len(lines), start + 4 * _SCAN))]
    cands = [(i, t) for i, t in found if t][:_SCAN]
    meta: dict[str, Any] = {}
    skipped: list[str] = []
    last_date: tuple[int, str] | None = None
    dated_above = False  # the line above was the date: a date header sits over the headline
    k = _after_view_original(cands, meta) or _after_feature_label(cands)
    while k < len(cands):
        index, text = cands[k]
        if text[0] == ESCAPE:
            if not text[1:].strip():
                raise ParseError("the title line holds only a backslash", line=index + 1)
            return Head(text[1:].lstrip(), index, meta, index + 1)
        if nav_side(text) is not None or heading_alone(text, at_start=True) is not None:
            _check_title(text, index)
            return Head(text, index, meta, index + 1)
        following = next((t for _, t in cands[k + 1 :] if not _skippable(t)), None)
        dated = date_line(text)
        was_dated, dated_above = dated_above, False
        if dated is not None:
            _set(meta, "published", dated.date)
            if dated.author:
                _set(meta, "authors", (dated.author,))
            if dated.publisher:
                _set(meta, "publisher", dated.publisher)
            last_date = (index, text)
            dated_above = True
        elif is_time_line(text):
            dated_above = was_dated
        elif byline(text):
            _set(meta, "authors", tuple(byline(text) or ()))
        elif _skippable(text) or (following is not None and _alt_text(text, following)):
            pass
        elif following is not None and _site_suffix(text, following) is not None:
            _set(meta, "publisher", _site_suffix(text, following))
        elif following is not None and text == following and name_line(text):
            _set(meta, "authors", tuple(name_line(text) or ()))  # an author box: name, link
        elif last_date is not None and _kicker(text) and _has_sibling(lines, index, text):
            # No headline at all: the page starts with a date and then its first section.
            return Head(last_date[1], last_date[0], meta, last_date[0] + 1)
        elif was_dated:
            _check_title(text, index)
            return Head(text, index, meta, index + 1)
        elif (
            following is not None
            and _kicker(text)
            and not byline(cands[k + 1][1])  # a byline stands under a headline, not a kicker
            and (_headline(following) or (_label_line(text) and _title_like(following)))
        ):
            top = all(chrome_strength(t) for t in skipped)
            if top and (heading_form(text) == "caps" or _site_name(text)):
                _set(meta, "publisher", text)
            else:
                _set(meta, KICKER, text)
        elif (
            following is not None
            and _tagline(text)
            and heading_form(following) in ("title", "caps")
            and heading_alone(following, at_start=True) is None  # not a section heading
            and _body_after(cands, k, following)
        ):
            # A site tagline above a Title Case headline; "Name: tagline" names the site.
            name, colon, _ = text.partition(": ")
            if colon and heading_form(name) in ("title", "caps") and len(name.split()) <= 4:
                _set(meta, "publisher", text)
        else:
            _check_title(text, index)
            return Head(text, index, meta, index + 1)
        skipped.append(text)
        k += 1
    if last_date is not None:
        return Head(last_date[1], last_date[0], meta, last_date[0] + 1)
    index, text = cands[0]
    _check_title(text, index)
    return Head(text, index, {}, index + 1)


def _after_view_original(cands: list[tuple[int, str]], meta: dict[str, Any]) -> int:
    """Skip "SITE NAME" / "View Original" over a copied AMP page: the candidate after it."""
    for k, (index, text) in enumerate(cands[: _SITE_LINES + 1]):
        if " ".join(text.split()).lower() == "view original":
            names = [t for _, t in cands[:k] if not chrome_strength(t)]
            if not all(len(n.split()) <= _SITE_WORDS for n in names):
                return 0
            if k + 1 >= len(cands):
                raise ParseError("no title after 'View Original'", line=index + 1)
            _set(meta, "publisher", " ".join(names))
            return k + 1
    return 0


def _alt_text(text: str, headline: str) -> bool:
    """ "Threat Report Poster" over "Threat Report - 17th March": an image named after the
    headline."""
    name, _, noun = text.rpartition(" ")
    return noun in _IMAGE_NOUNS and len(name.split()) >= 2 and headline.startswith(name + " ")


def _after_feature_label(cands: list[tuple[int, str]]) -> int:
    """The candidate after a "Featured" label over a headline among the first few lines."""
    for k, (_, text) in enumerate(cands[: _SITE_LINES + 2]):
        label = _FEATURE_LABEL.fullmatch(" ".join(text.split())) is not None
        if label and 0 < k < len(cands) - 1 and _title_like(cands[k + 1][1]):
            return k + 1
    return 0


def _body_after(cands: list[tuple[int, str]], k: int, headline: str) -> bool:
    """True when the line after ``headline`` (the next candidate after ``k``) is body text."""
    seen = False
    for _, text in cands[k + 1 :]:
        if seen:
            return is_body_text(text) or heading_alone(text, at_start=True) is not None
        seen = text == headline
    return False


def _check_title(line: str, index: int) -> None:
    heading = heading_alone(line, at_start=True)
    if nav_side(line) is not None or (heading is not None and heading[1].value != "other"):
        raise ParseError(f"expected the brief's title, found {line!r}", line=index + 1)


def read_tail(lines: list[str], head: Head, index: int) -> int:
    """Skip the dates, bylines, author names and repeated headline under the title from line
    ``index`` on (after its metadata block); returns the index of the first body line."""
    active = False  # a date, byline or repeated headline was seen: names may follow
    while index < len(lines):
        text = lines[index].strip()
        if not text:
            index += 1
            continue
        if text.startswith((ESCAPE, ">")) or nav_side(text) is not None:
            return index  # structure, not the page's furniture
        if ITEM.match(text):
            end = _header_run(lines, index, head)
            if end is None:
                return index
            index, active = end, True
            continue
        if text.startswith(head.title) and text != head.title:
            stamp = _trailing_date(text[len(head.title) :])
            if stamp is None:
                return index
            _set(head.meta, "published", stamp)  # the headline again, with its date
            index, active = index + 1, True
            continue
        dated = date_line(text)
        value = _next_text(lines, index)
        pair = read_label_pair(text, value) if value is not None and is_meta_label(text) else None
        if dated is not None:
            _set(head.meta, "published", dated.date)
            if dated.author:
                _set(head.meta, "authors", (dated.author,))
            index = _kicker_under(lines, index, head)
        elif text == head.title or byline(text):
            _set(head.meta, "authors", tuple(byline(text) or ()))
        elif active and name_line(text) and not head.meta.get("authors"):
            _set(head.meta, "authors", tuple(name_line(text) or ()))
        elif is_time_line(text) or chrome_strength(text) == 2:
            index += 1
            continue
        elif pair is not None:
            if pair[0]:
                _set(head.meta, *pair)
            index = _next_index(lines, index)
        else:
            return index
        active = True
        index += 1
    return index


def is_header_item(text: str) -> bool:
    """A bulleted line of a post's header under the title ("• Writer: Jane Roe", "• Feb 11",
    "• 5 min read"): the byline goes into the metadata, the rest is dropped."""
    return not text.startswith(ESCAPE) and (
        bool(byline(text))
        or chrome_strength(text) == STRONG
        or _MONTH_DAY.fullmatch(text.strip()) is not None
    )


def _header_run(lines: list[str], index: int, head: Head) -> int | None:
    """A run of bulleted lines under the title that is the post's header ("- Ops Team",
    "- Mar 6, 2020", "- 2 min read"): read it and return the index after it, else None."""
    run: list[tuple[int, str]] = []
    at = index
    while at < len(lines) and (match := ITEM.match(lines[at].strip())) is not None:
        run.append((at, lines[at].strip()[match.end() :]))
        at = _continuation(lines, at) + 1
    if not any(is_header_item(t) or date_line(t) is not None for _, t in run):
        return None
    names: list[str] = []
    for _, text in run:
        dated = date_line(text)
        if dated is not None:
            _set(head.meta, "published", dated.date)
        elif byline(text):
            names += byline(text) or []
        elif not is_header_item(text):
            if len(text.split()) > _KICKER_WORDS + 2 or is_body_text(text):
                return None
            names.append(text)
    _set(head.meta, "authors", tuple(names))
    return at


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
    return len(text.split()) <= _KICKER_WORDS + 1 and _kicker(text.replace(" and ", " "))


def _piece_type(text: str) -> bool:
    """A label naming the kind of piece ("Online Article", "Expert Commentary")."""
    words = text.split()
    return (
        len(words) <= _KICKER_WORDS + 2
        and words[-1].lower() in _PIECE_TYPES
        and heading_form(text) in ("title", "caps")
        and heading_alone(text, at_start=True) is None
    )


def _next_index(lines: list[str], index: int) -> int:
    return next((i for i in range(index + 1, len(lines)) if lines[i].strip()), len(lines))


def _next_text(lines: list[str], index: int) -> str | None:
    nxt = _next_index(lines, index)
    return lines[nxt].strip() if nxt < len(lines) else None
