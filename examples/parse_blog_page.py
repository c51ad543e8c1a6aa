"""Parse a blog page saved from a browser into a brief, and keep only what matters.

    python examples/parse_blog_page.py [OUTDIR] [PAGE.html] [URL]

The page in ``pages/`` has what real blog pages have around a brief: site header and menu,
scripts and tracking handlers, a subscribe box, a footer. The parser finds the article,
reads the metadata (canonical URL, date, author, category, tags, language) and the
Previous/Next links, and leaves the rest behind. Relative links become absolute against the
page's address (``base_url``), else against its canonical URL.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import briefkit

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    outdir = Path(argv[1]) if len(argv) > 1 else Path(tempfile.mkdtemp(prefix="briefkit-"))
    page = Path(argv[2]) if len(argv) > 2 else HERE / "pages" / "lithium-refining.html"
    base_url = argv[3] if len(argv) > 3 else None

    brief = briefkit.parse_html(page.read_bytes(), base_url=base_url)

    print(brief.title)
    print(f"  url:       {brief.url}")
    print(f"  published: {brief.published}   by {', '.join(brief.authors) or '?'}")
    print(f"  category:  {brief.category}   tags: {', '.join(brief.tags)}")
    for section in brief.sections:
        print(f"  [{section.kind.value}] {section.heading}")
    for number, item in enumerate(brief.evidence, start=1):
        print(f"    {number}. {item.lead}: {item.text[:60]}...")
    for label, link in (("previous", brief.prev), ("next", brief.next)):
        if link:
            print(f"  {label}: {link.title} <{link.href}>")

    # The page's scripts and event handlers never reach the model, so no output carries them.
    html = briefkit.render_html(brief)
    if "onclick" in html or "analyticsQueue" in html:
        print("the page's scripts leaked into the output", file=sys.stderr)
        return 1

    stem = brief.slug or page.stem
    briefkit.render(brief, "json", dest=outdir / f"{stem}.json")
    briefkit.render(brief, "markdown", dest=outdir / f"{stem}.md")
    (outdir / f"{stem}.html").write_text(html, encoding="utf-8")
    print(f"written to {outdir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
