"""Convert one brief into every output format briefkit knows, and read each one back.

    python examples/convert_all_formats.py                 # writes into a temporary folder
    python examples/convert_all_formats.py out/            # ... or into out/
    python examples/convert_all_formats.py out/ page.html  # ... from another brief

Every document format except PDF can be parsed again; the script checks that each of those
gives back a brief equal to the one it started from. The threat-intelligence formats (STIX
2.1 and MISP) need a publication date, so an undated brief gets today's; they keep what a
platform stores (title, date, marking, indicators, places), not every detail.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from pathlib import Path

import briefkit

HERE = Path(__file__).resolve().parent
INTERCHANGE = {"stix", "misp"}


def main(argv: list[str]) -> int:
    outdir = Path(argv[1]) if len(argv) > 1 else Path(tempfile.mkdtemp(prefix="briefkit-"))
    source = Path(argv[2]) if len(argv) > 2 else HERE / "briefs" / "sample.txt"

    brief = briefkit.parse(source)  # a Path is read; the format comes from extension/content
    print(f"{brief.title}")
    print(f"  {len(brief.sections)} sections, {len(brief.evidence)} evidence items")

    readable = briefkit.input_formats()
    for name, info in sorted(briefkit.output_formats().items()):
        dest = outdir / f"{source.stem}{info.extension}"
        options = {"published": brief.published or dt.date.today()} if name in INTERCHANGE else {}
        output = briefkit.render(brief, name, dest=dest, **options)  # also written atomically
        size = len(output) if isinstance(output, bytes) else len(output.encode("utf-8"))
        same = True
        if name in INTERCHANGE:
            check = "interchange"
        elif name in readable:
            same = briefkit.parse(dest) == brief
            check = "reads back equal" if same else "reads back DIFFERENT"
        else:
            check = "write-only"
        print(f"  {name:<9} {dest.name:<16} {size:>7,} bytes  {info.media_type}  ({check})")
        if not same:
            return 1
    print(f"written to {outdir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
