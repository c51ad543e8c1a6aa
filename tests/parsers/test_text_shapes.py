"""parse_text on the shapes briefs take outside the seed's: headings by form, numbered
section headings, titles under kickers and dates, chrome anywhere, single line breaks,
attribution lines. Each table row is one rule; the corpus tests check them together."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from briefkit import Brief, ItemList, SectionKind, parse_text, render_text
from briefkit.parsers.vocabulary import classify_heading, heading_kind, split_inline_heading
from briefkit.syntax.date_lines import is_date_range
from briefs import kept_text

K = SectionKind


def shape(brief: Brief) -> list[tuple[str, str | None, list[str]]]:
    """Sections as (kind, heading, [block kind + first word])."""
    out = []
    for section in brief.sections:
        blocks = []
        for block in section.blocks:
            if isinstance(block, ItemList):
                blocks.append(("ol" if block.ordered else "ul") + f"x{len(block.items)}")
            else:
                blocks.append(f"{block.type}:{block.text.split()[0] if block.text else ''}")
        out.append((section.kind.value, section.heading, blocks))
    return out


BODY = "The ministry confirmed the order on Monday and said more would follow."


# --- vocabulary ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "kind"),
    [
        ("Key Takeaways", K.JUDGEMENT),
        ("KEY TAKEAWAYS", K.JUDGEMENT),
        ("Key Judgement 1", K.JUDGEMENT),
        ("Key Judgement 1.", K.JUDGEMENT),
        ("Key Judgment 2:", K.JUDGEMENT),
        ("KJ-1", K.JUDGEMENT),
        ("BLUF (Bottom Line Up Front)", K.JUDGEMENT),
        ("Bottom Line Up Front (BLUF)", K.JUDGEMENT),
        ("1. BLUF (Bottom Line Up Front)", K.JUDGEMENT),
        ("Executive Summary", K.OVERVIEW),
        ("The Issue", K.OVERVIEW),
        ("Current Situation", K.OVERVIEW),
        ("Key Findings", K.EVIDENCE),
        ("Detailed Analysis", K.ANALYSIS),
        ("Competing Hypotheses", K.ANALYSIS),
        ("Analysis of Competing Hypotheses", K.ANALYSIS),
        ("Analyst Comment", K.ANALYSIS),
        ("Key Assumptions", K.ANALYSIS),
        ("Possible Effects", K.IMPLICATIONS),
        ("Red Flags", K.OUTLOOK),
        ("Actions to Take", K.RECOMMENDATIONS),
        ("Immediate Actions Required", K.RECOMMENDATIONS),
        ("Advice", K.RECOMMENDATIONS),
        ("Background Information", K.BACKGROUND),
        ("2.3 Background", K.BACKGROUND),
        ("Bibliography", K.SOURCES),
    ],
)
def test_new_labels(label: str, kind: SectionKind) -> None:
    assert classify_heading(label) is kind
    assert heading_kind(label) is kind


@pytest.mark.parametrize(
    ("label", "kind"),
    [
        ("Trend Analysis", K.ANALYSIS),
        ("INTELLIGENCE ANALYSIS", K.ANALYSIS),
        ("Implications and Strategic Risks", K.IMPLICATIONS),
        ("Key Assumptions and Red Flags", K.ANALYSIS),
        ("Recommendations and Outlook", K.RECOMMENDATIONS),
        ("Background Information – Brief Overview", K.BACKGROUND),
        ("Key Takeaways from the Report", K.JUDGEMENT),
        ("Policy Recommendations", K.RECOMMENDATIONS),
        ("Regional Outlook", K.OUTLOOK),
        ("Kinetic and Physical Security Challenges", None),
        ("Regional Reactions", None),
        ("Layer 1: Crime Pattern Analysis", None),  # an inner colon: not built from labels
        ("Sources and methods remain unclear", None),  # a sentence, not a heading
        ("analysis of the vote", None),  # lower case: the parts are not read
    ],
)
def test_headings_classified_by_their_parts(label: str, kind: SectionKind | None) -> None:
    assert heading_kind(label) is kind
    assert classify_heading(label) is None  # only heading_kind reads longer labels


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Key Takeaways: Prices rose.", ("Key Takeaways", "Prices rose.")),
        ("Key Judgement 1: Prices rose.", ("Key Judgement 1", "Prices rose.")),
        ("KJ-2: Prices rose.", ("KJ-2", "Prices rose.")),
        (
            "BLUF (Bottom Line Up Front): Prices rose.",
            ("BLUF (Bottom Line Up Front)", "Prices rose."),
        ),
        ("Source: Reuters", None),  # an attribution, not a sources section
        ("Sources close to the union: nothing", None),
    ],
)
def test_inline_labels(text: str, expected: tuple[str, str] | None) -> None:
    assert split_inline_heading(text) == expected


# --- headings by form and position ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # Title Case, capitals, questions and sentence case, each followed by body text
        (
            f"Kinetic and Physical Security Challenges\n\n{BODY}",
            [("other", "Kinetic and Physical Security Challenges", ["paragraph:The"])],
        ),
        (
            f"INTELLIGENCE ANALYSIS\n\n{BODY}",
            [("analysis", "INTELLIGENCE ANALYSIS", ["paragraph:The"])],
        ),
        (
            f"What Does the Order Change?\n\n{BODY}",
            [("other", "What Does the Order Change?", ["paragraph:The"])],
        ),
        (
            f"A brief history of ransomware\n\n{BODY}",
            [("other", "A brief history of ransomware", ["paragraph:The"])],
        ),
        (f"The Issue\n\n{BODY}", [("overview", "The Issue", ["paragraph:The"])]),
        (f"Current Situation\n{BODY}", [("overview", "Current Situation", ["paragraph:The"])]),
        (
            f"Background Information – Brief Overview\n\n{BODY}",
            [("background", "Background Information – Brief Overview", ["paragraph:The"])],
        ),
        # a heading directly over a list, and one over another heading
        ("Security\n- Haiti. Gangs.\n- Peru. Floods.", [("other", "Security", ["ulx2"])]),
        (
            f"Where It Breaks Down\n\nDeadlines vs. Depth\n\n{BODY}",
            [
                ("other", "Where It Breaks Down", []),
                ("other", "Deadlines vs. Depth", ["paragraph:The"]),
            ],
        ),
        # a heading's form with nothing under it, or only a short line, stays text
        ("Regional Reactions", [("other", None, ["paragraph:Regional"])]),
        (
            "Regional Reactions\n\nStill calm",
            [("other", None, ["paragraph:Regional", "paragraph:Still"])],
        ),
        # a count in front lets a sentence-case heading run to twelve words; without one
        # a line that long is text
        (
            f"10 risks to watch out for in the next two years\n\n{BODY}",
            [("other", "10 risks to watch out for in the next two years", ["paragraph:The"])],
        ),
        (
            f"The risks we will watch out for in the next two years\n\n{BODY}",
            [("other", None, ["paragraph:The", "paragraph:The"])],
        ),
        # sentence case needs prose under it and a blank line above it
        (
            "Stay tuned\n\nShort line",
            [("other", None, ["paragraph:Stay", "paragraph:Short"])],
        ),
        # sentences, "Key: value" lines and titles with numbers are never headings
        (
            f"Threat Level: HIGH\n\n{BODY}",
            [("other", None, ["paragraph:Threat", "paragraph:The"])],
        ),
        (
            f"764: The Dark Nexus of Two Things\n\n{BODY}",
            [("other", None, ["paragraph:764:", "paragraph:The"])],
        ),
        (
            f"Layer 1: Crime Pattern Analysis\n\n{BODY}",
            [("other", "Layer 1: Crime Pattern Analysis", ["paragraph:The"])],
        ),
        # Markdown headings pasted as text, at any level, classified by the vocabulary
        (
            f"# Main Topic\n{BODY}\n## Key Points\n- One point.\n### Outlook ###\n{BODY}",
            [
                ("other", "Main Topic", ["paragraph:The"]),
                ("evidence", "Key Points", ["ulx1"]),
                ("outlook", "Outlook", ["paragraph:The"]),
            ],
        ),
        ("#hashtag line\n\n# 1", [("other", None, ["paragraph:#hashtag", "paragraph:#"])]),
        # a plain question over the first prose with no heading after it is a standfirst;
        # with a heading after it, or in Title Case, it is a heading
        (
            f"What would a week of blackouts mean for your work and family?\n\n{BODY}",
            [("other", None, ["paragraph:What", "paragraph:The"])],
        ),
        (
            f"What would a week of blackouts mean for your work?\n\n{BODY}\n\nWho Pays\n\n{BODY}",
            [
                ("other", "What would a week of blackouts mean for your work?", ["paragraph:The"]),
                ("other", "Who Pays", ["paragraph:The"]),
            ],
        ),
    ],
)
def test_headings_by_form(body: str, expected: list[Any]) -> None:
    assert shape(parse_text(f"Order Expands Export Controls\n\n{body}")) == expected


NUMBERED = (
    "1. BLUF (Bottom Line Up Front)\n\n" + BODY + "\n\n"
    "2. Background\n\n" + BODY + "\n\n"
    "3. Trend Analysis\n\n" + BODY + "\n\n"
    "4. Implications and Strategic Risks\n\n" + BODY + "\n\n"
    "5. Recommendations and Outlook\n\n" + BODY + "\n"
)


def test_numbered_section_headings() -> None:
    brief = parse_text(f"Export Controls Tighten\n\n{NUMBERED}")
    assert [(s.kind, s.heading) for s in brief.sections] == [
        (K.JUDGEMENT, "BLUF (Bottom Line Up Front)"),
        (K.BACKGROUND, "Background"),
        (K.ANALYSIS, "Trend Analysis"),
        (K.IMPLICATIONS, "Implications and Strategic Risks"),
        (K.RECOMMENDATIONS, "Recommendations and Outlook"),
    ]
    assert all(s.text == BODY for s in brief.sections)


@pytest.mark.parametrize(
    "body",
    [
        "1. Rail Traffic\n2. Field Hospitals\n3. Leave Cancelled",  # a list of short items
        "1. Rail Traffic\n\n2. Field Hospitals\n\n3. Leave Cancelled",
        "  1. Rail Traffic\n\n" + BODY,  # indented, as render_text writes items
        "1. Rail traffic rose sharply.\n\n" + BODY,  # a sentence
        "12. A\n\n" + BODY,  # too short to be a heading
        "1. Timing: Three of four.\n\n" + BODY,  # a lead-in and a body
    ],
)
def test_numbered_items_stay_items(body: str) -> None:
    brief = parse_text(f"Export Controls Tighten\n\n{body}")
    assert isinstance(brief.sections[0].blocks[0], ItemList)
    assert brief.sections[0].heading is None


def test_sub_numbered_headings_lose_their_numbers() -> None:
    brief = parse_text(f"T\n\n1. Threat Overview\n\n1.1 Scope and Method\n\n{BODY}")
    assert [(s.kind, s.heading) for s in brief.sections] == [
        (K.OVERVIEW, "Threat Overview"),
        (K.OTHER, "Scope and Method"),
    ]


# --- title selection ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("head", "title", "meta"),
    [
        ("Policy Paper\n\n", "Export Controls Tighten Again", {"category": "Policy Paper"}),
        ("Maritime\n", "Export Controls Tighten Again", {"category": "Maritime"}),
        ("Alert+\n\n", "Export Controls Tighten Again", {"category": "Alert+"}),
        ("March 4, 2024\n\n", "Export Controls Tighten Again", {"published": dt.date(2024, 3, 4)}),
        ("Friday, February 28, 2025\n\n", "Export Controls Tighten Again", {}),
        ("Please enable JavaScript to view this page.\n\n", "Export Controls Tighten Again", {}),
        ("top of page\nSearch\n\n", "Export Controls Tighten Again", {}),
        ("Skip to main content\n\n", "Export Controls Tighten Again", {}),
        (
            "One analyst's notes on the week's events\n\n",
            "Export Controls Tighten Again",
            {},
        ),
        ("Blog > Trade > Export Controls\n\n", "Export Controls Tighten Again", {}),
        ("By Jane Roe\n\n", "Export Controls Tighten Again", {"authors": ("Jane Roe",)}),
        (
            "Export Controls Tighten Again – Ridgeway Insight\n\n",
            "Export Controls Tighten Again",
            {"publisher": "Ridgeway Insight"},
        ),
        ("MERIDIAN WATCH\n\n", "Export Controls Tighten Again", {"publisher": "MERIDIAN WATCH"}),
        ("Full Report\n", "Export Controls Tighten Again", {"category": None}),
        ("8786\nTrade\n\n", "Export Controls Tighten Again", {"category": "Trade"}),
        ("in\n\n", "Export Controls Tighten Again", {"category": None}),
        ("Export Controls Poster\n\n", "Export Controls Tighten Again", {}),
        ("Image by Jane Roe/Agency\n", "Export Controls Tighten Again", {}),
        ("Home / Trade / Policy / Export Controls\n\n", "Export Controls Tighten Again", {}),
        (
            "  • Report\n  • 30 September 2019\n\n",
            "Export Controls Tighten Again",
            {"category": "Report", "published": dt.date(2019, 9, 30)},
        ),
        (
            "• Search Please fill out this field.\n  • Manage Your Subscription\n"
            "  • Sweepstakes\n  • Travel Tips\n\n",
            "Export Controls Tighten Again",
            {"category": None},
        ),
        (
            "2026 Gulf Crisis Tracker\nCC\n\nTrade policy\n\n",
            "Export Controls Tighten Again",
            {"category": "Trade policy"},
        ),
        (
            "Informing traders worldwide — a service provided by the Trade Office\n\n",
            "Export Controls Tighten Again",
            {},
        ),
        (
            "Site Banner of Threat Summaries\n\nDiagram showing how alerts become rules.\n"
            "Featured\n\n",
            "Export Controls Tighten Again",
            {"category": None},
        ),
        ("Back to overview\n\n", "Export Controls Tighten Again", {"category": None}),
        # a tagline, or the piece's own standfirst printed above the headline: kept as the
        # summary, since a sentence is lost otherwise; a skip link with a full stop is chrome
        (
            "Rules need readers.\n\n",
            "Export Controls Tighten Again",
            {"summary": "Rules need readers."},
        ),
        ("Skip navigation.\n\n", "Export Controls Tighten Again", {"summary": None}),
    ],
)
def test_title_skips_what_stands_above_it(head: str, title: str, meta: dict[str, Any]) -> None:
    brief = parse_text(f"{head}{title}\n\n{BODY}")
    assert brief.title == title
    for key, value in meta.items():
        assert getattr(brief, key) == value
    assert brief.sections[0].text == BODY


@pytest.mark.parametrize(
    ("under", "meta"),
    [
        ("March 4, 2024", {"published": dt.date(2024, 3, 4)}),
        ("Mar 21, 2022 - ISW Press", {"published": dt.date(2022, 3, 21), "authors": ("ISW Press",)}),  # noqa: E501
        ("By Jane Roe and Sam Poe", {"authors": ("Jane Roe", "Sam Poe")}),
        ("Published by Matthew Young", {"authors": ("Matthew Young",)}),
        ("Analysts: D. Crystal, J. Roe", {"authors": ("D. Crystal", "J. Roe")}),
        ("4/22/2021\n08:30 AM", {"published": dt.date(2021, 4, 22)}),
        ("Wed, 09/18/2019 - 10:05am\n\nExport Controls Tighten Again\n\nJane Roe and Sam Poe", {
            "published": dt.date(2019, 9, 18), "authors": ("Jane Roe", "Sam Poe")}),
        ("5 min read", {}),
        ("Original release date: September 1, 2020", {"published": dt.date(2020, 9, 1)}),
        ("Date issued: Jul 23, 2013", {"published": dt.date(2013, 7, 23)}),
        ("Newsletter compiled by Jon Munshaw.", {"authors": ("Jon Munshaw",)}),
        ("3 min readNov 5, 2023", {"published": dt.date(2023, 11, 5)}),
        ("Updated: Dec 8, 2020", {"updated": dt.date(2020, 12, 8), "published": None}),
        # a blog's counters after the date, with or without separators
        ("Jun 09, 2026 8 min read 10 views", {"published": dt.date(2026, 6, 9)}),
        ("Nov 5, 2023 · 3 min. read · 1,204 views", {"published": dt.date(2023, 11, 5)}),
        ("February 18, 2008 at 9:52 pm 2 comments", {"published": dt.date(2008, 2, 18)}),
        ("Monday - December 29, 2025", {"published": dt.date(2025, 12, 29)}),
        # a zone in brackets, and the French hour mark
        ("Last updated May 14, 2008 8:00 am (EST)", {
            "updated": dt.datetime(2008, 5, 14, 13, 0, tzinfo=dt.UTC)}),
        ("24 novembre 2022 | 02h35 UTC", {
            "published": dt.datetime(2022, 11, 24, 2, 35, tzinfo=dt.UTC)}),
        # "Published" in Portuguese, Spanish, German and Italian
        ("Publicado em 25 Novembro, 2020", {"published": dt.date(2020, 11, 25)}),
        ("Publicado el 3 de marzo de 2024", {"published": dt.date(2024, 3, 3)}),
        ("Veröffentlicht am 10. April 2025", {"published": dt.date(2025, 4, 10)}),
        ("Pubblicato il 3 marzo 2024", {"published": dt.date(2024, 3, 3)}),
        # a content system's byline with the date of the last change after a dash
        ("by Jane Roe — last modified Jun 12, 2016 08:25 PM", {
            "authors": ("Jane Roe",), "updated": dt.date(2016, 6, 12), "published": None}),
        # a byline between a short line and the next: the short line is the headline
        # (tested below); a label naming the kind of piece after the date is the category
        ("11/18/2022\n\nRisk Management Online Article", {
            "published": dt.date(2022, 11, 18), "category": "Risk Management Online Article"}),
    ],
)  # fmt: skip
def test_dates_and_bylines_under_the_title(under: str, meta: dict[str, Any]) -> None:
    brief = parse_text(f"Export Controls Tighten Again\n\n{under}\n\n{BODY}")
    for key, value in meta.items():
        assert getattr(brief, key) == value
    assert [s.text for s in brief.sections] == [BODY]


def test_a_tagline_under_a_named_site_is_the_summary() -> None:
    """ "Name: tagline" when the site's name is known already: kept as the summary (it was
    dropped), and the headline under it stays the title."""
    brief = parse_text(
        f"MERIDIAN WATCH\nView Original\n\nMeridian: eyes on the gulf trade\n\n"
        f"Export Controls Tighten Again\n\n{BODY}"
    )
    assert (brief.publisher, brief.summary, brief.title) == (
        "MERIDIAN WATCH",
        "Meridian: eyes on the gulf trade",
        "Export Controls Tighten Again",
    )


@pytest.mark.parametrize(
    ("head", "block", "field", "value", "opening"),
    [
        # a tagline read as the summary, a "Description:" under the title: both are kept
        ("Rules need readers.", "Description: A list of the controls.", "summary",
         "A list of the controls.", ["Rules need readers."]),
        ("Policy Paper", "Category: Trade", "category", "Trade", ["Policy Paper"]),
        # the control: the same value twice is said once
        ("Policy Paper", "Category: Policy Paper", "category", "Policy Paper", []),
    ],
)  # fmt: skip
def test_a_field_above_the_title_set_again_under_it_opens_the_body(
    head: str, block: str, field: str, value: str, opening: list[str]
) -> None:
    brief = parse_text(f"{head}\n\nExport Controls Tighten Again\n{block}\n\n{BODY}")
    assert (brief.title, getattr(brief, field)) == ("Export Controls Tighten Again", value)
    assert [b.text for b in brief.sections[0].blocks] == [*opening, BODY]


def test_a_sentence_case_headline_over_a_known_heading() -> None:
    """Not a tagline: the line under it opens a section, so it is the title (this raised)."""
    brief = parse_text(f"Floods cut off the northern towns again\n\nBackground\n\n{BODY}\n")
    assert brief.title == "Floods cut off the northern towns again"
    assert [s.heading for s in brief.sections] == ["Background"]


def test_a_cut_off_description_is_the_only_headline() -> None:
    first = "This unit covers turning analysis into assessments. Learners will e"
    brief = parse_text(f"{first}\nTopic Synopsis\n{BODY}\n")
    assert brief.title == first
    assert [s.heading for s in brief.sections] == ["Topic Synopsis"]


def test_an_authors_role_under_the_byline_is_no_heading() -> None:
    text = (
        f"Export Controls Tighten Again\n\n12 June 2020\n\nSamira Haddad\n\nSenior Fellow\n{BODY}"
    )
    brief = parse_text(text)
    assert brief.authors == ("Samira Haddad",)
    assert [(s.heading, s.text) for s in brief.sections] == [(None, f"Senior Fellow\n{BODY}")]


def test_a_run_in_label_after_a_colon_is_what_the_colon_announces() -> None:
    text = f"Export Controls Tighten Again\n\nThe captain opened with it:\n\nBLUF: {BODY}\n"
    brief = parse_text(text)
    assert [(s.kind, s.heading) for s in brief.sections] == [(K.OTHER, None)]
    alone = parse_text(f"Export Controls Tighten Again\n\nBLUF: {BODY}\n")
    assert [(s.kind, s.heading) for s in alone.sections] == [(K.JUDGEMENT, "BLUF")]


def test_a_second_kicker_is_the_headline_not_dropped() -> None:
    """Two short labels over a headline: the second has no field left, so it is the title
    (it used to vanish); a label naming the kind of piece or a repeated name is furniture."""
    text = f"HomeWeekly Graphic\n\nWeekly Graphic\n\nModernizing the Navy\n\n{BODY}\n"
    brief = parse_text(text)
    assert (brief.title, brief.category) == ("Weekly Graphic", "HomeWeekly Graphic")
    assert brief.sections[0].heading == "Modernizing the Navy"
    typed = parse_text(f"Physical Security\n\nCommentary\n\nGuards Need Better Tools\n\n{BODY}")
    assert (typed.title, typed.category) == ("Guards Need Better Tools", "Physical Security")


def test_a_breadcrumb_ends_in_the_title() -> None:
    text = (
        f"Home / Travel / Safety / State Advisories\n\nState Advisories\n\nDOS Advisories\n\n{BODY}"
    )
    brief = parse_text(text)
    assert (brief.title, brief.category) == ("State Advisories", None)
    assert [s.heading for s in brief.sections] == ["DOS Advisories"]


def test_trails_joined_by_semicolons_under_the_title_are_text() -> None:
    places = "Africa > Malawi; Near East > Morocco; Western Hemisphere > Canada"
    brief = parse_text(f"Security Alert: Threat to Schools\n\n{places}\n\n{BODY}")
    kept = kept_text(brief)
    assert places in kept
    assert BODY in kept
    crumbs = parse_text(f"Security Alert: Threat to Schools\n\nAfrica > Malawi\n\n{BODY}")
    assert [b.text for s in crumbs.sections for b in s.blocks] == [BODY]  # one trail: chrome


def test_the_headline_cut_off_or_run_on_is_dropped() -> None:
    title = "You Must Prepare A Full Threat Assessment And Brief"
    brief = parse_text(f"{title}\n\n{title[:-6]} Briefing Relate\n\n{BODY}")
    assert brief.sections[0].text == BODY
    kept = parse_text(f"{title}\n\nYou Must Prepare Early\n\n{BODY}")
    assert kept.sections[0].heading == "You Must Prepare Early"  # kept, as a heading


def test_an_identifier_line_is_no_heading() -> None:
    text = f"Maritime Security\n\nReport ID: GAO-10-856 September 24, 2010\n\n{BODY}"
    assert [s.heading for s in parse_text(text).sections] == [None]


def test_lines_as_long_as_paragraphs_mean_unwrapped_text() -> None:
    long = " ".join([BODY] * 6)
    text = (
        f"Daily Brief\n{long}\nCritical Watch Points\nDisplacement in the east and the spread "
        "of the rebellion there\nSafety of river transport and repeated boat disasters\n"
    )
    section = parse_text(text).sections[1]
    assert section.heading == "Critical Watch Points"
    assert len(section.blocks) == 2


def test_numbered_steps_are_headings_in_any_case() -> None:
    text = (
        f"Export Controls Tighten Again\n\nStep 1: pick a small source list\n\n{BODY}\n\n"
        f"Step 2: skim first, read second\n\n{BODY}\n"
    )
    assert [s.heading for s in parse_text(text).sections] == [
        "Step 1: pick a small source list",
        "Step 2: skim first, read second",
    ]


def test_photo_credits_and_link_lists_are_no_headings() -> None:
    links = "\n\n".join(
        f"Daily {name}: Ministry Announces New Export Rules" for name in ("Post", "Wire", "Star")
    )
    text = (
        f"Export Controls Tighten Again\n\nDefense Ministry photo\n\n{BODY}\n\n{links}\n\n{BODY}\n"
    )
    brief = parse_text(text)
    assert [s.heading for s in brief.sections] == [None]
    assert len(brief.sections[0].blocks) == 6


def test_reference_codes_and_bare_bullets_are_no_structure() -> None:
    text = f"Export Controls Tighten Again\n\n{BODY}\n\nSC/13205\n\n{BODY}\n-\n- One item\n"
    section = parse_text(text).sections[0]
    assert section.heading is None
    assert [b.text for b in section.blocks[:3]] == [BODY, "SC/13205", BODY]
    assert isinstance(section.blocks[3], ItemList)
    assert [i.text for i in section.blocks[3].items] == ["One item"]


def test_a_colon_ended_item_that_is_no_title_has_no_lead() -> None:
    text = "Export Controls Tighten Again\n\n- Full report – (25 pages) made up of:\n- Key Terms:\n"
    items = parse_text(text).sections[0].blocks[0]
    assert isinstance(items, ItemList)
    assert [(i.lead, i.text) for i in items.items] == [
        ("", "Full report – (25 pages) made up of:"),
        ("Key Terms", ""),
    ]


def test_a_wrapped_line_that_reads_like_weak_chrome_continues() -> None:
    text = (
        "Export Controls Tighten Again\n\nA summary that a reader short of time can read instead "
        "of the\nfull report\n- Next item\n"
    )
    blocks = parse_text(text).sections[0].blocks
    assert blocks[0].text == (
        "A summary that a reader short of time can read instead of the full report"
    )


def test_a_short_headline_over_a_byline_is_no_kicker() -> None:
    brief = parse_text(f"Mapping Strike Scenarios\n\nBy LM Okafor\n\nRail Talks Stall\n\n{BODY}")
    assert (brief.title, brief.authors, brief.category) == (
        "Mapping Strike Scenarios",
        ("LM Okafor",),
        None,
    )


def test_a_written_by_label_over_a_name_is_the_byline() -> None:
    brief = parse_text(f"Export Controls Tighten Again\n\n{BODY}\nWritten by\nLena Marsh\n")
    assert brief.authors == ("Lena Marsh",)
    assert brief.sections[0].text == BODY


def test_nested_bullets_are_items_of_their_own() -> None:
    text = (
        "Export Controls Tighten Again\n\nThe report holds:\n\n  • Title and summary\n"
        "  • Indicators of compromise\n    • Targeted CVEs – flaws used\n"
        "    • Domains – domains used\n  • Affected industries\n"
    )
    blocks = parse_text(text).sections[0].blocks
    assert isinstance(blocks[1], ItemList)
    assert [i.text for i in blocks[1].items] == [
        "Title and summary",
        "Indicators of compromise",
        "Targeted CVEs – flaws used",
        "Domains – domains used",
        "Affected industries",
    ]


def test_a_page_without_a_headline_takes_its_date() -> None:
    text = f"Search\n\nMarch 4, 2024\n\nAFRICA\n\n{BODY}\n\nEUROPE\n\n{BODY}\n"
    brief = parse_text(text)
    assert (brief.title, brief.published) == ("March 4, 2024", dt.date(2024, 3, 4))
    assert [s.heading for s in brief.sections] == ["AFRICA", "EUROPE"]
    # a Title Case line of two words after the date is the headline, though headings follow:
    # only a section label in capitals or of one word tells of a page with no headline
    text = f"March 30, 2022\n\nSupply Chain\n\n{BODY}\n\nAbstract\n\n{BODY}\n"
    brief = parse_text(text)
    assert (brief.title, brief.published) == ("Supply Chain", dt.date(2022, 3, 30))
    assert [s.heading for s in brief.sections] == [None, "Abstract"]


def test_a_short_title_over_a_paragraph_is_the_title() -> None:
    brief = parse_text(f"Iran Update\n\n{BODY}")
    assert (brief.title, brief.category) == ("Iran Update", None)


def test_a_headline_printed_twice_is_the_title_and_every_repeat_is_dropped() -> None:
    title = "Humanitarian Situation Reports"
    twice = parse_text(f"{title}\n\n\n{title}\n\n{BODY}")
    assert (twice.title, twice.category, twice.authors) == (title, None, ())
    assert twice.sections[0].text == BODY
    lead = "With 2024 under way, the forum has released its report"
    thrice = parse_text(f"{title}\n\n{lead}\n\n{title}\n\n{title}\n\n{BODY}")
    assert [s.text for s in thrice.sections] == [f"{lead}\n{BODY}"]
    # control: a different short line over the headline is still its kicker
    kicked = parse_text(f"Maritime\n\n{title}\n\n{BODY}")
    assert (kicked.title, kicked.category) == (title, "Maritime")


REPORTS = "Humanitarian Situation Reports for Somalia"


def test_a_credit_over_the_copyright_line_that_repeats_it_is_chrome() -> None:
    credit = "UNICEF Somalia/2017/Holt"
    under = parse_text(f"{REPORTS}\n\n{credit}\n© {credit}\n\n{BODY}")
    assert (under.authors, under.sections[0].text) == ((), BODY)
    body = parse_text(f"{REPORTS}\n\n{BODY}\n\n{credit}\n© {credit}\n\nMore text.")
    assert body.sections[0].text == f"{BODY}\nMore text."
    # control: the same line without the copyright line under it is content
    alone = parse_text(f"{REPORTS}\n\n{BODY}\n\n{credit}\n\nMore text.")
    assert any(credit in f"{s.heading} {s.text}" for s in alone.sections)


def test_a_link_to_a_document_is_no_heading() -> None:
    listed = "\n\n  • Cholera cases rose.\n  • Admissions doubled.\n"
    linked = parse_text(f"{REPORTS}\n\nSitrep 2/2017: 1 to 15 March 2017 [PDF]{listed}")
    assert [s.heading for s in linked.sections] == [None]
    pdf = parse_text(f"{REPORTS}\n\nMarch Highlights (PDF, 2 MB){listed}")
    assert [s.heading for s in pdf.sections] == [None]
    # control: the same line without the file type heads the list
    headed = parse_text(f"{REPORTS}\n\nSitrep Highlights{listed}")
    assert [s.heading for s in headed.sections] == ["Sitrep Highlights"]


def test_a_wiki_heading_loses_its_edit_link() -> None:
    text = (
        f"Intelligence assessment\n\n{BODY}\n\nOverview[edit]\n\n{BODY}\n\nProcess [edit]\n\n{BODY}"
    )
    brief = parse_text(text)
    assert [(s.kind, s.heading) for s in brief.sections] == [
        (K.OTHER, None),
        (K.OVERVIEW, "Overview"),
        (K.OTHER, "Process"),
    ]
    # control: a line that is no heading keeps the bracket, and so does an item
    kept = parse_text(f"T\n\n{BODY}\n\nsee the talk page [edit]\n\n- Scope [edit]\n")
    assert "see the talk page [edit]" in kept.sections[0].text
    assert kept.sections[0].blocks[-1].items[0].text == "Scope [edit]"  # type: ignore[union-attr]


def test_a_sentence_in_quotes_ends_before_a_pasted_heading() -> None:
    quote = "“Leaders must act on the crises in front of them,” she said. “They must act now.”"
    text = f"T\n{BODY}\n{quote}\nEconomic uncertainty and decline\n{BODY}\nPlanet in Peril\n{BODY}"
    heads = [s.heading for s in parse_text(text).sections]
    assert heads == [None, "Economic uncertainty and decline", "Planet in Peril"]
    # control: after a line that ends in a word, the sentence-case line is no heading
    open_end = f"T\n{BODY}\nas the minister put it\nEconomic uncertainty and decline\n{BODY}"
    assert [s.heading for s in parse_text(open_end).sections] == [None]


def test_text_broken_after_a_link_continues_its_paragraph() -> None:
    text = (
        "T\nWorld leaders met to discuss the threat that a new technology poses to us all\n"
        ", which we looked at in our weekly essay.\nPlease consider following us on X (Twitter)\n"
        "and Instagram\n.\nThe next paragraph starts here.\n"
    )
    paragraphs = [b.text for b in parse_text(text).sections[0].blocks]
    assert paragraphs == [
        "World leaders met to discuss the threat that a new technology poses to us all"
        " , which we looked at in our weekly essay.",
        "Please consider following us on X (Twitter) and Instagram",
        "The next paragraph starts here.",
    ]
    # control: a capitalised line after a bracket still starts a paragraph of pasted text
    pasted = parse_text(f"T\n{BODY}\nShe cited the figures (in full)\nThe next one starts here.\n")
    assert any(b.text == "The next one starts here." for s in pasted.sections for b in s.blocks)


def test_a_breadcrumb_over_the_body_ends_in_the_title() -> None:
    brief = parse_text(f"// . //  Insights //  The Global Risks Report 2024\n\n{BODY}")
    assert (brief.title, brief.sections[0].text) == ("The Global Risks Report 2024", BODY)
    # control: a trail over a headline leaves the headline the title
    over = parse_text(f"Blog // Trade // Export Controls\n\nExport Controls Tighten\n\n{BODY}")
    assert over.title == "Export Controls Tighten"


def test_a_sentence_case_heading_over_headings() -> None:
    text = (
        f"T\n\n{BODY}\n\nFive risks to watch next year\n\nThe impact of misinformation\n\n"
        f"{BODY}\n\nThe cost of extreme weather\n\n{BODY}"
    )
    assert shape(parse_text(text)) == [
        ("other", None, ["paragraph:The"]),
        ("other", "Five risks to watch next year", []),
        ("other", "The impact of misinformation", ["paragraph:The"]),
        ("other", "The cost of extreme weather", ["paragraph:The"]),
    ]
    # control: a sentence-case line over a short line is still text ("Stay tuned" above)
    assert [s.heading for s in parse_text(f"T\n\n{BODY}\n\nStay tuned\n\nFin").sections] == [None]


@pytest.mark.parametrize(
    ("line", "heading"),
    [
        ("The Week in Review: Africa's underreported conflicts", True),
        ("Presentation Alert for Citizens: What You need to Know", True),
        ("Figure 2: Risk heat map 5x5", False),  # a caption's label and number
        ("Layer 1: crime near the venue", False),  # a numbered label: only a Title Case tail
        ("Officials said: the talks will go on", False),
        ("Threat Level: HIGH", False),
    ],
)
def test_a_colon_heading_with_a_sentence_case_tail(line: str, heading: bool) -> None:
    pasted = f"T\n{BODY}\n{line}\nCo-authored with Oscar Martin.\n{BODY}\n"
    assert ([s.heading for s in parse_text(pasted).sections][-1] == line) is heading


def test_a_divider_parts_a_sign_off_from_the_next_heading() -> None:
    text = (
        f"T\n\n{BODY}\n\nAll the best\n\nDamien\n\n\n—---------\n\nGlobal\n\n  • Climate: talks.\n"
    )
    assert [s.heading for s in parse_text(text).sections] == [None, "Global"]
    # control: without the divider the three short lines are a list of links, no headings
    links = f"T\n\n{BODY}\n\nAll the best\n\nDamien\n\nGlobal\n\n{BODY}\n"
    assert [s.heading for s in parse_text(links).sections] == [None]


def test_an_outline_numbered_again_under_an_item_is_items_of_its_own() -> None:
    text = (
        "T\n\n  1. GLOBAL THREATS\n    1. CYBER\n      1. Strategic Outlook\n    2. Actors\n"
        "  2. TERRORISM\n"
    )
    items = parse_text(text).sections[0].blocks[0].items  # type: ignore[union-attr]
    assert [i.text for i in items] == [
        "GLOBAL THREATS",
        "CYBER",
        "Strategic Outlook",
        "Actors",
        "TERRORISM",
    ]
    # control: an indented line under an item that is no numbered entry continues it
    wrapped = parse_text("T\n\n  1. Costs rose in\n     2024. the year after\n")
    assert [i.text for i in wrapped.sections[0].blocks[0].items] == [
        "Costs rose in 2024. the year after"
    ]  # type: ignore[union-attr]


def test_a_masthead_tagline_and_a_section_label_over_a_trail_are_furniture() -> None:
    text = (
        "NORTHWATCH\nINTELLIGENCE FOR DECISION MAKERS\n\nThreat Assessment\n\nNEWS\n"
        "Pxk > 274\nNN\n\nNews Network\n\nApril 12, 2026 • 6 min Read\n\nT\n\n"
        f"The Threat Picture\n\n{BODY}\n"
    )
    brief = parse_text(text)
    assert (brief.title, brief.publisher, brief.category) == (
        "Threat Assessment",
        "NORTHWATCH",
        "NEWS",
    )
    assert (brief.authors, brief.published) == (("News Network",), dt.date(2026, 4, 12))
    assert shape(brief) == [("other", "The Threat Picture", ["paragraph:The"])]
    # controls: a capitals line under the name with no title-like line after it is the
    # title, and a short label over a headline (no trail under it) is still its kicker
    caps = parse_text(f"NORTHWATCH\nINTELLIGENCE FOR DECISION MAKERS\n\n{BODY}")
    assert caps.title == "INTELLIGENCE FOR DECISION MAKERS"
    kicked = parse_text(f"Threat Assessment\n\nNEWS\n\n{BODY}")
    assert (kicked.title, kicked.category) == ("NEWS", "Threat Assessment")


def test_a_drop_cap_over_its_text_is_chrome() -> None:
    brief = parse_text(f"Export Controls Tighten Again\n\nT\n\n{BODY}")
    assert brief.sections[0].text == BODY
    # control: a letter over text that starts otherwise is kept (an option, a label)
    kept = parse_text(f"Export Controls Tighten Again\n\n{BODY}\n\nB\n\nA second line.")
    assert "B" in kept.sections[0].text.split("\n")


def test_a_contents_label_over_a_list_is_chrome() -> None:
    listed = parse_text(f"T\n\n{BODY}\n\nCONTENTS\n\n  1. GLOBAL THREATS\n  2. TERRORISM\n")
    assert "CONTENTS" not in listed.sections[0].text
    # control: "Contents" alone is a word the brief may use
    alone = parse_text(f"T\n\n{BODY}\n\nContents\n\nMore text here.\n")
    assert "Contents" in alone.sections[0].text


def test_a_date_line_is_a_line_of_its_own() -> None:
    pasted = f"T\n{BODY}\nAA22-076A: Securing Satellite Networks\ndate: March 17, 2022\nSummary\n"
    brief = parse_text(pasted + "Actions to Take Today:\n• Review trust relationships.\n")
    assert [s.heading for s in brief.sections] == [
        None,
        "AA22-076A: Securing Satellite Networks",
        "Summary",
    ]
    assert brief.sections[1].text == "date: March 17, 2022"
    # control: a hard-wrapped line that ends in a date still continues its paragraph
    wrapped = (
        "T\n\nThe ministers met in the capital on Monday and agreed that the talks would go on\n"
        "until the treaty was signed, which the envoys expect by\nJune 20, 2026\n"
    )
    assert len(parse_text(wrapped).sections[0].blocks) == 1


@pytest.mark.parametrize(
    ("line", "span"),
    [
        ("5-11 July 2020", True),
        ("1 to 15 March 2017", True),
        ("28 June – 4 July 2020", True),
        ("March 1-7, 2024", True),
        ("June 20, 2006", False),  # one date: the brief's date, read as before
        ("2-3 weeks 2020", False),
        ("Sitrep 2/2017: 1 to 15 March 2017", False),
    ],
)
def test_a_span_of_dates_is_text_under_a_heading(line: str, span: bool) -> None:
    assert is_date_range(line) is span
    if span:
        brief = parse_text(f"T\n\n{BODY}\n\nRegional Overview: South Asia\n{line}\n\n{BODY}\n")
        assert [s.heading for s in brief.sections] == [None, "Regional Overview: South Asia"]
        assert brief.sections[1].blocks[0].text == line
        assert brief.published is None
        # and under the title it stays text, no publication date
        top = parse_text(f"Regional Overview: Europe\n{line}\n\n{BODY}\n")
        assert (top.published, top.sections[0].blocks[0].text) == (None, line)


def test_a_headline_variant_after_prose_is_an_entry_heading() -> None:
    entries = (
        "Regional Overview: Central America\n5-11 July 2020\n\n" + BODY + "\n\n"
        "Regional Overview: Southeast Asia\n5-11 July 2020\n\n" + BODY + "\n\n"
        "Regional Overview: Europe\n5-11 July 2020\n\n" + BODY + "\n"
    )
    brief = parse_text(entries)
    assert [s.heading for s in brief.sections] == [
        None,
        "Regional Overview: Southeast Asia",
        "Regional Overview: Europe",  # one word after the colon, on its siblings' pattern
    ]
    # control: variants stacked under the headline before any prose stay text
    stacked = parse_text(
        "Geopolitical Risk: Planning Ahead\n\nGeopolitical Risk: Managing Exposure\n\n"
        f"October 8, 2024\n\n{BODY}\n"
    )
    assert [s.heading for s in stacked.sections] == [None]
    # control: a one-word tail with no sibling heading is no heading
    alone = parse_text(f"T\n\n{BODY}\n\nRegional Overview: Europe\n\n{BODY}\n")
    assert [s.heading for s in alone.sections] == [None]


def test_a_headline_over_its_fields_heads_an_entry() -> None:
    region = (
        "Ones to watch\n\nAmericas: increased risk of unrest as the country votes\n"
        "Sectors: all\nKey Risks: civil unrest; electoral violence\n\n" + BODY + "\n"
    )
    brief = parse_text(region)
    assert [s.heading for s in brief.sections] == [
        "Americas: increased risk of unrest as the country votes"
    ]
    assert brief.sections[0].blocks[0].text == "Sectors: all"
    spaced = parse_text(
        "Recent Incidents\n\nHijacked - UKMTO-IO #8\n\nDate: 13th March 2017\n\n"
        f"Location: Lat 12.03, Long 51.45\n\nRef: {BODY} {BODY}\n\nAdvisory - UKMTO-IO #7\n\n"
        f"Date: 10th March 2017\n\nLocation: Lat 13.30, Long 43.26\n\nRef: {BODY} {BODY}\n"
    )
    assert spaced.title == "Recent Incidents"  # over a listing's first entry: not a kicker
    assert [s.heading for s in spaced.sections] == [
        "Hijacked - UKMTO-IO #8",
        "Advisory - UKMTO-IO #7",
    ]
    assert (spaced.published, spaced.category) == (None, None)
    # controls: the same colon line over prose alone stays text, and a Title Case line
    # tight over fields is the first row of a details block
    note = parse_text(f"T\n\n{BODY}\n\nNote: the office closes early on Fridays\n\n{BODY}\n")
    assert [s.heading for s in note.sections] == [None]
    details = parse_text(
        f"T\n\nReport Details\n\nInitial Publish Date\nLast Updated: 9 NOV 2025\n"
        f"Authors: GRT\n\n{BODY}\n"
    )
    assert "Initial Publish Date" not in [s.heading for s in details.sections]
    kicked = parse_text(f"Maritime\n\nShipping Attacks Rise\n\n{BODY}\n\nWhat Comes Next\n\n{BODY}")
    assert (kicked.title, kicked.category) == ("Shipping Attacks Rise", "Maritime")


def test_a_line_over_a_listing_counter_is_the_title() -> None:
    listing = (
        "Latest Updates\n\nDisplaying 31 - 40 of 611 articles\nBriefing / Africa\n\n"
        f"Chad’s Transition: Easing Tensions Online\n\n{BODY}\n\nAlso available in Français\n"
    )
    brief = parse_text(listing)
    assert (brief.title, brief.category) == ("Latest Updates", None)
    assert [s.heading for s in brief.sections] == ["Chad’s Transition: Easing Tensions Online"]
    assert brief.sections[0].text == BODY
    # controls: a piece type over a plain word, or a translation note in lower case, is text
    kept = parse_text(f"T\n\n{BODY}\n\nBriefing / notes\n\nAlso available in paperback\n")
    assert "Briefing / notes" in kept.sections[0].text
    assert "Also available in paperback" in kept.sections[0].text


def test_datelines_and_chart_titles_are_no_headings() -> None:
    text = (
        "Morocco -- Concluding Statement\n\nJune 20, 2006\n\nRabat, June 20, 2006\n\n"
        f"1. {BODY}\n\nReal GDP Growth and Real Per Capita Income, 1990-2005\n\n"
        f"Unemployment Rate, 2000-2006\n\n2. {BODY}\n"
    )
    brief = parse_text(text)
    assert [s.heading for s in brief.sections] == [None]
    assert "Rabat, June 20, 2006" in brief.sections[0].text
    assert "Unemployment Rate, 2000-2006" in brief.sections[0].text
    # control: a heading with a year in it but no comma before it is a heading
    dated = parse_text(f"T\n\n{BODY}\n\nOutlook for 2026\n\n{BODY}\n")
    assert [s.heading for s in dated.sections] == [None, "Outlook for 2026"]


def test_a_reference_field_opens_no_sources_section() -> None:
    text = f"T\n\nReference: Advisory 002/MAR/2017 {BODY}\n\nReferences: [1] A report.\n"
    brief = parse_text(text)
    assert [(s.kind, s.heading) for s in brief.sections] == [
        (K.OTHER, None),
        (K.SOURCES, "References"),
    ]
    assert brief.sections[0].text.startswith("Reference: Advisory 002/MAR/2017")


# --- chrome anywhere, judged on whole lines ------------------------------------------------------


CHROME = [
    "Share",
    "Share this article",
    "Post a Comment",
    "No comments:",
    "Please enter your comment!",
    "READ FULL REPORT",
    "Available Downloads",
    "Table of Contents",
    "Download now",
    "Find Out More",
    "Subscribe",
    "© 2024 Harbourline Analysis. All rights reserved.",
    "Showing posts with label BLUF. Show all posts",
    "NorthWatch Logo",
    "800px Coast Guard Watch Floor",
    "Please enable JavaScript to continue.",
    "You can also highlight the text and press Ctrl + Enter",
    "Previous | Next",
    "Back to overview",
    "Download full report here",
    "23 views0 comments",
    "Share section",
    "Downloads",
    "← Back to Conflict intelligence",
    "This entry was posted in . Bookmark the permalink.",
    "Click link to Download",
    "Download the latest Situation report",
    "DOWNLOAD PDF FILE",
    "Report DMCA / Copyright",
    "Table of contents :",
    "From Wikipedia, the free encyclopedia",
    "From Food & Medicine Encyclopedia",
    "Prefer YouTube?",
    "Prefer to listen?",
    "Displaying 31 - 40 of 611 articles",
    "Showing 1–12 of 40 results",
    "Page 56 of 59",
    "Found 176 Results",
    "Displaying 1-20 out of 223",
    "Back to Category List",
    "Also available in Français",
    "Also available in Burmese, 简体中文",
    "Briefing / Africa",
    "Op-Ed / Europe & Central Asia",
    "Was this information helpful?",
    "Is this page useful?",
    "Thanks for your feedback!",
    "Tell us why this information was helpful and we’ll work on making more pages like it",
    "Date modified:",
    "Last reviewed:",
    "Click here for a PDF version of this report.",
    "Download a printable version",
    "UNITED24 - Make a charitable donation in support of Ukraine!",
    "Donate now",
    "a day ago",
    "3 hours ago",
    "Your web browser is no longer supported.",
    "number one green circle icon",
    "Image: Image by Tobias Hämmer from Pixabay",
    "Photo by Jane Roe on Unsplash",
    "Login Register Subscribe",
    "1 hour 28 min ago",
    "Updated: 46 min 9 sec ago",
    "Syndicate content",
    "This page has been validated.",
    "Text Size",
    "Log in to access this content.",
    "Not a subscriber? Sign up for 30 days free access to our reporting.",
    "You may also be interested in",
    # a news photo's credit, in brackets or after a label
    "(Chris Jackson/Getty Images)",
    "(CLARENS SIFFROY/AFP via Getty Images)",
    "(Andy Buchanan - WPA Pool/Getty Images)",
    "Photo: Jane Roe/Reuters",
    # a share plugin's buttons and label, a printer link
    "Click to Tweet.",
    "Click to send to Facebook.",
    "Click to share on X (Opens in new window)",
    "Share with your friends",
    "Printer Friendly",
    # a member wall and a paywall's buttons
    "Please Login to view this content. (Not a member? Join Today!)",
    "You do not have permission to view the comments.",
    "Keep Reading",
    "Register Now",
    "Proceed to sign up",
    # a feed's mail box
    "Enter your email address to get updated when we have new posts on the site:",
    "Delivered by FeedBurner",
    # the same credits without brackets, the agency's copyright, a credit's label
    "Leon Neal/Getty Images",
    "Copyright Reuters",
    "Credit to: Antony Velikagathu / Shutterstock.com",
    "Crédito de la imagen: FAO",
    # a document host's viewer, Substack's box, a news site's player and search box
    "Page 2: MAKING RESEARCH MATTER: CREATING POLICY BRIEFS",
    "Citation preview",
    "Embed Size (px)",
    "Discover more from Törésvonalak",
    "Subscribe now to keep reading and get access to the full archive.",
    "Listen to this article",
    "Hi, what are you looking for?",
    "Search this site",
    "Icon representing CYPnaval Conference - October 2nd - Cyprus",
    # back links and a listing's links
    "<< Back to Listing",
    "Back to main Blog",
    "Zurück zur Übersicht",
    "See all publications",
    "Enviar a un amigo",
    # a blog theme's archive header
    "Tag Archives: elections",
    "Category Archives: Analysis",
    # a share button in other languages, a spinner, a template's comment
    "Partilhar",
    "Teilen",
    "Loading",
    "/* */",
]

#: Lines that open like the chrome above but say something: content.
LIKE_CHROME = [
    "Was this information helpful to the investigators? Officials would not say.",
    "Thanks for your feedback on the draft, the minister told the committee.",
    "Date modified: 12 May 2023",
    "A PDF version of this report reached the committee a day early.",
    "Donate blood at the clinic on Friday, the health office urged residents.",
    "Two days ago the ministry closed the border crossing.",
    "Your browser is not supported by the bank's app, customers said.",
    "Click the gear icon to open the settings.",
    "Photos by the agency from the border show the damage.",
    "Register and subscribe to the alerts, the council urged residents.",
    "An hour ago the convoy crossed the river.",
    "Text size limits apply to every submission, the agency said.",
    "Not a subscriber to the theory, the minister signed up anyway.",
    # an aside in brackets naming an agency is no credit without a credit's slash or "via"
    "(The figures were later confirmed by AP and Reuters.)",
    "(Reporting by Jane Roe for Reuters)",
    "Click to see the map, the ministry told residents.",
    "Please log in to the portal before Friday, the agency wrote to claimants.",
    "Page 3: the ministry's figures show a fall in every region.",
    "Listen to this article's claims with care, the regulator warned.",
]


@pytest.mark.parametrize("line", LIKE_CHROME)
def test_lines_that_open_like_chrome_are_content(line: str) -> None:
    brief = parse_text(f"Export Controls Tighten Again\n\n{BODY}\n\n{line}\n\nMore text here.\n")
    assert line in [b.text for s in brief.sections for b in s.blocks]


def test_a_browser_notice_run_into_the_first_paragraph_is_dropped() -> None:
    notice = "Your web browser is no longer supported. To improve your experience update it here"
    brief = parse_text(f"Travel Advice Update\n\n{notice} {BODY}\n")
    assert [b.text for s in brief.sections for b in s.blocks] == [BODY]
    # only a notice at the start of a line is cut: one quoted in a sentence stays
    kept = f"Staff saw the message '{notice}' on older phones."
    brief = parse_text(f"Travel Advice Update\n\n{kept}\n\n{BODY}\n")
    assert next(b.text for s in brief.sections for b in s.blocks) == kept


@pytest.mark.parametrize("line", CHROME)
def test_chrome_is_dropped_anywhere(line: str) -> None:
    text = (
        f"Export Controls Tighten Again\n\n{BODY}\n\n{line}\n\nA second paragraph follows here.\n"
    )
    brief = parse_text(text)
    assert [b.text for s in brief.sections for b in s.blocks] == [
        BODY,
        "A second paragraph follows here.",
    ]


def test_weak_chrome_needs_company() -> None:
    alone = parse_text(f"T\n\n{BODY}\n\nSearch\n\nTwitter\n\nMore text here.")
    assert "Search" in alone.sections[0].text
    grouped = parse_text(f"T\n\n{BODY}\n\nConnect Directly\nTwitter\nLinkedIn\nRSS\n\nMore text.")
    assert grouped.sections[0].text == f"{BODY}\nMore text."


def test_a_user_name_is_chrome_only_beside_chrome() -> None:
    upload = parse_text(f"T\n\n{BODY}\n\nhalvorsen88\nBrief.pdf\nDownload\n\nMore text here.")
    assert upload.sections[0].text == f"{BODY}\nMore text here."
    alone = parse_text(f"T\n\n{BODY}\n\nhalvorsen88\n\nMore text here.")
    assert "halvorsen88" in alone.sections[0].text


def test_indicator_shaped_lines_are_content() -> None:
    """File names and identifiers alone on their lines are what a threat brief reports."""
    lines = ["Invoice_0423.docx", "shipping-manifest.xlsx", "3f2b8c1e-9a7d-4e2b-8c1f-2a3b4c5d6e7f"]
    listed = "\n\n".join(lines)
    brief = parse_text(f"T\n\n{BODY}\n\nThe attachments seen:\n\n{listed}\n\nMore text here.")
    text = brief.sections[0].text
    assert all(line in text for line in lines), text
    beside = parse_text(f"T\n\n{BODY}\n\nBrief.pdf\nDownload\n\nMore text here.")
    assert beside.sections[0].text == f"{BODY}\nMore text here."


def test_teasers_and_related_boxes() -> None:
    text = (
        "T\n\nDiscover How We Are Different\nFind Out More\n\n"
        f"{BODY}\n\nRelated Content:\n\nWhy Teams Miss Warnings\n\nCan a Badge Be Secure?\n\n"
        "The last paragraph of the brief.\n"
    )
    assert parse_text(text).sections[0].text == f"{BODY}\nThe last paragraph of the brief."


# --- single line breaks ------------------------------------------------------------------------


def test_single_line_breaks_separate_pasted_paragraphs() -> None:
    one = "The first paragraph of a pasted page runs on for well over a hundred characters, as a copied paragraph does."  # noqa: E501
    text = f"T\n{one}\nSecond paragraph.\nKinetic Challenges\n{one}\nThird paragraph."
    assert shape(parse_text(text)) == [
        ("other", None, ["paragraph:The", "paragraph:Second"]),
        ("other", "Kinetic Challenges", ["paragraph:The", "paragraph:Third"]),
    ]


def test_hard_wrapped_paragraphs_still_join() -> None:
    text = (
        "T\n\nExports fell sharply in the third quarter as demand in Europe weakened\n"
        "and the currency rose. Officials expect a recovery next year, though the\n"
        "Central Bank warned that risks remain.\n"
    )
    brief = parse_text(text)
    assert len(brief.sections[0].blocks) == 1
    assert brief.sections[0].text.endswith("risks remain.")


# --- attribution lines -------------------------------------------------------------------------


def test_source_line_does_not_open_a_sources_section() -> None:
    text = f"T\n\nAnalysis:\n\n{BODY}\n\nSource: Reuters\n\n{BODY}\n\nOutlook:\n\nMore.\n"
    brief = parse_text(text)
    assert [(s.kind, s.heading) for s in brief.sections] == [
        (K.ANALYSIS, "Analysis"),
        (K.OUTLOOK, "Outlook"),
    ]
    assert "Source: Reuters" in brief.sections[0].text


@pytest.mark.parametrize(
    ("line", "field", "value"),
    [
        ("Authors: Mila Hart, Dan Orr, and Tom Ryle.", "authors", ("Mila Hart", "Dan Orr", "Tom Ryle")),  # noqa: E501
        ("By Jane Roe", "authors", ("Jane Roe",)),
        ("Originally published by Foreign Affairs", "publisher", "Foreign Affairs"),
    ],
)  # fmt: skip
def test_attribution_lines_become_metadata(line: str, field: str, value: object) -> None:
    brief = parse_text(f"T\n\n{BODY}\n\n{line}\n")
    assert getattr(brief, field) == value
    assert brief.sections[0].text == BODY


@pytest.mark.parametrize(
    "line",
    ["Confidence level: Moderate", "Source: Reuters", "Source: https://example.org/original"],
)
def test_attributions_without_a_field_stay_text(line: str) -> None:
    brief = parse_text(f"T\n\n{BODY}\n\n{line}\n")
    assert brief.url is None
    assert brief.sections[0].text == f"{BODY}\n{line}"


def test_source_link_under_the_title_is_the_url() -> None:
    brief = parse_text(f"T\nSource: https://example.org/original\n\n{BODY}\n")
    assert brief.url == "https://example.org/original"


# --- what text written by render_text keeps ---------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Share",
        "March 4, 2024",
        "By Jane Roe",
        "Authors: Jane Roe",
        "Kinetic and Physical Security Challenges",
        "Category",
        "08:30",
        "Search",
        "# Main Topic",
        "Full Report",
        "Overview[edit]",
        "Contents",
        "by Jane Roe — last modified Jun 12, 2016 08:25 PM",
        "0 > 0",  # a breadcrumb trail's form (found by the round-trip property)
        "Home / Travel / Safety / Advice",
        "Displaying 31 - 40 of 611 articles",
        "Briefing / Africa",
        "a day ago",
        "number one green circle icon",
        "Your web browser is no longer supported. The storm closed the port on Monday.",
        "Summary This joint advisory sets out ways to uncover malicious activity.",
        "Original release date: September 1, 2020",
        "Newsletter compiled by Jon Munshaw.",
        "Advisory: Be Aware!",
        "Image: Image by Tobias Hämmer from Pixabay",
    ],
)
def test_rendered_paragraphs_that_look_like_furniture_read_back(text: str) -> None:
    from briefkit import Paragraph, Section, Text

    brief = Brief(
        title="Export Controls",
        sections=(Section(blocks=(Paragraph(content=(Text(text=text),)),)),),
    )
    rendered = render_text(brief)
    assert f"\\{text}" in rendered
    assert parse_text(rendered) == brief


@pytest.mark.parametrize("title", ["Maritime", "March 4, 2024", "Share", "By Jane Roe", "Iran"])
def test_rendered_titles_that_look_like_furniture_read_back(title: str) -> None:
    from briefkit import Paragraph, Section, Text

    brief = Brief(
        title=title,
        sections=(Section(blocks=(Paragraph(content=(Text(text="Export Controls Tighten"),)),)),),
    )
    assert parse_text(render_text(brief)) == brief


def test_a_time_in_a_named_zone_is_kept_in_utc() -> None:
    dated = parse_text(f"Understanding Alerts\n\nJune 18, 2025 at 06:35 AM EDT\n\n{BODY}")
    assert dated.published is not None
    assert dated.published.isoformat() == "2025-06-18T10:35:00+00:00"
    local = parse_text(f"Understanding Alerts\n\nJune 18, 2025 at 06:35 AM\n\n{BODY}")
    assert local.published is not None
    assert local.published.isoformat() == "2025-06-18"  # no zone: the local time is not kept


def test_release_and_compiled_by_lines_that_say_more_are_text() -> None:
    for line in (
        "Released on bail on March 3, 2020, the suspect left the country.",
        "Figures compiled by the agency show a rise in attacks.",
    ):
        brief = parse_text(f"Export Controls Tighten Again\n\n{line}\n\n{BODY}")
        assert (brief.published, brief.authors) == (None, ())
        assert line in brief.sections[0].text


def test_a_line_cut_off_after_and_is_no_heading() -> None:
    text = f"Key Takeaways\n\nCollect for analysis:\n\nRelevant artifacts,\n\nLogs, and\n\n\n{BODY}"
    brief = parse_text(f"Incident Response Playbook\n\n{text}")
    assert [s.heading for s in brief.sections] == ["Key Takeaways"]
    assert "Logs, and" in brief.sections[0].text
    # a heading with "and" inside it is still one
    inner = parse_text(f"Incident Response Playbook\n\n{BODY}\n\nLaw and Order\n\n{BODY}")
    assert [s.heading for s in inner.sections] == [None, "Law and Order"]


RUN_IN_REST = "This joint advisory sets out technical approaches to uncovering malicious activity."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"Summary {RUN_IN_REST}", ("Summary", RUN_IN_REST)),
        (f"Key Judgements {RUN_IN_REST}", ("Key Judgements", RUN_IN_REST)),
        (f"Technical Details {RUN_IN_REST}", ("Technical Details", RUN_IN_REST)),
        # controls: a sentence that opens with a label's word, a proper name, a short rest
        ("Summary judgments were entered in both cases last week by the court.", None),
        ("Background checks found nothing unusual in the records of the firm.", None),
        (f"United States {RUN_IN_REST}", None),
        ("Summary This is it.", None),
        (f"Details {RUN_IN_REST}", None),  # one word that is no known label
    ],
)
def test_a_heading_run_into_its_paragraph_without_a_colon(
    text: str, expected: tuple[str, str] | None
) -> None:
    brief = parse_text(f"Incident Response Playbook\n\n{BODY}\n\n{text}")
    if expected is None:
        assert [s.heading for s in brief.sections] == [None]
        assert text in brief.sections[0].text
    else:
        assert [(s.heading, s.text) for s in brief.sections[1:]] == [expected]
        assert parse_text(render_text(brief)) == brief


def test_bulleted_fields_under_the_title_are_no_post_header() -> None:
    fields = "  • Reference Number: 3088\n  • Date released: 12 May 2011"
    brief = parse_text(f"Public Appeal for Information\n\n{fields}\n\nRequest\n\n{BODY}")
    assert (brief.published, brief.authors) == (None, ())
    first = brief.sections[0].blocks[0]
    assert isinstance(first, ItemList)
    assert [(i.lead, i.text) for i in first.items] == [
        ("Reference Number", "3088"),
        ("Date released", "12 May 2011"),
    ]
    # a post's header of a name and a date under the title is still read
    header = parse_text(f"Public Appeal for Information\n\n- Ops Team\n- Mar 6, 2020\n\n{BODY}")
    assert (header.published, header.authors) == (dt.date(2020, 3, 6), ("Ops Team",))


def test_numbered_items_each_over_a_quote_take_the_quote() -> None:
    items = (
        "1. Ransomware is a persistent threat.\n“Cybercrime remains the likeliest threat.”\n"
        "2. Critical infrastructure is at risk.\n“Criminals target its downtime.”\n"
    )
    intro = "The assessment names its key judgements, which it sets out as follows:"
    brief = parse_text(f"Threat Assessment Summary\n\n{intro}\n{items}")
    lists = [b for b in brief.sections[0].blocks if isinstance(b, ItemList)]
    assert [[i.text for i in b.items] for b in lists] == [
        [
            "Ransomware is a persistent threat. “Cybercrime remains the likeliest threat.”",
            "Critical infrastructure is at risk. “Criminals target its downtime.”",
        ]
    ]
    # one quote after a list is a paragraph of its own
    single = parse_text(f"Threat Assessment Summary\n\n1. Ransomware.\n2. Fraud.\n“{BODY}”\n")
    assert [b.type for b in single.sections[0].blocks] == ["list", "paragraph"]


def test_a_long_line_ending_mid_sentence_goes_on_in_pasted_text() -> None:
    long = f"{BODY} The port authority added that inspections would continue all week."
    cut = "Because it can stop an organization from working, it is the most disruptive threat that"
    text = f"{long}\n{cut}\nCanadians face. {BODY}\nThings to Watch Out For\n{long}\n"
    brief = parse_text(f"Threat Assessment Summary\n\n{text}")
    assert [s.heading for s in brief.sections] == [None, "Things to Watch Out For"]
    assert brief.sections[0].blocks[1].text == f"{cut} Canadians face. {BODY}"
    # a heading that ends with a capital letter ("Plan A") is still one
    plan = parse_text(f"Threat Assessment Summary\n\n{BODY}\n\nMeal Plan A\n\n{BODY}")
    assert [s.heading for s in plan.sections] == [None, "Meal Plan A"]


def test_a_source_printed_above_and_below_the_headline_is_the_publisher() -> None:
    source = "UNOCHA - United Nations Office for the Coordination of Humanitarian Affairs"
    headline = "Today's top news: Sudan, Occupied Palestinian Territory"
    brief = parse_text(f"{source}\n\n{headline}\n\n{source}\n\nSudan\n\n{BODY}")
    assert (brief.title, brief.publisher) == (headline, source)
    assert [s.heading for s in brief.sections] == ["Sudan"]
    # a headline printed around its standfirst, and again, is still the headline
    title, standfirst = "Accounting Firm Opens New Office", "The firm expands its audit team"
    again = parse_text(f"{title}\n\n{standfirst}\n\n{title}\n\n{title}\n\n{BODY}")
    assert (again.title, again.publisher) == (title, None)
    asked = "What Are Travel Advisories?"
    question = parse_text(f"{asked}\n\nWhat do they mean for you?\n\n{asked}\n\n{BODY}")
    assert (question.title, question.publisher) == (asked, None)


def test_a_site_name_over_its_tagline_is_the_masthead() -> None:
    tagline = "Your resource for slow travel and international living – new content daily"
    text = f"October 17, 2024\n\nSlow Travel News\n\n{tagline}\n\nTravel advice explained\n\n{BODY}"
    brief = parse_text(text)
    assert (brief.title, brief.publisher, brief.summary) == (
        "Travel advice explained",
        "Slow Travel News",
        tagline,
    )
    # a headline over its standfirst, or a name-shaped headline on the first line, is the title
    standfirst = "Pirates boarded two tankers off the coast this week"
    for head in ("Export Controls Tighten", "Maritime Security Weekly"):
        kept = parse_text(f"{head}\n\n{standfirst}\n\nGulf of Guinea\n\n{BODY}")
        assert (kept.title, kept.publisher) == (head, None)


def test_the_headline_with_its_sources_name_is_a_link_card() -> None:
    card = "Travel advice explained  Smartraveller"
    body = f"{BODY} Smartraveller lists 178 destinations."
    brief = parse_text(f"Travel advice explained\n\n12 min read\n{card}\n\n{body}")
    assert [b.text for s in brief.sections for b in s.blocks] == [body]
    # the name printed nowhere else is kept with the line
    alone = parse_text(f"Travel advice explained\n\n12 min read\n{card}\n\n{BODY}")
    assert " ".join(card.split()) in [b.text for s in alone.sections for b in s.blocks]


def test_a_from_line_under_the_headline_is_a_field() -> None:
    headline = "Turbulent political violence market could increase captive utilisation"
    bullets = "  • Political violence is seldom written through captives\n  • Renewals tighten"
    brief = parse_text(f"{headline}\n\nFrom: Captive Intelligence\n\n{bullets}\n\n{BODY}")
    assert (brief.title, brief.summary) == (headline, None)
    assert [s.heading for s in brief.sections] == [None]
    assert brief.sections[0].blocks[0].text == "From: Captive Intelligence"
    # a heading that opens with "From" and more words is still a heading
    text = f"{headline}\n\n{BODY}\n\nFrom Kyiv to Kherson: The Front Line\n\n{BODY}"
    assert [s.heading for s in parse_text(text).sections] == [
        None,
        "From Kyiv to Kherson: The Front Line",
    ]


def test_a_label_over_a_short_call_with_an_exclamation_is_a_heading() -> None:
    text = f"Understanding Alerts\n\n{BODY}\n\nAdvisory: Be Aware!\n\n{BODY}"
    assert [s.heading for s in parse_text(text).sections] == [None, "Advisory: Be Aware!"]
    # a longer or lower-case exclamation after a label is a sentence
    for line in ("Officials: Stay Indoors Until the Storm Has Passed!", "Warning: be careful!"):
        brief = parse_text(f"Understanding Alerts\n\n{BODY}\n\n{line}\n\n{BODY}")
        assert [s.heading for s in brief.sections] == [None]


def test_a_question_opening_with_a_word_and_a_comma_is_prose() -> None:
    asked = "So, do you know the difference between an advisory, watch and warning?"
    text = f"Understanding Alerts\n\n{BODY}\n\n{asked}\n\nAdvisory: Be Aware!\n\n{BODY}"
    brief = parse_text(text)
    assert [s.heading for s in brief.sections] == [None, "Advisory: Be Aware!"]
    assert asked in brief.sections[0].text
    # a question heading without such an opening is still one
    titled = f"Understanding Alerts\n\n{BODY}\n\nWhy Do Warnings Matter?\n\n{BODY}"
    assert [s.heading for s in parse_text(titled).sections] == [None, "Why Do Warnings Matter?"]


def test_a_blogging_platforms_header_under_the_title() -> None:
    title = "Understanding Cyber Threat Indicators: Enhancing Defenses"
    header = "Mira Jansen\nOSINT for all\nPublished in\n3 min readNov 5, 2023"
    brief = parse_text(f"{title}\n\n{header}\n\nIntroduction\n\n{BODY}")
    assert (brief.authors, brief.publisher, brief.published) == (
        ("Mira Jansen",),
        "OSINT for all",
        dt.date(2023, 11, 5),
    )
    assert [s.heading for s in brief.sections] == ["Introduction"]
    # without the "Published in" label, or with a line that is no name, nothing is read
    for block in (
        "Mira Jansen\nOSINT for all\nNov 5, 2023",
        header.replace("Mira Jansen", "Our view"),
    ):
        kept = parse_text(f"{title}\n\n{block}\n\n{BODY}")
        assert kept.publisher is None


@pytest.mark.parametrize("banner", ["TLP:AMBER", "TLP:CLEAR | PAP:GREEN", "UNCLASSIFIED//FOUO"])
def test_a_marking_banner_at_the_top_and_foot_is_the_marking(banner: str) -> None:
    brief = parse_text(
        f"{banner}\n\nRansomware Crew Shifts to Edge Devices\n\n{BODY}\n\n{banner}\n"
    )
    assert (brief.title, brief.marking) == ("Ransomware Crew Shifts to Edge Devices", banner)
    assert [b.text for s in brief.sections for b in s.blocks] == [BODY]


def test_a_marking_in_a_sentence_or_mid_text_is_content() -> None:
    said = "We mark this report TLP:AMBER, as the partners asked."
    brief = parse_text(f"Ransomware Crew Shifts\n\n{said}\n\n{BODY}\n")
    assert brief.marking is None
    assert said in brief.sections[0].text
    middle = "\n\n".join([BODY] * 4)
    brief = parse_text(f"Ransomware Crew Shifts\n\n{middle}\n\nTLP:RED\n\n{middle}\n")
    assert brief.marking is None
    assert "TLP:RED" in brief.sections[0].text
    # a banner that differs from the metadata block's marking opens the body
    brief = parse_text(f"TLP:GREEN\n\nRansomware Crew Shifts\nMarking: TLP:AMBER\n\n{BODY}\n")
    assert brief.marking == "TLP:AMBER"
    assert "TLP:GREEN" in brief.sections[0].text


def test_a_banner_title_or_paragraph_reads_back() -> None:
    body = Brief(title="TLP:AMBER", sections=parse_text(f"T\n\n{BODY}\n\nTLP:CLEAR\n").sections)
    assert parse_text(render_text(body)) == body
    marked = Brief(title="Ransomware Crew Shifts", marking="TLP:AMBER")
    assert parse_text(render_text(marked)) == marked


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("(U) Key Judgments", SectionKind.JUDGEMENT),
        ("(U//FOUO) Outlook", SectionKind.OUTLOOK),
        ("(S//NF) Background", SectionKind.BACKGROUND),
    ],
)
def test_a_portion_marking_does_not_hide_a_headings_label(heading: str, kind: SectionKind) -> None:
    assert classify_heading(heading) is kind
    brief = parse_text(f"Assessment of the Region\n\n{heading}\n\n{BODY}\n")
    assert [(s.kind, s.heading) for s in brief.sections] == [(kind, heading)]
    # a bracket that is no portion marking is part of the label
    assert classify_heading("(USA) Key Judgments") is None


def test_a_byline_with_a_slash_before_the_date() -> None:
    byline = "By Jane Roe / February 9, 2017 at 6:00 AM"
    text = f"Intel report sees more conflict ahead\n\n{byline}\n{BODY}"
    brief = parse_text(text)
    assert (brief.title, brief.authors) == ("Intel report sees more conflict ahead", ("Jane Roe",))
    assert brief.published == dt.date(2017, 2, 9)
    # a slash before something that is no date is text
    kept = parse_text(f"Intel Report\n\nBy Jane Roe / Staff Writer at Large\n\n{BODY}")
    assert kept.published is None


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("07-07-2021", dt.date(2021, 7, 7)),  # the order cannot matter
        ("31.12.2024", dt.date(2024, 12, 31)),  # day first: 31 is no month
        ("12-31-2024", dt.date(2024, 12, 31)),  # month first
        ("03-04-2024", None),  # 3 April or March 4: not read
        ("03.04.2024", dt.date(2024, 4, 3)),  # stops: printed where the day comes first
        ("07-07/2021", None),  # mixed separators are no date
    ],
)
def test_numeric_dates_with_dashes_and_dots(line: str, date: dt.date | None) -> None:
    brief = parse_text(f"Quarterly Risk Forecast\n\n{line}\n\n{BODY}\n")
    assert brief.published == date


def test_a_widgets_buttons_under_its_label_are_chrome() -> None:
    widget = "Text Size\n\n  • -\n  • +\n  • reset"
    brief = parse_text(f"Hunting the Deadly\n\n{BODY}\n\n{widget}\n\n{BODY}\n")
    assert [b.text for s in brief.sections for b in s.blocks] == [BODY, BODY]
    # a list with one item that says something stays, and so does one under no chrome
    for kept in (
        "Text Size\n\n  • -\n  • The font grows with each press.",
        "Sizes\n\n  • -\n  • +\n  • reset",
    ):
        brief = parse_text(f"Hunting the Deadly\n\n{BODY}\n\n{kept}\n\n{BODY}\n")
        assert any(isinstance(b, ItemList) for s in brief.sections for b in s.blocks), kept


def test_a_colon_label_in_text_pasted_a_paragraph_per_line_is_a_heading() -> None:
    lines = [
        "Who Is Behind the Attacks?",
        "",
        "Source: a vendor's blog, reposted with its summary.",
        "MAIN POINTS:",
        f"- {BODY}",
        "- The crew reuses its tools across campaigns and regions.",
        "The analysts said:",
        "Attribution takes patience, and most groups never admit to anything at all.",
    ]
    brief = parse_text("\n".join(lines) + "\n")
    assert [s.heading for s in brief.sections] == [None, "MAIN POINTS"]
    # a sentence that ends in a colon is no heading
    assert "The analysts said:" in brief.sections[1].text


def test_a_publishers_strapline_above_the_headline() -> None:
    top = "Published daily by the Lowy Institute\n\nIndo-Pacific Security Links\n\n"
    brief = parse_text(f"{top}Indo-Pacific Security Links\n\n{BODY}\n")
    assert (brief.title, brief.publisher) == ("Indo-Pacific Security Links", "Lowy Institute")
    assert [b.text for s in brief.sections for b in s.blocks] == [BODY]
    # a name's own article stays; a sentence about publishing is no strapline
    named = parse_text(f"Originally published by The Guardian\n\nA Headline Here\n\n{BODY}")
    assert named.publisher == "The Guardian"
    said = "Published by the ministry in 2020, the plan is now out of date."
    assert parse_text(f"A Headline Here\n\n{said}\n\n{BODY}").publisher is None


def test_a_post_header_with_blank_lines_between_its_items() -> None:
    header = "- YourTrip\n\n- Dec 25, 2025\n- 12 min read"
    brief = parse_text(f"Level 3 Advisories: What to Know\n{header}\n{BODY}\n")
    assert (brief.authors, brief.published) == (("YourTrip",), dt.date(2025, 12, 25))
    assert [b.text for s in brief.sections for b in s.blocks] == [BODY]
    # a list of the brief's own points with no date stays a list
    points = "- Check the advisory\n\n- Enrol in alerts"
    kept = parse_text(f"Level 3 Advisories: What to Know\n{points}\n\n{BODY}\n")
    assert isinstance(kept.sections[0].blocks[0], ItemList)


def test_a_short_line_in_a_script_without_capitals_heads_a_section() -> None:
    body = "전략은 목표를 이루기 위한 포괄적 계획을 말한다. 자원은 늘 제한되어 있다."
    brief = parse_text(f"전략\n\n{body}\n\n군사 이론\n\n{body}\n")
    assert brief.title == "전략"
    assert [s.heading for s in brief.sections] == [None, "군사 이론"]
    # a sentence, with its full stop, stays text
    brief = parse_text(f"전략\n\n{body}\n\n자원은 늘 제한되어 있다.\n\n{body}\n")
    assert [s.heading for s in brief.sections] == [None]


def test_a_numbered_heading_under_a_colon_headline_is_no_headline() -> None:
    text = (
        "Political Risk Assessment: How to Assess and Manage the Risks of Political"
        f" Instability and Uncertainty\n\n1. Introduction to Political Risk\n\n{BODY}\n"
    )
    brief = parse_text(text)
    assert brief.title.startswith("Political Risk Assessment: How")
    assert brief.publisher is None
    assert [s.heading for s in brief.sections] == ["Introduction to Political Risk"]


def test_a_lower_case_lead_in_among_lead_ins_is_one() -> None:
    items = (
        "1. country-Specific factors: Every country has a landscape of its own.\n\n"
        "2. Geopolitical Considerations: Events abroad can unsettle stability.\n\n"
        "3. Socioeconomic Factors: Inequality feeds into political risk.\n"
    )
    (block,) = parse_text(f"Political Risk\n\n{items}").sections[0].blocks
    assert isinstance(block, ItemList)
    assert [i.lead for i in block.items] == [
        "country-Specific factors",
        "Geopolitical Considerations",
        "Socioeconomic Factors",
    ]
    # over a lower-case rest it stays a sentence, and so it does in a list of few lead-ins
    said = items.replace("country-Specific factors: Every", "officials said: every")
    (block,) = parse_text(f"Political Risk\n\n{said}").sections[0].blocks
    assert isinstance(block, ItemList)
    assert block.items[0].lead == ""
    few = items.replace("Geopolitical Considerations:", "Geopolitical considerations,")
    (block,) = parse_text(f"Political Risk\n\n{few}").sections[0].blocks
    assert isinstance(block, ItemList)
    assert [i.lead for i in block.items] == ["", "", "Socioeconomic Factors"]


def test_a_piece_type_label_over_the_date_under_the_title_is_the_category() -> None:
    text = f"Geopolitical Risk Outlook 2025\n\nBlog\nFeb 28, 2025, 03:09 PM\n\n{BODY}\n"
    brief = parse_text(text)
    assert (brief.category, brief.published) == ("Blog", dt.date(2025, 2, 28))
    assert [s.heading for s in brief.sections] == [None]
    # a label that names no kind of piece stays the body's
    other = parse_text(text.replace("Blog\n", "Madrid Talks\n"))
    assert other.category is None


def test_a_line_printed_twice_on_consecutive_lines_is_kept_once() -> None:
    """An image's alt text over the same caption: the copy printed the line twice."""
    caption = "Police officers take up positions in the capital on March 9."
    brief = parse_text(f"Export Controls Tighten Again\n\n{caption}\n{caption}\n\n{BODY}\n")
    assert [b.text for s in brief.sections for b in s.blocks] == [caption, BODY]
    # with a blank line between, a page may repeat a paragraph; short cells stay twice
    brief = parse_text(f"Export Controls Tighten Again\n\n{caption}\n\n{caption}\n\n{BODY}\n")
    assert [b.text for s in brief.sections for b in s.blocks] == [caption, caption, BODY]
    cells = "Elevation of Privilege\nElevation of Privilege"
    brief = parse_text(f"Export Controls Tighten Again\n\n{BODY}\n\n{cells}\n\n{BODY}\n")
    assert kept_text(brief).count("Elevation of Privilege") == 2


