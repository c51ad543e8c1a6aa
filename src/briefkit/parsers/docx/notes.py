"""Word footnotes and endnotes: ``footnotes.xml`` and ``endnotes.xml`` read into notes.

Each note's paragraphs are read like body paragraphs (formatting, links through the notes
part's own relationships) and joined by a space, without the note's own number mark; the
body's references arrive as marks in the text (:mod:`briefkit.syntax.notemarks`), which
:func:`restore` turns into :class:`~briefkit.Note` nodes. Separator "notes" are not notes.
"""

from __future__ import annotations

from typing import Any

from ...model import Inline, Note, Text, normalize_inlines
from ...syntax import ooxml as ox
from ...syntax import runs
from ...syntax.notemarks import MARK, marks
from .body import Reader
from .package import Numbering, Package, Styles, target

__all__ = ["read_notes", "restore"]

_KINDS = (("f", "/footnotes", "footnote"), ("e", "/endnotes", "endnote"))


def read_notes(
    package: Package,
    rels: dict[str, tuple[str, str, bool]],
    styles: Styles,
    numbering: Numbering,
    own: bool,
    shapes: dict[str, Any],
) -> dict[str, tuple[Inline, ...]]:
    """``"f3"`` / ``"e1"`` (kind and id) -> the note's inline content."""
    notes: dict[str, tuple[Inline, ...]] = {}
    for kind, reltype, tag in _KINDS:
        name = target(rels, reltype)
        root = package.xml(name) if name else None
        if root is None or name is None:
            continue
        reader = Reader(styles, numbering, package.rels(name), own)
        for note in root.iterfind(f"w:{tag}", ox.NS):
            if note.get(ox.w("type")) not in (None, "normal"):
                continue
            note_id = note.get(ox.w("id")) or ""
            segs: list[runs.Seg] = []
            for p in note.iter(ox.w("p")):
                para = reader.paragraph(p)
                if segs and para.segs:
                    segs.append(runs.Seg(" "))
                segs.extend(para.segs)
            if segs and segs[0].text[:1] == " ":  # the space after the note's number
                first = segs[0]
                segs[0] = runs.Seg(first.text[1:], first.bold, first.italic, first.href, first.link)
            content: tuple[Inline, ...] | None = None
            shape = shapes.get(f"n{note_id}") if own and kind == "f" else None
            if shape is not None:
                content = runs.apply_shape(shape, segs)
            if content is None:
                content = normalize_inlines(runs.group(segs))
            notes[f"{kind}{note_id}"] = restore(content, {})  # notes do not nest
    return notes


def restore(nodes: tuple[Inline, ...], notes: dict[str, tuple[Inline, ...]]) -> tuple[Inline, ...]:
    """``nodes`` with every note mark replaced by the note it stands for (a mark of a note
    that is not there is dropped)."""
    out: list[Inline] = []
    changed = False
    for node in nodes:
        if isinstance(node, Text):
            if not marks(node.text):
                out.append(node)
                continue
            changed = True
            pos = 0
            for found in MARK.finditer(node.text):
                out.append(Text(text=node.text[pos : found.start()]))
                content = notes.get(found.group(1) + found.group(2), ())
                if content:
                    out.append(Note(children=content))
                pos = found.end()
            out.append(Text(text=node.text[pos:]))
        elif isinstance(node, Note):
            out.append(node)
        else:
            children = restore(node.children, notes)
            if children is not node.children:
                changed = True
                node = type(node).model_validate({**dict(node), "children": children})
            out.append(node)
    return normalize_inlines(out, strip=False) if changed else nodes
