"""Markdown briefs: briefkit's own Markdown output and the Markdown analysts write by hand.

The document is read with markdown-it-py (CommonMark, raw HTML off so ``<script>`` stays
text, no linkify) and YAML front matter with ``yaml.safe_load``. The title is the front
matter's ``title`` or a leading ``# Title``; every later heading starts a section whose kind
comes from the shared heading vocabulary (front matter ``kinds`` overrides it). A paragraph
opening with a bold vocabulary label (``**Overview:** text``) starts a section too, and a
list item opening with ``**Lead:**`` or ``**Lead**:`` gets a lead-in. Only ``**`` bold counts
for both, so the renderer can write ``__Label:__`` when such text is ordinary content. A
trailing ``Previous: [title](href)`` / ``Next: ...`` run (after a ``---`` rule, which also
allows titles without links) becomes the brief's neighbours.

The token stream is walked iteratively; nothing recurses on the input's nesting.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from ..errors import LimitError, ParseError
from ..model import (
    Block,
    Brief,
    BriefLink,
    Emphasis,
    Inline,
    Item,
    ItemList,
    Link,
    Paragraph,
    Quote,
    Section,
    SectionKind,
    Strong,
    Text,
    normalize_inlines,
    plain_text,
)
from ..safety import clean_text, collapse_space, is_safe_href
from .vocabulary import classify_heading

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

__all__ = [
    "MAX_FRONT_MATTER",
    "implied_kind",
    "inline_heading",
    "lead_in",
    "nav_label",
    "parse_markdown",
]

#: Front matter longer than this (in characters) is refused with a LimitError.
MAX_FRONT_MATTER = 64 * 1024
#: Block nesting markdown-it may build; deeper input is refused instead of being cut off.
_MAX_NESTING = 40

_FRONT_OPEN = re.compile(r"---[ \t]*\n")
_FRONT_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
_NAV = re.compile(r"\s*(previous|prev|next)\b\s*", re.IGNORECASE)
_STRING_FIELDS = ("url", "slug", "publisher", "category", "summary", "marking", "language")
_LIST_FIELDS = ("authors", "tags")
_ALIASES = {
    "date": "published",
    "modified": "updated",
    "lastmod": "updated",
    "author": "authors",
    "description": "summary",
    "lang": "language",
}


# --- rules shared with the Markdown renderer ---------------------------------------------


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
    match = _NAV.match(text)
    if not match:
        return None
    return "next" if match.group(1).lower() == "next" else "prev"


# --- markdown-it ---------------------------------------------------------------------------


@functools.cache
def _markdown() -> MarkdownIt:
    from markdown_it import MarkdownIt

    class _Reader(MarkdownIt):
        """Links come through exactly as written: briefkit judges their safety itself."""

        def validateLink(self, url: str) -> bool:
            return True

        def normalizeLink(self, url: str) -> str:
            return url

        def normalizeLinkText(self, link: str) -> str:
            return link

    return _Reader("commonmark", {"html": False, "linkify": False, "maxNesting": _MAX_NESTING})


def _inlines(tokens: Sequence[Token]) -> tuple[Inline, ...]:
    """Model inlines from markdown-it inline tokens (a flat open/close stream)."""
    stack: list[tuple[str, str, list[Inline]]] = [("", "", [])]
    for tok in tokens:
        kind = tok.type
        if kind in ("text", "code_inline", "html_inline"):
            stack[-1][2].append(Text(text=tok.content))
        elif kind in ("softbreak", "hardbreak"):
            stack[-1][2].append(Text(text=" "))
        elif kind == "image":
            stack[-1][2].append(Text(text=_alt_text(tok)))
        elif kind in ("strong_open", "em_open", "link_open"):
            stack.append((kind, str(tok.attrs.get("href", "")), []))
        elif kind in ("strong_close", "em_close", "link_close") and len(stack) > 1:
            _close(stack)
    while len(stack) > 1:
        _close(stack)
    return normalize_inlines(stack[0][2])


def _close(stack: list[tuple[str, str, list[Inline]]]) -> None:
    kind, href, children = stack.pop()
    parent = stack[-1][2]
    if kind == "strong_open":
        parent.append(Strong(children=tuple(children)))
    elif kind == "em_open":
        parent.append(Emphasis(children=tuple(children)))
    elif is_safe_href(clean_text(href).strip()):
        parent.append(Link(href=href, children=tuple(children)))
    else:
        parent.extend(children)  # an unsafe link keeps its text, loses its target


def _alt_text(image: Token) -> str:
    """An image's alternative text (images are never fetched; their alt text is content)."""
    out: list[str] = []
    pending: list[Token] = list(reversed(image.children or []))
    while pending:
        tok = pending.pop()
        if tok.type == "image":
            pending.extend(reversed(tok.children or []))
        elif tok.type in ("text", "code_inline", "html_inline"):
            out.append(tok.content)
        elif tok.type in ("softbreak", "hardbreak"):
            out.append(" ")
    return "".join(out)


