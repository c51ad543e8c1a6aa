"""Inspectors for rendered output: what would a reader's software run, fetch or open?

Each ``*_problems`` function returns a list of readable findings (empty when the document is
inert); each ``*_text`` function returns the text a reader would see. They are written
independently of briefkit's own safety code so that they check it rather than repeat it.
"""

from __future__ import annotations

import base64
import io
import json
import re
import unicodedata
import zipfile
from collections.abc import Iterator
from typing import Any
from urllib.parse import unquote

import lxml.etree
import lxml.html

__all__ = [
    "FORMATS",
    "docx_problems",
    "docx_text",
    "html_problems",
    "html_text",
    "is_safe_document_target",
    "is_safe_url",
    "markdown_problems",
    "markdown_text",
    "normalize",
    "output_bytes",
    "pdf_problems",
    "pdf_text",
    "problems",
    "visible_text",
]

#: Every built-in output format.
FORMATS = ("html", "docx", "pdf", "text", "markdown", "json")

_SAFE_SCHEMES = {"http", "https", "mailto"}
_NOISE = re.compile(r"[\x00-\x20\x7f]")
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.\-]*):")
_NOISE_CHARS = "".join(chr(c) for c in range(0x21)) + "\x7f"
#: Characters no output may carry: C0 controls but tab/newline/CR, DEL, lone surrogates,
#: the non-characters U+FFFE/U+FFFF, and bidi embedding/override/isolate controls.
UNSAFE_CHARS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff\u202a-\u202e\u2066-\u2069]"
)


def is_safe_url(url: str) -> bool:
    """True for http(s)/mailto and relative URLs, read the way a browser reads a scheme.

    Browsers drop ASCII whitespace and controls inside a scheme (``java\\tscript:``), so
    they are removed before matching. Backslashes are refused: browsers turn them into
    slashes, which makes ``\\\\host\\share`` a link to another host.
    """
    if "\\" in url:
        return False
    match = _SCHEME.match(_NOISE.sub("", url))
    return match is None or match.group(1).lower() in _SAFE_SCHEMES


#: What a relative link in a DOCX or PDF may open: a document of the kinds briefkit writes.
_DOCUMENT_SUFFIXES = (".html", ".htm", ".xhtml", ".pdf", ".docx", ".txt", ".md", ".json")


def is_safe_document_target(url: str) -> bool:
    """A link target in a DOCX or PDF: http(s)/mailto, a ``#fragment``, or a document
    beside or below this one (``next.pdf``, ``b/x.html``).

    Word and PDF viewers resolve a relative target against the document's own location, so
    ``//host/share`` becomes a UNC path (a Windows machine sends its credentials there),
    ``/etc/x`` a local file and ``../../Windows/System32/calc.exe`` a program;
    percent-escapes may be undone before the scheme is read.
    """
    if not (is_safe_url(url) and is_safe_url(unquote(url))):
        return False
    if _SCHEME.match(_NOISE.sub("", url)) is not None or url.startswith("#"):
        return True
    path = unquote(url).split("#")[0].split("?")[0]
    if not path or path.lstrip(_NOISE_CHARS).startswith("/") or ".." in path.split("/"):
        return False
    return path.lower().endswith(_DOCUMENT_SUFFIXES) and ":" not in path


