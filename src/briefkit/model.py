"""The brief model: the one structure every parser produces and every renderer consumes.

Models are frozen pydantic models. Containers hold tuples, so a Brief is immutable and
hashable; change one with ``model_copy(update=...)``. Validation canonicalises inline
content (whitespace collapsed, adjacent text merged, edge spaces moved out of
strong/emphasis/link), so two briefs that read the same compare equal whatever format they
came from.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)

from .limits import MAX_INLINE_DEPTH
from .safety import clean_text, collapse_space, is_safe_href

__all__ = [
    "Block",
    "Brief",
    "BriefLink",
    "Emphasis",
    "Inline",
    "Inlines",
    "Item",
    "ItemList",
    "Link",
    "Paragraph",
    "Quote",
    "Section",
    "SectionKind",
    "Strong",
    "Text",
    "cap_depth",
    "inline_depth",
    "normalize_inlines",
    "plain_text",
]


def _clean_line(value: str) -> str:
    return collapse_space(clean_text(value)).strip()


def _check_href(value: str) -> str:
    value = clean_text(value).strip()
    if not is_safe_href(value):
        raise ValueError(f"unsafe link {value[:60]!r}: only http, https, mailto and relative links")
    return value


#: A single line of text: cleaned of characters XML cannot hold, whitespace collapsed.
Line = Annotated[str, AfterValidator(_clean_line)]
#: A link target: http(s), mailto or relative; other schemes are rejected.
Href = Annotated[str, AfterValidator(_check_href)]
#: An optional line: empty (or all whitespace) is None.
OptionalLine = Annotated[Line | None, AfterValidator(lambda value: value or None)]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=False)


class SectionKind(StrEnum):
    """What a section does in the brief, whatever its heading says."""

    JUDGEMENT = "judgement"
    OVERVIEW = "overview"
    BACKGROUND = "background"
    ANALYSIS = "analysis"
    EVIDENCE = "evidence"
    IMPLICATIONS = "implications"
    OUTLOOK = "outlook"
    RECOMMENDATIONS = "recommendations"
    SOURCES = "sources"
    OTHER = "other"


# --- inline content ---------------------------------------------------------------------


class Text(_Frozen):
    """Plain text."""

    type: Literal["text"] = "text"
    text: Annotated[str, AfterValidator(clean_text)]

    @property
    def plain(self) -> str:
        return self.text


class _Container(_Frozen):
    children: tuple[Inline, ...] = ()

    @field_validator("children", mode="after")
    @classmethod
    def _normalize(cls, value: tuple[Inline, ...]) -> tuple[Inline, ...]:
        return normalize_inlines(value, strip=False)

    @property
    def text(self) -> str:
        """The plain text of the children."""
        return plain_text(self.children)

    @property
    def plain(self) -> str:
        return self.text


class Strong(_Container):
    """Strong importance, rendered bold."""

    type: Literal["strong"] = "strong"


class Emphasis(_Container):
    """Stress emphasis, rendered italic."""

    type: Literal["emphasis"] = "emphasis"


class Link(_Container):
    """A hyperlink; ``href`` is http(s), mailto or relative."""

    type: Literal["link"] = "link"
    href: Href

    @field_validator("children", mode="after")
    @classmethod
    def _no_nested_links(cls, value: tuple[Inline, ...]) -> tuple[Inline, ...]:
        """A link inside a link cannot be expressed in HTML, DOCX or Markdown: keep its text."""
        return normalize_inlines(_unlink(value), strip=False)


Inline = Annotated[Text | Strong | Emphasis | Link, Field(discriminator="type")]

# The containers name ``Inline`` before it exists, so their first build was deferred. Build
# them now, once each, before any other model: every model after this reuses their finished
# schemas instead of generating the inline union again (one pass instead of seven).
for _model in (Strong, Emphasis, Link):
    _model.model_rebuild()
del _model


def plain_text(nodes: Iterable[Inline]) -> str:
    """The text of inline nodes with all formatting removed (iterative: depth is unbounded)."""
    out: list[str] = []
    stack: list[Inline] = list(reversed(tuple(nodes)))
    while stack:
        node = stack.pop()
        if isinstance(node, Text):
            out.append(node.text)
        else:
            stack.extend(reversed(node.children))
    return "".join(out)


def normalize_inlines(nodes: Iterable[Inline], *, strip: bool = True) -> tuple[Inline, ...]:
    """Canonical form of an inline sequence.

    Whitespace runs collapse to one space, empty nodes vanish, adjacent text merges, and
    spaces at the edges of strong/emphasis/link move outside them. With ``strip`` the
    sequence's own outer whitespace is removed (block level).
    """
    out: list[Inline] = []
    # Adjacent text not yet in ``out``: one Text per run, built once when the run ends (a
    # run that is one Text already in canonical form is that Text, unchanged).
    run: list[str] = []
    sole: Text | None = None

    def add_text(text: str) -> None:
        if text:
            run.append(text)

    def end_run() -> None:
        nonlocal sole
        if run:
            if len(run) == 1 and sole is not None and _canonical_text(run[0]):
                out.append(sole)
            else:
                out.append(_merged_text(run))
            run.clear()
        sole = None

    for node in nodes:
        if isinstance(node, Text):
            if node.text:
                sole = node if not run and type(node) is Text else None
                run.append(node.text)
            continue
        children = node.children  # already normalised by its own validator
        if not children:
            continue
        lead = trail = ""
        first, last = children[0], children[-1]
        if isinstance(first, Text) and first.text[:1] == " ":
            lead = " "
        if isinstance(last, Text) and last.text[-1:] == " ":
            trail = " "
        if lead or trail:
            children = _trim_edges(children, lead=bool(lead), trail=bool(trail))
            if not children:
                add_text(" ")
                continue
            node = node.model_copy(update={"children": children})
        add_text(lead)
        end_run()
        out.append(node)
        add_text(trail)
    end_run()
    if strip:
        out = list(_trim_edges(tuple(out), lead=True, trail=True))
    return tuple(out)


def _canonical_text(text: str) -> bool:
    """True when collapsing and cleaning would leave ``text`` as it is: every whitespace
    and unsafe character but the space is unprintable, so this needs no regex."""
    return text.isprintable() and "  " not in text


def _merged_text(parts: list[str]) -> Text:
    """One Text for adjacent pieces of text, equal to merging them one at a time.

    Merging piece by piece collapses whitespace (and drops unsafe characters) after every
    step; joining first and collapsing once gives the same text unless a dropped character
    sat between two spaces, which only text that skipped validation can carry: that case
    replays the steps.
    """
    text = collapse_space("".join(parts))
    if len(parts) > 1 and clean_text(text) != text:
        text = clean_text(collapse_space(parts[0]))
        for part in parts[1:]:
            text = clean_text(collapse_space(text + part))
    return Text(text=text)


def _unlink(nodes: tuple[Inline, ...], depth: int = 0) -> tuple[Inline, ...]:
    """``nodes`` with every nested link replaced by its children (formatting kept).

    Stops at ``MAX_INLINE_DEPTH``: blocks turn anything deeper into plain text anyway.
    """
    if depth >= MAX_INLINE_DEPTH or all(isinstance(n, Text) for n in nodes):
        return nodes
    out: list[Inline] = []
    for node in nodes:
        if isinstance(node, Link):
            out.extend(_unlink(node.children, depth + 1))
        elif isinstance(node, Text):
            out.append(node)
        else:
            out.append(node.model_copy(update={"children": _unlink(node.children, depth + 1)}))
    return tuple(out)


def inline_depth(nodes: Iterable[Inline]) -> int:
    """How deeply strong/emphasis/link nest in ``nodes`` (0 for plain text); iterative."""
    deepest = 0
    stack: list[tuple[Inline, int]] = [(n, 1) for n in nodes]
    while stack:
        node, depth = stack.pop()
        if not isinstance(node, Text):
            deepest = max(deepest, depth)
            stack.extend((child, depth + 1) for child in node.children)
    return deepest


def cap_depth(nodes: tuple[Inline, ...], limit: int = MAX_INLINE_DEPTH) -> tuple[Inline, ...]:
    """``nodes`` with formatting nested deeper than ``limit`` turned into its plain text.

    No real brief nests formatting that deep; hostile input does, and pydantic can neither
    serialise nor compare models nested much deeper. The words are kept, only formatting goes.
    """
    if inline_depth(nodes) <= limit:
        return nodes

    def cut(level: tuple[Inline, ...], remaining: int) -> tuple[Inline, ...]:
        out: list[Inline] = []
        for node in level:
            if isinstance(node, Text):
                out.append(node)
            elif remaining <= 0:
                out.append(Text(text=node.text))
            else:
                fields = {**dict(node), "children": cut(node.children, remaining - 1)}
                out.append(type(node).model_validate(fields))
        return normalize_inlines(out, strip=False)

    return cut(nodes, limit)


def _trim_edges(nodes: tuple[Inline, ...], *, lead: bool, trail: bool) -> tuple[Inline, ...]:
    items = list(nodes)
    if lead and items and isinstance(items[0], Text):
        text = items[0].text.lstrip()
        items[0:1] = [Text(text=text)] if text else []
    if trail and items and isinstance(items[-1], Text):
        text = items[-1].text.rstrip()
        items[-1:] = [Text(text=text)] if text else []
    return tuple(items)


def _block_inlines(value: tuple[Inline, ...]) -> tuple[Inline, ...]:
    return normalize_inlines(cap_depth(value))


#: The inline content of a block (a paragraph, a quote, a list item's body): canonical, its
#: outer whitespace stripped, formatting nested deeper than ``MAX_INLINE_DEPTH`` flattened.
Inlines = Annotated[tuple[Inline, ...], AfterValidator(_block_inlines)]


class _InlineBlock(_Frozen):
    content: Inlines = ()

    @property
    def text(self) -> str:
        """The plain text of the block."""
        return plain_text(self.content)


# --- blocks -----------------------------------------------------------------------------


class Paragraph(_InlineBlock):
    """A paragraph of inline content."""

    type: Literal["paragraph"] = "paragraph"


class Quote(_InlineBlock):
    """A quoted passage."""

    type: Literal["quote"] = "quote"


class Item(_Frozen):
    """A list item: an optional bold lead-in (without its colon) and a body."""

    lead: Line = ""
    body: Inlines = ()

    @property
    def text(self) -> str:
        """The plain text of the body (without the lead-in)."""
        return plain_text(self.body)


class ItemList(_Frozen):
    """A numbered (``ordered``) or bulleted list of items."""

    type: Literal["list"] = "list"
    ordered: bool = True
    items: tuple[Item, ...] = ()


Block = Annotated[Paragraph | ItemList | Quote, Field(discriminator="type")]


class Section(_Frozen):
    """A run of blocks under one heading; ``heading`` is as written, without its colon."""

    kind: SectionKind = SectionKind.OTHER
    heading: OptionalLine = None
    blocks: tuple[Block, ...] = ()

    @property
    def items(self) -> tuple[Item, ...]:
        """Every list item of the section, in order."""
        return tuple(i for b in self.blocks if isinstance(b, ItemList) for i in b.items)

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        return tuple(b for b in self.blocks if isinstance(b, Paragraph))

    @property
    def text(self) -> str:
        """Plain text of the section's blocks, one per line (items as 'Lead: body')."""
        lines: list[str] = []
        for block in self.blocks:
            if isinstance(block, ItemList):
                lines.extend(f"{i.lead}: {i.text}" if i.lead else i.text for i in block.items)
            else:
                lines.append(block.text)
        return "\n".join(lines)


