"""The benchmark script runs end to end on a tiny corpus and prints its tables.

No timing is asserted: only that every section runs, that each table has the shape the docs
describe, and that the corpus is deterministic and parses into what it was written from.
"""

from __future__ import annotations

import itertools
import re
import sys
from pathlib import Path

import pytest

import briefkit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import corpus  # noqa: E402

from benchmark_runs import run_benchmark  # noqa: E402


def _table(text: str, heading: str) -> list[list[str]]:
    """The rows (header first, separator dropped) of the table under ``heading``."""
    section = text.split(heading, 1)[1]
    rows: list[list[str]] = []
    for line in section.strip().splitlines():
        if not line.startswith("|"):
            if rows:
                break
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if not all(set(c) <= {"-"} for c in cells):
            rows.append(cells)
    return rows


@pytest.fixture(scope="module")
def quick_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    out = tmp_path_factory.mktemp("bench") / "results.md"
    printed = run_benchmark("benchmarks", "--quick", "--output", str(out))
    return printed, out.read_text("utf-8")


def test_quick_run_prints_and_writes_the_same_report(quick_run: tuple[str, str]) -> None:
    printed, written = quick_run
    assert printed.strip() == written.strip()
    assert written.startswith("# briefkit benchmark results")
    assert re.search(r"Load average \(1/5/15 min\): start \d+\.\d\d", written)
    assert re.search(r"CPU: .+, \d+ logical cores", written)


def test_stage_table_has_every_stage_and_size(quick_run: tuple[str, str]) -> None:
    rows = _table(quick_run[1], "## Per brief, in process")
    head, body = rows[0], rows[1:]
    assert head == [
        "stage",
        "short (1 item)",
        "seed (3 items)",
        "target (seed)",
        "met: wall",
        "CPU",
    ]
    assert [r[0] for r in body] == [
        "parse_text",
        "parse_html",
        "parse_markdown",
        "render_html",
        "render_docx",
        "render_pdf",
        "render_markdown",
        "render_text",
    ]
    cell = re.compile(r"\d+\.\d+ \[\d+\.\d+\] · \d+\.\d+")
    for row in body:
        assert len(row) == len(head)
        assert all(cell.fullmatch(c) for c in row[1:3]), row
        assert row[4] in {"yes", "**no**", "—"}


def test_bundle_table_counts_every_output(quick_run: tuple[str, str]) -> None:
    rows = _table(quick_run[1], "## `briefkit build` end to end")
    head, body = rows[0], rows[1:]
    assert head[:4] == ["briefs", "formats", "workers", "wall s"]
    assert len(body) == 1
    row = dict(zip(head, body[0], strict=True))
    assert row["briefs"] == "4"
    assert row["workers"] == "1"
    assert row["files"] == "13"  # 4 briefs x 3 formats + index.html
    assert row["failures"] == "0"
    assert float(row["wall s"]) > 0
    assert float(row["build process peak RSS MiB"]) > 0


def test_peer_table_has_one_row_per_format(quick_run: tuple[str, str]) -> None:
    rows = _table(quick_run[1], "## pandoc and briefkit")
    head, body = rows[0], rows[1:]
    assert head[0] == "Markdown →"
    assert "pandoc / briefkit" in head
    assert [r[0] for r in body] == ["html", "docx", "pdf"]
    for row in body:
        assert re.fullmatch(r"\d+\.\d{3}", row[3]), row  # briefkit's own time is always there


def test_startup_table_has_each_command(quick_run: tuple[str, str]) -> None:
    rows = _table(quick_run[1], "## Start-up: whole processes")
    head, body = rows[0], rows[1:]
    assert head == ["command", "wall median ms", "wall min ms", "CPU median ms", "runs"]
    names = [r[0] for r in body]
    assert names[:6] == [
        "python -c pass",
        "python: import pydantic (the model's library) alone",
        "python: import pydantic, click and Jinja2 alone",
        "briefkit --version",
        "briefkit --help",
        "briefkit convert (text → HTML)",
    ]
    for row in body:
        assert all(re.fullmatch(r"\d+", c) for c in row[1:4]), row
        assert row[4] == "2"
    imports = _table(quick_run[1], "## Import times of `briefkit convert`")
    assert "`pydantic`" in [r[0] for r in imports[1:]]


def test_server_table_has_each_level(quick_run: tuple[str, str]) -> None:
    rows = _table(quick_run[1], "## `briefkit serve` against")
    head, body = rows[0], rows[1:]
    assert head[:4] == ["how", "format", "concurrent", "requests"]
    levels = [(r[0], r[1], r[2]) for r in body]
    server, cli = "`briefkit serve`", "`briefkit convert` per file"
    assert levels == [
        (how, fmt, clients)
        for how in (server, cli)
        for fmt in ("html", "pdf")
        for clients in ("1", "4")
    ]
    for row in body:
        assert row[-1] == "0", row  # no request failed
        assert float(row[4]) > 0


def test_bundle_rows_carry_their_rendering_cpu(quick_run: tuple[str, str]) -> None:
    rows = _table(quick_run[1], "## `briefkit build` end to end")
    row = dict(zip(rows[0], rows[1], strict=True))
    assert float(row["rendering CPU s"]) > 0
    assert float(row["wall ÷ (rendering CPU ÷ workers)"]) > 0


def test_corpus_is_deterministic() -> None:
    first = [corpus.to_text(s) for s in corpus.series(5, seed=3)]
    again = [corpus.to_text(s) for s in corpus.series(5, seed=3)]
    other = [corpus.to_text(s) for s in corpus.series(5, seed=4)]
    assert first == again
    assert first != other


