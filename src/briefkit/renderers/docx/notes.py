"""Real Word footnotes: ``word/footnotes.xml``, which python-docx has no API for.

The part is created on the first note (or a template's is reused, keeping its separators
and dropping any footnote text it carries). Each note is a ``w:footnote`` whose paragraph
starts with the ``w:footnoteRef`` mark; in the body a ``w:footnoteReference`` run in the
``Footnote Reference`` style points at it, so Word and LibreOffice number, place and link
the notes themselves. Links inside a note are relationships of the footnotes part.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from lxml import etree

from ...model import Inline, Note, Text, normalize_inlines, notes_in
from ...syntax import ooxml as ox
from ...syntax import runs
from ...syntax.notemarks import mark

__all__ = ["Footnotes", "mark_notes", "reference_run"]

_RT_FOOTNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
_CT_FOOTNOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
_SEPARATORS = (
    f'<w:footnotes xmlns:w="{ox.W_NS}" xmlns:r="{ox.R_NS}">'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240"'
    ' w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0"'
    ' w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p>'
    "</w:footnote></w:footnotes>"
)
_SAFE = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


def reference_run(
    parent: etree._Element, note_id: int, style_id: str, *, bold: bool, italic: bool
) -> None:
    """Append the body run that references footnote ``note_id``."""
    r = etree.SubElement(parent, ox.w("r"))
    rpr = etree.SubElement(r, ox.w("rPr"))
    etree.SubElement(rpr, ox.w("rStyle")).set(ox.w("val"), style_id)
    if bold:
        etree.SubElement(rpr, ox.w("b"))
    if italic:
        etree.SubElement(rpr, ox.w("i"))
    etree.SubElement(r, ox.w("footnoteReference")).set(ox.w("id"), str(note_id))


class Footnotes:
    """The document's footnotes part, filled note by note, written out by :meth:`finish`."""

    def __init__(self, document: Any, text_style: str, reference_style: str) -> None:
        self.document = document
        self.text_style = text_style
        self.reference_style = reference_style
        self.part: Any = None
        self.root: etree._Element | None = None
        self.next_id = 1

    def _open(self) -> tuple[Any, etree._Element]:
        if self.part is None or self.root is None:
            from docx.opc.packuri import PackURI
            from docx.opc.part import Part

            main = self.document.part
            existing = next(
                (r.target_part for r in main.rels.values()
                 if r.reltype == _RT_FOOTNOTES and not r.is_external),
                None,
            )  # fmt: skip
            if existing is not None:
                root = etree.fromstring(existing.blob, _SAFE)
                for note in root.findall("w:footnote", ox.NS):
                    if note.get(ox.w("type")) in (None, "normal"):
                        root.remove(note)  # a template's own footnote text
                self.part = existing
            else:
                root = etree.fromstring(_SEPARATORS)
                self.part = Part(PackURI("/word/footnotes.xml"), _CT_FOOTNOTES, b"", main.package)
                main.relate_to(self.part, _RT_FOOTNOTES)
            self.root = root
        return self.part, self.root

    def add(self, write: Callable[[etree._Element, Any], None]) -> int:
        """A new footnote; ``write(paragraph, part)`` fills its paragraph with runs (links
        related from ``part``). Returns the footnote's id."""
        part, root = self._open()
        note_id = self.next_id
        self.next_id += 1
        note = etree.SubElement(root, ox.w("footnote"))
        note.set(ox.w("id"), str(note_id))
        p = etree.SubElement(note, ox.w("p"))
        etree.SubElement(etree.SubElement(p, ox.w("pPr")), ox.w("pStyle")).set(
            ox.w("val"), self.text_style
        )
        r = etree.SubElement(p, ox.w("r"))
        etree.SubElement(etree.SubElement(r, ox.w("rPr")), ox.w("rStyle")).set(
            ox.w("val"), self.reference_style
        )
        etree.SubElement(r, ox.w("footnoteRef"))
        ox.add_run(p, " ")
        write(p, part)
        return note_id

    def finish(self) -> None:
        """Store the part's XML (python-docx keeps parts it does not know as bytes)."""
        if self.part is not None and self.root is not None:
            self.part._blob = etree.tostring(
                self.root, xml_declaration=True, encoding="UTF-8", standalone=True
            )


def mark_notes(writer: Any, nodes: tuple[Inline, ...]) -> tuple[Inline, ...]:
    """``nodes`` with each note written as a footnote (``writer.footnotes``) and replaced
    by its mark, which ``writer``'s run writer turns into the reference run."""
    if next(notes_in(nodes), None) is None:
        return nodes
    out: list[Inline] = []
    for node in nodes:
        if isinstance(node, Note):
            out.append(Text(text=mark("f", writer.footnotes.add(_note_writer(writer, node)))))
        elif isinstance(node, Text) or next(notes_in((node,)), None) is None:
            out.append(node)
        else:
            fields = {**dict(node), "children": mark_notes(writer, node.children)}
            out.append(type(node).model_validate(fields))
    return normalize_inlines(out, strip=False)


def _note_writer(writer: Any, note: Note) -> Callable[[etree._Element, Any], None]:
    def write(p: etree._Element, part: Any) -> None:
        segs = runs.flatten(note.children)
        writer.write_runs(p, segs, part)
        if normalize_inlines(runs.group(segs)) != note.children:
            writer.shapes[f"n{writer.footnotes.next_id - 1}"] = runs.shape_of(note.children)

    return write
