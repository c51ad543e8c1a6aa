"""Finding the article on real web pages: briefkit against trafilatura and readability-lxml.

Two public corpora are read from ``../shared/real-pages/`` relative to the repository root
(or the folder given with ``--pages``); nothing of them is copied into the project, and when
they are absent the benchmark says so and stops:

- ``aeb/``: 181 news and blog pages with human-labelled article bodies. Each tool's text is
  scored with the corpus's own metric: texts are split into ``\\w+`` tokens, tokens into
  4-word shingles, and precision, recall and F1 are computed per page over shingle counts,
  then averaged over the pages (see :func:`score`).
- ``moz-readability/``: 94 real site captures with the title, byline and publication time
  Readability.js picks. Each tool's title, date and authors are compared with those
  (see :func:`title_right`, :func:`date_right`, :func:`author_right`).

trafilatura and readability-lxml (the ``bench`` extra) run on the same pages in the same
run when they are installed, each given the same decoded page and the page's URL. Times are
wall-clock milliseconds of the extraction call alone, per page.

    python -m benchmarks.extraction                  # every tool installed, both corpora
    python -m benchmarks.extraction --pages DIR      # the corpora somewhere else
    python -m benchmarks.extraction --details out.tsv  # per-page scores, for digging
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

__all__ = [
    "Extract",
    "Page",
    "author_right",
    "brief_text",
    "date_right",
    "default_pages",
    "load_aeb",
    "load_moz",
    "main",
    "run",
    "score",
    "title_right",
]

ROOT = Path(__file__).resolve().parent.parent
_TOKEN = re.compile(r"\w+")
_SHINGLE = 4


def default_pages() -> Path:
    """Where the corpora live next to a checkout: ``../shared/real-pages``."""
    return ROOT.parent / "shared" / "real-pages"


# --- the corpora ------------------------------------------------------------------------


@dataclass(frozen=True)
class Page:
    """One page and what is known to be on it (empty strings when not labelled)."""

    name: str
    html: str
    url: str | None = None
    body: str = ""
    title: str = ""
    byline: str = ""
    published: str = ""


def load_aeb(folder: Path) -> list[Page]:
    """The article-extraction-benchmark pages with their labelled bodies."""
    truth = json.loads((folder / "ground-truth.json").read_text("utf-8"))
    pages = []
    for key in sorted(truth):
        path = folder / "html" / f"{key}.html.gz"
        html = gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
        item = truth[key]
        pages.append(Page(key, html, item.get("url"), body=item.get("articleBody") or ""))
    return pages


def load_moz(folder: Path) -> list[Page]:
    """The Readability.js captures with the metadata Readability.js picks."""
    pages = []
    for meta_path in sorted(folder.glob("*/expected-metadata.json")):
        meta = json.loads(meta_path.read_text("utf-8"))
        html = gzip.decompress((meta_path.parent / "source.html.gz").read_bytes())
        pages.append(
            Page(
                meta_path.parent.name,
                html.decode("utf-8", "replace"),
                title=meta.get("title") or "",
                byline=meta.get("byline") or "",
                published=meta.get("publishedTime") or "",
            )
        )
    return pages


# --- the metric -------------------------------------------------------------------------


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text or "")


def _shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = _tokens(text)
    count = max(1, len(tokens) - _SHINGLE + 1)
    return Counter(s for s in (tuple(tokens[i : i + _SHINGLE]) for i in range(count)) if s)


def score(truth: str, found: str) -> tuple[float, float, float]:
    """(precision, recall, F1) of ``found`` against ``truth`` over 4-word shingles.

    Shingles are counted with multiplicity: a paragraph found twice is half wrong. Two
    empty texts agree perfectly; an empty text against a non-empty one scores zero.
    """
    want, got = _shingles(truth), _shingles(found)
    tp = sum((want & got).values())
    fp = sum(got.values()) - tp
    fn = sum(want.values()) - tp
    if fp == fn == 0:
        return 1.0, 1.0, 1.0
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _words(text: str) -> list[str]:
    return [t.casefold() for t in _tokens(text)]


def title_right(expected: str, found: str | None) -> bool:
    """The same title, allowing a site name before or after it on either side.

    Readability.js sometimes keeps ``"Title | Site"`` where a tool gives ``"Title"`` (or
    the other way round): the shorter must then be the start or the end of the longer and
    hold at least half of its words.
    """
    want, got = _words(expected), _words(found or "")
    if not want or not got:
        return False
    short, long_ = sorted((want, got), key=len)
    if 2 * len(short) < len(long_):
        return False
    return long_[: len(short)] == short or long_[-len(short) :] == short


_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def date_right(expected: str, found: dt.date | str | None) -> bool:
    """The same calendar day as the expected timestamp's own (no time-zone shifting)."""
    match = _DATE.match(expected.strip())
    if not match or found is None:
        return False
    if isinstance(found, dt.date):
        found = found.isoformat()
    return found.strip()[:10] == match.group(0)


