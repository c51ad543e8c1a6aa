"""Plain-text briefs: text copied from a blog page, an email or ``render_text`` output.

The shape (``FORMATS.md`` sections 1-4): optional site chrome ("SITE NAME" and "View
Original"), the title line, an optional "Key: value" metadata block directly under it, then
sections opened by headings (alone on a line, or inline at the start of a paragraph, known
labels only), paragraphs, numbered or bulleted items with lead-ins, and a Previous/Next
navigation tail, perhaps followed by a subscribe box or footer.

Nothing that is content is dropped: text before the first heading goes into an unheaded
section, and text after the navigation tail that is not a recognised footer goes into a
trailing one. Parsing is two forward passes over the lines (no recursion, no backtracking
patterns), so time grows linearly with the input.

A line that starts with a backslash is read as text, never as structure (one backslash is
removed); ``render_text`` writes one only where a paragraph or an item body would otherwise
read back as a heading, an item, a lead-in, navigation or a footer.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from ...errors import LimitError, ParseError
from ...model import (
    Block,
    Brief,
    BriefLink,
    Item,
    ItemList,
    Paragraph,
    Quote,
    Section,
    SectionKind,
    Text,
)
from ...safety import clean_text, is_safe_href
from ...syntax.headings import classify_heading
from ...syntax.metadata import read_meta_line
from ...syntax.text import (
    ESCAPE,
    heading_alone,
    inline_heading,
    is_chrome,
    is_footer_start,
    nav_side,
    split_lead,
)
from .. import validation_message
from .units import Unit, split_units

__all__ = ["MAX_CHARS", "parse_text"]

#: Texts longer than this many characters are refused with a LimitError.
MAX_CHARS = 32 * 1024 * 1024

_OTHER = SectionKind.OTHER
_CHROME_LINES = 3  # site chrome sits in the first few non-blank lines
_FOOTER_WORDS = 40  # footer paragraphs are short; a long one ends the footer search


def parse_text(text: str, *, max_chars: int = MAX_CHARS) -> Brief:
    """A brief from plain text; raises ParseError (with a line number) if there is none."""
    if not isinstance(text, str):
        raise ParseError(f"parse_text takes str, not {type(text).__name__}")
    if len(text) > max_chars:
        raise LimitError(f"text is {len(text)} characters, more than max_chars={max_chars}")
    # A byte-order mark anywhere (files pasted together) is invisible noise, not content.
    text = clean_text(text).replace("\ufeff", "")
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    start = next((i for i, line in enumerate(lines) if line.strip()), None)
    if start is None:
        raise ParseError("empty input: no title and no content")
    start, site = _skip_chrome(lines, start)
    title = _title(lines[start].strip(), start + 1)
    meta, start = _read_meta(lines, start + 1)
    if site and "publisher" not in meta:
        meta["publisher"] = site
    sections, prev, nxt = _assemble(split_units(lines[start:], start + 1))
    try:
        return Brief(title=title, sections=sections, prev=prev, next=nxt, **meta)
    except ValidationError as exc:  # a guard: metadata values are checked when read
        raise ParseError(validation_message(exc)) from None


def _skip_chrome(lines: list[str], start: int) -> tuple[int, str | None]:
    """Skip "SITE NAME" / "View Original" before the title; return the site name too."""
    seen: list[str] = []
    for index in range(start, len(lines)):
        line = " ".join(lines[index].split())
        if not line:
            continue
        if is_chrome(line):
            if all(len(name.split()) <= 8 for name in seen):
                rest = next((i for i in range(index + 1, len(lines)) if lines[i].strip()), None)
                if rest is None:
                    raise ParseError("no title after 'View Original'", line=index + 1)
                return rest, " ".join(seen) or None
            break
        seen.append(line)
        if len(seen) >= _CHROME_LINES:
            break
    return start, None


def _title(line: str, number: int) -> str:
    """The title line as written (one escaping backslash removed)."""
    if line[0] == ESCAPE:
        if not line[1:].strip():
            raise ParseError("the title line holds only a backslash", line=number)
        return line[1:].lstrip()
    heading = heading_alone(line, at_start=True)
    if nav_side(line) is not None or (heading is not None and heading[1] is not _OTHER):
        raise ParseError(f"expected the brief's title, found {line!r}", line=number)
    return line


def _read_meta(lines: list[str], start: int) -> tuple[dict[str, Any], int]:
    """The metadata block directly under the title (no blank line between)."""
    meta: dict[str, Any] = {}
    index = start
    while index < len(lines):
        found = read_meta_line(lines[index].strip())
        if found is None or found[0] in meta:
            break
        meta[found[0]] = found[1]
        index += 1
    return meta, index


def _assemble(units: list[Unit]) -> tuple[tuple[Section, ...], BriefLink | None, BriefLink | None]:
    nav = next((i for i, unit in enumerate(units) if unit.kind == "nav"), None)
    builder = _Sections()
    if nav is None:
        builder.feed(_drop_footer(units))
        return builder.done(), None, None
    end, links = _read_nav(units, nav)
    builder.feed(units[:nav])
    builder.close()
    builder.feed(_drop_footer(units[end:]))
    return builder.done(), links.get("prev"), links.get("next")


def _read_nav(units: list[Unit], index: int) -> tuple[int, dict[str, BriefLink]]:
    """Read "Previous"/"Next" groups: label(s), an optional title, an optional URL line."""
    links: dict[str, BriefLink] = {}
    while index < len(units) and units[index].kind == "nav":
        side = units[index].parts[0]
        if side in links:
            break
        while index < len(units) and units[index].kind == "nav" and units[index].parts[0] == side:
            index += 1
        title = href = None
        if index < len(units) and units[index].kind in ("para", "head", "item", "quote"):
            unit = units[index]
            title = unit.text if unit.escaped else unit.raw_text
            index += 1
        if index < len(units) and units[index].kind == "url" and is_safe_href(units[index].text):
            href = units[index].text
            index += 1
        if title or href:
            links[side] = BriefLink(title=title, href=href)
    return index, links


def _drop_footer(units: list[Unit]) -> list[Unit]:
    """Cut a recognised footer (subscribe box, copyright) made of short trailing paragraphs."""
    start = len(units)
    while start > 0:
        unit = units[start - 1]
        if unit.kind not in ("para", "url", "head") or unit.escaped:
            break
        if len(unit.text.split()) > _FOOTER_WORDS:
            break
        start -= 1
    for index in range(start, len(units)):
        unit = units[index]
        if unit.kind == "para" and is_footer_start(unit.text):
            return units[:index]
    return units


class _Sections:
    """Collects blocks into sections as units arrive."""

    def __init__(self) -> None:
        self.sections: list[Section] = []
        self.kind = SectionKind.OTHER
        self.heading: str | None = None
        self.blocks: list[Block] = []
        self.items: list[Item] = []
        self.ordered = True
        self.open = False

    def _flush_items(self) -> None:
        if self.items:
            self.blocks.append(ItemList(ordered=self.ordered, items=tuple(self.items)))
            self.items = []

    def close(self) -> None:
        self._flush_items()
        if self.open:
            self.sections.append(
                Section(kind=self.kind, heading=self.heading, blocks=tuple(self.blocks))
            )
        self.kind, self.heading, self.blocks, self.open = SectionKind.OTHER, None, [], False

    def start(self, kind: SectionKind, heading: str) -> None:
        self.close()
        self.kind, self.heading, self.open = kind, heading, True

    def add(self, block: Block) -> None:
        self._flush_items()
        self.blocks.append(block)
        self.open = True

    def add_item(self, ordered: bool, item: Item) -> None:
        if self.items and self.ordered != ordered:
            self._flush_items()
        self.ordered = ordered
        self.items.append(item)
        self.open = True

    def feed(self, units: list[Unit]) -> None:
        for unit in units:
            text = unit.text
            if unit.kind == "head":
                self.start(unit.section or _OTHER, text)
            elif unit.kind == "item":
                if text.startswith(ESCAPE):
                    lead, body = "", text[1:].lstrip()
                else:
                    lead, body = split_lead(text)
                self.add_item(unit.ordered, Item(lead=lead, body=_inline(body)))
            elif unit.kind == "quote":
                self.add(Quote(content=_inline(text)))
            elif unit.kind == "nav":  # a second navigation tail: keep its label as text
                self.add(Paragraph(content=_inline(unit.raw_text)))
            else:
                split = None if unit.escaped else inline_heading(text)
                if split is not None:
                    label, text = split
                    self.start(classify_heading(label) or _OTHER, label)
                self.add(Paragraph(content=_inline(text)))

    def done(self) -> tuple[Section, ...]:
        self.close()
        return tuple(self.sections)


def _inline(text: str) -> tuple[Text, ...]:
    return (Text(text=text),) if text else ()
