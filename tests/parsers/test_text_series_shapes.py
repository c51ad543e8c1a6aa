"""parse_text on the shapes of posts in a series: category links by the date, parallel
"Theme highlight: X" headings, a question heading tight under a heading, possessives in a
Title Case heading. Each test is one rule with a control that the rule must not reach."""

from __future__ import annotations

import datetime as dt

import pytest

from briefkit import ItemList, ParseError, SectionKind, parse_text, render_text
from briefkit.parsers.vocabulary import heading_kind
from briefs import kept_text

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


def test_a_kicker_of_joined_names_over_the_headline_is_the_category() -> None:
    text = (
        "Administrative and Government Law\n\n"
        "Intelligence Report: Components, Types, and Dissemination\n\n"
        f"{BODY}\n\nThe Core Components\n\n{BODY}\n"
    )
    brief = parse_text(text)
    assert brief.title == "Intelligence Report: Components, Types, and Dissemination"
    assert brief.category == "Administrative and Government Law"
    # four names with no joining word are a headline over its subtitle, not a kicker
    four = parse_text(f"Russia China Iran Alignment\n\nWhat It Means for Europe\n\n{BODY}\n")
    assert four.title == "Russia China Iran Alignment"


@pytest.mark.parametrize(
    "line",
    [
        "Still need help? Contact Us Contact Us",
        "Need more help? Submit a request",
        "Download Situation Report Template (updated April 2021)",
        "Download Our Annual Report (PDF, 2 MB)",
    ],
)
def test_help_widgets_and_download_links_are_chrome(line: str) -> None:
    brief = parse_text(f"Situation Reports\n\n{BODY}\n\n{line}\n")
    assert [s.heading for s in brief.sections] == [None]
    assert [b.text for s in brief.sections for b in s.blocks] == [BODY]


@pytest.mark.parametrize(
    "line",
    [
        "Still need help?",  # a question alone may head the advice under it
        "Download the app before you travel.",  # a sentence
        "Download Speeds Fell in the Capital",  # a headline: it names no kind of file
    ],
)
def test_a_question_sentence_or_headline_like_a_widget_stays(line: str) -> None:
    brief = parse_text(f"Situation Reports\n\n{BODY}\n\n{line}\n\n{BODY}\n")
    assert line in kept_text(brief)


TABLE = (
    "Risk Assessment StepDescriptionOutcome\n"
    "Risk IdentificationFinding the hazards that could ariseRegister of possible risks\n"
    "Risk AnalysisStudying how likely each risk isRisks ranked by priority\n"
)


def test_a_table_copied_without_borders_is_rows_not_a_heading() -> None:
    brief = parse_text(f"Mastering Risk Assessment\n\n{BODY}\n\n{TABLE}")
    assert [s.heading for s in brief.sections] == [None]
    assert [b.text for b in brief.sections[0].blocks] == [BODY, *TABLE.splitlines()]


def test_a_brand_in_a_heading_or_in_wrapped_lines_is_no_table() -> None:
    brief = parse_text(f"Mastering Risk Assessment\n\n{BODY}\n\nPowerShell Abuse\n\n{BODY}\n")
    assert [s.heading for s in brief.sections] == [None, "PowerShell Abuse"]
    wrapped = "The actors ran PowerShell scripts to stage\nthe JavaScript loader on each host."
    brief = parse_text(f"Mastering Risk Assessment\n\n{wrapped}\n")
    assert [b.text for b in brief.sections[0].blocks] == [" ".join(wrapped.split())]


def test_a_headline_run_into_its_paragraph_is_split_off() -> None:
    run = (
        "Bottom-Line and Top-Line Bottom line is the net income a company makes. It is what "
        "the company keeps once every cost has been taken away."
    )
    brief = parse_text(f"{run}\n\n{BODY}\n")
    assert brief.title == "Bottom-Line and Top-Line"
    assert [b.text for b in brief.sections[0].blocks] == [run.split("Top-Line ", 1)[1], BODY]


def test_a_long_first_line_that_names_nothing_twice_stays_the_title() -> None:
    # no word of the Title Case opening comes back: nothing shows where a headline ends
    line = "Hong Kong Police Arrested five people on Monday after a night of protests."
    assert parse_text(f"{line}\n\n{BODY}\n").title == line


