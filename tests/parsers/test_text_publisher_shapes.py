"""parse_text on further publishers' shapes: course kickers, French typography, foreign
related-link lines and the like. Each test is one rule with a control the rule must not
reach; the corpus tests check the rules together."""

from __future__ import annotations

import datetime as dt

from briefkit import parse_text

BODY = "The ministry confirmed the order on Monday and said more would follow."


def _texts_between_paragraphs(line: str) -> list[str]:
    """The blocks' texts of a brief with ``line`` between two paragraphs of the body."""
    brief = parse_text(f"Country Brief\n\n{BODY}\n\n{line}\n\n{BODY}\n")
    return [b.text for s in brief.sections for b in s.blocks]


def _head(text: str) -> tuple[str, str | None]:
    """The (title, category) ``parse_text`` reads from ``text``."""
    brief = parse_text(text)
    return brief.title, brief.category


def test_a_kicker_of_parts_joined_by_a_middle_dot_is_no_title() -> None:
    brief = parse_text(f"CI-201a · Module 3\n\nThe Intelligence Brief Format\n\n{BODY}\n")
    assert (brief.title, brief.category) == ("The Intelligence Brief Format", "CI-201a · Module 3")
    # four words without the dot are too many for a kicker: the line is the title
    long = parse_text(f"CI-201a Module 3 Unit 4\n\nThe Intelligence Brief Format\n\n{BODY}\n")
    assert long.title == "CI-201a Module 3 Unit 4"


def test_connect_with_us_is_chrome() -> None:
    brief = parse_text(f"Connect with us\n\nOutils de veille\n\n{BODY}\n")
    assert brief.title == "Outils de veille"


def test_a_french_heading_runs_on_in_lower_case_after_a_spaced_colon() -> None:
    heading = "Les clés de l’analyse géopolitique : concepts et méthodes"
    title = "Outils d’analyse géopolitique : comment les utiliser efficacement ?"
    brief = parse_text(f"Actu\n\n{title}\n\n{BODY}\n\n{heading}\n\n{BODY}\n")
    assert (brief.title, brief.category) == (title, "Actu")
    assert [s.heading for s in brief.sections] == [None, heading]
    # a field with a spaced colon is no heading, nor is a line run on into a sentence
    dated = parse_text(f"{title}\n\n{BODY}\n\nDate : 22 Juin 2005\n\n{BODY}\n")
    assert [s.heading for s in dated.sections] == [None]
    long = "Les clés : on ne peut passer à côté des livres parus chez Armand Colin ces années"
    run_on = parse_text(f"{title}\n\n{BODY}\n\n{long}\n\n{BODY}\n")
    assert [s.heading for s in run_on.sections] == [None]


def test_a_month_first_date_without_its_comma_is_the_date() -> None:
    brief = parse_text(f"Regional Outlook\n\nFebruary 11th 2020\n\n{BODY}\n")
    assert brief.published == dt.date(2020, 2, 11)
    assert [b.text for s in brief.sections for b in s.blocks] == [BODY]
    # a month and a number that is no day stay text
    kept = parse_text(f"Regional Outlook\n\nFebruary 45 2020\n\n{BODY}\n")
    assert kept.published is None


def test_a_site_name_over_its_back_link_is_the_publisher() -> None:
    head = "American Passport & Visa International\n< Back\n\n"
    story = "Travel Safety: What is a Travel Advisory Anyway?\n\n"
    dated = "By Brittany Dismuke, on December 1, 2018\n\n"
    brief = parse_text(f"{head}{story}{dated}{BODY}\n")
    assert brief.title == "Travel Safety: What is a Travel Advisory Anyway?"
    assert brief.publisher == "American Passport & Visa International"
    assert (brief.authors, brief.published) == (("Brittany Dismuke",), dt.date(2018, 12, 1))
    assert [b.text for s in brief.sections for b in s.blocks] == [BODY]
    # a byline with a role before its date is no date line
    role = parse_text(f"{story}By Jane Roe, Senior Analyst, March 2, 2024\n\n{BODY}\n")
    assert role.published is None


def test_a_short_label_over_a_sentence_case_headline_is_its_kicker() -> None:
    brief = parse_text(
        f"Statutory guidance\n\nSudan sanctions: guidance\n\nUpdated 9 February 2023\n\n{BODY}\n"
    )
    assert (brief.title, brief.category) == ("Sudan sanctions: guidance", "Statutory guidance")
    assert brief.updated == dt.date(2023, 2, 9)
    # a term over the sentence defining it, run on below, is the title
    term = "Threat landscape\n\nThe term threat landscape means\n\nthe threats seen in a domain.\n"
    assert parse_text(term).title == "Threat landscape"


