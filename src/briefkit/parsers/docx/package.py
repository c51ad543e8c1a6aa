"""The DOCX package as the reader sees it: a zip read within limits, XML parsed safely.

Sizes are checked against what the archive declares before anything is decompressed (zip
bombs), XML parts are parsed without DTDs, entities or network access, and only the parts
a brief needs are read. Styles and numbering are resolved the way Word resolves them.
"""

from __future__ import annotations

import io
import json
import posixpath
import re
import zipfile
import zlib
from typing import Any

from lxml import etree

from ... import limits
from ...errors import LimitError, ParseError
from ...syntax import ooxml as ox

__all__ = ["Numbering", "Package", "Styles", "outline_level", "target"]

_W = ox.NS
_PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE_DOC = "/officeDocument"
_CORE = "/metadata/core-properties"
_TLP = re.compile(r"\bTLP:\s?(CLEAR|WHITE|GREEN|AMBER\+STRICT|AMBER|RED)\b", re.IGNORECASE)
_OFF = {"0", "false", "off", "none"}
_SAFE = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, remove_comments=True, remove_pis=True
)


def outline_level(value: str | None) -> int | None:
    """The heading level of an ``w:outlineLvl`` value: ``0``-``8`` are levels 1-9, anything
    else (9 is body text; a stranger's value may be any string) is no heading."""
    return int(value) + 1 if value is not None and re.fullmatch("[0-8]", value) else None


def target(rels: dict[str, tuple[str, str, bool]], suffix: str) -> str | None:
    return next((t for kind, t, ext in rels.values() if kind.endswith(suffix) and not ext), None)


class Package:
    """A zip read within limits; every XML part parsed safely."""

    def __init__(self, data: bytes) -> None:
        if data.startswith(b"\xd0\xcf\x11\xe0"):
            raise ParseError("this is an encrypted or legacy (.doc) Word file, not a .docx")
        if not data.startswith(b"PK"):
            raise ParseError("not a DOCX file: it is not a zip archive")
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self.zip.infolist()
        except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
            raise ParseError(f"not a DOCX file: corrupt zip archive ({exc})") from None
        if len(infos) > limits.MAX_DOCX_ENTRIES:
            raise LimitError(
                f"the zip holds {len(infos)} entries, more than {limits.MAX_DOCX_ENTRIES}"
            )
        self.sizes = {i.filename: i.file_size for i in infos}
        self.budget = limits.MAX_DOCX_TOTAL_BYTES

    def read(self, name: str) -> bytes | None:
        size = self.sizes.get(name)
        if size is None:
            return None
        if size > limits.MAX_DOCX_PART_BYTES or size > self.budget:
            raise LimitError(f"part expands to {size} bytes, over the limit", element=name)
        self.budget -= size
        try:
            return self.zip.read(name)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError,
                NotImplementedError, ValueError) as exc:  # fmt: skip
            raise ParseError(f"corrupt zip entry: {exc}", element=name) from None

    def xml(self, name: str | None, *, required: bool = False) -> Any:
        blob = self.read(name) if name else None
        if blob is None:
            if required:
                raise ParseError("not a Word document: a required part is missing", element=name)
            return None
        try:
            root = etree.fromstring(blob, _SAFE)
        except etree.XMLSyntaxError as exc:
            raise ParseError(f"malformed XML: {exc}", element=name) from None
        if getattr(root.getroottree().docinfo, "doctype", ""):
            raise ParseError("XML part declares a DTD, which Word documents never do", element=name)
        return root

    def rels(self, part: str) -> dict[str, tuple[str, str, bool]]:
        """rId -> (type, target, external) for ``part`` (targets resolved to zip names)."""
        folder, name = posixpath.split(part)
        root = self.xml(posixpath.join(folder, "_rels", name + ".rels"))
        out: dict[str, tuple[str, str, bool]] = {}
        for rel in root.iterfind(f"{{{_PKG_RELS}}}Relationship") if root is not None else ():
            target = rel.get("Target") or ""
            external = rel.get("TargetMode") == "External"
            if not external:
                joined = target[1:] if target.startswith("/") else posixpath.join(folder, target)
                target = posixpath.normpath(joined)
            out[rel.get("Id") or ""] = (rel.get("Type") or "", target, external)
        return out

    def main_part(self) -> str:
        main = target(self.rels(""), _OFFICE_DOC)
        if main is None and "word/document.xml" in self.sizes:
            main = "word/document.xml"
        if main is None or main not in self.sizes:
            raise ParseError("not a Word document: the zip has no main document part")
        return main

    def core_properties(self) -> dict[str, str]:
        root = self.xml(target(self.rels(""), _CORE))
        if root is None:
            return {}
        return {etree.QName(c).localname: (c.text or "").strip() for c in root}

    def custom_properties(self) -> dict[str, str]:
        name = target(self.rels(""), "/custom-properties")
        blob = self.read(name) if name else None
        if blob is None:
            return {}
        try:
            return ox.read_custom_properties(blob)
        except etree.XMLSyntaxError as exc:
            raise ParseError(f"malformed XML: {exc}", element=name) from None

    def hint(self, rels: dict[str, tuple[str, str, bool]]) -> dict[str, Any]:
        for kind, target, external in rels.values():
            if kind.endswith("/customXml") and not external:
                root = self.xml(target)
                if root is not None and root.tag == f"{{{ox.HINT_NS}}}hint":
                    try:
                        value = json.loads(root.text or "{}")
                    except (ValueError, RecursionError):
                        return {}  # a damaged hint only costs exact nesting
                    return value if isinstance(value, dict) else {}
        return {}

    def marking(self, rels: dict[str, tuple[str, str, bool]]) -> dict[str, str]:
        """A TLP label written in a page header of someone else's document."""
        for kind, target, external in rels.values():
            if kind.endswith("/header") and not external:
                root = self.xml(target)
                text = "".join(root.itertext()) if root is not None else ""
                match = _TLP.search(text)
                if match:
                    return {"marking": "TLP:" + match.group(1).upper()}
        return {}


