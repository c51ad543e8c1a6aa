"""parse_text on what pages print around the headline: header lines of fields joined by
middle dots, authors' names with a role, a credential or a link, kickers, decks, keyword
lines, mastheads and wordmarks (and code indented under a paragraph's line). Each test is
one rule with a control that the rule must not reach."""

from __future__ import annotations

import datetime as dt

import pytest

from briefkit import ItemList, parse_text, render_text
from briefkit.syntax.chrome import is_crumbs
from briefs import kept_text

TITLE = "Country Risk Assessment Guide 2026: How to Evaluate Any Country"
STANDFIRST = "A framework for mid-sized firms weighing the risks of their sites abroad."
BODY = "The ministry confirmed the order on Monday and said more would follow."


def _paragraphs(text: str) -> list[str]:
    return [b.text for s in parse_text(text).sections for b in s.blocks]


@pytest.mark.parametrize(
    ("line", "published", "authors"),
    [
        (
            "Published February 2026 · 14 min read · By Sean Roe, Region Alert Founder",
            None,
            ("Sean Roe",),
        ),
        ("Mar 3, 2025 | 6 min read", dt.date(2025, 3, 3), ()),
        ("By Ada Lee • Updated 4 May 2024", None, ("Ada Lee",)),  # the date of a change
    ],
)
def test_a_dot_joined_header_line_is_metadata(
    line: str, published: dt.date | None, authors: tuple[str, ...]
) -> None:
    for text in (
        f"{TITLE}\n\n{line}\n\n{STANDFIRST}\n\n{BODY}\n",  # under the headline
        f"{TITLE}\n\n{STANDFIRST}\n\n{line}\n\n{BODY}\n",  # under the standfirst
    ):
        brief = parse_text(text)
        assert brief.title == TITLE
        assert (brief.published, brief.authors) == (published, authors)
        assert _paragraphs(text) == [STANDFIRST, BODY]
    assert parse_text(f"{TITLE}\n\n{line}\n\n{BODY}\n").updated == (
        dt.date(2024, 5, 4) if "Updated" in line else None
    )


@pytest.mark.parametrize(
    "line",
    [
        "Rates rose · traders said · the ministry agreed",  # parts that are no fields
        "January 2026 · February 2026",  # periods, not a header
        "Published February 2026 · 14 min read · then the market fell by half",
    ],
)
def test_a_dot_joined_line_with_another_part_stays_text(line: str) -> None:
    brief = parse_text(f"{TITLE}\n\n{STANDFIRST}\n\n{line}\n\n{BODY}\n")
    assert (brief.published, brief.authors) == (None, ())
    assert line in kept_text(brief)


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("By Jane Roe, Region Alert Founder", ("Jane Roe",)),  # a role after the name
        ("By Jane Roe, Editor", ("Jane Roe",)),
        ("By Jane Roe, PhD", ("Jane Roe",)),  # a credential
        (
            "By Waratah Analytics, Trend Micro Research",
            ("Waratah Analytics", "Trend Micro Research"),
        ),
        ("By Jane Roe and Sam Lee", ("Jane Roe", "Sam Lee")),
    ],
)
def test_a_role_or_credential_after_a_byline_is_no_author(
    line: str, authors: tuple[str, ...]
) -> None:
    assert parse_text(f"{TITLE}\n\n{line}\n\n{BODY}\n").authors == authors


def test_authors_names_under_the_headline_with_a_credential_and_a_link() -> None:
    text = (
        f"Bi-Weekly Geopolitical Report – The Mid-Year Outlook: The Polycrisis (July 10, 2023)"
        f"\n\nBill Grady, Thomas Wash, and Patrick Fearon-Hernandez, CFA | PDF\n\n{BODY}\n"
    )
    brief = parse_text(text)
    assert brief.title.startswith("Bi-Weekly Geopolitical Report")
    assert brief.authors == ("Bill Grady", "Thomas Wash", "Patrick Fearon-Hernandez")
    assert brief.summary is None
    assert _paragraphs(text) == [BODY]


