"""``python -m benchmarks.complexity``: does any input family cost more than linearly?

Each family grows one dimension of one input (list items, links, the length of one word,
attributes of one element...) 1x, 2x, 4x and 8x. Every size runs in a fresh subprocess,
which reports the CPU time of the call (wall time is reported too, but a loaded machine
moves it) and the peak resident memory the call added on top of its input. The growth
exponent from 2x to 8x, ``log(cost(8x) / cost(2x)) / log 4``, is 1 for linear cost and 2
for quadratic; a family above ``--flag`` (default 1.3) in time or memory is flagged. A size
refused with a ``LimitError`` is shown as such: a limit from :mod:`briefkit.limits` bounds
it, which is the point of the limit.

    python -m benchmarks.complexity                  # every family, default sizes
    python -m benchmarks.complexity --scale 4        # four times larger inputs
    python -m benchmarks.complexity --only md-items,docx-links --output results.md

``--scale`` multiplies every family's base size, so the 8x size of a parser family reaches
the default limits (32 MiB of input, ``MAX_NODES`` parts) at ``--scale 64`` or so.
"""

from __future__ import annotations

import argparse
import json
import math
import resource
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

LEVELS = (1, 2, 4, 8)


@dataclass(frozen=True)
class Family:
    """One input dimension: what grows, by how much per unit, and how it is run."""

    name: str
    what: str
    base: int  # units at 1x
    make: Callable[[int], Any]  # units -> the input (built before measuring)
    run: Callable[[Any], object]  # the measured call


# --- inputs ------------------------------------------------------------------------------


def _brief(items: int = 0, paragraphs: int = 0, word: int = 0, **fields: Any) -> Any:
    from briefkit import Brief, Item, ItemList, Paragraph, Section, SectionKind, Strong, Text

    blocks: list[Any] = [
        Paragraph(content=(Text(text=f"Paragraph {k} says what the analysts saw there."),))
        for k in range(paragraphs)
    ]
    if word:
        blocks.append(Paragraph(content=(Text(text="A word: " + "w" * word),)))
    if items:
        body = (Text(text="Body of the item, with "), Strong(children=(Text(text="bold"),)))
        listed = tuple(Item(lead=f"Lead {k}", body=body) for k in range(items))
        blocks.append(ItemList(ordered=True, items=listed))
    section = Section(
        kind=SectionKind.EVIDENCE, heading="Supporting Evidence", blocks=tuple(blocks)
    )
    return Brief(title="Growth", sections=(section,), **fields)


def _linked(links: int) -> Any:
    from briefkit import Brief, Link, Paragraph, Section, Text

    content: list[Any] = []
    for k in range(links):
        content += [Link(href=f"https://example.org/{k}", children=(Text(text=f"l{k}"),))]
        content += [Text(text=" and ")]
    return Brief(title="Links", sections=(Section(blocks=(Paragraph(content=tuple(content)),)),))


def _text_items(n: int) -> str:
    lines = ["Growth of a Brief", "", "Supporting Evidence", ""]
    lines += [f"{k + 1}. Lead {k}: the body of item {k} says what was seen." for k in range(n)]
    return "\n".join(lines) + "\n"


def _text_paragraphs(n: int) -> str:
    return "Growth of a Brief\n\n" + "".join(
        f"Paragraph {k} is one sentence of ordinary prose.\n\n" for k in range(n)
    )


def _html_items(n: int) -> str:
    items = "".join(f"<li><strong>Lead {k}:</strong> body <em>{k}</em></li>" for k in range(n))
    return f"<html><body><article><h1>Growth</h1><h2>Evidence</h2><ol>{items}</ol></article></body></html>"  # noqa: E501


def _html_attributes(n: int) -> str:
    attrs = " ".join(f'data-a{k}="{k}"' for k in range(n))
    return (
        f"<html><body><article><h1>Growth</h1><p {attrs}>One paragraph.</p></article></body></html>"
    )


def _html_links(n: int) -> str:
    links = " ".join(f'<a href="/p/{k}">link {k}</a>' for k in range(n))
    return f"<html><body><article><h1>Growth</h1><p>{links}</p></article></body></html>"


