"""The ECMA-376 schemas, loaded with lxml, and a DOCX part prepared the way the standard says
a consumer reads it.

The XSD files are ECMA-376's first edition (2006 namespaces, the ones Word writes), as
Debian's source package of Apache POI (``libapache-poi-java``) ships them in ``ooxml-xsds/``,
with the Dublin Core schemas the core properties use in ``ooxml-lib/``; ``.ci/run`` fetches
that package with apt and sets ``BRIEFKIT_OOXML_XSDS`` to the folder holding both.
The files of one namespace include nothing of each other (POI compiles them together), so
this module writes, in a scratch folder, one wrapper per namespace that includes them all
and points every import at those wrappers, plus the two ``xml:`` attributes the schemas
use (``xml:space``, ``xml:lang``), which they import without a location.

Before validation a part goes through Markup Compatibility (ECMA-376 Part 3): elements and
attributes of namespaces a part declares ignorable are dropped and an
``mc:AlternateContent`` is read as its ``mc:Fallback``, which is what a first-edition
consumer does. Two constructs of later editions are then read as the first edition says
them: ``w:compatSetting`` (settings' compatibility mode, added in the second edition) is
dropped, and the on/off math properties' values ``0``/``1`` become ``off``/``on``.
"""

from __future__ import annotations

import collections
import functools
import os
import shutil
import tempfile
from pathlib import Path

from lxml import etree

from validators.tools import ROOT, missing

__all__ = ["prepare", "schema", "schema_folder"]

XS = "http://www.w3.org/2001/XMLSchema"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
M = "http://schemas.openxmlformats.org/officeDocument/2006/math"
XML_NS = "http://www.w3.org/XML/1998/namespace"

_XML_XSD = f"""<?xml version="1.0"?>
<xs:schema xmlns:xs="{XS}" targetNamespace="{XML_NS}">
  <xs:attribute name="space">
    <xs:simpleType>
      <xs:restriction base="xs:NCName">
        <xs:enumeration value="default"/>
        <xs:enumeration value="preserve"/>
      </xs:restriction>
    </xs:simpleType>
  </xs:attribute>
  <xs:attribute name="lang" type="xs:language"/>
</xs:schema>
"""


def schema_folder() -> Path:
    """The folder of ECMA-376 XSD files, else skip (outside CI) or fail (in CI)."""
    base = os.environ.get("BRIEFKIT_OOXML_XSDS")
    folder = Path(base) if base else ROOT / ".ci" / "ooxml-xsds"
    if not (folder / "wml.xsd").is_file():
        missing(
            "the ECMA-376 schemas (ooxml-xsds of Debian's libapache-poi-java source)",
            "run .ci/run, or set BRIEFKIT_OOXML_XSDS",
        )
    return folder


@functools.cache
def schema() -> etree.XMLSchema:
    """Every namespace of the schemas as one lxml schema (built once per session)."""
    source = schema_folder()
    work = Path(tempfile.mkdtemp(prefix="ooxml-xsds-"))
    by_namespace: dict[str, list[str]] = collections.defaultdict(list)
    trees = {}
    for path in sorted(source.glob("*.xsd")):
        tree = etree.parse(str(path))
        trees[path.name] = tree
        by_namespace[tree.getroot().get("targetNamespace", "")].append(path.name)
    wrapper = {ns: f"namespace-{k}.xsd" for k, ns in enumerate(sorted(by_namespace))}
    wrapper[XML_NS] = "xml-namespace.xsd"
    (work / "xml-namespace.xsd").write_text(_XML_XSD, encoding="utf-8")
    for name, tree in trees.items():
        for imported in tree.getroot().iter(f"{{{XS}}}import"):
            namespace = imported.get("namespace", "")
            if namespace in wrapper:
                imported.set("schemaLocation", wrapper[namespace])
        tree.write(str(work / name), xml_declaration=True, encoding="utf-8")
    for namespace, names in by_namespace.items():
        includes = "".join(f'<xs:include schemaLocation="{n}"/>' for n in names)
        (work / wrapper[namespace]).write_text(
            f'<xs:schema xmlns:xs="{XS}" targetNamespace="{namespace}" '
            f'elementFormDefault="qualified">{includes}</xs:schema>',
            encoding="utf-8",
        )
    imports = "".join(
        f'<xs:import namespace="{ns}" schemaLocation="{name}"/>' for ns, name in wrapper.items()
    )
    (work / "all.xsd").write_text(
        f'<xs:schema xmlns:xs="{XS}" targetNamespace="urn:briefkit:tests:all">{imports}'
        "</xs:schema>",
        encoding="utf-8",
    )
    try:
        return etree.XMLSchema(etree.parse(str(work / "all.xsd")))
    finally:
        shutil.rmtree(work, ignore_errors=True)


#: The on/off math properties of ``w:settings`` (``m:mathPr``) whose values Word writes as
#: ``0``/``1``; the first edition's math ``ST_OnOff`` knows only ``on`` and ``off``.
_MATH_ON_OFF = frozenset(f"{{{M}}}{name}" for name in ("smallFrac", "dispDef", "wrapRight"))


def _namespace(name: str) -> str | None:
    return name[1:].split("}", 1)[0] if name.startswith("{") else None


def prepare(part: bytes) -> etree._Element:
    """A part as a first-edition consumer reads it (see the module docstring)."""
    root = etree.fromstring(part)
    ignorable: set[str] = set()
    for el in root.iter(etree.Element):
        declared = el.get(f"{{{MC}}}Ignorable")
        if declared:
            ignorable |= {el.nsmap[p] for p in declared.split() if p in el.nsmap}
    for el in list(root.iter(etree.Element)):
        parent = el.getparent()
        if parent is None:
            pass
        elif _namespace(el.tag) in ignorable or el.tag == f"{{{W}}}compatSetting":
            parent.remove(el)
            continue
        elif el.tag == f"{{{MC}}}AlternateContent":
            fallback = el.find(f"{{{MC}}}Fallback")
            at = parent.index(el)
            for child in list(fallback) if fallback is not None else []:
                parent.insert(at, child)
                at += 1
            parent.remove(el)
            continue
        for name in list(el.attrib):
            if _namespace(name) in ignorable or _namespace(name) == MC:
                del el.attrib[name]
        if el.tag in _MATH_ON_OFF and el.get(f"{{{M}}}val") in ("0", "1"):
            el.set(f"{{{M}}}val", "on" if el.get(f"{{{M}}}val") == "1" else "off")
    return root
