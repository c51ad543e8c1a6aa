"""Word tables and pictures as the DOCX reader sees them.

A ``w:tbl`` is a data table unless it lays out the page (a single cell, cells holding
headings, lists, nested tables or many paragraphs: those are read through as before).
Rows marked ``w:tblHeader`` are header rows; a cell spanning columns (``w:gridSpan``) or
rows (``w:vMerge``) is its content in the first position and empty cells in the others;
a column's alignment is its cells' ``w:jc``. Every table briefkit wrote is data.

A picture (``w:drawing`` with an ``a:blip``) becomes a figure whose ``src`` is a ``data:``
URI of the embedded bytes (within ``MAX_IMAGE_BYTES``, and only bytes that are an accepted
image), its alt text ``wp:docPr/@descr`` and its size the extent at 96 dpi; briefkit's own
documents keep the original ``src`` and size in their hint. A picture that cannot be read
keeps its alt text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ...images import data_uri, sniff
from ...limits import MAX_IMAGE_BYTES, MAX_TABLE_COLUMNS
from ...model import Alignment, Block, Figure, Inline
from ...syntax import ooxml as ox
from ...syntax import runs
from ..media import check_table_size, make_figure, make_table

if TYPE_CHECKING:
    from .body import Para, Reader
    from .package import Package

__all__ = ["Media", "Picture", "picture_of", "picture_source", "read_table"]

_W = ox.NS
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_JC = {"left": "left", "start": "left", "center": "center", "right": "right", "end": "right"}
_LAYOUT_PARAGRAPHS = 4


@dataclass
class Picture:
    """A picture met in a run: its relationship, alt text and extent in EMU."""

    rid: str
    alt: str
    cx: int
    cy: int


def picture_of(drawing: Any) -> Picture | None:
    """The picture a ``w:drawing`` holds, or None (a chart, a shape without an image)."""
    blip = next(drawing.iter(f"{{{_A}}}blip"), None)
    doc_pr = next(drawing.iter(f"{{{_WP}}}docPr"), None)
    extent = next(drawing.iter(f"{{{_WP}}}extent"), None)
    alt = (
        " ".join(str(doc_pr.get("descr") or doc_pr.get("title") or "").split())
        if doc_pr is not None
        else ""
    )
    rid = blip.get(f"{{{ox.R_NS}}}embed") if blip is not None else None
    if not rid:
        return Picture("", alt, 0, 0) if alt else None

    def emu(name: str) -> int:
        value = extent.get(name) if extent is not None else None
        return int(value) if value and value.isdigit() else 0

    return Picture(rid, alt, emu("cx"), emu("cy"))


def picture_source(
    picture: Picture, package: Package, rels: dict[str, tuple[str, str, bool]]
) -> str | None:
    """A ``data:`` URI of the picture's bytes, or None when they cannot be used."""
    rel = rels.get(picture.rid)
    if rel is None or rel[2]:
        return None  # missing, or a linked (external) image: never fetched
    name = rel[1]
    if package.sizes.get(name, MAX_IMAGE_BYTES + 1) > MAX_IMAGE_BYTES:
        return None
    data = package.read(name)
    info = sniff(data) if data else None
    if data is None or info is None:
        return None
    return data_uri(data, info)


def _is_layout(tbl: Any, reader: Reader) -> bool:
    rows = tbl.findall("w:tr", _W)
    cells = [tc for tr in rows for tc in tr.findall("w:tc", _W)]
    if len(cells) <= 1:
        return True  # a box around text
    for tc in cells:
        if tc.find(".//w:tbl", _W) is not None:
            return True
        paragraphs = tc.findall(".//w:p", _W)
        if len(paragraphs) > _LAYOUT_PARAGRAPHS:
            return True
        for p in paragraphs:
            role = reader.paragraph(p).role
            if role in ("heading", "list", "title"):
                return True
    return False


def _cell_segs(
    tc: Any, reader: Reader, bookmarks: list[tuple[str, bool]]
) -> tuple[list[runs.Seg], str | None]:
    """A cell's text segments (paragraphs joined by a space) and its alignment."""
    segs: list[runs.Seg] = []
    align: str | None = None
    for index, p in enumerate(tc.iter(ox.w("p"))):
        para = reader.paragraph(p)
        bookmarks.extend(para.bookmarks)
        if index == 0:
            jc = p.find("w:pPr/w:jc", _W)
            align = _JC.get(str(jc.get(ox.w("val")))) if jc is not None else None
        if para.segs and segs:
            segs.append(runs.Seg(" "))
        segs.extend(para.segs)
    return segs, align


