"""``python -m benchmarks``: stages, bundle builds and the pandoc comparison, as Markdown.

``python -m benchmarks text-corpus`` runs ``benchmarks/text_corpus.py`` instead: how many
real-world brief shapes the text parser reads exactly, and the parse time per brief.

Run from the repository root. Progress goes to stderr, the results table to stdout (and to
``--output FILE``). ``--quick`` runs a tiny corpus with few repeats: a check that the
benchmarks work, not numbers to quote.
"""

from __future__ import annotations

import argparse
import os
import shlex
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from . import report
from .bundle import BundleResult, run_bundles
from .corpus import SIZES
from .peers import PeerResult, pandoc_info, run_peers
from .stages import STAGES, StageResult, run_stages


def _list(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def _ints(value: str) -> list[int]:
    return [int(v) for v in _list(value)]


def _options(argv: Sequence[str] | None) -> argparse.Namespace:
    cpus = os.cpu_count() or 1
    p = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    p.add_argument("--quick", action="store_true", help="tiny corpus, few repeats (smoke run)")
    p.add_argument("--output", type=Path, help="also write the Markdown results to this file")
    p.add_argument("--skip-stages", action="store_true", help="no per-stage timings")
    p.add_argument("--skip-bundle", action="store_true", help="no end-to-end builds")
    p.add_argument("--skip-peers", action="store_true", help="no pandoc comparison")
    p.add_argument("--stages", type=_list, default=list(STAGES), help="stages to time")
    p.add_argument("--sizes", type=_list, default=list(SIZES), help="size classes to time")
    p.add_argument("--repeats", type=int, default=30, help="timed rounds per stage")
    p.add_argument("--bundle-sizes", type=_ints, default=[100, 1000], help="briefs per build")
    p.add_argument("--jobs", type=_ints, default=sorted({1, cpus}), help="workers per build")
    p.add_argument("--formats", default="html,docx,pdf", help="output formats of the builds")
    p.add_argument(
        "--input-format",
        choices=("text", "html", "markdown", "mixed"),
        default="text",
        help="what the build corpus is written as",
    )
    p.add_argument("--seed", type=int, default=1, help="corpus seed")
    p.add_argument("--workdir", type=Path, help="scratch folder (default: a temporary one)")
    args = p.parse_args(argv)
    for name, given, known in (("stage", args.stages, STAGES), ("size", args.sizes, SIZES)):
        unknown = [g for g in given if g not in known]
        if unknown:
            p.error(f"unknown {name} {', '.join(unknown)}: choose from {', '.join(known)}")
    if args.quick:
        args.sizes = [s for s in args.sizes if s in ("short", "seed")] or ["seed"]
        args.repeats = min(args.repeats, 3)
        args.bundle_sizes = [4]
        args.jobs = [1]
    return args


def _say(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')} load {report.load()}] {message}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    given = list(sys.argv[1:] if argv is None else argv)
    if given[:1] == ["text-corpus"]:  # the text parser on the real-brief corpus
        from . import text_corpus

        return text_corpus.main(given[1:])
    args = _options(argv)
    command = "python -m benchmarks " + shlex.join(list(argv if argv is not None else sys.argv[1:]))
    info = pandoc_info()
    loads = [f"start {report.load()}"]
    stages: list[StageResult] = []
    bundles: list[BundleResult] = []
    peers: list[PeerResult] = []
    with tempfile.TemporaryDirectory(prefix="briefkit-bench-") as tmp:
        work = args.workdir or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        if not args.skip_stages:
            stages = run_stages(
                args.sizes,
                stages=args.stages,
                count=2 if args.quick else 4,
                warmup=1 if args.quick else 3,
                repeats=args.repeats,
                budget_s=0.5 if args.quick else 6.0,
                seed=args.seed,
                progress=_say,
            )
            loads.append(f"after stages {report.load()}")
        if not args.skip_peers:
            peers = run_peers(
                work,
                sizes=["seed"] if args.quick else ["seed", "max"],
                count=1 if args.quick else 3,
                repeats=1 if args.quick else 3,
                seed=args.seed,
                progress=_say,
            )
            loads.append(f"after peers {report.load()}")
        if not args.skip_bundle:
            bundles = run_bundles(
                work,
                args.bundle_sizes,
                args.jobs,
                formats=args.formats,
                input_format=args.input_format,
                seed=args.seed,
                progress=_say,
            )
            loads.append(f"after builds {report.load()}")

    lines = ["# briefkit benchmark results", ""]
    lines += [f"Command: `{command.strip()}`", ""]
    lines += report.machine(info["pandoc_version"])
    lines += [f"- Load average (1/5/15 min): {'; '.join(loads)}", ""]
    if stages:
        lines += ["## Per brief, in process (ms: wall median [wall p90] · CPU median)", ""]
        lines += [*report.stages_table(stages), ""]
    if bundles:
        lines += ["## `briefkit build` end to end", ""]
        lines += [*report.bundle_table(bundles), ""]
    if peers:
        weasy = "yes" if info["weasyprint"] else "not found"
        lines += [f"## pandoc and briefkit, Markdown in (pandoc's weasyprint on PATH: {weasy})", ""]
        lines += [*report.peers_table(peers), ""]
    verdicts = report.verdicts(stages, bundles)
    if verdicts:
        lines += ["## Targets", "", *verdicts, ""]
    text = "\n".join(lines)
    print(text)
    if args.output:
        args.output.write_text(text, "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
