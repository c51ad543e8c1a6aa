"""GFM pipe tables and figures in Markdown.

A pipe table's first row is its header row (a header row with no text means the table
has none: GFM cannot leave it out), its delimiter row gives column alignment, and a
paragraph right after it that starts with ``Table:`` (as written, not escaped) is its
caption, as pandoc writes one. A paragraph that is one image, ``![alt](src)``, is a
figure; a ``Figure:`` paragraph right after it is its caption (else the image's title is,
read as inline Markdown). What Markdown has no
syntax for comes from front matter hints the renderer writes only when needed:
``header_rows`` (header rows of each table) and ``figure_sizes`` (``[width, height]`` of
each figure).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from ...errors import ParseError
from ...model import Alignment, Block, Figure, Inline, Row, Table, Text, normalize_inlines
from ..media import make_figure, make_table
from .inline import alt_text, inlines

if TYPE_CHECKING:
    from markdown_it.token import Token

__all__ = ["CAPTION", "FIGURE_CAPTION", "apply_hints", "caption_of", "figure_of", "read_table"]

#: How a table's and a figure's caption paragraphs start.
CAPTION = "Table:"
FIGURE_CAPTION = "Figure:"
_ALIGN = {"text-align:left": "left", "text-align:center": "center", "text-align:right": "right"}


def read_table(
    tokens: Sequence[Token], line: int, children: Callable[[Token], list[Token]]
) -> Table | None:
    """The table between ``table_open`` and ``table_close`` (LimitError past the limits);
    ``children`` makes a cell's inline tokens."""
    rows: list[tuple[bool, list[tuple[Inline, ...]]]] = []
    align: list[Alignment | None] = []
    header = False
    cells: list[tuple[Inline, ...]] = []
    for tok in tokens:
        if tok.type == "thead_open":
            header = True
        elif tok.type == "tbody_open":
            header = False
        elif tok.type == "tr_open":
            cells = []
        elif tok.type == "tr_close":
            rows.append((header, cells))
        elif tok.type in ("th_open", "td_open") and header:
            style = str(tok.attrs.get("style", "")).replace(" ", "")
            value = _ALIGN.get(style)
            align.append(Alignment(value) if value else None)
        elif tok.type == "inline":
            cells.append(inlines(children(tok)))
    if rows and rows[0][0] and not any(rows[0][1]):
        rows = rows[1:]  # an empty header row stands for "no header row"
    return make_table(rows, align=align, line=line)


def caption_of(
    source: str, content: tuple[Inline, ...], label: str = CAPTION
) -> tuple[Inline, ...] | None:
    """The caption a paragraph right after a table (or figure) holds, or None."""
    if not source.startswith(label) or not content or not isinstance(content[0], Text):
        return None
    first = Text(text=content[0].text.removeprefix(label))
    return normalize_inlines((first, *content[1:]))


def figure_of(children: Sequence[Token]) -> list[Block] | None:
    """The figure a paragraph made of one image stands for, or None."""
    images = [t for t in children if t.type == "image"]
    others = [t for t in children if t.type != "image" and (t.type != "text" or t.content.strip())]
    if len(images) != 1 or any(t.type not in ("softbreak", "hardbreak") for t in others):
        return None
    image = images[0]
    src = str(image.attrs.get("src") or "")
    return make_figure(src, alt_text(image), image.meta.get("caption", ()))


def _positive(value: Any) -> int | None:
    """A size or count from front matter: a whole number the model accepts, else None."""
    if isinstance(value, int) and not isinstance(value, bool) and 0 < value <= 100_000:
        return value
    return None


def apply_hints(blocks: list[Block], front: dict[str, Any]) -> list[Block]:
    """``blocks`` with the front matter's ``header_rows`` and ``figure_sizes`` applied."""
    header_rows = front.get("header_rows")
    sizes = front.get("figure_sizes")
    if header_rows is None and sizes is None:
        return blocks
    tables = [k for k, b in enumerate(blocks) if isinstance(b, Table)]
    figures = [k for k, b in enumerate(blocks) if isinstance(b, Figure)]
    out = list(blocks)
    if header_rows is not None:
        if not isinstance(header_rows, list) or len(header_rows) != len(tables):
            raise ParseError(
                f"front matter 'header_rows' must list one number per table ({len(tables)})"
            )
        for k, count in zip(tables, header_rows, strict=True):
            table = out[k]
            assert isinstance(table, Table)
            n = _positive(count) or 0
            rows = tuple(Row(cells=r.cells, header=i < n) for i, r in enumerate(table.rows))
            out[k] = Table(caption=table.caption, rows=rows, align=table.align)
    if sizes is not None:
        if not isinstance(sizes, list) or len(sizes) != len(figures):
            raise ParseError(
                f"front matter 'figure_sizes' must list one [width, height] per figure "
                f"({len(figures)})"
            )
        for k, pair in zip(figures, sizes, strict=True):
            figure = out[k]
            assert isinstance(figure, Figure)
            width, height = pair if isinstance(pair, list) and len(pair) == 2 else (None, None)
            out[k] = figure.model_copy(
                update={"width": _positive(width), "height": _positive(height)}
            )
    return out