_BY_WORDS = frozenset({"by", "par", "von", "written", "and", "und", "et"})


def author_right(expected: str, found: Sequence[str]) -> bool:
    """The same people: the words of the names found (joined) and of the expected byline,
    without "By"/"and", are equal or one holds all of the other's."""
    want = {w for w in _words(expected) if w not in _BY_WORDS}
    got = {w for w in _words(" ".join(found)) if w not in _BY_WORDS}
    return bool(want and got) and (want <= got or got <= want)


# --- the tools --------------------------------------------------------------------------


@dataclass
class Extract:
    """What a tool found on one page."""

    text: str = ""
    title: str | None = None
    date: dt.date | str | None = None
    authors: tuple[str, ...] = ()
    error: str | None = None


Tool = Callable[[str, str | None], Extract]


def brief_text(brief: object) -> str:
    """A brief's article text for scoring: every section's heading and blocks, in order."""
    lines: list[str] = []
    for section in getattr(brief, "sections", ()):
        if section.heading:
            lines.append(section.heading)
        lines.append(section.text)
    return "\n".join(lines)


def _briefkit() -> Tool:
    import briefkit

    def extract(html: str, url: str | None) -> Extract:
        brief = briefkit.parse_html(html, base_url=url)
        published = brief.published
        return Extract(brief_text(brief), brief.title, published, tuple(brief.authors))

    return extract


def _trafilatura() -> Tool:
    import trafilatura

    def extract(html: str, url: str | None) -> Extract:
        doc = trafilatura.bare_extraction(html, url=url, include_comments=False, with_metadata=True)
        if doc is None:
            return Extract()
        authors = tuple(a.strip() for a in (doc.author or "").split(";") if a.strip())
        return Extract(doc.text or "", doc.title, doc.date, authors)

    return extract


def _readability() -> Tool:
    import lxml.html
    from readability import Document

    def extract(html: str, url: str | None) -> Extract:
        doc = Document(html, url=url)
        summary = doc.summary(html_partial=True)
        text = lxml.html.fromstring(summary).text_content() if summary.strip() else ""
        return Extract(text, doc.short_title())

    return extract


#: Tool name -> factory; a factory raising ImportError means the tool is not installed.
TOOLS: dict[str, Callable[[], Tool]] = {
    "briefkit": _briefkit,
    "trafilatura": _trafilatura,
    "readability-lxml": _readability,
}


# --- running ----------------------------------------------------------------------------


@dataclass
class Result:
    """One tool on both corpora."""

    tool: str
    version: str
    f1: list[float] = field(default_factory=list)
    precision: list[float] = field(default_factory=list)
    recall: list[float] = field(default_factory=list)
    ms: list[float] = field(default_factory=list)
    cpu_ms: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    titles: list[bool] = field(default_factory=list)
    dates: list[bool] = field(default_factory=list)
    authors: list[bool] = field(default_factory=list)
    details: list[str] = field(default_factory=list)


def _version(tool: str) -> str:
    from importlib import metadata

    try:
        return metadata.version(tool)
    except metadata.PackageNotFoundError:
        return "?"


def _timed(extract: Tool, page: Page) -> tuple[Extract, float, float]:
    """What ``extract`` found, and the wall and CPU milliseconds it took."""
    wall, cpu = time.perf_counter(), time.process_time()
    try:
        found = extract(page.html, page.url)
    except Exception as exc:
        found = Extract(error=f"{type(exc).__name__}: {exc}"[:200])
    return found, 1000 * (time.perf_counter() - wall), 1000 * (time.process_time() - cpu)


def _pages(folder: Path, loader: Callable[[Path], list[Page]], limit: int | None) -> list[Page]:
    if not folder.is_dir():
        return []
    pages = loader(folder)
    return pages[:limit] if limit else pages


def run(
    pages_dir: Path,
    tools: Sequence[str] = tuple(TOOLS),
    *,
    limit: int | None = None,
    progress: Callable[[str], None] = lambda message: None,
) -> tuple[list[Result], int, int]:
    """Every available tool on both corpora: (results, aeb pages, moz pages)."""
    aeb = _pages(pages_dir / "aeb", load_aeb, limit)
    moz = _pages(pages_dir / "moz-readability", load_moz, limit)
    results = []
    for name in tools:
        try:
            extract = TOOLS[name]()
        except ImportError:
            progress(f"{name}: not installed, skipped (pip install -e '.[bench]')")
            continue
        progress(f"{name}: {len(aeb)} + {len(moz)} pages")
        result = Result(name, _version(name))
        for page in aeb:
            found, ms, cpu_ms = _timed(extract, page)
            precision, recall, f1 = score(page.body, found.text)
            result.f1.append(f1)
            result.precision.append(precision)
            result.recall.append(recall)
            result.ms.append(ms)
            result.cpu_ms.append(cpu_ms)
            if found.error:
                result.errors.append(f"aeb/{page.name}: {found.error}")
            result.details.append(f"aeb\t{page.name}\t{f1:.3f}\t{precision:.3f}\t{recall:.3f}")
        for page in moz:
            found, _ms, _cpu = _timed(extract, page)
            if found.error:
                result.errors.append(f"moz/{page.name}: {found.error}")
            marks = []
            for want, right, into in (
                (page.title, title_right(page.title, found.title), result.titles),
                (page.published, date_right(page.published, found.date), result.dates),
                (page.byline, author_right(page.byline, found.authors), result.authors),
            ):
                if want and want.strip():
                    into.append(right)
                marks.append("-" if not (want and want.strip()) else "1" if right else "0")
            result.details.append(
                f"moz\t{page.name}\t{chr(9).join(marks)}\t{found.title!r}\t{found.date!s}"
                f"\t{'; '.join(found.authors)!r}"
            )
        results.append(result)
    return results, len(aeb), len(moz)


