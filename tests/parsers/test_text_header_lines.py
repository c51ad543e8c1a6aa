"""parse_text on the header lines pages print around the headline: fields joined by middle
dots, authors' names with a role, a credential or a link, and code indented under a
paragraph's line. Each test is one rule with a control that the rule must not reach."""

from __future__ import annotations

import datetime as dt

import pytest

from briefkit import ItemList, parse_text

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
    assert line in [s.heading for s in brief.sections] + [
        b.text for s in brief.sections for b in s.blocks
    ]


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
