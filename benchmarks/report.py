"""The results as Markdown: the machine, the load, and one table per benchmark."""

from __future__ import annotations

import os
import platform
import sys
from collections.abc import Sequence
from importlib import metadata

from .bundle import BundleResult
from .corpus import SIZES
from .peers import PeerResult
from .server import LoadResult
from .stages import StageResult
from .startup import ImportRow, StartupResult, ratios

__all__ = [
    "bundle_table",
    "imports_table",
    "machine",
    "peers_table",
    "server_table",
    "stages_table",
    "startup_table",
    "verdicts",
]

#: Build of 1,000 briefs in three formats with the machine's workers, in seconds.
BUILD_TARGET_S = 60.0
#: ``briefkit convert`` of a text brief to HTML, as a multiple of pandoc's time.
CONVERT_TARGET = 3.0
#: ``briefkit --version`` and ``--help``, in milliseconds.
HELP_TARGET_MS = 80.0
#: A bundle's wall time over its rendering CPU spread over the workers.
BUNDLE_TARGET = 2.0


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "not installed"


def machine(pandoc: str | None) -> list[str]:
    """Lines describing where the numbers came from."""
    libs = ", ".join(
        f"{name} {_version(name)}"
        for name in ("briefkit", "weasyprint", "python-docx", "lxml", "Jinja2", "pydantic")
    )
    return [
        f"- CPU: {_cpu_model()}, {os.cpu_count()} logical cores (`nproc`)",
        f"- Python {platform.python_version()} ({sys.implementation.name}), "
        f"{platform.system()} {platform.release()}",
        f"- {libs}",
        f"- pandoc {pandoc or 'not installed'}",
    ]


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} / {five:.2f} / {fifteen:.2f}"


def _ms(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:.3f}" if value < 1 else f"{value:.2f}" if value < 10 else f"{value:.1f}"


def _met(value: float | None, target: float | None) -> str:
    if value is None or target is None:
        return "—"
    return "yes" if value <= target else "**no**"


def stages_table(results: Sequence[StageResult]) -> list[str]:
    """Stage × size as ``wall median [p90] · CPU median`` milliseconds, the seed target and
    whether the wall and the CPU medians meet it."""
    sizes = list(dict.fromkeys(r.size for r in results))
    stages = list(dict.fromkeys(r.stage for r in results))
    cell = {(r.stage, r.size): r for r in results}
    items = {s: f"{SIZES[s][0]} item{'s' * (SIZES[s][0] > 1)}" for s in sizes}
    head = ["stage", *(f"{s} ({items[s]})" for s in sizes), "target (seed)", "met: wall", "CPU"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for stage in stages:
        row = [stage]
        for size in sizes:
            r = cell.get((stage, size))
            if r is None:
                row.append("—")
            elif r.error:
                row.append("error")
            else:
                row.append(f"{_ms(r.median_ms)} [{_ms(r.p90_ms)}] · {_ms(r.cpu_ms)}")
        seed = cell.get((stage, "seed"))
        target = seed.target_ms if seed else None
        row.append(f"≤ {target:g}" if target is not None else "—")
        row += [_met(seed.median_ms, target), _met(seed.cpu_ms, target)] if seed else ["—", "—"]
        lines.append("| " + " | ".join(row) + " |")
    errors = [f"- {r.stage} [{r.size}]: {r.error}" for r in results if r.error]
    return lines + (["", *errors] if errors else [])


def bundle_table(results: Sequence[BundleResult]) -> list[str]:
    head = [
        "briefs",
        "formats",
        "workers",
        "wall s",
        "wall ms/brief",
        "CPU s",
        "build process peak RSS MiB",
        "largest child maxrss MiB",
        "process tree peak RSS MiB",
        "build process traced peak MiB",
        "files",
        "failures",
        "rendering CPU s",
        "wall ÷ (rendering CPU ÷ workers)",
        "build CPU ÷ rendering CPU",
    ]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in results:

        def mib(value: float | None) -> str:
            return "—" if value is None else f"{value:.0f}" if value >= 10 else f"{value:.1f}"

        per = f"{1000 * r.wall_s / r.briefs:.0f}" if r.wall_s and r.briefs else "—"
        wall = f"{r.wall_s:.1f}" if r.wall_s is not None else "—"
        cpu = f"{r.cpu_s:.1f}" if r.cpu_s is not None else "—"
        row = [str(r.briefs), r.formats, str(r.jobs), wall, per, cpu, mib(r.self_rss_mib)]
        row += [mib(r.children_rss_mib), mib(r.tree_rss_mib), mib(r.traced_mib)]
        row += [str(r.files), str(r.failures)]
        row += ["—" if r.render_cpu_s is None else f"{r.render_cpu_s:.1f}"]
        row += ["—" if r.overhead is None else f"{r.overhead:.2f}"]
        row += ["—" if r.cpu_ratio is None else f"{r.cpu_ratio:.2f}"]
        lines.append("| " + " | ".join(row) + " |")
    errors = [f"- {r.briefs} briefs, {r.jobs} workers: {r.error}" for r in results if r.error]
    return lines + (["", *errors] if errors else [])


def peers_table(results: Sequence[PeerResult]) -> list[str]:
    head = [
        "Markdown →",
        "size",
        "pandoc s",
        "briefkit in-process s",
        "`briefkit convert` s",
        "pandoc / briefkit",
        "pandoc / convert",
    ]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]

    def sec(v: float | None) -> str:
        return "—" if v is None else f"{v:.3f}"

    def ratio(v: float | None) -> str:
        return "—" if v is None else f"{v:.1f}×" if v >= 1 else f"{v:.2f}×"

    for r in results:
        row = [r.fmt, r.size, sec(r.pandoc_s), sec(r.briefkit_s), sec(r.cli_s)]
        row += [ratio(r.ratio), ratio(r.cli_ratio)]
        lines.append("| " + " | ".join(row) + " |")
    errors = [f"- {r.fmt} [{r.size}]: {r.error}" for r in results if r.error]
    return lines + (["", *errors] if errors else [])