def test_dates_in_other_languages_are_read() -> None:
    cases = {
        "jeudi 26 février 2009": dt.date(2009, 2, 26),
        "Date : 22 Juin 2005": dt.date(2005, 6, 22),
        "Montag, 3. März 2025": dt.date(2025, 3, 3),
        "3 de marzo de 2024": dt.date(2024, 3, 3),
        "maandag 4 maart 2024": dt.date(2024, 3, 4),
        "1er mars 2024": dt.date(2024, 3, 1),
    }
    for line, date in cases.items():
        brief = parse_text(f"Exemple, contre-exemple et la suite\n\n{line}\n\n{BODY}\n")
        assert brief.published == date, line
        assert [b.text for s in brief.sections for b in s.blocks] == [BODY]
    # a word that is no month's name leaves the line as text
    kept = parse_text(f"Exemple, contre-exemple et la suite\n\n26 fooier 2009\n\n{BODY}\n")
    assert kept.published is None
    assert [s.heading for s in kept.sections] == ["26 fooier 2009"]


def test_image_placeholders_and_file_names_are_chrome() -> None:
    for line in ("background image", "author image", "Whatsapp Image 2023 11 24 At 2.44.52 Am"):
        brief = parse_text(f"{line}\n\nRethinking energy security\n\n{line}\n\n{BODY}\n")
        assert brief.title == "Rethinking energy security", line
        assert [b.text for s in brief.sections for b in s.blocks] == [BODY], line
    alt = "What to Include in a Report - illustration"
    brief = parse_text(f"What to Include in a Report\n\n{alt}\n\n{BODY}\n")
    assert [b.text for s in brief.sections for b in s.blocks] == [BODY]
    # an image named in a sentence, or in a heading, is content
    said = "The satellite image shows the port empty."
    kept = parse_text(f"Rethinking energy security\n\n{said}\n\n{BODY}\n")
    assert [b.text for s in kept.sections for b in s.blocks] == [said, BODY]


def test_skip_links_is_chrome() -> None:
    brief = parse_text(f"Skip links\n\n2024 Forecast\n\n{BODY}\n")
    assert brief.title == "2024 Forecast"


def test_a_byline_label_with_a_colon_gives_the_author() -> None:
    for label in ("Written by:", "By:", "Posted by"):
        brief = parse_text(f"What is Threat Actor Profiling?\n{label} Lizzie Danielson\n{BODY}\n")
        assert brief.authors == ("Lizzie Danielson",), label
        assert [b.text for s in brief.sections for b in s.blocks] == [BODY], label


def test_a_tagline_naming_whose_publication_it_is_makes_the_masthead() -> None:
    question = "What Will Be the Region’s Political Hot Spots in 2024?"
    head = "Latin America Advisor\n\nA Daily Publication of The Dialogue\n\n"
    brief = parse_text(f"{head}{question}\n\n{BODY}\n")
    assert brief.title == question
    assert (brief.publisher, brief.summary) == (
        "Latin America Advisor",
        "A Daily Publication of The Dialogue",
    )
    # any other phrase under a first line leaves the first line the title
    plain = parse_text(
        f"Latin America Advisor\n\nThe year ahead for the region\n\n{question}\n\n{BODY}\n"
    )
    assert plain.title == "Latin America Advisor"


def test_a_french_quotation_is_no_breadcrumb_trail() -> None:
    quoted = "De toute évidence, un « nouvel ordre mondial » prend forme, plus vite que prévu."
    brief = parse_text(f"Note stratégique n°1 : une Europe tierce partie ?\n{quoted}\n{BODY}\n")
    assert [b.text for s in brief.sections for b in s.blocks] == [quoted, BODY]
    # a trail under the title is still dropped
    trail = parse_text(f"Note stratégique n°1\nAccueil » Notes » Europe\n{BODY}\n")
    assert [b.text for s in trail.sections for b in s.blocks] == [BODY]


def test_more_interface_lines_are_chrome() -> None:
    lines = (
        "Your email address will not be published. Required fields are marked *",
        "Sign up here if you would like to receive these summaries by email.",
        "Get alerts for these topics",
        "Read the full newsletter here.",
        "Scroll to Top",
        "Image caption,",
        "Image source, Getty Images",
        "Cover Image Source",
        "A girl carries her things into a transit centre in RenkImage source, Getty Images",
    )
    for line in lines:
        assert _texts_between_paragraphs(line) == [BODY, BODY], line
    # a sentence about signing up is content
    said = "Sign up here is what the ministry told farmers, and few did."
    assert _texts_between_paragraphs(said) == [BODY, said, BODY]


