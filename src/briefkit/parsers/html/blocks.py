"""The content area of a page as a flat run of blocks: headings, paragraphs, lists, quotes.

Pages nest their text in any number of wrappers (``div``, ``section``, tables used for
layout); this walk flattens them in document order, without recursion. Text sitting loose
in a wrapper becomes a paragraph of its own, so nothing between two blocks is lost. What the
blocks mean (which paragraph is a heading, which bold text a lead-in) is decided afterwards,
in :mod:`.structure`. Every block, item and run of loose text is spent from a
:class:`~.dom.Budget` as it is read (inline content spends its own).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from lxml import etree

from ...model import Block, Inline, Note, plain_text
from .dom import Budget, Element, tag_of
from .inline import BLOCKISH, BREAK, NOT_TEXT, Break, Raw, convert_inline, finish
from .tables import image_blocks, is_data_table, read_figure, read_table

__all__ = [
    "BlockEvent",
    "Event",
    "HeadingEvent",
    "ListEvent",
    "ParaEvent",
    "block_holders",
    "walk_blocks",
]

_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
#: Elements read as one paragraph each.
_LEAVES = frozenset({"p", "pre", "address", "dt", "dd", "figcaption", "caption", "summary", "li"})
_LISTS = frozenset({"ul", "ol", "menu"})
#: Lines longer than this (in characters, spaces included) are never interface lines.
_LINE_MAX = 80
_NOT_LI = NOT_TEXT | {""}


@dataclass(slots=True)
class HeadingEvent:
    level: int
    parts: list[Raw]


@dataclass(slots=True)
class ParaEvent:
    parts: list[Raw]
    quote: bool = False


@dataclass(slots=True)
class ListEvent:
    ordered: bool
    items: list[list[Raw]] = field(default_factory=list)


@dataclass(slots=True)
class BlockEvent:
    """Finished blocks (tables, figures): no heading or lead-in rule applies to them."""

    blocks: list[Block]


Event = HeadingEvent | ParaEvent | ListEvent | BlockEvent


def block_holders(root: Element) -> Callable[[Element], bool]:
    """Whether an element under ``root`` holds block elements, from one bottom-up pass
    (asking each element's subtree in turn would cost a walk per nesting level)."""
    holders: set[Element] = set()
    walker = etree.iterwalk(root, events=("end",))
    for _event, el in walker:
        if el is root:
            break
        parent = el.getparent()
        if parent is not None and (el.tag in BLOCKISH or el in holders):
            holders.add(parent)
    return holders.__contains__


def _has_text(parts: list[Raw]) -> bool:
    return any(not isinstance(p, (str, Break)) or (isinstance(p, str) and p.strip()) for p in parts)


class _Walk:
    def __init__(
        self,
        links: Callable[[str | None], str | None],
        skip: Callable[[Element], bool],
        drop_line: Callable[[str], bool],
        has_blocks: Callable[[Element], bool],
        budget: Budget,
        notes: Callable[[Element], Note | None] | None = None,
    ) -> None:
        self.budget = budget
        self.links = links
        self.skip = skip
        self.drop_line = drop_line
        self.has_blocks = has_blocks
        self.notes = notes
        self.events: list[Event] = []
        self.run: list[Raw] = []
        self.quote_depth = 0
        self.table_depth = 0

    def flush(self, el: Element) -> None:
        """End the run of loose text (at ``el``): a paragraph, unless it is empty or chrome."""
        if self.keep(self.run):
            self.budget.spend(1, el)
            self.events.append(ParaEvent(self.run, quote=self.quote_depth > 0))
        self.run = []

    def loose(self, text: str, el: Element) -> None:
        """Text outside any block element (``el``'s text or tail): part of the run. Only
        text is spent: the white space between a pretty-printed page's blocks makes no part."""
        if not text.isspace():
            self.budget.spend(1, el)
        self.run.append(text)

    def descend(self, el: Element) -> None:
        """Enter a wrapper: what came before is a paragraph, its own text starts the next."""
        self.flush(el)
        if el.text:
            self.loose(el.text, el)

    def inline(
        self, el: Element, *, include_root: bool = False, stop: frozenset[str] = frozenset()
    ) -> list[Raw]:
        return convert_inline(
            el,
            links=self.links,
            skip=self.skip,
            include_root=include_root,
            stop=stop,
            notes=self.notes,
            budget=self.budget,
        )

    def leaf(self, el: Element, tag: str) -> None:
        self.flush(el)
        parts = self.inline(el)
        # no text, or an interface line: only the paragraph's images stay
        if self.keep(parts):
            self.budget.spend(1, el)
            if tag in _HEADINGS and self.quote_depth == 0:
                self.events.append(HeadingEvent(_HEADINGS[tag], parts))
            else:
                self.events.append(ParaEvent(parts, quote=self.quote_depth > 0))
        if tag == "p":
            self.block(image_blocks(el, self.links, self.skip), el)

    def content(self, el: Element) -> tuple[Inline, ...]:
        """An element's inline content, finished (a table cell, a caption)."""
        return finish(self.inline(el))

    def block(self, blocks: list[Block], el: Element) -> None:
        """Blocks read whole at ``el`` (a table, a figure, images): each is a part spent."""
        if blocks:
            self.flush(el)
            self.budget.spend(len(blocks), el)
            self.events.append(BlockEvent(blocks))

    def keep(self, parts: list[Raw]) -> bool:
        """Text to keep: not empty, and not an interface line (table cells always are kept)."""
        if not _has_text(parts):
            return False
        if self.table_depth > 0 or _longer_than(parts, _LINE_MAX):
            return True  # interface lines are short: long text needs no closer look
        return not self.drop_line(_plain(parts))

    def _plain_list(self, el: Element) -> bool:
        if el.text and not el.text.isspace():
            return False
        for li in el:
            if li.tag != "li" or (li.tail and not li.tail.isspace()) or self.has_blocks(li):
                return False
        return True

    def items(self, el: Element) -> None:
        """A list's items in order; text outside any ``li`` (directly in the list, or in
        other elements in it) becomes an item of its own, so it is not lost."""
        self.flush(el)
        event = ListEvent(ordered=tag_of(el) == "ol")
        loose: list[Raw] = []
        self.budget.spend(1, el)

        def add(parts: list[Raw], where: Element) -> None:
            if self.keep(parts):
                self.budget.spend(1, where)
                event.items.append(parts)

        if self._plain_list(el):  # the usual list: items of inline text, nothing between
            for li in el:
                if not self.skip(li):
                    add(self.inline(li, stop=_LISTS), li)
            if event.items:
                self.events.append(event)
            return

        inside: list[bool] = []  # per open element: inside an item (its text is taken)
        walker = etree.iterwalk(el, events=("start", "end"))
        for kind, node in walker:
            tag = tag_of(node)
            if kind == "end":
                if node is el:
                    break
                inside.pop()
                if node.tail and not (inside and inside[-1]):
                    if not node.tail.isspace():
                        self.budget.spend(1, node)
                    loose.append(node.tail)
                continue
            in_item = bool(inside and inside[-1])
            if node is not el and (tag in _NOT_LI or self.skip(node)):
                walker.skip_subtree()
                inside.append(in_item)
            elif tag == "li":
                add(loose, node)
                loose = []
                add(self.inline(node, stop=_LISTS), node)
                inside.append(True)
                if not self.has_blocks(node):
                    walker.skip_subtree()  # no nested list to look for
            elif tag in _LISTS or (not in_item and self.has_blocks(node)):
                inside.append(False)  # read its items; its own text is loose
                if node.text and not in_item:
                    if not node.text.isspace():
                        self.budget.spend(1, node)
                    loose.append(node.text)
            elif in_item:
                inside.append(True)  # looking for nested lists only
            else:
                loose.extend(self.inline(node, include_root=True))
                walker.skip_subtree()
                inside.append(False)
        add(loose, el)
        if event.items:
            self.events.append(event)


def _longer_than(parts: list[Raw], limit: int) -> bool:
    size = 0
    for part in parts:
        if isinstance(part, str):
            size += len(part)
        elif not isinstance(part, Break):
            size += len(part.text)
        if size > limit:
            return True
    return False


def _plain(parts: list[Raw]) -> str:
    return " ".join(plain_text(finish(parts)).split())


def walk_blocks(
    root: Element,
    *,
    links: Callable[[str | None], str | None],
    skip: Callable[[Element], bool] = lambda el: False,
    drop_line: Callable[[str], bool] = lambda text: False,
    has_blocks: Callable[[Element], bool] | None = None,
    notes: Callable[[Element], Note | None] | None = None,
    budget: Budget | None = None,
) -> list[Event]:
    """The blocks inside ``root``, in document order; ``skip`` leaves out subtrees and
    ``drop_line`` paragraphs, headings and items by their whole text (chrome).
    ``has_blocks`` says which elements hold blocks (measured here when not given);
    ``notes`` turns footnote references into notes (see :mod:`.notes`); the parts read are
    spent from ``budget`` (a LimitError past it; a fresh one when not given).
    """
    budget = Budget() if budget is None else budget
    walk = _Walk(links, skip, drop_line, has_blocks or block_holders(root), budget, notes)
    if tag_of(root) in _LISTS:  # a list given alone is read as a list
        walk.items(root)
        return walk.events
    descended: set[Element] = set()
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        tag = el.tag
        if not isinstance(tag, str):  # (tag_of, inlined: this runs for every node)
            tag = ""
        if el is root:
            if event == "start" and el.text:
                walk.loose(el.text, el)
            continue
        if event == "end":
            if el in descended:
                walk.flush(el)
                if tag == "blockquote":
                    walk.quote_depth -= 1
                elif tag == "table":
                    walk.table_depth -= 1
            if el.tail:
                walk.loose(el.tail, el)
            continue
        if not tag or skip(el):
            walker.skip_subtree()
        elif tag in ("img", "picture"):
            walk.block(image_blocks(el, links, skip), el)
            walker.skip_subtree()
        elif tag in NOT_TEXT:
            walker.skip_subtree()
        elif tag == "table" and is_data_table(el):
            table = read_table(el, walk.content)
            walk.block([table] if table is not None else [], el)
            walker.skip_subtree()
        elif tag == "figure" and (figure := read_figure(el, links, walk.content)) is not None:
            walk.block(figure, el)
            walker.skip_subtree()
        elif tag in _HEADINGS or tag in _LEAVES:
            if tag in ("p", "li", "dd", "dt") and walk.has_blocks(el):
                walk.descend(el)  # a wrapper in disguise: read its blocks one by one
                descended.add(el)
            else:
                walk.leaf(el, tag)
                walker.skip_subtree()
        elif tag in _LISTS:
            walk.items(el)
            walker.skip_subtree()
        elif tag == "br":
            if walk.run and _ends_with_break(walk.run):
                walk.flush(el)  # two line breaks in loose text separate paragraphs
            else:
                walk.run.append(BREAK)
        elif tag == "hr":
            walk.flush(el)
        elif tag in BLOCKISH or walk.has_blocks(el):
            if tag == "blockquote":
                walk.flush(el)
                walk.quote_depth += 1
            elif tag == "table":
                walk.flush(el)
                walk.table_depth += 1
            walk.descend(el)
            descended.add(el)
        else:
            walk.run.extend(walk.inline(el, include_root=True))
            walker.skip_subtree()
    walk.flush(root)
    return walk.events


def _ends_with_break(run: list[Raw]) -> bool:
    for part in reversed(run):
        if isinstance(part, Break):
            return True
        if not isinstance(part, str) or part.strip():
            return False
    return False
