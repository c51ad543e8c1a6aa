"""parse_text on what a copy keeps from the page's source and its theme: a wiki's "==
Heading ==" marks and edit links, code fences and component tags, Markdown's bold around an
item's lead-in, en dashes as bullets, table rows with their bars, buttons run together,
attributions, anchors and footer dates. Each test is one rule with a control that the rule
must not reach."""

from __future__ import annotations

import datetime as dt

import pytest

from briefkit import ItemList, parse_text, render_text
from briefs import kept_text

BODY = "The ministry confirmed the order on Monday and said more would follow."


def _blocks(text: str) -> list[object]:
    return [b for s in parse_text(text).sections for b in s.blocks]


def _paragraphs_of(text: str) -> list[str]:
    return [getattr(b, "text", "") for b in _blocks(text)]


def test_wiki_heading_marks_are_dropped_from_the_title_and_headings() -> None:
    brief = parse_text(f"= Policy analysis =\n\n{BODY}\n\n==Approaches==\n\n{BODY}\n")
    assert brief.title == "Policy analysis"
    assert [s.heading for s in brief.sections] == [None, "Approaches"]


@pytest.mark.parametrize("line", ["== Approaches =", "= 5 =", "=== ==="])
def test_unequal_or_empty_wiki_marks_stay_text(line: str) -> None:
    brief = parse_text(f"Policy Analysis\n\n{BODY}\n\n{line}\n\n{BODY}\n")
    assert [s.heading for s in brief.sections] == [None]
    assert line in _paragraphs_of(render_text(brief))


def test_a_code_fence_alone_on_its_line_is_dropped() -> None:
    text = f"Geopolitical analysis\n```wiki\n{BODY}\n\n```\n\n{BODY}\n"
    assert _paragraphs_of(text) == [BODY, BODY]


def test_a_code_fence_inside_a_line_stays() -> None:
    line = "Wrap the sample in ``` fences before you paste it."
    assert _paragraphs_of(f"Guide\n\n{line}\n\n{BODY}\n")[0] == line


def test_an_item_lead_in_markdown_bold_loses_its_marks() -> None:
    text = (
        f"Key Thinkers\n\n{BODY}\n\n- **Friedrich Ratzel (1844-1904):** Called the father of"
        f" geopolitics.\n- **Halford Mackinder**: Wrote of the heartland.\n"
    )
    (items,) = [b for b in _blocks(text) if isinstance(b, ItemList)]
    assert [(i.lead, i.text) for i in items.items] == [
        ("Friedrich Ratzel (1844-1904)", "Called the father of geopolitics."),
        ("Halford Mackinder", "Wrote of the heartland."),
    ]


def test_bold_text_with_no_colon_inside_or_after_it_leads_nothing() -> None:
    text = f"Key Thinkers\n\n{BODY}\n\n- **Note** that the ministry said: more later.\n"
    (items,) = [b for b in _blocks(text) if isinstance(b, ItemList)]
    assert items.items[0].lead == ""


def test_en_dash_bullets_under_a_colon_line_are_a_list() -> None:
    text = (
        f"Security Advisories\n\n{BODY}\n\nMost advisories set out the following:\n"
        "– Description of the flaw: How it could be used.\n"
        "– Risk level: A rating of how serious it is.\n"
    )
    (items,) = [b for b in _blocks(text) if isinstance(b, ItemList)]
    assert [i.lead for i in items.items] == ["Description of the flaw", "Risk level"]


def test_an_en_dash_run_into_a_figure_is_no_bullet() -> None:
    line = "–2.5% was the fall in exports, the ministry said."
    assert not any(isinstance(b, ItemList) for b in _blocks(f"Trade\n\n{BODY}\n\n{line}\n"))


