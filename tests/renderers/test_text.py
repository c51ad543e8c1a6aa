"""render_text: the seed's text shape, read back by parse_text into an equal brief."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from hypothesis import assume, given

import briefkit
from briefkit import (
    Brief,
    BriefLink,
    Item,
    ItemList,
    Quote,
    Section,
    SectionKind,
    Text,
    parse_text,
    render_text,
)
from briefkit.parsers.vocabulary import classify_heading
from briefkit.syntax.text import split_lead
from briefs import ALL, item, para, rich_brief, seed_shaped, strip_formatting, with_metadata
from strategies import as_written, briefs

K = SectionKind


@pytest.mark.parametrize("build", ALL.values(), ids=list(ALL))
def test_round_trip_of_shared_briefs(build: Callable[[], Brief]) -> None:
    brief = strip_formatting(build())
    text = render_text(brief)
    assert parse_text(text) == brief
    assert parse_text(text.replace("\n", "\r\n")) == brief


def test_seed_shape_layout() -> None:
    lines = render_text(seed_shaped()).split("\n")
    assert lines[:5] == [
        "Red Sea Shipping Insurance Costs Climb as Attacks Spread South",
        "",
        "Analytic Judgement:",
        "",
        lines[4],
    ]
    assert lines[4].startswith("Attacks on merchant vessels")
    assert "Supporting Evidence:" in lines
    numbered = [line for line in lines if line.startswith("  ") and line[2:3].isdigit()]
    assert [line.split(":")[0] for line in numbered] == [
        "  1. Premium Increases",
        "  2. Rerouting by Major Carriers",
        "  3. Southward Spread",
    ]
    assert "\n".join(lines).endswith(
        "quickly.\n\nPrevious\n\n112: Drone Swarms and the Economics of Air Defence\n\n"
        "Next\n\nAndean Lithium Nationalisation Gathers Pace\n"
    )
    assert not any("\\" in line for line in lines)  # nothing here needs escaping


def test_navigation_tail_with_hrefs() -> None:
    text = render_text(with_metadata())
    assert text.endswith(
        "\n\nPrevious\n\n112: Drone Swarms and the Economics of Air Defence\n"
        "https://example.org/briefs/drone-swarms\n\n"
        "Next\n\nAndean Lithium Nationalisation Gathers Pace\n"
        "https://example.org/briefs/andean-lithium\n"
    )


def test_metadata_block_sits_directly_under_the_title() -> None:
    lines = render_text(with_metadata()).split("\n")
    block = lines[1 : lines.index("")]
    assert block == [
        "URL: https://example.org/briefs/red-sea-insurance",
        "Slug: red-sea-insurance",
        "Published: 2024-02-14",
        "Updated: 2024-02-15T09:30:00+00:00",
        "Authors: Ines Marlow; Tomas Okafor",
        "Publisher: Harbourline Analysis",
        "Category: Maritime Security",
        "Tags: shipping, insurance, Red Sea",
        "Description: War-risk premiums push carriers away from the Suez route.",
        "Marking: TLP:CLEAR",
        "Language: en",
    ]
    for line in block:  # no metadata key could be mistaken for a heading
        assert classify_heading(line.split(":")[0]) is None


def test_bullets_and_quotes() -> None:
    brief = Brief(
        title="T",
        sections=(
            Section(
                kind=K.OUTLOOK,
                heading="Indicators",
                blocks=(
                    ItemList(
                        ordered=False, items=(item("Rail", "Night trains."), item("", "Hospitals."))
                    ),
                    Quote(content=(Text(text="As quoted."),)),
                ),
            ),
        ),
    )
    assert render_text(brief) == (
        "T\n\nIndicators:\n\n  • Rail: Night trains.\n\n  • Hospitals.\n\n> As quoted.\n"
    )
    assert parse_text(render_text(brief)) == brief


def test_inline_formatting_is_flattened() -> None:
    brief = rich_brief()
    text = render_text(brief)
    assert text == render_text(strip_formatting(brief))
    assert "public registry of permits" in text
    assert "https://example.org/reports/svalbard" not in text  # inline hrefs cannot be kept


def _one_paragraph(text: str) -> Brief:
    return Brief(title="T", sections=(Section(kind=K.OTHER, blocks=(para(text),)),))


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("Analysis: the word opens a sentence.", True),
        ("Analysis:", True),
        ("Evidence", True),
        ("Regional Reactions:", True),
        ("1. Not a list.", True),
        ("(2) Not a list either.", True),
        ("2024. Not a list after a list.", True),
        ("(123456789) Not a list after a list.", True),
        ("- not a bullet", True),
        ("> not a quote", True),
        ("Previous", True),
        ("next", True),
        ("https://example.org/only-a-link", True),
        ("page.html", True),
        ("Subscribe to the bulletin.", True),
        ("© 2024 Nobody", True),
        ("View Original", True),
        ("\\starts with a backslash", True),
        ("Officials said: nothing yet.", False),
        ("764: The Dark Nexus of Two Things", False),
        ("A plain sentence.", False),
        ("Three factors stand out:", False),
    ],
)
def test_paragraphs_escaped_only_when_needed(text: str, escaped: bool) -> None:
    brief = _one_paragraph(text)
    rendered = render_text(brief, defang="off")  # the escaping, not the defanging, is tested
    prefix = "\\" if escaped else ""
    assert rendered == f"T\n\n{prefix}{text}\n"
    assert parse_text(rendered) == brief


def test_lists_beyond_999_items_read_back() -> None:
    items = tuple(item(f"Lead {i}" if i % 2 else "", f"Body {i}.") for i in range(1, 1_201))
    blocks = (ItemList(items=items), para("1201. Not an item: the list has ended."))
    brief = Brief(
        title="T", sections=(Section(kind=K.EVIDENCE, heading="Evidence", blocks=blocks),)
    )
    rendered = render_text(brief)
    assert "\n  1200. Body 1200.\n" in rendered
    assert parse_text(rendered) == brief


@pytest.mark.parametrize(
    ("lead", "body", "line"),
    [
        ("", "Note: this body opens with a word and a colon.", "\\Note: this body opens"),
        ("", "Officials said: no lead-in here.", "Officials said: no lead-in here."),
        ("", "\\backslash first.", "\\\\backslash first."),
        ("", "", "1."),
        (
            "Pipeline Capacity",
            "Throughput: about a million barrels.",
            "Pipeline Capacity: Throughput",
        ),
        ("Timing", "", "Timing:"),
        ("Timing", "\\odd body", "Timing: \\odd body"),
    ],
)
def test_item_bodies_with_colons_survive(lead: str, body: str, line: str) -> None:
    brief = Brief(
        title="T",
        sections=(
            Section(
                kind=K.EVIDENCE,
                heading="Evidence",
                blocks=(
                    ItemList(items=(Item(lead=lead, body=(Text(text=body),) if body else ()),)),
                ),
            ),
        ),
    )
    rendered = render_text(brief)
    assert rendered.split("\n")[4].strip().removeprefix("1. ").startswith(line.removeprefix("1."))
    assert parse_text(rendered) == brief


def test_glossary_items_without_lead_ins_read_back_without_them() -> None:
    # read as text, a list whose items all open "phrase: definition" has lead-ins; a brief
    # whose items have none must not gain them on the way back
    bodies = ("Policy briefing: a short account for a leader.", "Threat briefing: a focused one.")
    items = tuple(Item(body=(Text(text=b),)) for b in bodies)
    brief = Brief(
        title="Briefings",
        sections=(Section(kind=K.OTHER, heading="Kinds", blocks=(ItemList(items=items),)),),
    )
    assert parse_text(render_text(brief)) == brief
    # the control: the same text without the escapes reads the lead-ins
    (block,) = parse_text(render_text(brief).replace("\\", "")).sections[0].blocks
    assert isinstance(block, ItemList)
    assert [i.lead for i in block.items] == ["Policy briefing", "Threat briefing"]


@pytest.mark.parametrize(
    "title",
    ["Summary:", "Previous", "View Original", "\\Backslash Title", "Analysis", "Key Actors:"],
)
def test_titles_that_look_like_structure(title: str) -> None:
    brief = Brief(
        title=title,
        sections=(Section(kind=K.JUDGEMENT, heading="Assessment", blocks=(para("x"),)),),
    )
    assert parse_text(render_text(brief)) == brief


@pytest.mark.parametrize(
    "link",
    [
        BriefLink(title="Next"),
        BriefLink(title="https://example.org/a-title-that-is-a-link"),
        BriefLink(title="\\odd"),
        BriefLink(href="relative.html"),
        BriefLink(title="1. Numbered: Title", href="/a"),
        BriefLink(title="Overview: A Title"),
    ],
)
def test_navigation_titles_that_look_like_structure(link: BriefLink) -> None:
    brief = Brief(title="T", sections=(Section(blocks=(para("x"),)),), prev=link, next=link)
    assert parse_text(render_text(brief)) == brief


def test_registered_as_the_text_format() -> None:
    brief = seed_shaped()
    assert briefkit.render(brief, "text") == render_text(brief)


def _text_expressible(brief: Brief) -> bool:
    """Lead-ins the parser recognises, no two same-kind lists side by side, and no text
    that reads as a note marker (``[1]``) besides the notes themselves."""
    if re.search(r"\[\d{1,3}\]", brief.to_json()):
        return False
    for section in brief.sections:
        previous: object = None
        for block in section.blocks:
            if isinstance(block, ItemList):
                if isinstance(previous, ItemList) and previous.ordered == block.ordered:
                    return False
                for it in block.items:
                    if it.lead and split_lead(f"{it.lead}: {it.text}") != (it.lead, it.text):
                        return False
            previous = block
    return True


@given(briefs(plain=True, kinds_follow_headings=True, media=False))
def test_round_trip_property(brief: Brief) -> None:
    assume(_text_expressible(brief))
    assert parse_text(render_text(brief)) == as_written(brief)


@given(briefs(notes=False))
def test_what_text_reads_back_is_a_fixed_point(brief: Brief) -> None:
    """Whatever plain text cannot express is lost once; what it reads back then round-trips."""
    text = render_text(brief)
    assert text == render_text(strip_formatting(brief))
    parsed = parse_text(text)
    assert parse_text(render_text(parsed)) == parsed


def test_a_short_figure_line_does_not_read_back_as_a_heading() -> None:
    from briefkit import Figure, Section
    from strategies import PNG_DOT

    brief = Brief(
        title="Ports",
        sections=(Section(kind="judgement", blocks=(Figure(src=PNG_DOT, alt="0 AA"),)),),
    )
    parsed = parse_text(render_text(brief))
    (section,) = parsed.sections
    assert section.heading is None
    assert [b.text for b in section.blocks] == ["[Figure: 0 AA]"]
    assert parse_text(render_text(parsed)) == parsed


@pytest.mark.parametrize("title", ["0", "Geopolitical Risk Analysis"])
def test_an_item_that_repeats_the_title_survives_a_round_trip(title: str) -> None:
    # the parser drops the headline repeated under it as a one-item list; the item is escaped
    item = Item(lead="", body=(Text(text=title.lower()),))
    section = Section(kind=SectionKind.OTHER, blocks=(ItemList(ordered=False, items=(item,)),))
    brief = Brief(title=title, sections=(section,))
    assert parse_text(render_text(brief)) == brief
