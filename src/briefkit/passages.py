"""The passages of a brief: every piece of its text with a path saying where it stands.

The analysers that read a brief's prose (indicators in :mod:`briefkit.ioc`, places and
organisations in :mod:`briefkit.entities`) report each find with the passage's path and a
character span in its text, so a caller can point at it, highlight it or quote it. Keeping
the walk here, beside the model and below both analysers, gives them one idea of where a
piece of text is.

Paths name the model's fields: ``title``, ``summary``, ``sections[2].heading``,
``sections[0].blocks[1]`` (a paragraph or quote), ``sections[1].blocks[0].items[3].lead``
and ``...items[3].body``, a table's ``...blocks[2].caption`` and ``...blocks[2].rows[1].cells[0]``,
a figure's ``...blocks[3].alt`` and ``...blocks[3].caption``. A note's text is not part of
the text it annotates: it is a passage of its own, ``...blocks[1].notes[0]`` (the notes of
a passage numbered in reading order). Offsets count characters of the passage's plain
text.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .model import Brief, Figure, Inline, ItemList, Table, notes_in, plain_text

__all__ = ["Passage", "passages"]


@dataclass(frozen=True, slots=True)
class Passage:
    """One piece of a brief's text: where it is, the section it belongs to, its text."""

    path: str
    section: str | None
    """The heading of the section it is in (None for the title, the summary and headless
    sections)."""
    text: str
    nodes: tuple[Inline, ...] | None = None
    """The inline content the text comes from (None for plain-string fields)."""


def passages(brief: Brief) -> Iterator[Passage]:
    """Every non-empty passage of ``brief`` in reading order (metadata but the summary and
    the navigation are not passages: they are not the brief's prose)."""
    yield Passage("title", None, brief.title)
    if brief.summary:
        yield Passage("summary", None, brief.summary)
    for i, section in enumerate(brief.sections):
        where = f"sections[{i}]"
        heading = section.heading
        if heading:
            yield Passage(f"{where}.heading", heading, heading)
        for j, block in enumerate(section.blocks):
            at = f"{where}.blocks[{j}]"
            if isinstance(block, ItemList):
                for k, item in enumerate(block.items):
                    path = f"{at}.items[{k}]"
                    if item.lead:
                        yield Passage(f"{path}.lead", heading, item.lead)
                    yield from _inline(f"{path}.body", heading, item.body)
            elif isinstance(block, Table):
                yield from _inline(f"{at}.caption", heading, block.caption)
                for r, row in enumerate(block.rows):
                    for c, cell in enumerate(row.cells):
                        yield from _inline(f"{at}.rows[{r}].cells[{c}]", heading, cell.content)
            elif isinstance(block, Figure):
                if block.alt:
                    yield Passage(f"{at}.alt", heading, block.alt)
                yield from _inline(f"{at}.caption", heading, block.caption)
            else:
                yield from _inline(at, heading, block.content)


def _inline(path: str, heading: str | None, nodes: tuple[Inline, ...]) -> Iterator[Passage]:
    """The passage of inline content, then one per note it holds."""
    text = plain_text(nodes)
    if text:
        yield Passage(path, heading, text, nodes)
    for n, note in enumerate(notes_in(nodes)):
        note_text = plain_text(note.children)
        if note_text:
            yield Passage(f"{path}.notes[{n}]", heading, note_text, note.children)
