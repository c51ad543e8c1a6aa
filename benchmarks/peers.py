"""The same briefs converted by pandoc and by briefkit, in the same run.

pandoc is timed per call, and each call is a process launch; briefkit is timed twice: in
process (read the Markdown file, parse, render, write the output) and as a command
(``briefkit convert``, a process launch like pandoc's). Two ratios follow, pandoc time over
briefkit time for each, so the comparison survives a noisy machine: both sides ran minutes
apart under the same load. pandoc makes PDF through ``--pdf-engine=weasyprint``, the engine
briefkit uses, with this Python environment's ``bin`` first on ``PATH`` so that both use the
same WeasyPrint.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import briefkit

from . import corpus

__all__ = ["PeerResult", "pandoc_info", "run_peers"]

#: Output format -> pandoc's arguments after the input file.
_PANDOC = {
    "html": ["--standalone", "-t", "html5"],
    "docx": ["-t", "docx"],
    "pdf": ["--pdf-engine=weasyprint"],
}
_EXT = {"html": ".html", "docx": ".docx", "pdf": ".pdf"}


@dataclass(frozen=True)
class PeerResult:
    """Median seconds per brief of one conversion, Markdown to ``fmt``."""

    fmt: str
    size: str
    pandoc_s: float | None
    briefkit_s: float | None
    cli_s: float | None
    error: str | None = None

    @property
    def ratio(self) -> float | None:
        """pandoc time / briefkit in-process time."""
        return self.pandoc_s / self.briefkit_s if self.pandoc_s and self.briefkit_s else None

    @property
    def cli_ratio(self) -> float | None:
        """pandoc time / ``briefkit convert`` time (both launch a process per brief)."""
        return self.pandoc_s / self.cli_s if self.pandoc_s and self.cli_s else None


def _env() -> dict[str, str]:
    """The environment for pandoc: this interpreter's bin folder (its weasyprint) first."""
    here = str(Path(sys.executable).parent)
    return dict(os.environ, PATH=here + os.pathsep + os.environ.get("PATH", ""))


def pandoc_info() -> dict[str, str | None]:
    """pandoc's path and version, and the weasyprint executable it will find."""
    path = shutil.which("pandoc")
    version = None
    if path:
        out = subprocess.run([path, "--version"], capture_output=True, text=True, check=False)
        version = out.stdout.split("\n", 1)[0].removeprefix("pandoc").strip() or None
    weasy = shutil.which("weasyprint", path=_env()["PATH"])
    return {"pandoc": path, "pandoc_version": version, "weasyprint": weasy}


def _timed_run(cmd: list[str], env: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        tail = (proc.stderr.strip().splitlines() or ["no message"])[-1]
        raise RuntimeError(f"{Path(cmd[0]).name} exit {proc.returncode}: {tail}")
    return elapsed


def _inprocess(src: Path, dest: Path, fmt: str) -> float:
    """Read, parse, render, write: pandoc's work. The file is written plainly, as pandoc
    writes it; ``render(dest=...)`` would add the fsync of its atomic write (milliseconds
    of disk wait, no CPU), which the ``briefkit convert`` column includes."""
    start = time.perf_counter()
    output = briefkit.render(briefkit.parse(src), fmt)
    dest.write_bytes(output.encode() if isinstance(output, str) else output)
    return time.perf_counter() - start


def _median(
    fn: Callable[[Path, Path], float], files: Sequence[Path], ext: str, repeats: int
) -> float:
    samples = [fn(src, src.with_suffix(f".out{ext}")) for _ in range(repeats) for src in files]
    return statistics.median(samples)


def _compare(
    fmt: str, size: str, files: Sequence[Path], repeats: int, pandoc: str | None, cli: str | None
) -> PeerResult:
    """One row: the three ways of converting ``files`` to ``fmt``, each failing alone."""
    env, ext = _env(), _EXT[fmt]
    errors: list[str] = []

    def attempt(fn: Callable[[Path, Path], float], label: str, times: int) -> float | None:
        try:
            return _median(fn, files, ext, times)
        except Exception as exc:  # one failing side must not hide the others
            errors.append(f"{label}: {type(exc).__name__}: {exc}")
            return None

    def ours(src: Path, dest: Path) -> float:
        return _inprocess(src, dest, fmt)

    def theirs(src: Path, dest: Path) -> float:
        return _timed_run([str(pandoc), str(src), *_PANDOC[fmt], "-o", str(dest)], env)

    def command(src: Path, dest: Path) -> float:
        return _timed_run([str(cli), "convert", str(src), "-o", str(dest), "-q"], env)

    attempt(ours, "warm-up", 1)  # imports and caches, not timed
    return PeerResult(
        fmt,
        size,
        attempt(theirs, "pandoc", repeats) if pandoc else None,
        attempt(ours, "briefkit", repeats * 3),
        attempt(command, "briefkit convert", repeats) if cli else None,
        "; ".join(errors) or (None if pandoc else "pandoc is not installed"),
    )


def run_peers(
    workdir: Path,
    *,
    sizes: Sequence[str] = ("seed", "max"),
    formats: Sequence[str] = ("html", "docx", "pdf"),
    count: int = 3,
    repeats: int = 3,
    seed: int = 1,
    progress: Callable[[str], None] = lambda _: None,
) -> list[PeerResult]:
    """Markdown -> each format, by pandoc, briefkit in process and ``briefkit convert``."""
    pandoc = shutil.which("pandoc")
    cli = shutil.which("briefkit", path=_env()["PATH"])
    results: list[PeerResult] = []
    for size in sizes:
        folder = workdir / f"peers-{size}"
        folder.mkdir(parents=True, exist_ok=True)
        files = []
        for k, spec in enumerate(corpus.sized(size, count, seed)):
            path = folder / f"brief-{k}.md"
            path.write_text(corpus.to_markdown(spec), "utf-8")
            files.append(path)
        for fmt in formats:
            progress(f"peers: markdown -> {fmt} [{size}]")
            results.append(_compare(fmt, size, files, repeats, pandoc, cli))
        shutil.rmtree(folder, ignore_errors=True)
    return results