SALE = (
    "Sticky Banner Visual Mobile 3\n\n"
    "Don't miss the Spring Deal: Save up to 78% before April 21. Claim now!\n\nClaim Now!\n\n"
    "Spring deal: Save up to 78% — Offer ends in\n\n"
)


def test_a_sale_banner_above_a_label_and_a_headline_printed_twice() -> None:
    brief = parse_text(
        f"{SALE}Vendor Glossary\n\nSecurity assessment\n\nSecurity assessment\n\n{BODY}\n"
    )
    assert (brief.title, brief.category) == ("Security assessment", "Vendor Glossary")
    assert [b.text for s in brief.sections for b in s.blocks] == [BODY]


@pytest.mark.parametrize(
    "line",
    [
        "Scammers promised a holiday deal: save up to 90% on flights, then took the money.",
        "Claim now or lose the refund, the fake notice said.",
        "The banner read a warning in three languages.",
    ],
)
def test_sentences_about_sales_and_banners_stay(line: str) -> None:
    brief = parse_text(f"Holiday Scams Rise\n\n{BODY}\n\n{line}\n")
    assert line in [b.text for s in brief.sections for b in s.blocks]


def test_a_quote_button_is_chrome() -> None:
    brief = parse_text(f"Country Risk Reports\n\n{BODY}\n\nGet A Free Quote\n")
    assert [b.text for s in brief.sections for b in s.blocks] == [BODY]


def test_the_headline_again_as_a_one_item_list_under_it() -> None:
    brief = parse_text(f"Geopolitical risk analysis\n- Geopolitical Risk Analysis\n{BODY}\n")
    assert [b.text for s in brief.sections for b in s.blocks] == [BODY]
    # another item is the body's list
    kept = parse_text(f"Geopolitical risk analysis\n- Political Risk Analysis\n\n{BODY}\n")
    assert isinstance(kept.sections[0].blocks[0], ItemList)


def test_headings_two_blank_lines_apart_over_nothing_are_headings() -> None:
    spaced = "Current Overall Alert State\n\n\nCurrent Subject Alert States\n\n\nAlert Definitions"
    brief = parse_text(f"Overall and Subject Alerts\n\n{BODY}\n\n{spaced}\n\n\n{BODY}\n")
    assert [s.heading for s in brief.sections] == [
        None,
        "Current Overall Alert State",
        "Current Subject Alert States",
        "Alert Definitions",
    ]
    # a blank line apart they are a list of links, as before
    links = "Current Overall Alert State\n\nCurrent Subject Alert States\n\nAlert Definitions"
    brief = parse_text(f"Overall and Subject Alerts\n\n{BODY}\n\n{links}\n\n{BODY}\n")
    assert [s.heading for s in brief.sections] == [None]


def test_a_dashed_key_and_value_over_another_is_no_heading() -> None:
    pair = "UK Military Terminology – Stand To\nCivilian Terminology – Keep Calm and Carry On"
    brief = parse_text(f"Overall and Subject Alerts\n\n{BODY}\n\n{pair}\n")
    assert [s.heading for s in brief.sections] == [None]
    # a dashed heading over prose still heads its section
    brief = parse_text(f"Overall and Subject Alerts\n\n{BODY}\n\nHijacked - UKMTO #8\n\n{BODY}\n")
    assert [s.heading for s in brief.sections] == [None, "Hijacked - UKMTO #8"]


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("Enterprise Usage and Architectural Context", SectionKind.BACKGROUND),
        ("Technical Function and Core Characteristics", None),
        ("Implications and Strategic Risks", SectionKind.IMPLICATIONS),
    ],
)
def test_a_joined_heading_with_no_label_part_takes_its_last_noun(
    heading: str, kind: SectionKind | None
) -> None:
    assert heading_kind(heading) == kind


@pytest.mark.parametrize(
    "line",
    ["Select Page", "More: Mastering the Public Relations Report A Guide for ESL Professionals"],
)
def test_a_menu_line_and_a_related_post_link_are_chrome(line: str) -> None:
    brief = parse_text(f"Crisis Reports Explained\n\n{BODY}\n\n{line}\n\n{BODY}\n")
    assert [s.heading for s in brief.sections] == [None]
    assert [b.text for s in brief.sections for b in s.blocks] == [BODY, BODY]