def _md_items(n: int) -> str:
    return "# Growth\n\n" + "".join(f"- **Lead {k}:** body *{k}*\n" for k in range(n))


def _md_dense(n: int) -> str:
    return "# Growth\n\n" + "- *a*\n" * n


def _md_inline(n: int) -> str:
    return "# Growth\n\n" + "*a* **b** [c](d) " * n + "\n"


def _docx(brief: Any) -> bytes:
    import briefkit

    return briefkit.render_docx(brief)


def _docx_runs(n: int) -> bytes:
    from briefkit import Brief, Emphasis, Paragraph, Section, Strong, Text

    content = tuple(
        (Strong if k % 2 else Emphasis)(children=(Text(text=f"run {k} "),)) for k in range(n)
    )
    return _docx(Brief(title="Runs", sections=(Section(blocks=(Paragraph(content=content),)),)))


def _parse(fmt: str) -> Callable[[Any], object]:
    def run(data: Any) -> object:
        import briefkit

        return briefkit.parse(data, format=fmt)

    return run


def _render(fmt: str) -> Callable[[Any], object]:
    def run(brief: Any) -> object:
        import briefkit

        return briefkit.render(brief, fmt)

    return run


FAMILIES: tuple[Family, ...] = (
    Family("text-items", "numbered items", 2000, _text_items, _parse("text")),
    Family("text-paragraphs", "paragraphs", 2000, _text_paragraphs, _parse("text")),
    Family(
        "text-word", "characters of one word", 100_000, lambda n: "T\n\n" + "x" * n, _parse("text")
    ),
    Family("md-items", "list items with a lead-in", 2000, _md_items, _parse("markdown")),
    Family("md-dense", "'- *a*' lines", 4000, _md_dense, _parse("markdown")),
    Family("md-inline", "inline spans in one paragraph", 2000, _md_inline, _parse("markdown")),
    Family("html-items", "list items", 2000, _html_items, _parse("html")),
    Family("html-links", "links in one paragraph", 2000, _html_links, _parse("html")),
    Family("html-attributes", "attributes of one element", 2000, _html_attributes, _parse("html")),
    Family("json-items", "items", 2000, lambda n: _brief(items=n).to_json(), _parse("json")),
    Family("docx-items", "list items", 1000, lambda n: _docx(_brief(items=n)), _parse("docx")),
    Family("docx-runs", "runs in one paragraph", 2000, _docx_runs, _parse("docx")),
    Family("docx-links", "hyperlinks", 1000, lambda n: _docx(_linked(n)), _parse("docx")),
    Family("render-html", "items", 2000, lambda n: _brief(items=n), _render("html")),
    Family("render-markdown", "items", 2000, lambda n: _brief(items=n), _render("markdown")),
    Family("render-text", "items", 2000, lambda n: _brief(items=n), _render("text")),
    Family("render-docx-items", "items", 1000, lambda n: _brief(items=n), _render("docx")),
    Family("render-docx-links", "hyperlinks", 1000, _linked, _render("docx")),
    Family("render-pdf-items", "items", 100, lambda n: _brief(items=n), _render("pdf")),
    Family(
        "render-pdf-tag",
        "characters of one tag",
        4000,
        lambda n: _brief(paragraphs=1, tags=("x" * n,)),
        _render("pdf"),
    ),
    Family(
        "render-pdf-marking",
        "characters of the marking",
        4000,
        lambda n: _brief(paragraphs=1, marking="M" * n),
        _render("pdf"),
    ),
    Family(
        "render-pdf-word",
        "characters of one word",
        4000,
        lambda n: _brief(word=n),
        _render("pdf"),
    ),
)
_BY_NAME = {f.name: f for f in FAMILIES}


# --- one measurement (in a child process) ----------------------------------------------


