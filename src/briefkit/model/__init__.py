"""The brief model: the one structure every parser produces and every renderer consumes.

Models are frozen pydantic models. Containers hold tuples, so a Brief is immutable and
hashable; change one with ``model_copy(update=...)``. Validation canonicalises inline
content (whitespace collapsed, adjacent text merged, edge spaces moved out of
strong/emphasis/link), so two briefs that read the same compare equal whatever format they
came from. Inline content lives in :mod:`.inline`, blocks and sections in :mod:`.blocks`;
every name is importable from here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Annotated

from pydantic import BeforeValidator, field_validator, model_validator

from .blocks import (
    Alignment,
    Block,
    Cell,
    Figure,
    Item,
    ItemList,
    Paragraph,
    Quote,
    Row,
    Section,
    SectionKind,
    Table,
    block_inlines,
)
from .inline import (
    Emphasis,
    Href,
    Inline,
    Inlines,
    Line,
    Link,
    Note,
    OptionalLine,
    Strong,
    Text,
    _Frozen,
    cap_depth,
    inline_depth,
    normalize_inlines,
    notes_in,
    plain_text,
)

__all__ = [
    "Alignment",
    "Block",
    "Brief",
    "BriefLink",
    "Cell",
    "Emphasis",
    "Figure",
    "Inline",
    "Inlines",
    "Item",
    "ItemList",
    "Link",
    "Note",
    "Paragraph",
    "Quote",
    "Row",
    "Section",
    "SectionKind",
    "Strong",
    "Table",
    "Text",
    "block_inlines",
    "cap_depth",
    "inline_depth",
    "normalize_inlines",
    "notes_in",
    "plain_text",
]


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
