"""``python -m benchmarks real-texts``: does the text parser keep every word of real text it
was never developed on, and what does it drop?

The texts are two public corpora of article bodies, read from ``../shared/real-pages/``
relative to the repository root (or ``--pages``); nothing of them is copied into the project,
and when they are absent the benchmark says so and stops:

- ``aeb/ground-truth.json``: 181 human-labelled article bodies as plain text, exactly what a
  user pastes;
- ``moz-readability/*/expected.html.gz``: 94 articles as HTML; their text is each block's
  text (paragraphs, headings, list items, quotes, cells) joined by blank lines.

Each text is parsed with :func:`briefkit.parse_text`. It keeps everything when no word of it
is missing from the brief, by :func:`benchmarks.text_corpus.lost_words` (the corpus check's
"content lost" rule); the words a metadata line consumes ("Updated", "By") count as kept when
the brief read that field. Each line that lost a word is classed by what it looks like, which
names the rule that dropped it (see :func:`classify`).
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from lxml import html as lxml_html

from briefkit import Brief, BriefkitError, parse_text
from briefkit.syntax.chrome import chrome_strength, is_counter, is_crumbs
from briefkit.syntax.date_lines import date_line
from briefkit.syntax.metadata import byline

from .extraction import default_pages
from .text_corpus import content_words, lost_words, syntax_words, time_line

#: HTML elements whose text is one paragraph of the article.
_BLOCKS = frozenset(
    "p h1 h2 h3 h4 h5 h6 li pre blockquote dt dd figcaption td th caption".split()  # noqa: SIM905
)


@dataclass(frozen=True)
class RealText:
    """One article body: ``aeb/<id>`` or ``moz/<page>``, and its text."""

    name: str
    text: str


@dataclass
class Outcome:
    text: RealText
    lost: list[str] = field(default_factory=list)  # words of the input not in the brief
    lines: list[tuple[str, str]] = field(default_factory=list)  # (class, line) of each loss
    error: str = ""  # a BriefkitError's message; anything else is raised
    seconds: float = 0.0


def html_text(markup: str) -> str:
    """An article's text: the text of each innermost block element, joined by blank lines."""
    doc = lxml_html.fromstring(markup)
    paras = []
    for el in doc.iter():
        if not isinstance(el.tag, str) or el.tag not in _BLOCKS:
            continue
        if any(isinstance(d.tag, str) and d.tag in _BLOCKS for d in el.iterdescendants()):
            continue
        text = " ".join(el.text_content().split())
        if text:
            paras.append(text)
    return "\n\n".join(paras)


def load(folder: Path) -> list[RealText]:
    """Both corpora's article bodies, aeb first; an empty list when the folder is absent."""
    texts: list[RealText] = []
    truth_path = folder / "aeb" / "ground-truth.json"
    if truth_path.is_file():
        truth = json.loads(truth_path.read_text("utf-8"))
        texts += [RealText(f"aeb/{k}", truth[k].get("articleBody") or "") for k in sorted(truth)]
    for path in sorted((folder / "moz-readability").glob("*/expected.html.gz")):
        markup = gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
        texts.append(RealText(f"moz/{path.parent.name}", html_text(markup)))
    return [t for t in texts if t.text.strip()]


def lost(text: str, brief: Brief) -> list[str]:
    """The words of ``text`` the brief lost, beyond those its metadata lines consume."""
    meta = {name: getattr(brief, name) for name in ("published", "updated", "authors", "publisher")}
    return lost_words(text, brief, syntax=syntax_words(meta))


def classify(line: str, above_title: bool) -> str:
    """What a line that lost words looks like: the rule that dropped it."""
    text = line.strip()
    where = "above the title: " if above_title else ""
    if is_crumbs(text):
        kind = "breadcrumbs"
    elif chrome_strength(text) or is_counter(text):
        kind = "chrome"
    elif date_line(text) is not None or byline(text):
        kind = "date or byline"
    elif text.isdigit():
        kind = "number"
    elif above_title:
        kind = "title furniture"
    elif "[edit]" in text:
        kind = "edit links"
    else:
        kind = "other"
    return where + kind


def measure(item: RealText, repeats: int = 3) -> Outcome:
    """Parse one text, time it and find what it loses; raises what is not a BriefkitError."""
    try:
        brief = parse_text(item.text)
    except BriefkitError as exc:
        return Outcome(item, error=f"{type(exc).__name__}: {exc}")
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        parse_text(item.text)
        times.append(time.perf_counter() - start)
    words = lost(item.text, brief)
    lines = item.text.splitlines()
    title_at = next((i for i, line in enumerate(lines) if brief.title in line), 0)
    found = []
    gone = set(words)
    for i, line in enumerate(lines):
        if gone & content_words(line):
            found.append((classify(line, i < title_at), line.strip()))
    return Outcome(item, words, found, seconds=statistics.median(times))


def report(outcomes: Sequence[Outcome], command: str, repeats: int = 3) -> str:
    kept = [o for o in outcomes if not o.lost and not o.error]
    out = ["# The text parser on real article bodies", "", f"Command: `{command}`", ""]
    out += ["| corpus | texts | keep every word | BriefkitError |", "|---|---|---|---|"]
    for corpus in ("aeb", "moz"):
        group = [o for o in outcomes if o.text.name.startswith(corpus + "/")]
        good = sum(o in kept for o in group)
        errors = sum(bool(o.error) for o in group)
        out.append(f"| {corpus} | {len(group)} | {good} | {errors} |")
    out.append(f"| all | {len(outcomes)} | {len(kept)} | {sum(bool(o.error) for o in outcomes)} |")
    classes = Counter(kind for o in outcomes for kind, _ in o.lines)
    out += ["", "## Lines that lost words, by what dropped them", ""]
    out += [f"- {kind}: {n}" for kind, n in classes.most_common()] or ["Nothing was lost."]
    out += ["", "## Each loss", ""]
    for o in outcomes:
        if o.error:
            out.append(f"- `{o.text.name}`: raised {o.error[:200]}")
        elif o.lost:
            out.append(f"- `{o.text.name}`: lost {', '.join(o.lost[:12])}")
            out += [f"  - {kind}: {line[:120]!r}" for kind, line in o.lines]
    timed = [o for o in outcomes if not o.error]
    if timed:
        sizes = [len(o.text.text) for o in timed]
        line = time_line([o.seconds for o in timed], sizes, "texts", repeats)
        out += ["", "## Parse time per text", "", line]
    return "\n".join(out) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks real-texts", description=__doc__)
    p.add_argument("--pages", type=Path, default=None, help="the real-pages folder")
    p.add_argument("--repeats", type=int, default=3, help="timed parses per text")
    p.add_argument("--output", type=Path, help="also write the Markdown report to this file")
    given = list(sys.argv[1:] if argv is None else argv)
    args = p.parse_args(given)
    folder = args.pages or default_pages()
    texts = load(folder)
    if not texts:
        print(f"no real texts: {folder} holds neither aeb/ nor moz-readability/", file=sys.stderr)
        return 1
    outcomes = [measure(t, args.repeats) for t in texts]
    text = report(outcomes, " ".join(["python -m benchmarks real-texts", *given]), args.repeats)
    print(text, end="")
    if args.output:
        args.output.write_text(text, "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
