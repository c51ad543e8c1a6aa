"""Markdown rules the parser and the Markdown renderer share.

The renderer asks the parser's own questions ("would this paragraph read back as a
heading? this item as having a lead-in?") so that it escapes exactly what would otherwise
change meaning. Only ``**`` bold counts for headings and lead-ins, so the renderer can write
``__Label:__`` when such text is ordinary content.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Inline, SectionKind, Strong, Text, normalize_inlines
from ..safety import collapse_space
from .headings import classify_heading

__all__ = ["NAV", "implied_kind", "inline_heading", "lead_in", "nav_label", "unescape"]

#: A navigation label at the start of a line: ``Previous``, ``Prev`` or ``Next``.
NAV = re.compile(r"\s*(previous|prev|next)\b\s*", re.IGNORECASE)
#: A CommonMark backslash escape: a backslash before ASCII punctuation.
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")


def unescape(text: str) -> str:
    """``text`` with CommonMark backslash escapes undone (``\\<`` -> ``<``).

    Front matter strings are Markdown, as pandoc reads them: the renderer escapes them like
    body text so no reader turns them into markup, and the parser undoes the escapes.
    """
    return _ESCAPED.sub(r"\1", text) if "\\" in text else text


def implied_kind(heading: str | None) -> SectionKind:
    """The kind a section heading implies on its own (the vocabulary, else ``other``)."""
    return (classify_heading(heading) if heading else None) or SectionKind.OTHER


def _bold_head(content: Sequence[Inline]) -> tuple[str, tuple[Inline, ...], bool] | None:
    """Split content opening with plain bold text: (bold text, rest, colon seen)."""
    if not content or not isinstance(content[0], Strong):
        return None
    first = content[0]
    if len(first.children) != 1 or not isinstance(first.children[0], Text):
        return None
    label, rest = first.children[0].text, tuple(content[1:])
    if label.endswith(":"):
        return label[:-1], rest, True
    if rest and isinstance(rest[0], Text) and rest[0].text.startswith(":"):
        return label, (Text(text=rest[0].text[1:]), *rest[1:]), True
    return label, rest, False


def inline_heading(content: Sequence[Inline]) -> tuple[str, tuple[Inline, ...]] | None:
    """(heading, rest) when a paragraph opens with a bold vocabulary label.

    ``**Overview:** text`` and a paragraph that is only ``**Supporting Evidence**`` qualify;
    ``**Analysis** of the data`` (no colon before more text) does not.
    """
    head = _bold_head(content)
    if head is None:
        return None
    label, rest, colon = head
    label = collapse_space(label).strip()
    rest = normalize_inlines(rest)
    if not label or classify_heading(label) is None or (rest and not colon):
        return None
    return label, rest


def lead_in(body: Sequence[Inline]) -> tuple[str, tuple[Inline, ...]] | None:
    """(lead, rest) when a list item opens with ``**Lead:**`` or ``**Lead**:``."""
    head = _bold_head(body)
    if head is None or not head[2]:
        return None
    lead = collapse_space(head[0]).strip()
    return (lead, normalize_inlines(head[1])) if lead else None


def nav_label(text: str) -> str | None:
    """``prev`` or ``next`` when text opens with a navigation label, else None."""
    match = NAV.match(text)
    if not match:
        return None
    return "next" if match.group(1).lower() == "next" else "prev"
