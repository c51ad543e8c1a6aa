"""HTML tables and figures: ``<table>``, ``<figure>``/``<img>``/``<figcaption>``, bare images.

A data table becomes a :class:`~briefkit.Table`: header rows from ``<thead>`` (or a leading
run of rows made only of ``<th>``), cells from ``<th>``/``<td>``, a spanning cell flattened
honestly (its content in the first position, empty cells in the others, so columns stay
aligned), alignment from ``align-*`` classes, ``align`` or ``text-align``. A table used for
page layout (cells holding headings, lists or several paragraphs, nested tables,
``role=presentation``) is not data: the block walk reads through it as before.

An image becomes a :class:`~briefkit.Figure` with its alt text and caption; lazy-loading
pages keep the real address in ``data-src``. Tracking pixels (1x1) are not content.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ...limits import MAX_TABLE_COLUMNS
from ...model import Alignment, Block, Inline, Table
from ..media import check_table_size, make_figure, make_table, size
from .dom import Element, classes, plain, tag_of

__all__ = [
    "figure_image",
    "image_blocks",
    "is_data_table",
    "read_figure",
    "read_image",
    "read_table",
    "source",
]

Convert = Callable[[Element], tuple[Inline, ...]]
Resolve = Callable[[str | None], str | None]

_LAYOUT = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "blockquote", "table", "dl"})
_ROLES = frozenset({"presentation", "none"})
_TEXT_ALIGN = re.compile(r"text-align\s*:\s*(left|center|right)", re.IGNORECASE)
_PLACEHOLDER = re.compile(r"data:image/(gif|png);base64,.{0,200}$", re.IGNORECASE | re.DOTALL)
_MAX_SPAN = 1000


def _rows(table: Element) -> list[tuple[Element, bool]]:
    """``(tr, in thead)`` in reading order: thead, body rows, then tfoot."""
    head: list[tuple[Element, bool]] = []
    body: list[tuple[Element, bool]] = []
    foot: list[tuple[Element, bool]] = []
    for child in table:
        tag = tag_of(child)
        if tag == "tr":
            body.append((child, False))
        elif tag in ("thead", "tbody", "tfoot"):
            group = {"thead": head, "tbody": body, "tfoot": foot}[tag]
            group.extend((tr, tag == "thead") for tr in child if tag_of(tr) == "tr")
    return head + body + foot


def _cells(tr: Element) -> list[Element]:
    return [c for c in tr if tag_of(c) in ("td", "th")]


_GROUPS = frozenset({"thead", "tbody", "tfoot"})
#: What a table may hold outside its cells and still be read as a grid.
_TABLE_PARTS = _GROUPS | {"tr", "caption", "colgroup", "col"}


def _stray(el: Element) -> bool:
    """Text or an element a grid has no place for, outside the cells: such a table is read
    through like a layout table, so that text is kept."""
    if el.text and not el.text.isspace():
        return True
    parts = ("td", "th") if tag_of(el) == "tr" else _TABLE_PARTS
    for child in el:
        if child.tail and not child.tail.isspace():
            return True
        tag = tag_of(child)
        if not tag:
            continue  # a comment or processing instruction
        if tag not in parts or (tag in _GROUPS | {"tr"} and _stray(child)):
            return True
    return False


def is_data_table(table: Element) -> bool:
    """True unless the table only lays out the page (see the module docstring) or holds
    text outside its cells."""
    if str(table.get("role", "")).lower() in _ROLES:
        return False
    rows = _rows(table)
    if not rows or _stray(table):
        return False
    for tr, _ in rows:
        for cell in _cells(tr):
            paragraphs = 0
            for el in cell.iterdescendants():
                tag = tag_of(el)
                if tag in _LAYOUT:
                    return False
                if tag in ("p", "div"):
                    paragraphs += 1
            if paragraphs > 1:
                return False
    return True


def _alignment(cell: Element) -> Alignment | None:
    for name in classes(cell):
        if name.startswith("align-") and name[6:] in ("left", "center", "right"):
            return Alignment(name[6:])
    value = str(cell.get("align", "")).strip().lower()
    if value in ("left", "center", "right"):
        return Alignment(value)
    match = _TEXT_ALIGN.search(cell.get("style") or "")
    return Alignment(match.group(1).lower()) if match else None


def _span(cell: Element, name: str) -> int:
    value = str(cell.get(name, "1")).strip()
    return min(max(int(value), 1), _MAX_SPAN) if value.isdigit() else 1


def read_table(table: Element, convert: Convert, caption: tuple[Inline, ...] = ()) -> Table | None:
    """The table, spans flattened; None when it holds no cell (LimitError past the limits).

    A span is at most as wide as the row with the most cells (``colspan=100`` in a table of
    three-cell rows spans three columns), and a span reaching past the last column any cell
    starts in adds no column.
    """
    where = str(table.getroottree().getpath(table))
    rows = _rows(table)
    check_table_size(len(rows), max((len(_cells(tr)) for tr, _ in rows), default=0), where=where)
    grid = _grid(rows, where)
    width = max((k + 1 for line in grid for k, el in enumerate(line) if el is not None), default=0)
    header_run = True
    built: list[tuple[bool, list[tuple[Inline, ...]]]] = []
    align: dict[int, Alignment | None] = {}
    for (tr, in_head), line in zip(rows, grid, strict=True):
        cells = _cells(tr)
        header = in_head or (header_run and bool(cells) and all(tag_of(c) == "th" for c in cells))
        header_run = header_run and header
        for column, el in enumerate(line[:width]):
            if el is not None and (column not in align or (align[column] is None and not header)):
                align[column] = _alignment(el)
        built.append((header, [convert(c) if c is not None else () for c in line[:width]]))
    caption_el = next((c for c in table if tag_of(c) == "caption"), None)
    if caption_el is not None:
        caption = convert(caption_el)
    columns = max(align, default=-1) + 1
    return make_table(
        built, caption=caption, align=[align.get(k) for k in range(columns)], where=where
    )


def _grid(rows: list[tuple[Element, bool]], where: str) -> list[list[Element | None]]:
    """Each row's cells by column: the cell where it starts, None where a span covers."""
    widest = max((len(_cells(tr)) for tr, _ in rows), default=1)
    grid: list[list[Element | None]] = []
    pending: dict[int, int] = {}  # column -> rows a rowspan still covers
    for tr, _ in rows:
        line: list[Element | None] = []
        for cell in _cells(tr):
            while pending.get(len(line)):
                pending[len(line)] -= 1
                line.append(None)
            if len(line) >= MAX_TABLE_COLUMNS:
                check_table_size(len(rows), len(line) + 1, where=where)
            down = _span(cell, "rowspan")
            line.append(cell)
            if down > 1:
                pending[len(line) - 1] = down - 1
            for _ in range(min(_span(cell, "colspan"), widest, MAX_TABLE_COLUMNS) - 1):
                line.append(None)
                if down > 1:
                    pending[len(line) - 1] = down - 1
        for column in [c for c, left in pending.items() if left and c >= len(line)]:
            pending[column] -= 1
        grid.append(line)
    return grid


