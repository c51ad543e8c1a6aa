"""Finding the article among a page's chrome.

The content area is the block where the page's prose gathers: one measuring pass
(:mod:`._html_score`) credits every paragraph to the blocks around it, most to its parent,
and weighs each block by how little of its text is links. The markup sites use for the
article (Squarespace's ``.blog-item-content``, ``.entry-content`` and the like,
``itemprop=articleBody``, ``article``, ``main``) wins when it holds a fair share of that
prose, so a teaser ``article`` in a sidebar cannot stand in for the real one, and the real
one is not lost because sidebars, tickers and footers hold more text than it does. Blocks
beside the best one that read like more of the same article (the lead paragraph in a box
of its own) join it; the rest of the wrapper is set aside. Nothing is removed from the
tree: what is left out is decided by :class:`~._html_chrome.Chrome`, the one statement of
what chrome is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from lxml import etree

from ._html_chrome import (
    CONTENT_WORDS,
    Chrome,
    is_hidden,
    is_page_furniture,
    name_words,
    named_chrome,
    region_chrome,
    widget_line,
)
from ._html_dom import Element, classes, has_class, plain, tag_of
from ._html_score import Measures, measure

__all__ = ["Content", "find_content", "find_title_heading"]

_CONTENT_CLASSES: tuple[tuple[str, ...], ...] = (
    ("blog-item-content",),
    ("sqs-html-content",),
    ("entry-content", "post-content", "article-content", "article-body", "post-body"),
)
_WORD = re.compile(r"\w+")
_ENTRY_CLASSES = frozenset({"hentry", "h-entry", "entry", "post", "blog-item"})
#: Elements the densest-block search (pages without paragraphs to score) narrows down to.
_WRAPPERS = frozenset(
    {"div", "section", "article", "main", "table", "tbody", "tr", "td", "center", "font", "form"}
)
#: A structural hint must hold this share of the prose of the best-scoring block.
_HINT_SHARE = 0.5
#: Below this worth of prose the page is too small to score: the old rules decide.
_MIN_WORTH = 3.0


@dataclass(slots=True)
class Content:
    """The content area of a page and the chrome predicate that goes with it."""

    root: Element
    chrome: Chrome
    measures: Measures
    body: Element

    def whole_page(self) -> Chrome:
        """The chrome predicate for the whole page (when the content area held nothing)."""
        m = self.measures
        return Chrome(self.body, m.text, links=m.links)


def _inside_furniture(el: Element) -> bool:
    return any(is_page_furniture(a) or is_hidden(a) for a in el.iterancestors())


def _usable(el: Element, m: Measures) -> bool:
    return el in m.text and not is_page_furniture(el) and not _inside_furniture(el)


def _together(candidates: Iterable[Element], m: Measures) -> Element | None:
    """The element holding every usable candidate: itself if one, else their nearest
    common ancestor (a page made of several content blocks keeps all of them)."""
    found = [el for el in candidates if _usable(el, m)]
    return _common(found) if found else None


def _largest(candidates: Iterable[Element], m: Measures) -> Element | None:
    best: Element | None = None
    for el in candidates:
        if _usable(el, m) and (best is None or m.prose[el] > m.prose[best]):
            best = el
    return best if best is not None and m.prose[best] else None


def _hints(body: Element, m: Measures) -> list[tuple[Element, bool]]:
    """The article's markup, most specific first, one element per kind, each with whether
    it marks the article's body itself (a content class, ``articleBody``) rather than a
    container around it (``article``, ``main``)."""
    found: list[tuple[Element | None, bool]] = []
    elements = [el for el in body.iter() if el in m.text]
    for names in _CONTENT_CLASSES:
        found.append((_together((el for el in elements if has_class(el, *names)), m), True))
    bodies = (el for el in elements if el.get("itemprop") == "articleBody")
    found.append((_largest(bodies, m), True))
    articles = (el for el in elements if tag_of(el) == "article" and not _listing(el, m))
    found.append((_largest(articles, m), False))
    mains = (
        el for el in elements if tag_of(el) == "main" or str(el.get("role", "")).lower() == "main"
    )
    found.append((_largest(mains, m), False))
    return [(el, exact) for el, exact in found if el is not None]


def _final(el: Element, m: Measures) -> float:
    words = name_words(el)
    factor = 1.0
    if not words.isdisjoint(CONTENT_WORDS):
        factor *= 1.25
    if named_chrome(el):
        factor *= 0.5
    return m.score.get(el, 0.0) * (1.0 - m.link_density(el)) * factor


def _best_scored(scope: Element, m: Measures) -> Element | None:
    """The best-scoring block under ``scope``, never one in a comments, sharing or teaser
    region (however long a reader's comment), nor a list of articles (teasers)."""
    listings: set[Element] = set()
    for _attempt in range(3):
        best: Element | None = None
        best_score = 0.0
        walker = etree.iterwalk(scope, events=("start",))
        for _event, el in walker:
            if el is not scope and (el in listings or region_chrome(el)):
                walker.skip_subtree()
                continue
            if el in m.score:
                final = _final(el, m)
                if final > best_score:
                    best, best_score = el, final
        if best is None or not _listing(best, m):
            return best
        listings.add(best)
    return None


def _listing(el: Element, m: Measures) -> bool:
    """A list of articles (teasers, comments): most of its prose is in three or more
    ``article`` elements inside it."""
    inner = [a for a in el.iter("article") if a is not el and m.value.get(a, 0.0) > 0]
    return len(inner) >= 3 and sum(m.value[a] for a in inner) * 2 >= m.value.get(el, 0.0)


def _contains(outer: Element, inner: Element) -> bool:
    return outer is inner or any(a is outer for a in inner.iterancestors())


def _chunks(top: Element, m: Measures, limit: Element) -> list[Element]:
    """``top`` and the blocks like it (same tag and class) in ``limit`` that hold prose:
    an article the page cuts into chunks between ads, images and embeds."""
    names = top.get("class")
    if not names:
        return [top]
    found = [top]
    for el in limit.iter(top.tag):
        if el is top or el.get("class") != names or m.value.get(el, 0.0) < 1.0:
            continue
        if _contains(top, el) or _contains(el, top) or m.link_density(el) >= 0.5:
            continue
        if any(region_chrome(a) for a in _between(limit, el)):
            continue
        found.append(el)
    return found


def _between(outer: Element, inner: Element) -> list[Element]:
    """The ancestors of ``inner`` below ``outer``."""
    chain = []
    for anc in inner.iterancestors():
        if anc is outer:
            break
        chain.append(anc)
    return chain


def _common(elements: list[Element]) -> Element:
    chains = [[*reversed(list(el.iterancestors())), el] for el in elements]
    common = elements[0]
    for level in zip(*chains, strict=False):
        if any(el is not level[0] for el in level):
            break
        common = level[0]
    return common


def _assemble(top: Element, m: Measures, limit: Element) -> tuple[Element, frozenset[Element]]:
    """The content area around ``top``: with its chunks (their common ancestor), or its
    parent when siblings read like more of the same article. Blocks of that area that do
    not (ads, teasers) are set aside: the second item."""
    members = _chunks(top, m, limit)
    if len(members) > 1:
        root = _common(members)
    else:
        parent = top.getparent()
        if parent is None or top is limit or not _contains(limit, parent):
            return top, frozenset()
        root = parent
    worth = sum(m.value.get(el, 0.0) for el in members)
    on_path = {id(a) for el in members for a in [el, *_between(root, el)]}
    drop: list[Element] = []
    joined = False
    for node in [root, *(a for el in members for a in _between(root, el))]:
        for child in node:
            if id(child) in on_path or not isinstance(child.tag, str):
                continue
            if _joins(child, worth, m):
                joined = True
            else:
                drop.append(child)
    if len(members) == 1 and not joined:
        return top, frozenset()
    return root, frozenset(drop)


def _joins(sibling: Element, worth: float, m: Measures) -> bool:
    if sibling not in m.text or is_page_furniture(sibling):
        return False
    density = m.link_density(sibling)
    value = m.value.get(sibling, 0.0)
    if value >= max(1.0, worth * 0.2) and density < 0.33:
        return True
    prose = m.prose.get(sibling, 0)
    return tag_of(sibling) == "p" and prose >= 80 and density < 0.25


def _scored(body: Element, m: Measures) -> tuple[Element, frozenset[Element]] | None:
    top = _best_scored(body, m)
    if top is None or m.value.get(top, 0.0) < _MIN_WORTH:
        return None
    limit = body
    for hint, exact in _hints(body, m):
        inside = _contains(hint, top)
        if not inside and m.value.get(hint, 0.0) < m.value.get(top, 0.0) * _HINT_SHARE:
            continue
        if exact:
            return hint, frozenset()
        if not inside:
            inner = _best_scored(hint, m)
            top = inner if inner is not None else hint
        limit = hint
        break
    return _assemble(top, m, limit)


def _by_markup(body: Element, m: Measures) -> Element:
    """Small pages without paragraphs to score: the article's markup if it holds half of
    the readable text, else the densest block."""
    page = m.prose.get(body, 0)
    for hint, _exact in _hints(body, m):
        if m.prose[hint] * 2 >= page:
            return _descend_articles(hint, m) if tag_of(hint) == "article" else hint
    return _densest(body, m)


def _descend_articles(el: Element, m: Measures) -> Element:
    """From an outer ``article`` to an inner one holding nearly all of its text."""
    while True:
        inner = _largest((a for a in el.iter("article") if a is not el), m)
        if inner is None or m.prose[inner] * 100 < m.prose[el] * 85:
            return el
        el = inner


def _densest(body: Element, m: Measures) -> Element:
    """Down from ``body`` while one child holds nearly all the text and no rival prose."""
    node = body
    while True:
        sizes = [(c, m.prose.get(c, 0)) for c in node if isinstance(c.tag, str) and _usable(c, m)]
        total = sum(s for _, s in sizes)
        if not sizes or not total:
            return node
        child, size = max(sizes, key=lambda cs: cs[1])
        rivals = [c for c, _ in sizes if c is not child]
        if (
            tag_of(child) not in _WRAPPERS
            or size * 10 < total * 9
            or any(_has_prose(r) for r in rivals)
        ):
            return node
        node = child


def _has_prose(el: Element) -> bool:
    if any(True for _ in el.iter("h1", "h2", "h3", "h4")):
        return True
    return any(len(plain(p)) > 200 for p in el.iter("p"))


def find_content(doc: Element) -> Content:
    """The element holding the article's text (``body`` when nothing narrower is safe),
    with the chrome predicate for it."""
    body = next(doc.iter("body"), doc)
    m = measure(body)
    scored = _scored(body, m)
    if scored is None:
        root, outside = _by_markup(body, m), frozenset[Element]()
    else:
        root, outside = scored
    return Content(root, Chrome(root, m.text, links=m.links, outside=outside), m, body)


def _heading_scopes(content: Element) -> list[Element]:
    scopes = [content]
    for anc in content.iterancestors():
        tag = tag_of(anc)
        if tag in ("article", "main") or anc.get("role", "").lower() == "main":
            scopes.append(anc)
            break
        if not classes(anc).isdisjoint(_ENTRY_CLASSES):
            scopes.append(anc)
        if tag == "body":
            break
    return scopes


def find_title_heading(
    content: Element, headlines: Sequence[str] = (), titles: Sequence[str] = ()
) -> Element | None:
    """The ``h1`` naming the article: in the content area or its enclosing article, and
    not a brand, a caption or a button in an ``h1``: when the page declares headlines
    (JSON-LD, Open Graph), the ``h1`` must share half of its words with one of its
    ``titles`` (those headlines and its ``<title>``)."""
    for scope in _heading_scopes(content):
        for h1 in scope.iter("h1"):
            text = plain(h1)
            if text and not _in_furniture(h1, scope) and _names_the_page(text, headlines, titles):
                return h1
    return None


def _names_the_page(text: str, headlines: Sequence[str], titles: Sequence[str]) -> bool:
    if widget_line(text):
        return False
    words = set(_WORD.findall(text.casefold()))
    if not headlines or not words:
        return True
    return any(len(words & set(_WORD.findall(t.casefold()))) * 2 >= len(words) for t in titles)


def _in_furniture(el: Element, scope: Element) -> bool:
    for anc in el.iterancestors():
        if anc is scope:
            return False
        if tag_of(anc) in ("nav", "aside", "footer", "form") or is_hidden(anc):
            return True
    return False
