"""What the parent keeps of a bundle's briefs: a spool file of records and a few columns.

A scan sends back, per brief, what ordering, the outputs' keys and the index page need
(title, url, pointers, date, stamp, slug, excerpt, images, lint counts). Kept as Python
objects that is about a kilobyte a brief; here each record goes to a temporary file as it
arrives (:class:`Spool`) and the parent keeps its offset, the input's path (packed, in
:class:`~briefkit.packed.Strings`) and the 16-byte digests of the keys that pointers are
matched by (:class:`Digests`). Anything that needs the strings themselves (a problem's
message, an index row, an output's key) reads the record back by position, one at a time
(:class:`Series`).

The spool is an anonymous :func:`tempfile.TemporaryFile` in the system's temporary folder,
not a file in the output folder: on Linux it has no name from the start, so nothing is
left behind however the build ends (an error, Ctrl-C, even SIGKILL), it never shows in a
folder that may be served or synced, and the output folder may be on slow or remote
storage where random reads would cost.
"""

from __future__ import annotations

import datetime as dt
import json
import struct
import tempfile
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..linking.matching import TABLES, PointerKeys, Table
from ..linking.problems import Side
from ..packed import DIGEST_BYTES, DigestTable, ReadOnlyList, Strings
from ..tradecraft import Counts
from .work import Pointer, Scanned

__all__ = ["Digests", "Entry", "Series", "Spool"]

_SIZE = struct.Struct("<I")


class Spool:
    """Records in an anonymous temporary file, each read back by its offset."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile()  # noqa: SIM115 (closed by close())
        self._end = 0

    def add(self, data: bytes) -> int:
        """Append a record; its offset."""
        offset = self._end
        self._file.seek(offset)
        self._file.write(_SIZE.pack(len(data)) + data)
        self._end += _SIZE.size + len(data)
        return offset

    def read(self, offset: int) -> bytes:
        self._file.seek(offset)
        (size,) = _SIZE.unpack(self._file.read(_SIZE.size))
        return self._file.read(size)

    def close(self) -> None:
        self._file.close()


@dataclass(frozen=True, slots=True)
class Entry:
    """A brief as the parent reads it back from the spool: what the linking functions
    read of a Brief (title, url, published, prev, next), what the outputs' keys and the
    index page need, and the digests of its pointers' keys (``keys``)."""

    path: str
    title: str
    published: dt.date | dt.datetime | None
    url: str | None
    prev: Pointer | None
    next: Pointer | None
    stamp: tuple[int, int]  # mtime_ns, size
    excerpt: str
    slug: str | None  # the brief's own
    lint: Counts | None
    images: tuple[tuple[str, int, int], ...]  # relative figure images: src, mtime, size
    keys: tuple[PointerKeys | None, PointerKeys | None]  # prev's, next's


def _date(value: dt.date | dt.datetime | None) -> list[str] | None:
    if value is None:
        return None
    return ["t" if isinstance(value, dt.datetime) else "d", value.isoformat()]


def _undate(value: list[str] | None) -> dt.date | dt.datetime | None:
    if value is None:
        return None
    kind, text = value
    return dt.datetime.fromisoformat(text) if kind == "t" else dt.date.fromisoformat(text)


def _hex(keys: PointerKeys | None) -> list[Any] | None:
    if keys is None:
        return None
    href, absolute, title = keys
    assert href is None or isinstance(href, bytes)
    assert title is None or isinstance(title, bytes)
    return [href.hex() if href else None, absolute, title.hex() if title else None]


def _unhex(value: list[Any] | None) -> PointerKeys | None:
    if value is None:
        return None
    href, absolute, title = value
    return PointerKeys(
        bytes.fromhex(href) if href else None, absolute, bytes.fromhex(title) if title else None
    )


def record(item: Scanned, images: tuple[tuple[str, int, int], ...]) -> bytes:
    """The spool record of a scanned brief (JSON: exact for any string, and nothing to
    execute when read back)."""
    fields = [
        item.title,
        _date(item.published),
        item.url,
        list(item.prev) if item.prev else None,
        list(item.next) if item.next else None,
        list(item.stamp),
        item.excerpt,
        item.slug,
        list(item.lint) if item.lint is not None else None,
        [list(i) for i in images],
        [_hex(k) for k in item.keys],
    ]
    return json.dumps(fields, separators=(",", ":")).encode("ascii")


