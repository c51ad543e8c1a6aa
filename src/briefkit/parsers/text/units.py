"""First pass of the text parser: lines become units (paragraphs, items, headings, ...).

One forward pass, no backtracking: each line is classified once and either starts a unit or
continues the open one. Blank lines close units. Which lines are structure is decided by
:mod:`briefkit.syntax.text`, which the text renderer consults too.

A line break inside a block is a paragraph break when it was not forced by the width the
text is wrapped at: text copied from a web page puts each paragraph on one (long) line with
single line breaks between them, while hard-wrapped text fills its lines. A break counts as
forced when the next line's first word would not have fitted on the line before (the width
is estimated from the lines another line follows). A break that was not forced separates
paragraphs after a sentence end, after a heading-shaped line, between "Key: value" lines
and, in text whose lines are longer than any wrap width, before every line that starts a
sentence. Lines indented deeper than an item's marker continue the item, unless they open
with a bullet of their own (a nested list: its items join the list). A Markdown heading
pasted as text ("## Key Points") is a heading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from ...errors import LimitError
from ...limits import MAX_NODES
from ...model import SectionKind
from ...syntax.chrome import STRONG, WEAK, chrome_strength, unglued_anchor
from ...syntax.date_lines import date_line, is_date_range
from ...syntax.heading_form import glued_cells, heading_form, is_body_text
from ...syntax.headings import heading_kind
from ...syntax.text import (
    ESCAPE,
    edit_link,
    heading_alone,
    is_url_line,
    item_match,
    markdown_heading,
    nav_side,
)

__all__ = ["MAX_UNITS", "Unit", "is_blankless", "split_units", "wrap_width"]

#: Units (paragraphs, items, headings, ...) one text may be read into: each becomes two
#: parts of a brief (a block or item and its text), so this is MAX_NODES for text. Counted
#: as the units are made: a text of one-letter paragraphs stops at the limit instead of
#: spending hundreds of bytes per input byte on units.
MAX_UNITS = MAX_NODES // 2

#: Lines longer than this are not hard-wrapped text: every unforced break is a paragraph break.
_UNWRAPPED = 120
_NARROW = 60  # a column narrower than this is hard-wrapped whatever its lines end with
_LONG_LINE = 3  # a line this many times the wrap width says the text is not wrapped
_EVIDENCE = 5  # lines another line follows: fewer say nothing about a wrap width
_TERMINAL = tuple(".!?…:;\"'”’)")
_OPENERS = "\"'“‘«(["


#: A section number opening a Markdown heading ("1. ", "2.3 ", "II. "); a count without its
#: stop ("10 Risks to Watch") is a word of the heading and stays.
_MARKED_NUMBER = re.compile(r"^(?:\d{1,3}\.(?:\d{1,3}\.?)*|[IVX]{1,4}\.)\s+(?=\S)")


@dataclass(slots=True)
class Unit:
    """A block-sized piece of the input.

    ``kind`` is one of ``para``, ``item``, ``quote``, ``head`` (a heading alone on its
    line), ``nav`` (a Previous/Next label; ``text`` holds the side), ``url`` (a line that
    is only a link), ``chrome`` (site interface, dropped) or ``weak`` (a line that is
    chrome only next to other chrome). ``escaped`` paragraphs were written with a leading
    backslash and are never read as structure. ``tight`` is true when the unit starts on
    the line right after the previous unit, with no blank line between.
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
    letter: int | None = None  # a lettered item's position ("a." is 1)
    indent: int = 0  # column of the unit's first line
    tight: bool = False
    loose: bool = False  # in text pasted with a paragraph per line
    # what _word_a_line has counted of ``raw`` so far, so a long run costs no rescans:
    # the lines counted, those in lower case, and whether one of them has a space
    counted: int = 0
    lowered: int = 0
    spaced: bool = False

    @property
    def text(self) -> str:
        return " ".join(self.parts)

    @property
    def single(self) -> bool:
        """A one-line paragraph, not escaped: what may be a label, a button or a heading."""
        return self.kind == "para" and len(self.raw) == 1 and not self.escaped

    @property
    def raw_text(self) -> str:
        """The unit as written (markers and escapes included): for navigation titles."""
        return " ".join(self.raw)