def test_more_with_a_sentence_stays() -> None:
    line = "More: the ministry said further orders would follow within the week."
    brief = parse_text(f"Crisis Reports Explained\n\n{BODY}\n\n{line}\n")
    assert line in [b.text for s in brief.sections for b in s.blocks]


def test_a_slogan_ending_in_an_exclamation_over_the_headline() -> None:
    headline = "If You Don't Know Where You're Going: The Strategic Assessment"
    brief = parse_text(f"Complex Projects…Simplified!\n\n{headline}\n\n{BODY}\n")
    assert (brief.title, brief.summary) == (headline, "Complex Projects…Simplified!")


def test_a_name_over_a_question_about_it_is_the_title() -> None:
    text = f"Conflict Analysis\n\nWhat is conflict analysis?\n\n{BODY}\n\nMy Definition\n\n{BODY}\n"
    brief = parse_text(text)
    assert brief.title == "Conflict Analysis"
    assert [s.heading for s in brief.sections] == ["What is conflict analysis?", "My Definition"]
    # a kicker over a question about something else is still a kicker
    other = parse_text(f"Maritime\n\nWhy Are Shipping Rates Rising?\n\n{BODY}\n")
    assert (other.title, other.category) == ("Why Are Shipping Rates Rising?", "Maritime")


def test_a_sentence_case_heading_over_a_list_after_a_paragraph() -> None:
    text = f"Conflict Analysis\n\n{BODY}\n\nSome definitions\n\n  • One reading.\n  • Another.\n"
    brief = parse_text(text)
    assert [s.heading for s in brief.sections] == [None, "Some definitions"]
    # tight over its list, or after a line that does not end a sentence, it stays text
    for body in (
        f"{BODY}\n\nSome definitions\n  • One reading.\n  • Another.\n",
        "The plan covers\n\nSome definitions\n\n  • One reading.\n  • Another.\n",
    ):
        brief = parse_text(f"Conflict Analysis\n\n{body}")
        assert "Some definitions" not in [s.heading for s in brief.sections], body


def test_a_vendor_blog_header_section_link_category_split_date_and_alt_run() -> None:
    top = "Blog\n\nThought Leadership\n\nHow Cyber Monday Became a Nightmare\n\n"
    alt = "Default blog image" * 4
    brief = parse_text(f"{top}{alt}\n10\nNov 2021\n10\nNov 2021\n{BODY}\n")
    assert brief.title == "How Cyber Monday Became a Nightmare"
    assert (brief.category, brief.published) == ("Thought Leadership", dt.date(2021, 11, 10))
    assert [b.text for s in brief.sections for b in s.blocks] == [BODY]


@pytest.mark.parametrize("line", ["very very very", "No no no no.", "ha" * 5, "_" * 30])
def test_a_repeat_with_spaces_or_too_short_or_no_letters_stays(line: str) -> None:
    brief = parse_text(f"Holiday Scams Rise\n\n{BODY}\n\n{line}\n")
    assert line in [b.text for s in brief.sections for b in s.blocks]


STEPS = (
    "1. Start with the operational snapshot\n\n{b}\n\n2. Separate facts from follow-up\n\n{b}\n\n"
    "{n}. Make the next action visible\n\n{b}\n"
)


def test_numbered_sentence_case_headings_over_paragraphs() -> None:
    brief = parse_text(f"Security Operations Briefing\n\n{BODY}\n\n" + STEPS.format(b=BODY, n=3))
    assert [s.heading for s in brief.sections] == [
        None,
        "Start with the operational snapshot",
        "Separate facts from follow-up",
        "Make the next action visible",
    ]


def test_numbered_sentence_case_lines_out_of_order_or_alone_stay_items() -> None:
    skipped = STEPS.format(b=BODY, n=5)  # 1, 2, 5: not one run of steps
    alone = f"1. Start with the operational snapshot\n\n{BODY}\n"
    for body in (skipped, alone):
        brief = parse_text(f"Security Operations Briefing\n\n{BODY}\n\n{body}")
        assert [s.heading for s in brief.sections] == [None], body


