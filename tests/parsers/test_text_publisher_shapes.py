"""parse_text on further publishers' shapes: course kickers, French typography, foreign
related-link lines and the like. Each test is one rule with a control the rule must not
reach; the corpus tests check the rules together."""

from __future__ import annotations

import datetime as dt

from briefkit import parse_text

BODY = "The ministry confirmed the order on Monday and said more would follow."


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