def figure_image(figure: Element) -> Element | None:
    """The first ``<img>`` of a ``<figure>`` (inside ``<picture>`` too)."""
    return next(figure.iter("img"), None)


def source(img: Element, resolve: Resolve) -> str | None:
    """The image's address made absolute like a link; a ``data:`` image as it is (the
    model judges it). Lazy-loading pages keep the real address in ``data-src``."""
    src = img.get("src")
    lazy = img.get("data-src") or img.get("data-image") or img.get("data-lazy-src")
    if lazy and (not src or _PLACEHOLDER.match(src.strip())):
        src = lazy
    if src is None:
        return None
    src = src.strip()
    if src[:5].lower() == "data:":
        return src
    return resolve(src)


def is_pixel(img: Element) -> bool:
    """A tracking pixel or spacer: declared 1 pixel (or less) wide or high."""
    return any((size(img.get(name)) or 2) <= 1 for name in ("width", "height")) or any(
        str(img.get(name, "")).strip() == "0" for name in ("width", "height")
    )


def read_image(
    img: Element, resolve: Resolve, caption: tuple[Inline, ...] = (), *, pixels: bool = False
) -> list[Block]:
    """A figure from an ``<img>`` (its alt text and caption if the image is refused); a
    tracking pixel is nothing, unless ``pixels`` (briefkit's own markup) keeps it."""
    if not pixels and is_pixel(img):
        return []
    alt = " ".join(str(img.get("alt", "")).split())
    return make_figure(
        source(img, resolve),
        alt,
        caption,
        width=size(img.get("width")),
        height=size(img.get("height")),
    )


def read_figure(
    figure: Element, resolve: Resolve, convert: Convert, *, pixels: bool = False
) -> list[Block] | None:
    """The blocks a ``<figure>`` holds: an image or a table with the caption; None when
    it holds neither (a quotation in a figure is read as ordinary content)."""
    caption_el = next((c for c in figure if tag_of(c) == "figcaption"), None)
    caption = convert(caption_el) if caption_el is not None else ()
    img = figure_image(figure)
    if img is not None:
        hidden = caption_el is not None and caption_el.get("aria-hidden") == "true"
        alt = " ".join(str(img.get("alt", "")).split())
        if hidden and caption_el is not None and plain(caption_el) == alt:
            caption = ()  # pandoc repeats the alt text as a hidden caption
        return read_image(img, resolve, caption, pixels=pixels)
    table = next((t for t in figure.iter("table") if is_data_table(t)), None)
    if table is not None:
        read = read_table(table, convert, caption)
        return [read] if read is not None else []
    return None


def image_blocks(root: Element, resolve: Resolve, skip: Callable[[Element], bool]) -> list[Block]:
    """Figures for the images in ``root`` (an ``img``, a ``picture``, or a paragraph): not
    those inside elements that are not text (``noscript`` fallbacks) or that ``skip`` accepts,
    and not emoji drawn as images."""
    from .inline import NOT_TEXT

    blocks: list[Block] = []
    images = [root] if root.tag == "img" else list(root.iter("img"))
    for img in images:
        hidden = False
        for anc in img.iterancestors() if img is not root else ():
            if anc is root:
                break
            if (anc.tag in NOT_TEXT and anc.tag != "picture") or skip(anc):
                hidden = True
                break
        if hidden or not classes(img).isdisjoint({"emoji", "wp-smiley"}) or skip(img):
            continue
        blocks.extend(read_image(img, resolve))
    return blocks
