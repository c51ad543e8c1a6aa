"""parse_text on the shapes of posts in a series: category links by the date, parallel
"Theme highlight: X" headings, a question heading tight under a heading, possessives in a
Title Case heading. Each test is one rule with a control that the rule must not reach."""

from __future__ import annotations

import datetime as dt

import pytest

from briefkit import ItemList, SectionKind, parse_text
from briefkit.parsers.vocabulary import heading_kind

BODY = "The ministry confirmed the order on Monday and said more would follow."
TITLE = "Quarterly Risk Forecast: Q3 2021"


@pytest.mark.parametrize("joined", ["Geopolitical Risk - Intelligence", "Risk | Crisis Response"])
def test_category_links_by_the_date_are_tags(joined: str) -> None:
    brief = parse_text(f"{TITLE}\n\n- {joined}\n\n07-07-2021\n\n\n{BODY}\n")
    assert brief.tags == tuple(p.strip() for p in joined.replace("|", "-").split(" - "))
    assert brief.published == dt.date(2021, 7, 7)
    assert [b.text for s in brief.sections for b in s.blocks] == [BODY]


@pytest.mark.parametrize(
    "line",
    [
        "- Geopolitical Risk - Intelligence",  # no date next to it: the body's first item
        "- Rising risk - a word on method",  # a sentence-case part: no category name
    ],
)
def test_a_joined_item_away_from_a_date_or_in_sentence_case_stays_a_list(line: str) -> None:
    dated = "07-07-2021\n\n" if "method" in line else ""
    brief = parse_text(f"{TITLE}\n\n{dated}{line}\n\n{BODY}\n")
    assert brief.tags == ()
    assert isinstance(brief.sections[0].blocks[0], ItemList)


def test_parallel_key_and_name_lines_over_prose_are_headings() -> None:
    text = (
        f"{TITLE}\n\n{BODY}\n\nTheme highlight: Political violence\n\n{BODY}\n\n"
        f"Region highlight: Americas\n\n{BODY}\n\nCountry watch: Peru\n\n{BODY}\n\n"
        f"Sector watch: Shipping and ports\n\n{BODY}\n"
    )
    brief = parse_text(text)
    assert [s.heading for s in brief.sections] == [
        None,
        "Theme highlight: Political violence",
        "Region highlight: Americas",
        "Country watch: Peru",
        "Sector watch: Shipping and ports",
    ]


@pytest.mark.parametrize(
    "lines",
    [
        # one alone may be a remark: it stays text
        ["Theme highlight: Political violence"],
        # one-word keys are fields, even two of a kind
        ["Location: Gulf of Aden", "Location: Red Sea"],
        # a name with figures is a value, not a heading
        ["Threat level: Level 3", "Crime level: Level 2"],
    ],
)
def test_a_lone_key_line_or_field_lines_stay_text(lines: list[str]) -> None:
    text = f"{TITLE}\n\n{BODY}\n\n" + "".join(f"{line}\n\n{BODY}\n\n" for line in lines)
    brief = parse_text(text)
    assert [s.heading for s in brief.sections] == [None]
    paragraphs = [b.text for b in brief.sections[0].blocks]
    assert all(line in paragraphs for line in lines)


def test_a_title_case_question_tight_under_a_heading_is_a_heading() -> None:
    text = (
        f"Level 3 Advisories: What to Know\n{BODY}\nUnderstanding Level 3 Advisories\n"
        f"What Does a Level 3 Advisory Mean?\n{BODY}\nKey Factors Behind the Levels\n{BODY}\n"
    )
    brief = parse_text(text)
    assert [s.heading for s in brief.sections] == [
        None,
        "Understanding Level 3 Advisories",
        "What Does a Level 3 Advisory Mean?",
        "Key Factors Behind the Levels",
    ]
    assert brief.sections[1].blocks == ()  # the heading over the question heads no text


def test_questions_in_a_row_under_a_label_stay_rows() -> None:
    # a list of questions: none is over prose, so none heads a section
    rows = "Related Questions\nWhat Does Level 3 Mean?\nWhat Does Level 4 Mean?\n"
    brief = parse_text(f"Level 3 Advisories: What to Know\n\n{BODY}\n\n{rows}\n{BODY}\n")
    for question in ("What Does Level 3 Mean?", "What Does Level 4 Mean?"):
        assert question not in [s.heading for s in brief.sections]
        assert any(question in s.text for s in brief.sections)


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("Confidence in our Judgments", SectionKind.JUDGEMENT),
        ("(U) Confidence in our Judgments", SectionKind.JUDGEMENT),
        ("Outlook for their Forecast", SectionKind.OUTLOOK),
        ("Confidence in our judgments", None),  # sentence case: no label is built from it
    ],
)
def test_a_possessive_in_a_title_case_heading(heading: str, kind: SectionKind | None) -> None:
    assert heading_kind(heading) == kind
