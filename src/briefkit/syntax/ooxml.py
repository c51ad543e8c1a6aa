"""WordprocessingML names and the elements python-docx has no API for, for writer and reader.

python-docx covers paragraphs, runs, styles and sections; hyperlinks with external
relationships, list numbering that restarts per list, PAGE/NUMPAGES fields, bookmarks,
custom document properties and custom XML parts are built here on lxml, in schema order,
so the renderer above stays at the level of "a paragraph of runs".

The DOCX reader finds elements by the same names; the inline content inside them goes through
:mod:`briefkit.syntax.runs`. Nothing here imports python-docx at module level.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from ..safety import clean_text

__all__ = [
    "CUSTOM_PROPS_FMTID",
    "HINT_NS",
    "NS",
    "HyperlinkTargets",
    "add_bookmark",
    "add_field",
    "add_hyperlink",
    "add_run",
    "custom_properties_part",
    "define_lists",
    "fit_core",
    "new_list",
    "new_paragraph",
    "numeric_ids",
    "read_custom_properties",
    "safe_xml",
    "set_custom_properties",
    "set_custom_xml",
    "w",
]

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CP_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
DS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/customXml"
HINT_NS = "urn:x-briefkit:docx-hint"
NS = {"w": W_NS, "r": R_NS, "cp": CP_NS, "vt": VT_NS}
#: The property-set id Word uses for user-defined document properties.
CUSTOM_PROPS_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_RT_HYPERLINK = _RT + "hyperlink"
_RT_CUSTOM_PROPS = _RT + "custom-properties"
_RT_CUSTOM_XML = _RT + "customXml"
_RT_CUSTOM_XML_PROPS = _RT + "customXmlProps"
_CT_CUSTOM_PROPS = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
_CT_CUSTOM_XML_PROPS = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml"


def w(tag: str) -> str:
    """The Clark name of a WordprocessingML tag."""
    return f"{{{W_NS}}}{tag}"


_P, _PPR, _PSTYLE, _R, _RPR, _T = w("p"), w("pPr"), w("pStyle"), w("r"), w("rPr"), w("t")
_VAL = w("val")


_ID = re.compile("[0-9]{1,9}")


def numeric_ids(values: Any) -> list[int]:
    """The numeric ids among attribute values (a template's ``w:numId``, ``pid``...); a
    value that is not a plain number is no id briefkit must avoid."""
    return [int(v) for v in values if isinstance(v, str) and _ID.fullmatch(v)]


def fit_core(text: str, limit: int = 255) -> str:
    """``text`` cut to Word's limit for a core property (the full value is kept elsewhere)."""
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def safe_xml(text: str) -> str:
    """Text that XML can hold (the model already guarantees it; this guards everything else)."""
    return clean_text(text)


# --- paragraphs and runs ----------------------------------------------------------------


def new_paragraph(style_id: str | None, *, num: tuple[int, int] | None = None) -> etree._Element:
    """A ``w:p`` in ``style_id``; with ``num`` = (numId, ilvl) it is a list paragraph."""
    p = etree.Element(_P)
    if style_id or num:
        ppr = etree.SubElement(p, _PPR)
        if style_id:
            etree.SubElement(ppr, _PSTYLE).set(_VAL, style_id)
        if num:
            numpr = etree.SubElement(ppr, w("numPr"))
            etree.SubElement(numpr, w("ilvl")).set(_VAL, str(num[1]))
            etree.SubElement(numpr, w("numId")).set(_VAL, str(num[0]))
    return p


def add_run(
    parent: etree._Element,
    text: str,
    *,
    style_id: str | None = None,
    bold: bool = False,
    italic: bool = False,
    rpr_xml: str = "",
) -> etree._Element:
    """Append a run; properties are written in the schema's order (rStyle, b, i, extra)."""
    r = etree.SubElement(parent, _R)
    if style_id or bold or italic or rpr_xml:
        rpr = etree.SubElement(r, _RPR)
        if style_id:
            etree.SubElement(rpr, w("rStyle")).set(_VAL, style_id)
        if bold:
            etree.SubElement(rpr, w("b"))
        if italic:
            etree.SubElement(rpr, w("i"))
        if rpr_xml:
            rpr.extend(_fragment(rpr_xml))
    t = etree.SubElement(r, _T)
    t.text = safe_xml(text)
    if t.text[:1].isspace() or t.text[-1:].isspace():
        t.set(_XML_SPACE, "preserve")
    return r


class HyperlinkTargets:
    """The external hyperlink relationships of one part: one per target, found and added in
    constant time.

    python-docx's ``relate_to`` compares a new target with every relationship the part
    has and then searches for a free id, so a brief with 16,000 links took a minute and a
    half; this keeps the targets and the next free id.
    """

    def __init__(self, part: Any) -> None:
        self.part = part
        self.rids = {
            rel.target_ref: rid
            for rid, rel in part.rels.items()
            if rel.is_external and rel.reltype == _RT_HYPERLINK
        }
        self.next = len(part.rels) + 1

    def rid(self, href: str) -> str:
        """The relationship id of ``href``, added on first use."""
        rid = self.rids.get(href)
        if rid is None:
            while f"rId{self.next}" in self.part.rels:
                self.next += 1
            rid = f"rId{self.next}"
            self.part.rels.add_relationship(_RT_HYPERLINK, href, rid, is_external=True)
            self.rids[href] = rid
        return rid


def add_hyperlink(parent: etree._Element, targets: HyperlinkTargets, href: str) -> etree._Element:
    """Append a ``w:hyperlink`` to ``href`` through an external relationship of the part."""
    rid = targets.rid(href)
    link = etree.SubElement(parent, w("hyperlink"))
    link.set(f"{{{R_NS}}}id", rid)
    link.set(w("history"), "1")
    return link


def add_field(parent: etree._Element, instruction: str, shown: str) -> None:
    """Append a complex field (``PAGE``, ``NUMPAGES``...) with ``shown`` as its cached result."""
    for kind, text in (("begin", None), ("instr", instruction), ("separate", None)):
        r = etree.SubElement(parent, _R)
        if kind == "instr":
            instr = etree.SubElement(r, w("instrText"))
            instr.text = f" {text} "
            instr.set(_XML_SPACE, "preserve")
        else:
            etree.SubElement(r, w("fldChar")).set(w("fldCharType"), kind)
    add_run(parent, shown)
    etree.SubElement(etree.SubElement(parent, _R), w("fldChar")).set(w("fldCharType"), "end")


def add_bookmark(p: etree._Element, name: str, bookmark_id: int) -> None:
    """Put an empty bookmark ``name`` at the start of paragraph ``p`` (after its pPr)."""
    start = etree.Element(w("bookmarkStart"))
    start.set(w("id"), str(bookmark_id))
    start.set(w("name"), name)
    end = etree.Element(w("bookmarkEnd"))
    end.set(w("id"), str(bookmark_id))
    index = 1 if len(p) and p[0].tag == _PPR else 0
    p.insert(index, start)
    p.insert(index + 1, end)


def _fragment(xml: str) -> list[etree._Element]:
    return list(etree.fromstring(f'<x xmlns:w="{W_NS}">{xml}</x>'))


# --- numbering --------------------------------------------------------------------------

_LEVEL = (
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
    '<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="454" w:hanging="454"/></w:pPr>{rpr}</w:lvl>'
)


def define_lists(numbering: etree._Element) -> tuple[int, int]:
    """Add briefkit's numbered and bulleted list definitions; return their abstractNum ids.

    Ids are fresh (a template may define its own lists) and every ``w:abstractNum`` stays
    before the first ``w:num``, as the schema requires and Word enforces.
    """
    used = numeric_ids(a.get(w("abstractNumId")) for a in numbering.iter(w("abstractNum")))
    first = max(used, default=-1) + 1
    anchor = next(numbering.iter(w("num")), None)
    ids = []
    for offset, (name, fmt, text, rpr) in enumerate(
        (
            ("briefkit numbered", "decimal", "%1.", ""),
            ("briefkit bulleted", "bullet", "\u2022", '<w:rPr><w:b w:val="0"/></w:rPr>'),
        )
    ):
        abstract_id = first + offset
        xml = (
            f'<w:abstractNum w:abstractNumId="{abstract_id}">'
            f'<w:nsid w:val="{0xB81E0000 + abstract_id:08X}"/>'
            f'<w:multiLevelType w:val="singleLevel"/><w:name w:val="{name}"/>'
            + _LEVEL.format(fmt=fmt, text=text, rpr=rpr)
            + "</w:abstractNum>"
        )
        (element,) = _fragment(xml)
        if anchor is not None:
            anchor.addprevious(element)
        else:
            numbering.append(element)
        ids.append(abstract_id)
    return ids[0], ids[1]


def new_list(numbering: etree._Element, abstract_id: int, num_id: int) -> None:
    """Add ``w:num`` ``num_id`` on ``abstract_id`` whose start override restarts it at 1.

    Reusing one ``w:num`` (or several without an override) makes Word continue the count
    from the previous list: each list gets its own.
    """
    num = etree.SubElement(numbering, w("num"))
    num.set(w("numId"), str(num_id))
    etree.SubElement(num, w("abstractNumId")).set(_VAL, str(abstract_id))
    override = etree.SubElement(num, w("lvlOverride"))
    override.set(w("ilvl"), "0")
    etree.SubElement(override, w("startOverride")).set(_VAL, "1")


# --- package parts ----------------------------------------------------------------------


def _package_part(package: Any, reltype: str) -> Any:
    for rel in package.rels.values():
        if rel.reltype == reltype and not rel.is_external:
            return rel.target_part
    return None


def custom_properties_part(package: Any) -> Any:
    """The package's ``docProps/custom.xml`` part, or None."""
    return _package_part(package, _RT_CUSTOM_PROPS)


def read_custom_properties(blob: bytes) -> dict[str, str]:
    """Name -> text of every property in a ``docProps/custom.xml`` blob."""
    root = etree.fromstring(blob, _SAFE_PARSER)
    out = {}
    for prop in root.iterfind("cp:property", NS):
        name = prop.get("name")
        if name and len(prop):
            out[name] = prop[0].text or ""
    return out


_SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


def set_custom_properties(package: Any, props: dict[str, str], *, prefix: str) -> None:
    """Write ``props`` as string custom properties, replacing every property named ``prefix*``.

    A template's own custom properties are kept. python-docx has no model for this part, so
    it is held as a plain part whose bytes are rewritten here.
    """
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    part = _package_part(package, _RT_CUSTOM_PROPS)
    if part is not None:
        root = etree.fromstring(part.blob, _SAFE_PARSER)
        for prop in root.findall("cp:property", NS):
            if (prop.get("name") or "").startswith(prefix):
                root.remove(prop)
    else:
        nsmap: Any = {None: CP_NS, "vt": VT_NS}
        root = etree.Element(f"{{{CP_NS}}}Properties", nsmap=nsmap)
    pid = max(numeric_ids(p.get("pid") for p in root.iterfind("cp:property", NS)), default=1)
    for name, value in props.items():
        pid += 1
        prop = etree.SubElement(root, f"{{{CP_NS}}}property")
        prop.set("fmtid", CUSTOM_PROPS_FMTID)
        prop.set("pid", str(pid))
        prop.set("name", name)
        etree.SubElement(prop, f"{{{VT_NS}}}lpwstr").text = safe_xml(value)
    blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    if part is not None:
        part._blob = blob  # python-docx keeps unknown parts as bytes
    elif props:
        part = Part(PackURI("/docProps/custom.xml"), _CT_CUSTOM_PROPS, blob, package)
        package.relate_to(part, _RT_CUSTOM_PROPS)


def set_custom_xml(document_part: Any, root: etree._Element) -> None:
    """Store ``root`` as a custom XML part of the document (Word keeps these on save)."""
    import uuid

    from docx.opc.part import Part

    package = document_part.package
    item = Part(
        package.next_partname("/customXml/item%d.xml"),
        "application/xml",
        etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True),
        package,
    )
    document_part.relate_to(item, _RT_CUSTOM_XML)
    props = etree.Element(f"{{{DS_NS}}}datastoreItem", nsmap={"ds": DS_NS})
    item_id = uuid.uuid5(uuid.NAMESPACE_URL, HINT_NS + etree.tostring(root).decode())
    props.set(f"{{{DS_NS}}}itemID", "{" + str(item_id).upper() + "}")
    etree.SubElement(props, f"{{{DS_NS}}}schemaRefs")
    props_part = Part(
        package.next_partname("/customXml/itemProps%d.xml"),
        _CT_CUSTOM_XML_PROPS,
        etree.tostring(props, xml_declaration=True, encoding="UTF-8", standalone=True),
        package,
    )
    item.relate_to(props_part, _RT_CUSTOM_XML_PROPS)
