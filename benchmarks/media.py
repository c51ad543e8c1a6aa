"""``python -m benchmarks.media``: a brief with a table, a figure and footnotes, per format.

The brief has a six-row table with a header row, alignment and a caption, a 960x540 PNG
figure with a caption, and four footnotes (in a paragraph, a table cell, a caption and a
list item). Each parser reads it from the output of briefkit's own renderer; each renderer
writes it. Every call is warmed up first, then timed; the median and the 90th percentile
of wall time, and the median process CPU time, are printed as a Markdown table.
``--quick`` runs three rounds: a check that it works, not numbers to quote.
"""

from __future__ import annotations

import argparse
import base64
import io
import shlex
import statistics
import sys
import time
from collections.abc import Callable, Sequence

import briefkit
from briefkit import (
    Alignment,
    Brief,
    Cell,
    Figure,
    Item,
    ItemList,
    Note,
    Paragraph,
    Row,
    Section,
    SectionKind,
    Table,
    Text,
)

from . import report

__all__ = ["media_brief", "run"]


def _chart() -> str:
    """A 960x540 PNG chart (bars on a grid), drawn with Pillow, as a data: URI."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (960, 540), (250, 251, 252))
    draw = ImageDraw.Draw(image)
    for y in range(60, 540, 60):
        draw.line([(40, y), (940, y)], fill=(210, 216, 224), width=1)
    for k, height in enumerate((120, 310, 180, 420, 260, 90, 350)):
        left = 80 + k * 125
        draw.rectangle([left, 500 - height, left + 80, 500], fill=(31, 78, 121))
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return "data:image/png;base64," + base64.b64encode(out.getvalue()).decode("ascii")


def _t(text: str) -> Text:
    return Text(text=text)


def media_brief() -> Brief:
    """The benchmark's brief (see the module docstring)."""

    def note(text: str) -> Note:
        return Note(children=(_t(text),))

    rows = [
        Row(
            header=True,
            cells=tuple(Cell(content=(_t(h),)) for h in ("Port", "Status", "Calls", "Change")),
        )
    ]
    for name, status, calls, change in (
        ("Aden", "Closed", "0", "-12"),
        ("Djibouti", "Open", "41", "+9"),
        ("Berbera", "Open", "17", "+4"),
        ("Hodeidah", "Restricted", "3", "-2"),
        ("Salalah", "Open", "58", "+6"),
    ):
        count = (
            (_t(calls), note("Seven-day average of AIS port calls."))
            if name == "Djibouti"
            else (_t(calls),)
        )
        rows.append(
            Row(
                cells=(
                    Cell(content=(_t(name),)),
                    Cell(content=(_t(status),)),
                    Cell(content=count),
                    Cell(content=(_t(change),)),
                )
            )
        )
    return Brief(
        title="Port Closures in the Gulf of Aden Push Traffic to Djibouti",
        published="2024-05-20",
        authors=("A. Analyst",),
        sections=(
            Section(
                kind=SectionKind.JUDGEMENT,
                heading="Key Judgement",
                blocks=(
                    Paragraph(
                        content=(
                            _t("Aden is closed to commercial traffic"),
                            note("Port authority notice no. 14 of 12 May."),
                            _t(" and will probably stay closed through June."),
                        )
                    ),
                ),
            ),
            Section(
                kind=SectionKind.EVIDENCE,
                heading="Supporting Evidence",
                blocks=(
                    Table(
                        caption=(_t("Port calls in the Gulf of Aden, week to 18 May"),),
                        rows=tuple(rows),
                        align=(None, None, Alignment.RIGHT, Alignment.RIGHT),
                    ),
                    Figure(
                        src=_chart(),
                        alt="Bar chart of daily port calls at Djibouti",
                        caption=(_t("Daily calls at Djibouti"), note("AIS data, 12-18 May.")),
                    ),
                    ItemList(
                        items=(
                            Item(
                                lead="Insurance",
                                body=(_t("War-risk premiums rose"), note("Broker quotes, 16 May.")),
                            ),
                        )
                    ),
                ),
            ),
        ),
    )


def _stages(brief: Brief) -> dict[str, Callable[[], object]]:
    html = briefkit.render_html(brief)
    markdown = briefkit.render_markdown(brief)
    docx = briefkit.render_docx(brief)
    return {
        "parse_html": lambda: briefkit.parse_html(html),
        "parse_markdown": lambda: briefkit.parse_markdown(markdown),
        "parse_docx": lambda: briefkit.parse_docx(docx),
        "render_html": lambda: briefkit.render_html(brief),
        "render_docx": lambda: briefkit.render_docx(brief),
        "render_pdf": lambda: briefkit.render_pdf(brief),
        "render_markdown": lambda: briefkit.render_markdown(brief),
        "render_text": lambda: briefkit.render_text(brief),
        "render_json": lambda: briefkit.render(brief, "json"),
    }


def run(*, repeats: int, warmup: int) -> list[tuple[str, float, float, float]]:
    """(stage, median ms, p90 ms, median CPU ms) for every stage."""
    brief = media_brief()
    out = []
    for stage, call in _stages(brief).items():
        for _ in range(warmup):
            call()
        wall, cpu = [], []
        for _ in range(repeats):
            start, cpu_start = time.perf_counter(), time.process_time()
            call()
            cpu.append((time.process_time() - cpu_start) * 1000)
            wall.append((time.perf_counter() - start) * 1000)
        p90 = statistics.quantiles(wall, n=10)[-1] if len(wall) > 1 else wall[0]
        out.append((stage, statistics.median(wall), p90, statistics.median(cpu)))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.media", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="three rounds (a smoke run)")
    parser.add_argument("--repeats", type=int, default=30, help="timed rounds per stage")
    args = parser.parse_args(argv)
    repeats, warmup = (3, 1) if args.quick else (args.repeats, 3)
    command = "python -m benchmarks.media " + shlex.join(list(argv or sys.argv[1:]))
    results = run(repeats=repeats, warmup=warmup)
    lines = [
        "# A brief with a table, a figure and footnotes",
        "",
        f"Command: `{command.strip()}`",
        "",
    ]
    lines += report.machine(None)[:-1]  # no pandoc line: it is not compared here
    lines += [f"- Load average (1/5/15 min): {report.load()}", ""]
    lines += ["| stage | wall median (ms) | wall p90 (ms) | CPU median (ms) |", "|---|--:|--:|--:|"]
    lines += [f"| {s} | {m:.1f} | {p:.1f} | {c:.1f} |" for s, m, p, c in results]
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
