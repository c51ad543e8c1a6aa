"""Word tables and pictures for the DOCX renderer.

A table is a ``w:tbl`` across the text width: header rows carry ``w:tblHeader`` (Word and
LibreOffice repeat them on every page) and ``w:cantSplit``, header cells are shaded and in
the ``Brief Table Heading`` style, body cells in ``Brief Table Text``, an aligned column's
paragraphs carry ``w:jc``, and column widths follow the cells' text. The caption is a
``Caption`` paragraph above the table; an empty ``Brief Table End`` paragraph after it
gives the text below room (and keeps two tables in a row from merging into one).

A figure is a ``Brief Figure`` paragraph holding the picture inline (its bytes in
``word/media/``, its alt text in ``wp:docPr/@descr``) sized to its ``width``/``height`` or its
own pixels at 96 dpi, never wider than the text or taller than half the page; the caption
is a ``Caption`` paragraph below it. An image the sandbox does not give (see
``_figures``), or one Word cannot show (SVG, and WebP where Pillow is missing), leaves the
alt text in the figure paragraph instead, with an :class:`~briefkit.ImageWarning`.
"""

from __future__ import annotations

import io
import warnings
from typing import Any

from lxml import etree

from ...errors import ImageWarning
from ...model import Alignment, Figure, Table
from ...syntax import ooxml as ox
from .._figures import Picture

__all__ = [
    "Page",
    "figure_picture",
    "write_figure",
    "write_table",
]

_EMU_PER_PX = 9525  # CSS pixels at 96 dpi
_EMU_PER_TWIP = 635
_HEADER_FILL = "E8EEF5"
_JC = {Alignment.LEFT: "left", Alignment.CENTER: "center", Alignment.RIGHT: "right"}


class Page:
    """The text area of the document's last section, in twips."""

    def __init__(self, sect_pr: Any) -> None:
        size = sect_pr.find("w:pgSz", ox.NS)
        margins = sect_pr.find("w:pgMar", ox.NS)

        def value(el: Any, name: str, default: int) -> int:
            raw = el.get(ox.w(name)) if el is not None else None
            return int(raw) if raw and raw.lstrip("-").isdigit() else default

        self.width = (
            value(size, "w", 11906) - value(margins, "left", 1440) - value(margins, "right", 1440)
        )
        self.height = (
            value(size, "h", 16838) - value(margins, "top", 1440) - value(margins, "bottom", 1440)
        )
        self.width = max(self.width, 1440)
        self.height = max(self.height, 1440)


def _column_widths(table: Table, total: int) -> list[int]:
    """Widths in twips, in proportion to each column's longest text (within bounds)."""
    weights = []
    for k in range(table.width):
        longest = max(len(row.cells[k].text) for row in table.rows)
        weights.append(min(max(longest, 3), 40) + 4)
    scale = total / sum(weights)
    return [max(int(w * scale), 300) for w in weights]


def _sub(parent: etree._Element, tag: str, **attrs: str) -> etree._Element:
    el = etree.SubElement(parent, ox.w(tag))
    for name, value in attrs.items():
        el.set(ox.w(name), value)
    return el


def _table_properties(tbl: etree._Element, widths: list[int]) -> None:
    tbl_pr = _sub(tbl, "tblPr")
    _sub(tbl_pr, "tblW", w="5000", type="pct")
    borders = _sub(tbl_pr, "tblBorders")
    for side, size, colour in (("top", "8", "1F3864"), ("bottom", "8", "1F3864"),
                               ("insideH", "4", "BFBFBF")):  # fmt: skip
        _sub(borders, side, val="single", sz=size, space="0", color=colour)
    _sub(tbl_pr, "tblLayout", type="autofit")
    margins = _sub(tbl_pr, "tblCellMar")
    _sub(margins, "left", w="85", type="dxa")
    _sub(margins, "right", w="85", type="dxa")
    _sub(tbl_pr, "tblLook", val="0420")  # header row, no banding (the hex form: schema-valid)
    grid = _sub(tbl, "tblGrid")
    for width in widths:
        _sub(grid, "gridCol", w=str(width))