def test_a_published_in_line_names_the_category_and_the_wordmark_the_publisher() -> None:
    placed = "Published in Article Analysis 4 mins read"
    text = f"askvity\n\nWhat Are Key Findings?\n\n{placed}\n\n{BODY}\n"
    brief = parse_text(text)
    assert (brief.title, brief.publisher, brief.category) == (
        "What Are Key Findings?",
        "askvity",
        "Article Analysis",
    )
    assert [b.text for s in brief.sections for b in s.blocks] == [BODY]
    # under a kicker that is no wordmark, the kicker stays the category and the line is kept
    kept = parse_text(text.replace("askvity", "Research Notes"))
    assert kept.category == "Research Notes"
    line = "Published in Article Analysis 4 mins read"
    assert any(line in (s.heading or "") or line in s.text for s in kept.sections)


def test_a_question_with_a_title_case_tail_is_a_headline_and_a_heading() -> None:
    text = (
        "Administrative and Government Law\n\n"
        "What Is a Policy Memo? Purpose, Types, and Structure\n\n"
        f"{BODY}\n\nWhat Is a Cyber Threat? Definition and Core Concepts\n\n{BODY}\n"
    )
    brief = parse_text(text)
    assert (brief.title, brief.category) == (
        "What Is a Policy Memo? Purpose, Types, and Structure",
        "Administrative and Government Law",
    )
    assert [s.heading for s in brief.sections] == [
        None,
        "What Is a Cyber Threat? Definition and Core Concepts",
    ]
    # two sentences, the second in sentence case, stay a paragraph
    said = "Is it over? Nobody in the ministry thinks so."
    brief = parse_text(f"Policy Memos\n\n{BODY}\n\n{said}\n\n{BODY}\n")
    assert said in [b.text for s in brief.sections for b in s.blocks]


def test_a_date_header_over_a_short_headline_and_a_sign_off_name() -> None:
    text = (
        f"Wednesday, November 25, 2015\n\nTravel Alert\n\n{BODY}\n\n{BODY}\n\n"
        "Mark Carvajal\n\n1 comment:\n\n  1. Useful, thanks\n"
    )
    brief = parse_text(text)
    assert (brief.title, brief.published) == ("Travel Alert", dt.date(2015, 11, 25))
    kept = [s.heading for s in brief.sections] + [s.text for s in brief.sections]
    assert not any("1 comment:" in (k or "") for k in kept)
    assert any("Mark Carvajal" in (k or "") for k in kept)


def test_a_date_over_its_first_section_still_makes_the_date_the_title() -> None:
    # no headline: the page opens with a date and a section heading that has siblings
    text = f"March 3, 2024\n\nMaritime\n\n{BODY}\n\nAviation\n\n{BODY}\n"
    brief = parse_text(text)
    assert brief.title == "March 3, 2024"
    assert [s.heading for s in brief.sections] == ["Maritime", "Aviation"]


def test_a_markdown_mark_is_dropped_from_the_headline() -> None:
    assert parse_text(f"# Conflict handling\n\n{BODY}\n").title == "Conflict handling"


@pytest.mark.parametrize(
    "title",
    [
        "# Conflict handling",
        "Bottom-Line and Top-Line Bottom line is the net income a company makes, and it is "
        "what the company keeps.",
    ],
)
def test_a_title_the_parser_would_change_is_escaped_when_written(title: str) -> None:
    brief = parse_text(f"Placeholder\n\n{BODY}\n").model_copy(update={"title": title})
    assert parse_text(render_text(brief)).title == title


def test_dash_markers_alone_over_their_items() -> None:
    items = "-\nRelevance: Every team gets what it can act on.\n-\nClarity: No jargon.\n"
    brief = parse_text(f"Role-Specific Briefs\n{BODY}\nWhy It Matters\n{BODY}\n{items}")
    lists = [b for s in brief.sections for b in s.blocks if isinstance(b, ItemList)]
    assert [[i.lead for i in b.items] for b in lists] == [["Relevance", "Clarity"]]
    # a dash a blank line away from the paragraph marks nothing: the paragraph stays one
    brief = parse_text(f"Role-Specific Briefs\n\n{BODY}\n\n-\n\n{BODY}\n")
    assert [b.text for s in brief.sections for b in s.blocks] == [BODY, BODY]


