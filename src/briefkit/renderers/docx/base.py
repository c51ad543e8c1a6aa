"""The base document every brief starts from: styles, list definitions, page setup,
header and footer, built once per process (and per template) and kept as bytes and as the
parts python-docx reads from them, from which each brief gets its own fresh document.

Without a template it is briefkit's own look, stripped from python-docx's default document
to what a brief uses. With one (like pandoc's ``--reference-doc``) the template's styles,
every section's page setup, its headers, footers and custom properties are kept; briefkit
adds the styles it lacks, fails clearly when a style only the template can define is
missing, and defuses what a document must not carry (see :func:`defuse`).
"""

from __future__ import annotations

import functools
import io
import os
import zipfile
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from ...errors import RenderError, TemplateError
from ...syntax import ooxml as ox
from .defuse import defuse

__all__ = [
    "PAGE_SIZES",
    "REQUIRED_STYLES",
    "Base",
    "base",
    "new_document",
    "page_size",
    "template_key",
]

#: Page sizes in twentieths of a point (width, height), portrait.
PAGE_SIZES = {"a4": (11906, 16838), "letter": (12240, 15840), "legal": (12240, 20160)}
_NAVY, _INK, _MUTED, _RULE = "1F3864", "1A1A1A", "595959", "BFBFBF"
#: The right tab of a contents entry (twips): the text width of A4 with briefkit's margins.
TOC_TAB = 9298

