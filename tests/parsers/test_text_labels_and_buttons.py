"""parse_text on the labels and buttons of further publishers' pages: date labels, list
labels in sentence case, an author card's sharing buttons, links to the full text, news
style's abbreviated months and link lists. Each test is one rule with a control the rule
must not reach; the corpus tests check the rules together."""

from __future__ import annotations

import datetime as dt

import pytest

from briefkit import ItemList, ParseError, parse_text, render_text

TITLE = "Memo to the commissioner responsible for energy"
BODY = "The ministry confirmed the order on Monday and said more would follow."


def _texts(text: str) -> list[str]:
    return [b.text for s in parse_text(text).sections for b in s.blocks]


def test_a_date_label_over_its_date_or_before_a_bar_is_the_date() -> None:
    for head in ("Publishing date\n04 September 2024", "Date | 26 November 2024"):
        brief = parse_text(f"{TITLE}\n\n{head}\n\n{BODY}\n")
        assert brief.published is not None, head
        assert [s.heading for s in brief.sections] == [None]
        assert _texts(f"{TITLE}\n\n{head}\n\n{BODY}\n") == [BODY]
    # the label over a line that is no date stays text
    kept = parse_text(f"{TITLE}\n\nPublishing date\nto be confirmed\n\n{BODY}\n")
    assert kept.published is None
    assert "to be confirmed" in " ".join(_texts(f"{TITLE}\n\nPublishing date\nto be confirmed\n"))


def test_a_month_abbreviated_with_a_stop_is_read() -> None:
    brief = parse_text(f"{TITLE}\n\n  • Published: Tuesday, Aug. 17, 2021\n\n{BODY}\n")
    assert brief.published == dt.date(2021, 8, 17)
    assert _texts(f"{TITLE}\n\nSept. 5, 2023\n\n{BODY}\n") == [BODY]
    # an abbreviation that is no month stays text
    assert parse_text(f"{TITLE}\n\nMr. 5, 2020\n\n{BODY}\n").published is None


def test_a_sentence_case_label_with_a_colon_over_a_list_heads_a_section() -> None:
    items = "  • Fix the grid bottlenecks\n\n  • Encourage investment\n\n  • End the trade\n"
    brief = parse_text(f"{TITLE}\n\n{BODY}\n\nKey actions:\n\n{items}")
    assert [s.heading for s in brief.sections] == [None, "Key actions"]
    assert isinstance(brief.sections[1].blocks[0], ItemList)
    # a sentence that runs on into its list, or a label over one item, stays text
    for label, under in (
        ("Severe weather advisories include:", items),
        ("Carry out a review when:", items),
        ("Sector level information:", "  • People at risk and priority needs\n"),
    ):
        kept = parse_text(f"{TITLE}\n\n{BODY}\n\n{label}\n\n{under}")
        assert [s.heading for s in kept.sections] == [None], label


def test_an_author_box_heads_a_section_of_its_own() -> None:
    brief = parse_text(
        f"{TITLE}\n\n{BODY}\n\n  • First item\n  • Second item\n\nAbout the authors\n\n"
        "  • Simone Roe\n"
    )
    assert [s.heading for s in brief.sections] == [None, "About the authors"]


def test_a_link_to_the_full_text_and_sharing_buttons_are_chrome() -> None:
    for line in (
        "Read the full memo by clicking the download button at the top of this page.",
        "Read the full comment - click here",
        "Download the Security Brief [pdf]",
        "Share this content",
    ):
        assert _texts(f"{TITLE}\n\n{BODY}\n\n{line}\n\n{BODY}\n") == [BODY, BODY], line
    # a sentence about reading the full text stays
    said = "Read the full text of the treaty, which runs to forty pages, before the vote."
    assert said in _texts(f"{TITLE}\n\n{BODY}\n\n{said}\n\n{BODY}\n")


def test_a_name_over_sharing_buttons_is_the_author() -> None:
    head = "Rising tensions reshape security planning\nJames Thorpe\nShare this content\n"
    brief = parse_text(f"{head}\n{BODY}\n")
    assert brief.authors == ("James Thorpe",)
    assert [s.heading for s in brief.sections] == [None]
    # a name over a paragraph is no byline: it stays where it stands
    plain = parse_text(f"Rising tensions reshape security planning\n\nJames Thorpe\n\n{BODY}\n")
    assert plain.authors == ()


