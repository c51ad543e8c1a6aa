"""The briefs the validators check, and every document rendered from them once per session.

The corpus is what issue 17's "done" names: the seed brief (``../shared/seed``, when the
shared material is beside the repository), every example brief, and a 40-item brief
marked TLP:AMBER; plus three briefs written here for what those lack: long URLs as link
text (line breaks inside URLs and ligatures), a brief long enough for a contents list,
with hyphenated compounds and a non-TLP marking, a brief with a language of its own, and a
brief with a table, a figure and footnotes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import briefkit
from briefkit.model import (
    Brief,
    BriefLink,
    Item,
    ItemList,
    Link,
    Paragraph,
    Section,
    SectionKind,
    Text,
)
from briefs import item, long_brief, media_brief, para, rich_brief
from validators.tools import ROOT

__all__ = ["SEED_DIR", "Rendered", "corpus", "render_all"]

SEED_DIR = ROOT.parent / "shared" / "seed"
K = SectionKind

_URLS = (
    "https://official-statistics.example.org/fisheries/offshore-finfish-certification/"
    "definitive-final-figures-2024-fiscal-year.pdf",
    "https://example.org/financial-filings/efficient-refinery-flows/confidential-briefing"
    "-afflicted-coastal-infrastructure-2024.html",
)


def long_urls() -> Brief:
    """Long URLs shown as link text: they must wrap on a phone and stay searchable in a PDF."""
    links = [Link(href=u, children=(Text(text=u),)) for u in _URLS]
    return Brief(
        title="Offshore Fisheries Filings Show Efficient Flows Despite Affluent Buyers",
        sections=(
            Section(
                kind=K.JUDGEMENT,
                heading="Analytic Judgement",
                blocks=(
                    Paragraph(
                        content=(
                            Text(text="The official figures, filed at "),
                            links[0],
                            Text(text=", confirm the fishing fleet's efficient finfish flows."),
                        )
                    ),
                ),
            ),
            Section(
                kind=K.EVIDENCE,
                heading="Supporting Evidence",
                blocks=(
                    ItemList(
                        ordered=True,
                        items=(
                            Item(
                                lead="Filings",
                                body=(Text(text="The confidential briefing at "), links[1]),
                            ),
                            item("Affluent Buyers", "Buyers in five fishing ports paid in full."),
                        ),
                    ),
                ),
            ),
        ),
        prev=BriefLink(title="Coastal Fisheries Quotas", href="https://example.org/briefs/quotas"),
        next=BriefLink(title="Harbour Dredging Schedules"),
    )


_SENTENCES = (
    "Port authorities along the deep-water coast report that vessel calls fell in the third "
    "quarter while insurance costs rose for the longer routes.",
    "Analysts at two shipping registries attribute most of the change to rerouted container "
    "services rather than to any decline in underlying demand.",
    "Long-range patrol aircraft were seen over the strait on four occasions, each time "
    "shadowed by coastal radar operators who logged the tracks.",
    "Fuel bunkering volumes at the southern terminal doubled, which suggests that owners are "
    "refuelling earlier to avoid the contested anchorage.",
    "Freight forwarders say the delays add between nine and fourteen days to a typical "
    "journey, and that smaller exporters absorb most of the cost.",
    "The harbour master's weekly bulletin lists three dredging contracts postponed until the "
    "spring, citing equipment shortages and crew availability.",
    "Satellite imagery from early October shows new storage tanks under construction beside "
    "the rail spur that serves the grain terminal.",
    "Officials describe the measures as temporary, but budget documents reserve money for "
    "them through the end of the next fiscal year.",
)


def long_sections() -> Brief:
    """About 1,500 words in five headed sections: long enough for a contents list."""

    def text(start: int, count: int) -> str:
        return " ".join(_SENTENCES[(start + i) % len(_SENTENCES)] for i in range(count))

    items = tuple(item(f"Indicator {i}", text(i, 4)) for i in range(1, 15))
    return Brief(
        title="Coastal Logistics Review: Ports, Fuel and Freight Under Pressure",
        marking="CONFIDENTIAL",
        sections=(
            Section(kind=K.JUDGEMENT, heading="Key Judgement", blocks=(para(text(0, 5)),)),
            Section(
                kind=K.EVIDENCE,
                heading="Supporting Evidence",
                blocks=(ItemList(ordered=True, items=items),),
            ),
            Section(
                kind=K.IMPLICATIONS,
                heading="Implications",
                blocks=tuple(para(text(i, 3)) for i in range(4)),
            ),
            Section(
                kind=K.OUTLOOK,
                heading="Outlook",
                blocks=tuple(para(text(i + 3, 3)) for i in range(3)),
            ),
            Section(kind=K.SOURCES, heading="Sources", blocks=(para(text(5, 2)),)),
        ),
        prev=BriefLink(
            title="Coastal Logistics Review: Summer",
            href="https://example.org/briefs/coastal-summer",
        ),
    )


def corpus() -> dict[str, Callable[[], Brief]]:
    """Name -> builder of every brief the validators check."""
    found: dict[str, Callable[[], Brief]] = {}
    if SEED_DIR.is_dir():
        for path in sorted(SEED_DIR.glob("*.txt")):
            found[f"seed-{path.stem}"] = lambda p=path: briefkit.parse(p)
    for path in sorted((ROOT / "examples" / "briefs").iterdir()):
        found[f"example-{path.stem}"] = lambda p=path: briefkit.parse(p)
    found["long-amber"] = lambda: long_brief(40).model_copy(update={"marking": "TLP:AMBER"})
    found["long-urls"] = long_urls
    found["long-sections"] = long_sections
    found["rich-fr"] = lambda: rich_brief().model_copy(update={"language": "fr-CA"})
    found["media"] = media_brief
    return found


@dataclass(frozen=True)
class Rendered:
    """One brief's documents on disk."""

    name: str
    brief: Brief
    html: Path
    docx: Path
    pdf: Path  # the default: tagged, PDF/UA-1
    pdf_a3b: Path


def render_all(folder: Path) -> dict[str, Rendered]:
    """Every brief of :func:`corpus` rendered into ``folder`` (HTML, DOCX, PDF, PDF/A-3b)."""
    out = {}
    for name, build in corpus().items():
        brief = build()
        files = Rendered(
            name,
            brief,
            folder / f"{name}.html",
            folder / f"{name}.docx",
            folder / f"{name}.pdf",
            folder / f"{name}.a3b.pdf",
        )
        files.html.write_text(briefkit.render_html(brief), encoding="utf-8")
        files.docx.write_bytes(briefkit.render_docx(brief))
        files.pdf.write_bytes(briefkit.render_pdf(brief))
        files.pdf_a3b.write_bytes(briefkit.render_pdf(brief, pdf_variant="pdf/a-3b"))
        out[name] = files
    return out