def _span(tc: Any) -> int:
    span = tc.find("w:tcPr/w:gridSpan", _W)
    value = span.get(ox.w("val")) if span is not None else None
    return min(max(int(value), 1), MAX_TABLE_COLUMNS) if value and value.isdigit() else 1


def read_table(tbl: Any, reader: Reader, para_type: type[Para]) -> Para | None:
    """A ``table`` record for a data table, or None (layout: read its paragraphs instead)."""
    trs = tbl.findall("w:tr", _W)
    check_table_size(len(trs), max((len(tr.findall("w:tc", _W)) for tr in trs), default=0))
    if not reader.own and _is_layout(tbl, reader):
        return None
    bookmarks: list[tuple[str, bool]] = []
    for mark in tbl.findall("w:bookmarkStart", _W):
        bookmarks.extend(reader._bookmark(mark))
    rows: list[tuple[bool, list[list[runs.Seg]]]] = []
    align: dict[int, str | None] = {}
    header_run = True
    for tr in trs:
        header = header_run and tr.find("w:trPr/w:tblHeader", _W) is not None
        header_run = header
        line: list[list[runs.Seg]] = []
        for tc in tr.findall("w:tc", _W):
            merge = tc.find("w:tcPr/w:vMerge", _W)
            continued = merge is not None and merge.get(ox.w("val")) in (None, "continue")
            segs, cell_align = ([], None) if continued else _cell_segs(tc, reader, bookmarks)
            column = len(line)
            if not continued and (column not in align or (align[column] is None and not header)):
                align[column] = cell_align
            line.append(segs)
            line.extend([] for _ in range(_span(tc) - 1))
            check_table_size(len(trs), len(line))
        rows.append((header, line))
    if not any(line for _, line in rows):
        return None
    columns = max(align, default=-1) + 1
    alignment = [Alignment(a) if (a := align.get(k)) else None for k in range(columns)]
    return para_type("table", [], bookmarks=bookmarks, rows=rows, align=alignment)


_EMU_PER_PX = 9525


class Media:
    """Builds the tables and figures of one document, in order, with its hint."""

    def __init__(
        self,
        package: Package,
        rels: dict[str, tuple[str, str, bool]],
        own: bool,
        hints: object,
    ) -> None:
        self.package = package
        self.rels = rels
        self.own = own
        self.hints = [h for h in hints if isinstance(h, dict)] if isinstance(hints, list) else []
        self.index = 0
        self.last: Any = None
        self.expect = False

    def table(
        self,
        para: Para,
        caption: tuple[Inline, ...],
        inlines: Callable[[list[runs.Seg]], tuple[Inline, ...]],
    ) -> Block:
        rows = [(header, [inlines(segs) for segs in line]) for header, line in para.rows]
        table = make_table(rows, caption=caption, align=para.align)
        assert table is not None  # read_table only returns tables with cells
        self.last = None
        return table

    def figures(self, para: Para) -> list[Block]:
        if self.own and para.role == "figure" and self.index < len(self.hints):
            entry = self.hints[self.index]
            self.index += 1
            self.expect = bool(entry.get("caption"))
            picture = para.pictures[0] if para.pictures else None
            src = entry.get("src")
            if not isinstance(src, str) and picture is not None:
                src = self._own_data(picture, str(entry.get("data", "")))
            alt = entry.get("alt")
            if not isinstance(alt, str):
                alt = picture.alt if picture is not None else para.text
            width, height = entry.get("width"), entry.get("height")
            return make_figure(
                src if isinstance(src, str) else None,
                alt,
                width=width if isinstance(width, int) else None,
                height=height if isinstance(height, int) else None,
            )
        self.expect = True
        blocks: list[Block] = []
        for picture in para.pictures:
            src = picture_source(picture, self.package, self.rels) if picture.rid else None
            width = round(picture.cx / _EMU_PER_PX) or None
            height = round(picture.cy / _EMU_PER_PX) or None
            blocks.extend(make_figure(src, picture.alt, width=width, height=height))
        if para.role == "figure" and not para.pictures and para.text:
            blocks.extend(make_figure(None, para.text))
        return blocks

    def _own_data(self, picture: Picture, media_type: str) -> str | None:
        """The data: URI briefkit embedded, with the media type it was written with."""
        source = picture_source(picture, self.package, self.rels)
        if source is None or not media_type.startswith("image/"):
            return source
        return f"data:{media_type};base64,{source.split(',', 1)[1]}"

    def placed(self, block: Any) -> None:
        self.last = block if isinstance(block, Figure) else None

    def wants_caption(self, block: Any) -> bool:
        return block is not None and block is self.last and self.expect and not block.caption

    def captioned(self) -> None:
        self.last = None