def test_items_of_a_label_and_a_link_lead_with_the_label() -> None:
    links = (
        "- Annonce officielle de la création de US-CERT : http://www.cert.org/about/\n"
        "- Description des différentes listes US-CERT : http://www.us-cert.gov/cas/\n"
    )
    brief = parse_text(f"Note d'information\n\n{BODY}\n\nPour plus d’information :\n{links}")
    (listed,) = [b for s in brief.sections for b in s.blocks if isinstance(b, ItemList)]
    assert [i.lead for i in listed.items] == [
        "Annonce officielle de la création de US-CERT",
        "Description des différentes listes US-CERT",
    ]
    # a phrase in lower case after the colon still runs on: no lead
    plain = "- Annonce officielle de la création : une page\n- Description des listes : une autre\n"
    brief = parse_text(f"Note d'information\n\n{BODY}\n\n{plain}")
    (listed,) = [b for s in brief.sections for b in s.blocks if isinstance(b, ItemList)]
    assert [i.lead for i in listed.items] == ["", ""]


def test_a_heading_loses_the_hash_its_theme_prints_as_a_permalink() -> None:
    brief = parse_text(f"{TITLE}\n\n{BODY}\n\nWhat Is the Country Report?#\n\n{BODY}\n")
    assert [s.heading for s in brief.sections] == [None, "What Is the Country Report?"]
    # the hash of a language's name stays
    named = parse_text(f"{TITLE}\n\n{BODY}\n\nWriting Parsers in C#\n\n{BODY}\n")
    assert [s.heading for s in named.sections] == [None, "Writing Parsers in C#"]


def test_a_related_box_under_a_foreign_label_is_chrome() -> None:
    box = "Relaterede Artikler\n\nReturns on Risky Assets Take the Lead\n\nYields Fall in July\n"
    assert _texts(f"{TITLE}\n\n{BODY}\n\n{box}") == [BODY]
    # the headline-shaped lines under an ordinary line stay
    kept = "Artikler\n\nReturns on Risky Assets Take the Lead\n\nYields Fall in July\n"
    assert len(_texts(f"{TITLE}\n\n{BODY}\n\n{kept}")) > 1


def test_a_field_with_a_spaced_colon_and_one_value_is_no_heading() -> None:
    brief = parse_text(f"{TITLE}\n\n{BODY}\n\nVersion : 1.2\n\n{BODY}\n")
    assert [s.heading for s in brief.sections] == [None]
    assert "Version : 1.2" in _texts(f"{TITLE}\n\n{BODY}\n\nVersion : 1.2\n\n{BODY}\n")
    # a heading that runs on after the colon is one still
    heading = "Les clés de l’analyse : concepts et méthodes"
    assert [
        s.heading for s in parse_text(f"{TITLE}\n\n{BODY}\n\n{heading}\n\n{BODY}\n").sections
    ] == [
        None,
        heading,
    ]


def test_a_french_publication_and_update_line_gives_both_dates() -> None:
    line = "Publication : 14 juillet 2015 | Mise à jour : 9 décembre 2015"
    brief = parse_text(f"Bulletin de sécurité MS15-058\n\n{line}\n\n{BODY}\n")
    assert (brief.published, brief.updated) == (dt.date(2015, 7, 14), dt.date(2015, 12, 9))
    assert _texts(f"Bulletin de sécurité MS15-058\n\n{line}\n\n{BODY}\n") == [BODY]
    later = parse_text(f"Bulletin de sécurité\n\nMis à jour le 4 mars 2021 à 10:15\n\n{BODY}\n")
    assert later.updated is not None
    assert later.updated.day == 4


def test_a_name_with_its_title_and_role_under_the_headline_is_the_author() -> None:
    head = (
        "Uncertain Winds: Trends in West Asia in 2024\nDr Hirak Jyoti Das, Associate Fellow, VIF\n"
    )
    brief = parse_text(f"{head}Israel-Hamas Conflict\n\n{BODY}\n")
    assert brief.authors == ("Hirak Jyoti Das",)
    assert [s.heading for s in brief.sections] == ["Israel-Hamas Conflict"]
    # a name alone is no byline without a date or a byline around it, and "Mr" opens headlines
    alone = parse_text(f"Uncertain Winds\nHirak Jyoti Das\n\n{BODY}\n")
    assert alone.authors == ()
    mister = parse_text(f"Weekly Notes\nMr Big Sells Out, Again\n\n{BODY}\n")
    assert mister.authors == ()


