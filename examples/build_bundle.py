"""Build a linked bundle from a folder of briefs written in different formats.

    python examples/build_bundle.py [OUTDIR] [INPUT_FOLDER]

``briefs/`` holds a four-part series in text and Markdown whose briefs name their
neighbours by title only. ``build_bundle`` reads them all, orders them by those links,
points every Previous/Next at the sibling file of the same format, and writes an
``index.html`` and one ``series.pdf``. A second run finds everything up to date.

The same steps in memory: ``chain_from_links`` recovers the order, ``link_series`` rewrites
the pointers, ``check_links`` reports what is broken.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import briefkit

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    outdir = Path(argv[1]) if len(argv) > 1 else Path(tempfile.mkdtemp(prefix="briefkit-"))
    folder = Path(argv[2]) if len(argv) > 2 else HERE / "briefs"

    # In memory: order the briefs by their own links and fill in file-name hrefs.
    briefs = [briefkit.parse(path) for path in sorted(folder.iterdir()) if path.is_file()]
    chains = briefkit.chain_from_links(briefs)
    print(f"{len(chains)} chain(s); problems: {len(chains.problems)}")
    names = dict(zip(briefs, briefkit.unique_slugs(briefs), strict=True))
    series = briefkit.link_series(
        [briefs[i] for i in chains.order], href=lambda b: f"{names[b]}.html"
    )
    for number, brief in enumerate(series, start=1):
        after = brief.next.href if brief.next else "(end)"
        print(f"  {number}. {brief.title[:50]:<50} -> {after}")
    problems = briefkit.check_links(series)
    print(f"check_links: {len(problems)} problem(s)")

    # On disk: the same, in parallel worker processes, for several formats at once.
    result = briefkit.build_bundle(
        folder, outdir, formats=("html", "docx", "pdf"), series_pdf=True, jobs=2
    )
    for failure in result.failures:
        print(f"failed: {failure}", file=sys.stderr)
    for problem in result.problems:
        print(f"link problem: {problem.message}")
    print(f"first build: {len(result.written)} files written in {outdir}")
    again = briefkit.build_bundle(folder, outdir, formats=("html", "docx", "pdf"), series_pdf=True)
    print(f"second build: {len(again.written)} written, {len(again.skipped)} up to date")
    return 0 if result.ok and again.ok and not problems else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