@pytest.mark.parametrize("size", list(corpus.SIZES))
def test_every_form_parses_to_the_brief_it_was_written_from(size: str) -> None:
    spec = corpus.sized(size, 1)[0]
    items = corpus.SIZES[size][0]
    assert spec.prev is not None
    assert spec.next is not None
    for text, parse in (
        (corpus.to_text(spec), briefkit.parse_text),
        (corpus.to_html(spec), briefkit.parse_html),
        (corpus.to_markdown(spec), briefkit.parse_markdown),
    ):
        brief = parse(text)
        assert brief.title == spec.title
        assert [i.lead for i in brief.evidence] == [lead for lead, _ in spec.evidence]
        assert len(brief.evidence) == items
        assert brief.prev is not None
        assert brief.prev.title == spec.prev[0]
        assert brief.next is not None
        assert brief.next.title == spec.next[0]


def test_series_links_each_brief_to_its_neighbours() -> None:
    specs = list(corpus.series(4))
    assert specs[0].prev is None
    assert specs[-1].next is None
    for a, b in itertools.pairwise(specs):
        assert a.next == (b.title, b.slug)
        assert b.prev == (a.title, a.slug)
    assert len({s.title for s in corpus.series(300)}) == 300


def test_indicator_benchmark_finds_every_planted_indicator() -> None:
    """The indicators benchmark runs on a small brief; no timing is asserted, only that each
    step is reported and extraction found exactly what was planted (else it exits 1)."""
    printed = run_benchmark("benchmarks.indicators", "--size-kb", "8", "--repeats", "1")
    first = printed.splitlines()[0]
    planted, found = re.findall(r"(\d+) indicators planted, (\d+) found", first)[0]
    assert planted == found
    assert int(planted) > 30
    steps = [r[0] for r in _table(printed, "brief:") if r[0].startswith("`")]
    assert steps[:2] == ["`ioc.extract(brief)`", "`ioc.extract_text(text)`"]
    assert len(steps) == 6


def test_lint_benchmark_runs_and_prints_one_row_per_scale() -> None:
    printed = run_benchmark("benchmarks.lint", "--quick")
    assert re.match(r"Brief: \d+ words in 3 sections, \d+ evidence items; \d+ findings", printed)
    rows = _table(printed, "runs per scale")
    assert rows[0][:5] == ["scale", "CPU median ms", "CPU min ms", "wall median ms", "wall min ms"]
    assert [r[0] for r in rows[1:]] == ["icd203", "phia", "kent"]


def test_lint_benchmark_brief_has_the_words_asked_for() -> None:
    from benchmarks.lint import long_brief

    brief = long_brief(10_000)
    assert sum(len(s.text.split()) for s in brief.sections) >= 10_000


def test_complexity_full_sizes_stay_within_the_size_limit() -> None:
    """--full makes 8x each family's largest input: text inputs within MAX_BYTES."""
    from benchmarks import complexity

    from briefkit.limits import MAX_BYTES

    for family in complexity.FAMILIES:
        assert complexity.sizes(family, None) == [family.full * k // 8 for k in (1, 2, 4, 8)]
        if family.name.split("-")[0] in ("text", "md", "html", "json"):
            size = len(family.make(family.full))
            assert size <= MAX_BYTES, family.name
            if family.name in ("text-word", "json-items", "json-dense"):  # size is their limit
                assert size > 0.9 * MAX_BYTES, family.name


def test_complexity_check_runs_and_reads_growth() -> None:
    from benchmarks import complexity

    assert complexity.exponent(1.0, 4.0, 4, 0.01) == pytest.approx(1.0)
    assert complexity.exponent(1.0, 16.0, 4, 0.01) == pytest.approx(2.0)
    assert complexity.exponent(0.001, 0.002, 4, 0.01) is None  # both below the noise floor
    printed = run_benchmark(
        "benchmarks.complexity", "--scale", "0.01", "--only", "text-items,md-dense"
    )
    rows = _table(printed, "# briefkit complexity check")
    assert rows[0][:3] == ["family", "grows", "1x"]
    assert [r[0] for r in rows[1:]] == ["text-items", "md-dense"]
    assert all(
        r[-1] in {"linear", "bounded by a limit"} or "super-linear" in r[-1] for r in rows[1:]
    )


def test_the_media_benchmark_times_every_format() -> None:
    table = _table(
        run_benchmark("benchmarks.media", "--quick"),
        "# A brief with a table, a figure and footnotes",
    )
    rows = [r for r in table if not set(r[0]) <= set("-:")]  # the alignment row
    assert rows[0] == ["stage", "wall median (ms)", "wall p90 (ms)", "CPU median (ms)"]
    assert [r[0] for r in rows[1:]] == [
        "parse_html", "parse_markdown", "parse_docx", "render_html", "render_docx",
        "render_pdf", "render_markdown", "render_text", "render_json",
    ]  # fmt: skip
    assert all(float(v) >= 0 for r in rows[1:] for v in r[1:])


def test_the_media_benchmark_brief_reads_back_from_every_format() -> None:
    from benchmarks.media import media_brief

    brief = media_brief()
    for fmt in ("html", "markdown", "docx", "json"):
        assert briefkit.parse(briefkit.render(brief, fmt), format=fmt) == brief


def test_the_start_up_verdict_names_the_libraries_floor(quick_run: tuple[str, str]) -> None:
    """Next to convert's ratio to pandoc, what importing its libraries alone costs."""
    if "pandoc (same brief → HTML)" not in quick_run[1]:
        pytest.skip("pandoc is not installed: no start-up ratio to report")
    line = next(x for x in quick_run[1].splitlines() if x.startswith("- `briefkit convert`"))
    assert re.search(
        r"alone, no briefkit code: pydantic \d+\.\d×, pydantic\+click\+Jinja2 \d+\.\d×", line
    ), line