class Styles:
    """Names, outline levels, numbering and bold/italic of styles, following ``basedOn``."""

    def __init__(self, root: Any) -> None:
        self.by_id: dict[str, Any] = {}
        self.default = ""
        for style in root.iterfind("w:style", _W) if root is not None else ():
            style_id = style.get(ox.w("styleId")) or ""
            self.by_id[style_id] = style
            if style.get(ox.w("type")) == "paragraph" and style.get(ox.w("default")) in (
                "1",
                "true",
            ):
                self.default = style_id

    def name(self, style_id: str) -> str:
        style = self.by_id.get(style_id)
        node = style.find("w:name", _W) if style is not None else None
        return ((node.get(ox.w("val")) if node is not None else None) or style_id).lower()

    def chain(self, style_id: str) -> list[Any]:
        out: list[Any] = []
        while style_id in self.by_id and len(out) < 16:
            style = self.by_id[style_id]
            if style in out:
                break
            out.append(style)
            based = style.find("w:basedOn", _W)
            style_id = based.get(ox.w("val")) if based is not None else ""
        return out

    def first(self, style_id: str, path: str) -> Any:
        for style in self.chain(style_id):
            found = style.find(path, _W)
            if found is not None:
                return found
        return None

    def heading_level(self, style_id: str) -> int | None:
        match = re.fullmatch(r"heading ([0-9])", self.name(style_id))
        if match:
            return int(match.group(1))
        level = self.first(style_id, "w:pPr/w:outlineLvl")
        return outline_level(level.get(ox.w("val"))) if level is not None else None

    def flag(self, style_id: str, tag: str) -> bool:
        found = self.first(style_id, f"w:rPr/w:{tag}")
        return found is not None and (found.get(ox.w("val")) or "1").lower() not in _OFF


class Numbering:
    """For each numId: its list definition, whether level 0 counts or shows bullets, and
    whether it restarts the count. As in Word, paragraphs on different numIds of one
    definition continue one list unless the later numId restarts it."""

    def __init__(self, root: Any) -> None:
        self.formats: dict[str, str] = {}
        self.definition: dict[str, str] = {}
        self.restarts: set[str] = set()
        if root is None:
            return
        abstract = {}
        for node in root.iterfind("w:abstractNum", _W):
            fmt = node.find("w:lvl/w:numFmt", _W)
            abstract[node.get(ox.w("abstractNumId"))] = (
                fmt.get(ox.w("val")) if fmt is not None else None
            ) or "decimal"
        for num in root.iterfind("w:num", _W):
            ref = num.find("w:abstractNumId", _W)
            override = num.find("w:lvlOverride/w:lvl/w:numFmt", _W)
            fmt = override.get(ox.w("val")) if override is not None else None
            key = ref.get(ox.w("val")) if ref is not None else None
            num_id = num.get(ox.w("numId")) or ""
            self.formats[num_id] = fmt or abstract.get(key, "decimal")
            self.definition[num_id] = key or num_id
            if num.find("w:lvlOverride/w:startOverride", _W) is not None:
                self.restarts.add(num_id)

    def ordered(self, num_id: str) -> bool:
        return self.formats.get(num_id, "decimal") not in ("bullet", "none")
