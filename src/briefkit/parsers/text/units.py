"""First pass of the text parser: lines become units (paragraphs, items, headings, ...).

One forward pass, no backtracking: each line is classified once and either starts a unit or
continues the open one. Blank lines close units. Which lines are structure is decided by
:mod:`._text_syntax`, which the text renderer consults too.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...model import SectionKind
from ...syntax.text import ESCAPE, heading_alone, is_url_line, item_match, nav_side

__all__ = ["Unit", "split_units"]


@dataclass(slots=True)
class Unit:
    """A block-sized piece of the input.

    ``kind`` is one of ``para``, ``item``, ``quote``, ``head`` (a heading alone on its
    line), ``nav`` (a Previous/Next label; ``text`` holds the side) or ``url`` (a line that
    is only a link). ``escaped`` paragraphs were written with a leading backslash and are
    never read as structure.
    """

    kind: str
    line: int
    parts: list[str] = field(default_factory=list)
    raw: list[str] = field(default_factory=list)
    ordered: bool = False
    escaped: bool = False
    section: SectionKind | None = None
    after_nav: bool = False  # a paragraph right under a navigation label: its title
    number: int | None = None  # an item's number as written

    @property
    def text(self) -> str:
        return " ".join(self.parts)

    @property
    def raw_text(self) -> str:
        """The unit as written (markers and escapes included): for navigation titles."""
        return " ".join(self.raw)


def split_units(lines: list[str], first_line: int) -> list[Unit]:
    """Units of ``lines`` (already stripped of the title block); ``first_line`` is 1-based."""
    units: list[Unit] = []
    current: Unit | None = None
    for number, line in enumerate(lines, start=first_line):
        s = line.strip()
        if not s:
            current = None
            continue
        at_start = current is None
        if at_start and s[0] == ESCAPE:
            current = Unit("para", number, [s[1:].lstrip()], [s], escaped=True)
            units.append(current)
            continue
        last = units[-1] if units and (current is None or current is units[-1]) else None
        follows = last.number if last is not None and last.kind == "item" else None
        match = item_match(s, follows=follows)
        if match is not None:
            current = Unit("item", number, [s[match.end() :]], [s], ordered=not match.group(3))
            digits = match.group(1) or match.group(2)
            current.number = int(digits) if digits else None
            units.append(current)
            continue
        if s[0] == ">":
            if current is None or current.kind != "quote":
                current = Unit("quote", number)
                units.append(current)
            current.parts.append(s[1:].lstrip())
            current.raw.append(s)
            continue
        if at_start or (current is not None and current.after_nav):
            side = nav_side(s)
            if side is not None:
                units.append(Unit("nav", number, [side], [s]))
                current = None
                continue
        heading = heading_alone(s, at_start=at_start)
        if heading is not None:
            units.append(Unit("head", number, [heading[0]], [s], section=heading[1]))
            current = None
            continue
        if is_url_line(s):
            units.append(Unit("url", number, [s], [s]))
            current = None
            continue
        if current is None:
            current = Unit("para", number, after_nav=bool(units) and units[-1].kind == "nav")
            units.append(current)
        current.parts.append(s)
        current.raw.append(s)
    return units