# (key, name in styles.xml, type, style id, pPr, rPr). Names are Word's own for built-in
# styles ("heading 1" is shown as "Heading 1"); briefkit's own are prefixed "Brief".
_STYLES: tuple[tuple[str, str, str, str, str, str], ...] = (
    ("Normal", "Normal", "paragraph", "Normal",
     '<w:widowControl/><w:spacing w:after="140" w:line="276" w:lineRule="auto"/>',
     f'<w:color w:val="{_INK}"/>'),
    ("Title", "Title", "paragraph", "Title",
     '<w:keepNext/><w:spacing w:before="0" w:after="120" w:line="240" w:lineRule="auto"/>',
     f'<w:b/><w:color w:val="{_NAVY}"/><w:kern w:val="28"/><w:sz w:val="44"/>'),
    ("Subtitle", "Subtitle", "paragraph", "Subtitle",
     '<w:keepNext/><w:spacing w:after="120"/>',
     '<w:color w:val="404040"/><w:sz w:val="25"/>'),
    ("Brief Metadata", "Brief Metadata", "paragraph", "BriefMetadata",
     f'<w:pBdr><w:bottom w:val="single" w:sz="4" w:space="8" w:color="{_RULE}"/></w:pBdr>'
     '<w:spacing w:after="320"/>',
     f'<w:color w:val="{_MUTED}"/><w:sz w:val="18"/>'),
    ("Brief Category", "Brief Category", "paragraph", "BriefCategory",
     '<w:keepNext/><w:spacing w:after="60"/>',
     '<w:b/><w:caps/><w:color w:val="2E74B5"/><w:spacing w:val="10"/><w:sz w:val="17"/>'),
    ("Brief Marking", "Brief Marking", "paragraph", "BriefMarking",
     '<w:spacing w:after="120"/>', '<w:b/><w:sz w:val="18"/>'),
    ("Heading 1", "heading 1", "paragraph", "Heading1",
     '<w:keepNext/><w:keepLines/><w:spacing w:before="300" w:after="100"/>'
     '<w:outlineLvl w:val="0"/>',
     f'<w:b/><w:color w:val="{_NAVY}"/><w:sz w:val="26"/>'),
    ("Quote", "Quote", "paragraph", "Quote",
     f'<w:pBdr><w:left w:val="single" w:sz="18" w:space="8" w:color="{_NAVY}"/></w:pBdr>'
     '<w:ind w:left="340" w:right="340"/>',
     '<w:i/><w:color w:val="404040"/>'),
    ("List Number", "List Number", "paragraph", "ListNumber",
     '<w:spacing w:after="100"/>', ""),
    ("List Bullet", "List Bullet", "paragraph", "ListBullet",
     '<w:spacing w:after="100"/>', ""),
    ("Brief Navigation", "Brief Navigation", "paragraph", "BriefNavigation",
     f'<w:pBdr><w:top w:val="single" w:sz="4" w:space="6" w:color="{_RULE}"/></w:pBdr>'
     '<w:spacing w:after="40"/>',
     f'<w:color w:val="{_MUTED}"/><w:sz w:val="19"/>'),
    ("Header", "header", "paragraph", "Header",
     '<w:jc w:val="right"/>', f'<w:color w:val="{_MUTED}"/><w:sz w:val="16"/>'),
    ("Footer", "footer", "paragraph", "Footer",
     '<w:jc w:val="center"/>', f'<w:color w:val="{_MUTED}"/><w:sz w:val="16"/>'),
    ("TOC Heading", "TOC Heading", "paragraph", "TOCHeading",
     '<w:keepNext/><w:keepLines/><w:spacing w:before="240" w:after="100"/>',
     f'<w:b/><w:color w:val="{_NAVY}"/><w:sz w:val="24"/>'),
    ("TOC 1", "toc 1", "paragraph", "TOC1",
     f'<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{TOC_TAB}"/></w:tabs>'
     '<w:spacing w:after="60"/>', ""),
    ("Hyperlink", "Hyperlink", "character", "Hyperlink",
     "", '<w:color w:val="0563C1"/><w:u w:val="single"/>'),
    ("Brief Lead-in", "Brief Lead-in", "character", "BriefLeadin",
     "", f'<w:b/><w:color w:val="{_NAVY}"/>'),
    ("Caption", "caption", "paragraph", "Caption",
     '<w:spacing w:before="60" w:after="200"/>',
     f'<w:i/><w:color w:val="{_MUTED}"/><w:sz w:val="18"/>'),
    ("Brief Figure", "Brief Figure", "paragraph", "BriefFigure",
     '<w:keepNext/><w:spacing w:before="160" w:after="60"/><w:jc w:val="center"/>',
     f'<w:color w:val="{_MUTED}"/>'),
    ("Brief Table Text", "Brief Table Text", "paragraph", "BriefTableText",
     '<w:spacing w:before="40" w:after="40" w:line="240" w:lineRule="auto"/>',
     '<w:sz w:val="19"/>'),
    ("Brief Table Heading", "Brief Table Heading", "paragraph", "BriefTableHeading",
     '<w:keepNext/><w:spacing w:before="40" w:after="40" w:line="240" w:lineRule="auto"/>',
     f'<w:b/><w:color w:val="{_NAVY}"/><w:sz w:val="19"/>'),
    ("Brief Table End", "Brief Table End", "paragraph", "BriefTableEnd",
     '<w:spacing w:before="0" w:after="120" w:line="120" w:lineRule="exact"/>',
     '<w:sz w:val="4"/>'),
    ("Footnote Text", "footnote text", "paragraph", "FootnoteText",
     '<w:spacing w:after="40" w:line="240" w:lineRule="auto"/>', '<w:sz w:val="17"/>'),
    ("Footnote Reference", "footnote reference", "character", "FootnoteReference",
     "", '<w:vertAlign w:val="superscript"/>'),
)  # fmt: skip
#: Styles a template must define itself: they carry its look, briefkit cannot guess them.
REQUIRED_STYLES = ("Normal", "Title", "Heading 1")
_KEEP_DEFAULT = {"normal", "default paragraph font", "table normal", "no list"}
_DEFAULT_FONTS = (
    '<w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="Arial" w:cs="Arial"/>'
    '<w:sz w:val="21"/><w:szCs w:val="21"/><w:lang w:val="en-GB" w:eastAsia="en-US"/>'
)


@dataclass(frozen=True)
class Base:
    """A prepared base document and what a brief needs to know about it."""

    data: bytes
    styles: dict[str, str]  # key in _STYLES -> style id in this document
    lists: tuple[int, int]  # abstractNum ids: numbered, bulleted
    next_num: int
    own_header: bool  # briefkit writes the header (the template has none)
    split_title: bool  # the template has several sections: title block goes in the first
    # ``data`` as python-docx reads it (parts' bytes, content types, relationships): read
    # once, so that a brief does not unzip the package and parse its relationships again.
    parts: Any = field(compare=False, repr=False)


