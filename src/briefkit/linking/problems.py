"""Link problems, and what the linking functions read of a brief and of its pointers.

Rebuilding chains and checking links report in the same words: :func:`problem` fills in
the titles and :func:`describe` names a pointer, for both.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from enum import StrEnum
from typing import Literal, Protocol

from pydantic import BaseModel, ConfigDict

__all__ = [
    "SIDES",
    "LinkProblem",
    "LinkProblemKind",
    "Linkable",
    "Pointer",
    "Side",
    "describe",
    "problem",
]

Side = Literal["prev", "next"]
SIDES: tuple[Side, Side] = ("prev", "next")


class Pointer(Protocol):
    """What matching reads of a prev/next pointer (a :class:`~briefkit.BriefLink`)."""

    @property
    def title(self) -> str | None: ...
    @property
    def href(self) -> str | None: ...


class Linkable(Protocol):
    """What ordering and matching read of a brief: a :class:`~briefkit.Brief`, or a
    lighter record with the same fields (a bundle orders thousands without building
    a Brief for each)."""

    @property
    def title(self) -> str: ...
    @property
    def url(self) -> str | None: ...
    @property
    def published(self) -> dt.date | dt.datetime | None: ...
    @property
    def prev(self) -> Pointer | None: ...
    @property
    def next(self) -> Pointer | None: ...


class LinkProblemKind(StrEnum):
    """What is wrong with the links of a series."""

    DANGLING = "dangling"  # points at no brief of the set
    ONE_WAY = "one-way"  # A.next is B, but B.prev is not A (or the reverse)
    CYCLE = "cycle"  # following next (or prev) pointers comes back
    SELF_LINK = "self-link"  # a brief points at itself
    FORK = "fork"  # two briefs claim the same neighbour, or one brief two
    AMBIGUOUS = "ambiguous"  # a pointer matches several briefs
    DUPLICATE_TITLE = "duplicate-title"
    DUPLICATE_SLUG = "duplicate-slug"
    DUPLICATE_URL = "duplicate-url"
    DATE_ORDER = "date-order"  # next published before its predecessor


class LinkProblem(BaseModel):
    """One problem: its kind, the briefs involved (positions in the input and titles), which
    pointer (``prev``/``next``) when one is at fault, and a sentence for people."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: LinkProblemKind
    briefs: tuple[int, ...]
    titles: tuple[str, ...]
    link: Side | None = None
    message: str

    def __str__(self) -> str:
        return f"{self.kind}: {self.message}"


def problem(
    kind: LinkProblemKind,
    briefs: Sequence[Linkable],
    idx: Iterable[int],
    message: str,
    link: Side | None = None,
) -> LinkProblem:
    """A problem about the briefs at positions ``idx``, their titles filled in."""
    positions = tuple(idx)
    titles = tuple(briefs[i].title for i in positions)
    return LinkProblem(kind=kind, briefs=positions, titles=titles, link=link, message=message)


def describe(link: Pointer) -> str:
    """A pointer as shown in messages: its title, else its href."""
    return repr(link.title or link.href)