def _peak_kib() -> int:
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def measure(name: str, units: int) -> dict[str, Any]:
    """Build the input, warm up on a tiny one, then time one call and its added memory."""
    from briefkit import LimitError

    family = _BY_NAME[name]
    family.run(family.make(max(1, family.base // 100)))  # imports and caches
    data = family.make(units)
    size = len(data) if isinstance(data, (str, bytes)) else None
    before = _peak_kib()
    cpu, wall = time.process_time(), time.perf_counter()
    limit = None
    try:
        family.run(data)
    except LimitError as exc:
        limit = str(exc)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    return {"cpu": cpu, "wall": wall, "mib": (_peak_kib() - before) / 1024, "bytes": size,
            "limit": limit}  # fmt: skip


def _child(name: str, units: int) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.complexity", "--measure", name, str(units)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"{name} x{units}: {done.stderr[-1500:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


# --- the table ----------------------------------------------------------------------------


def exponent(small: float, large: float, ratio: float, floor: float) -> float | None:
    """The growth exponent between two costs ``ratio`` apart; None when both are noise."""
    if max(small, large) < floor:
        return None
    return math.log(max(large, floor) / max(small, floor)) / math.log(ratio)


def _cells(results: list[dict[str, Any]]) -> list[str]:
    out = []
    for r in results:
        if r["limit"]:
            out.append("LimitError")
            continue
        out.append(f"{r['cpu']:.2f} s · {r['mib']:.0f} MiB")
    return out


def run(names: Sequence[str], scale: float, flag: float, say: Callable[[str], None]) -> list[str]:
    lines = [
        "| family | grows | 1x | 2x | 4x | 8x (input) | exponent: time · memory | flag |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name in names:
        family = _BY_NAME[name]
        units = [max(1, int(family.base * scale * level)) for level in LEVELS]
        results = []
        for u in units:
            say(f"{name} x{u}")
            results.append(_child(name, u))
        measured = [r for r in results if not r["limit"]]
        t_exp = m_exp = None
        if len(measured) == len(results):
            t_exp = exponent(results[1]["cpu"], results[3]["cpu"], 4, 0.05)
            m_exp = exponent(results[1]["mib"], results[3]["mib"], 4, 4.0)
        flagged = [k for k, e in (("time", t_exp), ("memory", m_exp)) if e and e > flag]
        size = results[-1]["bytes"]
        last = _cells(results)
        last[-1] += f" ({size / 2**20:.2f} MiB)" if size else ""
        exps = " · ".join("—" if e is None else f"{e:.2f}" for e in (t_exp, m_exp))
        verdict = (
            ("**super-linear: " + ", ".join(flagged) + "**")
            if flagged
            else ("bounded by a limit" if len(measured) < len(results) else "linear")
        )
        lines.append(
            f"| {name} | {units[0]:,}–{units[-1]:,} {family.what} | "
            + " | ".join(last)
            + f" | {exps} | {verdict} |"
        )
        say(lines[-1])
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks.complexity", description=__doc__)
    p.add_argument("--only", help="comma-separated families (default: all)")
    p.add_argument("--scale", type=float, default=1.0, help="multiply every base size")
    p.add_argument("--flag", type=float, default=1.3, help="exponent that counts as super-linear")
    p.add_argument("--output", type=Path, help="also write the table to this file")
    p.add_argument("--measure", nargs=2, metavar=("FAMILY", "UNITS"), help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.measure:
        print(json.dumps(measure(args.measure[0], int(args.measure[1]))))
        return 0
    names = [n.strip() for n in args.only.split(",")] if args.only else list(_BY_NAME)
    unknown = [n for n in names if n not in _BY_NAME]
    if unknown:
        p.error(f"unknown family {', '.join(unknown)}: choose from {', '.join(_BY_NAME)}")

    def say(message: str) -> None:
        print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr)

    lines = ["# briefkit complexity check", "", f"Command: `python -m benchmarks.complexity "
             f"{' '.join(argv if argv is not None else sys.argv[1:])}`", "",
             "Cells: CPU seconds of the call · peak memory it added (MiB).", ""]  # fmt: skip
    lines += run(names, args.scale, args.flag, say)
    text = "\n".join(lines) + "\n"
    print(text)
    if args.output:
        args.output.write_text(text, "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
