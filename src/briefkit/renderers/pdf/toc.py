"""A long brief's table of contents in the PDF, with page numbers from ``target-counter()``.

The list goes after the brief's header: one entry per section heading, linking to the
heading, whose page number WeasyPrint fills in at layout time (``print.css``:
``.pdf-toc a::after``). Headings get ids here because the HTML renderer's markup has none.
"""

from __future__ import annotations

from lxml import etree

__all__ = ["add_toc", "has_class", "section_ids"]


def has_class(element: etree._Element, name: str) -> bool:
    """True when ``element``'s class attribute holds the token ``name``."""
    return name in (element.get("class") or "").split()


def section_ids(wrapper: etree._Element, prefix: str) -> list[tuple[str, str]]:
    """Give every ``h2.brief-heading`` under ``wrapper`` an id; return (id, text) pairs."""
    found = []
    for number, heading in enumerate(
        (h for h in wrapper.iter("h2") if has_class(h, "brief-heading")), start=1
    ):
        ident = heading.get("id") or f"{prefix}-s{number}"
        heading.set("id", ident)
        text = "".join(str(t) for t in heading.itertext())
        found.append((ident, " ".join(text.split())))
    return found


def add_toc(wrapper: etree._Element, prefix: str) -> bool:
    """Put a contents list after the brief's header; False when it has no headings."""
    headings = section_ids(wrapper, prefix)
    if not headings:
        return False
    toc = etree.Element("nav", {"class": "pdf-toc", "aria-label": "Contents"})
    etree.SubElement(toc, "h2", {"class": "pdf-toc-heading"}).text = "Contents"
    entries = etree.SubElement(toc, "ol")
    for ident, text in headings:
        entry = etree.SubElement(entries, "li")
        etree.SubElement(entry, "a", {"href": "#" + ident}).text = text
    header = next((h for h in wrapper.iter("header") if has_class(h, "brief-header")), None)
    if header is not None:
        header.addnext(toc)
    else:
        wrapper.insert(0, toc)
    return True
