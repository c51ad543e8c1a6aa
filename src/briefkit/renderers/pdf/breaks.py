"""Break opportunities in very long unbroken runs of text, so PDF layout stays linear.

WeasyPrint's layout time grows with the square of the longest word it must split with
``overflow-wrap`` (a 20,000-character run took 3 s, a 200,000-character one minutes). A zero
width space every few characters of such a run gives the line breaker places to stop: the
same text lays out in a fraction of a second. The character is invisible and is not in the
PDF's text layer; ordinary words, and runs up to ``LONG_RUN`` characters (long URLs,
compound words), are left alone, so hyphenation still applies to them.
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
_ZWSP = "\u200b"
_ZWJ = "\u200d"
_RUN = re.compile(rf"[^\s{_ZWSP}]{{{LONG_RUN + 1},}}")  # a ZWSP already ends a run
_SKIP = frozenset({"style", "script"})


def _splittable(run: str, at: int) -> bool:
    """False inside a grapheme: before a combining mark, or next to a zero width joiner."""
    return not (unicodedata.category(run[at])[0] == "M" or run[at] == _ZWJ or run[at - 1] == _ZWJ)


def _break(match: re.Match[str]) -> str:
    run = match.group()
    pieces: list[str] = []
    start, at = 0, _STEP
    while at < len(run):
        if _splittable(run, at):
            pieces.append(run[start:at])
            start, at = at, at + _STEP
        else:
            at += 1
    pieces.append(run[start:])
    return _ZWSP.join(pieces)


def with_breaks(text: str) -> str:
    """``text`` with a zero width space every few characters of each very long run."""
    if len(text) <= LONG_RUN:
        return text
    return _RUN.sub(_break, text)


def map_text(root: etree._Element, change: Callable[[str], str]) -> None:
    """Replace every text node under ``root`` (not attributes, not style or script) by
    ``change(text)``."""
    for node in root.iter():
        if isinstance(node.tag, str) and node.tag not in _SKIP and node.text:
            node.text = change(node.text)
        if node is not root and node.tail:
            node.tail = change(node.tail)


def break_long_runs(root: etree._Element) -> None:
    """Apply :func:`with_breaks` to every text node under ``root`` (not to attributes)."""
    map_text(root, with_breaks)
