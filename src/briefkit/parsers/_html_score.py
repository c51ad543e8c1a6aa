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

from ._html_chrome import is_hidden, is_page_furniture, region_chrome
from ._html_dom import Element
from ._html_inline import BLOCKISH, NOT_TEXT

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
    if text.isascii():
        return text.count(",")
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
        self.own = len(own.strip()) if own else 0  # inline text, its children's included
        self.own_links = self.own if link else 0
        self.commas = _commas(own) if own else 0
        self.sub_text = self.sub_links = self.sub_prose = 0  # that of nested blocks
        self.text = self.links = self.prose = self.paragraphs = self.articles = 0
        self.value = self.score = self.article_value = 0.0
        self.blocks = False

    def add_tail(self, tail: str | None) -> None:
        if tail:
            length = len(tail.strip())
            self.own += length
            if self.in_link:
                self.own_links += length
            self.commas += _commas(tail)


class Measures:
    """The :class:`Stats` of every element the pass reached (the visible ones)."""

    __slots__ = ("of",)

    def __init__(self) -> None:
        self.of: dict[Element, Stats] = {}

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
    stack: list[tuple[Element, Stats]] = []
    skipped: Element | None = None
    order = 0
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        if event == "start":
            tag = el.tag
            if el is not root and (not isinstance(tag, str) or tag in NOT_TEXT or is_hidden(el)):
                walker.skip_subtree()
                skipped = el
                continue
            order += 1
            if stack:
                up = stack[-1][1]
                furniture = up.furniture or is_page_furniture(el)
                region = up.region or region_chrome(el)
                stats = Stats(el, order, furniture, region, up.in_link or tag == "a")
            else:
                stats = Stats(el, order, False, False, tag == "a")
            of[el] = stats
            stack.append((el, stats))
            continue
        if skipped is not None and el is skipped:
            skipped = None
            if stack:
                stack[-1][1].add_tail(el.tail)
            continue
        stack.pop()
        _close(el, of[el], stack, order)
    return found


def _close(el: Element, s: Stats, stack: list[tuple[Element, Stats]], order: int) -> None:
    """Finish one element's counts and hand them to its parent."""
    s.last = order
    block = s.blocks or el.tag in BLOCKISH or not stack
    own_prose = 0 if s.furniture else s.own - s.own_links
    if block and own_prose >= MIN_PARAGRAPH:
        worth = 1.0 + s.commas + min(own_prose / 100, 3.0)
        s.value += worth
        s.paragraphs += 1
        shares = _DECAY
        if el.tag not in _PARAGRAPHS:  # loose text: the wrapper itself holds it
            s.score += worth
            shares = _DECAY[1:]
        for (_up, up), share in zip(reversed(stack), shares, strict=False):
            up.score += worth * share
    s.text = s.sub_text + s.own
    s.links = s.sub_links + s.own_links
    s.prose = s.sub_prose + own_prose
    if not stack:
        return
    parent = stack[-1][1]
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
    if el.tag == "article":
        parent.articles += 1
        parent.article_value += s.value
    else:
        parent.articles += s.articles
        parent.article_value += s.article_value
    parent.add_tail(el.tail)