@pytest.mark.parametrize(
    "line",
    [
        "Regional Dynamics",  # one name-shaped line: a heading as likely as an author
        "From Food & Medicine Encyclopedia",  # a wiki's site line, no names
    ],
)
def test_one_name_shaped_line_under_the_headline_is_no_author(line: str) -> None:
    brief = parse_text(f"{TITLE}\n\n{line}\n\n{BODY}\n\n{BODY}\n")
    assert brief.authors == ()
    assert brief.title == TITLE


CODE = """\
with open('flagged.eml') as fh:
    message = email.message_from_file(fh)
    if 'pass' in message.get('Authentication-Results', ''):
        print('SPF passed.')"""


def test_lines_indented_under_a_paragraph_line_continue_it() -> None:
    text = f"{TITLE}\n\n{BODY}\n\n{CODE}\n\n{BODY}\n"
    paragraphs = _paragraphs(text)
    assert len(paragraphs) == 3
    assert paragraphs[1].startswith("with open(")
    assert paragraphs[1].endswith("print('SPF passed.')")


def test_unindented_lines_and_indented_items_under_a_paragraph_stay_apart() -> None:
    flat = "\n".join(line.strip() for line in CODE.splitlines())
    assert len(_paragraphs(f"{TITLE}\n\n{BODY}\n\n{flat}\n\n{BODY}\n")) > 3
    brief = parse_text(f"{TITLE}\n\nWatch these:\n  - Rates rose\n  - Ports shut\n\n{BODY}\n")
    (items,) = [b for s in brief.sections for b in s.blocks if isinstance(b, ItemList)]
    assert [i.text for i in items.items] == ["Rates rose", "Ports shut"]


DECK = "Security chiefs confront new threats from several directions"


def test_a_sentence_case_deck_under_a_title_case_headline_is_its_first_paragraph() -> None:
    text = (
        f"Securing the Future\n\n{DECK}\n\n{BODY}\n\nThreats and Hazards are Evolving\n\n{BODY}\n"
    )
    brief = parse_text(text)
    assert brief.title == "Securing the Future"
    assert [s.heading for s in brief.sections] == [None, "Threats and Hazards are Evolving"]
    assert brief.sections[0].blocks[0].text == DECK


@pytest.mark.parametrize(
    ("title", "first", "later"),
    [
        # a site that writes its headings in sentence case opens with one
        ("Country Risk Rating Method", "Country risk categories", "Country risk levels"),
        # mixed capitals and a colon: a heading with odd case, no deck
        (
            "Demonstration Alert for U.S. Citizens",
            "Presentation Alert for U.S. Citizens: What You need too Know",
            "Why It Matters",
        ),
    ],
)
def test_a_first_line_in_a_sentence_case_house_style_heads_a_section(
    title: str, first: str, later: str
) -> None:
    text = f"{title}\n\n{first}\n\n{BODY}\n\n{later}\n\n{BODY}\n"
    assert [s.heading for s in parse_text(text).sections] == [first, later]


@pytest.mark.parametrize("kicker", ["Inside the SOC", "Blog\n\nInside the SOC"])
def test_a_kicker_over_a_headline_with_a_sentence_case_tail(kicker: str) -> None:
    headline = "A Surge of Vidar: Network-based details of a prolific info-stealer"
    brief = parse_text(f"{kicker}\n\n{headline}\n\n{BODY}\n")
    assert (brief.title, brief.category) == (headline, "Inside the SOC")


def test_a_kicker_over_a_sentence_stays_the_title() -> None:
    line = "Officials warned: the ministry said more strikes would follow"
    brief = parse_text(f"Inside the SOC\n\n{line}\n\n{BODY}\n")
    assert brief.title == "Inside the SOC"


def test_a_lower_case_keyword_line_under_the_headline_is_dropped() -> None:
    title = "Understanding Political Risk Analysis: Strategies For Global Business"
    brief = parse_text(f"{title}\n\nwhat is political risk analysis\n\n{BODY}\n")
    assert _paragraphs(f"{title}\n\nwhat is political risk analysis\n\n{BODY}\n") == [BODY]
    assert brief.title == title