class _Units(list[Unit]):
    """The units read so far; the one past :data:`MAX_UNITS` is refused with its line."""

    def append(self, unit: Unit) -> None:
        if len(self) >= MAX_UNITS:
            raise LimitError(
                f"the text has more than {MAX_UNITS} paragraphs, items and headings "
                f"(two parts of a brief each; MAX_NODES = {MAX_NODES})",
                line=unit.line,
            )
        super().append(unit)


def is_blankless(units: list[Unit]) -> bool:
    """No blank line between any two units: a page pasted with single line breaks."""
    return len(units) > 1 and all(u.tight for u in units[1:])


def wrap_width(lines: list[str]) -> tuple[int | None, bool]:
    """The width the text is wrapped at (None when too few lines say), and whether it is
    wrapped at all.

    The width is the 90th percentile of the lengths of lines that another line follows
    directly (lines without spaces, such as links, left out), so a stray long line does not
    make hard-wrapped text look unwrapped. Text is unwrapped (each line a paragraph or a
    heading) when that width is beyond any wrap width, or when most such lines end a
    sentence and are longer than a narrow column.
    """
    followed = [line.strip() for line, nxt in pairwise(lines) if nxt.strip() and " " in line]
    if not followed:
        return None, False
    lengths = sorted(len(text) for text in followed)
    width = lengths[min(len(lengths) - 1, (9 * len(lengths)) // 10)]
    ends = sum(1 for text in followed if text.endswith(_TERMINAL))
    loose = width > _UNWRAPPED or (width > _NARROW and ends * 5 >= 3 * len(followed))
    # A line several times the wrap width was never wrapped: the short lines around it are
    # list lines and headings that lost their markup, not a narrow column.
    loose = loose or (lengths[-1] > _UNWRAPPED and lengths[-1] > _LONG_LINE * width)
    return (width if len(followed) >= _EVIDENCE else None), loose


_WORD_LINES = 3


def _word_a_line(unit: Unit) -> bool:
    """Lines of one word each, three or more, most in lower case: prose that lost its line
    width ("as" / "hazards" / "grow"), where a menu's one-word lines are capitalised. Counts
    only the lines added since the last call, as a paragraph grows a line at a time."""
    for line in unit.raw[unit.counted :]:
        if " " in line:
            unit.spaced = True
            break
        unit.lowered += line[:1].islower()
    unit.counted = len(unit.raw)
    return len(unit.raw) >= _WORD_LINES and not unit.spaced and 2 * unit.lowered > unit.counted


def _key_value(text: str) -> bool:
    key, colon, value = text.partition(":")
    return bool(colon and value.strip()) and 0 < len(key.split()) <= 4 and key[:1].isupper()


def _breaks(current: Unit, line: str, width: int | None, loose: bool) -> bool:
    """True when ``line`` starts a new paragraph rather than continuing ``current``."""
    previous = current.raw[-1]
    first_word = line.split(None, 1)[0]
    if current.kind == "para" and _key_value(previous) and _key_value(line):
        return True  # "Key: value" lines, one field per line
    if line.startswith("|") or previous.endswith("|"):
        return True  # a row of a table
    if len(current.raw) == 1 and glued_cells(line) and glued_cells(previous):
        return True  # the rows of a table copied without its borders, each on its line
    if " " not in line and _word_a_line(current):
        # text copied one word a line (a column too narrow): a paragraph ends only where a
        # sentence does and the next begins with a capital
        return previous.endswith(_TERMINAL) and line[:1].isupper()
    if not loose and width is not None and len(previous) + 1 + len(first_word) > width:
        return False  # the line was full: a hard wrap
    if line[0] in ",;":
        return False  # the text went on after a link the copy broke out (", which ...")
    if (loose or not is_body_text(previous)) and (
        date_line(line) is not None or is_date_range(line)
    ):
        # a date under a label or in pasted text ("date: March 17, 2022", "5-11 July
        # 2020") is a line of its own; after a sentence cut short it may end the sentence
        return True
    dated = current.kind == "para" and len(current.raw) == 1
    if (
        dated
        and line[:1].isupper()
        and (date_line(previous) is not None or is_date_range(previous))
    ):
        return True  # and so is what follows it
    starts = line.lstrip(_OPENERS)[:1]
    opens = starts.isupper() or starts.isdigit()
    if current.kind != "para":
        return opens and (loose or previous.endswith(_TERMINAL))
    if previous.endswith(")") and starts.islower():
        return False  # "... on X (Twitter)" / "and Instagram": a bracket ends no sentence
    if previous.endswith(_TERMINAL):
        return True
    if not opens:
        return False
    if _cut_mid_sentence(previous):
        return False  # "... the most disruptive kind of cybercrime that" / "Canadians face."
    return loose or heading_form(previous) in ("title", "caps", "question")


#: Words no sentence ends with: a long line ending in one was broken mid-sentence.
_MID_SENTENCE = frozenset(
    (  # noqa: SIM905 - a word list reads better as one string
        "that the a an of to and or which whose with from by for than as into"
    ).split()
)
_MIN_CUT_WORDS = 13  # longer than any heading, so "Things to Watch Out For" is never one


def _cut_mid_sentence(line: str) -> bool:
    words = line.split()
    return len(words) >= _MIN_CUT_WORDS and words[-1] in _MID_SENTENCE


def _bulleted(line: str) -> bool:
    """A line opening with a bullet glyph, or with a short number and a capital ("1.
    Strategic Outlook", an outline's sub-entry): a wrapped line may start with a number, but
    hardly ever with one that has a full stop and a capitalised word after it."""
    match = item_match(line, follows=None)
    if match is None or match.group(4):
        return False
    if match.group(3):
        return True
    rest = line[match.end() :]
    return bool(match.group(1)) and len(match.group(1)) <= 2 and rest[:1].isupper()


def _continues(line: str) -> bool:
    """A line that can continue an item: not an item, quote or escaped line of its own."""
    return item_match(line, follows=None) is None and line[0] not in (ESCAPE, ">")


def split_units(lines: list[str], first_line: int) -> list[Unit]:
    """Units of ``lines`` (already stripped of the title block); ``first_line`` is 1-based."""
    width, loose = wrap_width(lines)
    units: list[Unit] = _Units()
    current: Unit | None = None
    blank = True
    above = ""
    for number, line in enumerate(lines, start=first_line):
        s = line.strip()
        if not s:
            current, blank = None, True
            continue
        s, above = unglued_anchor(s, above), s
        tight, blank = not blank and bool(units), False
        indent = len(line) - len(line.lstrip())
        at_start = current is None
        if at_start and s[0] == ESCAPE:
            current = Unit("para", number, [s[1:].lstrip()], [s], escaped=True, tight=tight)
            units.append(current)
            continue
        nested = indent > 0 and _bulleted(s)  # a nested bullet or number: an item of its own
        # an item or a paragraph is open: a line indented under it continues it
        continuing = current is not None and current.kind in ("item", "para")
        indented = continuing and current is not None and indent > current.indent
        # (unless the line is a notice of the page's own: "There are no comments available.")
        if indented and current is not None and not nested and chrome_strength(s) != STRONG:
            current.parts.append(s)
            current.raw.append(s)
            continue
        last_item = units[-1] if units and units[-1].kind == "item" else None
        under = last_item is not None and current is None and indent > last_item.indent + 1
        if under and last_item is not None and _continues(s):
            current = last_item  # an indented paragraph under a bullet: still the item
            current.parts.append(s)
            current.raw.append(s)
            continue
        if s.endswith("¶") or (at_start and s.endswith(("]", "Edit", "#"))):
            s = edit_link(s)  # "Overview[edit]", "Overview¶", "Overview#": a heading, its link
        last = units[-1] if units and (current is None or current is units[-1]) else None
        follows = last.number if last is not None and last.kind == "item" else None
        letter = last.letter if last is not None and last.kind == "item" else None
        match = item_match(s, follows=follows, letter=letter)
        bare = match is not None and bool(match.group(3)) and not s[match.end() :].strip()
        if bare and indent == 0:
            # a bare bullet ("-") with nothing after it: markup left over, no content
            units.append(Unit("chrome", number, [s], [s], tight=tight))
            current = None
            continue
        if match is not None:
            current = Unit("item", number, [s[match.end() :]], [s], ordered=not match.group(3))
            digits = match.group(1) or match.group(2)
            current.number = int(digits) if digits else None
            if match.group(4):
                current.letter = ord(match.group(4)) - ord("a") + 1
            current.indent, current.tight = indent, tight
            units.append(current)
            continue
        if s[0] == ">":
            if current is None or current.kind != "quote":
                current = Unit("quote", number, tight=tight)
                units.append(current)
            current.parts.append(s[1:].lstrip())
            current.raw.append(s)
            continue
        if at_start or (current is not None and current.after_nav):
            side = nav_side(s)
            if side is not None:
                units.append(Unit("nav", number, [side], [s], tight=tight))
                current = None
                continue
        marked = markdown_heading(s)
        if marked is not None:
            # "### 1. Introducción": the section's number goes, as a plain heading's does
            marked = _MARKED_NUMBER.sub("", marked, count=1) or marked
            section = heading_kind(marked) or SectionKind.OTHER
            units.append(Unit("head", number, [marked], [s], section=section, tight=tight))
            current = None
            continue
        strength = chrome_strength(s)
        if strength and continuing and current is not None and (strength == WEAK or s.islower()):
            # a wrapped line that happens to read "full report", "Search" or "by" continues
            strength = strength if _breaks(current, s, width, loose) else 0
        if strength:
            kind = "chrome" if strength == STRONG else "weak"
            units.append(Unit(kind, number, [s], [s], indent=indent, tight=tight))
            current = None
            continue
        # pasted with a paragraph per line, a line ending in a colon starts one of its own
        opens = at_start or (loose and s.endswith(":"))
        heading = heading_alone(s, at_start=opens)
        if heading is not None:
            units.append(Unit("head", number, [heading[0]], [s], section=heading[1], tight=tight))
            current = None
            continue
        if is_url_line(s):
            units.append(Unit("url", number, [s], [s], tight=tight))
            current = None
            continue
        open_block = current is not None and current.kind in ("para", "item")
        if open_block and current is not None and _breaks(current, s, width, loose):
            current = None
        if current is None:
            after_nav = bool(units) and units[-1].kind == "nav"
            current = Unit("para", number, after_nav=after_nav, indent=indent, tight=tight)
            current.loose = loose
            units.append(current)
        current.parts.append(s)
        current.raw.append(s)
    return _quoted_bodies(units)


_QUOTE_MARKS = '"“'
_QUOTED_ITEMS = 2


def _quoted_bodies(units: list[Unit]) -> list[Unit]:
    """Numbered items each followed by a quoted paragraph ("1. Ransomware is a persistent
    threat." over "“Cybercrime remains ...”", then "2. ..."): the quote is the item's body,
    which the copy put on a line of its own. It takes two such items numbered one after the
    other, so a quotation after an ordinary list stays a paragraph."""
    quoted = [
        i
        for i, unit in enumerate(units[:-1])
        if unit.kind == "item"
        and unit.ordered
        and unit.number is not None
        and units[i + 1].kind == "para"
        and units[i + 1].text[:1] in _QUOTE_MARKS
    ]
    members: set[int] = set()
    for a, b in pairwise(quoted):
        if b == a + 2 and units[b].number == (units[a].number or 0) + 1:
            members |= {a, b}  # two items of one list, each over its quote
    if len(members) < _QUOTED_ITEMS:
        return units
    merged: list[Unit] = []
    for i, unit in enumerate(units):
        if i - 1 in members:
            merged[-1].parts += unit.parts  # the quote under an item of the run
            merged[-1].raw += unit.raw
            continue
        merged.append(unit)
    return merged
