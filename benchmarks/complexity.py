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
    python -m benchmarks.complexity --full           # every family up to the default limits

``--scale`` multiplies every family's base size. ``--full`` instead makes each family's 8x
size its largest input within the default limits: 32 MiB of input or just under the parts
limit (``MAX_NODES``, as each parser counts it), whichever comes first, or for the
renderers the brief that limit allows; the PDF families stop at a size whose layout takes
a minute or two (nothing limits a render). A full run takes an hour or more.
"""

from __future__ import annotations

import argparse
import json
import math
import resource
import subprocess
import sys
import tempfile
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
    full: int  # units at 8x for ``--full``: the largest input within the default limits


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


def _html_dense(n: int) -> str:
    return "<html><body><article><h1>Growth</h1>" + "<p>a</p>" * n + "</article></body></html>"


def _html_attributes(n: int) -> str:
    attrs = " ".join(f'data-a{k}="{k}"' for k in range(n))
    return (
        f"<html><body><article><h1>Growth</h1><p {attrs}>One paragraph.</p></article></body></html>"
    )


def _html_links(n: int) -> str:
    links = " ".join(f'<a href="/p/{k}">link {k}</a>' for k in range(n))
    return f"<html><body><article><h1>Growth</h1><p>{links}</p></article></body></html>"


def _text_word_lines(n: int) -> str:
    """One paragraph copied a word a line, as a column too narrow pastes it."""
    words = ("word\n", "other\n", "thing.\n")
    return "Growth of a Brief\n\n" + "".join(words[k % 3] for k in range(n))


def _text_dense(n: int) -> str:
    return "Growth of a Brief\n\n" + "a\n\n" * n


def _json_dense(n: int) -> str:
    paragraph = '{"type":"paragraph","content":[{"type":"text","text":"a"}]}'
    return '{"title":"Growth","sections":[{"blocks":[' + ",".join([paragraph] * n) + "]}]}"


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


_FULL_BYTES = 32 * 2**20 - 16  # MAX_BYTES, less the few bytes a family adds around its units
# --full sizes (8x): each parser's parts limit as it counts them, kept a few percent below.
# Text: two parts per line block. Markdown: MAX_TOKENS = 1,000,000 tokens, 9 per md-items
# item, 5 per '- *a*' line, 13 per md-inline span (the tokens markdown-it pushes in a
# paragraph longer than the budget left). DOCX: 3 per list item, 2 per run or link. HTML:
# 6 per html-items item, 3 per link, 2 per dense paragraph. JSON: 32 MiB (it counts no
# parts: its input is the model). The renderers get
# the briefs of about MAX_NODES parts (4 per item, 3 per link) the parsers allow.
FAMILIES: tuple[Family, ...] = (
    Family("text-items", "numbered items", 2000, _text_items, _parse("text"), 240_000),
    Family("text-paragraphs", "paragraphs", 2000, _text_paragraphs, _parse("text"), 240_000),
    Family("text-dense", "one-letter paragraphs", 4000, _text_dense, _parse("text"), 240_000),
    Family(
        "text-word-lines",
        "one-word lines of one paragraph",
        2000,
        _text_word_lines,
        _parse("text"),
        4_800_000,
    ),
    Family(
        "text-word",
        "characters of one word",
        100_000,
        lambda n: "T\n\n" + "x" * n,
        _parse("text"),
        _FULL_BYTES,
    ),
    Family("md-items", "list items with a lead-in", 2000, _md_items, _parse("markdown"), 108_000),
    Family("md-dense", "'- *a*' lines", 4000, _md_dense, _parse("markdown"), 196_000),
    Family(
        "md-inline",
        "inline spans in one paragraph",
        2000,
        _md_inline,
        _parse("markdown"),
        72_000,
    ),
    Family("html-items", "list items", 2000, _html_items, _parse("html"), 80_000),
    Family("html-links", "links in one paragraph", 2000, _html_links, _parse("html"), 160_000),
    Family("html-dense", "one-letter paragraphs", 4000, _html_dense, _parse("html"), 240_000),
    Family(
        "html-attributes",
        "attributes of one element",
        125,
        _html_attributes,
        _parse("html"),
        1000,
    ),
    Family(
        "json-items",
        "items",
        2000,
        lambda n: _brief(items=n).to_json(),
        _parse("json"),
        70_000,
    ),
    Family("json-dense", "one-letter paragraphs", 4000, _json_dense, _parse("json"), 552_000),
    Family(
        "docx-items",
        "list items",
        1000,
        lambda n: _docx(_brief(items=n)),
        _parse("docx"),
        160_000,
    ),
    Family("docx-runs", "runs in one paragraph", 2000, _docx_runs, _parse("docx"), 240_000),
    Family("docx-links", "hyperlinks", 1000, lambda n: _docx(_linked(n)), _parse("docx"), 240_000),
    Family("render-html", "items", 2000, lambda n: _brief(items=n), _render("html"), 120_000),
    Family(
        "render-markdown",
        "items",
        2000,
        lambda n: _brief(items=n),
        _render("markdown"),
        120_000,
    ),
    Family("render-text", "items", 2000, lambda n: _brief(items=n), _render("text"), 120_000),
    Family("render-docx-items", "items", 1000, lambda n: _brief(items=n), _render("docx"), 120_000),
    Family("render-docx-links", "hyperlinks", 1000, _linked, _render("docx"), 160_000),
    Family("render-pdf-items", "items", 100, lambda n: _brief(items=n), _render("pdf"), 16_000),
    Family(
        "render-pdf-tag",
        "characters of one tag",
        4000,
        lambda n: _brief(paragraphs=1, tags=("x" * n,)),
        _render("pdf"),
        512_000,
    ),
    Family(
        "render-pdf-marking",
        "characters of the marking",
        4000,
        lambda n: _brief(paragraphs=1, marking="M" * n),
        _render("pdf"),
        512_000,
    ),
    Family(
        "render-pdf-word",
        "characters of one word",
        4000,
        lambda n: _brief(word=n),
        _render("pdf"),
        512_000,
    ),
)
_BY_NAME = {f.name: f for f in FAMILIES}


# --- one measurement (in a child process) ----------------------------------------------


def _peak_kib() -> int:
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def _make(name: str, units: int, path: Path) -> None:
    """Write a parser family's input to ``path`` (in a process of its own: building a
    DOCX costs more memory than reading it, and would hide the reader's peak)."""
    data = _BY_NAME[name].make(units)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)