def test_numbered_headings_with_a_key_and_a_colon_in_any_case() -> None:
    steps = (
        "1. The baseline: first-term tariffs and the post-2020 carryover\n\n"
        f"{BODY}\n\n2. Scale and mechanics of the tariff expansion\n\n{BODY}\n"
    )
    brief = parse_text(f"Tariffs Explained\n\n{BODY}\n\n{steps}")
    assert [s.heading for s in brief.sections] == [
        None,
        "The baseline: first-term tariffs and the post-2020 carryover",
        "Scale and mechanics of the tariff expansion",
    ]
    # numbered sentences with a colon stay items
    items = f"1. Officials said: the talks failed. More later\n\n{BODY}\n\n2. Then came a deal\n\n"
    kept = parse_text(f"Tariffs Explained\n\n{BODY}\n\n{items}{BODY}\n")
    assert [s.heading for s in kept.sections] == [None]


def test_a_fact_check_date_and_a_generated_page_notice() -> None:
    notice = "Disclaimer: Factually can make mistakes. Please verify important information."
    brief = parse_text(
        f"What changed in trade policy?\n\nChecked on January 10, 2026\n{notice}\n\n{BODY}\n"
    )
    assert brief.published == dt.date(2026, 1, 10)
    assert [b.text for s in brief.sections for b in s.blocks] == [BODY]
    # a sentence about mistakes stays
    said = "Analysts can make mistakes. That is why a second reader checks every brief."
    assert said in _texts(f"What changed?\n\n{BODY}\n\n{said}\n")


def test_a_blogs_name_over_the_headline_is_the_publisher() -> None:
    blog = "SANS Digital Forensics and Incident Response Blog"
    brief = parse_text(f"{blog}\n\nSecurity Intelligence: Defining APT Campaigns\n\n{BODY}\n")
    assert (brief.title, brief.publisher) == ("Security Intelligence: Defining APT Campaigns", blog)
    # a headline that is about a blog, over a sentence, is the title
    about = parse_text(f"Why We Started a Blog\n\n{BODY}\n")
    assert about.title == "Why We Started a Blog"


def test_a_byline_with_the_authors_handle_or_role_after_a_bar() -> None:
    head = "  • Writer: Nico Dekens | dutch_osintguy\n  • Nov 17, 2025\n  • 11 min read\n"
    brief = parse_text(f"Intelligence Report Writing\n\n{head}\n{BODY}\n")
    assert (brief.authors, brief.published) == (("Nico Dekens",), dt.date(2025, 11, 17))
    assert _texts(f"Intelligence Report Writing\n\n{head}\n{BODY}\n") == [BODY]
    roled = parse_text(f"Intelligence Report Writing\n\nBy Jane Roe | Senior Analyst\n\n{BODY}\n")
    assert roled.authors == ("Jane Roe",)
    # a handle after a line that is no byline names no author
    line = "Field notes from the week | dutch_osintguy"
    assert parse_text(f"Intelligence Report Writing\n\n{line}\n\n{BODY}\n").authors == ()


def test_a_section_label_over_a_bulleted_date_over_the_headline() -> None:
    head = "Logo\n\nNews & Blog\n\n  • 6th January 2026\n\n"
    headline = "Understanding Your Duty of Care Obligations for Business Travel"
    brief = parse_text(f"{head}{headline}\n\n{BODY}\n")
    assert (brief.title, brief.category, brief.publisher) == (headline, "News & Blog", None)
    assert brief.published == dt.date(2026, 1, 6)
    assert _texts(f"{head}{headline}\n\n{BODY}\n") == [BODY]
    # a site's name over the bulleted date is no kicker of two kinds: it is the publisher
    named = parse_text(f"Harbour Risk Review\n\n  • 6th January 2026\n\n{headline}\n\n{BODY}\n")
    assert named.title == headline
    assert named.category != "Harbour Risk Review"


def test_a_headline_printed_twice_under_the_sites_header() -> None:
    headline = "Security Assessment in the Horn of Africa: Escalating Challenges"
    head = f"Centre for Regional Consultancy Studies\n\nSituation assessment\n\n{headline}\n\n"
    brief = parse_text(f"{head}2026-02-05\n{headline}\n\nIntroduction\n\n{BODY}\n")
    assert brief.title == headline
    assert (brief.publisher, brief.category) == (
        "Centre for Regional Consultancy Studies",
        "Situation assessment",
    )
    assert [s.heading for s in brief.sections] == ["Introduction"]
    # an author's name printed twice (a card and a byline) is no headline
    card = "Physical Security\n\nDana Whitlock\nDana Whitlock\nCommentary\n\n"
    named = parse_text(f"{card}{headline}\n\n{BODY}\n")
    assert named.title != "Dana Whitlock"


