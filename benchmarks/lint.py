"""``python -m benchmarks.lint``: how long ``tradecraft.check`` takes on a long brief.

The brief comes from the benchmark corpus (templated analytic prose with estimative terms,
hedges and formatting), grown with evidence items until it holds at least ``--words`` words,
written as text and parsed once; only ``check`` is timed, on each yardstick, as CPU time (the
verdict) and wall-clock time. The target is under 50 ms for a 10,000-word brief (scaled to
the brief's actual size in the table). Prints a Markdown table; ``--quick`` is a smoke run.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from collections.abc import Sequence

import briefkit
from briefkit import tradecraft

from .corpus import make_brief, to_text

TARGET_MS = 50.0


def long_brief(words: int, seed: int = 1) -> briefkit.Brief:
    """A corpus brief with at least ``words`` words (evidence items added until it has)."""
    items = 8
    while True:
        spec = make_brief(random.Random(seed), "A Long Assessment", items=items, sentences=6)
        text = to_text(spec)
        if len(text.split()) >= words:
            return briefkit.parse_text(text)
        items = int(items * max(1.1, words / max(1, len(text.split()))))


def _time(brief: briefkit.Brief, scale: str, repeats: int) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU milliseconds of each run. On a shared machine the wall clock also
    counts the time spent waiting for a core; the process's CPU time does not."""
    tradecraft.check(brief, scale=scale)  # warm: compiled patterns, imports
    wall, cpu = [], []
    for _ in range(repeats):
        w, c = time.perf_counter(), time.process_time()
        tradecraft.check(brief, scale=scale)
        cpu.append((time.process_time() - c) * 1000)
        wall.append((time.perf_counter() - w) * 1000)
    return wall, cpu


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks.lint", description=__doc__)
    p.add_argument("--words", type=int, default=10_000, help="size of the brief, in words")
    p.add_argument("--repeats", type=int, default=30, help="timed runs per scale")
    p.add_argument("--quick", action="store_true", help="small brief, few runs (smoke run)")
    args = p.parse_args(argv)
    words, repeats = (500, 3) if args.quick else (args.words, args.repeats)
    brief = long_brief(words)
    counted = sum(len(s.text.split()) for s in brief.sections)
    findings = tradecraft.check(brief)
    print(
        f"Brief: {counted} words in {len(brief.sections)} sections, {len(brief.evidence)} "
        f"evidence items; {len(findings)} findings ({tradecraft.count(findings)})."
    )
    print()
    budget = TARGET_MS * counted / 10_000
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    print(f"{repeats} runs per scale; load average {load} on {os.cpu_count()} CPUs.")
    print()
    print(
        f"| scale | CPU median ms | CPU min ms | wall median ms | wall min ms | < {budget:.0f} ms |"
    )
    print("|---|---|---|---|---|---|")
    for scale in tradecraft.SCALES:
        wall, cpu = _time(brief, scale, repeats)
        median = statistics.median(cpu)
        verdict = "met" if median < budget else "missed"
        print(
            f"| {scale} | {median:.1f} | {min(cpu):.1f} | {statistics.median(wall):.1f} "
            f"| {min(wall):.1f} | {verdict} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
