"""What a build returns, kept compact: a bundle of 10,000 briefs lists 10,000 inputs and as
many outputs, and a :class:`~pathlib.Path` per entry (with the name parts pathlib interns)
would cost the parent more than everything else it keeps per brief. The lists hold plain
strings and hand out paths as they are read."""

from __future__ import annotations

from array import array
from collections.abc import ItemsView, Iterable, Iterator, Mapping, Sequence, ValuesView
from dataclasses import dataclass, field
from pathlib import Path

from ..linking import LinkProblem
from ..packed import ReadOnlyList, Strings
from ..tradecraft import Counts
from .work import BuildFailure

__all__ = ["BuildResult", "LintCounts", "OutputNames", "PathList"]


class OutputNames(ReadOnlyList[str]):
    """The file names a build wrote (or found up to date), in that order, kept as
    numbers: output ``i`` of brief ``k`` is ``slugs[k] + exts[i]``, so a name costs one
    array item (a C long) beside the slug the build keeps anyway; other files (the index
    page, the series PDF) are kept as names."""

    def __init__(self, slugs: Sequence[str], exts: Sequence[str]) -> None:
        self._slugs, self._exts = slugs, tuple(exts)
        self._ids = array("l")  # k * len(exts) + i, or -1 - (index in _other)
        self._other: list[str] = []

    def add_output(self, k: int, i: int) -> None:
        self._ids.append(k * len(self._exts) + i)

    def append(self, name: str) -> None:
        self._ids.append(-1 - len(self._other))
        self._other.append(name)

    def __len__(self) -> int:
        return len(self._ids)

    def _item(self, index: int) -> str:
        j = self._ids[index]
        if j < 0:
            return self._other[-1 - j]
        k, i = divmod(j, len(self._exts))
        return self._slugs[k] + self._exts[i]


class PathList(ReadOnlyList[Path]):
    """A read-only list of paths that stores strings, not :class:`~pathlib.Path` objects:
    names under ``base`` packed into one buffer, or a sequence of strings shared with
    the caller. Reading an item makes its ``Path``; it compares equal to a list of the
    same paths (``result.written == []``), as the plain list it replaces did."""

    def __init__(self, base: Path | None = None, strings: Sequence[str] | None = None) -> None:
        self._base = base
        self._strings: Sequence[str] = Strings() if strings is None else strings

    def add(self, name: str) -> None:
        """Append ``name`` (relative to ``base``), when the strings are this list's own
        (packed, so each costs its length in bytes and an offset) or a build's names."""
        if not isinstance(self._strings, (Strings, OutputNames)):
            raise TypeError("a PathList over the caller's strings is read-only")
        self._strings.append(name)

    def _item(self, index: int) -> Path:
        text = self._strings[index]
        return self._base / text if self._base is not None else Path(text)

    def __len__(self) -> int:
        return len(self._strings)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (PathList, list)):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # equal to a list, so unhashable like one

    def __repr__(self) -> str:
        return f"PathList({list(self)!r})"


class LintCounts(Mapping[Path, Counts]):
    """Each linted brief's counts by its input path, in series order: the paths are the
    build's own strings, the counts three numbers each in one array; a lookup by path
    builds its index on first use."""

    def __init__(self, paths: Sequence[str] = (), counts: Iterable[Counts] = ()) -> None:
        self._paths = PathList(strings=paths)
        self._numbers = array("q", (n for c in counts for n in c))
        self._index: dict[Path, int] | None = None

    def _counts(self) -> Iterator[Counts]:
        numbers = self._numbers
        return (Counts(*numbers[i : i + 3]) for i in range(0, len(numbers), 3))

    def __getitem__(self, key: Path) -> Counts:
        if self._index is None:
            self._index = {p: i for i, p in enumerate(self._paths)}
        i = 3 * self._index[key]
        return Counts(*self._numbers[i : i + 3])

    def __iter__(self) -> Iterator[Path]:
        return iter(self._paths)

    def __len__(self) -> int:
        return len(self._numbers) // 3

    def values(self) -> ValuesView[Counts]:
        return _Values(self)

    def items(self) -> ItemsView[Path, Counts]:
        return _Items(self)

    def __repr__(self) -> str:
        return f"LintCounts({dict(zip(self._paths, self._counts(), strict=True))!r})"


class _Values(ValuesView[Counts]):
    """The counts in order, read without the index of paths."""

    _mapping: LintCounts

    def __iter__(self) -> Iterator[Counts]:
        return self._mapping._counts()


class _Items(ItemsView[Path, Counts]):
    _mapping: LintCounts

    def __iter__(self) -> Iterator[tuple[Path, Counts]]:
        return zip(self._mapping._paths, self._mapping._counts(), strict=True)


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