def test_a_lower_case_term_as_the_headline_is_the_title() -> None:
    brief = parse_text(f"Home\n\njudgements\n\n{BODY}\n")
    assert brief.title == "judgements"
    # a label written as a section heading where the title should be is still refused
    for text in (f"Key Judgements:\n\n{BODY}\n", f"judgements:\n\n{BODY}\n"):
        with pytest.raises(ParseError):
            parse_text(text)


def test_roman_numerals_before_headings_are_section_numbers() -> None:
    text = (
        f"Security Alert Explained\n\n{BODY}\n\nI. What is a Security Alert?\n\n{BODY}\n\n"
        f"II. Why are Security Alerts Important?\n\n{BODY}\n"
    )
    brief = parse_text(text)
    assert [s.heading for s in brief.sections] == [
        None,
        "What is a Security Alert?",
        "Why are Security Alerts Important?",
    ]
    # "I" as a word, with no full stop after it, opens no number
    assert parse_text(f"Notes\n\n{BODY}\n\nI Was There\n\n{BODY}\n").sections[1].heading == (
        "I Was There"
    )


def test_table_of_contents_over_a_paragraph_heads_it() -> None:
    about = "With a detailed table of contents, readers can go straight to what they need."
    brief = parse_text(f"How to Write a Report\n\n{BODY}\n\nTable of Contents\n\n{about}\n")
    assert [s.heading for s in brief.sections] == [None, "Table of Contents"]
    # over the entries of a contents list it is still the list's label, and dropped
    entries = "Table of Contents\n\nIntroduction\nMethod\nFindings\n"
    brief = parse_text(f"How to Write a Report\n\n{BODY}\n\n{entries}\n{BODY}\n")
    assert "Table of Contents" not in [s.heading for s in brief.sections]
    assert "Table of Contents" not in "\n".join(s.text for s in brief.sections)


def test_a_section_link_over_a_category_label_under_the_headline() -> None:
    brief = parse_text(
        f"Cyber Threats Guide [2025–2026]\n\nKnowledge Hub\nCyber Threats\n\n{BODY}\n"
    )
    assert brief.category == "Cyber Threats"
    assert [b.text for s in brief.sections for b in s.blocks] == [BODY]
    # a subtitle pair that is no section link stays text
    headline = "Cyber Threats Guide to Detecting Modern Attacks [2025–2026]"
    brief = parse_text(f"{headline}\n\nRising Risks\nCyber Threats\n\n{BODY}\n")
    assert (brief.title, brief.category) == (headline, None)


def test_a_heading_over_headings_in_text_with_no_blank_line() -> None:
    text = (
        f"{TITLE}\n{BODY}\nRelated Questions\n1. How is a report prepared?\n{BODY}\n"
        f"2. Who uses the reports?\n{BODY}\n"
    )
    heads = [s.heading for s in parse_text(text).sections]
    assert heads == [
        None,
        "Related Questions",
        "How is a report prepared?",
        "Who uses the reports?",
    ]


def test_a_sentence_case_line_tight_over_a_label_in_blankless_text_stays_text() -> None:
    brief = parse_text("T\n\nSome text\nImplications:\nMore.")
    assert [s.heading for s in brief.sections] == [None, "Implications"]


@pytest.mark.parametrize("label", ["Teaching Contents", "Table of Contents", "CONTENTS"])
def test_a_contents_label_whose_entries_did_not_copy_is_chrome(label: str) -> None:
    brief = parse_text(f"{TITLE}\n\n{label}\n\n\n{BODY}\n\nWhy It Matters\n\n{BODY}\n")
    assert [s.heading for s in brief.sections] == [None, "Why It Matters"]
    assert label not in [b.text for s in brief.sections for b in s.blocks]


def test_a_contents_label_with_one_blank_line_under_it_is_kept() -> None:
    brief = parse_text(f"{TITLE}\n\nTeaching Contents\n\n{BODY}\n")
    assert "Teaching Contents" in [s.heading for s in brief.sections] + [
        b.text for s in brief.sections for b in s.blocks
    ]