# --- front matter --------------------------------------------------------------------------


def _split_front_matter(text: str) -> tuple[dict[str, Any], str, int]:
    """(front matter, body, number of lines the front matter took)."""
    opening = _FRONT_OPEN.match(text)
    if not opening:
        return {}, text, 0
    closing = _FRONT_CLOSE.search(text, opening.end())
    if closing is None:
        return {}, text, 0  # a lone leading rule, not front matter
    if closing.start() - opening.end() > MAX_FRONT_MATTER:
        raise LimitError(f"front matter is longer than {MAX_FRONT_MATTER} characters", line=1)
    raw = text[opening.end() : closing.start()]
    end = text.find("\n", closing.end())
    body = "" if end < 0 else text[end + 1 :]
    return _load_yaml(raw), body, raw.count("\n") + 2


def _load_yaml(raw: str) -> dict[str, Any]:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: 10x faster
    try:
        data = yaml.load(raw, Loader=loader)  # a safe loader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else None
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ParseError(f"front matter is not valid YAML: {reason}", line=line) from None
    except RecursionError:
        raise LimitError("front matter nests too deeply", line=1) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ParseError(
            f"front matter must be a mapping of fields, not {type(data).__name__}", line=2
        )
    return {str(key): value for key, value in data.items()}


def _scalar(name: str, value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    raise ParseError(f"front matter {name!r} must be text, not {type(value).__name__}", line=1)


def _metadata(front: dict[str, Any]) -> dict[str, Any]:
    """Brief fields from front matter; unknown keys (a site generator's) are ignored."""
    data = {_ALIASES.get(key, key): value for key, value in front.items() if key in _ALIASES}
    data.update({key: value for key, value in front.items() if key not in _ALIASES})
    meta: dict[str, Any] = {}
    if "title" in data:
        meta["title"] = _scalar("title", data["title"])
    for name in _STRING_FIELDS:
        if name in data:
            meta[name] = _scalar(name, data[name])
    for name in _LIST_FIELDS:
        value = data.get(name)
        values = value if isinstance(value, list) else [] if value is None else [value]
        meta[name] = tuple(v for v in (_scalar(name, v) for v in values) if v is not None)
    for name in ("published", "updated"):
        if data.get(name) is not None:
            meta[name] = data[name]
    return meta


def _kinds(front: dict[str, Any]) -> list[SectionKind] | None:
    value = front.get("kinds")
    if value is None:
        return None
    if not isinstance(value, list):
        raise ParseError("front matter 'kinds' must be a list of section kinds", line=1)
    try:
        return [SectionKind(str(v).strip().lower()) for v in value]
    except ValueError:
        known = ", ".join(k.value for k in SectionKind)
        raise ParseError(f"front matter 'kinds' names an unknown kind (known: {known})") from None


# --- block structure -----------------------------------------------------------------------


@dataclass
class _Node:
    """One top-level block of the document, before sections are formed."""

    kind: str  # heading, paragraph, block, rule
    line: int
    text: str = ""  # heading text
    level: int = 0  # heading level
    content: tuple[Inline, ...] = ()  # paragraph content
    bold_lead: bool = False  # paragraph opens with ``**`` bold
    tokens: list[Token] = field(default_factory=list)  # paragraph inline tokens (nav)
    block: Block | None = None  # a ready list, quote or code paragraph


def _nodes(tokens: list[Token], offset: int) -> list[_Node]:
    """The top-level blocks, each container (list, quote) read as one model block."""
    nodes: list[_Node] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        end = i + 1
        if tok.nesting == 1:
            while not (tokens[end].level == tok.level and tokens[end].nesting == -1):
                end += 1
            end += 1
        line = (tok.map[0] if tok.map else 0) + offset + 1
        if tok.type == "heading_open":
            inline = tokens[i + 1].children or []
            nodes.append(
                _Node("heading", line, text=plain_text(_inlines(inline)), level=int(tok.tag[1:]))
            )
        elif tok.type == "paragraph_open":
            inline = tokens[i + 1].children or []
            bold = _opens_with_bold(inline)
            nodes.append(_Node("paragraph", line, content=_inlines(inline), bold_lead=bold))
            nodes[-1].tokens = list(inline)
        elif tok.type in ("bullet_list_open", "ordered_list_open"):
            nodes.append(_Node("block", line, block=_list(tokens[i:end], tok)))
        elif tok.type == "blockquote_open":
            nodes.extend(
                _Node("block", line, block=Quote(content=c)) for c in _contents(tokens[i:end])
            )
        elif tok.type in ("fence", "code_block"):
            nodes.append(_Node("block", line, block=Paragraph(content=(Text(text=tok.content),))))
        elif tok.type == "hr":
            nodes.append(_Node("rule", line))
        i = end
    return nodes


def _opens_with_bold(inline: Sequence[Token]) -> bool:
    """True when inline tokens start with ``**`` bold (``__`` bold is ordinary content)."""
    first = next((t for t in inline if t.type != "text" or t.content), None)
    return first is not None and first.type == "strong_open" and first.markup == "**"


def _contents(tokens: Sequence[Token], *, keep_empty: bool = False) -> list[tuple[Inline, ...]]:
    """The inline content of every paragraph, heading and code block in a token range."""
    out: list[tuple[Inline, ...]] = []
    for tok in tokens:
        if tok.type == "inline":
            content = _inlines(tok.children or [])
        elif tok.type in ("fence", "code_block"):
            content = normalize_inlines((Text(text=tok.content),))
        else:
            continue
        if content or keep_empty:
            out.append(content)
    return out


def _list(tokens: Sequence[Token], opening: Token) -> ItemList:
    """A list; nested blocks inside an item join its body, so no text is lost."""
    items: list[Item] = []
    depth = opening.level + 1
    start = 0
    for k, tok in enumerate(tokens):
        if tok.level != depth:
            continue
        if tok.type == "list_item_open":
            start = k + 1
        elif tok.type == "list_item_close":
            items.append(_item(tokens[start:k]))
    return ItemList(ordered=opening.type == "ordered_list_open", items=tuple(items))


def _item(tokens: Sequence[Token]) -> Item:
    parts = _contents(tokens, keep_empty=True)
    lead = ""
    if tokens and tokens[0].type == "paragraph_open" and _opens_with_bold(tokens[1].children or []):
        split = lead_in(parts[0])  # the first paragraph's content
        if split is not None:
            lead, parts[0] = split
    body: list[Inline] = []
    for part in parts:
        if body and part:
            body.append(Text(text=" "))
        body.extend(part)
    return Item(lead=lead, body=tuple(body))


# --- navigation tail -----------------------------------------------------------------------


def _nav_lines(tokens: Sequence[Token]) -> list[tuple[str, BriefLink, bool]] | None:
    """A paragraph of ``Previous: [title](href)`` lines: (label, link, written as a link)."""
    lines: list[list[Token]] = [[]]
    for tok in tokens:
        if tok.type in ("softbreak", "hardbreak"):
            lines.append([])
        else:
            lines[-1].append(tok)
    out: list[tuple[str, BriefLink, bool]] = []
    for line in lines:
        entry = _nav_line(line)
        if entry is None:
            return None
        out.append(entry)
    return out


def _nav_line(tokens: Sequence[Token]) -> tuple[str, BriefLink, bool] | None:
    opens = [k for k, t in enumerate(tokens) if t.type == "link_open"]
    if not opens:
        text = plain_text(_inlines(tokens))
        label = nav_label(text)
        match = _NAV.match(text)
        if label is None or match is None or not text[match.end() :].startswith(":"):
            return None
        title = collapse_space(clean_text(text[match.end() + 1 :])).strip()
        return (label, BriefLink(title=title), False) if title else None
    if len(opens) != 1:
        return None
    k = opens[0]
    close = next(j for j in range(k, len(tokens)) if tokens[j].type == "link_close")
    before = plain_text(_inlines(tokens[:k]))
    match = _NAV.match(before)
    if match is None or before[match.end() :].strip() not in ("", ":"):
        return None
    if plain_text(_inlines(tokens[close + 1 :])).strip():
        return None
    label = nav_label(before)
    assert label is not None
    href = clean_text(str(tokens[k].attrs.get("href", ""))).strip()
    title = "" if tokens[k].markup == "autolink" else plain_text(_inlines(tokens[k + 1 : close]))
    title = collapse_space(clean_text(title)).strip()
    if not is_safe_href(href):
        href = ""
    if not (title or href):
        return None
    return label, BriefLink(title=title or None, href=href or None), True


def _take_nav(nodes: list[_Node]) -> dict[str, BriefLink]:
    """Remove the trailing navigation run (and the rule before it) from ``nodes``."""
    found: dict[str, BriefLink] = {}
    all_links = True
    k = len(nodes)
    while k > 0 and nodes[k - 1].kind == "paragraph":
        lines = _nav_lines(nodes[k - 1].tokens)
        if lines is None or any(label in found for label, _, _ in lines):
            break
        if len({label for label, _, _ in lines}) != len(lines):
            break
        for label, link, is_link in lines:
            found[label] = link
            all_links = all_links and is_link
        k -= 1
    if k > 0 and nodes[k - 1].kind == "rule":
        del nodes[k - 1 :]
        return found
    if found and all_links:
        del nodes[k:]
        return found
    return {}


# --- the brief ----------------------------------------------------------------------------


def _sections(nodes: list[_Node]) -> list[Section]:
    sections: list[Section] = []
    heading: str | None = None
    blocks: list[Block] = []
    started = False

    def flush() -> None:
        if started:
            sections.append(Section(kind=implied_kind(heading), heading=heading, blocks=blocks))

    for node in nodes:
        if node.kind == "heading":
            flush()
            heading, blocks, started = node.text or None, [], True
            continue
        if node.kind == "paragraph":
            split = inline_heading(node.content) if node.bold_lead else None
            if split is not None:
                flush()
                heading, blocks, started = split[0], [], True
                if split[1]:
                    blocks.append(Paragraph(content=split[1]))
                continue
            block: Block | None = Paragraph(content=node.content) if node.content else None
        else:
            block = node.block
        if block is not None:
            blocks.append(block)
            started = True
    flush()
    return sections


def parse_markdown(text: str) -> Brief:
    """A brief from Markdown with optional YAML front matter.

    Raises :class:`~briefkit.ParseError` when there is no title, the front matter is not a
    YAML mapping, or a field is invalid; :class:`~briefkit.LimitError` when the front matter
    or the nesting is beyond the limits.
    """
    from . import validation_message

    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    front, body, offset = _split_front_matter(text)
    meta = _metadata(front)
    kinds = _kinds(front)
    tokens = _markdown().parse(body)
    for tok in tokens:
        if tok.nesting == 1 and tok.level >= _MAX_NESTING - 2:
            line = (tok.map[0] if tok.map else 0) + offset + 1
            raise LimitError("lists and quotes nest too deeply", line=line)
    nodes = _nodes(tokens, offset)
    while nodes and nodes[0].kind == "rule":
        nodes.pop(0)  # a rule is decoration, and may come before the title
    title = meta.get("title")
    first = nodes[0] if nodes else None
    if first is not None and first.kind == "heading":
        if title is None and first.level == 1:
            title = first.text
            nodes.pop(0)
        elif title is not None and collapse_space(title).strip() == first.text:
            nodes.pop(0)
    if not title or not collapse_space(clean_text(title)).strip():
        raise ParseError(
            "no title: start the document with '# Title' or set 'title:' in front matter",
            line=first.line if first else offset + 1,
        )
    nav = _take_nav(nodes)
    sections = _sections(nodes)
    if kinds is not None:
        if len(kinds) != len(sections):
            raise ParseError(
                f"front matter 'kinds' lists {len(kinds)} kinds but the document has "
                f"{len(sections)} sections",
                line=1,
            )
        sections = [s.model_copy(update={"kind": k}) for s, k in zip(sections, kinds, strict=True)]
    meta.update(title=title, sections=tuple(sections), prev=nav.get("prev"), next=nav.get("next"))
    try:
        return Brief(**meta)
    except ValidationError as exc:
        raise ParseError(validation_message(exc)) from None
