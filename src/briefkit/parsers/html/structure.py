"""From a page's flat blocks to sections: which text is a heading, which bold text a lead-in.

Pages write headings in many ways: ``h2``-``h6`` (often wrapping a ``strong``), a paragraph
that is nothing but bold text ending in a colon, a bold label followed by a line break, or a
known label at the start of a paragraph (``<strong>Overview:</strong> The ...``). The last
shape is the riskiest, so it only counts for labels of the shared heading vocabulary; the
explicit shapes accept any label and file unknown ones under ``other``.
"""

from __future__ import annotations

from collections.abc import Sequence

from ...model import (
    Block,
    Inline,
    Item,
    ItemList,
    Paragraph,
    Quote,
    Section,
    SectionKind,
    Strong,
    normalize_inlines,
    plain_text,
)
from ...model import Text as TextNode
from ...syntax.headings import classify_heading, split_inline_heading
from .blocks import BlockEvent, Event, HeadingEvent, ListEvent, ParaEvent
from .inline import Break, Raw, finish

__all__ = ["build_sections", "item_from"]


def _clean(parts: Sequence[Raw]) -> tuple[Inline, ...]:
    return normalize_inlines(finish(parts))


def _label(text: str) -> str:
    return text.strip().rstrip(":").strip()


def heading_only(nodes: Sequence[Inline]) -> str | None:
    """The heading a paragraph stands for, else None.

    Bold text ending in a colon is a heading whatever it says; without the colon only a
    vocabulary label counts ("<p><b>Key Judgements</b></p>"), as does a vocabulary label
    with its colon in any formatting ("<p><em>Analysis:</em></p>", "<p>Outlook:</p>").
    """
    if not nodes:
        return None
    whole = plain_text(nodes).strip()
    if whole.endswith(":") and classify_heading(whole):
        return _label(whole)
    if not isinstance(nodes[0], Strong):
        return None
    if any(not isinstance(n, TextNode) or n.text.strip() not in ("", ":") for n in nodes[1:]):
        return None
    text = plain_text(nodes).strip()
    label = _label(text)
    if not label:
        return None
    if text.endswith(":") or classify_heading(label):
        return label
    return None


def inline_heading(nodes: Sequence[Inline]) -> tuple[str, tuple[Inline, ...]] | None:
    """``(label, rest)`` when a paragraph opens with a vocabulary label and a colon."""
    if not nodes:
        return None
    first, rest = nodes[0], tuple(nodes[1:])
    if isinstance(first, Strong):
        text = first.text.strip()
        if text.endswith(":") and classify_heading(text):
            return _label(text), normalize_inlines(rest)
        if classify_heading(text) and rest and isinstance(rest[0], TextNode):
            after = rest[0].text.lstrip()
            if after.startswith(":"):
                return text, normalize_inlines((TextNode(text=after[1:]), *rest[1:]))
        return None
    if isinstance(first, TextNode):
        split = split_inline_heading(first.text)
        if split:
            label, remainder = split
            return label, normalize_inlines((TextNode(text=remainder), *rest))
    return None


def item_from(parts: Sequence[Raw]) -> Item | None:
    """A list item; a leading bold run is its lead-in, stored without its colon."""
    nodes = _clean(parts)
    if not nodes:
        return None
    first = nodes[0]
    if isinstance(first, Strong):
        lead = first.text.strip()
        rest = list(nodes[1:])
        if rest and isinstance(rest[0], TextNode) and rest[0].text.lstrip().startswith(":"):
            rest[0] = TextNode(text=rest[0].text.lstrip()[1:])
            lead += ":"
        if lead.endswith(":") or (rest and plain_text(rest).strip()):
            label = _label(lead)
            if label:
                return Item(lead=label, body=tuple(rest))
    return Item(body=nodes)


class _Sections:
    def __init__(self) -> None:
        self.sections: list[Section] = []
        self.kind = SectionKind.OTHER
        self.heading: str | None = None
        self.blocks: list[Block] = []
        self.open = False

    def close(self) -> None:
        if self.open or self.blocks:
            self.sections.append(Section(kind=self.kind, heading=self.heading, blocks=self.blocks))
        self.blocks = []

    def start(self, heading: str) -> None:
        self.close()
        self.heading = heading
        self.kind = classify_heading(heading) or SectionKind.OTHER
        self.open = True

    def add(self, block: Block) -> None:
        self.blocks.append(block)

    def paragraph(self, nodes: tuple[Inline, ...], quote: bool) -> None:
        if not nodes:
            return
        if quote:
            self.add(Quote(content=nodes))
            return
        label = heading_only(nodes)
        if label:
            self.start(label)
            return
        split = inline_heading(nodes)
        if split:
            self.start(split[0])
            nodes = split[1]
        if nodes:
            self.add(Paragraph(content=nodes))


def _lines(parts: list[Raw]) -> list[list[Raw]]:
    lines: list[list[Raw]] = [[]]
    for part in parts:
        if isinstance(part, Break):
            lines.append([])
        else:
            lines[-1].append(part)
    return lines


def _para(out: _Sections, event: ParaEvent) -> None:
    """A paragraph, split where a line of it is a heading ("<b>Implications:</b><br>...")."""
    lines = _lines(event.parts)
    if len(lines) == 1 or event.quote:
        out.paragraph(_clean(event.parts), event.quote)
        return
    pending: list[Raw] = []
    for line in lines:
        nodes = _clean(line)
        label = heading_only(nodes) if nodes else None
        if label:
            out.paragraph(_clean(pending), False)
            pending = []
            out.start(label)
        else:
            if pending:
                pending.append(" ")
            pending.extend(line)
    out.paragraph(_clean(pending), False)


def build_sections(events: Sequence[Event]) -> tuple[Section, ...]:
    """Sections from a page's blocks; blocks before the first heading form an unheaded one."""
    out = _Sections()
    for event in events:
        if isinstance(event, HeadingEvent):
            label = _label(plain_text(_clean(event.parts)))
            if label:
                out.start(label)
        elif isinstance(event, ParaEvent):
            _para(out, event)
        elif isinstance(event, ListEvent):
            items = [i for i in (item_from(p) for p in event.items) if i is not None]
            if items:
                out.add(ItemList(ordered=event.ordered, items=tuple(items)))
        elif isinstance(event, BlockEvent):
            for block in event.blocks:
                out.add(block)
    out.close()
    return tuple(out.sections)
