"""Markup compatibility and text boxes: content Word keeps outside the paragraph's runs.

Word writes newer features twice inside ``mc:AlternateContent``: a ``mc:Choice`` for
readers that know the feature and a ``mc:Fallback`` for the rest (text boxes as DrawingML
and again as VML, symbols, ink). The reader keeps exactly one branch, so nothing is read
twice and nothing is lost: the first Choice that holds text, else the Fallback. Text boxes
(``w:txbxContent``) hold whole paragraphs; they are read after the paragraph they are
anchored in.
"""

from __future__ import annotations

from typing import Any

from ...syntax import ooxml as ox

__all__ = ["MC_NS", "choose_alternatives", "text_boxes"]

MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_ALTERNATE = f"{{{MC_NS}}}AlternateContent"
_CHOICE = f"{{{MC_NS}}}Choice"
_FALLBACK = f"{{{MC_NS}}}Fallback"
_TEXT_BOX = ox.w("txbxContent")
_P = ox.w("p")


def _has_text(node: Any) -> bool:
    return any((t.text or "").strip() for t in node.iter("{*}t"))


def _attached(node: Any, root: Any) -> bool:
    """True while ``node`` is still under ``root`` (not in a branch that was dropped)."""
    while node is not None:
        if node is root:
            return True
        node = node.getparent()
    return False


def choose_alternatives(root: Any) -> None:
    """Replace every ``mc:AlternateContent`` under ``root`` by the content of one branch."""
    for alternate in list(root.iter(_ALTERNATE)):
        parent = alternate.getparent()
        if parent is None or not _attached(alternate, root):
            continue  # inside a branch an outer AlternateContent did not keep
        choices = [c for c in alternate if c.tag == _CHOICE]
        fallback = [c for c in alternate if c.tag == _FALLBACK]
        kept = next((c for c in choices if _has_text(c)), None)
        if kept is None:
            kept = fallback[0] if fallback else (choices[0] if choices else None)
        index = parent.index(alternate)
        for offset, child in enumerate(list(kept) if kept is not None else []):
            parent.insert(index + offset, child)
        tail = alternate.tail
        parent.remove(alternate)
        if tail:  # whitespace only in WordprocessingML, kept for form
            previous = parent[index - 1] if index > 0 else None
            if previous is not None:
                previous.tail = (previous.tail or "") + tail
            else:
                parent.text = (parent.text or "") + tail


def text_boxes(p: Any) -> list[Any]:
    """The blocks (paragraphs, tables) of the text boxes anchored in paragraph ``p``.

    A text box inside a text box belongs to the paragraph it is anchored in, which is read
    in its turn.
    """
    blocks: list[Any] = []
    for box in p.iter(_TEXT_BOX):
        owner = box.getparent()
        while owner is not None and owner.tag != _P:
            owner = owner.getparent()
        if owner is p:
            blocks.extend(child for child in box if isinstance(child.tag, str))
    return blocks
