"""Per-brief, in-process timings of each parser and renderer.

Each stage runs on a few different briefs of each size class; every (stage, size) pair is
warmed up first (imports, template compilation, font discovery happen there, not in the
numbers) and then timed over repeated calls. The median is reported because the machine is
shared: a median ignores the calls another process happened to interrupt. The process CPU
time of each call is recorded too: on a loaded machine wall time includes the time spent
waiting for a core, CPU time does not, so the two together say how much of a slow wall time
is the code and how much is the neighbours.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import briefkit

from . import corpus

__all__ = ["STAGES", "TARGETS_MS", "Inputs", "StageResult", "make_inputs", "run_stages"]


@dataclass(frozen=True)
class Inputs:
    """One brief in every form a stage takes."""

    text: str
    html: str
    markdown: str
    brief: briefkit.Brief


#: Stage name -> the call it times.
STAGES: dict[str, Callable[[Inputs], object]] = {
    "parse_text": lambda i: briefkit.parse_text(i.text),
    "parse_html": lambda i: briefkit.parse_html(i.html),
    "parse_markdown": lambda i: briefkit.parse_markdown(i.markdown),
    "render_html": lambda i: briefkit.render_html(i.brief),
    "render_docx": lambda i: briefkit.render_docx(i.brief),
    "render_pdf": lambda i: briefkit.render_pdf(i.brief),
    "render_markdown": lambda i: briefkit.render_markdown(i.brief),
    "render_text": lambda i: briefkit.render_text(i.brief),
}

#: Targets for a seed-sized brief, in milliseconds.
TARGETS_MS: dict[str, float] = {
    "parse_text": 1.0,
    "parse_html": 1.0,
    "parse_markdown": 1.0,
    "render_html": 2.0,
    "render_docx": 10.0,
    "render_pdf": 50.0,
}


@dataclass(frozen=True)
class StageResult:
    """Timings of one stage on one size class (milliseconds), or the error it raised."""

    stage: str
    size: str
    median_ms: float | None = None
    p10_ms: float | None = None
    p90_ms: float | None = None
    cpu_ms: float | None = None  # median process CPU time per call
    samples: int = 0
    out_bytes: int = 0
    error: str | None = None

    @property
    def target_ms(self) -> float | None:
        return TARGETS_MS.get(self.stage) if self.size == "seed" else None


def make_inputs(size: str, count: int, seed: int = 1) -> list[Inputs]:
    """``count`` briefs of one size class; the renderers get the brief parsed from Markdown
    (it carries metadata, emphasis, links and neighbours)."""
    out = []
    for spec in corpus.sized(size, count, seed):
        md = corpus.to_markdown(spec)
        text = corpus.to_text(spec)
        try:
            brief = briefkit.parse_markdown(md)
        except briefkit.BriefkitError:
            brief = briefkit.parse_text(text)
        out.append(Inputs(text, corpus.to_html(spec), md, brief))
    return out


def _size(value: object) -> int:
    if isinstance(value, (str, bytes)):
        return len(value.encode() if isinstance(value, str) else value)
    return 0


def measure(
    fn: Callable[[Inputs], object],
    inputs: Sequence[Inputs],
    *,
    warmup: int,
    repeats: int,
    budget_s: float,
) -> tuple[list[float], list[float], int]:
    """Per-call wall and CPU seconds: ``warmup`` untimed rounds, then up to ``repeats`` timed
    rounds over every input, stopping early once ``budget_s`` is spent (after at least three
    rounds)."""
    out: object = None
    for _ in range(warmup):
        for item in inputs:
            out = fn(item)
    wall: list[float] = []
    cpu: list[float] = []
    clock, cpu_clock = time.perf_counter, time.process_time
    deadline = clock() + budget_s
    for rounds in range(1, repeats + 1):
        for item in inputs:
            start, cpu_start = clock(), cpu_clock()
            out = fn(item)
            cpu.append(cpu_clock() - cpu_start)
            wall.append(clock() - start)
        if rounds >= 3 and clock() > deadline:
            break
    return wall, cpu, _size(out)


def run_stages(
    sizes: Sequence[str],
    *,
    stages: Sequence[str] = tuple(STAGES),
    count: int = 4,
    warmup: int = 2,
    repeats: int = 20,
    budget_s: float = 4.0,
    seed: int = 1,
    progress: Callable[[str], None] = lambda _: None,
) -> list[StageResult]:
    """Time every stage on every size class."""
    results: list[StageResult] = []
    for size in sizes:
        inputs = make_inputs(size, count, seed)
        for stage in stages:
            progress(f"{stage} [{size}]")
            try:
                samples, cpu, nbytes = measure(
                    STAGES[stage], inputs, warmup=warmup, repeats=repeats, budget_s=budget_s
                )
            except Exception as exc:  # a stage still being written must not stop the run
                results.append(StageResult(stage, size, error=f"{type(exc).__name__}: {exc}"))
                continue
            ms = sorted(s * 1000 for s in samples)
            deciles = statistics.quantiles(ms, n=10) if len(ms) > 1 else [ms[0]] * 9
            results.append(
                StageResult(
                    stage,
                    size,
                    median_ms=statistics.median(ms),
                    p10_ms=deciles[0],
                    p90_ms=deciles[-1],
                    cpu_ms=statistics.median(cpu) * 1000,
                    samples=len(ms),
                    out_bytes=nbytes,
                )
            )
    return results
