"""Breadcrumb trails: the path of links a page prints above its headline ("Blog > Trade >
Export Controls", "Home / Travel / Safety / Advice"), page furniture the text parser drops
above and under the title. Their own module, so :mod:`.chrome` keeps to lines, not trails."""

from __future__ import annotations

import re

__all__ = ["CRUMB", "bare_crumbs", "crumb_end", "is_crumbs", "over_crumbs", "slash_crumbs"]

#: The separators of a breadcrumb trail ("Blog > Trade", "Insights // Report").
CRUMB = re.compile(r"\s(?:>|›|»|//)\s")
_CRUMB_PARTS = 4
_CRUMB_WORDS = 6


def slash_crumbs(text: str) -> bool:
    """A breadcrumb trail written with slashes ("Home / Travel / Advisories"): four or more
    short parts and no sentence in it."""
    parts = text.split(" / ")
    return (
        len(parts) >= _CRUMB_PARTS
        and all(0 < len(p.split()) <= _CRUMB_WORDS for p in parts)
        and not any(c in text for c in ".!?;:")
    )


_BARE_CRUMB = re.compile(r"[A-Z][a-z][\w&' -]{0,40}(?:/[A-Z][a-z][\w&' -]{0,40}){2,5}")


def bare_crumbs(text: str) -> bool:
    """A trail joined by bare slashes ("Glossary/Detection Engineering/Disinformation
    Campaign"): three parts or more, each a capitalised word, one of several words;
    "TCP/IP/UDP", "Q1/Q2/Q3" and "and/or" are no trail."""
    parts = text.split("/")
    return _BARE_CRUMB.fullmatch(text) is not None and any(" " in p.strip() for p in parts)


def is_crumbs(text: str) -> bool:
    """A breadcrumb trail ("Blog > Trade > Export Controls", "Home / Travel / Safety / Advice"):
    dropped above and under the title, so the text renderer escapes a paragraph like one.
    Several trails joined by ";" ("Africa > Malawi; Near East > Morocco") list the places an
    alert concerns: a trail is one path, so such a line is text. A "»" that closes a French
    quotation ("un « nouvel ordre » prend forme") and a sentence before the first ">" are
    no trail either: a trail opens with a short link."""
    crumbed = CRUMB.search(text) is not None and ";" not in text and "«" not in text
    crumbed = crumbed and len(CRUMB.split(text, maxsplit=1)[0].split()) <= _CRUMB_WORDS
    return crumbed or slash_crumbs(text) or bare_crumbs(text)


def crumb_end(text: str) -> str | None:
    """The last part of a breadcrumb trail ("Blog > Trade > Export Controls"), else None."""
    if slash_crumbs(text):
        return text.rsplit(" / ", 1)[1].strip()
    parts = CRUMB.split(text)
    return parts[-1].strip() if len(parts) > 1 else None


def over_crumbs(cands: list[tuple[int, str]], k: int | None) -> bool:
    """Candidate ``k`` (of the page's (line, text) candidates) stands right over a
    breadcrumb trail: a label of the page's header (its section), not a headline."""
    if k is None or k + 1 >= len(cands) or cands[k + 1][0] != cands[k][0] + 1:
        return False
    return is_crumbs(cands[k + 1][1])
