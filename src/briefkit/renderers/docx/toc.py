"""A long brief's table of contents in Word: a real ``TOC`` field with a cached result.

The field (``TOC \\o "1-1" \\h \\z \\u``: Heading 1 entries, as hyperlinks) is what Word
rebuilds when the reader updates it; its cached result, written here, is what every reader
shows until then: one ``toc 1`` paragraph per section heading, linking to the bookmark
briefkit already puts on that heading, with the estimated page number after a dotted
tab. The begin character is marked dirty, so Word refreshes the page numbers on opening.
"""

from __future__ import annotations

from collections.abc import Sequence

from lxml import etree

from ...syntax import ooxml as ox

__all__ = ["INSTRUCTION", "add_toc"]

INSTRUCTION = 'TOC \\o "1-1" \\h \\z \\u'


def _field_char(parent: etree._Element, kind: str, *, dirty: bool = False) -> None:
    char = etree.SubElement(etree.SubElement(parent, ox.w("r")), ox.w("fldChar"))
    char.set(ox.w("fldCharType"), kind)
    if dirty:
        char.set(ox.w("dirty"), "true")


def add_toc(
    anchor: etree._Element,
    entries: Sequence[tuple[str, str, int]],
    *,
    heading_style: str,
    entry_style: str,
) -> list[etree._Element]:
    """Insert "Contents" and the field before ``anchor``; ``entries`` are (bookmark, text,
    page). Returns each entry's page number text element (to refine the estimate once the
    list itself is in place); nothing is added without entries."""
    numbers: list[etree._Element] = []
    if not entries:
        return numbers
    heading = ox.new_paragraph(heading_style)
    ox.add_run(heading, "Contents")
    anchor.addprevious(heading)
    for number, (bookmark, text, page) in enumerate(entries):
        p = ox.new_paragraph(entry_style)
        if number == 0:
            _field_char(p, "begin", dirty=True)
            instr = etree.SubElement(etree.SubElement(p, ox.w("r")), ox.w("instrText"))
            instr.text = f" {INSTRUCTION} "
            instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            _field_char(p, "separate")
        link = etree.SubElement(p, ox.w("hyperlink"))
        link.set(ox.w("anchor"), bookmark)
        link.set(ox.w("history"), "1")
        ox.add_run(link, text)
        etree.SubElement(etree.SubElement(link, ox.w("r")), ox.w("tab"))
        numbers.append(ox.add_run(link, str(page))[-1])  # the run's w:t
        if number == len(entries) - 1:
            _field_char(p, "end")
        anchor.addprevious(p)
    return numbers
