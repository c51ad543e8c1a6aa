"""One measuring pass over a page: text and link lengths, and where the prose gathers.

Every question the content search, the chrome rules and the block walk ask ("how much text
is in here, how much of it is links, is this inside furniture, does it hold blocks, is this
where the paragraphs are?") is answered from numbers this pass records for each element, so
no subtree or ancestor chain is walked again per element: pages nesting hundreds of
elements that carry hints (``itemprop``, ``class="share"``, ``entry-content``) cost what
the same page without them costs.

A *paragraph* is a block element's own text (its inline content, not that of nested
blocks) of at least :data:`MIN_PARAGRAPH` characters outside page furniture. Its worth
grows with its length and its commas, as prose does and menus do not, and goes to the
blocks around it, fully to its parent and less to each block further up: so the block
scoring highest is the one whose children are the article's paragraphs, not the page
around them. ``value`` is the same sum without that decay (all the prose inside).
"""

from __future__ import annotations

from lxml import etree

from .chrome import PAGE_FURNITURE, is_hidden, region_chrome
from .dom import Element
from .inline import BLOCKISH, NOT_TEXT

__all__ = ["MIN_PARAGRAPH", "Measures", "Stats", "measure"]

#: Shortest own text of a block that counts as a paragraph of prose.
MIN_PARAGRAPH = 25
#: Share of a paragraph's worth credited to its parent, grandparent, ...
_DECAY: tuple[float, ...] = (1.0, 0.5, 0.3, 0.2, 0.15)
#: Blocks that are one paragraph each (credited to their parent); the loose text of any
#: other block is a paragraph of that block itself.
_PARAGRAPHS = frozenset(
    {"p", "pre", "li", "dd", "dt", "blockquote", "td", "th", "figcaption", "caption", "address"}
    | {"h1", "h2", "h3", "h4", "h5", "h6", "summary"}
)
_COMMAS = (",", "，", "、", "،")


def _commas(text: str) -> int:
    return sum(text.count(c) for c in _COMMAS)


class Stats:
    """What the pass counted for one visible element.

    ``text`` and ``links``: lengths of its visible text and of the part inside links;
    ``prose``: its text outside links and furniture; ``value``: the worth of the paragraphs
    in it; ``score``: the decayed worth (highest where paragraphs are children);
    ``paragraphs``: their number; ``first``/``last``: its place in document order (for
    containment); ``blocks``: it holds block elements; ``furniture``/``region``: it is in
    page furniture / a comments, sharing or teaser region; ``articles`` and
    ``article_value``: the outermost ``article`` elements inside it and their worth.
    """

    __slots__ = (
        "article_value",
        "articles",
        "blocks",
        "commas",
        "first",
        "furniture",
        "in_link",
        "last",
        "links",
        "own",
        "own_links",
        "paragraphs",
        "prose",
        "region",
        "score",
        "sub_links",
        "sub_prose",
        "sub_text",
        "text",
        "value",
    )

    def __init__(self, el: Element, first: int, furniture: bool, region: bool, link: bool) -> None:
        self.first = first
        self.last = first
        self.furniture = furniture
        self.region = region
        self.in_link = link
        own = el.text
        if own:
            self.own = len(own.strip())  # inline text, its children's included
            self.commas = own.count(",") if own.isascii() else _commas(own)
        else:
            self.own = self.commas = 0
        self.own_links = self.own if link else 0
        self.sub_text = self.sub_links = self.sub_prose = 0  # that of nested blocks
        self.text = self.links = self.prose = self.paragraphs = self.articles = 0
        self.value = self.score = self.article_value = 0.0
        self.blocks = False

    def add_tail(self, tail: str) -> None:
        length = len(tail.strip())
        if length:
            self.own += length
            if self.in_link:
                self.own_links += length
            self.commas += tail.count(",") if tail.isascii() else _commas(tail)


