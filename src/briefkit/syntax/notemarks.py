"""The marks the DOCX writer and reader put in run text where a footnote is referenced.

The inline codec (:mod:`briefkit.syntax.runs`) maps text and formatting to runs and back; a
footnote reference is neither, so both sides stand it in for a few characters of text
while the codec works: ``U+FDD0``, ``f`` (footnote) or ``e`` (endnote), the note's id,
``U+FDD1``. U+FDD0-U+FDD1 are Unicode noncharacters, which no brief's text carries, so a
mark cannot be confused with content; the writer turns each mark into a
``w:footnoteReference`` run and the reader turns each reference back into a mark, then a
Note.
"""

from __future__ import annotations

import re

__all__ = ["MARK", "mark", "marks"]

_OPEN, _CLOSE = "\ufdd0", "\ufdd1"
#: A note mark in text: group 1 is ``f`` or ``e``, group 2 the id.
MARK = re.compile(f"{_OPEN}([fe])(-?\\d+){_CLOSE}")


def mark(kind: str, note_id: int | str) -> str:
    """The mark of footnote (``kind="f"``) or endnote (``"e"``) ``note_id``."""
    return f"{_OPEN}{kind}{note_id}{_CLOSE}"


def marks(text: str) -> bool:
    """True when ``text`` holds a mark (the cheap test before splitting)."""
    return _OPEN in text
