"""``briefkit convert`` of several inputs, or into several formats, in one process.

Each input is parsed once and rendered into every format asked for, as
``FOLDER/<input name>.<ext>``, written atomically. A bad input or a failed format is noted
and the conversion goes on; the failures are listed at the end and the exit status is 1 if
there was any. Two inputs that would write the same output file (``a.txt`` and ``a.md`` to
HTML) are not allowed to overwrite each other: the second one fails.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import click

import briefkit
from briefkit.registry import get_renderer

from ._common import detail, fail, note

__all__ = ["convert_many"]


def _why(exc: Exception, source: Path) -> str:
    """The error as one line, without the input's name in front (the failure line has it)."""
    if isinstance(exc, OSError) and not isinstance(exc, briefkit.BriefkitError):
        return exc.strerror or str(exc)
    text = " ".join(str(exc).split())
    for sep in (": ", ", "):
        if text.startswith(f"{source}{sep}"):
            return text[len(str(source)) + len(sep) :]
    return text


def convert_many(
    inputs: Sequence[str],
    folder: Path,
    from_: str | None,
    formats: Sequence[str],
    options: Mapping[str, Mapping[str, Any]],
    *,
    quiet: bool,
) -> None:
    """Convert every input into every format inside ``folder``; exit 1 if any failed."""
    if folder.exists() and not folder.is_dir():
        fail(f"{folder}: is not a folder (several inputs or formats are written into one)")
    folder.mkdir(parents=True, exist_ok=True)
    sources = [Path(i) for i in inputs]
    own = {s.resolve() for s in sources}
    exts = {fmt: get_renderer(fmt).extension for fmt in formats}
    writer: dict[Path, Path] = {}  # output -> the input that writes it
    failures: list[str] = []
    written = 0
    started = time.perf_counter()
    for source in sources:
        try:
            brief = briefkit.parse(source, format=from_)
        except (briefkit.BriefkitError, OSError) as exc:
            failures.append(f"{source}: {_why(exc, source)}")
            continue
        for fmt in formats:
            dest = folder / f"{source.stem}{exts[fmt]}"
            if dest.resolve() in own:
                failures.append(f"{source} [{fmt}]: refusing to overwrite the input file {dest}")
                continue
            if dest in writer:
                failures.append(f"{source} [{fmt}]: {dest} is already the output of {writer[dest]}")
                continue
            writer[dest] = source
            try:
                result = briefkit.render(brief, fmt, dest=dest, **options[fmt])
            except (briefkit.BriefkitError, OSError) as exc:
                failures.append(f"{source} [{fmt}]: {_why(exc, source)}")
                continue
            written += 1
            size = len(result.encode("utf-8") if isinstance(result, str) else result)
            if not quiet:
                note(f"wrote {dest} ({fmt}, {size:,} bytes)")
    asked = len(sources) * len(formats)
    detail(f"{written} of {asked} file(s) written in {time.perf_counter() - started:.2f} s")
    if failures:
        for line in failures:
            click.echo(f"briefkit: failed: {' '.join(line.split())}", err=True)
        fail(f"{asked - written} of {asked} conversion(s) failed; the others were written")