def new_document(base: Base) -> Any:
    """A fresh python-docx Document holding the base document.

    Equal to opening ``base.data``, minus the unzipping and reading of relationships: the
    package is rebuilt from the parts read once, and every part's XML is parsed anew, so no
    two documents share an object.
    """
    from docx.opc.package import Unmarshaller
    from docx.opc.part import PartFactory
    from docx.package import Package

    package = Package()
    Unmarshaller.unmarshal(base.parts, package, PartFactory)  # type: ignore[no-untyped-call]
    return package.main_document_part.document


# --- the base document ------------------------------------------------------------------


def page_size(name: str | None) -> tuple[int, int] | None:
    if name is None:
        return None
    try:
        return PAGE_SIZES[name.strip().lower()]
    except KeyError:
        known = ", ".join(k.upper() if k == "a4" else k.title() for k in PAGE_SIZES)
        raise RenderError(
            f"unknown page size {name!r} (known: {known})", format="docx", option="page_size"
        ) from None


def template_key(template: str | os.PathLike[str] | bytes | None) -> tuple[Any, ...] | None:
    """A cache key that changes when the template file does."""
    if template is None or isinstance(template, bytes):
        return None if template is None else ("bytes", template)
    path = os.path.abspath(os.fspath(template))
    try:
        stat = os.stat(path)
    except OSError as exc:
        raise TemplateError(f"cannot read template {path}: {exc.strerror}", format="docx") from None
    return ("path", path, stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=16)
def base(template: tuple[Any, ...] | None, size: tuple[int, int] | None) -> Base:
    if template is None:
        return _build_default(size or PAGE_SIZES["a4"])
    if template[0] == "bytes":
        return _build_from_template(template[1], size, "template")
    try:
        with open(template[1], "rb") as handle:
            data = handle.read()
    except OSError as exc:
        raise TemplateError(f"cannot read template: {exc.strerror}", format="docx") from None
    return _build_from_template(data, size, os.path.basename(template[1]))


def _style_xml(key: str, *, normal: str = "Normal", style_id: str = "") -> etree._Element:
    """One of briefkit's styles; ``normal`` is the id of the style it builds on (Word in
    other languages names Normal's id differently, e.g. "Standard")."""
    _, name, kind, default_id, ppr, rpr = next(s for s in _STYLES if s[0] == key)
    style_id = style_id or default_id
    based = "" if kind == "character" or key == "Normal" else normal
    parts = [f'<w:style xmlns:w="{ox.W_NS}" w:type="{kind}" w:styleId="{style_id}">']
    parts.append(f'<w:name w:val="{name}"/>')
    if kind == "character" and not based:
        parts.append('<w:basedOn w:val="DefaultParagraphFont"/>')
    elif based:
        parts.append(f'<w:basedOn w:val="{based}"/>')
    if key in ("Title", "Subtitle", "Heading 1", "Brief Metadata"):
        parts.append(f'<w:next w:val="{normal}"/>')
    parts.append("<w:qFormat/>" if key in ("Title", "Subtitle", "Heading 1", "Quote") else "")
    parts.append(f"<w:pPr>{ppr}</w:pPr>" if ppr else "")
    parts.append(f"<w:rPr>{rpr}</w:rPr>" if rpr else "")
    return etree.fromstring("".join(parts) + "</w:style>")


def _style_ids(styles: etree._Element) -> dict[str, tuple[str, str]]:
    """Lower-cased style name -> (style id, type)."""
    out = {}
    for style in styles.iterfind("w:style", ox.NS):
        name = style.find("w:name", ox.NS)
        if name is not None:
            out[(name.get(ox.w("val")) or "").lower()] = (
                style.get(ox.w("styleId")) or "",
                style.get(ox.w("type")) or "paragraph",
            )
    return out