@pytest.mark.parametrize(
    "line",
    [
        "political stability matters here",  # one headline word, not two in a row
        "political risk analysis, they said",  # punctuation: a fragment of prose
    ],
)
def test_a_lower_case_line_not_built_from_the_headline_stays(line: str) -> None:
    title = "Understanding Political Risk Analysis: Strategies For Global Business"
    assert line in _paragraphs(f"{title}\n\n{line}\n\n{BODY}\n")


@pytest.mark.parametrize(
    "first",
    [
        "what is political risk analysis",  # a keyword line of this title
        "Published February 2026 · 14 min read · By Sean Roe",  # a header line
        "Bill Grady, Thomas Wash, and Patrick Fearon-Hernandez",  # authors' names
    ],
)
def test_render_text_keeps_a_paragraph_shaped_like_the_page_header(first: str) -> None:
    title = "Understanding Political Risk Analysis: Strategies For Global Business"
    brief = parse_text(f"{title}\n\n\\{first}\n\n{BODY}\n")
    assert _paragraphs(render_text(brief)) == [first, BODY]
    assert parse_text(render_text(brief)) == brief


def test_a_question_about_two_of_the_headline_words_is_the_first_heading() -> None:
    text = f"Security Assessment Types\n\nWhat is Security Assessment?\n\n{BODY}\n"
    brief = parse_text(text)
    assert (brief.title, brief.category) == ("Security Assessment Types", None)
    assert [s.heading for s in brief.sections] == ["What is Security Assessment?"]


def test_a_kicker_over_a_question_on_another_subject_stays_a_kicker() -> None:
    brief = parse_text(f"Cyber Threats\n\nWhy Do Ransomware Gangs Target Hospitals?\n\n{BODY}\n")
    assert (brief.title, brief.category) == (
        "Why Do Ransomware Gangs Target Hospitals?",
        "Cyber Threats",
    )


ITALIAN = "Come il mirroring esteso del traffico migliora la sicurezza"


def test_under_a_section_link_a_kicker_over_a_headline_in_sentence_case() -> None:
    brief = parse_text(f"Blog\n\nNuvola\n\n{ITALIAN}\n\n09 Mar 2021\n\n{BODY}\n")
    assert (brief.title, brief.category) == (ITALIAN, "Nuvola")
    assert brief.published == dt.date(2021, 3, 9)


def test_a_short_line_over_a_sentence_case_line_with_no_section_link_is_the_title() -> None:
    brief = parse_text(f"Nuvola\n\n{ITALIAN}\n\n{BODY}\n")
    assert brief.title == "Nuvola"


def test_a_section_label_under_a_headline_printed_twice_is_no_author() -> None:
    title = "Case 13: Understanding Crisis: A Framework for Precision Analysis"
    text = f"{title}\n\n{title}\n\nKey Takeaways\n\n  1. {BODY}\n  2. {BODY}\n\n{BODY}\n"
    brief = parse_text(text)
    assert brief.authors == ()
    assert [(s.kind.value, s.heading) for s in brief.sections] == [("judgement", "Key Takeaways")]


def test_names_under_a_headline_printed_twice_are_its_authors() -> None:
    title = "Case 13: Understanding Crisis: A Framework for Precision Analysis"
    brief = parse_text(f"{title}\n\n{title}\n\nImogen Reyes\n\n{BODY}\n")
    assert brief.authors == ("Imogen Reyes",)


def test_a_question_about_the_hyphenated_headline_makes_it_no_kicker() -> None:
    question = "What is conflict-risk assessment, and what does it tell us?"
    brief = parse_text(f"Conflict Risk Assessment\n{question}\n{BODY}\n{BODY}\n")
    assert (brief.title, brief.category) == ("Conflict Risk Assessment", None)