@pytest.mark.parametrize(
    "credit",
    [
        "By U.S. Government [Public domain], via Wikimedia Commons",
        "By Jane Roe, CC BY-SA 4.0, via Wikimedia Commons",
    ],
)
def test_a_wikimedia_commons_attribution_is_dropped(credit: str) -> None:
    text = (
        f"What Is Terrorism?\n\n{BODY}\n\n{credit}\n\n{BODY}\n\nDefinition of Terrorism\n\n{BODY}\n"
    )
    brief = parse_text(text)
    assert [s.heading for s in brief.sections] == [None, "Definition of Terrorism"]
    assert brief.authors == ()
    assert credit not in _paragraphs_of(text)


@pytest.mark.parametrize(
    "line",
    [
        "Most of the photographs reached the archive via Wikimedia Commons.",
        "By 2020 the photographs had come to the archive via Wikimedia Commons.",
    ],
)
def test_a_sentence_naming_wikimedia_commons_stays(line: str) -> None:
    assert line in _paragraphs_of(f"Archive\n\n{BODY}\n\n{line}\n")


@pytest.mark.parametrize(
    "footer",
    [
        "Last updated: May 16, 2025 at 9:13 AM",
        "Last modified: 16 May 2025",
        "Last reviewed: 16 May 2025",
    ],
)
def test_a_last_updated_line_ending_the_text_is_the_updated_date(footer: str) -> None:
    brief = parse_text(f"Timestamps\n\n{BODY}\n\n{BODY}\n\n{footer}\n")
    assert brief.updated == dt.date(2025, 5, 16)
    assert _paragraphs_of(render_text(brief)) == [BODY, BODY]


@pytest.mark.parametrize(
    "tail",
    [
        "16 May 2025",  # a bare date: the brief's own, perhaps
        "Last updated: May 16, 2025\n\nThe ministry will review the rule again next year.",
    ],
)
def test_a_date_not_ending_the_text_as_a_labelled_footer_stays(tail: str) -> None:
    brief = parse_text(f"Timestamps\n\n{BODY}\n\n{BODY}\n\n{tail}\n")
    assert brief.updated is None
    assert tail.split("\n")[0] in _paragraphs_of(render_text(brief))


@pytest.mark.parametrize("name", ["MarsEdit", "OutlookEdit"])
def test_edit_glued_to_a_word_stays_a_name(name: str) -> None:
    # "OutlookEdit" may be a wiki's edit link run in, but "MarsEdit" is a product's name
    assert parse_text(f"{name}\n\n{BODY}\n").title == name
    brief = parse_text(f"Blogging Tools\n\n{BODY}\n\n{name}\n\n{BODY}\n")
    kept = [s.heading for s in brief.sections] + [b.text for s in brief.sections for b in s.blocks]
    assert name in kept


def test_a_one_word_headline_loses_its_glued_edit_when_the_text_names_the_word() -> None:
    text = "BriefingEdit\n\nA briefing is a short oral or written account for a decision maker.\n"
    assert parse_text(text).title == "Briefing"
    # an article naming the glued whole is about a name: "MarsEdit is a blog editor."
    named = "MarsEdit\n\nMarsEdit is a blog editor that some on Mars and elsewhere use.\n"
    assert parse_text(named).title == "MarsEdit"


@pytest.mark.parametrize(
    "line", ["Category:Regional Security", "File:Regional Security Overview.png"]
)
def test_a_wiki_namespace_line_is_dropped(line: str) -> None:
    assert _paragraphs_of(f"Regional Security\n\n{BODY}\n\n{line}\n\n{BODY}\n") == [BODY, BODY]


def test_a_category_field_with_a_space_stays_metadata_or_text() -> None:
    brief = parse_text(f"Regional Security\nCategory: Intelligence\n\n{BODY}\n")
    assert brief.category == "Intelligence"


def test_a_multi_word_heading_loses_an_edit_link_glued_on_without_brackets() -> None:
    brief = parse_text(f"Strategic ReviewEdit\n\n{BODY}\n\nCore PurposesEdit\n\n{BODY}\n")
    assert brief.title == "Strategic Review"
    assert [s.heading for s in brief.sections] == [None, "Core Purposes"]