def normalize(text: str) -> str:
    """NFKC (undoes ligatures a PDF text layer may use) with whitespace runs collapsed."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


# --- HTML -------------------------------------------------------------------------------

_DANGEROUS_TAGS = {
    "script", "iframe", "frame", "frameset", "object", "embed", "applet", "param", "base",
    "form", "input", "button", "textarea", "select", "option", "picture", "source",
    "video", "audio", "track", "svg", "math", "template", "portal", "noscript", "marquee",
    "xml", "isindex", "image", "bgsound", "canvas",
}  # fmt: skip
_FETCHING_RELS = {
    "stylesheet", "import", "preload", "prefetch", "modulepreload", "icon", "manifest",
    "preconnect", "dns-prefetch", "prerender", "attachment", "serviceworker", "pingback",
}  # fmt: skip
_URL_ATTRS = {
    "href", "src", "action", "formaction", "data", "poster", "background", "cite",
    "longdesc", "ping", "manifest", "codebase", "lowsrc", "dynsrc", "usemap", "xlink:href",
    "archive", "classid", "profile", "icon", "itemtype",
}  # fmt: skip
#: An image source a browser loads without running anything: a web or relative address (the
#: figure's own), or an inline image of a raster type or SVG (browsers never run script
#: in an SVG loaded through ``<img>``).
_IMAGE_DATA = re.compile(r"data:image/(png|jpeg|gif|webp|svg\+xml);base64,[A-Za-z0-9+/=]*")
_BAD_CSS = re.compile(r"@import|expression\s*\(|behavior\s*:|-moz-binding|javascript:", re.I)
_CSS_URL = re.compile(r"url\(\s*['\"]?\s*([^'\")\s]*)", re.I)


def _css_problems(css: str, where: str) -> list[str]:
    found = [f"{where}: {m.group()!r}" for m in _BAD_CSS.finditer(css)]
    for match in _CSS_URL.finditer(css):
        target = match.group(1)
        if not (target.startswith("#") or target.lower().startswith("data:image/")):
            found.append(f"{where}: url({target[:80]})")
    return found


#: Rendered output may legitimately nest deeper than libxml2's default limit of 256.
_HTML = lxml.html.HTMLParser(huge_tree=True, no_network=True)


def _parse_html(html: str) -> lxml.html.HtmlElement:
    if not html.strip():
        return lxml.html.Element("html")
    return lxml.html.document_fromstring(html, parser=_HTML)


def html_problems(html: str) -> list[str]:
    """Anything in ``html`` that could run, fetch, submit or navigate somewhere unsafe."""
    found: list[str] = []
    if re.search(r"<!ENTITY|<\?xml-stylesheet|<!DOCTYPE\s+(?!html\s*>)", html, re.I):
        found.append("DTD, entity or stylesheet processing instruction")
    root = _parse_html(html)
    for el in root.iter():
        if not isinstance(el.tag, str):
            text = el.text or ""
            if "[if" in text or "<" in text:
                found.append(f"comment that a browser may read as markup: {text[:60]!r}")
            continue
        tag = el.tag.lower().rpartition("}")[2]
        where = f"<{tag}>"
        if tag == "script":
            if (el.get("type") or "").lower() != "application/ld+json":
                found.append(f"{where} element")
            else:
                try:
                    json.loads(el.text or "")
                except ValueError:
                    found.append(f"{where} JSON-LD that is not JSON")
        elif tag in _DANGEROUS_TAGS:
            found.append(f"{where} element")
        if tag == "meta" and (el.get("http-equiv") or "").lower() in {"refresh", "set-cookie"}:
            found.append(f"{where} http-equiv={el.get('http-equiv')}")
        rels = set((el.get("rel") or "").lower().split())
        if tag in {"link", "a", "area"} and rels & _FETCHING_RELS:
            found.append(f"{where} rel={sorted(rels & _FETCHING_RELS)}")
        if tag == "style":
            found.extend(_css_problems(el.text or "", where))
        for name, value in el.attrib.items():
            lname = str(name).lower().rpartition("}")[2]
            if lname.startswith("on"):
                found.append(f"{where} event handler {lname}={value[:60]!r}")
            elif lname in {"srcdoc", "srcset", "imagesrcset"}:
                found.append(f"{where} {lname} attribute")
            elif lname == "style":
                found.extend(_css_problems(value, f"{where} style attribute"))
            elif tag == "img" and lname == "src":
                if not (is_safe_url(value) or _IMAGE_DATA.fullmatch(value)):
                    found.append(f"{where} src={value[:80]!r}")
            elif (lname in _URL_ATTRS or lname.endswith(":href")) and not is_safe_url(value):
                found.append(f"{where} {lname}={value[:80]!r}")
            elif tag == "meta" and lname == "content" and "url=" in value.lower():
                target = value.lower().split("url=", 1)[1].strip(" '\"")
                if not is_safe_url(target):
                    found.append(f"{where} content={value[:80]!r}")
    return found


def html_text(html: str) -> str:
    """The text a browser shows: the body without script and style content."""
    root = _parse_html(html)
    for el in root.xpath("//script|//style"):
        el.drop_tree()
    bodies = root.xpath("//body")
    return str((bodies[0] if bodies else root).text_content())


# --- Markdown ---------------------------------------------------------------------------


def _split_front_matter(markdown: str) -> tuple[str, str]:
    match = re.match(r"\A---\r?\n(.*?\r?\n)?---\r?\n", markdown, re.S)
    if not match:
        return "", markdown
    return match.group(1) or "", markdown[match.end() :]


def markdown_html(markdown: str) -> str:
    """The Markdown body as CommonMark HTML, raw HTML passed through and no link filtering."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": True})
    md.validateLink = lambda url: True  # type: ignore[method-assign]  # see every link
    return str(md.render(_split_front_matter(markdown)[1]))


def _strings(value: Any, key: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(v, str(k))
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v, key)
    elif value is not None:
        yield key, str(value)


def _commonmark_html(markdown: str) -> str:
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": True})
    md.validateLink = lambda url: True  # type: ignore[method-assign]  # see every link
    return str(md.render(markdown))


