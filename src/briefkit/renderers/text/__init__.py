"""Plain-text output in the shape blogs' copied text has, which ``parse_text`` reads back.

Layout: the title; a "Key: value" metadata block directly under it; then each section as
"Heading:", a blank line and its blocks separated by blank lines (numbered items as
"  1. Lead: body", bullets as "  • Lead: body", quotes as "> text"); then the navigation
tail "Previous" / title / href and "Next" / title / href.

Plain text carries no inline formatting, so ``parse_text(render_text(b)) == b`` holds for
briefs whose inline content is plain text (links and emphasis are flattened to their text)
and whose structure plain text can express: section kinds follow their headings (the
heading vocabulary), only the first section may lack a heading, item lead-ins are
title-like (as the parser recognises them), and a section never holds two adjacent lists of
the same kind. Where a paragraph, an item body or the title would otherwise read back as
structure (a heading, an item, a lead-in, navigation, a footer), the line starts with a
backslash, which the parser removes.
"""

from __future__ import annotations

from collections.abc import Iterable

from ...errors import ParseError
from ...ioc import defang_brief
from ...model import (
    Brief,
    BriefLink,
    Figure,
    Item,
    ItemList,
    Note,
    Paragraph,
    Quote,
    Section,
    Table,
)
from ...syntax.banners import is_banner
from ...syntax.headline_lines import keyword_line
from ...syntax.metadata import meta_lines
from ...syntax.text import (
    ESCAPE,
    is_chrome,
    is_url_line,
    nav_side,
    needs_escape,
    split_lead,
)
from ...syntax.title import read_head
from ...syntax.title_tail import is_header_item
from .tables import figure_text, inline_text, notes_lines, table_lines

__all__ = ["render_text"]


def render_text(brief: Brief, *, defang: str = "auto", live: Iterable[str] = ()) -> str:
    """The brief as plain text (UTF-8 safe, ``\\n`` line endings, final newline); quoted
    indicators are defanged as ``defang`` says (see :func:`briefkit.ioc.defang_brief`).
    Tables are aligned columns, figures ``[Figure: alt — caption]``, notes ``[N]`` marks
    with a Notes list at the end."""
    brief = defang_brief(brief, defang, live)
    lines = [brief.title, *meta_lines(brief)]
    notes: list[Note] = []
    for section in brief.sections:
        lines.extend(_section(section, brief.title, notes))
    lines.extend(notes_lines(notes, _paragraph))
    for label, link in (("Previous", brief.prev), ("Next", brief.next)):
        if link is not None:
            lines.extend(_nav(label, link, brief.title))
    if is_banner(brief.title) or not _reads_as_title(lines, brief.title):
        lines[0] = ESCAPE + brief.title
    return "\n".join(lines) + "\n"


def _reads_as_title(lines: list[str], title: str) -> bool:
    """Would the parser take the first line as the title, as written? It skips kickers,
    dates, taglines and chrome above a headline, so the answer depends on what follows."""
    if title.startswith(ESCAPE):
        return False
    try:
        head = read_head(lines, 0)
    except ParseError:
        return False
    return head.line == 0 and head.title == title


def _section(section: Section, title: str, notes: list[Note]) -> list[str]:
    lines: list[str] = []
    if section.heading:
        lines += ["", f"{section.heading}:"]
    for block in section.blocks:
        if isinstance(block, ItemList):
            marker = "{}." if block.ordered else "•"
            listed = len(block.items) > 1  # its items teach each other lead-ins on reading
            for number, item in enumerate(block.items, start=1):
                text = _item(item, notes, title, listed=listed)
                lines += ["", f"  {marker.format(number)} {text}".rstrip()]
        elif isinstance(block, Quote):
            lines += ["", f"> {inline_text(block.content, notes)}".rstrip()]
        elif isinstance(block, Table):
            lines += ["", *table_lines(block, notes, _paragraph)]
        elif isinstance(block, Figure):
            lines += ["", _paragraph(figure_text(block, notes))]  # not read as a heading
        elif isinstance(block, Paragraph) and block.content:
            text = inline_text(block.content, notes)
            risky = text.lower() == title.lower() or keyword_line(text, title)
            lines += ["", ESCAPE + text if risky else _paragraph(text)]
    return lines


def _paragraph(text: str) -> str:
    return ESCAPE + text if needs_escape(text) else text


def _item(item: Item, notes: list[Note], title: str, *, listed: bool) -> str:
    body = inline_text(item.body, notes)
    if item.lead:
        return f"{item.lead}: {body}" if body else f"{item.lead}:"
    # an item that is the title again would read back as the headline repeated under it
    repeat = body.casefold() == title.casefold()
    if (
        repeat
        or body.startswith(ESCAPE)
        or split_lead(body, among_leads=listed)[0]
        or is_header_item(body)
    ):
        return ESCAPE + body
    return body


def _nav(label: str, link: BriefLink, title: str) -> list[str]:
    lines = ["", label, ""]
    if link.title:
        risky = (
            link.title.startswith(ESCAPE)
            or is_url_line(link.title)
            or nav_side(link.title)
            or is_chrome(link.title)
        )
        lines.append(ESCAPE + link.title if risky else link.title)
    if link.href:
        lines.append(link.href)
    return lines
