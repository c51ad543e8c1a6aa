"""What a bundle folder already holds: the up-to-date manifest and leftover temp files.

The manifest maps each output's file name to a key of everything it was made from (input
path and stamp, slug, neighbours, renderer options, briefkit version); a rerun skips an
output whose key is unchanged and whose file is still there and newer than its input.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Container, Iterable, Iterator
from pathlib import Path

from .._version import __version__
from ..fileio import atomic_write_chunks

__all__ = [
    "KEY_BYTES",
    "MANIFEST",
    "can_defer_sync",
    "clean_parts",
    "load_manifest",
    "output_key",
    "save_manifest",
    "up_to_date",
]

MANIFEST = ".briefkit-build.json"
KEY_BYTES = 16
#: A temp file of :func:`~briefkit.fileio.atomic_write`: ``.<name>.<random>.part``.
_PART = re.compile(r"^\.(?P<name>.+)\.[A-Za-z0-9_]{8}\.part$")


def load_manifest(outdir: Path) -> dict[str, str]:
    """The recorded keys by file name; empty if missing, unreadable or from another version.

    The manifest is only a cache, and the output folder anyone's: whatever it holds
    (bad JSON, another shape, nesting too deep to decode) means "rebuild everything".
    """
    try:
        data = json.loads((outdir / MANIFEST).read_text("utf-8"))
        outputs = data.get("outputs", {}) if data.get("briefkit") == __version__ else {}
        return {str(k): str(v) for k, v in outputs.items()}
    except (OSError, ValueError, AttributeError, TypeError, RecursionError):
        return {}


def can_defer_sync() -> bool:
    """True where outputs may skip their own fsync because :func:`save_manifest` can flush
    them all at once (``os.sync`` is Unix only)."""
    return hasattr(os, "sync")


def save_manifest(outdir: Path, outputs: Iterable[tuple[str, str]], *, flush: bool) -> None:
    """Record ``outputs``, ``(file name, key)`` pairs in name order, as up to date. With
    ``flush``, every file written so far (outputs written without fsync) goes to disk
    first, so after a power cut the manifest never vouches for an output that was lost:
    one flush for many files instead of one each. The file is streamed, as
    ``json.dumps(..., indent=1)`` would write it, so no dict of every output is built."""
    if flush:
        os.sync()
    atomic_write_chunks(outdir / MANIFEST, _manifest_text(outputs))


def _manifest_text(outputs: Iterable[tuple[str, str]]) -> Iterator[str]:
    yield '{\n "briefkit": ' + json.dumps(__version__) + ',\n "outputs": '
    sep = "{\n  "
    for name, key in outputs:
        yield sep + json.dumps(name) + ": " + json.dumps(key)
        sep = ",\n  "
    yield "{}\n}\n" if sep == "{\n  " else "\n }\n}\n"


def output_key(*parts: object) -> str:
    """A short digest of what an output is made from, briefkit's version included, as
    :data:`KEY_BYTES` bytes in hex."""
    data = json.dumps([__version__, *parts], default=str).encode()
    return hashlib.blake2b(data, digest_size=KEY_BYTES).hexdigest()


def up_to_date(path: str | os.PathLike[str], mtime_ns: int) -> bool:
    """True when ``path`` exists and is not older than its input's ``mtime_ns``."""
    try:
        return os.stat(path).st_mtime_ns >= mtime_ns
    except OSError:
        return False


def clean_parts(outdir: Path, names: Container[str]) -> None:
    """Remove temp files an interrupted build left behind for the outputs it writes."""
    if outdir.is_dir():
        for p in outdir.iterdir():
            match = _PART.match(p.name)
            if match and match["name"] in names:
                p.unlink(missing_ok=True)