@pytest.mark.parametrize("tag", ["<Warning>", "</Steps>", "<Step>"])
def test_a_component_tag_alone_on_its_line_is_dropped(tag: str) -> None:
    assert _paragraphs_of(f"Detect Conflicts\n\n{BODY}\n\n{tag}\n\n{BODY}\n") == [BODY, BODY]


@pytest.mark.parametrize("line", ["<b>", "Use the <Step> tag for each step.", "a<b>c"])
def test_a_lower_case_tag_or_a_tag_in_a_sentence_stays(line: str) -> None:
    assert line in _paragraphs_of(f"Detect Conflicts\n\n{BODY}\n\n{line}\n\n{BODY}\n")


@pytest.mark.parametrize(
    "line", ["There is no custom code to display.", "Print Friendly, PDF & Email", "Related terms"]
)
def test_a_theme_placeholder_a_print_button_and_a_related_label_are_chrome(line: str) -> None:
    assert _paragraphs_of(f"Situational Awareness\n\n{BODY}\n\n{line}\n\n{BODY}\n") == [BODY, BODY]


def test_a_pipe_table_header_row_heads_nothing() -> None:
    long = " ".join([BODY] * 4)  # pasted with a paragraph per line
    text = (
        f"Risk Intelligence\n\n{long}\n{long}\nRisk Intelligence vs. Traditional Risk Management"
        f"\n{long}\nTraditional Risk Management | Risk Intelligence |\n---|---|\n"
        "Responds to incidents after they occur | Anticipates them with predictive methods |\n"
        "Risk assessed once a year or once a quarter | Risk watched continuously |\n"
    )
    brief = parse_text(text)
    assert [s.heading for s in brief.sections] == [
        None,
        "Risk Intelligence vs. Traditional Risk Management",
    ]
    assert "Traditional Risk Management | Risk Intelligence |" in _paragraphs_of(text)


def test_a_heading_with_a_bar_inside_it_still_heads_a_section() -> None:
    text = f"Risk Intelligence\n\n{BODY}\n\nRisk Intelligence | Crisis Response\n\n{BODY}\n"
    assert [s.heading for s in parse_text(text).sections] == [
        None,
        "Risk Intelligence | Crisis Response",
    ]


def test_a_word_per_line_by_continues_its_sentence() -> None:
    text = f"Piracy\n\n{BODY}\n\nSeveral states work together\nby\nway\nof naval patrols.\n"
    assert _paragraphs_of(text)[-1] == "Several states work together by way of naval patrols."


def test_a_bare_by_label_under_the_headline_is_still_dropped() -> None:
    brief = parse_text(f"Weekly Threat Report\n\nBy\n\n{BODY}\n")
    assert _paragraphs_of(f"Weekly Threat Report\n\nBy\n\n{BODY}\n") == [BODY]
    assert brief.authors == ()


def test_a_documentation_theme_anchor_line_is_dropped() -> None:
    heading = "What Is Risk Management?"
    text = f"Risk Guide\n\n{BODY}\n\n{heading}\nSection titled “{heading}”\n\n{BODY}\n"
    brief = parse_text(text)
    assert [s.heading for s in brief.sections] == [None, heading]
    assert _paragraphs_of(text) == [BODY, BODY]


def test_an_ad_placeholder_is_chrome() -> None:
    brief = parse_text(f"Early Warning Systems\n\n{BODY}\n\nAd loading...\n\n{BODY}\n")
    assert [s.heading for s in brief.sections] == [None]
    assert [b.text for b in brief.sections[0].blocks] == [BODY, BODY]


