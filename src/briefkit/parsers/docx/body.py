"""Paragraphs of a DOCX body as the reader needs them: a role from the paragraph style,
formatted text segments (runs, hyperlinks, HYPERLINK fields, tracked insertions, equations,
ruby, symbol-font characters), list facts from numbering, briefkit's section bookmarks,
footnote references (as marks in the text, see :mod:`briefkit.syntax.notemarks`), pictures,
and data tables (see :mod:`.media`).

The walk descends into every element it does not know (a producer's wrapper, a future
container), skipping only properties and deleted text, so unknown markup costs formatting,
never content. Text boxes follow the paragraph they are anchored in (see :mod:`.compat`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ...errors import LimitError
from ...limits import MAX_NODES
from ...model import Alignment, SectionKind
from ...safety import collapse_space, is_safe_href
from ...syntax import ooxml as ox
from ...syntax import runs
from ...syntax.notemarks import MARK, mark
from .compat import text_boxes
from .media import Picture, picture_of, read_table
from .omml import is_math, math_text
from .package import Numbering, Styles, outline_level
from .symbols import font_text, symbol_char

__all__ = ["Para", "Reader"]

_W = ox.NS
_BOOKMARK = re.compile(r"_briefkit_s\d+_([a-z]+)(_empty)?")
_HYPERLINK_FIELD = re.compile(r'^\s*HYPERLINK\s+"([^"]*)"', re.IGNORECASE)
_OFF = {"0", "false", "off", "none"}
#: Elements of a paragraph that hold no content of their own: properties, deleted or
#: moved-away text, and what a text box or drawing holds (read as blocks of its own).
_NOT_CONTENT = {ox.w(t) for t in ("pPr", "rPr", "sdtPr", "del", "moveFrom", "customXmlPr")}
_NOT_CONTENT |= {ox.w(t) for t in ("smartTagPr", "drawing", "pict", "object", "txbxContent")}


@dataclass
class Para:
    """One paragraph: its role, text segments, heading level or list facts, bookmarks."""

    role: str  # title subtitle date skip nav heading list quote body caption figure table
    segs: list[runs.Seg]
    level: int = 0
    lead: str | None = None
    num: str = ""
    ordered: bool = True
    bookmarks: list[tuple[str, bool]] = field(default_factory=list)  # (kind, empty section)
    pictures: list[Picture] = field(default_factory=list)
    rows: list[tuple[bool, list[list[runs.Seg]]]] = field(default_factory=list)  # a table's
    align: list[Alignment | None] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The text without note marks (a heading or a title holds no notes)."""
        text = "".join(s.text for s in self.segs)
        return collapse_space(MARK.sub("", text) if "\ufdd0" in text else text).strip()


_ROLES = {
    "title": "title",
    "subtitle": "subtitle",
    "brief metadata": "skip",
    "brief marking": "skip",
    "brief category": "skip",
    "toc heading": "skip",  # a contents list is generated from the headings, not content
    "toc 1": "skip",
    "toc 2": "skip",
    "toc 3": "skip",
    "brief navigation": "nav",
    "author": "skip",
    "date": "date",
    "abstract": "subtitle",
    "quote": "quote",
    "intense quote": "quote",
    "caption": "caption",
    "brief figure": "figure",
    "brief table end": "skip",
}


