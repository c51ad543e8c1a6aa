"""``python -m benchmarks``: stages, start-up, bundle builds, the server and the pandoc
comparison and article extraction on real pages, as Markdown.

``python -m benchmarks text-corpus`` runs ``benchmarks/text_corpus.py`` instead: how many
real-world brief shapes the text parser reads exactly, and the parse time per brief.

``python -m benchmarks real-texts`` runs ``benchmarks/real_texts.py``: whether the text parser
keeps every word of real article bodies (``../shared/real-pages``), and what it drops.

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

from . import extraction, report
from .bundle import BundleResult, run_bundles
from .corpus import SIZES
from .peers import PeerResult, pandoc_info, run_peers
from .server import LoadResult, run_server
from .stages import STAGES, StageResult, run_stages
from .startup import ImportRow, StartupResult, run_startup


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
    p.add_argument("--skip-extraction", action="store_true", help="no real-page extraction")
    p.add_argument(
        "--pages", type=Path, default=None, help="the real-pages folder (default ../shared/...)"
    )
    p.add_argument("--skip-startup", action="store_true", help="no start-up timings")
    p.add_argument("--skip-server", action="store_true", help="no server load test")
    p.add_argument("--startup-runs", type=int, default=20, help="runs of each command")
    p.add_argument(
        "--startup-baseline",
        type=Path,
        metavar="SRC",
        help="also run the briefkit commands from this source folder (another tree's src/)",
    )
    p.add_argument("--server-levels", type=_ints, default=[1, 4, 16], help="concurrent clients")
    p.add_argument("--stages", type=_list, default=list(STAGES), help="stages to time")
    p.add_argument("--sizes", type=_list, default=list(SIZES), help="size classes to time")
    p.add_argument("--repeats", type=int, default=30, help="timed rounds per stage")
    p.add_argument("--bundle-sizes", type=_ints, default=[100, 1000], help="briefs per build")
    p.add_argument("--bundle-repeats", type=int, default=1, help="rounds of each build")
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
        args.startup_runs = min(args.startup_runs, 2)
        args.server_levels = [1, 4]
    return args


def _say(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')} load {report.load()}] {message}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    given = list(sys.argv[1:] if argv is None else argv)
    if given[:1] == ["text-corpus"]:  # the text parser on the real-brief corpus
        from . import text_corpus

        return text_corpus.main(given[1:])
    if given[:1] == ["real-texts"]:  # the text parser on real article bodies
        from . import real_texts

        return real_texts.main(given[1:])
    args = _options(argv)
    command = "python -m benchmarks " + shlex.join(list(argv if argv is not None else sys.argv[1:]))
    info = pandoc_info()
    loads = [f"start {report.load()}"]
    stages: list[StageResult] = []
    bundles: list[BundleResult] = []
    peers: list[PeerResult] = []
    startup: list[StartupResult] = []
    imports: list[ImportRow] = []
    server: list[LoadResult] = []
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
        if not args.skip_startup:
            startup, imports = run_startup(
                work,
                runs=args.startup_runs,
                import_rounds=1 if args.quick else 5,
                seed=args.seed,
                baseline=args.startup_baseline,
                progress=_say,
            )
            loads.append(f"after start-up {report.load()}")
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
                repeats=args.bundle_repeats,
                progress=_say,
            )
            loads.append(f"after builds {report.load()}")
        if not args.skip_server:
            quick = args.quick
            server = run_server(
                work,
                levels=args.server_levels,
                requests={"html": 8, "pdf": 4} if quick else None,
                cli_runs={"html": 2, "pdf": 1} if quick else None,
                seed=args.seed,
                progress=_say,
            )
            loads.append(f"after server {report.load()}")

    extracted: list[str] = []
    if not args.skip_extraction:
        pages = args.pages or extraction.default_pages()
        if (pages / "aeb").is_dir() or (pages / "moz-readability").is_dir():
            results, aeb, moz = extraction.run(
                pages, limit=5 if args.quick else None, progress=_say
            )
            extracted = extraction.report(results, aeb, moz, "python -m benchmarks.extraction")
            loads.append(f"after extraction {report.load()}")
        else:
            _say(f"extraction skipped: no real pages in {pages}")

    lines = ["# briefkit benchmark results", ""]
    lines += [f"Command: `{command.strip()}`", ""]
    lines += report.machine(info["pandoc_version"])
    lines += [f"- Load average (1/5/15 min): {'; '.join(loads)}", ""]
    if stages:
        lines += ["## Per brief, in process (ms: wall median [wall p90] · CPU median)", ""]
        lines += [*report.stages_table(stages), ""]
    if startup:
        lines += ["## Start-up: whole processes, interleaved in one run", ""]
        lines += [*report.startup_table(startup), ""]
    if imports:
        lines += ["## Import times of `briefkit convert` (text → HTML)", ""]
        lines += [*report.imports_table(imports), ""]
    if bundles:
        lines += ["## `briefkit build` end to end", ""]
        lines += [*report.bundle_table(bundles), ""]
    if peers:
        weasy = "yes" if info["weasyprint"] else "not found"
        lines += [f"## pandoc and briefkit, Markdown in (pandoc's weasyprint on PATH: {weasy})", ""]
        lines += [*report.peers_table(peers), ""]
    if extracted:
        lines += ["## Article extraction on real pages", "", *extracted, ""]
    if server:
        lines += ["## `briefkit serve` against `briefkit convert` per file", ""]
        lines += [*report.server_table(server), ""]
    verdicts = report.verdicts(stages, bundles, startup)
    if verdicts:
        lines += ["## Targets", "", *verdicts, ""]
    text = "\n".join(lines)
    print(text)
    if args.output:
        args.output.write_text(text, "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