def test_contents_labels_in_other_languages_are_chrome_over_their_list() -> None:
    for label in ("SOMMAIRE", "Inhalt", "Índice"):
        items = "- Éléments communs\n- Éléments exclusifs\n"
        text = f"Bulletins de sécurité\n\n{BODY}\n\n{label}\n\n{items}"
        brief = parse_text(text)
        assert [s.heading for s in brief.sections] == [None], label
        assert brief.sections[0].blocks[0].text == BODY


def test_a_documentation_themes_pilcrow_is_no_part_of_a_heading() -> None:
    text = (
        "20.1 Writing Effective Security Advisories¶\n"
        f"{BODY}\n"
        "Advisory Structure and Content Elements¶\n"
        f"{BODY}\n"
    )
    brief = parse_text(text)
    assert brief.title == "20.1 Writing Effective Security Advisories"
    assert [s.heading for s in brief.sections] == [None, "Advisory Structure and Content Elements"]
    # a pilcrow inside a sentence stays
    said = "The clause is cited as ¶ 12 in the ruling, and the court kept it."
    kept = parse_text(f"Advisories\n\n{said}\n")
    assert kept.sections[0].blocks[0].text == said


def test_publication_and_revision_dates_on_one_line_without_a_separator() -> None:
    brief = parse_text(
        f"CVE-2024-2617\n\nPublished April 30, 2024 Modified March 04, 2026\n\n{BODY}\n"
    )
    assert (brief.published, brief.updated) == (dt.date(2024, 4, 30), dt.date(2026, 3, 4))
    assert [b.text for s in brief.sections for b in s.blocks] == [BODY]


def test_a_byline_whose_name_did_not_copy_gives_the_date() -> None:
    for line in ("By 16 July 2013", "By / February 23, 2024"):
        brief = parse_text(f"How to write actionable policy recommendations\n\n{line}\n\n{BODY}\n")
        assert brief.published is not None, line
        assert [b.text for s in brief.sections for b in s.blocks] == [BODY], line
    # a sentence that opens with "By" and a date stays text
    said = "By 5 May 2020 the plan was dropped."
    kept = parse_text(f"How to write actionable policy recommendations\n\n{BODY}\n\n{said}\n")
    assert [b.text for s in kept.sections for b in s.blocks] == [BODY, said]


def test_a_four_word_label_over_a_dated_headline_is_its_kicker() -> None:
    head = "Making your research accessible\n\nHow to write actionable policy recommendations\n\n"
    assert _head(f"{head}16 July 2013\n\n{BODY}\n") == (
        "How to write actionable policy recommendations",
        "Making your research accessible",
    )
    # with no date under the headline, four words are too many for a kicker
    assert _head(f"{head}{BODY}\n")[0] == "Making your research accessible"


def test_an_items_opening_clause_is_no_lead_in() -> None:
    text = (
        "Policy recommendations\n\n"
        "1. Set the scene: Point out where the policy falls short.\n"
        "2. When proposing a change, put these questions to yourself: What has to change?\n"
    )
    items = parse_text(text).sections[0].blocks[0].items
    assert [item.lead for item in items] == ["Set the scene", ""]


def test_a_header_line_of_bars_without_spaces_and_empty_fields() -> None:
    text = f"Malware Analysis Part 2\n\nBy |Published On: November 4th, 2021|Tags: |\n\n{BODY}\n"
    brief = parse_text(text)
    assert (brief.published, brief.authors, brief.tags) == (dt.date(2021, 11, 4), (), ())
    assert [b.text for s in brief.sections for b in s.blocks] == [BODY]
    # a bar in a sentence is no header line
    said = "Revenue rose|fell on the news, analysts said."
    kept = parse_text(f"Malware Analysis Part 2\n\n{said}\n")
    assert kept.sections[0].blocks[0].text == said


def test_an_identifier_in_capitals_is_no_user_name() -> None:
    cve = parse_text(f"CVE-2024-2617\n\nPublished April 30, 2024\n\n{BODY}\n")
    assert (cve.title, cve.published) == ("CVE-2024-2617", dt.date(2024, 4, 30))
    # a user name in lower case next to other chrome is still dropped
    named = parse_text(f"Advisories\n\n{BODY}\n\nhalvorsen88\nPost a Comment\n\n{BODY}\n")
    assert [b.text for s in named.sections for b in s.blocks] == [BODY, BODY]


