"""When a brief is long enough for a table of contents (shared by DOCX and PDF).

A contents list earns its space once a brief runs to about three pages: below that the
reader sees every heading at a glance. Three pages is roughly :data:`LONG_BRIEF_WORDS`
words in briefkit's print layout (9.5 pt in PDF, 10.5 pt in DOCX), and a list needs
:data:`MIN_ENTRIES` headed sections to say anything. The caller decides with ``toc=``.
"""

from __future__ import annotations

import re

from ..model import Brief

__all__ = ["LONG_BRIEF_WORDS", "MIN_ENTRIES", "entries", "wants_toc", "word_count"]

#: A brief with at least this many words (and :data:`MIN_ENTRIES` headings) gets a contents list.
LONG_BRIEF_WORDS = 1200
#: Fewest headed sections for an automatic contents list.
MIN_ENTRIES = 3
_WORD = re.compile(r"\w+")


def word_count(brief: Brief) -> int:
    """Words in the brief's sections (headings included)."""
    return sum(
        len(_WORD.findall(section.heading or "")) + len(_WORD.findall(section.text))
        for section in brief.sections
    )


def entries(brief: Brief) -> list[tuple[int, str]]:
    """(index of the section, heading) for every section with a heading."""
    return [(i, s.heading) for i, s in enumerate(brief.sections) if s.heading]


def wants_toc(brief: Brief, toc: bool | None) -> bool:
    """Whether the brief gets a contents list: ``toc`` when given, else when it is long."""
    found = entries(brief)
    if toc is not None:
        return bool(toc) and bool(found)
    return len(found) >= MIN_ENTRIES and word_count(brief) >= LONG_BRIEF_WORDS
