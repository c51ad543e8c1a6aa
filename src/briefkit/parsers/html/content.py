"""Finding the article among a page's chrome.

The content area is the block where the page's prose gathers: one measuring pass
(:mod:`.score`) credits every paragraph to the blocks around it, most to its parent,
and weighs each block by how little of its text is links. The markup sites use for the
article (Squarespace's ``.blog-item-content``, ``.entry-content`` and the like,
``itemprop=articleBody``, ``article``, ``main``) wins when it holds a fair share of that
prose, so a teaser ``article`` in a sidebar cannot stand in for the real one, and the real
one is not lost because sidebars, tickers and footers hold more text than it does. Blocks
beside the best one that read like more of the same article (the lead paragraph in a box
of its own) join it; the rest of the wrapper is set aside. Nothing is removed from the
tree: what is left out is decided by :class:`~.chrome.Chrome`, the one statement of
what chrome is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from .chrome import (
    CONTENT_WORDS,
    Chrome,
    is_hidden,
    name_words,
    named_chrome,
    widget_line,
)
from .dom import Element, classes, has_class, plain, tag_of
from .score import Measures, measure

__all__ = ["Content", "find_content", "find_title_heading"]

#: (Each name holds "content" or "body": the search tests those substrings first.)
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
#: Elements that hold part of an article, never all of it (their container does).
_NOT_ROOTS = frozenset(
    {"ul", "ol", "menu", "dl", "li", "dd", "dt", "table", "thead", "tbody", "tfoot", "tr"}
    | {"td", "th", "p", "blockquote", "pre"}
)
#: Chunks of one article looked for at most.
_MAX_CHUNKS = 64
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
        return Chrome(self.body, self.measures)


def _usable(el: Element, m: Measures) -> bool:
    """Measured (visible) and not page furniture, nor inside it."""
    stats = m.of.get(el)
    return stats is not None and not stats.furniture


def _common(elements: Sequence[Element], m: Measures) -> Element:
    """The nearest common ancestor (or self) of measured elements: that of the first and
    the last in document order."""
    first = min(elements, key=lambda el: m.of[el].first)
    last = max(elements, key=lambda el: m.of[el].first)
    for anc in (first, *first.iterancestors()):
        if m.contains(anc, last):
            return anc
    return first  # not reached: the root holds everything measured


def _together(candidates: Iterable[Element], m: Measures) -> Element | None:
    """The element holding every usable candidate: itself if one, else their nearest
    common ancestor (a page made of several content blocks keeps all of them)."""
    found = [el for el in candidates if _usable(el, m)]
    return _common(found, m) if found else None


def _largest(candidates: Iterable[Element], m: Measures) -> Element | None:
    best: Element | None = None
    for el in candidates:
        if _usable(el, m) and (best is None or m.prose(el) > m.prose(best)):
            best = el
    return best if best is not None and m.prose(best) else None


def _listing(el: Element, m: Measures) -> bool:
    """A list of articles (teasers, comments): most of its prose is in three or more
    ``article`` elements inside it."""
    stats = m.of.get(el)
    return stats is not None and stats.articles >= 3 and stats.article_value * 2 >= stats.value


def _hints(body: Element, m: Measures) -> list[tuple[Element, bool]]:
    """The article's markup, most specific first, one element per kind, each with whether
    it marks the article's body itself (a content class, ``articleBody``) rather than a
    container around it (``article``, ``main``), from the candidates the measuring pass
    collected."""
    classed: list[list[Element]] = [[] for _ in _CONTENT_CLASSES]
    bodies: list[Element] = []
    articles: list[Element] = []
    mains: list[Element] = []
    for el in m.hinted:
        tag = el.tag
        if tag == "article":
            articles.append(el)
        elif tag == "main" or str(el.get("role", "")).lower() == "main":
            mains.append(el)
        if el.get("itemprop") == "articleBody":
            bodies.append(el)
        names = el.get("class")
        if names and ("content" in (low := names.lower()) or "body" in low):
            for kind, wanted in zip(classed, _CONTENT_CLASSES, strict=True):
                if has_class(el, *wanted):
                    kind.append(el)
    found: list[tuple[Element | None, bool]] = [(_together(k, m), True) for k in classed]
    found.append((_largest(bodies, m), True))
    found.append((_largest((a for a in articles if not _listing(a, m)), m), False))
    found.append((_largest(mains, m), False))
    return [(el, exact) for el, exact in found if el is not None]


def _final(el: Element, m: Measures) -> float:
    factor = 1.0
    if el.get("class") or el.get("id"):
        if not name_words(el).isdisjoint(CONTENT_WORDS):
            factor *= 1.25
        if named_chrome(el):
            factor *= 0.5
    return m.of[el].score * (1.0 - m.link_density(el)) * factor


def _best_scored(scope: Element, m: Measures) -> Element | None:
    """The best-scoring block in ``scope``, never one in a comments, sharing or teaser
    region (however long a reader's comment), nor a list of articles (teasers)."""
    inside = m.of.get(scope)
    if inside is None:
        return None
    listings: list[Element] = []
    for _attempt in range(3):
        best: Element | None = None
        best_score = 0.0
        for el, stats in m.of.items():
            if stats.score <= 0 or not inside.first <= stats.first <= inside.last:
                continue
            if (stats.region and not inside.region) or any(m.contains(x, el) for x in listings):
                continue
            final = _final(el, m)
            if final > best_score:
                best, best_score = el, final
        if best is None or not _listing(best, m):
            return best
        listings.append(best)
    return None


def _chunks(top: Element, m: Measures, limit: Element) -> list[Element]:
    """``top`` and the blocks like it (same tag and class) in ``limit`` that hold prose:
    an article the page cuts into chunks between ads, images and embeds."""
    names = top.get("class")
    if not names:
        return [top]
    found = [top]
    for el in limit.iter(top.tag):
        if el is top or el.get("class") != names or el not in m or m.value(el) < 1.0:
            continue
        stats = m.of[el]
        if m.contains(top, el) or m.contains(el, top) or m.link_density(el) >= 0.5:
            continue
        if stats.region and not m.of[limit].region:
            continue
        found.append(el)
        if len(found) >= _MAX_CHUNKS:
            break
    return found


def _between(outer: Element, inner: Element) -> Iterator[Element]:
    """The ancestors of ``inner`` below ``outer``."""
    for anc in inner.iterancestors():
        if anc is outer:
            return
        yield anc


def _assemble(top: Element, m: Measures, limit: Element) -> tuple[Element, frozenset[Element]]:
    """The content area around ``top``: with its chunks (their common ancestor), or its
    parent when siblings read like more of the same article. Blocks of that area that do
    not (ads, teasers) are set aside: the second item."""
    members = _chunks(top, m, limit)
    if len(members) > 1:
        root = _common(members, m)
    else:
        parent = top.getparent()
        if parent is None or top is limit or not m.contains(limit, parent):
            return top, frozenset()
        root = parent
    worth = sum(m.value(el) for el in members)
    path = [a for el in members for a in (el, *_between(root, el))]
    on_path = set(path)
    drop: list[Element] = []
    joined = False
    for node in (root, *(a for a in path if a not in members)):
        for child in node:
            if child in on_path or not isinstance(child.tag, str):
                continue
            if _joins(child, worth, m):
                joined = True
            else:
                drop.append(child)
    if len(members) == 1 and not joined:
        return top, frozenset()
    return root, frozenset(drop)


def _joins(sibling: Element, worth: float, m: Measures) -> bool:
    """A block beside the article that reads like more of it."""
    stats = m.of.get(sibling)
    if stats is None or stats.furniture:
        return False
    density = m.link_density(sibling)
    if stats.value >= max(1.0, worth * 0.2) and density < 0.33:
        return True
    return sibling.tag == "p" and stats.prose >= 80 and density < 0.25


def _container(el: Element, m: Measures, limit: Element) -> Element:
    """``el``, or the block around it when it is a list, a table part or a paragraph: the
    article is around its list, never the list alone."""
    while el.tag in _NOT_ROOTS and el is not limit:
        parent = el.getparent()
        if parent is None or parent not in m:
            break
        el = parent
    return el


def _scored(body: Element, m: Measures) -> tuple[Element, frozenset[Element]] | None:
    top = _best_scored(body, m)
    if top is None or m.value(top) < _MIN_WORTH:
        return None
    top = _container(top, m, body)
    limit = body
    for hint, exact in _hints(body, m):
        inside = m.contains(hint, top)
        if not inside and m.value(hint) < m.value(top) * _HINT_SHARE:
            continue
        if exact:
            return hint, frozenset()
        if not inside:
            inner = _best_scored(hint, m)
            top = _container(inner, m, hint) if inner is not None else hint
        limit = hint
        break
    return _assemble(top, m, limit)


def _by_markup(body: Element, m: Measures) -> Element:
    """Small pages without paragraphs to score: the article's markup if it holds half of
    the readable text, else the densest block."""
    page = m.prose(body)
    for hint, _exact in _hints(body, m):
        if m.prose(hint) * 2 >= page:
            return _descend_articles(hint, m) if hint.tag == "article" else hint
    return _densest(body, m)


def _descend_articles(el: Element, m: Measures) -> Element:
    """From an outer ``article`` to the innermost one inside it holding nearly all of its
    text (one scan, whatever the nesting)."""
    size = m.prose(el)
    best = el
    for inner in el.iter("article"):
        if inner is not el and _usable(inner, m) and m.prose(inner) * 100 >= size * 85:
            best = inner  # those qualifying nest: the last in document order is innermost
    return best


def _densest(body: Element, m: Measures) -> Element:
    """Down from ``body`` while one child holds nearly all the text and no rival prose."""
    node = body
    while True:
        sizes = [(c, m.prose(c)) for c in node if isinstance(c.tag, str) and _usable(c, m)]
        total = sum(s for _, s in sizes)
        if not sizes or not total:
            return node
        child, size = max(sizes, key=lambda cs: cs[1])
        rivals = [c for c, _ in sizes if c is not child]
        if (
            tag_of(child) not in _WRAPPERS
            or size * 10 < total * 9
            or any(_has_prose(r, m) for r in rivals)
        ):
            return node
        node = child


def _has_prose(el: Element, m: Measures) -> bool:
    """A rival block: with a heading or a long paragraph of its own."""
    return any(True for _ in el.iter("h1", "h2", "h3", "h4")) or any(
        m.prose(p) > 200 for p in el.iter("p")
    )


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
    return Content(root, Chrome(root, m, outside=outside), m, body)


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