def test_a_print_page_locator_is_chrome_and_a_numbered_caption_is_text() -> None:
    title = "Writing Incident Reports"
    caption = "Figure 17.4 An Accident Report Form"
    brief = parse_text(
        f"{title}\n\nPrinted Page 462-464\n\n{title}\n\n{BODY}\n\n{caption}\n\n{BODY}\n"
    )
    assert (brief.title, brief.publisher, brief.category) == (title, None, None)
    assert [s.heading for s in brief.sections] == [None]
    assert [b.text for b in brief.sections[0].blocks] == [BODY, caption, BODY]
    # a heading that names a figure's subject, not its number, heads its section
    brief = parse_text(f"{title}\n\n{BODY}\n\nFigures That Matter\n\n{BODY}\n")
    assert [s.heading for s in brief.sections] == [None, "Figures That Matter"]


def test_a_mailing_list_form_and_a_comment_form_title_are_chrome() -> None:
    form = [
        "Loading...",
        "You’re almost done.",
        "We need to confirm your email address.",
        "To complete the registration process, please click the link in the email we just "
        "sent you.",
        "Unable to subscribe at this moment. Please try again after some time.",
        "The email address  is already subscribed.",
        "You are subscribing to AIR Blogs. In order to proceed complete the captcha below.",
        "Speak Your Mind",
    ]
    brief = parse_text(f"Terrorism Risk\n\n{BODY}\n\n" + "\n\n".join(form) + "\n")
    assert [b.text for s in brief.sections for b in s.blocks] == [BODY]
    # a sentence about confirming an address is prose
    line = "We need to confirm your email address before the ministry can reply."
    assert line in [b.text for s in parse_text(f"T\n\n{line}\n").sections for b in s.blocks]


def test_a_docs_theme_anchor_run_into_its_paragraph_is_dropped() -> None:
    heading = "Condition Operators"
    text = f"Rules Guide\n{BODY}\n{heading}\nSection titled “{heading}”{BODY}\n"
    brief = parse_text(text)
    assert [s.heading for s in brief.sections] == [None, heading]
    assert _paragraphs_of(text) == [BODY, BODY]
    # an anchor naming another heading is no anchor of this one: the line is kept whole
    line = f"Section titled “Other Operators”{BODY}"
    assert line in _paragraphs_of(f"Rules Guide\n{BODY}\n{heading}\n{line}\n")


def test_a_news_photo_placeholder_and_credit_and_ad_rows_are_chrome() -> None:
    text = (
        "Advertisement\n\nSKIP ADVERTISEMENT\n\nWeekend Briefing\n\n"
        f"{BODY}\n\nImage\nCredit...Al Drago/The New York Times\n\n{BODY}\n\n"
        "Contact us to request a correction\n"
    )
    brief = parse_text(text)
    assert (brief.title, brief.publisher) == ("Weekend Briefing", None)
    assert _paragraphs_of(text) == [BODY, BODY]
    # "Image" over anything but such a credit is kept, and so is a sentence about credit
    line = "Credit unions raised their rates again."
    kept = kept_text(parse_text(f"Weekend Briefing\n\n{BODY}\n\nImage\n{line}\n"))
    assert "Image" in kept
    assert line in kept


def test_a_photo_courtesy_line_is_text_and_an_attributed_quotation_an_epigraph() -> None:
    credit = "Photograph courtesy of Chris Benson via Unsplash"
    epigraph = "“Unlocking complexity means finding how simple things can be.” — John Lederach"
    text = f"Conflict Analysis Guide\n\n{BODY}\n\n{credit}\n\n{epigraph}\n\n{BODY}\n"
    brief = parse_text(text)
    assert [s.heading for s in brief.sections] == [None]
    blocks = brief.sections[0].blocks
    assert [type(b).__name__ for b in blocks] == ["Paragraph", "Paragraph", "Quote", "Paragraph"]
    assert [b.text for b in blocks] == [BODY, credit, epigraph, BODY]
    # a quotation with no one named after it, or said in a sentence, stays a paragraph
    for line in ("“Unlocking complexity is hard work.”", "“It is hard,” said John Lederach."):
        blocks = parse_text(f"Conflict Analysis Guide\n\n{BODY}\n\n{line}\n").sections[0].blocks
        assert [type(b).__name__ for b in blocks] == ["Paragraph", "Paragraph"]


