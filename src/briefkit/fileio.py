"""Atomic file writes: a reader sees the old file or the new one, never half of either."""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

__all__ = ["atomic_write", "atomic_write_chunks", "write_if_changed"]


def atomic_write(dest: str | os.PathLike[str], data: str | bytes, *, durable: bool = True) -> Path:
    """Write ``data`` to ``dest`` through a temporary file in the same folder and a rename.

    ``durable`` fsyncs the data before the rename, so the new file survives a power cut.
    Without it the write is still atomic for readers and for a killed process (the rename
    happens only after the last byte is handed to the kernel), but durability is left to a
    later ``os.sync()``: many files then cost one flush instead of one each.
    """
    path = Path(dest)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    _write(path, [payload], durable=durable, keep_same=False)
    return path


def atomic_write_chunks(
    dest: str | os.PathLike[str], chunks: Iterable[str | bytes], *, durable: bool = True
) -> None:
    """:func:`atomic_write` of ``chunks`` streamed, so a long file is never held whole."""
    encoded = (c.encode("utf-8") if isinstance(c, str) else c for c in chunks)
    _write(Path(dest), encoded, durable=durable, keep_same=False)


def write_if_changed(
    dest: str | os.PathLike[str], chunks: Iterable[str | bytes], *, durable: bool = True
) -> bool:
    """Write ``chunks`` atomically as :func:`atomic_write` does, streaming them (a large
    page is never held whole); leave ``dest`` untouched and return False when it already
    holds exactly these bytes."""
    encoded = (c.encode("utf-8") if isinstance(c, str) else c for c in chunks)
    return _write(Path(dest), encoded, durable=durable, keep_same=True)


def _digest(path: Path) -> bytes | None:
    try:
        with open(path, "rb") as handle:
            return hashlib.file_digest(handle, "blake2b").digest()
    except OSError:
        return None


def _write(path: Path, chunks: Iterable[bytes], *, durable: bool, keep_same: bool) -> bool:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        os.chmod(tmp, path.stat().st_mode & 0o777 if path.exists() else 0o644)
        digest = hashlib.blake2b() if keep_same else None
        with os.fdopen(fd, "wb") as handle:
            for chunk in chunks:
                handle.write(chunk)
                if digest is not None:
                    digest.update(chunk)
            handle.flush()
            if digest is not None and _digest(path) == digest.digest():
                Path(tmp).unlink()
                return False
            if durable:
                os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True
