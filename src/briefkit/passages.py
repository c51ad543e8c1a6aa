"""The passages of a brief: every piece of its text with a path saying where it stands.

The analysers that read a brief's prose (indicators in :mod:`briefkit.ioc`, places and
organisations in :mod:`briefkit.entities`) report each find with the passage's path and a
character span in its text, so a caller can point at it, highlight it or quote it. Keeping
the walk here, beside the model and below both analysers, gives them one idea of where a
piece of text is.

Paths name the model's fields: ``title``, ``summary``, ``sections[2].heading``,
``sections[0].blocks[1]`` (a paragraph or quote), ``sections[1].blocks[0].items[3].lead``
and ``...items[3].body``. Offsets count characters of the passage's plain text.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .model import Brief, Inline, ItemList

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
            if isinstance(block, ItemList):
                for k, item in enumerate(block.items):
                    path = f"{where}.blocks[{j}].items[{k}]"
                    if item.lead:
                        yield Passage(f"{path}.lead", heading, item.lead)
                    if item.body:
                        yield Passage(f"{path}.body", heading, item.text, item.body)
            elif block.content:
                yield Passage(f"{where}.blocks[{j}]", heading, block.text, block.content)