def _share(marks: list[bool], supported: bool) -> str:
    if not supported:
        return "n/a"
    return f"{sum(marks) / len(marks):.1%} ({sum(marks)}/{len(marks)})" if marks else "—"


def table(results: Sequence[Result]) -> list[str]:
    """One Markdown table: content scores and time on aeb, metadata accuracy on moz."""
    head = [
        "tool",
        "mean F1",
        "median F1",
        "precision",
        "recall",
        "pages raising",
        "ms/page median (CPU)",
        "ms/page mean (CPU)",
        "title",
        "date",
        "author",
    ]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in results:
        has_meta = r.tool != "readability-lxml"  # it finds no dates or authors
        row = [f"{r.tool} {r.version}"]
        if r.f1:
            row += [f"{statistics.mean(r.f1):.3f}", f"{statistics.median(r.f1):.3f}"]
            row += [f"{statistics.mean(r.precision):.3f}", f"{statistics.mean(r.recall):.3f}"]
            row += [str(sum(e.startswith("aeb/") for e in r.errors))]
            for average in (statistics.median, statistics.mean):
                row.append(f"{average(r.ms):.1f} ({average(r.cpu_ms):.1f})")
        else:
            row += ["—"] * 7
        row += [_share(r.titles, True), _share(r.dates, has_meta), _share(r.authors, has_meta)]
        lines.append("| " + " | ".join(row) + " |")
    return lines


def report(results: Sequence[Result], aeb: int, moz: int, command: str) -> list[str]:
    """The table with what it was measured on, and the errors of each tool."""
    import platform

    lines = [f"Command: `{command}`", ""]
    lines += [
        f"- {aeb} aeb pages (F1, precision, recall, time), {moz} moz-readability captures "
        "(title, date, author accuracy, of the pages where Readability.js found one)",
        f"- Python {platform.python_version()}, {platform.system()} {platform.release()}",
        "",
        *table(results),
    ]
    for r in results:
        for error in r.errors[:20]:
            lines.append(f"- {r.tool}: {error}")
    return lines


def _say(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr)


def _options(argv: Sequence[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m benchmarks.extraction", description=__doc__)
    p.add_argument("--pages", type=Path, default=None, help="the real-pages folder")
    p.add_argument("--tools", default=",".join(TOOLS), help="comma-separated tools to run")
    p.add_argument("--limit", type=int, default=None, help="only the first N pages of each")
    p.add_argument("--output", type=Path, help="also write the Markdown results to this file")
    p.add_argument("--details", type=Path, help="write per-page scores (TSV) to this file")
    return p.parse_args(argv)


def _lines(results: Sequence[Result]) -> Iterator[str]:
    for r in results:
        for line in r.details:
            yield f"{r.tool}\t{line}"


def main(argv: Sequence[str] | None = None) -> int:
    args = _options(argv)
    pages = args.pages or default_pages()
    if not (pages / "aeb").is_dir() and not (pages / "moz-readability").is_dir():
        print(f"extraction benchmark skipped: no real pages in {pages}", file=sys.stderr)
        return 0
    tools = [t.strip() for t in args.tools.split(",") if t.strip()]
    unknown = [t for t in tools if t not in TOOLS]
    if unknown:
        print(f"unknown tool {', '.join(unknown)}: choose from {', '.join(TOOLS)}", file=sys.stderr)
        return 2
    results, aeb, moz = run(pages, tools, limit=args.limit, progress=_say)
    given = list(argv if argv is not None else sys.argv[1:])
    shown = [Path(a).name if "/" in a else a for a in given]  # no paths of this machine
    command = " ".join(["python -m benchmarks.extraction", *shown])
    text = "\n".join(
        ["# Article extraction on real pages", "", *report(results, aeb, moz, command)]
    )
    print(text)
    if args.output:
        args.output.write_text(text + "\n", "utf-8")
    if args.details:
        args.details.write_text("\n".join(_lines(results)) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