def test_mediawiki_skip_links_on_one_line_are_chrome() -> None:
    text = f"Regional Security\n\n{BODY}\nJump to navigation Jump to search\n\n{BODY}\n"
    assert [s.heading for s in parse_text(text).sections] == [None]
    assert _paragraphs_of(text) == [BODY, BODY]
    line = "Jump to navigation and search bars in the new portal, the ministry said."
    assert _paragraphs_of(f"Regional Security\n\n{BODY}\n\n{line}\n") == [BODY, line]


def test_a_contents_box_toggle_is_chrome() -> None:
    text = f"Reading Briefs Well\n\n{BODY}\n\nArticle with TOC\n\n{BODY}\n"
    assert [s.heading for s in parse_text(text).sections] == [None]
    assert _paragraphs_of(text) == [BODY, BODY]
    line = "Article with TOC entries for every section, as the ministry asked."
    assert line in _paragraphs_of(f"Reading Briefs Well\n\n{BODY}\n\n{line}\n")


@pytest.mark.parametrize(
    ("skip", "site", "edit"),
    [
        ("본문으로 이동", "위키백과, 우리 모두의 백과사전.", "[편집]"),
        (
            "Zum Inhalt springen",
            "Aus Wikipedia, der freien Enzyklopädie",
            "[Bearbeiten | Quelltext bearbeiten]",
        ),
        (
            "Aller au contenu",
            "Un article de Wikipédia, l'encyclopédie libre.",
            "[modifier | modifier le code]",
        ),
        (
            "Перейти к содержанию",
            "Материал из Википедии — свободной энциклопедии",
            "[править | править код]",
        ),
    ],
)
def test_mediawikis_localised_interface_lines_are_chrome(skip: str, site: str, edit: str) -> None:
    text = f"{skip}\n\nStrategie\n\n{site}\n\n{BODY}\n\nMilitary Theory\n\n{edit}\n\n{BODY}\n"
    brief = parse_text(text)
    assert brief.title == "Strategie"
    assert [s.heading for s in brief.sections] == [None, "Military Theory"]
    assert _paragraphs_of(text) == [BODY, BODY]
    # inside a sentence, the same words are content
    line = f"Editors mark a section with {edit} where it needs work."
    assert line in _paragraphs_of(f"Strategie\n\n{BODY}\n\n{line}\n")


def test_an_aggregators_read_the_rest_line_is_chrome() -> None:
    line = "Support the originator by clicking the read the rest link below."
    assert _paragraphs_of(f"Ransomware Campaigns\n\n{BODY}\n\n{line}\n") == [BODY]
    said = "Support the originator of the bill, the minister said, by clicking below."
    assert said in _paragraphs_of(f"Ransomware Campaigns\n\n{BODY}\n\n{said}\n")


def test_a_list_of_contents_label_is_chrome() -> None:
    text = f"Supply Chain\n\n{BODY}\n\nList of contents\n\nAbstract\n\n{BODY}\n"
    brief = parse_text(text)
    assert [s.heading for s in brief.sections] == [None, "Abstract"]
    assert _paragraphs_of(text) == [BODY, BODY]


@pytest.mark.parametrize("bullet", ["►", "▶", "•", "■"])
def test_a_bullet_run_into_its_item_marks_it(bullet: str) -> None:
    text = f"Morning Brief\n\n{bullet}{BODY}\n\n{bullet}Officials said more would follow.\n"
    (block,) = parse_text(text).sections[0].blocks
    assert isinstance(block, ItemList)
    assert [i.text for i in block.items] == [BODY, "Officials said more would follow."]


@pytest.mark.parametrize(
    "line", ["-Officials said more would follow.", "*Officials said so.", "►lower case"]
)
def test_a_dash_or_star_run_into_a_word_stays_text(line: str) -> None:
    assert line in _paragraphs_of(f"Morning Brief\n\n{BODY}\n\n{line}\n")


