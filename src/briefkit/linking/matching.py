"""Matching prev/next pointers to the briefs they mean, through keys.

Rebuilding chains and checking links both start the same way: resolve every pointer
through one index, report the ones that mean no brief, several briefs or their own brief,
and follow the rest. What is compared are keys (:func:`own_keys` of each brief,
:func:`pointer_keys` of each pointer); :class:`StringKeys` gives them as strings, read from
the briefs. A caller that holds thousands of briefs can give the same keys as digests
instead (:class:`LinkKeys`), and the matching, and so every result, is the same.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator, Sequence
from typing import Literal, NamedTuple, Protocol

from .keys import href_key, path_of, title_key
from .problems import (
    SIDES,
    Linkable,
    LinkProblem,
    LinkProblemKind,
    Pointer,
    Side,
    describe,
    problem,
)

__all__ = [
    "TABLES",
    "LinkKeys",
    "Lookup",
    "PointerKeys",
    "StringKeys",
    "Table",
    "follow_pointers",
    "own_keys",
    "pointer_keys",
]

#: The lookup tables of the briefs' own keys: by href, by the href's path, by title.
Table = Literal["href", "path", "title"]
#: The tables in the order :func:`own_keys` gives a brief's keys (and a digest column holds).
TABLES: tuple[Table, Table, Table] = ("title", "href", "path")


class PointerKeys(NamedTuple):
    """What matching compares of a pointer: the key of its href (resolved against the
    pointing brief's url) and whether that key names a host, and the key of its title;
    None where the pointer has none."""

    href: Hashable | None
    absolute: bool
    title: Hashable | None


def own_keys(brief: Linkable) -> tuple[str, str | None, str | None]:
    """A brief's keys as pointers meet them: its title's, its url's and the url's path's."""
    href = href_key(brief.url) if brief.url else None
    return title_key(brief.title), href, path_of(href) if href is not None else None


def pointer_keys(link: Pointer, base: str | None) -> PointerKeys:
    """A pointer's keys (:class:`PointerKeys`); ``base`` is the pointing brief's url."""
    href = href_key(link.href, base) if link.href else None
    title = title_key(link.title) if link.title else None
    return PointerKeys(href, href is not None and href.startswith("//"), title)


class Lookup(Protocol):
    """A table of the briefs' own keys."""

    def get(self, key: Hashable) -> list[int]:
        """Every position whose key is ``key``, in increasing order."""
        ...


class LinkKeys(Protocol):
    """The keys of a set of briefs, by position: a table of their own keys, built when
    first asked, and each pointer's keys."""

    def table(self, which: Table) -> Lookup: ...
    def pointer(self, i: int, side: Side) -> PointerKeys | None: ...


class _Strings:
    """A table of string keys: a key's one position, or its several (most keys name one
    brief: no list per key)."""

    def __init__(self) -> None:
        self._table: dict[Hashable, int | list[int]] = {}

    def add(self, key: Hashable, i: int) -> None:
        found = self._table.get(key)
        if found is None:
            self._table[key] = i
        elif isinstance(found, int):
            self._table[key] = [found, i]
        else:
            found.append(i)

    def get(self, key: Hashable) -> list[int]:
        found = self._table.get(key)
        return [] if found is None else [found] if isinstance(found, int) else found


class StringKeys:
    """The keys of briefs (or records with their fields) as strings, computed from them."""

    def __init__(self, briefs: Sequence[Linkable]) -> None:
        self._briefs = briefs

    def table(self, which: Table) -> Lookup:
        column = TABLES.index(which)
        table = _Strings()
        for i, brief in enumerate(self._briefs):
            if which == "title":  # the url's keys only where a pointer needs them
                table.add(title_key(brief.title), i)
            elif (key := own_keys(brief)[column]) is not None:
                table.add(key, i)
        return table

    def pointer(self, i: int, side: Side) -> PointerKeys | None:
        brief = self._briefs[i]
        link = brief.prev if side == "prev" else brief.next
        return pointer_keys(link, brief.url) if link is not None else None


class _Index:
    """Lookup of briefs by href key, path and title key; each table is built when first
    asked (a series linked by titles alone never builds the ones by href and path)."""

    def __init__(self, keys: LinkKeys) -> None:
        self._keys = keys
        self._tables: dict[Table, Lookup] = {}

    def _get(self, which: Table, key: Hashable) -> list[int]:
        if which not in self._tables:
            self._tables[which] = self._keys.table(which)
        return self._tables[which].get(key)

    def resolve(self, link: PointerKeys) -> list[int]:
        """Every brief the link may mean: by href first, then by title; [] if none."""
        if link.href is not None:
            found = self._get("href", link.href) or (
                self._get("path", link.href) if not link.absolute else []
            )
            if found:
                return found
        if link.title is not None:
            return self._get("title", link.title)
        return []


def follow_pointers(
    briefs: Sequence[Linkable],
    problems: list[LinkProblem],
    *,
    report_dangling: bool,
    ambiguous_note: str = "",
    keys: LinkKeys | None = None,
) -> Iterator[tuple[int, Side, int]]:
    """Every prev/next pointer that means exactly one other brief, as (position, side,
    target), yielded as found (no list of every pointer). Pointers matching several
    briefs or their own brief are added to ``problems`` (ambiguous ones with
    ``ambiguous_note`` after the message) and left out; so are those matching none,
    reported only with ``report_dangling``. ``keys`` are the briefs' keys if not the
    strings computed from them (:class:`StringKeys`)."""
    keys = keys if keys is not None else StringKeys(briefs)
    index = _Index(keys)
    for i, brief in enumerate(briefs):
        for side in SIDES:
            link: Pointer | None = brief.prev if side == "prev" else brief.next
            if link is None:
                continue
            found = index.resolve(keys.pointer(i, side) or PointerKeys(None, False, None))
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
