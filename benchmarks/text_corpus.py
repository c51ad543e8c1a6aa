"""``python -m benchmarks.text_corpus``: how many real-world brief shapes the text parser
reads exactly, which rule each failure breaks, and how long a brief takes to parse.

The corpus is ``tests/fixtures/text/corpus/``: each ``NAME.txt`` is a brief as a user pastes
it from a publisher's page (the page's layout, labels and interface strings kept, the prose
rewritten), and ``NAME.json`` is what it should parse into, in the spec-table style of
``tests/parsers/test_text.py``. ``tuned/`` holds the shapes the parser was developed on,
``held_out/`` shapes it was not developed on; the two rates are reported apart.

A brief parses *exactly* when it breaks none of these rules:

- ``raises``: the parser refuses the text (a ``BriefkitError``) although it is a brief;
- ``title``: the title is the headline, not a kicker, date, tagline or banner;
- ``sections``: section kinds and headings, in order;
- ``blocks``: paragraphs, lists and quotes in each section, with item lead-ins;
- ``navigation``: the previous and next links;
- ``metadata``: every metadata field listed (all others empty);
- ``chrome kept``: none of the listed interface lines is left in a section;
- ``content lost``: every word of every other line is somewhere in the brief.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefkit import Brief, BriefkitError, ItemList, Quote, parse_text
from briefkit.syntax import month_names

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "fixtures" / "text" / "corpus"
SETS = ("tuned", "held_out")
RULES = (
    "raises",
    "title",
    "sections",
    "blocks",
    "navigation",
    "metadata",
    "chrome kept",
    "content lost",
)
FIELDS = (
    "url",
    "published",
    "updated",
    "authors",
    "publisher",
    "category",
    "tags",
    "summary",
    "marking",
)
#: List markers and section numbers ("1.2", "II.", also after a Markdown heading's marks:
#: "### 1."): no content (headings drop their number).
_ITEM_MARKER = re.compile(
    r"^\s*(?:#{1,6}\s+)?"
    r"(?:\d{1,3}(?:\.\d{1,3})*[.)]?|\(\d{1,3}\)|[a-z][.)]|[IVX]{1,5}\.|[•·○■►*-])\s"
)
_NAV_LINE = re.compile(r"^\s*(?:previous|next)\s*$", re.IGNORECASE)
#: Words a date line loses when it becomes a date: weekdays, months, ordinals, clock words.
_DATE_WORDS = set(
    (  # noqa: SIM905 - a word list reads better as one string
        "monday tuesday wednesday thursday friday saturday sunday mon tue wed thu fri sat sun "
        "january february march april may june july august september october november december "
        "jan feb mar apr jun jul aug sep sept oct nov dec st nd rd th am pm published posted "
        "updated date on last utc gmt est edt cst cdt mst mdt pst pdt"
    ).split()
) | set(month_names.NAMES)
_AUTHOR_WORDS = {"by", "author", "authors", "written"}
#: What an attribution line loses when it becomes the publisher ("Originally published on").
_PUBLISHER_WORDS = {"originally", "published", "on", "by", "in"}


@dataclass
class Case:
    """One fixture: its text, what it should parse into, and where it came from."""

    name: str
    set: str
    text: str
    expected: dict[str, Any]


@dataclass
class Result:
    case: Case
    broken: dict[str, str] = field(default_factory=dict)  # rule -> what differs
    seconds: float = 0.0

    @property
    def exact(self) -> bool:
        return not self.broken


def load(corpus: Path = CORPUS, sets: Sequence[str] = SETS) -> list[Case]:
    cases = []
    for name in sets:
        for path in sorted((corpus / name).glob("*.txt")):
            expected = json.loads(path.with_suffix(".json").read_text("utf-8"))
            cases.append(Case(path.stem, name, path.read_text("utf-8"), expected))
    return cases


def outline(brief: Brief) -> list[list[Any]]:
    """Sections as [kind, heading, blocks]; blocks as ["p", first three words], ["quote",
    ...] or ["ol"/"ul", [[lead, first three words of the body], ...]]."""
    out: list[list[Any]] = []
    for section in brief.sections:
        blocks: list[Any] = []
        for block in section.blocks:
            if isinstance(block, ItemList):
                items = [[i.lead, " ".join(i.text.split()[:3])] for i in block.items]
                blocks.append(["ol" if block.ordered else "ul", items])
            elif isinstance(block, Quote):
                blocks.append(["quote", " ".join(block.text.split()[:3])])
            else:
                blocks.append(["p", " ".join(block.text.split()[:3])])
        out.append([section.kind.value, section.heading, blocks])
    return out


def content_words(text: str) -> set[str]:
    """Lower-case words; numbers without leading zeros, so "7" matches a date's "07"."""
    return {w.lstrip("0") or "0" if w.isdigit() else w for w in re.findall(r"\w+", text.lower())}


