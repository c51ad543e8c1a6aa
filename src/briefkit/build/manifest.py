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
from collections.abc import Container
from pathlib import Path

from .._version import __version__
from ..fileio import atomic_write

__all__ = [
    "MANIFEST",
    "can_defer_sync",
    "clean_parts",
    "load_manifest",
    "output_key",
    "save_manifest",
    "up_to_date",
]

MANIFEST = ".briefkit-build.json"
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


def save_manifest(outdir: Path, outputs: dict[str, str], *, flush: bool) -> None:
    """Record ``outputs`` as up to date. With ``flush``, every file written so far (outputs
    written without fsync) goes to disk first, so after a power cut the manifest never
    vouches for an output that was lost: one flush for many files instead of one each."""
    if flush:
        os.sync()
    data = {"briefkit": __version__, "outputs": dict(sorted(outputs.items()))}
    atomic_write(outdir / MANIFEST, json.dumps(data, indent=1) + "\n")


def output_key(*parts: object) -> str:
    """A short digest of what an output is made from, briefkit's version included."""
    data = json.dumps([__version__, *parts], default=str).encode()
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def up_to_date(path: Path, mtime_ns: int) -> bool:
    """True when ``path`` exists and is not older than its input's ``mtime_ns``."""
    try:
        return path.stat().st_mtime_ns >= mtime_ns
    except OSError:
        return False


def clean_parts(outdir: Path, names: Container[str]) -> None:
    """Remove temp files an interrupted build left behind for the outputs it writes."""
    if outdir.is_dir():
        for p in outdir.iterdir():
            match = _PART.match(p.name)
            if match and match["name"] in names:
                p.unlink(missing_ok=True)
