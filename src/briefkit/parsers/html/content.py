"""Finding the article among a page's chrome, and the chrome to leave out of it.

The content area is looked for by the markup sites actually use, most specific first
(Squarespace's ``.blog-item-content``, ``.entry-content``, ``article``, ``main``), and only
then by where the text is densest. A candidate must hold at least half of the page's
readable text, so a teaser ``article`` in a sidebar cannot stand in for the real one.
Nothing is removed from the tree: chrome is a predicate the walks consult, and a chrome
rule that would swallow most of the article is not applied.
"""

from __future__ import annotations

from collections.abc import Iterable

from lxml import etree

from .dom import Element, attr_tokens, classes, has_class, plain, tag_of, text_length
from .inline import NOT_TEXT

__all__ = ["Chrome", "find_content", "find_title_heading"]

#: Elements that are never article text (forms, page furniture). An ``aside`` is chrome
#: beside the article (a sidebar) but content inside it (a callout box).
_CHROME_TAGS = NOT_TEXT | {"nav", "header", "footer", "form", "dialog", "label"}
_PAGE_CHROME_TAGS = _CHROME_TAGS | {"aside"}
#: Class or id tokens of page furniture: comments, subscribe boxes, sharing, meta lines.
_CHROME_NAMES = frozenset(
    {
        "comments",
        "comment-list",
        "blog-item-comments",
        "comments-area",
        "newsletter",
        "newsletter-block",
        "newsletter-form",
        "sqs-block-newsletter",
        "subscribe",
        "subscribe-form",
        "signup",
        "share",
        "share-buttons",
        "sharing",
        "social",
        "social-links",
        "item-pagination",
        "pagination",
        "post-navigation",
        "nav-links",
        "breadcrumb",
        "breadcrumbs",
        "related",
        "related-posts",
        "cookie-banner",
        "view-original",
        "site-title",
        "site-header",
        "site-footer",
        "blog-item-meta-wrapper",
        "blog-item-meta",
        "blog-meta-item",
        "blog-item-author-profile-wrapper",
        "entry-meta",
        "post-meta",
        "byline",
        "sidebar",
        "sr-only",
        "visually-hidden",
        "screen-reader-text",
    }
)
_HIDDEN_STYLE = ("display:none", "visibility:hidden")
_CONTENT_CLASSES: tuple[tuple[str, ...], ...] = (
    ("blog-item-content",),
    ("sqs-html-content",),
    ("entry-content", "post-content", "article-content", "article-body", "post-body"),
)
#: Elements the densest-block search may narrow down to.
_WRAPPERS = frozenset(
    {"div", "section", "article", "main", "table", "tbody", "tr", "td", "center", "font"}
)
_ENTRY_CLASSES = frozenset({"hentry", "h-entry", "entry", "post", "blog-item"})


def _is_hidden(el: Element) -> bool:
    if el.get("hidden") is not None or str(el.get("aria-hidden", "")).lower() == "true":
        return True
    style = el.get("style")
    if not style:
        return False
    style = style.replace(" ", "").lower()
    return any(s in style for s in _HIDDEN_STYLE)


def _named_chrome(el: Element) -> bool:
    if not el.get("class") and not el.get("id"):
        return False
    names = classes(el) | attr_tokens(el, "id")
    return not names.isdisjoint(_CHROME_NAMES)


def _view_original(el: Element) -> bool:
    return tag_of(el) == "a" and plain(el).casefold() == "view original"


class Chrome:
    """Decides what inside a content area is chrome; named rules yield to large content."""

    def __init__(self, root: Element) -> None:
        self.root = root
        self._total: int | None = None
        self._spared: dict[Element, bool] = {}

    def hard(self, el: Element) -> bool:
        """Chrome by tag, visibility or "View Original": never article text."""
        return tag_of(el) in _CHROME_TAGS or _is_hidden(el) or _view_original(el)

    def __call__(self, el: Element) -> bool:
        if el is self.root:
            return False
        if self.hard(el):
            return True
        if not _named_chrome(el):
            return False
        spared = self._spared.get(el)
        if spared is None:
            if self._total is None:
                self._total = text_length(self.root, self.hard)
            spared = text_length(el, self.hard) * 5 > self._total * 2
            self._spared[el] = spared
        return not spared


def _page_chrome(el: Element) -> bool:
    return tag_of(el) in _PAGE_CHROME_TAGS or _is_hidden(el) or _named_chrome(el)


def _prose_skip(el: Element) -> bool:
    return tag_of(el) == "a" or _page_chrome(el)