def markdown_problems(markdown: str) -> list[str]:
    """What a Markdown renderer with raw HTML enabled would turn into active content.

    Three readers: one that knows front matter (the body only), one that does not (the
    front matter read as Markdown too), and pandoc's (every front matter string is
    Markdown, so ``title: <img onerror=...>`` would be live in its output).
    """
    import yaml

    found = html_problems(markdown_html(markdown))
    found += [f"read without front matter: {p}" for p in html_problems(_commonmark_html(markdown))]
    front, _ = _split_front_matter(markdown)
    if front:
        try:
            data = yaml.safe_load(front)
        except yaml.YAMLError as exc:
            return [*found, f"front matter is not plain YAML: {exc}"]
        for key, value in _strings(data):
            if key in {"url", "href", "canonical"} and not is_safe_url(value):
                found.append(f"front matter {key}={value[:80]!r}")
            found += [
                f"front matter {key} as Markdown: {p}"
                for p in html_problems(_commonmark_html(value))
            ]
    return found


def markdown_text(markdown: str) -> str:
    """The visible text of the Markdown body, plus its front matter values."""
    import yaml

    front, _ = _split_front_matter(markdown)
    values = [v for _, v in _strings(yaml.safe_load(front))] if front else []
    return "\n".join([*values, html_text(markdown_html(markdown))])


# --- DOCX -------------------------------------------------------------------------------

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_ACTIVE_PARTS = re.compile(r"vbaProject|activeX|embeddings/|oleObject|\.bin$", re.I)
_ACTIVE_RELS = re.compile(
    r"/(attachedTemplate|oleObject|subDocument|aFChunk|frame|package|control|vbaProject)$"
)
_ACTIVE_FIELDS = re.compile(r"\b(INCLUDETEXT|INCLUDEPICTURE|INCLUDE|DDE|DDEAUTO|IMPORT|LINK)\b")
_XML = lxml.etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True)


def _zip_parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def docx_problems(data: bytes) -> list[str]:
    """Macros, embedded objects, external templates, file links and active fields."""
    found: list[str] = []
    parts = _zip_parts(data)
    for name, body in parts.items():
        if _ACTIVE_PARTS.search(name):
            found.append(f"active part {name}")
        if b"<!DOCTYPE" in body[:2000] or b"<!ENTITY" in body[:2000]:
            found.append(f"DTD in {name}")
        if name == "[Content_Types].xml" and b"macroEnabled" in body:
            found.append("macro-enabled content type")
        if name.endswith(".rels"):
            for rel in lxml.etree.fromstring(body, _XML):
                target, kind = rel.get("Target", ""), rel.get("Type", "")
                external = rel.get("TargetMode") == "External"
                if _ACTIVE_RELS.search(kind):
                    found.append(f"{name}: relationship {kind.rsplit('/', 1)[1]} -> {target}")
                elif external and not is_safe_document_target(target):
                    found.append(f"{name}: external target {target[:80]!r}")
                elif not external and (target.startswith("/..") or "../.." in target):
                    found.append(f"{name}: target escapes the package {target!r}")
        if name.startswith("word/") and name.endswith(".xml") and b"<w:" in body:
            root = lxml.etree.fromstring(body, _XML)
            for tag in ("altChunk", "subDoc", "object", "control", "embed"):
                if root.find(f".//{_W}{tag}") is not None:
                    found.append(f"{name}: w:{tag}")
            instructions = [el.get(f"{_W}instr", "") for el in root.iter(f"{_W}fldSimple")]
            instructions += [el.text or "" for el in root.iter(f"{_W}instrText")]
            for instr in instructions:
                if _ACTIVE_FIELDS.search(instr.upper()) or "javascript" in instr.lower():
                    found.append(f"{name}: field {instr.strip()[:80]!r}")
            if root.find(f".//{_W}updateFields") is not None:
                found.append(f"{name}: w:updateFields (fields refresh on open)")
    return found


def docx_text(data: bytes) -> str:
    """The text of the document body, then of its footnotes and endnotes (which Word shows
    at the foot of the page and at the end), one line per paragraph."""
    parts = _zip_parts(data)
    lines = []
    for name in ("word/document.xml", "word/footnotes.xml", "word/endnotes.xml"):
        if name not in parts:
            continue
        root = lxml.etree.fromstring(parts[name], _XML)
        for para in root.iter(f"{_W}p"):
            runs = [t.text or "" for t in para.iter(f"{_W}t")]
            lines.append("".join(runs))
    return "\n".join(lines)


# --- PDF --------------------------------------------------------------------------------

_PDF_BAD_KEYS = {
    "/JS", "/JavaScript", "/EmbeddedFiles", "/EmbeddedFile", "/AA", "/XFA", "/RichMedia",
    "/OpenAction",
}  # fmt: skip
_PDF_BAD_ACTIONS = {
    "/JavaScript", "/Launch", "/GoToR", "/GoToE", "/ImportData", "/SubmitForm", "/Movie",
    "/Sound", "/Rendition", "/RichMediaExecute", "/Hide", "/SetOCGState", "/Trans",
}  # fmt: skip
_PDF_BAD_TYPES = {"/Filespec", "/EmbeddedFile", "/FileAttachment", "/Sound", "/Movie", "/Screen"}