class BriefLink(_Frozen):
    """A pointer to a neighbouring brief: a title, an href, or both."""

    title: Line | None = None
    href: Href | None = None

    @model_validator(mode="after")
    def _needs_something(self) -> BriefLink:
        if not self.title and not self.href:
            raise ValueError("a brief link needs a title or an href")
        if self.title == "":
            object.__setattr__(self, "title", None)
        return self


def _date_or_datetime(value: object) -> object:
    """Keep a bare ``YYYY-MM-DD`` a date; pydantic would otherwise make it midnight."""
    if isinstance(value, str) and _ISO_DATE.fullmatch(value.strip()):
        return dt.date.fromisoformat(value.strip())
    return value


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
#: A publication date, with or without a time of day.
Date = Annotated[dt.datetime | dt.date, BeforeValidator(_date_or_datetime)]


class Brief(_Frozen):
    """One analytic brief: title, metadata, sections and its neighbours in the series."""

    title: Line
    url: Href | None = None
    slug: OptionalLine = None
    published: Date | None = None
    updated: Date | None = None
    authors: tuple[Line, ...] = ()
    publisher: OptionalLine = None
    category: OptionalLine = None
    tags: tuple[Line, ...] = ()
    summary: OptionalLine = None
    marking: OptionalLine = None
    language: OptionalLine = None
    sections: tuple[Section, ...] = ()
    prev: BriefLink | None = None
    next: BriefLink | None = None

    @field_validator("title")
    @classmethod
    def _title_not_empty(cls, value: str) -> str:
        if not value:
            raise ValueError("a brief needs a non-empty title")
        return value

    @field_validator("authors", "tags")
    @classmethod
    def _drop_empty(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(v for v in value if v)

    # --- convenience ------------------------------------------------------------------

    def section(self, kind: SectionKind | str) -> Section | None:
        """The first section of ``kind``, or None."""
        kind = SectionKind(kind)
        return next((s for s in self.sections if s.kind is kind), None)

    def sections_of(self, kind: SectionKind | str) -> Iterator[Section]:
        """Every section of ``kind``, in order."""
        kind = SectionKind(kind)
        return (s for s in self.sections if s.kind is kind)

    @property
    def judgement(self) -> Section | None:
        """The analytic judgement (bottom line) section, if any."""
        return self.section(SectionKind.JUDGEMENT)

    @property
    def implications(self) -> Section | None:
        """The implications section, if any."""
        return self.section(SectionKind.IMPLICATIONS)

    @property
    def evidence(self) -> tuple[Item, ...]:
        """The items of the evidence section(s)."""
        return tuple(i for s in self.sections_of(SectionKind.EVIDENCE) for i in s.items)

    @classmethod
    def from_json(cls, data: str | bytes) -> Brief:
        """A brief from its JSON form (raises pydantic's ValidationError on bad data)."""
        return cls.model_validate_json(data)

    def to_json(self, *, indent: int | None = 2) -> str:
        """The brief as JSON (the schema is ``Brief.model_json_schema()``)."""
        return self.model_dump_json(indent=indent, exclude_defaults=False)
