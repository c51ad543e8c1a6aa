"""How long a command takes from launch to exit, against pandoc, in the same run.

Each command runs as a whole process, many times, interleaved with the others (pandoc,
``briefkit --version``, ``briefkit convert`` ...), so every command meets the same load; the
median wall time and the median CPU time (user + system of the child, from
``getrusage(RUSAGE_CHILDREN)``) are reported. The brief is a seed-sized text brief of the
generated corpus; pandoc reads the same file (as Markdown) and writes standalone HTML.

Children run with bytecode caching on (``PYTHONDONTWRITEBYTECODE`` removed), as after
``pip install``; a first untimed round fills the caches. ``python -X importtime`` of the
convert command gives the cumulative import time of the big modules (median of a few runs).

With ``baseline`` (the ``src`` folder of another briefkit tree, e.g. ``git archive`` of an
earlier commit), every briefkit command also runs from that tree (on ``PYTHONPATH``, through
the same launcher as the console script), interleaved with the others: a paired
before/after in one run.
"""

from __future__ import annotations

import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from . import corpus

__all__ = ["IMPORTS", "ImportRow", "StartupResult", "run_startup"]

#: Modules whose cumulative import time is reported (those present in the run).
IMPORTS = (
    "briefkit.cli",
    "click",
    "briefkit.cli.convert",
    "briefkit.registry",
    "importlib.metadata",
    "pydantic",
    "briefkit.model",
    "briefkit.parsers",
    "briefkit.parsers.text",
    "jinja2",
    "briefkit.renderers.html",
    "briefkit.build",
    "rich",
)
#: Rows that import only the libraries ``briefkit convert`` is built on: no briefkit code.
FLOOR_PYDANTIC = "python: import pydantic (the model's library) alone"
FLOOR_LIBRARIES = "python: import pydantic, click and Jinja2 alone"
_IMPORT_LINE = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \|(\s*)(\S+)")


@dataclass(frozen=True)
class StartupResult:
    """One command: median and minimum wall seconds, median CPU seconds, over ``runs``."""

    name: str
    command: str
    wall_s: float | None
    min_s: float | None
    cpu_s: float | None
    runs: int
    error: str | None = None


@dataclass(frozen=True)
class ImportRow:
    """Median cumulative import time of a module in ``briefkit convert`` (ms)."""

    module: str
    ms: float


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    return env