def _pdf_objects(data: bytes) -> Iterator[Any]:
    """Every object of the PDF (indirect ones, and what they contain), each once."""
    from pypdf import PdfReader
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

    reader = PdfReader(io.BytesIO(data))
    seen: set[tuple[int, int]] = set()
    stack: list[Any] = [reader.trailer]
    while stack:
        obj = stack.pop()
        if isinstance(obj, IndirectObject):
            key = (obj.idnum, obj.generation)
            if key in seen:
                continue
            seen.add(key)
            obj = obj.get_object()
        yield obj
        if isinstance(obj, DictionaryObject):
            stack.extend(v for k, v in obj.items() if k not in {"/Parent", "/P"})
        elif isinstance(obj, ArrayObject):
            stack.extend(obj)


def pdf_problems(data: bytes) -> list[str]:
    """JavaScript, launch and file actions, embedded files, non-web URI actions."""
    from pypdf.generic import DictionaryObject

    found: list[str] = []
    for obj in _pdf_objects(data):
        if not isinstance(obj, DictionaryObject):
            continue
        for key in obj.keys() & _PDF_BAD_KEYS:
            found.append(f"PDF key {key}")
        if obj.get("/S") in _PDF_BAD_ACTIONS:
            found.append(f"PDF action {obj['/S']}")
        if obj.get("/Type") in _PDF_BAD_TYPES or obj.get("/Subtype") in _PDF_BAD_TYPES:
            found.append(f"PDF object {obj.get('/Type') or obj.get('/Subtype')}")
        if obj.get("/S") == "/URI":
            uri = str(obj.get("/URI", ""))
            if not is_safe_document_target(uri):
                found.append(f"PDF URI action {uri[:80]!r}")
    return found


def pdf_text(data: bytes) -> str:
    """The text layer of every page."""
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


# --- every format -----------------------------------------------------------------------


def output_bytes(fmt: str, output: str | bytes) -> bytes:
    """Every byte a reader could get at: zip parts and PDF streams decompressed."""
    raw = output.encode("utf-8", "surrogatepass") if isinstance(output, str) else output
    chunks = [raw]
    if fmt == "docx":
        chunks.extend(_zip_parts(raw).values())
    elif fmt == "pdf":
        from pypdf.generic import StreamObject

        for obj in _pdf_objects(raw):
            if isinstance(obj, StreamObject):
                try:
                    chunks.append(obj.get_data())
                except Exception:  # a filter pypdf cannot decode: the raw bytes are kept
                    chunks.append(obj._data)
    return b"\n".join(chunks)


def contains_secret(fmt: str, output: str | bytes, secret: str) -> bool:
    """True when ``secret`` (or its base64, as a data: URL would hold it) is in the output."""
    blob = output_bytes(fmt, output)
    encoded = base64.b64encode(secret.encode())[:-4]
    return secret.encode() in blob or encoded in blob


def problems(fmt: str, output: str | bytes) -> list[str]:
    """Active content in ``output`` of format ``fmt``; JSON and text only need clean characters."""
    found: list[str] = []
    if fmt == "html":
        assert isinstance(output, str)
        found = html_problems(output)
    elif fmt == "markdown":
        assert isinstance(output, str)
        found = markdown_problems(output)
    elif fmt == "docx":
        assert isinstance(output, bytes)
        found = docx_problems(output)
    elif fmt == "pdf":
        assert isinstance(output, bytes)
        found = pdf_problems(output)
    elif fmt == "json":
        assert isinstance(output, str)
        json.loads(output)
    if fmt == "pdf":  # glyphs missing from the fonts extract as control characters
        return found
    text = visible_text(fmt, output)
    if fmt == "markdown":  # the Markdown writer steers CommonMark with form feeds (documented)
        text = text.replace("\x0c", "")
    found.extend(f"unsafe character U+{ord(c):04X}" for c in set(UNSAFE_CHARS.findall(text)))
    return found


def _json_strings(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        for v in value.values():
            yield from _json_strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _json_strings(v)
    elif isinstance(value, str):
        yield value


def visible_text(fmt: str, output: str | bytes) -> str:
    """The text a reader of ``output`` sees."""
    if fmt == "docx":
        assert isinstance(output, bytes)
        return docx_text(output)
    if fmt == "pdf":
        assert isinstance(output, bytes)
        return pdf_text(output)
    assert isinstance(output, str)
    if fmt == "html":
        return html_text(output)
    if fmt == "markdown":
        return markdown_text(output)
    if fmt == "json":
        return "\n".join(_json_strings(json.loads(output)))
    return output