def test_a_headline_around_its_image_over_a_dated_byline() -> None:
    head = "When experts conflict\n\nParliament house flag post\n\nWhen experts conflict\n\n"
    brief = parse_text(f"{head}Posted 25/10/2013 by Luke Buckmaster\n\n{BODY}\n")
    assert brief.title == "When experts conflict"
    assert (brief.published, brief.authors) == (dt.date(2013, 10, 25), ("Luke Buckmaster",))
    assert _texts(f"{head}Posted 25/10/2013 by Luke Buckmaster\n\n{BODY}\n") == [BODY]
    # a source's name around the headline, with no date under it, is still the publisher
    source = "UNOCHA - United Nations Office for the Coordination of Humanitarian Affairs"
    headline = "Today's top news: Sudan, Occupied Palestinian Territory"
    around = parse_text(f"{source}\n\n{headline}\n\n{source}\n\nSudan\n\n{BODY}")
    assert (around.title, around.publisher) == (headline, source)


def test_a_date_line_with_its_author_after_by() -> None:
    brief = parse_text(f"Weekly Notes\n\nPosted on March 3, 2024 by Jane Roe\n\n{BODY}\n")
    assert (brief.published, brief.authors) == (dt.date(2024, 3, 3), ("Jane Roe",))
    # words in lower case after "by" are no name
    unsigned = parse_text(f"Weekly Notes\n\nPosted March 3, 2024 by the editors\n\n{BODY}\n")
    assert unsigned.authors == ()


def test_a_header_date_over_the_headline_gives_way_to_the_date_under_it() -> None:
    head = "Friday, 18 April 2014 | 13:35\nView by:\n\nAlert issued for Bab el Mandeb Straits\n\n"
    text = f"{head}Tuesday, 28 February 2012 | 11:00\n{BODY}\n"
    brief = parse_text(text)
    assert (brief.title, brief.published) == (
        "Alert issued for Bab el Mandeb Straits",
        dt.date(2012, 2, 28),
    )
    assert _texts(text) == [BODY]
    # a date over the headline alone is the piece's date
    alone = parse_text(f"Friday, 18 April 2014\n\nAlert issued for Bab el Mandeb\n\n{BODY}\n")
    assert alone.published == dt.date(2014, 4, 18)


def test_an_indented_comment_notice_does_not_continue_the_paragraph() -> None:
    notices = (
        "    There are no comments available.\n"
        "    In order to send the form you have to type the displayed code.\n"
    )
    assert _texts(f"{TITLE}\n\n{BODY}\nSource: GAC\n{notices}") == [BODY, "Source: GAC"]
    # an indented line of prose still continues it
    wrapped = f"{TITLE}\n\n{BODY}\n    and the ministry said so again.\n"
    assert _texts(wrapped) == [f"{BODY} and the ministry said so again."]


def test_numbered_labels_of_the_vocabulary_over_bullets_head_sections() -> None:
    text = (
        f"Sahel Leaders Unite\n\n1. BLUF (Bottom Line Up Front)\n\n{BODY}\n\n"
        "2. Competing Hypotheses\n\n"
        "  • Hypothesis A: the force holds.\n  • Hypothesis B: it fails.\n"
    )
    brief = parse_text(text)
    assert [(s.kind.value, s.heading) for s in brief.sections] == [
        ("judgement", "BLUF (Bottom Line Up Front)"),
        ("analysis", "Competing Hypotheses"),
    ]
    # a numbered line that is no label stays an item over its sub-list
    steps = "1. Gather the sources\n\n  • open reports\n  • field notes\n"
    kept = parse_text(f"Sahel Leaders Unite\n\n{BODY}\n\n{steps}")
    assert [s.heading for s in kept.sections] == [None]


def test_download_links_with_a_size_or_languages_and_see_also_lines_are_chrome() -> None:
    for line in (
        "Download PDF • 1.95MB",
        "Download Security Brief #26 [PDF] ENGLISH | FRANÇAIS | PORTUGUÊS",
        "See also: self-coup, coup d'etat, political crisis.",
    ):
        assert _texts(f"{TITLE}\n\n{BODY}\n\n{line}\n\n{BODY}\n") == [BODY, BODY], line
    # sentences that open the same way stay
    for said in (
        "See also the earlier report, which found the same pattern in 2019.",
        "Download speeds fell to 12 MB a second during the outage.",
    ):
        assert said in _texts(f"{TITLE}\n\n{BODY}\n\n{said}\n\n{BODY}\n")


def test_a_byline_with_on_and_its_date() -> None:
    for line, name in (
        ("By Jane Roe on March 3, 2024", "Jane Roe"),
        ("By: SiliconExpert on September 20th, 2021", "SiliconExpert"),
    ):
        brief = parse_text(f"Typhoon Disrupts Supply Chains\n\n{line}\n\n{BODY}\n")
        assert (brief.authors, brief.published is not None) == ((name,), True), line
    # "on" and no date after it: no date line
    kept = parse_text(
        f"Typhoon Disrupts Supply Chains\n\nBy Ann Lee on the ground floor\n\n{BODY}\n"
    )
    assert kept.published is None


