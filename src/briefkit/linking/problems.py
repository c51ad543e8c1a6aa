"""Link problems and the matching of prev/next pointers to the briefs they mean.

Rebuilding chains and checking links both start the same way: resolve every pointer
through one index, report the ones that mean no brief, several briefs or their own brief,
and follow the rest. That first step lives here so both report it in the same words.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterable, Iterator, Sequence
from enum import StrEnum
from typing import Literal, Protocol

from pydantic import BaseModel, ConfigDict

from .keys import href_key, path_of, title_key

__all__ = [
    "SIDES",
    "LinkProblem",
    "LinkProblemKind",
    "Linkable",
    "Pointer",
    "Side",
    "describe",
    "follow_pointers",
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


_Table = dict[str, int | list[int]]  # a key's one position, or its several


def _add(table: _Table, key: str, i: int) -> None:
    found = table.get(key)
    if found is None:
        table[key] = i  # most keys name one brief: no list per key
    elif isinstance(found, int):
        table[key] = [found, i]
    else:
        found.append(i)


def _get(table: _Table, key: str) -> list[int]:
    found = table.get(key)
    return [] if found is None else [found] if isinstance(found, int) else found


class _Index:
    """Lookup of briefs by href key, path and title key; each table is built when first
    asked (a series linked by titles alone never builds the ones by href and path, which
    hold a key string per brief)."""

    def __init__(self, briefs: Sequence[Linkable]) -> None:
        self._briefs = briefs

    def _table(self, key: Callable[[Linkable], str | None]) -> _Table:
        table: _Table = {}
        for i, brief in enumerate(self._briefs):
            found = key(brief)
            if found is not None:
                _add(table, found, i)
        return table

    @functools.cached_property
    def by_href(self) -> _Table:
        return self._table(lambda b: href_key(b.url) if b.url else None)

    @functools.cached_property
    def by_path(self) -> _Table:
        return self._table(lambda b: path_of(href_key(b.url)) if b.url else None)

    @functools.cached_property
    def by_title(self) -> _Table:
        return self._table(lambda b: title_key(b.title))

    def resolve(self, link: Pointer, base: str | None) -> list[int]:
        """Every brief the link may mean: by href first, then by title; [] if none."""
        if link.href:
            key = href_key(link.href, base)
            found = _get(self.by_href, key) or (
                _get(self.by_path, key) if not key.startswith("//") else []
            )
            if found:
                return found
        if link.title:
            return _get(self.by_title, title_key(link.title))
        return []


def follow_pointers(
    briefs: Sequence[Linkable],
    problems: list[LinkProblem],
    *,
    report_dangling: bool,
    ambiguous_note: str = "",
) -> Iterator[tuple[int, Side, int]]:
    """Every prev/next pointer that means exactly one other brief, as (position, side,
    target), yielded as found (no list of every pointer). Pointers matching several
    briefs or their own brief are added to ``problems`` (ambiguous ones with
    ``ambiguous_note`` after the message) and left out; so are those matching none,
    reported only with ``report_dangling``."""
    index = _Index(briefs)
    for i, brief in enumerate(briefs):
        for side in SIDES:
            link: Pointer | None = brief.prev if side == "prev" else brief.next
            if link is None:
                continue
            found = index.resolve(link, brief.url)
            where = f"{side} of {brief.title!r}"
            if not found:
                if report_dangling:
                    message = f"{where} ({describe(link)}) matches no brief"
                    problems.append(problem(LinkProblemKind.DANGLING, briefs, (i,), message, side))
            elif len(found) > 1:
                message = f"{where} ({describe(link)}) matches {len(found)} briefs{ambiguous_note}"
                positions = dict.fromkeys((i, *found))
                problems.append(
                    problem(LinkProblemKind.AMBIGUOUS, briefs, positions, message, side)
                )
            elif found[0] == i:
                message = f"{where} points at itself"
                problems.append(problem(LinkProblemKind.SELF_LINK, briefs, (i,), message, side))
            else:
                yield i, side, found[0]