def _prose(el: Element) -> int:
    """Readable text outside chrome and outside links (menus and link lists are not prose)."""
    return text_length(el, _prose_skip)


class _Prose:
    """:func:`_prose` of every element the content search can ask about, from one walk.

    The search weighs the page, each candidate and, going down, each child: walking every
    one of those subtrees again would read the same text many times. One bottom-up pass
    over ``body`` records each element's length (an element's own length counts for its
    parent unless it is a link; page chrome is not entered, as in :func:`_prose`).
    Elements the pass did not reach (inside chrome) are measured directly.
    """

    def __init__(self, body: Element) -> None:
        sizes: dict[Element, int] = {}
        open_: list[int] = []  # text so far of each element on the path from body
        skipped: Element | None = None
        walker = etree.iterwalk(body, events=("start", "end"))
        for event, el in walker:
            if event == "start":
                if el is not body and (not isinstance(el.tag, str) or _page_chrome(el)):
                    walker.skip_subtree()
                    skipped = el
                else:
                    text = el.text
                    open_.append(len(text.strip()) if text else 0)
                continue
            tail = el.tail
            size = len(tail.strip()) if tail and el is not body else 0
            if el is skipped:
                skipped = None
            else:
                own = open_.pop()
                sizes[el] = own
                if el.tag != "a":
                    size += own
            if open_:
                open_[-1] += size
        self._sizes = sizes

    def __call__(self, el: Element) -> int:
        size = self._sizes.get(el)
        return _prose(el) if size is None else size


def _inside_chrome(el: Element) -> bool:
    return any(_page_chrome(anc) for anc in el.iterancestors())


def _best(candidates: Iterable[Element], prose: _Prose) -> tuple[Element, int] | None:
    best: tuple[Element, int] | None = None
    for el in candidates:
        if _page_chrome(el) or _inside_chrome(el):
            continue
        size = prose(el)
        if size and (best is None or size > best[1]):
            best = (el, size)
    return best


def _together(candidates: Iterable[Element], prose: _Prose) -> tuple[Element, int] | None:
    """The element holding every candidate: itself if one, else their nearest common
    ancestor (a page made of several content blocks keeps all of them)."""
    found = [el for el in candidates if not (_page_chrome(el) or _inside_chrome(el))]
    if not found:
        return None
    chains = [[*reversed(list(el.iterancestors())), el] for el in found]
    common = found[0]
    for level in zip(*chains, strict=False):
        if any(el is not level[0] for el in level):
            break
        common = level[0]
    size = prose(common)
    return (common, size) if size else None


def _descend_articles(el: Element, size: int, prose: _Prose) -> Element:
    """From an outer ``article`` to an inner one holding nearly all of its text."""
    while True:
        inner = _best((a for a in el.iter("article") if a is not el), prose)
        if inner is None or inner[1] * 100 < size * 85:
            return el
        el, size = inner


def _densest(body: Element, prose: _Prose) -> Element:
    """Down from ``body`` while one child holds nearly all the text and no rival prose."""
    node = body
    while True:
        sizes = [(c, prose(c)) for c in node if tag_of(c) and not _page_chrome(c)]
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


def find_content(doc: Element) -> Element:
    """The element holding the article's text (``body`` when nothing narrower is safe)."""
    body = next(doc.iter("body"), doc)
    prose = _Prose(body)
    page = prose(body)

    def enough(found: tuple[Element, int] | None) -> bool:
        return found is not None and found[1] * 2 >= page

    for names in _CONTENT_CLASSES:
        found = _together((el for el in body.iter() if has_class(el, *names)), prose)
        if found and enough(found):
            return found[0]
    found = _best((el for el in body.iter() if el.get("itemprop") == "articleBody"), prose)
    if found and enough(found):
        return found[0]
    found = _best(body.iter("article"), prose)
    if found and enough(found):
        return _descend_articles(*found, prose)
    found = _best(
        (el for el in body.iter() if tag_of(el) == "main" or el.get("role", "").lower() == "main"),
        prose,
    )
    if found and enough(found):
        return found[0]
    return _densest(body, prose)


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


def find_title_heading(content: Element) -> Element | None:
    """The ``h1`` naming the article: in the content area or its enclosing article."""
    for scope in _heading_scopes(content):
        for h1 in scope.iter("h1"):
            if plain(h1) and not _in_furniture(h1, scope):
                return h1
    return None


def _in_furniture(el: Element, scope: Element) -> bool:
    for anc in el.iterancestors():
        if anc is scope:
            return False
        if tag_of(anc) in ("nav", "aside", "footer", "form") or _is_hidden(anc):
            return True
    return False
