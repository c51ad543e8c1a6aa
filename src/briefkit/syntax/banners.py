"""Handling-marking banners: a line that is nothing but a marking ("TLP:AMBER", "TLP:CLEAR
PAP:GREEN", "UNCLASSIFIED//FOR OFFICIAL USE ONLY") at the top or the foot of a text.

Shared advisories and assessments print their marking as a banner above the title, and
often again at the foot of every page; pasted as text, the banner would otherwise be taken
as the title or kept as a paragraph. The first banner near either edge is the brief's
``marking`` as written (the tradecraft checks judge its form), and every repeat of the same
line anywhere is the page's banner again. A different banner in the middle of the text, or
a marking inside a sentence, is content and stays.
"""

from __future__ import annotations

import re

from ..markings import parse_markings

__all__ = ["is_banner", "take_banner"]

#: Non-blank lines from the top, and from the foot, where a banner may stand.
_TOP, _FOOT = 5, 3
#: Classification banners, in capitals as they are printed: a level, then "//" caveats.
_CLASSIFICATION = re.compile(
    r"(?:UNCLASSIFIED|CONFIDENTIAL|SECRET|TOP SECRET|CUI|OFFICIAL(?:[- ]SENSITIVE)?)"
    r"(?: ?// ?[A-Z][A-Z0-9 ,.-]{0,60})*"
)
#: What may stand between labels on a TLP/PAP banner line ("TLP:CLEAR | PAP:GREEN").
_BETWEEN = re.compile(r"[\s|,;/]*")


def is_banner(line: str) -> bool:
    """Whether ``line`` (stripped) is a marking and nothing else."""
    if _CLASSIFICATION.fullmatch(line):
        return True
    markings = parse_markings(line)
    if not markings:
        return False
    at = 0
    for marking in markings:
        start, end = marking.span or (0, 0)
        if not _BETWEEN.fullmatch(line, at, start):
            return False
        at = end
    return _BETWEEN.fullmatch(line, at) is not None


def take_banner(lines: list[str]) -> str | None:
    """The marking a banner near the top or foot of ``lines`` states, or None; that banner's
    lines, wherever they stand, are blanked in place (so line numbers still hold)."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    edges = filled[:_TOP] + filled[-_FOOT:]
    found = next((i for i in edges if is_banner(lines[i].strip())), None)
    if found is None:
        return None
    banner = " ".join(lines[found].split())
    repeats = [i for i in filled if " ".join(lines[i].split()) == banner]
    if len(repeats) == len(filled):
        return None  # the banner is all there is: it is the text, not its marking
    for i in repeats:
        lines[i] = ""
    return banner
