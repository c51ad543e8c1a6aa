"""Defusing a user's Word template before briefkit builds on it.

A template's headers, footers, settings and relationships end up in every brief, so
anything active in them would too: macros, an attached template fetched from a server,
fields that include files or run DDE, embedded objects, pictures linked from the network,
links to local files or network shares, fields refreshed on open. Every such piece is
removed; the text around it stays.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from ...safety import document_href
from ...syntax import ooxml as ox

__all__ = ["defuse", "safe_target"]

_ACTIVE_RELS = re.compile(
    r"/(attachedTemplate|oleObject|subDocument|aFChunk|frame|package|control|vbaProject|"
    r"activeXControl\w*|glossaryDocument|wordVbaData|keyMapCustomizations|toolbars)$",
    re.IGNORECASE,
)
#: Fields that only compute from the document itself; every other field is unwrapped.
_INERT_FIELDS = {
    "PAGE", "NUMPAGES", "SECTIONPAGES", "SECTION", "DATE", "TIME", "CREATEDATE", "SAVEDATE",
    "PRINTDATE", "TITLE", "SUBJECT", "AUTHOR", "KEYWORDS", "COMMENTS", "DOCPROPERTY",
    "STYLEREF", "NUMWORDS", "NUMCHARS", "REVNUM", "LASTSAVEDBY", "SEQ", "REF", "PAGEREF", "=",
}  # fmt: skip
_ACTIVE_ELEMENTS = ("altChunk", "subDoc", "object", "control", "embed")
_SETTINGS = ("attachedTemplate", "updateFields", "mailMerge", "linkStyles", "docVars")
_XML = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


def safe_target(target: str) -> bool:
    """A hyperlink target Word will not resolve to a local file or a network share.

    The same rule as a brief's own links (:func:`briefkit.safety.document_href`), and the
    target must already be in its final form: one Word would first trim or unescape
    (``" //host"``, ``%2F%2Fhost``) is refused rather than rewritten.
    """
    return document_href(target) == target


def defuse(package: Any) -> None:
    """Remove everything active from every part of a python-docx package, in place.

    The package's own relationships (``_rels/.rels``) are no exception: none of them may
    point outside the package or at an active part.
    """
    for rid, rel in list(package.rels.items()):
        if rel.is_external or _ACTIVE_RELS.search(rel.reltype):
            del package.rels[rid]
    for part in list(package.iter_parts()):
        dropped = set()
        for rid, rel in list(part.rels.items()):
            external_ok = rel.reltype.endswith("/hyperlink") and safe_target(rel.target_ref)
            if _ACTIVE_RELS.search(rel.reltype) or (rel.is_external and not external_ok):
                del part.rels[rid]
                dropped.add(rid)
        root = _root(part)
        if root is None:
            continue
        _defuse_xml(root, dropped)
        if not hasattr(part, "_element"):
            part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def _root(part: Any) -> Any:
    element = getattr(part, "_element", None)
    if element is not None:
        return element
    if not part.content_type.endswith("+xml") or not str(part.partname).startswith("/word/"):
        return None
    try:
        return etree.fromstring(part.blob, _XML)
    except etree.XMLSyntaxError:
        return None


def _defuse_xml(root: Any, dropped: set[str]) -> None:
    for name in _SETTINGS:
        for node in root.findall(f"w:{name}", ox.NS):
            root.remove(node)
    for name in _ACTIVE_ELEMENTS:
        for node in list(root.iter(ox.w(name))):
            _remove(node)
    for node in list(root.iter()):
        if any(k.startswith(f"{{{ox.R_NS}}}") and v in dropped for k, v in node.attrib.items()):
            if node.tag == ox.w("hyperlink"):
                _unwrap(node)
            else:
                run = next((a for a in node.iterancestors(ox.w("r"))), None)
                _remove(run if run is not None else node)
    for node in list(root.iter(ox.w("fldSimple"))):
        if not _inert(node.get(ox.w("instr")) or ""):
            _unwrap(node)
    _strip_complex_fields(root)


def _inert(instruction: str) -> bool:
    words = instruction.split()
    return bool(words) and (words[0].upper() in _INERT_FIELDS or words[0].startswith("="))


def _strip_complex_fields(root: Any) -> None:
    """Drop the code of active complex fields (begin, instruction, separate, end), keep the
    result runs as plain text."""
    stack: list[list[Any]] = []  # [instruction, code elements]
    doomed: list[Any] = []
    for node in root.iter(ox.w("fldChar"), ox.w("instrText")):
        if node.tag == ox.w("instrText"):
            if stack:
                stack[-1][0] += node.text or ""
                stack[-1][1].append(node)
            continue
        kind = node.get(ox.w("fldCharType"))
        if kind == "begin":
            stack.append(["", [node]])
        elif stack and kind == "separate":
            stack[-1][1].append(node)
        elif stack and kind == "end":
            instruction, code = stack.pop()
            if not _inert(instruction):
                doomed.extend([*code, node])
    for node in doomed:
        _remove(node)


def _remove(node: Any) -> None:
    parent = node.getparent()
    if parent is not None:
        parent.remove(node)


def _unwrap(node: Any) -> None:
    parent = node.getparent()
    if parent is None:
        return
    index = parent.index(node)
    for offset, child in enumerate(list(node)):
        parent.insert(index + offset, child)
    parent.remove(node)