def test_a_series_label_the_headline_names_again_is_its_kicker() -> None:
    head = "Monthly Travel Safety Report\n\nTravel Safety Travel Summary – June 2019\n\n"
    assert _head(f"{head}Welcome to June\n\n{BODY}\n") == (
        "Travel Safety Travel Summary – June 2019",
        "Monthly Travel Safety Report",
    )
    # a headline that runs the line on, or asks about it, leaves the line the title
    run_on = "Monthly Travel Safety Report\n\nMonthly Travel Safety Report for June 2019\n\n"
    assert parse_text(f"{run_on}{BODY}\n").title == "Monthly Travel Safety Report"
    asked = parse_text(
        f"Geopolitical Intelligence\n\nWhat is Geopolitical Intelligence?\n\n{BODY}\n"
    )
    assert asked.title == "Geopolitical Intelligence"


def test_a_longer_heading_in_sentence_case_takes_its_kind_from_its_labels() -> None:
    for heading, kind in (("Economic outlook", "outlook"), ("Detection and analysis", "analysis")):
        brief = parse_text(f"Country Report\n\n{BODY}\n\n{heading}\n\n{BODY}\n")
        assert [(s.kind.value, s.heading) for s in brief.sections][1:] == [(kind, heading)]
    # a sentence-case heading with no label in it is other
    plain = parse_text(f"Country Report\n\n{BODY}\n\nUnrest on city streets\n\n{BODY}\n")
    assert [s.kind.value for s in plain.sections] == ["other", "other"]


def test_a_bylines_names_lose_footnote_marks_and_quotes_but_keep_initials() -> None:
    cases = {
        "By Fabio Panetta1": ("Fabio Panetta",),
        "By T.W.": ("T.W.",),
        'By "Sorena AI"': ("Sorena AI",),
        "By Jane Roe* and Sam Lee†": ("Jane Roe", "Sam Lee"),
        "By Jane Roe.": ("Jane Roe",),
    }
    for line, names in cases.items():
        brief = parse_text(f"21st century cash\n\n{line}\n\n{BODY}\n")
        assert brief.authors == names, line
    # a number that is part of a name's word is no footnote mark
    agent = parse_text(f"21st century cash\n\nBy Agent 47\n\n{BODY}\n")
    assert agent.authors == ()


def test_a_day_month_and_two_digit_year_date() -> None:
    brief = parse_text(f"Worldview Weekly Security Update\n\n15-Nov-19\n\n{BODY}\n")
    assert brief.published == dt.date(2019, 11, 15)
    # a word that is no month keeps the line text
    kept = parse_text(f"Worldview Weekly Security Update\n\n15-Foo-19\n\n{BODY}\n")
    assert kept.published is None


def test_site_builders_and_document_hosts_lines_are_chrome() -> None:
    lines = (
        "Use the form on the right to contact us.",
        "You can set your address, phone number, email and site description in the settings tab.",
        "123 Street Avenue, City Town, 99999",
        "Site icon Survival Dispatch",
        "BREAKING",
        "print this articlechange text size",
        "21 downloads 310 Views 512KB Size Report",
        "Sep 4, 2015 - ... in Malakal, Nasir and Ulang, cholera cases- .... flooded roads",
    )
    for line in lines:
        brief = parse_text(f"{line}\n\nUpper Nile Crisis\n\n{BODY}\n")
        assert brief.title == "Upper Nile Crisis", line
        assert [b.text for s in brief.sections for b in s.blocks] == [BODY], line
    # a sentence about breaking news or downloads is content
    said = "Breaking news reached the port on Monday, and 21 downloads were logged."
    kept = parse_text(f"Upper Nile Crisis\n\n{said}\n")
    assert kept.sections[0].blocks[0].text == said


def test_a_kicker_the_headline_runs_on_is_the_title() -> None:
    text = f"U.S. Embassy Procedures\n\nU.S. Embassy Procedures and Precautions\n\n{BODY}\n"
    assert parse_text(text).title == "U.S. Embassy Procedures"
    # the kind of piece is a kicker all the same
    kind = f"Report\n\nReport overviewing conflict trends released\n\n{BODY}\n"
    assert _head(kind) == ("Report overviewing conflict trends released", "Report")