def write_table(writer: Any, table: Table) -> etree._Element:
    """Write ``table`` (caption first) where the writer is; return its first element.

    ``writer`` is the DOCX renderer's writer: ``para(key)``, ``place(el)``,
    ``inlines(p, nodes)``, ``ids`` and ``page``.
    """
    first = None
    if table.caption:
        first = writer.para("Caption")
        keep = etree.SubElement(first[0], ox.w("keepNext"))
        first[0].insert(1, keep)
        writer.inlines(first, table.caption)
    widths = _column_widths(table, writer.page.width)
    tbl = etree.Element(ox.w("tbl"))
    _table_properties(tbl, widths)
    align = list(table.align) + [None] * (table.width - len(table.align))
    for row in table.rows:
        tr = _sub(tbl, "tr")
        tr_pr = _sub(tr, "trPr")
        _sub(tr_pr, "cantSplit")
        if row.header:
            _sub(tr_pr, "tblHeader")
        for cell, width, alignment in zip(row.cells, widths, align, strict=True):
            tc = _sub(tr, "tc")
            tc_pr = _sub(tc, "tcPr")
            _sub(tc_pr, "tcW", w=str(width), type="dxa")
            if row.header:
                _sub(tc_pr, "shd", val="clear", color="auto", fill=_HEADER_FILL)
            style = writer.ids["Brief Table Heading" if row.header else "Brief Table Text"]
            p = ox.new_paragraph(style)
            if alignment is not None:
                _sub(p[0], "jc", val=_JC[alignment])
            tc.append(p)
            writer.inlines(p, cell.content)
    writer.place(tbl)
    writer.para("Brief Table End")
    return first if first is not None else tbl


def _png_from_webp(data: bytes) -> bytes | None:
    """WebP as PNG (Word shows no WebP); None without Pillow or for a broken image."""
    try:
        from PIL import Image
    except ImportError:
        return None
    try:
        with Image.open(io.BytesIO(data)) as image:
            out = io.BytesIO()
            image.save(out, format="PNG")
            return out.getvalue()
    except Exception:  # Pillow raises many types for a damaged file
        return None


def _size(figure: Figure, px: tuple[int, int], page: Page) -> tuple[int, int]:
    """The picture's extent in EMU: the figure's size (or the image's), fitted to the page."""
    natural_w, natural_h = px
    width, height = figure.width, figure.height
    if width and not height:
        height = round(width * natural_h / natural_w)
    elif height and not width:
        width = round(height * natural_w / natural_h)
    cx = (width or natural_w) * _EMU_PER_PX
    cy = (height or natural_h) * _EMU_PER_PX
    max_cx = page.width * _EMU_PER_TWIP
    max_cy = page.height * _EMU_PER_TWIP // 2
    scale = min(1.0, max_cx / cx, max_cy / cy)
    return max(int(cx * scale), _EMU_PER_PX), max(int(cy * scale), _EMU_PER_PX)


def figure_picture(writer: Any, figure: Figure, picture: Picture | None) -> Any:
    """The ``Brief Figure`` paragraph: the picture inline, or the alt text when it cannot
    be shown. (The caption is the caller's: it must be written after this paragraph.)"""
    p = writer.para("Brief Figure")
    data = picture.data if picture is not None else None
    if picture is not None and picture.info.kind == "webp":
        data = _png_from_webp(picture.data)
    if picture is not None and (picture.info.kind == "svg" or data is None):
        warnings.warn(
            f"{picture.info.kind.upper()} images cannot be shown in Word documents: "
            "the figure shows its alt text",
            ImageWarning,
            stacklevel=3,
        )
        data = None
    if data is None:
        ox.add_run(p, figure.alt or "[image]", italic=True)
        return p
    from docx.image.image import Image as DocxImage

    try:
        image = DocxImage.from_blob(data)
    except Exception:  # python-docx's own header reader refused it
        ox.add_run(p, figure.alt or "[image]", italic=True)
        return p
    cx, cy = _size(figure, (max(image.px_width, 1), max(image.px_height, 1)), writer.page)
    inline = writer.part.new_pic_inline(io.BytesIO(data), cx, cy)
    doc_pr = inline.find(
        "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"
    )
    if doc_pr is not None:
        doc_pr.set("descr", ox.safe_xml(figure.alt))
    run = etree.SubElement(p, ox.w("r"))
    etree.SubElement(run, ox.w("drawing")).append(inline)
    return p


def write_figure(writer: Any, figure: Figure) -> Any:
    """The figure paragraph and its caption below it; ``writer.figures`` gets the hint
    entry that keeps what Word cannot hold (the source, the alt text of a figure not shown,
    the intended size), so ``parse_docx`` reads the figure back equal."""
    picture = writer.pictures.load(figure.src)
    first = figure_picture(writer, figure, picture)
    entry: dict[str, Any] = {"caption": bool(figure.caption)}
    embedded = first.find(".//w:drawing", ox.NS) is not None
    as_is = picture is not None and picture.info.kind != "webp"  # WebP is stored as PNG
    if figure.src.startswith("data:") and embedded and as_is:
        entry["data"] = figure.src[len("data:") : figure.src.index(";")]
    else:
        entry["src"] = figure.src
    if not embedded:
        entry["alt"] = figure.alt
    for name in ("width", "height"):
        if getattr(figure, name):
            entry[name] = getattr(figure, name)
    writer.figures.append(entry)
    if figure.caption:
        caption = writer.para("Caption")
        etree.SubElement(caption[0], ox.w("jc")).set(ox.w("val"), "center")
        writer.inlines(caption, figure.caption)
    return first
