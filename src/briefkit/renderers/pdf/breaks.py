"""Break opportunities in very long unbroken runs of text, so PDF layout stays linear.

WeasyPrint's layout time grows with the square of the longest word it must split with
``overflow-wrap`` (a 20,000-character run took 3 s, a 200,000-character one minutes). A zero
width space every few characters of such a run gives the line breaker places to stop: the
same text lays out in a fraction of a second. The character is invisible and is not in the
PDF's text layer; ordinary words, and runs up to ``LONG_RUN`` characters (long URLs,
compound words), are left alone, so hyphenation still applies to them.

A box that shrinks to fit its content (an ``inline-block`` tag or marking, a table cell, a
float) is measured differently: WeasyPrint finds its narrowest width by laying out the rest
of the text box once per break opportunity, and it only shortens that work at spaces, so
zero width spaces alone left a 32,000-character tag quadratic (48 s). Every ``_CHUNK``
pieces the text is therefore also cut into separate text boxes with a ``<wbr>`` element,
which bounds each of those layouts by the chunk, whatever the box's ``display``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from lxml import etree

__all__ = ["LONG_RUN", "break_long_runs", "map_text", "with_breaks"]

#: Runs of non-space characters longer than this get break opportunities.
LONG_RUN = 80
#: Characters between two break opportunities inside a long run.
_STEP = 20
#: Pieces of long runs in one text box, between two ``<wbr>`` elements.
_CHUNK = 20
_ZWSP = "\u200b"
_ZWJ = "\u200d"
_RUN = re.compile(rf"[^\s{_ZWSP}]{{{LONG_RUN + 1},}}")  # a ZWSP already ends a run
_SKIP = frozenset({"style", "script"})


def _splittable(run: str, at: int) -> bool:
    """False inside a grapheme: before a combining mark, or next to a zero width joiner."""
    return not (unicodedata.category(run[at])[0] == "M" or run[at] == _ZWJ or run[at - 1] == _ZWJ)


def _pieces(run: str) -> list[str]:
    pieces: list[str] = []
    start, at = 0, _STEP
    while at < len(run):
        if _splittable(run, at):
            pieces.append(run[start:at])
            start, at = at, at + _STEP
        else:
            at += 1
    pieces.append(run[start:])
    return pieces


def _chunks(text: str) -> list[str]:
    """``text`` with break opportunities, cut every ``_CHUNK`` pieces (one chunk if short)."""
    chunks: list[str] = []
    buffer: list[str] = []
    count = 0
    last = 0
    for match in _RUN.finditer(text):
        buffer.append(text[last : match.start()])
        for k, piece in enumerate(_pieces(match.group())):
            if k:
                if count >= _CHUNK:
                    chunks.append("".join(buffer))
                    buffer, count = [], 0
                else:
                    buffer.append(_ZWSP)
            buffer.append(piece)
            count += 1
        last = match.end()
    buffer.append(text[last:])
    chunks.append("".join(buffer))
    return chunks


def with_breaks(text: str) -> str:
    """``text`` with a zero width space every few characters of each very long run."""
    if len(text) <= LONG_RUN:
        return text
    return _ZWSP.join(_chunks(text))


def map_text(root: etree._Element, change: Callable[[str], str]) -> None:
    """Replace every text node under ``root`` (not attributes, not style or script) by
    ``change(text)``."""
    for node in root.iter():
        if isinstance(node.tag, str) and node.tag not in _SKIP and node.text:
            node.text = change(node.text)
        if node is not root and node.tail:
            node.tail = change(node.tail)


def break_long_runs(root: etree._Element) -> None:
    """Give every text node under ``root`` (not attributes) break opportunities, and cut
    long ones into text boxes with ``<wbr>`` (see the module's description)."""
    for node in list(root.iter()):  # a snapshot: the <wbr> added below are not visited
        text = node.text if isinstance(node.tag, str) and node.tag not in _SKIP else None
        if text and len(text) > LONG_RUN:
            first, *rest = _chunks(text)
            node.text = first
            for chunk in reversed(rest):
                node.insert(0, _wbr(chunk))
        if node is not root and node.tail and len(node.tail) > LONG_RUN:
            first, *rest = _chunks(node.tail)
            node.tail = first
            for chunk in reversed(rest):
                node.addnext(_wbr(chunk))


def _wbr(tail: str) -> etree._Element:
    element = etree.Element("wbr")
    element.tail = tail
    return element
