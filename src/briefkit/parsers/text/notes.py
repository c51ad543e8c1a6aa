"""Numbered notes in plain text: ``[1]`` markers and the list of notes at the end.

The shape ``render_text`` writes, and footnoted text copied from a page has: markers
``[1]``, ``[2]``, ... in the body, and a last section headed ``Notes`` (or Footnotes,
Endnotes, Sources, References) listing every note once, as ``[N] text`` paragraphs or a
numbered list. They become notes only when they match unambiguously: the list numbers
its entries 1, 2, 3 ... in order, and the body holds each marker exactly once, in that
order. Anything else stays text as it was written, so a bracketed number in prose or a
reading list nobody refers to is never taken for a note.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...model import Block, Inline, Item, ItemList, Note, Paragraph, Quote, Section, Text

__all__ = ["NOTES_HEADINGS", "attach_notes"]

#: Headings of a list of notes (compared case-insensitively).
NOTES_HEADINGS = frozenset({"notes", "footnotes", "endnotes", "sources", "references"})
_MARKER = re.compile(r"\[(\d{1,3})\]")
_ENTRY = re.compile(r"\[(\d{1,3})\]\s+(\S.*)", re.DOTALL)


def _entries(section: Section) -> list[str] | None:
    """The notes a section lists, in order, or None when it is not such a list."""
    out: list[str] = []
    for block in section.blocks:
        if isinstance(block, Paragraph):
            match = _ENTRY.fullmatch(block.text)
            if match is None or int(match.group(1)) != len(out) + 1:
                return None
            out.append(match.group(2))
        elif isinstance(block, ItemList) and block.ordered and not out:
            out.extend(f"{i.lead}: {i.text}" if i.lead else i.text for i in block.items)
        else:
            return None
    return out or None


def _runs(sections: tuple[Section, ...]) -> Iterator[tuple[Inline, ...]]:
    for section in sections:
        for block in section.blocks:
            if isinstance(block, ItemList):
                yield from (item.body for item in block.items)
            elif isinstance(block, (Paragraph, Quote)):
                yield block.content


def _with_notes(content: tuple[Inline, ...], notes: list[str]) -> tuple[Inline, ...]:
    out: list[Inline] = []
    for node in content:
        if not isinstance(node, Text):
            out.append(node)
            continue
        pos = 0
        for match in _MARKER.finditer(node.text):
            out.append(Text(text=node.text[pos : match.start()]))
            out.append(Note(children=(Text(text=notes[int(match.group(1)) - 1]),)))
            pos = match.end()
        out.append(Text(text=node.text[pos:]))
    return tuple(out)


def _block(block: Block, notes: list[str]) -> Block:
    if isinstance(block, ItemList):
        items = tuple(Item(lead=i.lead, body=_with_notes(i.body, notes)) for i in block.items)
        return ItemList(ordered=block.ordered, items=items)
    if isinstance(block, (Paragraph, Quote)):
        return type(block)(content=_with_notes(block.content, notes))
    return block


def attach_notes(sections: tuple[Section, ...]) -> tuple[Section, ...]:
    """``sections`` with their markers made notes and the list removed, when they match."""
    if not sections or (sections[-1].heading or "").casefold() not in NOTES_HEADINGS:
        return sections
    notes = _entries(sections[-1])
    body = sections[:-1]
    if notes is None:
        return sections
    found = [
        int(m.group(1)) for run in _runs(body) for node in run if isinstance(node, Text)
        for m in _MARKER.finditer(node.text)
    ]  # fmt: skip
    if found != list(range(1, len(notes) + 1)):
        return sections
    return tuple(
        s.model_copy(update={"blocks": tuple(_block(b, notes) for b in s.blocks)}) for s in body
    )
