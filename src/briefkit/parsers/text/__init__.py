"""Plain-text briefs: text copied from a web page, an email or ``render_text`` output.

The shape (``FORMATS.md`` sections 1-4): YAML front matter when the text opens with it
(:mod:`.front`), the page's furniture above the title (site name,
"View Original", kickers, dates, bylines: :mod:`briefkit.syntax.title`), the title line, an optional
"Key: value" metadata block directly under it, then sections opened by headings (alone on a
line with a colon, known labels, lines that have a heading's form and stand over body text,
numbered section headings: :mod:`.resolve`), paragraphs (one per line when the text
was pasted with single line breaks), numbered or bulleted items with lead-ins, and a
Previous/Next navigation tail. Site chrome is dropped wherever it stands, judged on whole
lines (:mod:`briefkit.syntax.chrome`); attribution lines become metadata.

Nothing that is content is dropped: text before the first heading goes into an unheaded
section, and text after the navigation tail goes into a trailing one. Parsing is a few
forward passes over the lines (no recursion, no backtracking patterns), so time grows
linearly with the input.

A line that starts with a backslash is read as text, never as structure (one backslash is
removed); ``render_text`` writes one only where a paragraph or an item body would otherwise
read back as a heading, an item, a lead-in, navigation, chrome or metadata.
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
from ...syntax.banners import take_banner
from ...syntax.chrome import strip_notice
from ...syntax.date_lines import date_line
from ...syntax.header_line import header_fields
from ...syntax.heading_form import is_body_text
from ...syntax.headings import heading_kind
from ...syntax.metadata import is_meta_label, read_attribution, read_label_pair, read_meta_line
from ...syntax.text import ESCAPE, inline_heading, split_lead
from ...syntax.title import KICKER, read_head
from ...syntax.title_tail import read_tail
from .. import validation_message
from .front import take_front_matter
from .notes import attach_notes
from .resolve import resolve
from .units import Unit, split_units

__all__ = ["MAX_CHARS", "parse_text"]

#: Texts longer than this many characters are refused with a LimitError.
MAX_CHARS = 32 * 1024 * 1024

_OTHER = SectionKind.OTHER


def parse_text(text: str, *, max_chars: int = MAX_CHARS) -> Brief:
    """A brief from plain text; raises ParseError (with a line number) if there is none."""
    if not isinstance(text, str):
        raise ParseError(f"parse_text takes str, not {type(text).__name__}")
    if len(text) > max_chars:
        raise LimitError(f"text is {len(text)} characters, more than max_chars={max_chars}")
    # A byte-order mark anywhere (files pasted together) is invisible noise, not content.
    text = clean_text(text).replace("\ufeff", "")
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines = [strip_notice(line) for line in lines]
    banner = take_banner(lines)
    start = next((i for i, line in enumerate(lines) if line.strip()), None)
    if start is None:
        raise ParseError("empty input: no title and no content")
    front = take_front_matter(lines, start)
    if front:
        start = next(i for i, line in enumerate(lines) if line.strip())
    head = read_head(lines, start)
    block, index = _read_meta(lines, head.line + 1)
    # A line above the title read as a field the block under it sets too (a tagline as the
    # summary, a "Description:" under the title) opens the body rather than vanish.
    overridden = [
        v
        for k, v in head.meta.items()
        if isinstance(v, str) and block.get("category" if k == KICKER else k) not in (None, v)
    ]
    if banner is not None and block.get("marking", banner) != banner:
        overridden.append(banner)  # the block under the title states another marking
    elif banner is not None:
        block["marking"] = banner
    links = {side: front.pop(side) for side in ("prev", "next") if side in front}
    meta = {**head.meta, **block, **front}
    head.meta = meta
    index = read_tail(lines, head, index)
    units = split_units(lines[index:], index + 1)
    if units and units[0].line == index + 1 and index > 0 and lines[index - 1].strip():
        units[0].tight = True  # right under the title: a subtitle, not a heading
    units = resolve(units, head.title)
    opened = [head.opening] if head.opening is not None else []  # run into the title
    kept = head.above + opened + overridden
    units[:0] = [Unit("para", head.line + 1, [v], [v], escaped=True) for v in kept]
    units = _metadata_lines(units, meta)
    kicker = meta.pop(KICKER, None)
    if kicker and not meta.get("category"):
        meta["category"] = kicker
    sections, prev, nxt = _assemble(units)
    prev, nxt = prev or links.get("prev"), nxt or links.get("next")
    sections = attach_notes(sections)  # "[1]" markers and a Notes list at the end
    try:
        return Brief(title=head.title, sections=sections, prev=prev, next=nxt, **meta)
    except ValidationError as exc:  # a guard: metadata values are checked when read
        raise ParseError(validation_message(exc)) from None


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
        builder.feed(units)
        return builder.done(), None, None
    end, links = _read_nav(units, nav)
    builder.feed(units[:nav])
    builder.close()
    builder.feed(units[end:])
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


_PAIR_REACH = 12  # label/value pairs ("Category" / "Intelligence") sit near the top


def _metadata_lines(units: list[Unit], meta: dict[str, Any]) -> list[Unit]:
    """Take attribution lines ("Authors: ...", "By ..."), label/value pairs near the top and
    dates printed next to chrome (a post's footer) into metadata when the field is still
    empty or says the same."""
    kept: list[Unit] = []
    skip = False
    body = False  # a heading or prose was seen: dates from here on are content
    # the last line that is no chrome: a "Last updated: ..." line there is the page's footer
    end = max((i for i, unit in enumerate(units) if unit.kind != "chrome"), default=-1)
    for i, unit in enumerate(units):
        if skip:
            skip = False
            continue
        if unit.kind in ("head", "item", "quote") or (
            unit.kind == "para" and (len(unit.raw) > 1 or is_body_text(unit.text))
        ):
            body = True
        lone = _one_line(unit) or (unit.kind == "head" and len(unit.raw) == 1)
        header = header_fields(unit.raw[0]) if lone and i < _PAIR_REACH else None
        if header is not None and all(meta.get(k) in (None, (), v) for k, v in header.items()):
            meta.update(header)  # "Published May 2026 · 5 min read · By ...", under a standfirst
            continue
        label = unit.kind == "chrome" and is_meta_label(unit.text)  # "Written by" / name
        if _one_line(unit) or label:
            found = None if label else read_attribution(unit.text)
            nxt = units[i + 1] if i + 1 < len(units) else None
            pair = found is None and i < _PAIR_REACH and nxt is not None and nxt.tight
            if pair and nxt is not None and is_meta_label(unit.text) and _one_line(nxt):
                found = read_label_pair(unit.text, nxt.text)
                skip = found is not None
                if found is not None and not found[0]:
                    continue
            dated = date_line(unit.text) if found is None else None
            if dated is not None:
                near = (units[j].kind for j in (i - 1, i + 1) if 0 <= j < len(units))
                footer = i == end and dated.updated
                if not body or footer or any(kind == "chrome" for kind in near):
                    found = (dated.field, dated.date)
            if found is not None and meta.get(found[0]) in (None, (), found[1]):
                meta[found[0]] = found[1]
                continue
            skip = False
        kept.append(unit)
    return kept


def _one_line(unit: Unit) -> bool:
    return unit.kind == "para" and len(unit.raw) == 1 and not unit.escaped and not unit.after_nav


class _Sections:
    """Collects blocks into sections as units arrive."""

    def __init__(self) -> None:
        self.sections: list[Section] = []
        self.kind = SectionKind.OTHER
        self.heading: str | None = None
        self.blocks: list[Block] = []
        self.items: list[Item] = []
        self.raws: list[str | None] = []  # each item's text while it has no lead-in
        self.ordered = True
        self.open = False

    def _flush_items(self) -> None:
        if self.items:
            items = self.items
            if len(items) >= 2 and any(raw is not None for raw in self.raws):
                items = _sibling_leads(items, self.raws)
            self.blocks.append(ItemList(ordered=self.ordered, items=tuple(items)))
            self.items, self.raws = [], []

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

    def add_item(self, ordered: bool, item: Item, raw: str | None) -> None:
        """Add ``item``; ``raw`` is its text while it has no lead-in (see _sibling_leads)."""
        if self.items and self.ordered != ordered:
            self._flush_items()
        self.ordered = ordered
        self.items.append(item)
        self.raws.append(raw)
        self.open = True

    def feed(self, units: list[Unit]) -> None:
        introduced = False  # the paragraph before ends with a colon: this one is what it announces
        for unit in units:
            text = unit.text
            if unit.kind == "chrome":
                continue
            announced, introduced = introduced, unit.kind == "para" and text.endswith(":")
            if unit.kind == "head":
                self.start(unit.section or _OTHER, text)
            elif unit.kind == "item":
                if text.startswith(ESCAPE):
                    lead, body = "", text[1:].lstrip()
                else:
                    lead, body = split_lead(text)
                raw = None if lead or text.startswith(ESCAPE) else text
                self.add_item(unit.ordered, Item(lead=lead, body=_inline(body)), raw)
            elif unit.kind == "quote":
                self.add(Quote(content=_inline(text)))
            elif unit.kind == "nav":  # a second navigation tail: keep its label as text
                self.add(Paragraph(content=_inline(unit.raw_text)))
            else:
                split = None if unit.escaped or announced else inline_heading(text)
                if split is not None:
                    label, text = split
                    self.start(heading_kind(label) or _OTHER, label)
                self.add(Paragraph(content=_inline(text)))

    def done(self) -> tuple[Section, ...]:
        self.close()
        return tuple(self.sections)


def _sibling_leads(items: list[Item], raws: list[str | None]) -> list[Item]:
    """The items with the lead-ins their list teaches: where most items have one, or every
    item opens with a phrase and a colon, a short phrase in any case leads too."""
    relaxed = [split_lead(raw, among_leads=True) if raw is not None else None for raw in raws]
    leads = sum(1 for item in items if item.lead)
    every = all(
        item.lead or (split is not None and split[0])
        for item, split in zip(items, relaxed, strict=True)
    )
    if not every and leads < max(2, len(items) // 2 + 1):
        return items
    return [
        Item(lead=split[0], body=_inline(split[1])) if split is not None and split[0] else item
        for item, split in zip(items, relaxed, strict=True)
    ]


def _inline(text: str) -> tuple[Text, ...]:
    return (Text(text=text),) if text else ()
