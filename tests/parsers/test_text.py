"""parse_text: every shape of FORMATS.md sections 1-4, read into the right structure."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest

import briefkit
from briefkit import Brief, ItemList, LimitError, ParseError, Quote, SectionKind, parse_text
from briefkit.syntax.text import split_lead

K = SectionKind
FIXTURES = Path(__file__).parents[1] / "fixtures" / "text"
SEED_DIR = Path(__file__).parents[3] / "shared" / "seed"
ITEM_MARKER = re.compile(r"^\s*(?:\d+[.)]|\(\d+\)|[•*-])\s")
NAV_WORDS = re.compile(r"^\s*(previous|next)\s*$", re.IGNORECASE | re.MULTILINE)


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def outline(brief: Brief) -> list[tuple[str, str | None, list[Any]]]:
    """Sections as (kind, heading, blocks); blocks as ("p", text), ("quote", text) or
    ("ol"/"ul", [(lead, first words of body), ...])."""
    out = []
    for section in brief.sections:
        blocks: list[Any] = []
        for block in section.blocks:
            if isinstance(block, ItemList):
                items = [(i.lead, " ".join(i.text.split()[:3])) for i in block.items]
                blocks.append(("ol" if block.ordered else "ul", items))
            elif isinstance(block, Quote):
                blocks.append(("quote", " ".join(block.text.split()[:3])))
            else:
                blocks.append(("p", " ".join(block.text.split()[:3])))
        out.append((section.kind.value, section.heading, blocks))
    return out


def link(brief_link: briefkit.BriefLink | None) -> tuple[str | None, str | None] | None:
    return None if brief_link is None else (brief_link.title, brief_link.href)


# --- whole documents: a spec table ------------------------------------------------------

SEED_SHAPE = {
    "title": "Danube Barge Traffic Slows as Low Water Returns for a Third Summer",
    "outline": [
        ("judgement", "Analytic Judgement", [("p", "Record-low water levels")]),
        (
            "evidence",
            "Supporting Evidence",
            [
                (
                    "ol",
                    [
                        ("Draught Restrictions", "Port authorities in"),
                        ("Freight Rates", "Barge operators raised"),
                        ("Rail Bottlenecks", "Railway operators report"),
                    ],
                )
            ],
        ),
        ("implications", "Implications", [("p", "Exporters face higher")]),
    ],
    "prev": ("318: The Long Shadow of the 2018 Drought on Rhine Shipping", None),
    "next": ("Fertiliser Export Quotas Return as Prices Spike", None),
}

DOCUMENTS: dict[str, dict[str, Any]] = {
    "seed_shape.txt": SEED_SHAPE,
    "inline_headings_chrome.txt": {
        "title": "Coastal States Tighten Fisheries Patrols After Foreign Fleet Surge",
        "publisher": "MERIDIAN WATCH",
        "outline": [
            ("overview", "Overview", [("p", "A surge of")]),
            (
                "analysis",
                "Analysis",
                [
                    ("p", "Joint patrols are"),
                    ("p", "Officials said: the"),
                    ("p", "Expect fleets to"),
                ],
            ),
        ],
        "prev": None,
        "next": None,
    },
    "numbering_variants.txt": {
        "title": "Three Ways of Numbering Evidence",
        "outline": [
            ("judgement", "Key Judgment", [("p", "The same list")]),
            (
                "evidence",
                "Evidence",
                [
                    (
                        "ol",
                        [("First Style", "A number followed"), ("Second Style", "The next number")],
                    )
                ],
            ),
            (
                "evidence",
                "Key Points",
                [
                    (
                        "ol",
                        [
                            ("Third Style", "A number wrapped"),
                            ("Fourth Item", "Brackets again, separated"),
                        ],
                    )
                ],
            ),
        ],
    },
    "bullets.txt": {
        "title": "Indicators to Watch Along the Northern Border",
        "outline": [
            ("judgement", "Bottom Line Up Front", [("p", "Troop rotations rather")]),
            (
                "outlook",
                "Indicators",
                [
                    (
                        "ul",
                        [
                            ("Rail Traffic", "Unscheduled military trains"),
                            ("Field Hospitals", "Deploying mobile hospitals"),
                            ("Leave Cancelled", "Reports that leave"),
                            ("", "a sentence without"),
                        ],
                    )
                ],
            ),
        ],
    },
    "no_lead_ins.txt": {
        "title": "Why Evidence Items Do Not Always Open With a Lead-In",
        "outline": [
            ("judgement", "Assessment", [("p", "Some briefs number")]),
            (
                "evidence",
                "Supporting Evidence",
                [
                    (
                        "ol",
                        [
                            ("", "Customs data show"),
                            ("", "The ministry said"),
                            ("", "Shipments were logged"),
                            ("", "In a statement"),
                        ],
                    )
                ],
            ),
        ],
    },
    "only_prev_once.txt": {
        "title": "Last Brief in the Series: Closing the File on the Pipeline Dispute",
        "outline": [("overview", "Summary", [("p", "The arbitration award")])],
        "prev": ("Pipeline Arbitration: The Hearings Resume", None),
        "next": None,
    },
    "only_next_once.txt": {
        "title": "First Brief in the Series: Opening the Pipeline Dispute",
        "outline": [("background", "Background", [("p", "A transit fee")])],
        "prev": None,
        "next": (
            "Pipeline Arbitration: The Hearings Resume",
            "https://example.org/briefs/pipeline-hearings",
        ),
    },
    "nav_with_links.txt": {
        "title": "Satellite Launch Cadence Doubles in a Year",
        "outline": [("outlook", "Outlook", [("p", "Launch rates will")])],
        "prev": (
            "Ground Station Shortages Slow Earth Observation",
            "https://example.org/briefs/ground-stations",
        ),
        "next": (
            "Orbital Debris Rules: A Patchwork of National Licences",
            "/briefs/orbital-debris",
        ),
    },
    "unknown_heading.txt": {
        "title": "Water Sharing Talks on the Upper Nile",
        "outline": [
            ("other", None, [("p", "Opening remarks from")]),
            ("judgement", "Key Judgements", [("p", "A technical agreement")]),
            (
                "other",
                "Negotiating Positions",
                [
                    ("p", "Upstream states want"),
                    ("p", "The following points"),
                    ("ul", [("Drought Protocol", "how to share")]),
                ],
            ),
            ("sources", "Sources", [("p", "Statements by the")]),
        ],
    },
    "quotes_and_colons.txt": {
        "title": '1914: Lessons From a Century of "Accidental" Wars',
        "outline": [
            (
                "analysis",
                "Analysis",
                [("p", "The minister's words"), ("quote", "‘Nobody wanted war,’")],
            ),
            ("analysis", "Discussion", [("p", "Commentators compare today's")]),
        ],
    },
    "footer_after_nav.txt": {
        "title": "Port Strikes Spread Along the Atlantic Coast",
        "outline": [("judgement", "Judgement", [("p", "Stoppages are likely")])],
        "prev": None,
        "next": ("Automation Clauses in Dock Labour Contracts", None),
    },
    "metadata.txt": {
        "title": "Copper Smuggling Networks Adapt to New Export Bans",
        "publisher": "Ridgeway Insight",
        "outline": [("judgement", "Analytic Judgement", [("p", "The export ban")])],
    },
}


@pytest.mark.parametrize(("name", "expected"), DOCUMENTS.items(), ids=list(DOCUMENTS))
def test_document_structure(name: str, expected: dict[str, Any]) -> None:
    brief = parse_text(fixture(name))
    assert brief.title == expected["title"]
    assert outline(brief) == expected["outline"]
    assert link(brief.prev) == expected.get("prev")
    assert link(brief.next) == expected.get("next")
    assert brief.publisher == expected.get("publisher")


#: Lines each fixture may lose: recognised chrome, navigation labels and footers.
DROPPED = {
    "inline_headings_chrome.txt": {
        "View Original",
        "Subscribe",
        "Sign up with your email address to receive news and updates.",
        "We respect your privacy.",
    },
    "footer_after_nav.txt": {
        "Share this article",
        "© 2024 Harbourline Analysis. All rights reserved.",
    },
}


#: Words that are syntax rather than content: metadata keys, and the "+00:00" of a UTC time
#: (JSON writes it as "Z").
SYNTAX_WORDS = {"metadata.txt": {"description", "00"}}


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.txt")))
def test_no_content_dropped(name: str) -> None:
    """Every word of every line ends up in the brief, except recognised chrome."""
    text = fixture(name)
    kept = "\n".join(
        ITEM_MARKER.sub("", line)
        for line in text.splitlines()
        if line.strip() not in DROPPED.get(name, set()) and not NAV_WORDS.fullmatch(line)
    )
    brief_words = _words(parse_text(text).model_dump_json())
    assert _words(kept) - SYNTAX_WORDS.get(name, set()) <= brief_words
    for line in DROPPED.get(name, ()):
        assert line in text  # the exclusions name real lines of the fixture


def test_seed_shape_has_no_navigation_words_in_sections() -> None:
    brief = parse_text(fixture("seed_shape.txt"))
    for section in brief.sections:
        assert not NAV_WORDS.search(section.text)
        assert "Previous" not in section.text
        assert "Next" not in section.text


@pytest.mark.skipif(not SEED_DIR.is_dir(), reason="the shared seed brief is not available")
def test_real_seed_brief() -> None:
    """The real brief: judgement, three evidence items with lead-ins, implications, nav."""
    for path in sorted(SEED_DIR.glob("*.txt")):
        brief = parse_text(path.read_text(encoding="utf-8"))
        assert brief.title.startswith("NATO-Russia Conflict Escalates")
        assert brief.judgement is not None
        assert brief.judgement.heading == "Analytic Judgement"
        assert [i.lead for i in brief.evidence] == [
            "Putin’s Warning on NATO Involvement",
            "Western Policy Shift",
            "Broader Geopolitical Consequences",
        ]
        assert brief.implications is not None
        assert brief.implications.text.startswith("The potential for NATO")
        assert [s.kind for s in brief.sections] == [K.JUDGEMENT, K.EVIDENCE, K.IMPLICATIONS]
        assert brief.prev is not None
        assert brief.prev.title is not None
        assert brief.prev.title.startswith("764: The Dark Nexus")
        assert brief.next is not None
        assert brief.next.title is not None
        assert brief.next.title.startswith("New US Sanctions on Iran")
        for section in brief.sections:
            assert not NAV_WORDS.search(section.text)


def test_crlf_and_bom_read_like_plain_newlines() -> None:
    raw = (FIXTURES / "crlf_bom.txt").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in raw
    expected = parse_text(fixture("seed_shape.txt").replace("region's trade", "region’s trade"))
    assert parse_text(raw.decode("utf-8")) == expected
    assert briefkit.parse(FIXTURES / "crlf_bom.txt") == expected
    assert parse_text(fixture("seed_shape.txt").replace("\n", "\r")) == parse_text(
        fixture("seed_shape.txt")
    )


def test_metadata_block() -> None:
    brief = parse_text(fixture("metadata.txt"))
    assert brief.url == "https://example.org/briefs/copper-smuggling"
    assert brief.slug == "copper-smuggling"
    assert brief.published == dt.date(2024, 5, 2)
    assert brief.updated == dt.datetime(2024, 5, 3, 8, 15, tzinfo=dt.UTC)
    assert brief.authors == ("Alba Reyes", "Kwame Asante")
    assert brief.category == "Illicit Trade"
    assert brief.tags == ("copper", "smuggling", "export controls")
    assert brief.summary == "Traders reroute ore through neighbouring states after the ban."
    assert brief.marking == "TLP:GREEN"
    assert brief.language == "en-GB"


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("T\nAuthor: Smith, Jane\n\nBody.", "authors", ("Smith, Jane",)),
        ("T\nAuthors: A. One, B. Two\n\nBody.", "authors", ("A. One", "B. Two")),
        ("T\nPublished: March 3, 2024\n\nBody.", "published", dt.date(2024, 3, 3)),
        ("T\nPublished: 3 Mar 2024\n\nBody.", "published", dt.date(2024, 3, 3)),
        ("T\ntags: a; b, c\n\nBody.", "tags", ("a", "b, c")),
    ],
)
def test_metadata_values(text: str, field: str, value: object) -> None:
    assert getattr(parse_text(text), field) == value


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("T\n\nURL: https://example.org/x", "URL: https://example.org/x"),  # not under title
        ("T\nPublished: sometime soon\n\nBody.", "Published: sometime soon"),  # bad date
        ("T\nURL: javascript:alert(1)\n\nBody.", "URL: javascript:alert(1)"),  # unsafe link
    ],
)
def test_lines_that_are_not_metadata_stay_content(text: str, kept: str) -> None:
    brief = parse_text(text)
    assert brief.url is None
    assert brief.published is None
    assert kept in brief.sections[0].text


# --- headings -----------------------------------------------------------------------------

VOCABULARY = [
    ("Analytic Judgement", K.JUDGEMENT),
    ("Analytic Judgment", K.JUDGEMENT),
    ("Key Judgement", K.JUDGEMENT),
    ("Key Judgments", K.JUDGEMENT),
    ("ASSESSMENT", K.JUDGEMENT),
    ("Bottom Line", K.JUDGEMENT),
    ("Bottom Line Up Front", K.JUDGEMENT),
    ("BLUF", K.JUDGEMENT),
    ("Executive Summary", K.OVERVIEW),
    ("Summary", K.OVERVIEW),
    ("overview", K.OVERVIEW),
    ("Background", K.BACKGROUND),
    ("Context", K.BACKGROUND),
    ("Analysis", K.ANALYSIS),
    ("Discussion", K.ANALYSIS),
    ("Supporting Evidence", K.EVIDENCE),
    ("Evidence", K.EVIDENCE),
    ("Key Points", K.EVIDENCE),
    ("Implications", K.IMPLICATIONS),
    ("Implication", K.IMPLICATIONS),
    ("Outlook", K.OUTLOOK),
    ("Forecast", K.OUTLOOK),
    ("Scenarios", K.OUTLOOK),
    ("Recommendations", K.RECOMMENDATIONS),
    ("Indicators", K.OUTLOOK),
    ("Sources", K.SOURCES),
    ("References", K.SOURCES),
]


@pytest.mark.parametrize(("label", "kind"), VOCABULARY)
@pytest.mark.parametrize(
    "layout",
    [
        "Title\n\n{label}:\n\nBody text here.\n",  # alone, blank line after
        "Title\n\n{label}:\nBody text here.\n",  # alone, paragraph directly under it
        "Title\n\n{label}: Body text here.\n",  # inline at the start of the paragraph
        "Title\n\n{label}\n\nBody text here.\n",  # alone without a colon
    ],
    ids=["alone", "alone-tight", "inline", "no-colon"],
)
def test_heading_vocabulary(label: str, kind: SectionKind, layout: str) -> None:
    brief = parse_text(layout.format(label=label))
    assert [(s.kind, s.heading, s.text) for s in brief.sections] == [
        (kind, label, "Body text here.")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # unknown Title Case phrase alone with a colon: a section of kind other
        ("T\n\nRegional Reactions:\n\nCalm.", [("other", "Regional Reactions", "Calm.")]),
        # sentences ending with a colon, or arbitrary phrases inline, stay text
        (
            "T\n\nThree factors stand out:\n\nCost.",
            [("other", None, "Three factors stand out:\nCost.")],
        ),
        ("T\n\nOfficials said: nothing.", [("other", None, "Officials said: nothing.")]),
        ("T\n\n764: The Dark Side of Numbers", [("other", None, "764: The Dark Side of Numbers")]),
        ("T\n\nRegional Reactions: Calm.", [("other", None, "Regional Reactions: Calm.")]),
        # further paragraphs after an inline heading stay in its section
        (
            "T\n\nOverview: One.\n\nTwo.\n\nAnalysis: Three.\n\nFour.",
            [("overview", "Overview", "One.\nTwo."), ("analysis", "Analysis", "Three.\nFour.")],
        ),
        # a heading with nothing under it is kept
        ("T\n\nSources:\n", [("sources", "Sources", "")]),
        # a known label with a colon ends the paragraph it interrupts
        (
            "T\n\nSome text\nImplications:\nMore.",
            [("other", None, "Some text"), ("implications", "Implications", "More.")],
        ),
        # a backslash keeps a heading-looking line as text
        ("T\n\n\\Analysis: not a heading.", [("other", None, "Analysis: not a heading.")]),
        # hard-wrapped paragraph lines join
        (
            "T\n\nOne line\nand its continuation.",
            [("other", None, "One line and its continuation.")],
        ),
    ],
)
def test_headings_and_text(text: str, expected: list[tuple[str, str | None, str]]) -> None:
    assert [(s.kind.value, s.heading, s.text) for s in parse_text(text).sections] == expected


@pytest.mark.parametrize(
    "title",
    [
        "764: The Dark Nexus of Two Unrelated Things",
        "Overview: A Title That Starts Like a Heading",
        "Key Actors:",
        "“Quoted” Title with 'Mixed' Quotes",
    ],
)
def test_first_line_is_the_title(title: str) -> None:
    brief = parse_text(f"{title}\n\nAnalysis:\n\nText.")
    assert brief.title == title
    assert [s.kind for s in brief.sections] == [K.ANALYSIS]


def test_mixed_quotes_are_kept_as_written() -> None:
    text = "It's “curly” and \"straight\" and ‘single’ and 'plain'."
    brief = parse_text(f"Title\n\n{text}")
    assert brief.sections[0].text == text


# --- items and lead-ins ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "ordered", "lead", "body"),
    [
        ("1. Timing: Three of four.", True, "Timing", "Three of four."),
        ("  12) Timing: Three.", True, "Timing", "Three."),
        ("(3) Timing: Three.", True, "Timing", "Three."),
        ("• Timing: Three.", False, "Timing", "Three."),
        ("- Timing: Three.", False, "Timing", "Three."),
        ("* Timing: Three.", False, "Timing", "Three."),
        ("1. No lead-in here.", True, "", "No lead-in here."),
        ("1. \\Note: escaped, so no lead-in.", True, "", "Note: escaped, so no lead-in."),
        ("1.", True, "", ""),
    ],
)
def test_item_markers(line: str, ordered: bool, lead: str, body: str) -> None:
    brief = parse_text(f"Title\n\nEvidence:\n\n{line}")
    (block,) = brief.sections[0].blocks
    assert isinstance(block, ItemList)
    assert block.ordered is ordered
    assert [(i.lead, i.text) for i in block.items] == [(lead, body)]


@pytest.mark.parametrize(
    ("body", "lead"),
    [
        (
            "Putin’s Warning on NATO Involvement: Comments on state TV.",
            "Putin’s Warning on NATO Involvement",
        ),
        ("U.S. Policy Shift: Officials signalled a change.", "U.S. Policy Shift"),
        (
            "Vessel behaviour: Tracking data show gaps.",
            "Vessel behaviour",
        ),  # sentence case, capital body
        (
            "Drought Protocol: how to share shortfalls.",
            "Drought Protocol",
        ),  # Title Case, lower body
        ("Timing:", "Timing"),
        ("Officials said: no decision was taken.", ""),  # a sentence, not a lead-in
        ("the ministry said: More later.", ""),  # starts lower case
        ("Meeting at 10:45 was short.", ""),  # colon inside a time
        ("See https://example.org/x: A page.", ""),  # sentence punctuation before the colon
        ("It rained. Then it poured: Floods followed.", ""),  # a sentence break
        ("One two three four five six seven eight nine ten eleven: Too long.", ""),
        ("Alpha; Beta: Semicolons make it prose.", ""),
        ("", ""),
    ],
)
def test_lead_in_rules(body: str, lead: str) -> None:
    found, rest = split_lead(body)
    assert found == lead
    if lead:
        assert rest == body[len(lead) + 1 :].strip()
    else:
        assert rest == body


def test_lists_split_by_kind_and_by_paragraphs() -> None:
    text = "T\n\nEvidence:\n\n1. A\n2. B\n- C\n\nBetween.\n\n3. D\ncontinued here"
    (section,) = parse_text(text).sections
    assert outline(parse_text(text))[0][2] == [
        ("ol", [("", "A"), ("", "B")]),
        ("ul", [("", "C")]),
        ("p", "Between."),
        ("ol", [("", "D continued here")]),
    ]
    assert section.kind is K.EVIDENCE


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # any number continues its list: item 1,000 follows item 999
        ("999. A\n1000. B", [("ol", [("", "A"), ("", "B")])]),
        ("999. A\n\n1000. B\n\n1001. C", [("ol", [("", "A"), ("", "B"), ("", "C")])]),
        ("(999) A\n(1000) B", [("ol", [("", "A"), ("", "B")])]),
        ("(99999) A\n(100000) B", [("p", "(99999) A (100000)")]),  # no list to continue
        # a long number that does not continue a list is prose: a hard-wrapped year
        ("Exports fell in\n2024. Imports rose.", [("p", "Exports fell in")]),
        ("1. Exports fell in\n2024. Imports rose.", [("ol", [("", "Exports fell in")])]),
        ("2024. A year of change.", [("p", "2024. A year")]),
        (
            "12. A\n\nBetween.\n\n13. B",
            [("ol", [("", "A")]), ("p", "Between."), ("ol", [("", "B")])],
        ),
        (
            "999. A\n\nBetween.\n\n1000. B",
            [("ol", [("", "A")]), ("p", "Between."), ("p", "1000. B")],
        ),
    ],
)
def test_long_item_numbers_continue_a_list(text: str, expected: list[Any]) -> None:
    assert outline(parse_text(f"T\n\n{text}"))[0][2] == expected


def test_twenty_thousand_numbered_items() -> None:
    items = "".join(f"  {i}. Lead {i}: Body of item {i}.\n" for i in range(1, 20_001))
    brief = parse_text(f"T\n\nEvidence:\n\n{items}")
    assert len(brief.evidence) == 20_000
    assert (brief.evidence[-1].lead, brief.evidence[-1].text) == (
        "Lead 20000",
        "Body of item 20000.",
    )


def test_quote_lines() -> None:
    (section,) = parse_text("T\n\n> First line\n> second line\n\n>\n").sections
    assert [(type(b).__name__, b.text) for b in section.blocks] == [  # type: ignore[union-attr]
        ("Quote", "First line second line"),
        ("Quote", ""),
    ]


# --- navigation ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tail", "prev", "nxt"),
    [
        ("Previous\nPrevious\n\nA: B\n\nNext\nNext\n\nC", ("A: B", None), ("C", None)),
        ("Previous\n\nA\n\nNext\n\nC", ("A", None), ("C", None)),
        ("Previous\nA\nNext\nC", ("A", None), ("C", None)),
        ("Next\nNext\n\nC", None, ("C", None)),
        ("Previous\n\nA", ("A", None), None),
        ("← Previous\n\nA\n\nNext →\n\nC", ("A", None), ("C", None)),
        (
            "Previous\n\nA\nhttps://example.org/a\n\nNext\n\nC\nc.html",
            ("A", "https://example.org/a"),
            ("C", "c.html"),
        ),
        ("Previous\n\nhttps://example.org/a", (None, "https://example.org/a"), None),
        ("Previous\n\n\\https://example.org/a", ("https://example.org/a", None), None),
        ("Previous\nPrevious\n\nNext\nNext\n\nC", None, ("C", None)),
        (
            "Previous\n\nAnalysis:\n\nNext\n\n1. Numbered Title",
            ("Analysis:", None),
            ("1. Numbered Title", None),
        ),
    ],
)
def test_navigation_tail(
    tail: str, prev: tuple[str | None, str | None] | None, nxt: tuple[str | None, str | None] | None
) -> None:
    brief = parse_text(f"Title\n\nImplications:\n\nBody.\n\n{tail}\n")
    assert (link(brief.prev), link(brief.next)) == (prev, nxt)
    assert [(s.kind, s.text) for s in brief.sections] == [(K.IMPLICATIONS, "Body.")]


def test_unsafe_nav_url_is_kept_as_text() -> None:
    brief = parse_text("Title\n\nBody.\n\nNext\n\nC\nhttps://ok.example/x\n\nPrevious\n\nA\n/x\n")
    assert link(brief.next) == ("C", "https://ok.example/x")
    assert link(brief.prev) == ("A", "/x")
    brief = parse_text("Title\n\nBody.\n\nNext\n\nC\n/\\evil\n")
    assert link(brief.next) == ("C", None)
    assert "/\\evil" in brief.sections[-1].text


def test_text_after_navigation_is_kept() -> None:
    brief = parse_text("Title\n\nBody.\n\nNext\n\nC\n\nA closing remark the parser cannot place.\n")
    assert link(brief.next) == ("C", None)
    assert [(s.kind, s.heading, s.text) for s in brief.sections] == [
        (K.OTHER, None, "Body."),
        (K.OTHER, None, "A closing remark the parser cannot place."),
    ]


def test_footer_needs_a_footer_start() -> None:
    text = "Title\n\nBody.\n\nSubscribers to the service reported outages."
    assert (
        parse_text(text).sections[0].text == "Body.\nSubscribers to the service reported outages."
    )
    text = "Title\n\nBody.\n\nSubscribe to our newsletter\n\nEmail Address\n\nSign Up"
    assert parse_text(text).sections[0].text == "Body."


# --- errors and limits -------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   \n\t\n", "\ufeff", "\r\n\r\n"])
def test_empty_input_is_a_parse_error(text: str) -> None:
    with pytest.raises(ParseError, match="empty"):
        parse_text(text)


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("Analytic Judgement:\n\nText.", 1),
        ("\n\n\nSupporting Evidence:\n1. A: B", 4),
        ("Previous\nPrevious\n\nA", 1),
        ("SITE\nView Original\n", 2),
        ("\n\\\n\nBody.", 2),
    ],
)
def test_missing_title_names_the_line(text: str, line: int) -> None:
    with pytest.raises(ParseError) as info:
        parse_text(text)
    assert info.value.line == line
    assert f"line {line}" in str(info.value)


def test_non_text_input_is_a_parse_error() -> None:
    with pytest.raises(ParseError):
        parse_text(b"Title\n\nBody.")  # type: ignore[arg-type]


def test_limit() -> None:
    with pytest.raises(LimitError):
        parse_text("Title\n\n" + "x" * 100, max_chars=50)
    assert isinstance(LimitError("x"), ParseError)


def test_large_inputs_parse() -> None:
    """100,000 lines and pathological single lines go through (the parser is linear)."""
    paragraphs = "\n\n".join(
        "\n".join(f"Line {i} of paragraph {p}." for i in range(100)) for p in range(1000)
    )
    brief = parse_text(f"Title\n\n{paragraphs}\n")
    assert len(brief.sections[0].blocks) == 1000
    assert brief.sections[0].blocks[-1].text.endswith("Line 99 of paragraph 999.")
    items = "\n".join(f"{i % 999 + 1}. Item {i}: Body of item {i}." for i in range(10_000))
    brief = parse_text(f"Title\n\nEvidence:\n{items}\n")
    assert len(brief.evidence) == 10_000
    assert brief.evidence[-1].lead == "Item 9999"
    for line in (
        " " * 200_000 + "x",
        "Bottom" + " " * 200_000 + "x",
        ":" * 200_000,
        "A: " * 70_000,
    ):
        brief = parse_text(f"Title\n\n{line}\n\n1. {line}")
        assert brief.sections[0].blocks


def test_byte_order_marks_anywhere_are_dropped() -> None:
    once = fixture("seed_shape.txt")
    assert parse_text("\ufeff" + once.replace("\n\n", "\n\ufeff\n", 1)) == parse_text(once)


def test_control_characters_are_removed() -> None:
    brief = parse_text("Ti\x00tle\x1b\n\nBo\u202edy.")
    assert brief.title == "Title"
    assert brief.sections[0].text == "Body."
