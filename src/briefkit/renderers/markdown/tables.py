"""Markdown for tables, figures and footnotes, as ``parse_markdown`` reads them back.

- A table is a GFM pipe table: its first header row is the header line (an empty one when
  the table has none), alignment goes into the delimiter row, every ``|`` in a cell is
  escaped, and the caption follows as a ``Table: ...`` paragraph. More than one header row
  needs the front matter hint ``header_rows``.
- A figure is a paragraph of one image, ``![alt](src)``, and its caption a ``Figure: ...``
  paragraph after it (visible in any Markdown viewer, unlike an image title). A size needs
  the hint ``figure_sizes``.
- A note is ``[^N]``, numbered in reading order, with its definition ``[^N]: ...`` at the
  end of the document.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from ...model import Brief, Figure, Inline, Note, Table

__all__ = ["figure_md", "hints", "note_definitions", "table_md"]

InlineMd = Callable[[tuple[Inline, ...]], str]
_DELIMITER = {None: "---", "left": ":--", "center": ":-:", "right": "--:"}


def _row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def table_md(table: Table, inline: InlineMd) -> list[str]:
    """The table and, if it has one, its caption paragraph."""
    rows = list(table.rows)
    width = table.width
    first = rows.pop(0) if rows and rows[0].header else None

    def cell(content: tuple[Inline, ...]) -> str:
        return inline(content).replace("|", "\\|")

    header = [cell(c.content) for c in first.cells] if first is not None else [""] * width
    align = [a.value if a else None for a in table.align] + [None] * (width - len(table.align))
    lines = [_row(header), _row([_DELIMITER[a] for a in align])]
    lines.extend(_row([cell(c.content) for c in row.cells]) for row in rows)
    parts = ["\n".join(lines)]
    if table.caption:
        parts.append("Table: " + inline(table.caption))
    return parts


def figure_md(figure: Figure, alt: str, destination: str, inline: InlineMd) -> list[str]:
    """``![alt](src)`` and, if it has one, the caption paragraph (``alt`` already escaped,
    ``destination`` written)."""
    parts = [f"![{alt}]({destination})"]
    if figure.caption:
        parts.append("Figure: " + inline(figure.caption))
    return parts


def note_definitions(notes: Sequence[Note], inline: Callable[[tuple[Inline, ...]], str]) -> str:
    """``[^N]: content`` for every note, one per paragraph."""
    return "\n\n".join(f"[^{n}]: {inline(note.children)}" for n, note in enumerate(notes, 1))


def hints(brief: Brief) -> dict[str, Any]:
    """Front matter for what Markdown has no syntax for (empty when nothing needs it)."""
    tables = [b for s in brief.sections for b in s.blocks if isinstance(b, Table)]
    figures = [b for s in brief.sections for b in s.blocks if isinstance(b, Figure)]
    out: dict[str, Any] = {}
    counts = [sum(1 for r in t.rows if r.header) for t in tables]
    if any(c > 1 for c in counts):
        out["header_rows"] = counts
    if any(f.width or f.height for f in figures):
        out["figure_sizes"] = [[f.width, f.height] for f in figures]
    return out
