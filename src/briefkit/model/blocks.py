"""The model's blocks (paragraphs, quotes, lists, tables, figures) and the section that
holds them."""

from __future__ import annotations

from collections.abc import Iterator
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import Field, model_validator

from ..limits import MAX_TABLE_CELLS, MAX_TABLE_COLUMNS
from .inline import Inline, Inlines, Line, OptionalLine, Src, _Frozen, _InlineBlock, plain_text


class SectionKind(StrEnum):
    """What a section does in the brief, whatever its heading says."""

    JUDGEMENT = "judgement"
    OVERVIEW = "overview"
    BACKGROUND = "background"
    ANALYSIS = "analysis"
    EVIDENCE = "evidence"
    IMPLICATIONS = "implications"
    OUTLOOK = "outlook"
    RECOMMENDATIONS = "recommendations"
    SOURCES = "sources"
    OTHER = "other"


# --- blocks -----------------------------------------------------------------------------


class Paragraph(_InlineBlock):
    """A paragraph of inline content."""

    type: Literal["paragraph"] = "paragraph"


class Quote(_InlineBlock):
    """A quoted passage."""

    type: Literal["quote"] = "quote"


class Item(_Frozen):
    """A list item: an optional bold lead-in (without its colon) and a body."""

    lead: Line = ""
    body: Inlines = ()

    @property
    def text(self) -> str:
        """The plain text of the body (without the lead-in)."""
        return plain_text(self.body)


class ItemList(_Frozen):
    """A numbered (``ordered``) or bulleted list of items."""

    type: Literal["list"] = "list"
    ordered: bool = True
    items: tuple[Item, ...] = ()


class Alignment(StrEnum):
    """How a table column's text is aligned, where the source says so."""

    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"


class Cell(_InlineBlock):
    """One table cell: inline content (a spanning cell is flattened: see :class:`Table`)."""


class Row(_Frozen):
    """A table row; ``header`` rows label the columns below them."""

    cells: tuple[Cell, ...] = ()
    header: bool = False


class Table(_Frozen):
    """A table: an optional caption, rows of cells, and column alignment where known.

    Canonical form, so every format reads back the same table: rows are padded with empty
    cells to the widest row; only a leading run of rows can be header rows, and a header
    row with no text is an ordinary row; ``align`` has no trailing ``None`` and no more
    entries than columns. A cell spanning several columns or rows is its content in the
    first position and empty cells in the others. At most ``MAX_TABLE_CELLS`` cells and
    ``MAX_TABLE_COLUMNS`` columns, and at least one cell.
    """

    type: Literal["table"] = "table"
    caption: Inlines = ()
    rows: tuple[Row, ...]
    align: tuple[Alignment | None, ...] = ()

    @model_validator(mode="after")
    def _canonical(self) -> Table:
        width = max((len(r.cells) for r in self.rows), default=0)
        if width == 0:
            raise ValueError("a table needs at least one cell")
        if width > MAX_TABLE_COLUMNS:
            raise ValueError(f"a table has {width} columns, more than {MAX_TABLE_COLUMNS}")
        if width * len(self.rows) > MAX_TABLE_CELLS:
            raise ValueError(
                f"a table has {width * len(self.rows)} cells, more than {MAX_TABLE_CELLS} "
                "(MAX_TABLE_CELLS)"
            )
        rows: list[Row] = []
        heading = True
        for row in self.rows:
            heading = heading and row.header
            header = heading and any(c.content for c in row.cells)
            heading = heading and header
            cells = row.cells
            if len(cells) < width:
                cells = (*cells, *(_EMPTY_CELL,) * (width - len(cells)))
            if cells is not row.cells or header is not row.header:
                row = Row(cells=cells, header=header)
            rows.append(row)
        align = self.align[:width]
        while align and align[-1] is None:
            align = align[:-1]
        object.__setattr__(self, "rows", tuple(rows))
        object.__setattr__(self, "align", align)
        return self

    @property
    def width(self) -> int:
        """The number of columns."""
        return len(self.rows[0].cells)

    @property
    def text(self) -> str:
        """The cells' text, a row per line, cells separated by `` | ``."""
        return "\n".join(" | ".join(c.text for c in r.cells) for r in self.rows)


class Figure(_Frozen):
    """An image with its alternative text and an optional caption.

    ``src`` is an http(s) URL, a relative path or a ``data:image/...;base64`` URI; renderers
    never fetch it unless the caller allows (see the rendering guide). ``width`` and
    ``height`` are the intended size in CSS pixels, where the source gives one.
    """

    type: Literal["figure"] = "figure"
    src: Src
    alt: Line = ""
    caption: Inlines = ()
    width: int | None = Field(default=None, ge=1, le=100_000)
    height: int | None = Field(default=None, ge=1, le=100_000)

    @property
    def text(self) -> str:
        """The alternative text and the caption's text."""
        return " ".join(t for t in (self.alt, plain_text(self.caption)) if t)


Block = Annotated[Paragraph | ItemList | Quote | Table | Figure, Field(discriminator="type")]


def block_inlines(block: Block) -> Iterator[tuple[Inline, ...]]:
    """Every run of inline content a block holds, in reading order: a paragraph's or
    quote's content, each item's body, a table's caption then its cells row by row, a
    figure's caption. (Item lead-ins and alt text are plain lines, not inline content.)"""
    if isinstance(block, ItemList):
        yield from (item.body for item in block.items)
    elif isinstance(block, Table):
        yield block.caption
        yield from (cell.content for row in block.rows for cell in row.cells)
    elif isinstance(block, Figure):
        yield block.caption
    else:
        yield block.content


class Section(_Frozen):
    """A run of blocks under one heading; ``heading`` is as written, without its colon."""

    kind: SectionKind = SectionKind.OTHER
    heading: OptionalLine = None
    blocks: tuple[Block, ...] = ()

    @property
    def items(self) -> tuple[Item, ...]:
        """Every list item of the section, in order."""
        return tuple(i for b in self.blocks if isinstance(b, ItemList) for i in b.items)

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        return tuple(b for b in self.blocks if isinstance(b, Paragraph))

    @property
    def text(self) -> str:
        """Plain text of the section's blocks, one per line (items as 'Lead: body')."""
        lines: list[str] = []
        for block in self.blocks:
            if isinstance(block, ItemList):
                lines.extend(f"{i.lead}: {i.text}" if i.lead else i.text for i in block.items)
            else:
                lines.append(block.text)
        return "\n".join(lines)


_EMPTY_CELL = Cell()
