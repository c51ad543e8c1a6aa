"""Link problems and the matching of prev/next pointers to the briefs they mean.

Rebuilding chains and checking links both start the same way: resolve every pointer
through one index, report the ones that mean no brief, several briefs or their own brief,
and follow the rest. That first step lives here so both report it in the same words.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict

from ..model import Brief, BriefLink
from .keys import href_key, path_of, title_key

__all__ = [
    "SIDES",
    "LinkProblem",
    "LinkProblemKind",
    "Side",
    "describe",
    "follow_pointers",
    "problem",
]

Side = Literal["prev", "next"]
SIDES: tuple[Side, Side] = ("prev", "next")


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
    briefs: Sequence[Brief],
    idx: Iterable[int],
    message: str,
    link: Side | None = None,
) -> LinkProblem:
    """A problem about the briefs at positions ``idx``, their titles filled in."""
    positions = tuple(idx)
    titles = tuple(briefs[i].title for i in positions)
    return LinkProblem(kind=kind, briefs=positions, titles=titles, link=link, message=message)


def describe(link: BriefLink) -> str:
    """A pointer as shown in messages: its title, else its href."""
    return repr(link.title or link.href)


class _Index:
    """Lookup of briefs by href key, path and title key."""

    def __init__(self, briefs: Sequence[Brief]) -> None:
        self.by_href: dict[str, list[int]] = {}
        self.by_path: dict[str, list[int]] = {}
        self.by_title: dict[str, list[int]] = {}
        for i, brief in enumerate(briefs):
            if brief.url:
                key = href_key(brief.url)
                self.by_href.setdefault(key, []).append(i)
                self.by_path.setdefault(path_of(key), []).append(i)
            self.by_title.setdefault(title_key(brief.title), []).append(i)

    def resolve(self, link: BriefLink, base: str | None) -> list[int]:
        """Every brief the link may mean: by href first, then by title; [] if none."""
        if link.href:
            key = href_key(link.href, base)
            found = self.by_href.get(key) or (
                self.by_path.get(key, []) if not key.startswith("//") else []
            )
            if found:
                return found
        if link.title:
            return self.by_title.get(title_key(link.title), [])
        return []


def follow_pointers(
    briefs: Sequence[Brief],
    problems: list[LinkProblem],
    *,
    report_dangling: bool,
    ambiguous_note: str = "",
) -> list[tuple[int, Side, int]]:
    """Every prev/next pointer that means exactly one other brief, as (position, side,
    target). Pointers matching several briefs or their own brief are added to ``problems``
    (ambiguous ones with ``ambiguous_note`` after the message) and left out; so are those
    matching none, reported only with ``report_dangling``."""
    index = _Index(briefs)
    out: list[tuple[int, Side, int]] = []
    for i, brief in enumerate(briefs):
        for side in SIDES:
            link: BriefLink | None = getattr(brief, side)
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
                out.append((i, side, found[0]))
    return out