def test_a_caption_ending_in_its_photos_credit_heads_no_section() -> None:
    caption = "Flooding in Baidoa, Central Somalia (STR/EPA-EFE/Shutterstock)"
    brief = parse_text(f"Export Controls Tighten Again\n\n{BODY}\n\n{caption}\n\n{BODY}\n")
    assert [s.heading for s in brief.sections] == [None]
    assert caption in [b.text for b in brief.sections[0].blocks]
    # a heading that merely ends in brackets is a heading
    brief = parse_text(f"Export Controls Tighten Again\n\n{BODY}\n\nSanctions (Update)\n\n{BODY}\n")
    assert [s.heading for s in brief.sections] == [None, "Sanctions (Update)"]


def test_a_categories_field_over_the_headline_is_the_category() -> None:
    """A blog theme's "Categories: Uncategorized" over a one-word headline: the field gives
    the category, so the line under it is the title, not a second kicker."""
    brief = parse_text(
        f"Categories: Uncategorized\n\nInfoComm\n\nWeek ending May 2, 2026\n\n{BODY}\n"
    )
    assert (brief.title, brief.category) == ("InfoComm", "Uncategorized")
    brief = parse_text(f"Categories: Cyber, Policy\n\nExport Controls Tighten Again\n\n{BODY}\n")
    assert (brief.title, brief.tags) == ("Export Controls Tighten Again", ("Cyber", "Policy"))