def test_a_masthead_over_glued_buttons_and_a_name_over_an_updated_by_line() -> None:
    text = (
        "Beyond Intractability\n"
        "Printer-friendly versionPrinter-friendly versionSend by emailSend by email\n\n"
        "Conflict Assessment\n\nCate Malek\n\nUpdated May 2013 by Heidi Burgess\n\n"
        f"{BODY}\n"
    )
    brief = parse_text(text)
    assert (brief.title, brief.publisher, brief.category) == (
        "Conflict Assessment",
        "Beyond Intractability",
        None,
    )
    assert brief.authors == ("Cate Malek", "Heidi Burgess")
    assert _paragraphs(text) == [BODY]


def test_a_kicker_over_a_headline_over_its_byline_stays_a_kicker() -> None:
    brief = parse_text(f"Maritime\n\nPirates Return to the Strait\n\nBy Heidi Burgess\n\n{BODY}\n")
    assert (brief.title, brief.category) == ("Pirates Return to the Strait", "Maritime")
    assert brief.authors == ("Heidi Burgess",)


@pytest.mark.parametrize(
    "line",
    [
        "Printer-friendly versionSend by emailReviewed",  # a part that is no button
        "McDonaldSend by email",
    ],
)
def test_glued_words_with_a_part_that_is_no_button_stay(line: str) -> None:
    brief = parse_text(f"{TITLE}\n\n{BODY}\n\n{line}\n\n{BODY}\n")
    assert line in kept_text(brief)


def test_a_camel_case_wordmark_over_the_headline_is_the_publisher() -> None:
    brief = parse_text(f"EndlessWiki\n\nSecurity Environment\n\n{BODY}\n")
    assert (brief.title, brief.publisher, brief.category) == (
        "Security Environment",
        "EndlessWiki",
        None,
    )


@pytest.mark.parametrize("kicker", ["Maritime", "Cyber Threats"])
def test_a_word_with_no_inner_capital_over_the_headline_is_a_kicker(kicker: str) -> None:
    brief = parse_text(f"{kicker}\n\nSecurity Environment\n\n{BODY}\n")
    assert (brief.publisher, brief.category) == (None, kicker)


def test_wiki_page_furniture_above_the_headline_and_label_value_fields() -> None:
    text = (
        "Jump to content\n\nCategory:Regional Security\n\nRegional Security\n\n"
        "Article Type\n\nAcademic Article\n\nAuthor\n\nThrongTalk Editorial Team\n\n"
        f"Overview\n\n{BODY}\n"
    )
    brief = parse_text(text)
    assert (brief.title, brief.category) == ("Regional Security", "Academic Article")
    assert brief.authors == ("ThrongTalk Editorial Team",)
    assert [s.heading for s in brief.sections] == ["Overview"]


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("By Ray Bernard, PSP, CHS-III", ("Ray Bernard",)),  # credentials in capitals
        ("By Ray Bernard, Ann Lee", ("Ray Bernard", "Ann Lee")),  # a second author
    ],
)
def test_a_byline_under_the_standfirst_is_never_a_heading(
    line: str, authors: tuple[str, ...]
) -> None:
    brief = parse_text(f"{TITLE}\n\n{STANDFIRST}\n\n{line}\n\n\n{BODY}\n")
    assert brief.authors == authors
    assert [s.heading for s in brief.sections] == [None]


def test_capitals_after_a_one_word_name_are_a_second_author() -> None:
    assert parse_text(f"{TITLE}\n\nBy CNN, AP\n\n{BODY}\n").authors == ("CNN", "AP")


def test_the_kind_of_piece_over_a_sentence_case_headline_is_the_category() -> None:
    headline = "Report overviewing conflict trends released"
    brief = parse_text(f"Report\n\n{headline}\n\n{BODY}\n")
    assert (brief.title, brief.category, brief.publisher) == (headline, "Report", None)


def test_a_site_name_ending_in_report_over_the_headline_is_still_the_publisher() -> None:
    brief = parse_text(f"HARBOUR RISK REPORT\n\nPirates Return to the Strait\n\n{BODY}\n")
    assert brief.publisher == "HARBOUR RISK REPORT"


