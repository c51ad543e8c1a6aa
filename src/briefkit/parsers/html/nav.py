"""The previous and next brief a page points to.

Sources, most explicit first: Squarespace's ``section.item-pagination`` (whose links repeat
"Previous"/"Next" in a visually hidden label and a visible one: both are labels, not
titles), WordPress-style ``.nav-previous``/``.nav-next``, ``a[rel~=prev]``/``a[rel~=next]``
and ``link rel=prev/next`` in the head (its ``title`` attribute is the neighbour's title).
A title from one source completes an href from another only when they do not disagree.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Literal

from lxml import etree

from ...model import BriefLink
from .dom import Element, attr_tokens, has_class, plain, tag_of

__all__ = ["read_nav"]

Side = Literal["prev", "next"]
_WORDS = r"(?:previous|prev|next|older|newer)(?:\s+(?:post|article|entry|brief|story|page))?"
#: A chunk of link text that is only a label ("Previous", "« Older post", "Next →").
_ONLY_LABEL = re.compile(rf"^[\W_]*{_WORDS}[\W_]*$", re.IGNORECASE)
#: A label set off from the title by punctuation ("Previous: Title", "Next » Title").
_LABEL_PREFIX = re.compile(rf"^[\W_]*{_WORDS}\s*[:|«»‹›<>←→\-–—]+\s*", re.IGNORECASE)
_ARROWS = " «»‹›<>←→"
_HIDDEN = ("visually-hidden", "sr-only", "screen-reader-text", "item-pagination-prev-next")


def _chunks(el: Element) -> Iterator[str]:
    walker = etree.iterwalk(el, events=("start", "end"))
    for event, node in walker:
        if event == "start":
            if node is not el and (has_class(node, *_HIDDEN) or tag_of(node) in ("svg", "script")):
                walker.skip_subtree()
            elif node.text:
                yield node.text
        elif node is not el and node.tail:
            yield node.tail


def _title_of(el: Element) -> str | None:
    """A neighbour's title from its link, without "Previous"/"Next" labels and arrows."""
    titled = next((t for t in el.iter() if has_class(t, "item-pagination-title")), None)
    if titled is not None:
        return plain(titled) or None
    chunks = (" ".join(c.split()) for c in _chunks(el))
    text = " ".join(c for c in chunks if c and not _ONLY_LABEL.match(c))
    text = _LABEL_PREFIX.sub("", text).strip(_ARROWS)
    return text or None


def _sources(doc: Element) -> dict[tuple[str, Side], list[Element]]:
    """The page's navigation candidates by (source, side), from one pass over the page."""
    found: dict[tuple[str, Side], list[Element]] = {}
    sides: tuple[tuple[Side, str, str], ...] = (
        ("prev", "previous", "next"),
        ("next", "next", "prev"),
    )
    for el in doc.iter(etree.Element):
        tag = el.tag
        names = el.get("class")
        if names and ("pagination" in (names := names.lower()) or "nav-" in names):
            for side, word, _other in sides:
                if tag == "a" and has_class(el, f"item-pagination-link--{side}"):
                    found.setdefault(("pagination", side), []).append(el)
                if has_class(el, f"nav-{word}"):
                    found.setdefault(("wordpress", side), []).append(el)
        if tag in ("a", "link") and el.get("rel"):
            rel = attr_tokens(el, "rel")
            for side, _word, other in sides:
                named = side in rel or (side == "prev" and "previous" in rel)
                if named and (tag == "link" or other not in rel):
                    found.setdefault(("rel" if tag == "a" else "head", side), []).append(el)
    return found


def _candidates(
    sources: dict[tuple[str, Side], list[Element]], side: Side
) -> Iterator[tuple[str | None, str | None]]:
    """(title, raw href) pairs for one side, most explicit source first."""
    for el in sources.get(("pagination", side), ()):
        yield _title_of(el), el.get("href")
    for el in sources.get(("wordpress", side), ()):
        a = el if tag_of(el) == "a" else next(el.iter("a"), None)
        if a is not None:
            yield _title_of(a), a.get("href")
    for el in sources.get(("rel", side), ()):
        yield el.get("title") or _title_of(el), el.get("href")
    for el in sources.get(("head", side), ()):
        yield el.get("title"), el.get("href")


def _link(
    sources: dict[tuple[str, Side], list[Element]],
    side: Side,
    resolve: Callable[[str | None], str | None],
) -> BriefLink | None:
    title: str | None = None
    href: str | None = None
    for raw_title, raw_href in _candidates(sources, side):
        cand_title = " ".join((raw_title or "").split()) or None
        cand_href = resolve(raw_href) if raw_href else None
        if title is None and href is None:
            title, href = cand_title, cand_href
        elif href is None or cand_href is None or cand_href == href:
            title = title or cand_title
            href = href or cand_href
        if title and href:
            break
    if not title and not href:
        return None
    return BriefLink(title=title, href=href)


def read_nav(
    doc: Element, resolve: Callable[[str | None], str | None]
) -> tuple[BriefLink | None, BriefLink | None]:
    """The (previous, next) links of the page; hrefs made absolute by ``resolve``."""
    sources = _sources(doc)
    return _link(sources, "prev", resolve), _link(sources, "next", resolve)
