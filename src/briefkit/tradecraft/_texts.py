"""The texts of a brief a check reads, each with where it is.

Checked: paragraphs, list items' lead-ins and bodies, table captions and cells, and figure
alt texts and captions, of every section but the sources; a note's text (a citation, not a
judgement) is read for everything but estimative language.
Headings and the summary are read only for a stated confidence level. Quoted passages are
someone else's words and are left alone, and so is the title (a headline, not a judgement).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..model import (
    Block,
    Brief,
    Figure,
    Inline,
    ItemList,
    Paragraph,
    SectionKind,
    Table,
    block_inlines,
    notes_in,
    plain_text,
)
from ._findings import Location, Part
from ._match import fold

__all__ = ["Piece", "pieces", "place"]


@dataclass(frozen=True, slots=True)
class Piece:
    """One text of the brief: where it is, as written, and folded for matching."""

    section: int
    kind: SectionKind
    block: int | None
    item: int | None
    part: Part
    text: str
    low: str
    estimative: bool
    """Whether estimative language is checked here (not in sources, not in headings)."""

    def at(self, start: int | None = None, end: int | None = None) -> Location:
        """The location of ``start:end`` in this text (a finding is made from it)."""
        return Location(
            section=self.section,
            kind=self.kind,
            block=self.block,
            item=self.item,
            part=self.part,
            start=start,
            end=end,
        )


def pieces(brief: Brief) -> Iterator[Piece]:
    """Every checked text of ``brief`` in reading order (headings included)."""
    for si, section in enumerate(brief.sections):
        kind = section.kind
        judged = kind is not SectionKind.SOURCES
        if section.heading:
            yield Piece(
                si, kind, None, None, "heading", section.heading, fold(section.heading), False
            )
        for bi, block in enumerate(section.blocks):
            if isinstance(block, Paragraph):
                text = block.text
                yield Piece(si, kind, bi, None, "text", text, fold(text), judged)
            elif isinstance(block, ItemList):
                for ii, item in enumerate(block.items):
                    if item.lead:
                        lead = item.lead
                        yield Piece(si, kind, bi, ii, "lead", lead, fold(lead), judged)
                    text = item.text
                    yield Piece(si, kind, bi, ii, "text", text, fold(text), judged)
            elif isinstance(block, Table):
                runs = [block.caption, *(c.content for r in block.rows for c in r.cells)]
                for ii, content in enumerate(runs):  # item 0 the caption, then cells in order
                    text = plain_text(content)
                    if text:
                        part: Part = "caption" if ii == 0 else "cell"
                        yield Piece(si, kind, bi, ii, part, text, fold(text), judged)
            elif isinstance(block, Figure):
                if block.alt:
                    alt = block.alt
                    yield Piece(si, kind, bi, None, "alt", alt, fold(alt), judged)
                text = plain_text(block.caption)
                if text:
                    yield Piece(si, kind, bi, None, "caption", text, fold(text), judged)
            yield from _notes(si, kind, bi, block)


def _notes(si: int, kind: SectionKind, bi: int, block: Block) -> Iterator[Piece]:
    """The notes of a block, numbered in reading order (``item`` is the note's number)."""
    runs: list[tuple[Inline, ...]] = list(block_inlines(block))
    notes = [note for content in runs for note in notes_in(content)]
    for ni, note in enumerate(notes):
        text = plain_text(note.children)
        if text:
            yield Piece(si, kind, bi, ni, "note", text, fold(text), False)


def place(brief: Brief, where: Location) -> str:
    """A short human label of a location, ``evidence:2`` or ``judgement:1``.

    The section is named by its kind, numbered (``analysis.2``) only when the brief has more
    than one of that kind. The number after the colon counts the section's paragraphs, quotes
    and list items in reading order from 1; ``-`` when the finding is about the whole
    section. The brief's marking is ``marking:-`` and a finding about the whole brief
    ``brief:-``.
    """
    if where.part == "marking":
        return "marking:-"
    if where.section is None or where.section >= len(brief.sections):
        return "brief:-"
    section = brief.sections[where.section]
    same = [i for i, s in enumerate(brief.sections) if s.kind is section.kind]
    name = section.kind.value + (f".{same.index(where.section) + 1}" if len(same) > 1 else "")
    if where.block is None:
        return f"{name}:-"
    number = 0
    for block in section.blocks[: where.block]:
        number += len(block.items) if isinstance(block, ItemList) else 1
    number += (where.item or 0) + 1
    return f"{name}:{number}"