def startup_table(results: Sequence[StartupResult]) -> list[str]:
    """Whole-process times: median wall, minimum wall and median CPU, in milliseconds."""
    head = ["command", "wall median ms", "wall min ms", "CPU median ms", "runs"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]

    def ms(v: float | None) -> str:
        return "—" if v is None else f"{1000 * v:.0f}"

    for r in results:
        row = [r.name, ms(r.wall_s), ms(r.min_s), ms(r.cpu_s), str(r.runs)]
        lines.append("| " + " | ".join(row) + " |")
    errors = [f"- {r.name}: {r.error}" for r in results if r.error]
    return lines + (["", *errors] if errors else [])


def imports_table(rows: Sequence[ImportRow]) -> list[str]:
    """Cumulative import times (``python -X importtime``) of ``briefkit convert``."""
    lines = ["| module | cumulative import ms |", "|---|---|"]
    lines += [f"| `{r.module}` | {r.ms:.1f} |" for r in rows]
    return lines


def server_table(results: Sequence[LoadResult]) -> list[str]:
    """Server and CLI levels: requests per second and p50/p99 latency in milliseconds."""
    head = ["how", "format", "concurrent", "requests", "per second", "p50 ms", "p99 ms", "failed"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]

    def num(v: float | None, digits: int = 1) -> str:
        return "—" if v is None else f"{v:.{digits}f}"

    for r in results:
        how = "`briefkit serve`" if r.how == "server" else "`briefkit convert` per file"
        row = [how, r.fmt, str(r.clients), str(r.requests), num(r.per_s)]
        row += [num(r.p50_ms, 0), num(r.p99_ms, 0), str(r.failures)]
        lines.append("| " + " | ".join(row) + " |")
    errors = [f"- {r.how} {r.fmt}: {r.error}" for r in results if r.error]
    return lines + (["", *errors] if errors else [])