def measure(name: str, units: int, path: Path | None = None) -> dict[str, Any]:
    """Build the input (or read it from ``path``), warm up on a tiny one, then time one
    call and the memory it added."""
    from briefkit import LimitError

    family = _BY_NAME[name]
    small = family.make(max(1, family.base // 100))
    family.run(small)  # imports and caches
    if path is None:
        data = family.make(units)
    else:
        raw = path.read_bytes()
        data = raw.decode("utf-8") if isinstance(small, str) else raw
        del raw
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


def _python(*args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.complexity", *args],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(args)}: {done.stderr[-1500:]}")
    return done.stdout


def _child(name: str, units: int) -> dict[str, Any]:
    """One size: a parser family's input is made in one process and read in another."""
    if name.startswith("render-"):  # a renderer's input is a brief, made where it is used
        out = _python("--measure", name, str(units))
    else:
        with tempfile.TemporaryDirectory(prefix="briefkit-complexity-") as folder:
            path = Path(folder) / "input"
            _python("--make", name, str(units), str(path))
            out = _python("--measure", name, str(units), str(path))
    result: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
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


def sizes(family: Family, scale: float | None) -> list[int]:
    """Units per level: the base times ``scale``, or (None) the family's ``--full`` sizes."""
    if scale is None:
        return [max(1, family.full * level // LEVELS[-1]) for level in LEVELS]
    return [max(1, int(family.base * scale * level)) for level in LEVELS]


def run(
    names: Sequence[str], scale: float | None, flag: float, say: Callable[[str], None]
) -> list[str]:
    lines = [
        "| family | grows | 1x | 2x | 4x | 8x (input) | exponent: time · memory | flag |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name in names:
        family = _BY_NAME[name]
        units = sizes(family, scale)
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
    p.add_argument(
        "--full", action="store_true", help="8x is the largest input within the default limits"
    )
    p.add_argument("--flag", type=float, default=1.3, help="exponent that counts as super-linear")
    p.add_argument("--output", type=Path, help="also write the table to this file")
    p.add_argument("--measure", nargs="+", help=argparse.SUPPRESS)  # FAMILY UNITS [FILE]
    p.add_argument("--make", nargs=3, help=argparse.SUPPRESS)  # FAMILY UNITS FILE
    args = p.parse_args(argv)
    if args.make:
        _make(args.make[0], int(args.make[1]), Path(args.make[2]))
        return 0
    if args.measure:
        path = Path(args.measure[2]) if len(args.measure) > 2 else None
        print(json.dumps(measure(args.measure[0], int(args.measure[1]), path)))
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
    lines += run(names, None if args.full else args.scale, args.flag, say)
    text = "\n".join(lines) + "\n"
    print(text)
    if args.output:
        args.output.write_text(text, "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