class Reader:
    """Turns body XML into :class:`Para` records: role, formatted segments, list facts."""

    def __init__(self, styles: Styles, numbering: Numbering, rels: Any, own: bool) -> None:
        self.styles = styles
        self.numbering = numbering
        self.rels = rels
        self.own = own
        self.links = 0
        self.nodes = 0  # paragraphs and text segments read, against MAX_NODES

    def paragraphs(self, body: Any) -> list[Para]:
        out: list[Para] = []
        pending: list[tuple[str, bool]] = []
        stack = list(reversed(body))
        while stack:
            node = stack.pop()
            if node.tag == ox.w("p"):
                para = self.paragraph(node)
                para.bookmarks[:0] = pending
                pending = []
                out.append(para)
                stack.extend(reversed(text_boxes(node)))
            elif node.tag == ox.w("bookmarkStart"):
                pending.extend(self._bookmark(node))
            elif node.tag == ox.w("tbl") and (table := read_table(node, self, Para)) is not None:
                table.bookmarks[:0] = pending
                pending = []
                out.append(table)
            elif isinstance(node.tag, str) and node.tag not in _NOT_CONTENT:
                # tables, content controls, tracked insertions, wrappers it does not know
                stack.extend(reversed(node))
        return out

    def _bookmark(self, node: Any) -> list[tuple[str, bool]]:
        match = _BOOKMARK.fullmatch(node.get(ox.w("name")) or "")
        if not match or match.group(1) not in SectionKind.__members__.values():
            return []
        return [(match.group(1), bool(match.group(2)))]

    def paragraph(self, p: Any) -> Para:
        ppr = p.find("w:pPr", _W)
        style = ppr.find("w:pStyle", _W) if ppr is not None else None
        style_id = (style.get(ox.w("val")) if style is not None else None) or self.styles.default
        name = self.styles.name(style_id)
        lead: list[str] = []
        segs: list[runs.Seg] = []
        bookmarks: list[tuple[str, bool]] = []
        self.pictures: list[Picture] = []
        self._walk(p, segs, lead, bookmarks)
        self.nodes += 1 + len(segs)
        if self.nodes > MAX_NODES:
            raise LimitError(f"the document has more than {MAX_NODES} paragraphs and runs")
        para = Para(_ROLES.get(name, "body"), segs, bookmarks=bookmarks, pictures=self.pictures)
        numpr = ppr.find("w:numPr", _W) if ppr is not None else None
        if numpr is None:
            numpr = self.styles.first(style_id, "w:pPr/w:numPr")
        num_id = numpr.find("w:numId", _W) if numpr is not None else None
        level = self.styles.heading_level(style_id)
        direct = ppr.find("w:outlineLvl", _W) if ppr is not None else None
        if direct is not None:
            level = outline_level(direct.get(ox.w("val")))
        if ppr is not None and ppr.find("w:sectPr", _W) is not None and not para.text:
            para.role = "skip"  # an empty paragraph that only ends a page section
        elif para.role == "body" and level is not None:
            para.role, para.level = "heading", level
        elif num_id is not None and (num_id.get(ox.w("val")) or "0") != "0" and para.role == "body":
            para.role, para.num = "list", num_id.get(ox.w("val")) or ""
            para.ordered = self.numbering.ordered(para.num)
            if para.num not in self.numbering.formats and name.startswith("list bullet"):
                para.ordered = False
        elif para.role == "body" and name.startswith(("list bullet", "list number")):
            para.role, para.ordered = "list", name.startswith("list number")
        if lead:
            para.lead = "".join(lead)
        return para

    def _walk(self, root: Any, segs: list[runs.Seg], lead: list[str], marks: list[Any]) -> None:
        fields: list[list[Any]] = []  # [instruction, in result part, href, link no]
        stack: list[tuple[Any, str | None, int]] = [(c, None, -1) for c in reversed(root)]
        while stack:
            node, href, link = stack.pop()
            tag = node.tag
            if tag == ox.w("r"):
                self._run(node, href, link, segs, lead, fields)
            elif tag == ox.w("hyperlink"):
                rel = self.rels.get(node.get(f"{{{ox.R_NS}}}id") or "")
                target = rel[1] if rel and rel[2] else None
                if target and is_safe_href(target):
                    href, link = target, self._next_link()
                stack.extend((c, href, link) for c in reversed(node))
            elif tag == ox.w("fldSimple"):
                match = _HYPERLINK_FIELD.match(node.get(ox.w("instr")) or "")
                if match and is_safe_href(match.group(1)):
                    href, link = match.group(1), self._next_link()
                stack.extend((c, href, link) for c in reversed(node))
            elif tag == ox.w("bookmarkStart"):
                marks.extend(self._bookmark(node))
            elif is_math(tag):
                text = math_text(node)
                if text:
                    segs.append(runs.Seg(text, href=href, link=link if href else -1))
            elif isinstance(tag, str) and tag not in _NOT_CONTENT:
                # a known container (sdt, ins, smartTag...) or one this reader does not know
                stack.extend((c, href, link) for c in reversed(node))

    def _next_link(self) -> int:
        self.links += 1
        return self.links

    def _run(
        self, run: Any, href: str | None, link: int, segs: list[runs.Seg], lead: list[str],
        fields: list[list[Any]],
    ) -> None:  # fmt: skip
        rpr = run.find("w:rPr", _W)
        rstyle = rpr.find("w:rStyle", _W) if rpr is not None else None
        char_style = (rstyle.get(ox.w("val")) if rstyle is not None else None) or ""
        is_lead = self.own and self.styles.name(char_style) == "brief lead-in" and not segs
        bold = self._flag(rpr, char_style, "b")
        italic = self._flag(rpr, char_style, "i")
        parts: list[str] = []
        for child in run:
            tag = child.tag
            if tag == ox.w("fldChar"):
                kind = child.get(ox.w("fldCharType"))
                if kind == "begin":
                    fields.append(["", False, None, -1])
                elif kind == "separate" and fields:
                    fields[-1][1] = True
                    match = _HYPERLINK_FIELD.match(fields[-1][0])
                    if match and is_safe_href(match.group(1)):
                        fields[-1][2:] = [match.group(1), self._next_link()]
                elif kind == "end" and fields:
                    fields.pop()
            elif tag == ox.w("instrText") and fields and not fields[-1][1]:
                fields[-1][0] += child.text or ""
            elif any(not f[1] for f in fields):
                continue  # inside a field's instruction
            elif tag == ox.w("t"):
                parts.append(child.text or "")
            elif tag in (ox.w("tab"), ox.w("br"), ox.w("cr")):
                parts.append(" ")
            elif tag in (ox.w("footnoteReference"), ox.w("endnoteReference")):
                note_id = child.get(ox.w("id")) or ""
                if note_id.lstrip("-").isdigit():
                    parts.append(mark("f" if tag == ox.w("footnoteReference") else "e", note_id))
            elif tag == ox.w("drawing") or tag.endswith("}AlternateContent"):
                drawing = (
                    child if tag == ox.w("drawing") else next(child.iter(ox.w("drawing")), None)
                )
                picture = picture_of(drawing) if drawing is not None else None
                if picture is not None:
                    self.pictures.append(picture)
            elif tag == ox.w("noBreakHyphen"):
                parts.append("-")
            elif tag == ox.w("ruby"):
                parts.append(_ruby(child))
            elif tag == ox.w("sym"):
                parts.append(symbol_char(child.get(ox.w("font")), child.get(ox.w("char"))))
        text = "".join(parts)
        if not text:
            return
        fonts = rpr.find("w:rFonts", _W) if rpr is not None else None
        if fonts is not None:  # text typed in a symbol font: its private-use codes mapped
            text = font_text(fonts.get(ox.w("ascii")) or fonts.get(ox.w("hAnsi")), text)
        if is_lead:
            lead.append(text)
            return
        field_link = next((f for f in reversed(fields) if f[2]), None)
        if field_link and href is None:
            href, link = field_link[2], field_link[3]
        segs.append(runs.Seg(text, bold, italic, href, link if href else -1))

    def _flag(self, rpr: Any, char_style: str, tag: str) -> bool:
        node = rpr.find(f"w:{tag}", _W) if rpr is not None else None
        if node is not None:
            return (node.get(ox.w("val")) or "1").lower() not in _OFF
        return bool(char_style) and self.styles.flag(char_style, tag)


def _ruby(ruby: Any) -> str:
    """Ruby (phonetic guide) text as plain text shows it: the base, then the guide in
    parentheses (``漢字(かんじ)``)."""

    def text(part: str) -> str:
        found = ruby.find(f"w:{part}", _W)
        return "" if found is None else "".join(t.text or "" for t in found.iter(ox.w("t")))

    base, guide = text("rubyBase"), text("rt")
    return f"{base}({guide})" if guide else base
