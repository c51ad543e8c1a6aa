"""Realistic Brief objects shared by the test suite (parsers, renderers, linking, CLI).

Every builder returns a fresh, valid :class:`~briefkit.model.Brief`. The texts are written for
these tests. Import with ``from briefs import seed_shaped, rich_brief, ...`` (``tests`` is on
pytest's ``pythonpath``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from briefkit.model import (
    Alignment,
    Block,
    Brief,
    BriefLink,
    Cell,
    Emphasis,
    Figure,
    Inline,
    Item,
    ItemList,
    Link,
    Note,
    Paragraph,
    Quote,
    Row,
    Section,
    SectionKind,
    Strong,
    Table,
    Text,
    plain_text,
)

__all__ = [
    "ALL",
    "all_briefs",
    "bullets_brief",
    "item",
    "kept_text",
    "long_brief",
    "map_inlines",
    "media_brief",
    "minimal",
    "no_nav",
    "only_next",
    "only_prev",
    "para",
    "rich_brief",
    "seed_shaped",
    "strip_formatting",
    "tricky_colons",
    "unknown_heading",
    "with_metadata",
]

K = SectionKind


def para(text: str) -> Paragraph:
    """A paragraph of plain text."""
    return Paragraph(content=(Text(text=text),))


def item(lead: str, body: str) -> Item:
    """A list item with a lead-in (may be empty) and a plain body."""
    return Item(lead=lead, body=(Text(text=body),))


def _section(kind: SectionKind, heading: str | None, *blocks: Block) -> Section:
    return Section(kind=kind, heading=heading, blocks=blocks)


def minimal() -> Brief:
    """The smallest useful brief: a title and one judgement paragraph, no metadata, no nav."""
    return Brief(
        title="Grain Corridor Talks Stall Again",
        sections=(
            _section(
                K.JUDGEMENT,
                "Analytic Judgement",
                para("Negotiators are unlikely to reopen the corridor before the harvest ends."),
            ),
        ),
    )


def seed_shaped() -> Brief:
    """The common blog shape: judgement, three numbered evidence items, implications, nav."""
    return Brief(
        title="Red Sea Shipping Insurance Costs Climb as Attacks Spread South",
        sections=(
            _section(
                K.JUDGEMENT,
                "Analytic Judgement",
                para(
                    "Attacks on merchant vessels near the Bab el-Mandeb have pushed war-risk "
                    "premiums to levels that make the Suez route uneconomic for many carriers. "
                    "The shift of traffic around the Cape is likely to persist for months, "
                    "adding cost and delay to trade between Asia and Europe."
                ),
            ),
            _section(
                K.EVIDENCE,
                "Supporting Evidence",
                ItemList(
                    ordered=True,
                    items=(
                        item(
                            "Premium Increases",
                            "Brokers quote war-risk cover at several times last year's rate "
                            "for a single transit, and some underwriters have stopped quoting.",
                        ),
                        item(
                            "Rerouting by Major Carriers",
                            "Four of the five largest container lines announced that they "
                            "would send ships around southern Africa until further notice.",
                        ),
                        item(
                            "Southward Spread",
                            "Two recent incidents took place further south than any before, "
                            "suggesting the attackers have extended their range.",
                        ),
                    ),
                ),
            ),
            _section(
                K.IMPLICATIONS,
                "Implications",
                para(
                    "Longer voyages will tie up vessel capacity and raise freight rates, while "
                    "ports in the eastern Mediterranean lose transit business. Naval escorts "
                    "reduce but do not remove the risk, so insurers are unlikely to cut "
                    "premiums quickly."
                ),
            ),
        ),
        prev=BriefLink(title="112: Drone Swarms and the Economics of Air Defence"),
        next=BriefLink(title="Andean Lithium Nationalisation Gathers Pace"),
    )


def with_metadata() -> Brief:
    """A seed-shaped brief carrying every metadata field and linked neighbours."""
    return seed_shaped().model_copy(
        update={
            "url": "https://example.org/briefs/red-sea-insurance",
            "slug": "red-sea-insurance",
            "published": dt.date(2024, 2, 14),
            "updated": dt.datetime(2024, 2, 15, 9, 30, tzinfo=dt.UTC),
            "authors": ("Ines Marlow", "Tomas Okafor"),
            "publisher": "Harbourline Analysis",
            "category": "Maritime Security",
            "tags": ("shipping", "insurance", "Red Sea"),
            "summary": "War-risk premiums push carriers away from the Suez route.",
            "marking": "TLP:CLEAR",
            "language": "en",
            "prev": BriefLink(
                title="112: Drone Swarms and the Economics of Air Defence",
                href="https://example.org/briefs/drone-swarms",
            ),
            "next": BriefLink(
                title="Andean Lithium Nationalisation Gathers Pace",
                href="https://example.org/briefs/andean-lithium",
            ),
        }
    )


def rich_brief() -> Brief:
    """Inline formatting and links in paragraphs and items, a quote, and mixed quotes."""
    return Brief(
        title="Arctic Research Stations Become a Quiet Point of Friction",
        url="https://example.org/briefs/arctic-stations",
        sections=(
            _section(
                K.OVERVIEW,
                "Overview",
                Paragraph(
                    content=(
                        Text(text="Several states have "),
                        Strong(children=(Text(text="expanded"),)),
                        Text(text=" their “scientific” presence on Svalbard, "),
                        Emphasis(children=(Text(text="according to"),)),
                        Text(text=" a "),
                        Link(
                            href="https://example.org/reports/svalbard",
                            children=(Text(text="public registry"),),
                        ),
                        Text(text=" of permits."),
                    )
                ),
            ),
            _section(
                K.ANALYSIS,
                "Analysis",
                para("Dual-use equipment at the stations is hard to inspect. "),
                Quote(content=(Text(text='"We see the antennas, not what they listen to."'),)),
                para("Officials said: the treaty gives no inspection right beyond access."),
            ),
            _section(
                K.EVIDENCE,
                "Key Points",
                ItemList(
                    ordered=True,
                    items=(
                        Item(
                            lead="Permit Growth",
                            body=(
                                Text(text="Permits rose by "),
                                Strong(children=(Text(text="a third"),)),
                                Text(text=" in two years."),
                            ),
                        ),
                        Item(
                            lead="",
                            body=(
                                Link(
                                    href="https://example.org/data/antennas",
                                    children=(Text(text="Satellite imagery"),),
                                ),
                                Text(text=" shows new antenna fields near two stations."),
                            ),
                        ),
                    ),
                ),
            ),
            _section(
                K.IMPLICATIONS,
                "Implications",
                para("Expect more disputes over what counts as ‘peaceful’ research."),
            ),
        ),
        next=BriefLink(title="Baltic Ferry Disruptions", href="https://example.org/briefs/ferry"),
    )


def only_prev() -> Brief:
    """A brief at the end of a series: previous link only."""
    return seed_shaped().model_copy(update={"next": None})


def only_next() -> Brief:
    """A brief at the start of a series: next link only."""
    return seed_shaped().model_copy(update={"prev": None})


def no_nav() -> Brief:
    """A stand-alone brief with no neighbours."""
    return seed_shaped().model_copy(update={"prev": None, "next": None})


def bullets_brief() -> Brief:
    """Bulleted (unordered) lists, items without lead-ins, and a leading untitled section."""
    return Brief(
        title="Power Grid Strain Ahead of Winter",
        sections=(
            _section(K.OTHER, None, para("This note updates last month's grid assessment.")),
            _section(
                K.JUDGEMENT,
                "Bottom Line",
                para("Rolling outages are likely in at least two regions in January."),
            ),
            _section(
                K.OUTLOOK,
                "Indicators",
                ItemList(
                    ordered=False,
                    items=(
                        item("", "Reservoir levels below the ten-year low."),
                        item("Imports", "Cross-border purchases at their contractual maximum."),
                        item("", "Repair crews redeployed from the south."),
                    ),
                ),
            ),
            _section(
                K.RECOMMENDATIONS,
                "Recommendations",
                ItemList(
                    ordered=True,
                    items=(
                        item("Stockpile", "Pre-position transformers near the main substations."),
                        item("", "Publish an outage schedule early to limit panic buying."),
                    ),
                ),
            ),
        ),
        prev=BriefLink(title="Grid Attacks in the Previous Winter"),
    )


def unknown_heading() -> Brief:
    """A section under a heading outside the vocabulary (kind other, heading kept)."""
    return Brief(
        title="Port Concessions in the Eastern Mediterranean",
        sections=(
            _section(K.JUDGEMENT, "Key Judgements", para("Concession terms favour the bidder.")),
            _section(
                K.OTHER,
                "Methodology Note",
                para("This brief draws on tender documents published by three port authorities."),
            ),
            _section(K.SOURCES, "Sources", para("Port authority tender notices, 2023.")),
        ),
    )


def tricky_colons() -> Brief:
    """Colons where a parser could mistake text for headings or lead-ins."""
    return Brief(
        title="2031: Scenarios for the Caspian Energy Corridor",
        sections=(
            _section(
                K.JUDGEMENT,
                "Assessment",
                para("Analysis: the word starts this paragraph but is part of the sentence."),
                para("Officials said: no decision has been taken."),
            ),
            _section(
                K.EVIDENCE,
                "Evidence",
                ItemList(
                    ordered=True,
                    items=(
                        item("", "Note: this item has no lead-in, its body starts with a word."),
                        item("Pipeline Capacity", "Throughput: about 1.2 million barrels a day."),
                        item(
                            "",
                            "Ministers met in Baku on 3 May and agreed on one point: "
                            "the tariff stays unchanged for two years.",
                        ),
                        item("", "Time stamps such as 10:45 stay in the body."),
                    ),
                ),
            ),
        ),
        prev=BriefLink(title="Previous Attempts: Why the 2019 Deal Failed"),
        next=BriefLink(title="Next Steps: The Tariff Review"),
    )


def long_brief(n: int = 40) -> Brief:
    """A brief with ``n`` numbered evidence items and several paragraphs per section."""
    items = tuple(
        item(
            f"Observation {i}",
            f"Field report {i} describes movement along route {i % 7} with moderate confidence.",
        )
        for i in range(1, n + 1)
    )
    return Brief(
        title=f"Border Logistics Survey: {n} Observations",
        sections=(
            _section(
                K.JUDGEMENT,
                "Key Judgement",
                para("Supply traffic across the border has roughly doubled since spring."),
                para("The increase is most likely driven by fuel rather than munitions."),
            ),
            _section(K.EVIDENCE, "Supporting Evidence", ItemList(ordered=True, items=items)),
            _section(
                K.IMPLICATIONS,
                "Implications",
                *(para(f"Consequence {i}: pressure on crossing point {i} grows.") for i in (1, 2)),
            ),
        ),
        prev=BriefLink(title="Border Logistics Survey: Spring"),
        next=BriefLink(title="Border Logistics Survey: Autumn"),
    )


#: Every builder, by name, for parametrised tests.
ALL: dict[str, Callable[[], Brief]] = {
    "minimal": minimal,
    "seed_shaped": seed_shaped,
    "with_metadata": with_metadata,
    "rich_brief": rich_brief,
    "only_prev": only_prev,
    "only_next": only_next,
    "no_nav": no_nav,
    "bullets_brief": bullets_brief,
    "unknown_heading": unknown_heading,
    "tricky_colons": tricky_colons,
    "long_brief": long_brief,
}


def kept_text(brief: Brief) -> list[str | None]:
    """Each section's heading, then every block's text: where a test looks for a line the
    parser must keep, whether it became a heading or stayed text."""
    headings: list[str | None] = [s.heading for s in brief.sections]
    return headings + [b.text for s in brief.sections for b in s.blocks]


def all_briefs() -> list[Brief]:
    """One instance of every builder, in a stable order."""
    return [build() for build in ALL.values()]


def _plain(nodes: Iterable[Inline]) -> tuple[Inline, ...]:
    text = plain_text(nodes)
    return (Text(text=text),) if text else ()


def map_inlines(block: Block, change: Callable[[tuple[Inline, ...]], tuple[Inline, ...]]) -> Block:
    """``block`` with ``change`` applied to each of its runs of inline content."""
    if isinstance(block, ItemList):
        items = tuple(Item(lead=i.lead, body=change(i.body)) for i in block.items)
        return ItemList(ordered=block.ordered, items=items)
    if isinstance(block, Table):
        rows = [
            Row(header=r.header, cells=[Cell(content=change(c.content)) for c in r.cells])
            for r in block.rows
        ]
        return Table(caption=change(block.caption), rows=rows, align=block.align)
    if isinstance(block, Figure):
        return Figure.model_validate({**dict(block), "caption": change(block.caption)})
    return type(block)(content=change(block.content))


def media_brief() -> Brief:
    """A brief with a table (header row, alignment, caption), a figure and footnotes.

    The figure is a PNG drawn in code (``pictures.png``) embedded as a ``data:`` URI.
    """
    from pictures import data_uri, png

    def t(text: str) -> Text:
        return Text(text=text)

    def cell(*content: Inline) -> Cell:
        return Cell(content=content)

    notice = Note(children=(t("Port authority notice no. 14, issued on 12 May."),))
    ais = Note(children=(t("AIS tracking, seven-day average to 18 May."),))
    image = Note(
        children=(
            Emphasis(children=(t("Satellite image"),)),
            t(", 16 May."),
        )
    )
    ports = [
        ("Aden", "Closed", "0", "\u221212"),
        ("Djibouti", "Open", "41", "+9"),
        ("Berbera", "Open", "17", "+4"),
        ("Hodeidah", "Restricted", "3", "\u22122"),
        ("Salalah", "Open", "58", "+6"),
    ]
    rows = [Row(header=True, cells=(cell(t("Port")), cell(t("Status")), cell(t("Ships")),
                                    cell(t("Change on week"))))]  # fmt: skip
    for name, status, ships, change in ports:
        count = (t(ships), ais) if name == "Djibouti" else (t(ships),)
        rows.append(Row(cells=(cell(t(name)), cell(t(status)), cell(*count), cell(t(change)))))
    return Brief(
        title="Port Closures in the Gulf of Aden Push Traffic to Djibouti",
        published=dt.date(2024, 5, 20),
        authors=("Ines Marlow",),
        publisher="Harbourline Analysis",
        sections=(
            _section(
                K.JUDGEMENT,
                "Key Judgement",
                Paragraph(
                    content=(
                        t("The port of Aden is closed to commercial traffic"),
                        notice,
                        t(
                            " and is likely to stay closed through June; Djibouti has taken most "
                            "of the diverted calls."
                        ),
                    )
                ),
            ),
            _section(
                K.EVIDENCE,
                "Supporting Evidence",
                Table(
                    caption=(t("Port status in the Gulf of Aden, 18 May"),),
                    rows=tuple(rows),
                    align=(None, None, Alignment.RIGHT, Alignment.RIGHT),
                ),
                Figure(
                    src=data_uri(png(480, 270)),
                    alt="Satellite view of ships at anchor off Djibouti",
                    caption=(t("Ships waiting at the Djibouti anchorage"), image),
                ),
                ItemList(items=(item("Insurance", "War-risk premiums for Aden calls rose."),)),
            ),
        ),
    )


def strip_formatting(brief: Brief) -> Brief:
    """The brief with every inline container flattened to plain text (links lose hrefs).

    Formats that cannot carry inline formatting (plain text) round-trip this form exactly.
    """
    sections = []
    for section in brief.sections:
        blocks: list[Block] = []
        blocks.extend(map_inlines(block, _plain) for block in section.blocks)
        sections.append(Section(kind=section.kind, heading=section.heading, blocks=tuple(blocks)))
    return brief.model_copy(update={"sections": tuple(sections)})
