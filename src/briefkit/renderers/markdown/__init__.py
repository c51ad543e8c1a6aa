"""Markdown output that reads well and parses back to the same brief.

Metadata goes into YAML front matter, the title into ``# Title``, sections under ``##``
headings, evidence as ``1. **Lead:** body`` and the neighbours into a ``Previous:`` /
``Next:`` tail after a rule. Every character of text that Markdown could read as markup is
escaped, so content never turns into formatting or raw HTML.

Strong and emphasis need care: CommonMark decides whether ``*`` opens or closes by the
characters on either side. The writer alternates ``*`` and ``_`` between nested and adjacent
runs, and where a run would still be misread (``word**"quoted"**``) it puts a form feed
next to it on the outside: CommonMark counts it as whitespace and the model drops it as a
control character, so it steers the parse and vanishes. One case stays out of reach: a
third level of strong/emphasis nesting opening straight after its parents with punctuation
(``*__*"x"*__*``). Links nested in links are written as their text (CommonMark has none).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ...ioc import defang_brief
from ...model import (
    Brief,
    BriefLink,
    Figure,
    Inline,
    Item,
    ItemList,
    Link,
    Note,
    Paragraph,
    Quote,
    Section,
    Strong,
    Table,
    Text,
)
from ...syntax.markdown import implied_kind, inline_heading, lead_in, nav_label
from .tables import figure_md, hints, note_definitions, table_md

__all__ = ["render_markdown"]

_FF = "\x0c"
_CAPTION = "Table:"
_FIGURE_CAPTION = "Figure:"
_ESCAPE = re.compile(r"[\\`*\[\]<]|&(?=#?[0-9A-Za-z]+;)|(?<![^\W_])_|_(?![^\W_])")
_BLOCK_START = re.compile(r"[#>+\-~=]|(\d{1,9})([.)])")
_AUTOLINK = re.compile(r"[a-zA-Z][a-zA-Z0-9+.\-]{1,31}:[^<>\x00-\x20]*")
_DEST_PLAIN = re.compile(r"[()<>]|&(?=#?[0-9A-Za-z]+;)")
_DEST_ANGLE = re.compile(r"[<>]|&(?=#?[0-9A-Za-z]+;)")
_MD_SPACE = frozenset(" \t\n\x0b\x0c\r\xa0\u1680\u202f\u205f\u3000") | frozenset(
    chr(c) for c in range(0x2000, 0x200B)
)


def _escape(text: str) -> str:
    """Text with every character CommonMark could read as markup backslash-escaped."""
    return _ESCAPE.sub(lambda m: "\\" + m.group(0), text)


def _escape_block_start(text: str) -> str:
    """Escaped text that starts a block: also keep it from reading as a list, heading, ..."""
    out = _escape(text)
    match = _BLOCK_START.match(out)
    if match is None:
        return out
    if match.group(1):
        return match.group(1) + "\\" + out[match.end(1) :]
    return "\\" + out


# --- inline content ------------------------------------------------------------------------


@dataclass
class _Run:
    """A strong/emphasis delimiter run waiting for its neighbours to be known."""

    mark: str
    opening: bool
    nested: bool  # opens right after the parent's own opener: nothing may go between
    clash: bool  # an enclosing run in the same link text uses the same mark


def _is_punct(ch: str) -> bool:
    return (ch.isascii() and not ch.isalnum() and ch.isprintable() and ch != " ") or (
        unicodedata.category(ch)[0] in "PS"
    )


def _flanks(before: str, after: str, mark: str) -> tuple[bool, bool]:
    """(can open, can close) for a run between two characters, as CommonMark decides."""
    b_space, a_space = before in _MD_SPACE, after in _MD_SPACE
    b_punct, a_punct = _is_punct(before), _is_punct(after)
    left = not a_space and (not a_punct or b_space or b_punct)
    right = not b_space and (not b_punct or a_space or a_punct)
    if mark[0] == "*":
        return left, right
    return left and (not right or b_punct), right and (not left or a_punct)


@dataclass
class _Work:
    """A node still to write, with what its neighbours need to know."""

    node: Inline
    parent: str  # the enclosing strong/emphasis mark, "" at top level or in link text
    first: bool
    last: bool
    scope: tuple[str, ...]  # marks of the enclosing runs in the same link text
    in_link: bool
    top: bool = False  # the first node of the block


class _Marker(str):
    """A note reference ``[^N]``: text right after it must not extend its syntax."""

    __slots__ = ()


def _guard_bracket(out: list[str | _Run]) -> None:
    """Text right before a ``[`` that opens a link or a note reference must not make it
    other syntax: ``![`` is an image, ``^[`` an inline note."""
    if out and isinstance(out[-1], str) and out[-1].endswith(("!", "^")):
        out[-1] = out[-1][:-1] + "\\" + out[-1][-1]


def _pieces(
    nodes: Sequence[Inline], block_start: bool, guard: bool, notes: list[Note]
) -> list[str | _Run]:
    """Escaped text, link syntax and delimiter runs, walking the tree without recursion."""
    out: list[str | _Run] = []
    todo: list[_Work | str | _Run] = []

    def push(children: Sequence[Inline], parent: str, scope: tuple[str, ...], link: bool) -> None:
        for k in range(len(children) - 1, -1, -1):
            todo.append(_Work(children[k], parent, k == 0, k == len(children) - 1, scope, link))

    push(nodes, "", (), False)
    if todo:
        first = todo[-1]
        assert isinstance(first, _Work)
        first.top = True
    previous = ""  # the mark of a run that closed right before this point
    while todo:
        work = todo.pop()
        if not isinstance(work, _Work):
            out.append(work)
            previous = work.mark if isinstance(work, _Run) and not work.opening else ""
            continue
        node = work.node
        if isinstance(node, Text):
            out.append(
                _escape_block_start(node.text) if work.top and block_start else _escape(node.text)
            )
            previous = ""
        elif isinstance(node, Note):
            notes.append(node)
            _guard_bracket(out)
            out.append(_Marker(f"[^{len(notes)}]"))
            previous = ""
        elif isinstance(node, Link):
            if work.in_link:  # CommonMark links cannot nest: keep the text
                push(node.children, "", work.scope, True)
                continue
            todo.append(f"]({_destination(node.href)})")
            push(node.children, "", (), True)
            _guard_bracket(out)
            out.append("[")
            previous = ""
        else:
            char = "*"
            if work.parent and (work.first or work.last):
                char = "_" if work.parent[0] == "*" else "*"  # never merge with the parent's run
            elif previous[:1] == "*":
                char = "_"  # nor with the run that just closed
            if guard and work.top:
                char = "_"  # ``__Label:__`` is not read as a heading or a lead-in
            mark = char * 2 if isinstance(node, Strong) else char
            todo.append(_Run(mark, False, False, False))
            push(node.children, mark, (*work.scope, mark), work.in_link)
            out.append(_Run(mark, True, work.first and bool(work.parent), mark in work.scope))
            previous = ""
    return out


def _inline(
    nodes: Sequence[Inline],
    *,
    block_start: bool = False,
    guard: bool = False,
    notes: list[Note] | None = None,
) -> str:
    """Inline content as Markdown; ``guard`` writes a leading bold with ``__``; notes are
    numbered after those already in ``notes`` and appended to it."""
    pieces = _pieces(nodes, block_start, guard, [] if notes is None else notes)
    out: list[str] = []
    last = " "
    for k, piece in enumerate(pieces):
        if isinstance(piece, str):
            if k and isinstance(pieces[k - 1], _Marker) and piece[:1] in ("(", ":"):
                piece = "\\" + piece  # "[^1](x)" is a link, "[^1]: x" a definition
            if piece:
                out.append(piece)
                last = piece[-1]
            continue
        after = _next_char(pieces, k)
        if piece.opening:
            prev_run = k > 0 and isinstance(pieces[k - 1], _Run)
            merged = prev_run and last == piece.mark[0]
            can_open, can_close = _flanks(last, after, piece.mark)
            if not piece.nested and (merged or not can_open or (can_close and piece.clash)):
                out.append(_FF)
            out.append(piece.mark)
        else:
            out.append(piece.mark)
            nxt = pieces[k + 1] if k + 1 < len(pieces) else None
            merged = isinstance(nxt, _Run) and nxt.opening and nxt.mark[0] == piece.mark[0]
            if merged or not _flanks(last, after, piece.mark)[1]:
                out.append(_FF)
        last = out[-1][-1]
    return "".join(out)


def _next_char(pieces: list[str | _Run], k: int) -> str:
    """The character after piece ``k`` as CommonMark sees it (end of text counts as space)."""
    for piece in pieces[k + 1 :]:
        if isinstance(piece, _Run):
            return piece.mark[0]
        if piece.startswith("]("):
            return " "  # the end of a link's text
        if piece:
            return piece[0]
    return " "


def _destination(href: str) -> str:
    """A link destination that reads back as exactly ``href``."""
    href = href.replace("\t", "%09").replace("\n", "%0A").replace("\r", "%0D")
    if " " in href or not href:
        return "<" + _DEST_ANGLE.sub(lambda m: "\\" + m.group(0), href) + ">"
    return _DEST_PLAIN.sub(lambda m: "\\" + m.group(0), href)


# --- blocks --------------------------------------------------------------------------------


def _heading(level: int, text: str | None) -> str:
    if not text:
        return "#" * level
    return "#" * level + " " + _escape(text).replace("#", "\\#")


def _item(item: Item, notes: list[Note]) -> str:
    if item.lead:
        lead = f"**{_escape(item.lead)}:**"
        return f"{lead} {_inline(item.body, notes=notes)}" if item.body else lead
    guard = lead_in(item.body) is not None
    return _inline(item.body, block_start=True, guard=guard, notes=notes)


def _list(block: ItemList, alternate: bool, notes: list[Note]) -> str:
    lines = []
    for k, item in enumerate(block.items, 1):
        bullet = "+" if alternate else "-"
        marker = f"{k}{')' if alternate else '.'}" if block.ordered else bullet
        text = _item(item, notes)
        lines.append(f"{marker} {text}" if text else marker)
    return "\n".join(lines)


def _visible(block: object) -> bool:
    if isinstance(block, ItemList):
        return bool(block.items)
    if isinstance(block, (Paragraph, Quote)):
        return bool(block.content)
    return True


def _section(section: Section, first: bool, notes: list[Note]) -> list[str]:
    parts: list[str] = []
    visible = any(_visible(b) for b in section.blocks)
    if section.heading or not first or not visible:
        parts.append(_heading(2, section.heading))
    previous: ItemList | None = None
    alternate = False
    after = ""  # the caption label a paragraph right here would be read as
    for block in section.blocks:
        if isinstance(block, ItemList):
            same = previous is not None and previous.ordered == block.ordered
            alternate = (not alternate) if same else False
            if block.items:
                parts.append(_list(block, alternate, notes))
            previous = block
            after = ""
            continue
        previous = None
        if isinstance(block, Table):
            parts.extend(table_md(block, lambda c: _inline(c, notes=notes)))
            after = _CAPTION
            continue
        if isinstance(block, Figure):
            alt = _escape(block.alt).replace("\n", " ")
            inline = lambda c: _inline(c, notes=notes)  # noqa: E731
            parts.extend(figure_md(block, alt, _destination(block.src), inline))
            after = _FIGURE_CAPTION
            continue
        if not block.content:
            continue
        if isinstance(block, Quote):
            parts.append("> " + _inline(block.content, block_start=True, notes=notes))
        elif isinstance(block, Paragraph):
            guard = inline_heading(block.content) is not None
            text = _inline(block.content, block_start=True, guard=guard, notes=notes)
            if after and text.startswith(after):
                text = after[:-1] + "\\:" + text[len(after) :]  # prose, not the caption
            parts.append(text)
        after = ""
    return parts


def _nav(label: str, link: BriefLink) -> str:
    if link.href is None:
        return f"{label}: {_escape(link.title or '')}"
    if link.title is None:
        if _AUTOLINK.fullmatch(link.href):
            return f"{label}: <{link.href}>"
        return f"{label}: []({_destination(link.href)})"
    return f"{label}: [{_escape(link.title)}]({_destination(link.href)})"


def _has_link(nodes: Sequence[Inline]) -> bool:
    stack = list(nodes)
    while stack:
        node = stack.pop()
        if isinstance(node, Link):
            return True
        if not isinstance(node, Text):
            stack.extend(node.children)
    return False


#: Characters a front matter string may hold as themselves: none is Markdown syntax.
_PLAIN = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,;:'/%+=?-")
#: Non-ASCII characters YAML reads as line breaks or does not allow in a document.
_YAML_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]")


def _yaml_string(text: str) -> str:
    """``text`` as a YAML double-quoted scalar in which no Markdown syntax is left: every
    character but letters, digits and harmless punctuation is a YAML escape (``\\x3C``)."""
    out = ['"']
    for char in text:
        code = ord(char)
        if char in _PLAIN or (code > 0x7F and not _YAML_UNSAFE.match(char)):
            out.append(char)
        elif code <= 0xFF:
            out.append(f"\\x{code:02X}")
        elif code <= 0xFFFF:
            out.append(f"\\u{code:04X}")
        else:
            out.append(f"\\U{code:08X}")
    out.append('"')
    return "".join(out)


def _front_matter(brief: Brief) -> str:
    """The metadata as YAML front matter that no Markdown reader turns into markup.

    pandoc reads front matter strings as Markdown, and a reader that does not know front
    matter reads it as body text. So each string is first escaped as body text is (the
    parser undoes it: pandoc sees ``\\<img>``), then written double-quoted with every
    character Markdown could read as syntax (``<``, ``[``, ``*``, the escapes' own
    backslashes) as a YAML escape: the bytes of the front matter hold no markup at all.
    """
    lines: list[str] = []

    def field(name: str, value: str | None) -> None:
        if value is not None:
            lines.append(f"{name}: {_yaml_string(value)}")

    def items(name: str, values: tuple[str, ...] | list[str], *, escape: bool = True) -> None:
        if values:
            lines.append(f"{name}:")
            lines.extend(f"- {_yaml_string(_escape(v) if escape else v)}" for v in values)

    field("title", _escape(brief.title))
    for name in ("url", "slug"):
        value = getattr(brief, name)
        field(name, None if value is None else _escape(value))
    for name in ("published", "updated"):
        value = getattr(brief, name)
        field(name, None if value is None else value.isoformat())
    items("authors", brief.authors)
    for name in ("publisher", "category"):
        value = getattr(brief, name)
        field(name, None if value is None else _escape(value))
    items("tags", brief.tags)
    for name in ("summary", "marking", "language"):
        value = getattr(brief, name)
        field(name, None if value is None else _escape(value))
    if any(s.kind is not implied_kind(s.heading) for s in brief.sections):
        items("kinds", [s.kind.value for s in brief.sections], escape=False)
    for name, value in hints(brief).items():  # numbers (and nulls) only: JSON is YAML
        lines.append(f"{name}: {json.dumps(value)}")
    return "---\n" + "".join(line + "\n" for line in lines) + "---"


def render_markdown(brief: Brief, *, defang: str = "auto", live: Iterable[str] = ()) -> str:
    """The brief as Markdown with YAML front matter; ``parse_markdown`` reads it back equal
    (quoted indicators aside: see :func:`briefkit.ioc.defang_brief` for ``defang``)."""
    brief = defang_brief(brief, defang, live)
    parts = [_front_matter(brief), _heading(1, brief.title)]
    notes: list[Note] = []
    for k, section in enumerate(brief.sections):
        parts.extend(_section(section, k == 0, notes))
    last = brief.sections[-1].blocks[-1] if brief.sections and brief.sections[-1].blocks else None
    tail = [
        (label, link) for label, link in (("Previous", brief.prev), ("Next", brief.next)) if link
    ]
    if tail:
        parts.append("---")
        parts.extend(_nav(label, link) for label, link in tail)
    elif isinstance(last, Paragraph) and _has_link(last.content) and nav_label(last.text):
        parts.append("---")  # keeps a closing "Next: [x](y)" paragraph from reading as navigation
    if notes:
        parts.append(note_definitions(notes, lambda c: _inline(c, block_start=True)))
    return "\n\n".join(parts) + "\n"
