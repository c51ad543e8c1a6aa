"""Figures and footnotes in the PDF: the HTML renderer's markup made ready for the page.

- Every figure's image goes through the image sandbox (``_figures``): what it gives is
  handed to WeasyPrint as ``briefkit-figure:N``, which only this render's fetcher serves
  (so WeasyPrint fetches nothing for it); a figure it refuses shows its alt text. A
  figure's intended width (or height) becomes its CSS size; the print stylesheet keeps
  every image inside the page.
- Every note reference becomes a ``span.pdf-footnote`` holding the note's text where the
  reference was: the print stylesheet floats it to the foot of the page (CSS
  ``float: footnote``), and WeasyPrint numbers the calls and the notes. The end-of-page
  notes list of the HTML is then not needed.
"""

from __future__ import annotations

from lxml import etree

from .._figures import Pictures
from .fetch import FIGURE_SCHEME

__all__ = ["embed_figures", "footnotes"]


def _classes(el: etree._Element) -> set[str]:
    return set((el.get("class") or "").split())


def _missing(figure: etree._Element, img: etree._Element) -> None:
    """Put the alt text where the image was (the HTML renderer's own fallback form)."""
    alt = etree.Element("p", {"class": "brief-figure-alt"})
    alt.text = img.get("alt") or "Image not shown"
    alt.tail = img.tail
    figure.replace(img, alt)
    figure.set("class", (figure.get("class") or "") + " brief-figure-missing")


def embed_figures(
    root: etree._Element, pictures: Pictures, figures: dict[str, tuple[bytes, str]]
) -> None:
    """Images of ``figure.brief-figure`` loaded into ``figures``, or replaced by their alt text."""
    for figure in list(root.iter("figure")):
        if "brief-figure" not in _classes(figure) or "brief-figure-missing" in _classes(figure):
            continue
        img = next((c for c in figure if c.tag == "img"), None)
        if img is None:
            continue
        picture = pictures.load(img.get("src") or "")
        if picture is None:
            _missing(figure, img)
            continue
        url = f"{FIGURE_SCHEME}{len(figures) + 1}"
        figures[url] = (picture.data, picture.info.media_type)
        img.set("src", url)
        width, height = img.get("width"), img.get("height")
        for name in ("width", "height"):
            if name in img.attrib:
                del img.attrib[name]
        if width:
            img.set("style", f"width: {int(width)}px")
        elif height:
            img.set("style", f"height: {int(height)}px")


def footnotes(root: etree._Element) -> None:
    """Note references replaced by the notes themselves, to float to the foot of the page."""
    lists = [s for s in root.iter("section") if "brief-notes" in _classes(s)]
    notes = {li.get("id"): li for s in lists for li in s.iter("li") if li.get("id")}
    for sup in list(root.iter("sup")):
        if "brief-noteref" not in _classes(sup):
            continue
        link = next(sup.iter("a"), None)
        note = notes.get((link.get("href") or "")[1:]) if link is not None else None
        if note is None:
            continue
        span = etree.Element("span", {"class": "pdf-footnote"})
        span.text = note.text
        for child in list(note):
            if child.get("role") != "doc-backlink":
                span.append(child)  # the backlink is the last child and has no tail
        if len(span):
            span[-1].tail = (span[-1].tail or "").rstrip() or None
        else:
            span.text = (span.text or "").rstrip()
        span.tail = sup.tail
        parent = sup.getparent()
        if parent is not None:
            parent.replace(sup, span)
    for section in lists:
        parent = section.getparent()
        if parent is not None:
            parent.remove(section)
