"""Fixed-width and packed columns, for code that keeps something per item of a large set.

A Python string, int or tuple costs 30 to 100 bytes before its content; a bundle of
10,000 briefs that keeps a few of them per brief keeps megabytes. These keep strings as
bytes in one buffer, keys as 16-byte digests, and sort positions without building a key
object for every item at once, so what a large set costs is close to its content.
"""

from __future__ import annotations

import hashlib
import heapq
from array import array
from bisect import bisect_left
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from typing import Any, TypeVar, overload

__all__ = [
    "DIGEST_BYTES",
    "DigestSet",
    "DigestTable",
    "ReadOnlyList",
    "Strings",
    "digest",
    "sorted_positions",
]

T = TypeVar("T")

#: The width of a key digest: what the build's manifest already trusts to tell inputs apart.
DIGEST_BYTES = 16


def digest(text: str) -> bytes:
    """The 16-byte digest of ``text`` (any string: lone surrogates are kept, not refused)."""
    data = text.encode("utf-8", "surrogatepass")
    return hashlib.blake2b(data, digest_size=DIGEST_BYTES).digest()


class ReadOnlyList(Sequence[T]):
    """A read-only sequence whose items are made as they are read: a subclass gives
    ``__len__`` and ``_item(i)`` (``0 <= i < len``); indexing from the end, slices (as
    lists) and iteration come from here."""

    def _item(self, index: int) -> T:
        raise NotImplementedError

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> list[T]: ...
    def __getitem__(self, index: int | slice) -> T | list[T]:
        if isinstance(index, slice):
            return [self._item(i) for i in range(*index.indices(len(self)))]
        size = len(self)
        if not -size <= index < size:
            raise IndexError(f"{type(self).__name__} index out of range")
        return self._item(index + size if index < 0 else index)

    def __iter__(self) -> Iterator[T]:
        return (self._item(i) for i in range(len(self)))


class Strings(ReadOnlyList[str]):
    """A list of strings packed into one buffer (each costs its UTF-8 length and an
    offset), read back exactly: lone surrogates (undecodable file names) survive."""

    def __init__(self, items: Iterable[str] = ()) -> None:
        self._data = bytearray()
        self._ends = array("q")
        for item in items:
            self.append(item)

    def append(self, text: str) -> None:
        self._data += text.encode("utf-8", "surrogatepass")
        self._ends.append(len(self._data))

    def __len__(self) -> int:
        return len(self._ends)

    def _item(self, index: int) -> str:
        ends = self._ends
        start = ends[index - 1] if index else 0
        return self._data[start : ends[index]].decode("utf-8", "surrogatepass")


def sorted_positions(size: int, key: Callable[[int], Any], *, chunk: int = 1024) -> array[int]:
    """``sorted(range(size), key=key)`` (stable: equal keys keep their order) as an array,
    holding the keys of at most ``chunk`` positions (and one per chunk while merging)
    at a time instead of all of them."""
    runs = []
    for start in range(0, size, chunk):
        runs.append(array("q", sorted(range(start, min(size, start + chunk)), key=key)))
    if len(runs) == 1:
        return runs[0]
    # merge takes equal keys from the earlier run first: the sort stays stable
    return array("q", heapq.merge(*runs, key=key))


class DigestTable:
    """Positions by 16-byte digest, for lookups: the digests in one buffer, sorted through
    a permutation, searched by bisection. ``digests`` holds one digest per position
    (``present[i]`` false: position ``i`` has none)."""

    def __init__(self, digests: bytes | bytearray, present: Sequence[int] | None = None) -> None:
        self._digests = digests
        count = len(digests) // DIGEST_BYTES
        wanted = range(count) if present is None else [i for i in range(count) if present[i]]
        self._order = array("q", wanted)
        ranks = sorted_positions(len(self._order), lambda j: self._at(self._order[j]))
        self._order = array("q", (self._order[j] for j in ranks))

    def _at(self, i: int) -> bytes:
        return bytes(self._digests[i * DIGEST_BYTES : (i + 1) * DIGEST_BYTES])

    def get(self, key: Hashable) -> list[int]:
        """Every position whose digest is ``key``, in increasing order ([] for none)."""
        if not isinstance(key, bytes):
            return []
        order = self._order
        j = bisect_left(range(len(order)), key, key=lambda j: self._at(order[j]))
        found = []
        while j < len(order) and self._at(order[j]) == key:
            found.append(order[j])
            j += 1
        return found


class DigestSet:
    """A set of strings kept as their digests in one open-addressed buffer (32 bytes a
    member at most), for membership tests over many strings."""

    def __init__(self, items: Iterable[str] = ()) -> None:
        self._size = 0
        self._slots = bytearray(DIGEST_BYTES * 64)
        for item in items:
            self.add(item)

    def _find(self, key: bytes) -> tuple[int, bool]:
        """The slot holding ``key``, or the empty one where it would go."""
        slots = len(self._slots) // DIGEST_BYTES
        slot = int.from_bytes(key[:8], "little") % slots
        empty = bytes(DIGEST_BYTES)
        while True:
            held = self._slots[slot * DIGEST_BYTES : (slot + 1) * DIGEST_BYTES]
            if held == key:
                return slot, True
            if held == empty:
                return slot, False
            slot = (slot + 1) % slots

    @staticmethod
    def _key(text: str) -> bytes:
        key = digest(text)
        return key if any(key) else b"\x01" + key[1:]  # all zeros marks an empty slot

    def add(self, text: str) -> None:
        key = self._key(text)
        slot, found = self._find(key)
        if found:
            return
        self._slots[slot * DIGEST_BYTES : (slot + 1) * DIGEST_BYTES] = key
        self._size += 1
        if 2 * self._size > len(self._slots) // DIGEST_BYTES:
            self._grow()

    def _grow(self) -> None:
        old = self._slots
        self._slots = bytearray(2 * len(old))
        empty = bytes(DIGEST_BYTES)
        for start in range(0, len(old), DIGEST_BYTES):
            key = bytes(old[start : start + DIGEST_BYTES])
            if key != empty:
                slot, _ = self._find(key)
                self._slots[slot * DIGEST_BYTES : (slot + 1) * DIGEST_BYTES] = key

    def __contains__(self, text: object) -> bool:
        return isinstance(text, str) and self._find(self._key(text))[1]

    def __len__(self) -> int:
        return self._size