class Measures:
    """The :class:`Stats` of every element the pass reached (the visible ones)."""

    __slots__ = ("hinted", "of")

    def __init__(self) -> None:
        self.of: dict[Element, Stats] = {}
        #: Elements that may be the article's markup (``article``, ``main``, a role,
        #: ``itemprop``, a class), in document order: a superset, narrowed by the search.
        self.hinted: list[Element] = []

    def __contains__(self, el: Element) -> bool:
        return el in self.of

    def text(self, el: Element) -> int:
        stats = self.of.get(el)
        return stats.text if stats else 0

    def prose(self, el: Element) -> int:
        stats = self.of.get(el)
        return stats.prose if stats else 0

    def value(self, el: Element) -> float:
        stats = self.of.get(el)
        return stats.value if stats else 0.0

    def link_density(self, el: Element) -> float:
        """The share of the element's text that is link text (0 when it has none)."""
        stats = self.of.get(el)
        return stats.links / stats.text if stats and stats.text else 0.0

    def contains(self, outer: Element, inner: Element) -> bool:
        """``inner`` is ``outer`` or inside it (both measured)."""
        a, b = self.of.get(outer), self.of.get(inner)
        return a is not None and b is not None and a.first <= b.first and b.last <= a.last

    def has_blocks(self, el: Element) -> bool:
        stats = self.of.get(el)
        return stats.blocks if stats else False


def measure(root: Element) -> Measures:
    """Measure ``root`` and everything visible under it, in one iterative pass."""
    found = Measures()
    of = found.of
    stack: list[Stats] = []
    skipped: Element | None = None
    order = 0
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        if event == "start":
            tag = el.tag
            named = bool(el.keys())  # most elements have no attributes: no name to read
            if el is not root and (
                not isinstance(tag, str) or tag in NOT_TEXT or (named and is_hidden(el))
            ):
                walker.skip_subtree()
                skipped = el
                continue
            order += 1
            if stack:
                up = stack[-1]
                stats = Stats(
                    el,
                    order,
                    up.furniture or tag in PAGE_FURNITURE,
                    up.region or (named and region_chrome(el)),
                    up.in_link or tag == "a",
                )
            else:
                stats = Stats(el, order, False, False, tag == "a")
            of[el] = stats
            stack.append(stats)
            if named or tag == "article" or tag == "main":
                found.hinted.append(el)
            continue
        if skipped is not None and el is skipped:
            skipped = None
            tail = el.tail
            if tail and stack:
                stack[-1].add_tail(tail)
            continue
        _close(el, stack.pop(), stack, order)
    return found


def _close(el: Element, s: Stats, stack: list[Stats], order: int) -> None:
    """Finish one element's counts and hand them to its parent."""
    s.last = order
    tag = el.tag
    block = s.blocks or tag in BLOCKISH or not stack
    own_prose = 0 if s.furniture else s.own - s.own_links
    if block and own_prose >= MIN_PARAGRAPH:
        worth = 1.0 + s.commas + min(own_prose / 100, 3.0)
        s.value += worth
        s.paragraphs += 1
        shares = _DECAY
        if tag not in _PARAGRAPHS:  # loose text: the wrapper itself holds it
            s.score += worth
            shares = _DECAY[1:]
        for up, share in zip(reversed(stack), shares, strict=False):
            up.score += worth * share
    s.text = s.sub_text + s.own
    s.links = s.sub_links + s.own_links
    s.prose = s.sub_prose + own_prose
    if not stack:
        return
    parent = stack[-1]
    if block or (s.furniture and not parent.furniture):
        parent.blocks = parent.blocks or block
        parent.sub_text += s.text
        parent.sub_links += s.links
        parent.sub_prose += s.prose
    else:  # inline: its text is part of the enclosing block's own text
        parent.own += s.own
        parent.own_links += s.own_links
        parent.commas += s.commas
        parent.sub_text += s.sub_text
        parent.sub_links += s.sub_links
        parent.sub_prose += s.sub_prose
    parent.value += s.value
    parent.paragraphs += s.paragraphs
    if tag == "article":
        parent.articles += 1
        parent.article_value += s.value
    elif s.articles:
        parent.articles += s.articles
        parent.article_value += s.article_value
    tail = el.tail
    if tail:
        parent.add_tail(tail)
