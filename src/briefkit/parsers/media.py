"""Tables and figures as every parser builds them, within the limits and safety rules.

A parser hands over rows of inline content and an image's attributes; this module turns
them into model blocks. A table beyond ``MAX_TABLE_CELLS`` or ``MAX_TABLE_COLUMNS`` is a
:class:`~briefkit.LimitError` naming where it is; a figure whose image the model refuses
(an unsafe scheme, a ``data:`` URI that is no accepted image or too large) keeps its alt
text and caption as paragraphs, as an unsafe link keeps its text.
"""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import ValidationError

from ..errors import LimitError
from ..limits import MAX_TABLE_CELLS, MAX_TABLE_COLUMNS
from ..model import (
    Alignment,
    Block,
    Cell,
    Figure,
    Inline,
    Paragraph,
    Row,
    Table,
    Text,
    normalize_inlines,
)

__all__ = ["check_table_size", "make_figure", "make_table", "size"]


def check_table_size(
    rows: int, columns: int, *, line: int | None = None, where: str | None = None
) -> None:
    """LimitError when a table of ``rows`` x ``columns`` is beyond the limits."""
    if columns > MAX_TABLE_COLUMNS:
        raise LimitError(
            f"a table has {columns} columns, more than MAX_TABLE_COLUMNS ({MAX_TABLE_COLUMNS})",
            line=line,
            element=where,
        )
    if rows * columns > MAX_TABLE_CELLS:
        raise LimitError(
            f"a table has {rows * columns} cells, more than MAX_TABLE_CELLS ({MAX_TABLE_CELLS})",
            line=line,
            element=where,
        )


def make_table(
    rows: Sequence[tuple[bool, Sequence[tuple[Inline, ...]]]],
    *,
    caption: tuple[Inline, ...] = (),
    align: Sequence[Alignment | None] = (),
    line: int | None = None,
    where: str | None = None,
) -> Table | None:
    """A table from ``(header, cells)`` rows; None when it has no cell at all."""
    width = max((len(cells) for _, cells in rows), default=0)
    if width == 0:
        return None
    check_table_size(len(rows), width, line=line, where=where)
    return Table(
        caption=caption,
        rows=tuple(
            Row(header=header, cells=tuple(Cell(content=c) for c in cells))
            for header, cells in rows
        ),
        align=tuple(align),
    )


def make_figure(
    src: str | None,
    alt: str,
    caption: tuple[Inline, ...] = (),
    *,
    width: int | None = None,
    height: int | None = None,
) -> list[Block]:
    """A figure, or its alt text and caption as paragraphs when its image is refused."""
    if src:
        try:
            return [Figure(src=src, alt=alt, caption=caption, width=width, height=height)]
        except ValidationError:
            pass
    blocks: list[Block] = []
    if alt.strip():
        blocks.append(Paragraph(content=(Text(text=alt),)))
    caption = normalize_inlines(caption)
    if caption:
        blocks.append(Paragraph(content=caption))
    return blocks


def size(value: str | None) -> int | None:
    """A width or height attribute as whole pixels (``"640"``, ``"640px"``), else None."""
    if not value:
        return None
    text = value.strip().lower().removesuffix("px").strip()
    if not text.isdigit() or len(text) > 6:
        return None
    number = int(text)
    return number if 1 <= number <= 100_000 else None