def _build_default(size: tuple[int, int]) -> Base:
    """briefkit's own look, from python-docx's template stripped to what a brief uses."""
    from docx import Document

    document = Document()
    styles = document.styles.element
    for style in styles.findall("w:style", ox.NS):
        name = style.find("w:name", ox.NS)
        if name is None or (name.get(ox.w("val")) or "").lower() not in _KEEP_DEFAULT:
            styles.remove(style)
    for latent in styles.findall("w:latentStyles", ox.NS):
        styles.remove(latent)
    rpr = styles.find("w:docDefaults/w:rPrDefault/w:rPr", ox.NS)
    for child in list(rpr):
        rpr.remove(child)
    rpr.extend(etree.fromstring(f'<x xmlns:w="{ox.W_NS}">{_DEFAULT_FONTS}</x>'))
    normal = styles.find("w:style[@w:styleId='Normal']", ox.NS)
    styles.replace(normal, _style_xml("Normal"))
    for key, *_ in _STYLES[1:]:
        styles.append(_style_xml(key))
    part = document.part
    for rid, rel in list(part.rels.items()):
        if rel.reltype.endswith(("/stylesWithEffects", "/customXml")):
            del part.rels[rid]
    for rid, rel in list(part.package.rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            del part.package.rels[rid]
    numbering = _numbering(document)
    for child in list(numbering):
        numbering.remove(child)
    sect_pr = document.sections[0]._sectPr
    _set_page(sect_pr, size)
    margins = sect_pr.get_or_add_pgMar()
    for side, value in (("top", 1247), ("bottom", 1247), ("left", 1304), ("right", 1304),
                        ("header", 567), ("footer", 567)):  # fmt: skip
        margins.set(ox.w(side), str(value))  # twips: 2.2 cm, 2.3 cm, 1 cm
    ids = {key: style_id for key, _, _, style_id, _, _ in _STYLES}
    zoom = document.settings.element.find("w:zoom", ox.NS)
    if zoom is not None and zoom.get(ox.w("percent")) is None:
        zoom.set(ox.w("percent"), "100")  # required by the schema; python-docx omits it
    _add_header_footer(document, ids, header=True, footer=True)
    _clear_core(document, "the built-in reference document")
    return _finish(document, ids, own_header=True, split_title=False)


def _set_page(sect_pr: Any, size: tuple[int, int]) -> None:
    pg = sect_pr.find("w:pgSz", ox.NS)
    if pg is None:
        pg = etree.Element(ox.w("pgSz"))
        sect_pr.insert(0, pg)
    width, height = size
    if pg.get(ox.w("orient")) == "landscape":
        width, height = height, width
    pg.set(ox.w("w"), str(width))
    pg.set(ox.w("h"), str(height))


def _add_header_footer(document: Any, ids: dict[str, str], *, header: bool, footer: bool) -> None:
    section = document.sections[0]
    if header:
        section.header.paragraphs[0]._p.style = ids["Header"]
    if footer:
        p = section.footer.paragraphs[0]._p
        p.style = ids["Footer"]
        ox.add_run(p, "Page ")
        ox.add_field(p, "PAGE", "1")
        ox.add_run(p, " of ")
        ox.add_field(p, "NUMPAGES", "1")


def _clear_core(document: Any, source: str) -> None:
    """Blank the template's own title, author and dates (each brief sets its own); a core
    properties part that is not the core properties element cannot be rewritten."""
    from docx.oxml.coreprops import CT_CoreProperties

    try:  # python-docx loads a part its content types do not declare as a plain Part
        element = document.part.package.core_properties._element
    except AttributeError:
        element = None
    if not isinstance(element, CT_CoreProperties):
        raise TemplateError(
            f"{source}: its core document properties (docProps/core.xml) are not a "
            "coreProperties element in the package's namespace, declared as such in "
            "[Content_Types].xml",
            format="docx",
        )
    core = document.core_properties
    for name in ("author", "category", "comments", "keywords", "language", "subject", "title"):
        setattr(core, name, "")
    core.last_modified_by = ""
    core.revision = 1
    element = document.part.package.core_properties._element
    for name in ("created", "modified", "lastPrinted"):
        child = getattr(element, name)
        if child is not None:
            element.remove(child)


def _numbering(document: Any) -> Any:
    """The document's numbering definitions, a new empty part when the template has none
    (many do: they define no lists; python-docx cannot create one itself)."""
    from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
    from docx.opc.packuri import PackURI
    from docx.oxml import parse_xml
    from docx.parts.numbering import NumberingPart

    part = document.part
    try:
        related = part.part_related_by(RELATIONSHIP_TYPE.NUMBERING)
    except KeyError:
        element = parse_xml(f'<w:numbering xmlns:w="{ox.W_NS}"/>')
        uri = PackURI("/word/numbering.xml")
        related = NumberingPart(uri, CONTENT_TYPE.WML_NUMBERING, element, part.package)
        part.relate_to(related, RELATIONSHIP_TYPE.NUMBERING)
    if not isinstance(related, NumberingPart):
        raise TemplateError(
            "the template's numbering part (word/numbering.xml) is not declared as numbering "
            "in [Content_Types].xml",
            format="docx",
        )
    return related.element


def _finish(document: Any, ids: dict[str, str], *, own_header: bool, split_title: bool) -> Base:
    from docx.opc.pkgreader import PackageReader

    numbering = _numbering(document)
    lists = ox.define_lists(numbering)
    used = ox.numeric_ids(n.get(ox.w("numId")) for n in numbering.iterfind("w:num", ox.NS))
    out = io.BytesIO()
    document.save(out)
    data = out.getvalue()
    parts = PackageReader.from_file(io.BytesIO(data))  # type: ignore[no-untyped-call]
    return Base(data, ids, lists, max(used, default=0) + 1, own_header, split_title, parts)


def _as_document(data: bytes, name: str) -> bytes:
    """A .dotx template relabelled as a document (python-docx opens documents only)."""
    template_ct = b"wordprocessingml.template.main+xml"
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            types = archive.read("[Content_Types].xml")
            if template_ct not in types:
                return data
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
                for info in archive.infolist():
                    blob = archive.read(info)
                    if info.filename == "[Content_Types].xml":
                        blob = types.replace(template_ct, b"wordprocessingml.document.main+xml")
                    copy.writestr(info, blob)
            return out.getvalue()
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise TemplateError(f"{name} is not a Word document: {exc}", format="docx") from None


def _check_custom_properties(package: Any, name: str) -> None:
    """Every brief rewrites the template's custom properties: they must be readable XML."""
    part = ox.custom_properties_part(package)
    if part is None:
        return
    try:
        ox.read_custom_properties(part.blob)
    except etree.XMLSyntaxError as exc:
        raise TemplateError(
            f"{name}: its custom document properties (docProps/custom.xml) are not "
            f"well-formed XML: {exc}",
            format="docx",
        ) from None


def _build_from_template(data: bytes, size: tuple[int, int] | None, name: str) -> Base:
    from docx import Document

    try:
        document = Document(io.BytesIO(_as_document(data, name)))
    except TemplateError:
        raise
    except Exception as exc:  # python-docx raises many types for a broken package
        raise TemplateError(
            f"cannot open {name} as a Word document: {exc}", format="docx"
        ) from None
    defuse(document.part.package)
    _check_custom_properties(document.part.package, name)
    styles = document.styles.element
    present = _style_ids(styles)
    taken = {style_id for style_id, _ in present.values()}
    ids: dict[str, str] = {}
    for key, xml_name, kind, default_id, *_ in _STYLES:
        found = present.get(xml_name.lower())
        if found and found[1] == kind:
            ids[key] = found[0]
        elif key in REQUIRED_STYLES:
            raise TemplateError(
                f"{name} lacks the {kind} style {key!r} that briefkit needs; define it in the "
                "template (in Word: apply the style once, delete the text, save)",
                format="docx",
            )
        else:
            style_id = default_id
            while style_id in taken:
                style_id += "1"
            taken.add(style_id)
            styles.append(_style_xml(key, normal=ids["Normal"], style_id=style_id))
            ids[key] = style_id
    body = document.element.body
    breaks = 0
    for child in list(body):
        ppr = child.find("w:pPr", ox.NS) if child.tag == ox.w("p") else None
        if ppr is not None and ppr.find("w:sectPr", ox.NS) is not None:
            breaks += 1
            for extra in list(child):
                if extra is not ppr:
                    child.remove(extra)
        elif child.tag != ox.w("sectPr"):
            body.remove(child)
    sect_prs = body.findall(".//w:sectPr", ox.NS)
    has = {kind: any(s.find(f"w:{kind}Reference", ox.NS) is not None for s in sect_prs)
           for kind in ("header", "footer")}  # fmt: skip
    _add_header_footer(document, ids, header=not has["header"], footer=not has["footer"])
    if size:
        for sect_pr in sect_prs:
            _set_page(sect_pr, size)
    part = document.part
    for rid, rel in list(part.rels.items()):
        if rel.reltype.endswith("/customXml") and ox.HINT_NS.encode() in rel.target_part.blob:
            del part.rels[rid]  # a briefkit document reused as a template
    _clear_core(document, name)
    return _finish(document, ids, own_header=not has["header"], split_title=breaks > 0)