def _run(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, env=env, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        tail = (proc.stderr.decode(errors="replace").strip().splitlines() or ["?"])[-1]
        raise RuntimeError(f"{Path(cmd[0]).name} exit {proc.returncode}: {tail}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


#: What the console script does, for a tree that is not installed.
_LAUNCHER = "import sys; from briefkit.cli import main; sys.argv[0] = 'briefkit'; sys.exit(main())"
BASELINE = "baseline: "


def commands(folder: Path, baseline: Path | None = None) -> dict[str, list[str]]:
    """The commands compared, by name (pandoc only where it is installed); with
    ``baseline``, each briefkit command again as ``baseline: NAME``."""
    cli = shutil.which("briefkit", path=_env()["PATH"]) or "briefkit"
    brief = folder / "seed.txt"
    runs = {
        "briefkit --version": ["--version"],
        "briefkit --help": ["--help"],
        "briefkit convert (text → HTML)": ["convert", str(brief), "-o", str(folder / "b.html")],
    }
    table = {
        "python -c pass": [sys.executable, "-c", "pass"],
        # the floor under convert: the libraries it cannot run without, and nothing else
        FLOOR_PYDANTIC: [sys.executable, "-c", "import pydantic.main"],
        FLOOR_LIBRARIES: [sys.executable, "-c", "import pydantic.main, click, jinja2"],
    }
    table.update({name: [cli, *args] for name, args in runs.items()})
    if baseline is not None:
        launch = [sys.executable, "-c", _LAUNCHER]
        table.update({BASELINE + name: [*launch, *args] for name, args in runs.items()})
    pandoc = shutil.which("pandoc")
    if pandoc:
        table["pandoc (same brief → HTML)"] = [
            pandoc,
            str(brief),
            "-f",
            "markdown",
            "-t",
            "html5",
            "--standalone",
            "--metadata",
            "title=brief",
            "-o",
            str(folder / "p.html"),
        ]
    return table


def _imports(cmd: list[str], env: dict[str, str], rounds: int) -> list[ImportRow]:
    samples: dict[str, list[float]] = {}
    code = _LAUNCHER
    for _ in range(rounds):
        proc = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", code, *cmd[1:]],
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
        seen: set[str] = set()
        for line in proc.stderr.splitlines():
            match = _IMPORT_LINE.match(line)
            if match and match[4] in IMPORTS and match[4] not in seen:
                seen.add(match[4])
                samples.setdefault(match[4], []).append(int(match[2]) / 1000)
    return [ImportRow(m, statistics.median(samples[m])) for m in IMPORTS if m in samples]


def run_startup(
    workdir: Path,
    *,
    runs: int = 20,
    import_rounds: int = 5,
    seed: int = 1,
    baseline: Path | None = None,
    progress: Callable[[str], None] = lambda _: None,
) -> tuple[list[StartupResult], list[ImportRow]]:
    """Every command ``runs`` times, interleaved; then the import times of ``convert``."""
    folder = workdir / "startup"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "seed.txt").write_text(corpus.to_text(corpus.sized("seed", 1, seed)[0]), "utf-8")
    env = _env()
    table = commands(folder, baseline)
    base_env = {**env, "PYTHONPATH": str(baseline)} if baseline is not None else env
    walls: dict[str, list[float]] = {name: [] for name in table}
    cpus: dict[str, list[float]] = {name: [] for name in table}
    errors: dict[str, str] = {}
    progress(f"start-up: {len(table)} commands x {runs} runs")
    for round_ in range(runs + 1):
        for name, cmd in table.items():
            if name in errors:
                continue
            try:
                wall, cpu = _run(cmd, base_env if name.startswith(BASELINE) else env)
            except (OSError, RuntimeError) as exc:
                errors[name] = str(exc)
                continue
            if round_:  # the first round fills the bytecode caches
                walls[name].append(wall)
                cpus[name].append(cpu)
    results = [
        StartupResult(
            name,
            " ".join(Path(table[name][0]).name if i == 0 else a for i, a in enumerate(table[name])),
            statistics.median(walls[name]) if walls[name] else None,
            min(walls[name]) if walls[name] else None,
            statistics.median(cpus[name]) if cpus[name] else None,
            len(walls[name]),
            errors.get(name),
        )
        for name in table
    ]
    progress("start-up: import times of briefkit convert")
    imports = _imports(table["briefkit convert (text → HTML)"], env, import_rounds)
    shutil.rmtree(folder, ignore_errors=True)
    return results, imports


def ratios(results: Sequence[StartupResult]) -> dict[str, float]:
    """briefkit convert's median over pandoc's (wall and CPU), when both ran, and the
    floor rows' wall medians over pandoc's (``pydantic``, ``libraries``)."""
    by = {r.name: r for r in results}
    ours, theirs = by.get("briefkit convert (text → HTML)"), by.get("pandoc (same brief → HTML)")
    if not ours or not theirs or not (ours.wall_s and theirs.wall_s):
        return {}
    out = {"wall": ours.wall_s / theirs.wall_s}
    if ours.cpu_s and theirs.cpu_s:
        out["cpu"] = ours.cpu_s / theirs.cpu_s
    for key, name in (("pydantic", FLOOR_PYDANTIC), ("libraries", FLOOR_LIBRARIES)):
        floor = by.get(name)
        if floor and floor.wall_s:
            out[key] = floor.wall_s / theirs.wall_s
    return out