def test_a_definition_label_over_a_lower_case_term_is_the_category() -> None:
    brief = parse_text(f"X\nDefinition\n\ncyber attack\n\n{BODY}\n")
    assert (brief.title, brief.category) == ("cyber attack", "Definition")


def test_a_trail_of_bare_slashes_above_the_headline_is_dropped() -> None:
    headline = "What Is a Disinformation Campaign? Tactics and Defense"
    crumbs = "Glossary/Detection Engineering/Disinformation Campaign"
    brief = parse_text(f"{crumbs}\n\n{headline}\n\n{BODY}\n")
    assert brief.title == headline
    assert _paragraphs(f"{crumbs}\n\n{headline}\n\n{BODY}\n") == [BODY]


@pytest.mark.parametrize("line", ["TCP/IP/UDP", "Use and/or Avoid", "Q1/Q2/Q3 Results 2025"])
def test_slashes_in_a_name_or_a_phrase_are_no_trail(line: str) -> None:
    assert not is_crumbs(line)


def test_a_lower_case_slug_over_the_headline_is_its_category() -> None:
    slug = "elections-and-voting-processes"
    brief = parse_text(f"{slug}\n{TITLE}\n\n{STANDFIRST}\n\n{BODY}\n")
    assert (brief.title, brief.category) == (TITLE, slug)
    # a hyphenated word over a sentence is no kicker of a headline
    brief = parse_text(f"cease-fire\n\n{BODY}\n")
    assert (brief.title, brief.category) == ("cease-fire", None)


def test_the_headline_again_in_other_capitals_after_the_standfirst_heads_a_section() -> None:
    title = "What is Incident Response?"
    text = f"{title}\n\n{STANDFIRST}\n\nWhat is incident response?\n\n{BODY}\n"
    assert [s.heading for s in parse_text(text).sections] == [None, "What is incident response?"]
    # printed as written, or above the standfirst, it is the page's repeat: dropped
    for repeat in (f"{STANDFIRST}\n\n{title}", f"What is incident response?\n\n{STANDFIRST}"):
        brief = parse_text(f"{title}\n\n{repeat}\n\n{BODY}\n")
        assert [b.text for s in brief.sections for b in s.blocks] == [STANDFIRST, BODY]


def test_a_heading_asking_about_the_plural_headline_is_no_title_under_a_kicker() -> None:
    question = "What is a policy memo?"
    brief = parse_text(f"Policy Memos\n\n{question}\n\n{BODY}\n\nWho Reads One?\n\n{BODY}\n")
    assert (brief.title, brief.category) == ("Policy Memos", None)
    assert [s.heading for s in brief.sections] == [question, "Who Reads One?"]
    # a kicker the question does not ask about stays the kicker
    brief = parse_text(f"Policy Papers\n\nWhat is a threat brief?\n\n{BODY}\n")
    assert (brief.title, brief.category) == ("What is a threat brief?", "Policy Papers")


def test_the_headline_again_as_a_markdown_heading_is_dropped() -> None:
    brief = parse_text(f"{TITLE}\n{STANDFIRST}\n# {TITLE}\nDefinition\n{BODY}\n")
    assert [s.heading for s in brief.sections] == [None, "Definition"]
    # a Markdown heading of its own heads its section
    brief = parse_text(f"{TITLE}\n{STANDFIRST}\n# Why Ratings Differ\n{BODY}\n")
    assert [s.heading for s in brief.sections] == [None, "Why Ratings Differ"]


