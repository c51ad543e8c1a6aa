"""Atomic file writes: a reader sees the old file or the new one, never half of either."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

__all__ = ["atomic_write"]


def atomic_write(dest: str | os.PathLike[str], data: str | bytes, *, durable: bool = True) -> Path:
    """Write ``data`` to ``dest`` through a temporary file in the same folder and a rename.

    ``durable`` fsyncs the data before the rename, so the new file survives a power cut.
    Without it the write is still atomic for readers and for a killed process (the rename
    happens only after the last byte is handed to the kernel), but durability is left to a
    later ``os.sync()``: many files then cost one flush instead of one each.
    """
    path = Path(dest)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        os.chmod(tmp, path.stat().st_mode & 0o777 if path.exists() else 0o644)
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
