"""One measuring pass over a page: text and link lengths, and where the prose gathers.

Every question the content search and the chrome rules ask ("how much text is in here, how
much of it is links, is this where the paragraphs are?") is answered from numbers this pass
records for each element, so no subtree is walked twice, however deeply the page nests
elements that carry hints (issue: one walk per nesting level made 250 nested ``share``
boxes cost 70 times the steps of the plain page).

A *paragraph* is a block element's own text (its inline content, not that of nested
blocks) of at least :data:`MIN_PARAGRAPH` characters outside page furniture. Its value
grows with its length and its commas, as prose does and menus do not, and goes to the
blocks around it, fully to its parent and less to each block further up: so the block
scoring highest is the one whose children are the article's paragraphs, not the page
around them. ``value`` is the same sum without that decay (all the prose inside).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from ._html_chrome import is_hidden, is_page_furniture
from ._html_dom import Element
from ._html_inline import BLOCKISH, NOT_TEXT

__all__ = ["MIN_PARAGRAPH", "Measures", "measure"]

#: Shortest own text of a block that counts as a paragraph of prose.
MIN_PARAGRAPH = 25
#: Share of a paragraph's value credited to its parent, grandparent, ...
_DECAY: tuple[float, ...] = (1.0, 0.5, 0.3, 0.2, 0.15)
#: Blocks that are one paragraph each (credited to their parent); the loose text of any
#: other block is a paragraph of that block itself.
_PARAGRAPHS = frozenset(
    {"p", "pre", "li", "dd", "dt", "blockquote", "td", "th", "figcaption", "caption", "address"}
    | {"h1", "h2", "h3", "h4", "h5", "h6", "summary"}
)
_COMMAS = (",", "，", "、", "،")


@dataclass(slots=True)
class Measures:
    """Per element the pass reached (every visible one): ``text`` and ``links``, the
    lengths of its visible text and of the part inside links; ``prose``, its text outside
    links and furniture; ``value``, the worth of the paragraphs in it; ``score``, the
    decayed worth (highest where paragraphs are children); ``paragraphs``, their number."""

    text: dict[Element, int] = field(default_factory=dict)
    links: dict[Element, int] = field(default_factory=dict)
    prose: dict[Element, int] = field(default_factory=dict)
    value: dict[Element, float] = field(default_factory=dict)
    score: dict[Element, float] = field(default_factory=dict)
    paragraphs: dict[Element, int] = field(default_factory=dict)

    def link_density(self, el: Element) -> float:
        """The share of the element's text that is link text (0 when it has none)."""
        size = self.text.get(el, 0)
        return self.links.get(el, 0) / size if size else 0.0


def _commas(text: str) -> int:
    return sum(text.count(c) for c in _COMMAS)


class _Open:
    """An element the pass is inside of, with what it has counted so far: ``own`` is its
    inline text (its text, its inline children's and their tails), ``sub_*`` that of the
    blocks nested in it."""

    __slots__ = (
        "block",
        "commas",
        "el",
        "furniture",
        "in_link",
        "own",
        "own_links",
        "paragraphs",
        "sub_links",
        "sub_prose",
        "sub_text",
        "sub_value",
    )

    def __init__(self, el: Element, furniture: bool, in_link: bool) -> None:
        self.el = el
        self.furniture = furniture
        self.in_link = in_link
        own = el.text
        self.own = len(own.strip()) if own else 0
        self.own_links = self.own if in_link else 0
        self.commas = _commas(own) if own else 0
        self.sub_text = 0
        self.sub_links = 0
        self.sub_prose = 0
        self.sub_value = 0.0
        self.paragraphs = 0
        self.block = False  # has block children

    def add_tail(self, tail: str | None) -> None:
        if tail:
            length = len(tail.strip())
            self.own += length
            if self.in_link:
                self.own_links += length
            self.commas += _commas(tail)


def measure(root: Element) -> Measures:
    """Measure ``root`` and everything visible under it, in one iterative pass."""
    found = Measures()
    text, links, prose_of = found.text, found.links, found.prose
    value, score, paras = found.value, found.score, found.paragraphs
    stack: list[_Open] = []
    skipped: Element | None = None
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        if event == "start":
            tag = el.tag
            if el is not root and (not isinstance(tag, str) or tag in NOT_TEXT or is_hidden(el)):
                walker.skip_subtree()
                skipped = el
            elif stack:
                up = stack[-1]
                furniture = up.furniture or is_page_furniture(el)
                stack.append(_Open(el, furniture, up.in_link or tag == "a"))
            else:
                stack.append(_Open(el, False, tag == "a"))
            continue
        if skipped is not None and el is skipped:
            skipped = None
            if stack:
                stack[-1].add_tail(el.tail)
            continue
        frame = stack.pop()
        block = frame.block or el.tag in BLOCKISH or not stack
        own_prose = 0 if frame.furniture else frame.own - frame.own_links
        if block and own_prose >= MIN_PARAGRAPH:
            worth = 1.0 + frame.commas + min(own_prose / 100, 3.0)
            frame.sub_value += worth
            frame.paragraphs += 1
            shares = _DECAY
            if el.tag not in _PARAGRAPHS:  # loose text: the wrapper itself holds it
                score[el] = score.get(el, 0.0) + worth
                shares = _DECAY[1:]
            for up, share in zip(reversed(stack), shares, strict=False):
                score[up.el] = score.get(up.el, 0.0) + worth * share
        text[el] = frame.sub_text + frame.own
        links[el] = frame.sub_links + frame.own_links
        prose_of[el] = frame.sub_prose + own_prose
        value[el] = frame.sub_value
        paras[el] = frame.paragraphs
        if not stack:
            continue
        parent = stack[-1]
        if block or (frame.furniture and not parent.furniture):
            parent.block = parent.block or block
            parent.sub_text += text[el]
            parent.sub_links += links[el]
            parent.sub_prose += prose_of[el]
        else:  # inline: its text is part of the enclosing block's own text
            parent.own += frame.own
            parent.own_links += frame.own_links
            parent.commas += frame.commas
            parent.sub_text += frame.sub_text
            parent.sub_links += frame.sub_links
            parent.sub_prose += frame.sub_prose
        parent.sub_value += frame.sub_value
        parent.paragraphs += frame.paragraphs
        parent.add_tail(el.tail)
    return found