def test_an_icon_menu_under_its_instruction_is_chrome() -> None:
    menu = "Click the icons to navigate.\n\nDefine\n\nDefine\n\nDetect and Identify\n\nAssess\n\n"
    brief = parse_text(f"Assessing Insider Threats\n\n{menu}{BODY}\n")
    assert brief.title == "Assessing Insider Threats"
    assert _paragraphs_of(f"Assessing Insider Threats\n\n{menu}{BODY}\n") == [BODY]
    # the instruction alone is kept, and so are labels under a line that is no instruction
    alone = "Click the icons to navigate."
    assert alone in _paragraphs_of(f"Insider Threats\n\n{BODY}\n\n{alone}\n\n{BODY}\n")
    other = menu.replace(alone, "The four steps are these.")
    assert "Define" in _paragraphs_of(f"Assessing Insider Threats\n\n{other}{BODY}\n")


_FRONT = """---
title: "Ransom Payments Fell in 2025"
date: 2026-05-16
author: "Jane Roe"
featured_image: "https://example.org/cover.jpg"
categories:
  - name: "Internet"
    url: "/topics/internet.md"
keywords: ["ransomware", "payments"]
canonical_url: "https://example.org/ransom-2025"
---
"""


def test_yaml_front_matter_at_the_top_of_a_text_gives_the_fields() -> None:
    """A Markdown export pasted as text: its front matter is read as the Markdown parser
    reads it, and the headline printed under it is the title, once."""
    brief = parse_text(f"{_FRONT}\n# Ransom Payments Fell in 2025\n\n{BODY}\n")
    assert brief.title == "Ransom Payments Fell in 2025"
    assert (brief.published, brief.authors) == (dt.date(2026, 5, 16), ("Jane Roe",))
    assert (brief.category, brief.tags) == ("Internet", ("ransomware", "payments"))
    assert brief.url == "https://example.org/ransom-2025"
    assert kept_text(brief) == [None, BODY]
    # a title the text does not print is the title all the same, over the body
    brief = parse_text(f"{_FRONT}\n{BODY}\n")
    assert (brief.title, kept_text(brief)) == ("Ransom Payments Fell in 2025", [None, BODY])


@pytest.mark.parametrize(
    "top",
    [
        "---\n\nA rule over the text, then prose.\n\n---\n",  # names no field
        "---\ntitle: [unclosed\n---\n",  # YAML that does not load
        "---\ntitle: {a: 1}\n---\n",  # a field of the wrong type
    ],
)
def test_a_rule_block_that_is_no_front_matter_stays_text(top: str) -> None:
    brief = parse_text(f"Ransom Payments Fell\n\n{top}\n{BODY}\n")
    assert BODY in kept_text(brief)
    brief = parse_text(f"{top}\n{BODY}\n")
    words = " ".join(str(t) for t in [brief.title, *kept_text(brief)])
    assert all(w.strip("-[]{}:,") in words for w in top.split() if w.strip("-[]{}:,"))


def test_a_markdown_headings_section_number_goes_as_a_plain_headings_does() -> None:
    brief = parse_text(
        f"Ransom Payments Fell\n\n### 1. Introducción\n\n{BODY}\n\n## 2.3 Scope\n\n{BODY}\n"
    )
    assert [s.heading for s in brief.sections] == ["Introducción", "Scope"]
    # a count without its stop is a word of the heading
    brief = parse_text(f"Ransom Payments Fell\n\n## 10 Risks to Watch\n\n{BODY}\n")
    assert [s.heading for s in brief.sections] == ["10 Risks to Watch"]


@pytest.mark.parametrize("line", ["• Policy Brief & Alerts", "**Policy Brief & Alerts**"])
def test_a_bullet_before_the_headline_or_bold_around_it_is_no_part_of_the_title(
    line: str,
) -> None:
    assert parse_text(f"{line}\n\n{BODY}\n").title == "Policy Brief & Alerts"
    # bold inside the headline is the headline's
    assert parse_text(f"**Policy** Brief & **Alerts**\n\n{BODY}\n").title.count("**") == 4
