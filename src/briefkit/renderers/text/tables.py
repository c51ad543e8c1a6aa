"""Plain text for tables, figures and notes.

- Inline content is its text, with a note as ``[N]`` (numbered in reading order).
- A table is a ``Table: caption`` line over pipe-bordered columns padded to their widest
  cell (East Asian wide characters count twice), header rows above a ``|---|`` rule,
  right-aligned and centred columns as their alignment says.
- A figure is ``[Figure: alt — caption]``.
- The notes are a ``Notes:`` section of ``[N] text`` paragraphs.

Tables and figures stay text when read back: ``parse_text`` keeps their lines as
paragraphs (plain text has no table a reader could tell from prose).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable

from ...model import Alignment, Figure, Inline, Note, Table, Text

__all__ = ["NOTES_HEADING", "figure_text", "inline_text", "notes_lines", "table_lines"]

#: The heading of the notes list.
NOTES_HEADING = "Notes"


def inline_text(nodes: Iterable[Inline], notes: list[Note]) -> str:
    """The text of ``nodes`` with each note as ``[N]``, appending the notes to ``notes``."""
    out: list[str] = []
    stack: list[Inline] = list(reversed(tuple(nodes)))
    while stack:
        node = stack.pop()
        if isinstance(node, Text):
            out.append(node.text)
        elif isinstance(node, Note):
            notes.append(node)
            out.append(f"[{len(notes)}]")
        else:
            stack.extend(reversed(node.children))
    return "".join(out)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int, align: Alignment | None) -> str:
    space = width - _width(text)
    if align is Alignment.RIGHT:
        return " " * space + text
    if align is Alignment.CENTER:
        return " " * (space // 2) + text + " " * (space - space // 2)
    return text + " " * space


def table_lines(
    table: Table, notes: list[Note], escape: Callable[[str], str] = lambda line: line
) -> list[str]:
    """The table as lines of text (a caption line first when it has one, passed through
    ``escape`` so it cannot read back as a heading)."""
    lines: list[str] = []
    if table.caption:
        lines.append(escape("Table: " + inline_text(table.caption, notes)))
    cells = [[inline_text(c.content, notes) for c in row.cells] for row in table.rows]
    widths = [max(1, *(_width(row[k]) for row in cells)) for k in range(table.width)]
    align = list(table.align) + [None] * (table.width - len(table.align))
    for k, (row, texts) in enumerate(zip(table.rows, cells, strict=True)):
        padded = (_pad(t, w, a) for t, w, a in zip(texts, widths, align, strict=True))
        lines.append("| " + " | ".join(padded) + " |")
        following = table.rows[k + 1] if k + 1 < len(table.rows) else None
        if row.header and (following is None or not following.header):
            lines.append(
                "|" + "|".join(_rule(w, a) for w, a in zip(widths, align, strict=True)) + "|"
            )
    return lines


def _rule(width: int, align: Alignment | None) -> str:
    """The rule under the header of one column: ``:`` where the column's text is aligned."""
    left = ":" if align is Alignment.CENTER else "-"
    right = ":" if align in (Alignment.RIGHT, Alignment.CENTER) else "-"
    return left + "-" * width + right


def figure_text(figure: Figure, notes: list[Note]) -> str:
    """``[Figure: alt — caption]`` (either part may be missing)."""
    parts = [p for p in (figure.alt, inline_text(figure.caption, notes)) if p]
    return "[Figure: " + " — ".join(parts) + "]" if parts else "[Figure]"


def notes_lines(notes: list[Note], escape: Callable[[str], str]) -> list[str]:
    """The ``Notes:`` section: a blank line, the heading, then ``[N] text`` paragraphs
    (``escape`` guards a line that would read back as structure, "[1] :")."""
    if not notes:
        return []
    lines = ["", f"{NOTES_HEADING}:"]
    for number, note in enumerate(notes, 1):
        lines += ["", escape(f"[{number}] {inline_text(note.children, [])}")]
    return lines