def test_a_site_name_and_tagline_joined_by_a_bar_make_the_masthead() -> None:
    head = "Corvus Insights Blog | Smart Cyber Insurance\n\n"
    brief = parse_text(f"{head}Q3 2024 Cyber Threat Report: Key Ransomware Statistics\n\n{BODY}\n")
    assert brief.title == "Q3 2024 Cyber Threat Report: Key Ransomware Statistics"
    assert (brief.publisher, brief.summary) == ("Corvus Insights Blog", "Smart Cyber Insurance")
    # a headline with its site after a bar is the page's title line
    titled = parse_text(f"Risk Outlook 2024 | Harbour Review\n\n{BODY}\n")
    assert titled.title == "Risk Outlook 2024 | Harbour Review"


def test_a_sentence_case_label_over_buttons_is_no_masthead() -> None:
    head = "loading...\n\nRegional forecast\n\nprint this articlechange text size\n\n"
    brief = parse_text(
        f"{head}The Middle East will stay a hotspot\n\nFebruary 11th 2020\n\n{BODY}\n"
    )
    assert (brief.title, brief.category, brief.publisher) == (
        "The Middle East will stay a hotspot",
        "Regional forecast",
        None,
    )


def test_a_slashed_date_with_a_two_digit_year_when_a_number_tells_the_day() -> None:
    for line in ("11.20.24", "20/11/24"):
        brief = parse_text(f"Q3 2024 Cyber Threat Report\n\n{line}\n\n{BODY}\n")
        assert brief.published == dt.date(2024, 11, 20), line
    # day and month that cannot be told apart, or a version number, stay text
    for line in ("03/04/24", "1.2.3"):
        kept = parse_text(f"Q3 2024 Cyber Threat Report\n\n{line}\n\n{BODY}\n")
        assert kept.published is None, line


def test_newsletter_pitches_journal_tools_and_viewer_fields_are_chrome() -> None:
    lines = (
        "Join over 350,000 readers on our free intel reports list.",
        "We will never sell or share your email address or information with anyone.",
        "Get our free weekly Intelligence Reports",
        "Request Permissions",
        "Select your citation format:",
        "This publication is now archived.",
        "Start display at page:",
        'Download "Africa Regional Summary"',
        "AttachmentSize",
        "You are free to use this image on your website, please credit us with a link.",
        "ATTENTION: This page is intended to be viewed online and may not be printed or copied.",
        "Health Affairs Scholar logoLink to Health Affairs Scholar",
    )
    for line in lines:
        assert _texts_between_paragraphs(line) == [BODY, BODY], line
    notice = (
        "> ## Documentation Index\n"
        "> Fetch the complete documentation index at: https://docs.example.org/llms.txt\n"
        "> Use this file to discover all available pages before exploring further.\n\n"
    )
    docs = parse_text(f"{notice}# Detect access conflicts\n\n{BODY}\n")
    assert docs.title == "Detect access conflicts"
    assert [b.text for s in docs.sections for b in s.blocks] == [BODY]
    # a sentence about readers joining, or about an archive, is content
    said = "Join over 350,000 readers, the ministry urged, before the archive closes."
    assert _texts_between_paragraphs(said) == [BODY, said, BODY]


def test_a_related_box_of_dated_teasers_is_chrome() -> None:
    box = (
        "Also in this section\n\n9 January 2026\n\nOPEC+ is staying on course as output declines"
        "\n\n8 January 2026\n\nIndonesia and Malaysia stand on the edge of new capabilities\n\n"
    )
    brief = parse_text(f"Oil may not escape a recession\n\n{BODY}\n\n{box}")
    assert [b.text for s in brief.sections for b in s.blocks] == [BODY]
    # a dated paragraph under the label is prose, and ends the box
    prose = "The ministry confirmed on Monday that the order would stand for another year."
    kept = parse_text(
        f"Oil may not escape a recession\n\n{BODY}\n\n{box}9 January 2026\n\n{prose}\n"
    )
    assert [b.text for s in kept.sections for b in s.blocks][-1] == prose


def test_a_line_over_a_label_that_opens_the_body_is_the_title() -> None:
    for label in ("Definition", "Introduction:"):
        text = f"Security Incident\n\n{label}\n\n{BODY}\n"
        assert _head(text) == ("Security Incident", None), label
    # over a headline, the short line is the kicker still
    kicked = f"Maritime\n\nPiracy Rises in the Gulf of Guinea\n\n{BODY}\n"
    assert _head(kicked) == ("Piracy Rises in the Gulf of Guinea", "Maritime")