def _entry(path: str, data: bytes) -> Entry:
    title, published, url, prev, nxt, stamp, excerpt, slug, lint, images, keys = json.loads(data)
    return Entry(
        path,
        title,
        _undate(published),
        url,
        Pointer(*prev) if prev else None,
        Pointer(*nxt) if nxt else None,
        (stamp[0], stamp[1]),
        excerpt,
        slug,
        Counts(*lint) if lint is not None else None,
        tuple((src, m, s) for src, m, s in images),
        (_unhex(keys[0]), _unhex(keys[1])),
    )


class Series(ReadOnlyList[Entry]):
    """The briefs of a build by position (input order, or series order once ordered):
    each an :class:`Entry` read back from the spool when asked (the last few are kept,
    as neighbours are asked for together)."""

    def __init__(self, spool: Spool, paths: Strings, slots: array[int], offsets: array[int]):
        self._spool = spool
        self._paths = paths  # every input found
        self._slots = slots  # position -> index in paths
        self._offsets = offsets  # position -> record in the spool
        self._cache: dict[int, Entry] = {}

    def path(self, k: int) -> str:
        return self._paths[self._slots[k]]

    def paths(self) -> Sequence[str]:
        """The inputs' paths by position, read from the packed list (not copied)."""
        return _Paths(self._paths, self._slots)

    def reordered(self, positions: Iterable[int]) -> Series:
        """This series in the order of ``positions``."""
        order = array("q", positions)
        slots = array("q", (self._slots[i] for i in order))
        offsets = array("q", (self._offsets[i] for i in order))
        return Series(self._spool, self._paths, slots, offsets)

    def __len__(self) -> int:
        return len(self._slots)

    def _item(self, index: int) -> Entry:
        found = self._cache.get(index)
        if found is None:
            found = _entry(self.path(index), self._spool.read(self._offsets[index]))
            if len(self._cache) >= 4:
                del self._cache[next(iter(self._cache))]
            self._cache[index] = found
        return found


class _Paths(ReadOnlyList[str]):
    def __init__(self, paths: Strings, slots: array[int]) -> None:
        self._paths, self._slots = paths, slots

    def __len__(self) -> int:
        return len(self._slots)

    def _item(self, index: int) -> str:
        return self._paths[self._slots[index]]


class Digests:
    """The keys pointers are matched by, of every scanned brief in input order, as
    16-byte digests (title, url, the url's path: 48 bytes a brief); the pointers' own
    keys wait in the spool. Given to the linking functions as their ``keys``."""

    def __init__(self, size: int) -> None:
        self.series: Series | None = None  # where the pointers' keys are read
        # title, href, path; zeros where a brief has no url (``_present``)
        self._columns = tuple(bytearray(size * DIGEST_BYTES) for _ in range(3))
        self._present = bytearray(size)

    def add(self, slot: int, item: Scanned) -> None:
        """The digests of the brief scanned from input ``slot``."""
        at = slot * DIGEST_BYTES
        for n, column in enumerate(self._columns):
            column[at : at + DIGEST_BYTES] = item.digests[n * DIGEST_BYTES : (n + 1) * DIGEST_BYTES]
        self._present[slot] = 1 if item.url else 0

    def keep(self, slots: Sequence[int]) -> None:
        """Keep the briefs at ``slots`` only (those the scan did not fail), in that order."""
        for column in self._columns:
            kept = bytearray()
            for i in slots:
                kept += column[i * DIGEST_BYTES : (i + 1) * DIGEST_BYTES]
            column[:] = kept
        self._present = bytearray(self._present[i] for i in slots)

    def table(self, which: Table) -> DigestTable:
        column = TABLES.index(which)
        present = None if which == "title" else self._present
        return DigestTable(self._columns[column], present)

    def pointer(self, i: int, side: Side) -> PointerKeys | None:
        assert self.series is not None
        keys = self.series[i].keys
        return keys[0] if side == "prev" else keys[1]
