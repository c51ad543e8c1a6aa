"""The marking (TLP label or other) as Word runs and as header/footer paragraphs.

FIRST's TLP 2.0 asks for the label in the header and the footer of every page, right-
aligned, in 12 pt or larger, in its colour on black (#FF2B2B, #FFC000, #33FF00, #FFFFFF
on #000000). Other markings (``CONFIDENTIAL``) get the same size and place in black with a
thin border.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from ...syntax import ooxml as ox
from .._labels import label_colour

__all__ = [
    "MARKING_HALF_POINTS",
    "add_marking_paragraph",
    "add_marking_run",
    "header_footer_roots",
]

#: 12 pt, in the half points Word measures font sizes in.
MARKING_HALF_POINTS = 24


def add_marking_run(parent: etree._Element, marking: str) -> etree._Element:
    """Append the marking as one bold 12 pt run (rPr children in the schema's order)."""
    size = f'<w:sz w:val="{MARKING_HALF_POINTS}"/><w:szCs w:val="{MARKING_HALF_POINTS}"/>'
    colour = label_colour(marking)
    if colour:
        rpr = (
            f'<w:color w:val="{colour.lstrip("#")}"/>{size}'
            '<w:shd w:val="clear" w:color="auto" w:fill="000000"/>'
        )
        return ox.add_run(parent, f"\u00a0{marking}\u00a0", bold=True, rpr_xml=rpr)
    rpr = (
        f'<w:color w:val="000000"/>{size}'
        '<w:bdr w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
    )
    return ox.add_run(parent, marking, bold=True, rpr_xml=rpr)


def add_marking_paragraph(
    container: etree._Element, marking: str, style_id: str | None, *, first: bool = False
) -> etree._Element:
    """A right-aligned paragraph holding the marking, appended to (or, with ``first``,
    put at the top of) a header or footer."""
    p = ox.new_paragraph(style_id)
    ppr = p.find("w:pPr", ox.NS)
    if ppr is None:
        ppr = etree.SubElement(p, ox.w("pPr"))
    etree.SubElement(ppr, ox.w("jc")).set(ox.w("val"), "right")
    add_marking_run(p, marking)
    if first:
        container.insert(0, p)
    else:
        container.append(p)
    return p


_RT_HEADER = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"
_RT_FOOTER = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer"


def header_footer_roots(document_part: Any) -> list[tuple[str, etree._Element]]:
    """("header" | "footer", root element) of every header and footer part of a document."""
    out = []
    for rel in document_part.rels.values():
        if rel.is_external or rel.reltype not in (_RT_HEADER, _RT_FOOTER):
            continue
        kind = "header" if rel.reltype == _RT_HEADER else "footer"
        out.append((kind, rel.target_part.element))
    return out