def test_a_byline_row_with_no_name_and_the_post_categories_gives_tags() -> None:
    for line, authors in (
        ("by | Crisis Response, Leadership, Resilience", ()),
        ("by Jo Roe | Mar 3, 2024 | Crisis Response, Leadership", ("Jo Roe",)),
    ):
        brief = parse_text(f"{TITLE}\n\n{line}\n\n{BODY}\n")
        assert brief.tags == tuple(line.rsplit(" | ", 1)[1].split(", "))
        assert brief.authors == authors
        assert [b.text for s in brief.sections for b in s.blocks] == [BODY]
    # categories need a field before them, and a part that is no name list is text
    for line in ("Crisis Response | Leadership", "by | the rest of the story"):
        brief = parse_text(f"{TITLE}\n\n{line}\n\n{BODY}\n")
        assert brief.tags == ()
        assert line in kept_text(brief)


def test_a_byline_with_the_post_view_count_gives_the_author() -> None:
    brief = parse_text(f"{TITLE}\n\nby Jhon Lennon 48 views\n\n{BODY}\n")
    assert brief.authors == ("Jhon Lennon",)
    assert [b.text for s in brief.sections for b in s.blocks] == [BODY]


def test_a_name_over_a_reading_time_run_into_the_date_is_the_author() -> None:
    for line in ("3 min readJul 14, 2022", "3 min read · Jul 14, 2022"):
        brief = parse_text(f"{TITLE}\n\nBob Gerometta\n{line}\n\n{BODY}\n")
        assert (brief.authors, brief.published) == (("Bob Gerometta",), dt.date(2022, 7, 14))
        assert [b.text for s in brief.sections for b in s.blocks] == [BODY]
    # over a bare date, a two-word Title Case line may be a heading: it is no author
    brief = parse_text(f"{TITLE}\n\nRegional Outlook\nJul 14, 2022\n\n{BODY}\n")
    assert brief.authors == ()


def test_a_kicker_over_a_dated_sentence_case_headline_ending_in_an_abbreviation() -> None:
    headline = "Despite recent events, the risk of terror attacks is low in Europe and the U.S."
    brief = parse_text(f"AIR Currents\n\n{headline}\n\nApril 26, 2016\n\n{BODY}\n")
    assert (brief.title, brief.category) == (headline, "AIR Currents")
    assert brief.published == dt.date(2016, 4, 26)
    # with no date under it, a sentence under a short line is no headline
    brief = parse_text(f"AIR Currents\n\n{headline}\n\n{BODY}\n")
    assert (brief.title, brief.category) == ("AIR Currents", None)


def test_a_published_and_modified_line_gives_both_dates() -> None:
    line = "Published on 03/30/2026 at 08:40 am EDT - Modified on 05/08/2026 at 05:52 am EDT"
    brief = parse_text(f"{TITLE}\n{STANDFIRST}\n{line}\n\n{BODY}\n")
    assert brief.published == dt.datetime(2026, 3, 30, 12, 40, tzinfo=dt.UTC)
    # "05/08" is read month first, as "03/30" on the same line shows the site prints dates
    assert brief.updated == dt.datetime(2026, 5, 8, 9, 52, tzinfo=dt.UTC)
    assert [b.text for s in brief.sections for b in s.blocks] == [STANDFIRST, BODY]
    brief = parse_text(f"{TITLE}\n\nPosted 30/03/2026 - Last updated 05/08/2026\n\n{BODY}\n")
    assert (brief.published, brief.updated) == (dt.date(2026, 3, 30), dt.date(2026, 8, 5))
    # when no date on the line tells the order, neither is read and the line stays text
    line = "Published 03/04/2026 - Updated 05/08/2026"
    brief = parse_text(f"{TITLE}\n\n{line}\n\n{BODY}\n")
    assert (brief.published, brief.updated) == (None, None)
    assert line in kept_text(brief)


def test_a_theme_post_on_date_line_after_a_reading_time_gives_the_date() -> None:
    brief = parse_text(f"{TITLE}\n\n5 min read Post on May 23, 2025\n\n{BODY}\n")
    assert brief.published == dt.date(2025, 5, 23)
    assert [b.text for s in brief.sections for b in s.blocks] == [BODY]
    # "Post" is that label only before "on": a line naming a post is text
    line = "Post May 23, 2025"
    assert line in kept_text(parse_text(f"{TITLE}\n\n{BODY}\n\n{line}\n"))
