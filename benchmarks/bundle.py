"""End-to-end ``briefkit build`` of a whole series, with wall time and peak memory.

Each build runs in a fresh child process (``python -m benchmarks.bundle --child ...``) that
calls the real ``briefkit build`` command, so imports, worker start-up and every write are
counted and nothing from an earlier run lingers in the process. Memory is read three ways:

- the child's own peak RSS: ``VmHWM`` from ``/proc/self/status``. ``getrusage(RUSAGE_SELF)``
  is not used for this because Linux carries the peak RSS of the process that called
  ``exec`` over into the new program, so a child launched from the (large) benchmark process
  would report the benchmark's peak, not its own; it is used only where /proc is missing;
- ``getrusage(RUSAGE_CHILDREN)``: the largest peak RSS of any process the child reaped (the
  worker pool's forkserver is stopped first so that the workers it reaped are counted; with
  one worker this is a helper process a library launched, which starts as a copy of the
  build process);
- ``tracemalloc`` in the child: the peak of Python allocations of the orchestrating process,
  only in the memory builds (several workers, at least ``TRACE_FROM`` briefs). Tracing slows
  that process by a fifth or more (every allocation of its imports and its work is
  recorded), so the smaller builds, whose wall time is a target, are never traced;
- a sampler in the parent that sums the RSS of the whole process tree every 0.2 s.

Next to each build, the **rendering CPU** of its briefs: another fresh child parses and
renders every input in every format in process, after one warm-up brief (imports, templates,
fonts), and reports the CPU seconds of that loop. It is the work the build cannot avoid;
``wall ÷ (rendering CPU ÷ workers)`` says how close the build came to it on this machine
as it was loaded; ``build CPU ÷ rendering CPU`` is the same question asked of CPU time,
which the other processes of a shared machine disturb much less.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import resource
import shutil
import subprocess
import sys
import threading
import time
import tracemalloc
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from . import corpus

__all__ = ["BundleResult", "run_bundle", "run_bundles"]

_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096

#: Builds of this many briefs or more (with several workers) trace the parent's allocations.
TRACE_FROM = 1000


@dataclass(frozen=True)
class BundleResult:
    """One build: briefs, formats, workers, seconds, memory in MiB, files and failures."""

    briefs: int
    formats: str
    jobs: int
    wall_s: float | None = None
    cpu_s: float | None = None  # user + system time of the build and every process it reaped
    self_rss_mib: float | None = None
    children_rss_mib: float | None = None
    tree_rss_mib: float | None = None
    traced_mib: float | None = None
    files: int = 0
    failures: int = 0
    error: str | None = None
    render_cpu_s: float | None = None  # parsing and rendering alone, in one warm process

    @property
    def overhead(self) -> float | None:
        """Wall time over the rendering CPU spread over the workers (1.0: nothing else)."""
        if not self.wall_s or not self.render_cpu_s:
            return None
        return self.wall_s / (self.render_cpu_s / self.jobs)

    @property
    def cpu_ratio(self) -> float | None:
        """CPU of the whole build (every process) over the rendering CPU: the extra work
        the build does, which a loaded machine cannot inflate the way it inflates wall."""
        if not self.cpu_s or not self.render_cpu_s:
            return None
        return self.cpu_s / self.render_cpu_s


def _env() -> dict[str, str]:
    """The children's environment: bytecode caching on, as after ``pip install`` (without
    it every process of a build would compile briefkit's modules again)."""
    return {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _tree_rss(root: int) -> int:
    """The summed RSS (bytes) of ``root`` and every process below it."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as fh:
                fields = fh.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        pid = int(entry.name)
        parents[pid] = int(fields[1])
        rss[pid] = int(fields[21]) * _PAGE
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo.extend(p for p, parent in parents.items() if parent == pid)
    return total


class _Sampler(threading.Thread):
    """Peak summed RSS of a process tree, polled until stopped."""

    def __init__(self, pid: int, interval: float = 0.2) -> None:
        super().__init__(daemon=True)
        self.pid, self.interval, self.peak = pid, interval, 0
        self.done = threading.Event()

    def run(self) -> None:
        if not os.path.isdir("/proc"):
            return
        while not self.done.wait(self.interval):
            self.peak = max(self.peak, _tree_rss(self.pid))


def run_bundle(inputs: Path, outdir: Path, *, formats: str, jobs: int, trace: bool) -> BundleResult:
    """Build ``inputs`` into ``outdir`` in a fresh child process and measure it."""
    briefs = sum(1 for p in inputs.iterdir() if p.is_file())
    shutil.rmtree(outdir, ignore_errors=True)
    cmd = [sys.executable, "-m", "benchmarks.bundle", "--child", "--jobs", str(jobs)]
    cmd += ["--formats", formats, *(["--trace"] if trace else []), str(inputs), str(outdir)]
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parent.parent,
        env=_env(),
    )
    sampler = _Sampler(proc.pid)
    sampler.start()
    out, err = proc.communicate()
    wall = time.perf_counter() - start
    sampler.done.set()
    sampler.join()
    try:
        data = json.loads(out.strip().splitlines()[-1])
    except (ValueError, IndexError):
        tail = (err.strip().splitlines() or ["no output"])[-1]
        return BundleResult(briefs, formats, jobs, error=f"exit {proc.returncode}: {tail}")
    failed = [line for line in err.splitlines() if line.startswith("briefkit: failed:")]
    files = [p for p in outdir.iterdir() if p.suffix in {".html", ".docx", ".pdf", ".md", ".txt"}]
    shutil.rmtree(outdir, ignore_errors=True)
    return BundleResult(
        briefs,
        formats,
        jobs,
        wall_s=wall,
        cpu_s=data["cpu_s"],
        self_rss_mib=data["self_kib"] / 1024,
        children_rss_mib=data["children_kib"] / 1024,
        tree_rss_mib=sampler.peak / 2**20 if sampler.peak else None,
        traced_mib=data["traced"] / 2**20 if data["traced"] is not None else None,
        files=len(files),
        failures=len(failed),
        error=failed[0].removeprefix("briefkit: failed: ") if failed else data["error"],
    )


def render_cpu(inputs: Path, formats: str) -> float | None:
    """CPU seconds to parse and render every input in every format, in a warm child."""
    cmd = [sys.executable, "-m", "benchmarks.bundle", "--render-cpu", formats, str(inputs)]
    root = Path(__file__).resolve().parent.parent
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=root, env=_env())
    try:
        return float(json.loads(proc.stdout.strip().splitlines()[-1])["cpu_s"])
    except (ValueError, IndexError, KeyError):
        return None


def run_bundles(
    workdir: Path,
    sizes: Sequence[int],
    jobs: Sequence[int],
    *,
    formats: str = "html,docx,pdf",
    input_format: str = "text",
    seed: int = 1,
    repeats: int = 1,
    progress: Callable[[str], None] = lambda _: None,
) -> list[BundleResult]:
    """Every (size, workers) build of a generated series, written once per size; with
    ``repeats``, the builds of a size run that many rounds, interleaved, one row each.
    Each round measures the rendering CPU again, right before its builds, and its rows
    are judged against that: on a shared machine the same work's CPU time moves by a
    quarter within minutes, and a ratio needs both of its sides from the same moment."""
    results = []
    for count in sizes:
        inputs = workdir / f"series-{count}"
        shutil.rmtree(inputs, ignore_errors=True)
        corpus.write_series(inputs, count, fmt=input_format, seed=seed)
        for _ in range(max(1, repeats)):
            progress(f"rendering CPU of {count} briefs in process")
            alone = render_cpu(inputs, formats)
            for n in jobs:
                progress(f"build {count} briefs, {n} worker(s)")
                trace = n > 1 and count >= TRACE_FROM
                built = run_bundle(inputs, workdir / "out", formats=formats, jobs=n, trace=trace)
                results.append(dataclasses.replace(built, render_cpu_s=alone))
        shutil.rmtree(inputs, ignore_errors=True)
    return results


# --- the child process -------------------------------------------------------------------


def _stop_forkserver() -> None:
    """Stop (and so reap) the forkserver, which has reaped the pool's workers, so their peak
    RSS shows in RUSAGE_CHILDREN. Private API, hence the guard."""
    try:
        from multiprocessing import forkserver

        stop = getattr(forkserver._forkserver, "_stop", None)
        if stop is not None:
            stop()
    except Exception:
        pass


def _own_peak_kib() -> int:
    """This process's peak RSS in KiB (VmHWM), else what getrusage says."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _child(argv: Sequence[str]) -> None:
    parser = argparse.ArgumentParser(prog="benchmarks.bundle --child")
    parser.add_argument("inputs")
    parser.add_argument("outdir")
    parser.add_argument("--jobs", type=int, required=True)
    parser.add_argument("--formats", required=True)
    parser.add_argument("--trace", action="store_true")
    args = parser.parse_args(argv)
    if args.trace:
        tracemalloc.start()
    from briefkit.cli import main

    error = None
    cli = ["build", args.inputs, "-o", args.outdir, "-j", str(args.jobs), "-q", "--force"]
    try:
        main([*cli, "--formats", args.formats], standalone_mode=False)
    except SystemExit as exc:
        error = None if not exc.code else f"exit status {exc.code}"
    except Exception as exc:
        error = f"{type(exc).__name__}: {exc}"
    traced = tracemalloc.get_traced_memory()[1] if args.trace else None
    _stop_forkserver()
    own = resource.getrusage(resource.RUSAGE_SELF)
    reaped = resource.getrusage(resource.RUSAGE_CHILDREN)
    report = {
        "cpu_s": own.ru_utime + own.ru_stime + reaped.ru_utime + reaped.ru_stime,
        "self_kib": _own_peak_kib(),
        "children_kib": reaped.ru_maxrss,
        "traced": traced,
        "error": error,
    }
    print(json.dumps(report))


def _render_cpu_child(formats: str, inputs: str) -> None:
    import briefkit

    files = sorted(p for p in Path(inputs).iterdir() if p.is_file())
    names = formats.split(",")
    for fmt in names:  # warm-up: imports, templates, fonts
        briefkit.render(briefkit.parse(files[0]), fmt)
    start = time.process_time()
    for path in files:
        brief = briefkit.parse(path)
        for fmt in names:
            briefkit.render(brief, fmt)
    print(json.dumps({"cpu_s": time.process_time() - start}))


if __name__ == "__main__":
    if sys.argv[1:2] == ["--render-cpu"]:
        _render_cpu_child(*sys.argv[2:4])
    elif sys.argv[1:2] == ["--child"]:
        _child(sys.argv[2:])
    else:
        sys.exit("usage: python -m benchmarks.bundle --child [--trace] --jobs N --formats F IN OUT")