def test_a_two_word_kind_of_piece_over_its_headline_is_the_kicker() -> None:
    head = "Feature Article\n\nHow to prepare for the next port disruption\n\n"
    assert _head(f"{head}{BODY}\n") == (
        "How to prepare for the next port disruption",
        "Feature Article",
    )
    # two words that name no kind of piece stay the title over a sentence-case line
    plain = f"Port Strikes\n\nHow to prepare for the next port disruption\n\n{BODY}\n"
    assert _head(plain)[0] == "Port Strikes"


def test_account_prompts_advertising_slots_and_web_version_links_are_chrome() -> None:
    lines = (
        "Don't have an account? Create Account",
        "Advertisement by Open Privilege",
        "Paid Content",
        "You are here",
        "Image Credits: UnsplashImage Credits: Unsplash",
        "clock menu more-arrow no yes mobile",
    )
    for line in lines:
        assert _texts_between_paragraphs(line) == [BODY, BODY], line
    # "Back" is chrome only next to other chrome
    assert _texts_between_paragraphs("Back\nPaid Content") == [BODY, BODY]
    assert _texts_between_paragraphs("Back") == [BODY, "Back", BODY]
    # a header line's link to the web version is no tag
    dated = parse_text(f"Cyber Weekly\n\nMarch 3, 2025 | Read Online\n\n{BODY}\n")
    assert (dated.published, dated.tags) == (dt.date(2025, 3, 3), ())


def test_the_kind_of_piece_and_its_date_on_one_line() -> None:
    head = "2024 Food Security Outlook: A Storm on the Horizon\n\n"
    brief = parse_text(f"{head}PRESS RELEASE: February 7, 2024\n\n{BODY}\n")
    assert (brief.category, brief.published) == ("PRESS RELEASE", dt.date(2024, 2, 7))
    assert [b.text for s in brief.sections for b in s.blocks] == [BODY]
    # with no date after the label, the line is text
    kept = parse_text(f"{head}Statement: the ministry will act.\n\n{BODY}\n")
    assert kept.category is None


def test_a_read_more_link_under_a_paragraph_opens_no_related_box() -> None:
    items = (
        "Defence: Global defence spending rose to a record on the back of ongoing wars.\n"
        "Read more\n\nAfrica\n\n"
        "Namibia: An energy firm says it has finished the first stage of exploration there.\n"
        "Read more\n"
    )
    brief = parse_text(f"OSINTSUM: Monday 22 April 2024\n\nInternational\n\n{items}")
    assert [s.heading for s in brief.sections] == ["International", "Africa"]
    # a "Read more:" label over links is a related box still
    box = "Read more:\n\nPiracy Rises in the Gulf of Guinea\n\nPorts Brace for Strikes\n"
    boxed = parse_text(f"OSINTSUM: Monday 22 April 2024\n\n{BODY}\n\n{box}")
    assert [b.text for s in boxed.sections for b in s.blocks] == [BODY]


def test_a_category_run_into_its_date_on_a_header_line_over_the_headline() -> None:
    head = "All posts\nProductMay 18, 2026·6 min read\n\n"
    brief = parse_text(
        f"{head}Weekly Intelligence Briefs: Why a Digest Is Not a Synthesis\n\n{BODY}\n"
    )
    assert brief.title == "Weekly Intelligence Briefs: Why a Digest Is Not a Synthesis"
    assert (brief.category, brief.published) == ("Product", dt.date(2026, 5, 18))
    assert [b.text for s in brief.sections for b in s.blocks] == [BODY]
    # a capitalised word run into a month's name that is no date stays text
    kept = parse_text(f"Weekly Briefs\n\nProductMayhem follows\n\n{BODY}\n")
    assert kept.published is None


def test_a_created_line_and_a_categories_label_over_its_list() -> None:
    title = "DHS Releases 2024 Homeland Threat Assessment"
    lines = (
        "Created: Thursday, September 14, 2023 - 14:31\nCategories:\nCybersecurity, Intelligence\n"
    )
    brief = parse_text(f"{title}\n\n{lines}\n{BODY}\n")
    assert (brief.published, brief.tags) == (
        dt.date(2023, 9, 14),
        ("Cybersecurity", "Intelligence"),
    )
    assert [b.text for s in brief.sections for b in s.blocks] == [BODY]
    # one category under the label is the category
    single = parse_text(f"{title}\n\nCategories:\nCybersecurity\n\n{BODY}\n")
    assert (single.category, single.tags) == ("Cybersecurity", ())
