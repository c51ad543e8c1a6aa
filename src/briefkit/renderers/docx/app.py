"""``docProps/app.xml`` written for the brief, and the page count it and the footer state.

python-docx ships the extended properties of its own template ("Microsoft Macintosh Word",
1 page, 0 words), and a field's cached result is what previewers and indexers show. Word
recounts both when it opens the file; everyone else believes them. So the counts are the
document's own, and the page count is an estimate from the text (a line model of
briefkit's styles: characters per line and line heights of A4 or Letter with briefkit's
margins). It is close for briefkit's own layout (within a page for the test corpus, see
``tests/validators``) and only a guide with a template's styles.
"""

from __future__ import annotations

import math
import re
from typing import Any

from lxml import etree

from ..._version import __version__
from ...syntax import ooxml as ox

__all__ = [
    "estimate_pages",
    "page_of",
    "set_app_properties",
    "set_cached_page_count",
    "text_stats",
]

_EP_NS = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
_RT_APP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"
# style id -> (font size pt, space before + after pt, line height factor)
_METRICS: dict[str, tuple[float, float, float]] = {
    "Title": (22, 6, 1.2),
    "Subtitle": (12.5, 6, 1.2),
    "BriefMetadata": (9, 20, 1.2),
    "BriefCategory": (8.5, 3, 1.2),
    "BriefMarking": (12, 6, 1.2),
    "Heading1": (13, 20, 1.2),
    "TOCHeading": (12, 17, 1.2),
    "TOC1": (10.5, 3, 1.15),
    "BriefNavigation": (9.5, 8, 1.15),
    "ListNumber": (10.5, 5, 1.38),
    "ListBullet": (10.5, 5, 1.38),
    "Quote": (10.5, 7, 1.38),
}
_NORMAL = (10.5, 7, 1.38)
_INDENT = {"ListNumber": 23.0, "ListBullet": 23.0, "Quote": 34.0}  # points off the text width
_AVERAGE_WIDTH = 0.46  # Arial/Liberation Sans: mean advance of running text, in em
_WORD = re.compile(r"\S+")


def _paragraphs(body: etree._Element) -> list[tuple[str, str]]:
    """(style id, text) of every body paragraph."""
    out = []
    for p in body.iterfind("w:p", ox.NS):
        style = p.find("w:pPr/w:pStyle", ox.NS)
        text = "".join(t.text or "" for t in p.iter(ox.w("t")))
        out.append(((style.get(ox.w("val")) if style is not None else None) or "Normal", text))
    return out


def _page_box(body: etree._Element) -> tuple[float, float]:
    """Text width and height of the last section's page, in points."""
    sect = body.find("w:sectPr", ox.NS)
    size = sect.find("w:pgSz", ox.NS) if sect is not None else None
    margins = sect.find("w:pgMar", ox.NS) if sect is not None else None

    def twips(element: Any, name: str, default: int) -> float:
        value = element.get(ox.w(name)) if element is not None else None
        return int(value) / 20 if value and value.lstrip("-").isdigit() else default / 20

    width = twips(size, "w", 11906) - twips(margins, "left", 1304) - twips(margins, "right", 1304)
    height = twips(size, "h", 16838) - twips(margins, "top", 1247) - twips(margins, "bottom", 1247)
    return max(width, 72.0), max(height, 72.0)


def _heights(body: etree._Element) -> list[float]:
    width, _ = _page_box(body)
    out = []
    for style, text in _paragraphs(body):
        size, spacing, factor = _METRICS.get(style, _NORMAL)
        per_line = max(int((width - _INDENT.get(style, 0.0)) / (size * _AVERAGE_WIDTH)), 10)
        lines = max(1, math.ceil(len(text) / per_line))
        out.append(lines * size * factor + spacing)
    return out


def estimate_pages(body: etree._Element) -> int:
    """Pages the body fills, estimated from its paragraphs' lengths and styles."""
    _, height = _page_box(body)
    return max(1, math.ceil(sum(_heights(body)) / height))


def page_of(body: etree._Element, paragraph: etree._Element) -> int:
    """The estimated page on which body paragraph ``paragraph`` starts."""
    _, height = _page_box(body)
    used = 0.0
    for p, h in zip(body.iterfind("w:p", ox.NS), _heights(body), strict=True):
        if p is paragraph:
            break
        used += h
    return int(used // height) + 1


def text_stats(body: etree._Element) -> dict[str, int]:
    """Words, characters (with and without spaces), paragraphs and lines of the body."""
    paragraphs = [text for _, text in _paragraphs(body)]
    words = sum(len(_WORD.findall(t)) for t in paragraphs)
    chars = sum(len(t) for t in paragraphs)
    spaces = sum(t.count(" ") for t in paragraphs)
    width, _ = _page_box(body)
    lines = sum(max(1, math.ceil(len(t) / int(width / 5.25))) for t in paragraphs if t)
    return {
        "Words": words,
        "Characters": chars - spaces,
        "CharactersWithSpaces": chars,
        "Paragraphs": sum(1 for t in paragraphs if t),
        "Lines": lines,
    }


def set_app_properties(package: Any, body: etree._Element, pages: int) -> None:
    """Replace ``docProps/app.xml`` with briefkit's: application, page and text counts."""
    stats = text_stats(body)
    root = etree.Element(f"{{{_EP_NS}}}Properties", nsmap={None: _EP_NS})  # type: ignore[dict-item]

    def add(name: str, value: object) -> None:
        etree.SubElement(root, f"{{{_EP_NS}}}{name}").text = str(value)

    add("Template", "Normal.dotm")
    add("TotalTime", 0)
    add("Pages", pages)
    add("Words", stats["Words"])
    add("Characters", stats["Characters"])
    add("Application", f"briefkit {__version__}")
    add("DocSecurity", 0)
    add("Lines", stats["Lines"])
    add("Paragraphs", stats["Paragraphs"])
    add("ScaleCrop", "false")
    add("LinksUpToDate", "false")
    add("CharactersWithSpaces", stats["CharactersWithSpaces"])
    add("SharedDoc", "false")
    add("HyperlinksChanged", "false")
    blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    for rel in package.rels.values():
        if rel.reltype == _RT_APP and not rel.is_external:
            rel.target_part._blob = blob  # python-docx keeps this part as bytes


def set_cached_page_count(root: etree._Element, pages: int) -> None:
    """Make every ``NUMPAGES`` field under ``root`` show ``pages`` until Word recounts."""
    runs = list(root.iter(ox.w("r")))
    for index, run in enumerate(runs):
        instr = run.find("w:instrText", ox.NS)
        if instr is None or (instr.text or "").split()[:1] != ["NUMPAGES"]:
            continue
        for later in runs[index + 1 :]:
            char = later.find("w:fldChar", ox.NS)
            if char is not None and char.get(ox.w("fldCharType")) == "end":
                break
            text = later.find("w:t", ox.NS)
            if text is not None:
                text.text = str(pages)
                break
