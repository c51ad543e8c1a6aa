"""What a build returns, kept compact: a bundle of 10,000 briefs lists 10,000 inputs and as
many outputs, and a :class:`~pathlib.Path` per entry (with the name parts pathlib interns)
would cost the parent more than everything else it keeps per brief. The lists hold plain
strings and hand out paths as they are read."""

from __future__ import annotations

import os
from array import array
from collections.abc import ItemsView, Iterator, Mapping, Sequence, ValuesView
from dataclasses import dataclass, field
from pathlib import Path
from typing import overload

from ..linking import LinkProblem
from ..tradecraft import Counts
from .work import BuildFailure

__all__ = ["BuildResult", "LintCounts", "PathList"]


class PathList(Sequence[Path]):
    """A read-only list of paths that stores strings, not :class:`~pathlib.Path` objects:
    names under ``base`` packed into one buffer, or a list of strings shared with the
    caller. Reading an item makes its ``Path``; it compares equal to a list of the same
    paths (``result.written == []``), as the plain list it replaces did."""

    def __init__(self, base: Path | None = None, strings: list[str] | None = None) -> None:
        self._base = base
        self._strings = strings
        self._data = bytearray()
        self._ends = array("q")

    def add(self, name: str) -> None:
        """Append ``name`` (relative to ``base``); names are packed, so each costs its
        length in bytes and an offset."""
        if self._strings is not None:
            self._strings.append(name)
            return
        self._data += os.fsencode(name)
        self._ends.append(len(self._data))

    def _string(self, index: int) -> str:
        if self._strings is not None:
            return self._strings[index]
        start = self._ends[index - 1] if index else 0
        return os.fsdecode(bytes(self._data[start : self._ends[index]]))

    def _path(self, index: int) -> Path:
        text = self._string(index)
        return self._base / text if self._base is not None else Path(text)

    def __len__(self) -> int:
        return len(self._strings) if self._strings is not None else len(self._ends)

    @overload
    def __getitem__(self, index: int) -> Path: ...
    @overload
    def __getitem__(self, index: slice) -> list[Path]: ...
    def __getitem__(self, index: int | slice) -> Path | list[Path]:
        if isinstance(index, slice):
            return [self._path(i) for i in range(*index.indices(len(self)))]
        size = len(self)
        if not -size <= index < size:
            raise IndexError("PathList index out of range")
        return self._path(index % size)

    def __iter__(self) -> Iterator[Path]:
        return (self._path(i) for i in range(len(self)))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (PathList, list)):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # equal to a list, so unhashable like one

    def __repr__(self) -> str:
        return f"PathList({list(self)!r})"


class LintCounts(Mapping[Path, Counts]):
    """Each linted brief's counts by its input path, in series order, kept as the build's
    own strings; a lookup by path builds its index on first use."""

    def __init__(self, paths: list[str] | None = None, counts: list[Counts] | None = None):
        self._paths = PathList(strings=paths if paths is not None else [])
        self._counts = counts if counts is not None else []
        self._index: dict[Path, int] | None = None

    def __getitem__(self, key: Path) -> Counts:
        if self._index is None:
            self._index = {p: i for i, p in enumerate(self._paths)}
        return self._counts[self._index[key]]

    def __iter__(self) -> Iterator[Path]:
        return iter(self._paths)

    def __len__(self) -> int:
        return len(self._counts)

    def values(self) -> ValuesView[Counts]:
        return _Values(self)

    def items(self) -> ItemsView[Path, Counts]:
        return _Items(self)

    def __repr__(self) -> str:
        return f"LintCounts({dict(zip(self._paths, self._counts, strict=True))!r})"


class _Values(ValuesView[Counts]):
    """The counts in order, read without the index of paths."""

    _mapping: LintCounts

    def __iter__(self) -> Iterator[Counts]:
        return iter(self._mapping._counts)


class _Items(ItemsView[Path, Counts]):
    _mapping: LintCounts

    def __iter__(self) -> Iterator[tuple[Path, Counts]]:
        return zip(self._mapping._paths, self._mapping._counts, strict=True)


@dataclass
class BuildResult:
    """What a build did: files written, files already up to date, failures and the link
    problems met while ordering, plus the series order of the inputs.

    ``written``, ``skipped`` and ``order`` are read-only sequences of paths
    (:class:`PathList`) and ``lint`` a read-only mapping (:class:`LintCounts`): they keep
    strings and make each :class:`~pathlib.Path` as it is read, so a large bundle's
    result stays small. Use ``list(result.written)`` for a list of your own.
    """

    outdir: Path
    written: Sequence[Path] = field(default_factory=list)
    skipped: Sequence[Path] = field(default_factory=list)
    failures: list[BuildFailure] = field(default_factory=list)
    problems: list[LinkProblem] = field(default_factory=list)
    order: Sequence[Path] = field(default_factory=list)
    lint: Mapping[Path, Counts] = field(default_factory=dict)
    """With ``lint``: each brief's tradecraft findings by severity, in series order."""

    @property
    def ok(self) -> bool:
        """True when every input and every output succeeded."""
        return not self.failures