def _meta(brief: Brief, name: str) -> Any:
    value = getattr(brief, name)
    if isinstance(value, tuple):
        return list(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def _link(link: Any) -> list[Any] | None:
    return None if link is None else [link.title, link.href]


def check(case: Case, brief: Brief) -> dict[str, str]:
    """The rules ``brief`` breaks against the case's expectation, with what differs."""
    exp = case.expected
    broken: dict[str, str] = {}
    if brief.title != exp["title"]:
        broken["title"] = f"{brief.title[:70]!r}, expected {exp['title'][:70]!r}"
    got = outline(brief)
    heads = [[s[0], s[1]] for s in got]
    want_heads = [[s[0], s[1]] for s in exp["outline"]]
    if heads != want_heads:
        broken["sections"] = f"{heads}, expected {want_heads}"
    elif got != exp["outline"]:
        diff = next(i for i, (a, b) in enumerate(zip(got, exp["outline"], strict=True)) if a != b)
        broken["blocks"] = f"section {diff + 1}: {got[diff][2]}, expected {exp['outline'][diff][2]}"
    nav = [_link(brief.prev), _link(brief.next)]
    if nav != [exp.get("prev"), exp.get("next")]:
        broken["navigation"] = f"{nav}, expected {[exp.get('prev'), exp.get('next')]}"
    meta = exp.get("meta", {})
    wrong = [
        f"{name}={_meta(brief, name)!r} (expected {meta.get(name)!r})"
        for name in FIELDS
        if (_meta(brief, name) or None) != (meta.get(name) or None)
    ]
    if wrong:
        broken["metadata"] = "; ".join(wrong)
    chrome = {" ".join(line.split()) for line in exp.get("chrome", [])}
    texts = [s.heading or "" for s in brief.sections]
    texts += [line for s in brief.sections for line in s.text.split("\n")]
    kept = sorted(c for c in chrome if any(c and _holds(t, c) for t in texts))
    if kept:
        broken["chrome kept"] = "; ".join(repr(c) for c in kept)
    # each entry as the words it holds, read as content is ("CHS-III" is "chs" and "iii")
    syntax = {w for entry in exp.get("syntax", []) for w in content_words(entry)}
    syntax |= syntax_words(meta)
    lost = lost_words(case.text, brief, chrome, syntax)
    if lost:
        broken["content lost"] = ", ".join(lost[:12])
    return broken


def syntax_words(meta: Mapping[str, Any]) -> set[str]:
    """The words the lines behind these metadata fields consume ("Last updated", "By")."""
    words: set[str] = set()
    if meta.get("published") or meta.get("updated"):
        words |= _DATE_WORDS
    if meta.get("authors"):
        words |= _AUTHOR_WORDS
    if meta.get("publisher"):
        words |= _PUBLISHER_WORDS
    return words


def lost_words(
    text: str,
    brief: Brief,
    chrome: AbstractSet[str] = frozenset(),
    syntax: AbstractSet[str] = frozenset(),
) -> list[str]:
    """The words of ``text`` found nowhere in ``brief`` (title, metadata, headings, text, items,
    links), sorted: what "content kept" means. Lines listed in ``chrome`` (and a long one where
    a line holds it, run into the text after it), Previous/Next lines and list markers are no
    content; ``syntax`` words are those a parsed line may consume."""
    glued = [c for c in chrome if len(c) >= _SHORT_CHROME]
    content = "\n".join(
        _ITEM_MARKER.sub("", _without(line, glued))
        for line in text.splitlines()
        if " ".join(line.split()) not in chrome and not _NAV_LINE.match(line)
    )
    kept = content_words(brief.model_dump_json())
    # "2019-03-06T15:40:00Z" as its numbers, its day as printed ("6", "6th") and its year
    # in two digits
    for value in (brief.published, brief.updated):
        if value is not None:
            kept |= content_words(re.sub(r"\D", " ", value.isoformat()))
            kept |= {f"{value.day}{suffix}" for suffix in ("", "st", "nd", "rd", "th")}
            kept.add(f"{value.year % 100:02d}")  # a two-digit year ("11.20.24")
    # a footnote's mark on an author's name ("Fabio Panetta1") is read off with the name
    named = {w for a in brief.authors for w in content_words(a)}
    marked = {w for w in content_words(content) if w.rstrip("0123456789") in named}
    return sorted(content_words(content) - syntax - kept - marked)


#: Chrome lines shorter than this ("in", "Share") are words prose uses too: they count as
#: kept only as a whole line or at a line's start or end, where a joined line would put them.
_SHORT_CHROME = 20


def _without(line: str, chrome: Sequence[str]) -> str:
    text = " ".join(line.split())
    for c in chrome:
        text = text.replace(c, " ")
    return text


def _holds(text: str, chrome: str) -> bool:
    if len(chrome) >= _SHORT_CHROME:
        return chrome in text
    return text == chrome or text.startswith(chrome + " ") or text.endswith(" " + chrome)


def parse_case(case: Case) -> dict[str, str]:
    """The rules the case breaks; a brief the parser refuses breaks ``raises``."""
    try:
        brief = parse_text(case.text)
    except BriefkitError as exc:
        return {"raises": f"{type(exc).__name__}: {exc}"}
    return check(case, brief)


def run(cases: Sequence[Case], repeats: int = 5) -> list[Result]:
    results = []
    for case in cases:
        times = []
        broken = parse_case(case)
        if "raises" in broken:
            results.append(Result(case, broken, 0.0))
            continue
        for _ in range(repeats):
            start = time.perf_counter()
            parse_text(case.text)
            times.append(time.perf_counter() - start)
        results.append(Result(case, broken, statistics.median(times)))
    return results


def report(results: Sequence[Result], command: str) -> str:
    lines = ["# The text parser on real-world brief shapes", "", f"Command: `{command}`", ""]
    lines += ["| set | briefs | shapes | exact | rate |", "|---|---|---|---|---|"]
    for name in SETS:
        group = [r for r in results if r.case.set == name]
        if not group:
            continue
        shapes = len({r.case.expected["shape"] for r in group})
        exact = sum(r.exact for r in group)
        rate = 100 * exact / len(group)
        lines.append(f"| {name} | {len(group)} | {shapes} | {exact} | {rate:.0f}% |")
    lines += ["", "## Rules broken", "", "| rule | " + " | ".join(SETS) + " |"]
    lines.append("|---|" + "---|" * len(SETS))
    counts = {
        name: Counter(k for r in results if r.case.set == name for k in r.broken) for name in SETS
    }
    for rule in RULES:
        lines.append(f"| {rule} | " + " | ".join(str(counts[s][rule]) for s in SETS) + " |")
    failing = [r for r in results if not r.exact]
    lines += ["", "## What still fails", ""]
    if not failing:
        lines.append("Nothing: every brief parses exactly.")
    for r in failing:
        lines.append(f"- `{r.case.set}/{r.case.name}` ({r.case.expected['shape']})")
        lines += [f"  - {rule}: {detail}" for rule, detail in r.broken.items()]
    sizes = [len(r.case.text) for r in results]
    lines += ["", "## Parse time per brief", "", time_line([r.seconds for r in results], sizes)]
    lines.append("")
    return "\n".join(lines)


def time_line(
    seconds: Sequence[float], sizes: Sequence[int], noun: str = "briefs", repeats: int = 5
) -> str:
    """One sentence on parse times: how many texts of what size, median, p90 and max."""
    times = sorted(1000 * s for s in seconds)
    chars = sorted(sizes)
    p90 = times[min(len(times) - 1, int(0.9 * len(times)))]
    return (
        f"{len(chars)} {noun} of {chars[0]:,}–{chars[-1]:,} characters (median "
        f"{statistics.median(chars):,.0f}); median of {repeats} parses each: "
        f"median {statistics.median(times):.2f} ms, p90 {p90:.2f} ms, max {times[-1]:.2f} ms."
    )


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks.text_corpus", description=__doc__)
    p.add_argument("--set", choices=SETS, action="append", help="only this set (repeatable)")
    p.add_argument("--repeats", type=int, default=5, help="timed parses per brief")
    p.add_argument("--output", type=Path, help="also write the Markdown report to this file")
    given = list(sys.argv[1:] if argv is None else argv)
    args = p.parse_args(given)
    command = " ".join(["python -m benchmarks.text_corpus", *given])
    results = run(load(sets=args.set or SETS), repeats=args.repeats)
    text = report(results, command.strip())
    print(text)
    if args.output:
        args.output.write_text(text, "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