def _startup_verdicts(results: Sequence[StartupResult]) -> list[str]:
    out = []
    found = ratios(results)
    if "wall" in found:
        mark = "met" if found["wall"] <= CONVERT_TARGET else "MISSED"
        cpu = f", CPU {found['cpu']:.1f}×" if "cpu" in found else ""
        floor = ", ".join(
            f"{label} {found[key]:.1f}×"
            for key, label in (("pydantic", "pydantic"), ("libraries", "pydantic+click+Jinja2"))
            if key in found
        )
        out.append(
            f"- `briefkit convert` text → HTML ≤ {CONVERT_TARGET:g}× pandoc: "
            f"wall {found['wall']:.1f}× {mark}{cpu}"
            + (f" (importing the libraries alone, no briefkit code: {floor})" if floor else "")
        )
    for r in results:
        if r.name in ("briefkit --version", "briefkit --help") and r.wall_s is not None:
            mark = "met" if 1000 * r.wall_s < HELP_TARGET_MS else "MISSED"
            cpu = f", CPU {1000 * r.cpu_s:.0f} ms" if r.cpu_s is not None else ""
            out.append(
                f"- `{r.name}` < {HELP_TARGET_MS:g} ms: wall {1000 * r.wall_s:.0f} ms {mark}{cpu}"
            )
    return out


def verdicts(
    stages: Sequence[StageResult],
    bundles: Sequence[BundleResult],
    startup: Sequence[StartupResult] = (),
) -> list[str]:
    """One line per target: met or missed, with the number."""
    out = _startup_verdicts(startup)
    for b in bundles:
        if b.overhead is not None and b.jobs > 1 and b.traced_mib is None:  # a fair time
            mark = "met" if b.overhead <= BUNDLE_TARGET else "MISSED"
            out.append(
                f"- bundle of {b.briefs} ({b.formats}, {b.jobs} workers) within "
                f"{BUNDLE_TARGET:g}× its rendering CPU ({b.render_cpu_s:.1f} s) ÷ workers: "
                f"{b.wall_s:.1f} s = {b.overhead:.2f}× {mark}"
                + (
                    f" (build CPU {b.cpu_s:.1f} s = {b.cpu_ratio:.2f}× the rendering CPU)"
                    if b.cpu_ratio is not None and b.cpu_s is not None
                    else ""
                )
            )
    for r in stages:
        target = r.target_ms
        if target is not None and r.median_ms is not None and r.cpu_ms is not None:
            wall = "met" if r.median_ms <= target else "MISSED"
            cpu = "met" if r.cpu_ms <= target else "MISSED"
            out.append(
                f"- {r.stage} ≤ {target:g} ms: wall {_ms(r.median_ms)} ms {wall}, "
                f"CPU {_ms(r.cpu_ms)} ms {cpu}"
            )
    many = [b for b in bundles if b.jobs > 1 and b.wall_s is not None]
    if many:
        big = max(many, key=lambda b: b.briefs)
        mark = (
            "met"
            if big.briefs >= 1000 and big.wall_s and big.wall_s < BUILD_TARGET_S
            else ("MISSED" if big.briefs >= 1000 else "not measured at 1,000 briefs")
        )
        cpu = ""
        if big.cpu_s:
            floor = big.cpu_s / big.jobs
            cpu = f" (CPU {big.cpu_s:.1f} s: at least {floor:.1f} s on {big.jobs} idle cores)"
        out.append(
            f"- build {big.briefs} briefs ({big.formats}, {big.jobs} workers): "
            f"{big.wall_s:.1f} s < {BUILD_TARGET_S:g} s for 1,000: {mark}{cpu}"
        )
    sizes = sorted({b.briefs for b in bundles if b.wall_s is not None})
    if len(sizes) >= 2:
        for jobs in sorted({b.jobs for b in bundles}):
            pair = [
                next((b for b in bundles if b.briefs == n and b.jobs == jobs and b.wall_s), None)
                for n in (sizes[0], sizes[-1])
            ]
            small, large = pair
            if small is None or large is None:
                continue
            parts = []
            for label, field in (
                ("build process peak RSS", "self_rss_mib"),
                ("largest child", "children_rss_mib"),
                ("tree peak", "tree_rss_mib"),
                ("traced peak", "traced_mib"),
            ):
                a, b = getattr(small, field), getattr(large, field)
                if a and b:
                    parts.append(f"{label} {a:.0f} → {b:.0f} MiB (×{b / a:.2f})")
            extra = sizes[-1] - sizes[0]
            for label, field in (("traced", "traced_mib"), ("RSS", "self_rss_mib")):
                a, b = getattr(small, field), getattr(large, field)
                if a and b:
                    parts.append(f"{label} growth {(b - a) * 2**20 / extra / 1000:.2f} kB/brief")
            out.append(
                f"- memory, {jobs} worker(s), {sizes[0]} → {sizes[-1]} briefs: " + "; ".join(parts)
            )
    return out