def test_an_analysts_label_over_no_names_stays_text() -> None:
    line = "Analysts: expect the ruling to be delayed until March."
    brief = parse_text(f"Export Controls Tighten Again\n\n{BODY}\n\n{line}\n")
    assert brief.authors == ()
    assert line in [b.text for s in brief.sections for b in s.blocks]


def test_a_line_that_opens_like_the_headline_but_differs_in_its_last_word_is_kept() -> None:
    """The headline run on by a word ("... And Brief" over "... And Briefing Relate") is its
    copy; a line as long that ends in another word is a line of its own (found by the
    sentences-survive property test: both copies of such a line were dropped)."""
    head = "Comments aaa ab aaa aaa ab aaa…"
    line = "Comments aaa ab aaa aaa ab aa…"
    brief = parse_text(f"Export Controls Tighten Again\n\n{head}\n\n{line}\n\n{line}\n")
    assert brief.title == head
    assert [b.text for s in brief.sections for b in s.blocks] == [line, line]
    title = "The 2024 Annual Regional Security Threat Assessment And Brief"
    run_on = "The 2024 Annual Regional Security Threat Assessment And Briefing Relate"
    brief = parse_text(f"{title}\n\n{run_on}\n\n{BODY}\n")
    assert run_on not in kept_text(brief)  # the headline's copy, run on: it goes