def test_a_link_to_the_full_piece_elsewhere_and_a_generated_images_credit_are_chrome() -> None:
    for line in ("Read the full op-ed at War On The Rocks.", "Generated by ImageFX"):
        assert _texts(f"{TITLE}\n\n{BODY}\n\n{line}\n\n{BODY}\n") == [BODY, BODY], line
    # a sentence about the full report stays
    said = "Read the full report on Monday before the vote, the minister urged."
    assert said in _texts(f"{TITLE}\n\n{BODY}\n\n{said}\n\n{BODY}\n")


def test_a_kicker_under_the_pages_search_box_over_a_sentence_case_headline() -> None:
    headline = "Washington n'envisage pas de relever son niveau d'alerte terroriste"
    head = f"Rechercher\nRechercher\n\nDernières Infos\n\n{headline}\n\n"
    brief = parse_text(f"{head}{BODY}\n")
    assert (brief.title, brief.category) == (headline, "Dernières Infos")
    # with no header above it, a short line over a sentence-case line is the title
    alone = parse_text(f"Dernières Infos\n\n{headline}\n\n{BODY}\n")
    assert alone.title == "Dernières Infos"


def test_a_browser_notice_and_a_podcast_call_are_chrome() -> None:
    for line in (
        "IE 11 is not supported. For an optimal experience visit our site on another browser.",
        "Listen to our Quarterly Analysis Podcast.",
    ):
        assert _texts(f"{TITLE}\n\n{BODY}\n\n{line}\n\n{BODY}\n") == [BODY, BODY], line


def test_a_date_label_whose_value_did_not_copy_is_dropped_under_the_headline() -> None:
    text = f"The Week Ahead: October 21, 2024\n\nDate\n\nEurope\n  • Brussels, Belgium: {BODY}\n"
    brief = parse_text(text)
    assert [s.heading for s in brief.sections] == ["Europe"]
    # a label that is no date's stays
    other = parse_text(f"The Week Ahead\n\nRegion\n\nEurope\n  • Brussels, Belgium: {BODY}\n")
    assert "Region" in render_text(other)


def test_a_vocabulary_word_as_a_kicker_over_a_dated_headline() -> None:
    text = f"ASSESSMENTS\n\nWhat's Happening in Haiti?\n\nMar 13, 2024 | 21:29 GMT\n\n{BODY}\n"
    brief = parse_text(text)
    assert (brief.title, brief.category) == ("What's Happening in Haiti?", "ASSESSMENTS")
    assert brief.published is not None
    # a label over prose where the title should be is still refused, saying where
    with pytest.raises(ParseError, match="line 1"):
        parse_text(f"Key Judgments\n\n{BODY}\n")


@pytest.mark.parametrize("sep", ["\n\n", "\n"])
def test_a_heading_opened_by_a_pictograph_is_a_heading(sep: str) -> None:
    body = f"{BODY} Officials expect more talks next week."
    heads = ["🇺🇦 Ukraine", "💡 Key Insight"]
    text = f"{TITLE}{sep}{body}{sep}{heads[0]}{sep}{body}{sep}{heads[1]}{sep}{body}\n"
    brief = parse_text(text)
    assert [s.heading for s in brief.sections] == [None, *heads]  # the emoji kept, as printed
    # a pictograph before a sentence leaves it a sentence
    sentence = f"{TITLE}\n\n{body}\n\n💡 Officials expect more talks next week.\n\n{body}\n"
    assert [s.heading for s in parse_text(sentence).sections] == [None]


def test_an_images_alt_text_ending_in_icon_or_thumbnail_is_chrome() -> None:
    alt = f"{TITLE} Thumbnail"
    brief = parse_text(f"{alt}\n\n{TITLE}\n\nBlog Meta Icon\nMarch 4, 2026\n\n{BODY}\n")
    assert brief.title == TITLE
    assert brief.published == dt.date(2026, 3, 4)
    assert _texts(f"{alt}\n\n{TITLE}\n\nBlog Meta Icon\nMarch 4, 2026\n\n{BODY}\n") == [BODY]
    # a heading or headline that ends in the word, as a sentence would, stays
    kept = f"{TITLE}\n\n{BODY}\n\nParis Loses an Icon\n\n{BODY}\n"
    assert [s.heading for s in parse_text(kept).sections] == [None, "Paris Loses an Icon"]
