"""Markdown input: hand-written briefs, front matter, inline headings, lead-ins, safety."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import briefkit
from briefkit import (
    Brief,
    BriefLink,
    Emphasis,
    Item,
    ItemList,
    LimitError,
    Link,
    Paragraph,
    ParseError,
    Quote,
    SectionKind,
    Strong,
    Text,
    parse_markdown,
)
from briefkit.parsers.markdown import MAX_FRONT_MATTER

FIXTURES = Path(__file__).parent.parent / "fixtures" / "markdown"
K = SectionKind


def outline(brief: Brief) -> list[tuple[str, str | None, list[str]]]:
    """(kind, heading, block types) per section: the shape a reader expects."""
    return [(s.kind.value, s.heading, [b.type for b in s.blocks]) for s in brief.sections]


# --- hand-written briefs ---------------------------------------------------------------


def test_front_matter_brief() -> None:
    brief = briefkit.parse(FIXTURES / "front-matter.md")
    assert brief.title == "Desalination Plants Become Targets in Gulf Tensions"
    assert brief.published == dt.date(2024, 5, 3)  # `date:` alias, YAML date
    assert brief.authors == ("Priya Nandakumar",)  # `author:` alias, a single string
    assert brief.tags == ("water", "critical infrastructure", "Gulf")
    assert brief.summary == "Water plants are exposed and hard to defend."  # `description:`
    assert outline(brief) == [
        ("judgement", "Key Judgement", ["paragraph"]),
        ("evidence", "Supporting Evidence", ["list"]),
        ("implications", "Implications", ["paragraph"]),
    ]
    judgement = brief.judgement
    assert judgement is not None
    assert judgement.blocks[0] == Paragraph(
        content=(
            Text(text="Coastal desalination plants are "),
            Emphasis(children=(Text(text="likely"),)),
            Text(
                text=" to feature in any escalation between Gulf states and their rivals, "
                "because a single strike can cut drinking water to a city within days."
            ),
        )
    )
    evidence = brief.evidence
    assert [i.lead for i in evidence] == ["Concentration of Supply", "Recent Probing", ""]
    assert evidence[0].text.startswith("Three plants provide most")
    assert evidence[1].body[-2:] == (
        Link(
            href="https://example.net/notices/0312", children=(Text(text="port authority notice"),)
        ),
        Text(text="."),
    )
    assert evidence[2].body[0] == Text(text="No lead-in here, just an observation about ")
    assert brief.prev == BriefLink(
        title="Undersea Cables Near the Strait", href="https://example.net/briefs/cables"
    )
    assert brief.next == BriefLink(
        title="Port Automation and Labour Unrest", href="https://example.net/briefs/ports"
    )


def test_single_hash_headings_and_unknown_heading() -> None:
    brief = briefkit.parse(FIXTURES / "plain-headings.md")
    assert brief.title == "Militia Recruitment Rises Along the Northern Border"
    assert outline(brief) == [
        ("judgement", "Bottom Line", ["paragraph"]),
        ("evidence", "Key Points", ["list"]),
        ("background", "Background", ["paragraph", "quote"]),
        ("other", "A note on sources", ["paragraph"]),
    ]
    items = brief.evidence
    assert len(items) == 3
    assert all(i.lead == "" for i in items)  # bold without a colon is not a lead-in
    assert items[1].body[0] == Strong(children=(Text(text="Local leaders"),))
    section = brief.section(K.BACKGROUND)
    assert section is not None
    assert section.blocks[1] == Quote(
        content=(
            Text(
                text='"Nobody hands in a rifle while the other side keeps theirs," one elder said.'
            ),
        )
    )
    assert brief.prev is None
    assert brief.next is None


def test_inline_headings_and_nav_without_rule() -> None:
    brief = briefkit.parse(FIXTURES / "inline-headings.md")
    assert outline(brief) == [
        ("overview", "Overview", ["paragraph"]),
        ("analysis", "Analysis", ["paragraph", "paragraph"]),
        ("evidence", "Supporting Evidence", ["list", "paragraph"]),
        ("outlook", "Outlook", ["paragraph"]),
    ]
    overview = brief.section(K.OVERVIEW)
    assert overview is not None
    assert overview.text.startswith("Foreign trawlers have entered")
    analysis = brief.section(K.ANALYSIS)
    assert analysis is not None
    assert analysis.paragraphs[0].text.startswith("The escorts turn")  # `**Analysis**:` form
    assert [(i.lead, i.text[:10]) for i in brief.evidence] == [
        ("Sightings", "Satellite "),
        ("Escort pattern", "Coast guar"),
    ]
    evidence = brief.section(K.EVIDENCE)
    assert evidence is not None
    # "Officials said" is not a heading label: the paragraph stays, bold included.
    assert evidence.blocks[1] == Paragraph(
        content=(
            Strong(children=(Text(text="Officials said:"),)),
            Text(text=" the navy will add two patrols a week."),
        )
    )
    assert brief.prev == BriefLink(
        title="Reef Reclamation Accelerates", href="https://example.net/reef"
    )
    assert brief.next == BriefLink(
        title="Seabed Mining Licences", href="https://example.net/seabed"
    )


def test_html_is_text_and_unsafe_links_keep_their_words() -> None:
    brief = briefkit.parse(FIXTURES / "hostile.md")
    assert brief.title == "Markup <script>alert(1)</script> in a Title"
    section = brief.sections[0]
    texts = [b.text for b in section.blocks if not isinstance(b, ItemList)]
    assert texts == [
        "Raw <b>HTML</b> stays text, and so does <img src=x onerror=alert(1)>.",
        '<div class="box">A block of HTML is text as well.</div>',
        "A bad link keeps its words, a data link too, and a chart of rising prices becomes "
        "its alt text.",
        "Entities like & and & are read as characters.",
    ]
    # No link survived: one was javascript:, one data:, and the image became text.
    assert all(isinstance(n, Text) for b in section.blocks for n in b.content)  # type: ignore[union-attr]


def test_no_title_is_an_error_with_a_line() -> None:
    with pytest.raises(ParseError, match="no title") as info:
        briefkit.parse(FIXTURES / "no-title.md")
    assert info.value.line == 1
    assert info.value.source is not None
    assert info.value.source.endswith("no-title.md")


# --- spec tables ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        # A paragraph opening with a bold vocabulary label starts a section ...
        ("**Overview:** Text.", [("overview", "Overview", "Text.")]),
        ("**Key Judgments**: Text.", [("judgement", "Key Judgments", "Text.")]),
        ("**Bottom line**\n\nText.", [("judgement", "Bottom line", "Text.")]),
        # ... but not other bold phrases, bold without a colon before text, or __ bold.
        ("**Officials said:** text.", [("other", None, "Officials said: text.")]),
        ("**Analysis** of the data.", [("other", None, "Analysis of the data.")]),
        ("__Overview:__ text.", [("other", None, "Overview: text.")]),
        (
            "Overview: plain text stays a sentence.",
            [("other", None, "Overview: plain text stays a sentence.")],
        ),
        # ATX headings of any level; unknown labels are kept as kind other.
        ("### Regional Reactions\n\nText.", [("other", "Regional Reactions", "Text.")]),
        (
            "## Sources\n\n## Implications",
            [("sources", "Sources", ""), ("implications", "Implications", "")],
        ),
        # An empty heading is a section without one.
        ("Intro.\n\n##\n\nMore.", [("other", None, "Intro."), ("other", None, "More.")]),
    ],
)
def test_sections(markdown: str, expected: list[tuple[str, str | None, str]]) -> None:
    brief = parse_markdown("# T\n\n" + markdown)
    assert [(s.kind.value, s.heading, s.text) for s in brief.sections] == expected


@pytest.mark.parametrize(
    ("markdown", "lead", "body"),
    [
        ("1. **Lead:** body", "Lead", "body"),
        ("1. **Lead**: body", "Lead", "body"),
        ("- **Lead:**", "Lead", ""),
        ("1) **A: B:** body", "A: B", "body"),
        ("1. **Lead** body", "", "Lead body"),
        ("1. __Lead:__ body", "", "Lead: body"),
        ("1. **Lead *x*:** body", "", "Lead x: body"),  # nested formatting stays in the body
        ("1. text **Lead:** body", "", "text Lead: body"),
        ("1. **:** body", "", ": body"),
        ("1. **![](x.png)**\n\n   **Lead:** later", "", "Lead: later"),  # only the first paragraph
        ("1. **Lead:** one\n\n   two\n   - three", "Lead", "one two three"),  # nothing lost
    ],
)
def test_lead_ins(markdown: str, lead: str, body: str) -> None:
    brief = parse_markdown("# T\n\n" + markdown)
    (item,) = brief.sections[0].items
    assert (item.lead, item.text) == (lead, body)


@pytest.mark.parametrize(
    ("tail", "prev", "next_"),
    [
        (
            "Previous: [A](a.html)\n\nNext: [B](b.html)",
            BriefLink(title="A", href="a.html"),
            BriefLink(title="B", href="b.html"),
        ),
        (
            "Previous: [A](a.html)\nNext: [B](b.html)",
            BriefLink(title="A", href="a.html"),
            BriefLink(title="B", href="b.html"),
        ),
        (
            "---\n\nPrevious: Old title\n\nNext: New: with colon",
            BriefLink(title="Old title"),
            BriefLink(title="New: with colon"),
        ),
        ("---\n\nNext: <https://x.test/n>", None, BriefLink(href="https://x.test/n")),
        ("---\n\nPrev: [](rel/p.html)", BriefLink(href="rel/p.html"), None),
        ("**Next:** [B](b.html)", None, BriefLink(title="B", href="b.html")),
        ("---\n\nNext: [B](javascript:x)", None, BriefLink(title="B")),
    ],
)
def test_navigation_tail(tail: str, prev: BriefLink | None, next_: BriefLink | None) -> None:
    brief = parse_markdown("# T\n\n## Analysis\n\nBody.\n\n" + tail)
    assert (brief.prev, brief.next) == (prev, next_)
    assert brief.sections[0].text == "Body."


@pytest.mark.parametrize(
    "tail",
    [
        "Next: the committee meets on Friday.",  # text without a rule: an ordinary sentence
        "Next: [B](b.html) and more text.",
        "Next: [B](b.html) [C](c.html)",
    ],
)
def test_content_that_only_looks_like_navigation(tail: str) -> None:
    brief = parse_markdown("# T\n\n" + tail)
    assert brief.prev is None
    assert brief.next is None
    assert brief.sections[0].blocks  # kept as content


def test_a_repeated_label_ends_the_navigation_run() -> None:
    brief = parse_markdown("# T\n\nPrevious: [A](a.html)\n\nPrevious: [B](b.html)")
    assert brief.prev == BriefLink(title="B", href="b.html")
    assert brief.sections[0].text == "Previous: A"  # the earlier one stays content


def test_inline_content() -> None:
    brief = parse_markdown(
        "# T\n\nA *b* **c** [d *e*](https://x.test/?a=1&b=2) `code` ![alt *x*](i.png) "
        "<https://x.test/auto> line\nbreak \\*not emphasis\\* a_b_c &lt;tag&gt;"
    )
    assert brief.sections[0].blocks[0] == Paragraph(
        content=(
            Text(text="A "),
            Emphasis(children=(Text(text="b"),)),
            Text(text=" "),
            Strong(children=(Text(text="c"),)),
            Text(text=" "),
            Link(
                href="https://x.test/?a=1&b=2",
                children=(Text(text="d "), Emphasis(children=(Text(text="e"),))),
            ),
            Text(text=" code alt x "),
            Link(href="https://x.test/auto", children=(Text(text="https://x.test/auto"),)),
            Text(text=" line break *not emphasis* a_b_c <tag>"),
        )
    )


def test_links_keep_their_target_exactly() -> None:
    brief = parse_markdown("# T\n\n[a](<x y/é.html>) [b](https://x.test/a\\(b\\)?q=%20)")
    links = [n for n in brief.sections[0].blocks[0].content if isinstance(n, Link)]  # type: ignore[union-attr]
    assert [link.href for link in links] == ["x y/é.html", "https://x.test/a(b)?q=%20"]


def test_code_blocks_and_nested_quotes_are_kept_as_text() -> None:
    brief = parse_markdown("# T\n\n```\nline one\nline two\n```\n\n> outer\n>\n> > inner\n")
    assert brief.sections[0].blocks == (
        Paragraph(content=(Text(text="line one line two"),)),
        Quote(content=(Text(text="outer"),)),
        Quote(content=(Text(text="inner"),)),
    )


def test_nested_list_items_join_the_item_body() -> None:
    brief = parse_markdown("# T\n\n- a\n  1. b\n  2. c\n- d\n")
    assert brief.sections[0].blocks == (
        ItemList(
            ordered=False,
            items=(Item(body=(Text(text="a b c"),)), Item(body=(Text(text="d"),))),
        ),
    )


# --- front matter -------------------------------------------------------------------------


def test_front_matter_fields_and_kinds() -> None:
    text = (
        "---\ntitle: 1984 Revisited\nurl: https://x.test/b\nslug: b\n"
        "published: 2024-01-02T03:04:05Z\n"
        "updated: '2024-02-01'\nauthors: [A, B]\npublisher: P\ncategory: C\ntags: solo\n"
        "summary: S\nmarking: TLP:GREEN\nlanguage: en\nkinds: [outlook, Other]\nlayout: ignored\n"
        "---\n\n## Analysis\n\nx\n\n## Notes\n\ny\n"
    )
    brief = parse_markdown(text)
    assert brief.title == "1984 Revisited"  # a title line is not required with front matter
    assert brief.url == "https://x.test/b"
    assert brief.published == dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.UTC)
    assert brief.updated == dt.date(2024, 2, 1)
    assert (brief.authors, brief.tags) == (("A", "B"), ("solo",))
    assert (brief.publisher, brief.category, brief.summary) == ("P", "C", "S")
    assert (brief.marking, brief.language) == ("TLP:GREEN", "en")
    assert [(s.kind, s.heading) for s in brief.sections] == [
        (K.OUTLOOK, "Analysis"),
        (K.OTHER, "Notes"),
    ]


def test_unsafe_front_matter_links_are_dropped_and_the_brief_kept() -> None:
    brief = parse_markdown(
        "---\ntitle: T\nurl: ' JaVa\\tScript:alert(1)'\n"
        'prev: {title: Older, href: "vbscript:msgbox(1)"}\n'
        'next: {title: Newer, href: "file:///etc/passwd"}\n---\n'
        "## Analysis\n\nBody text stays.\n"
    )
    assert brief.url is None
    assert brief.prev == BriefLink(title="Older")
    assert brief.next == BriefLink(title="Newer")
    assert brief.sections[0].text == "Body text stays."


@pytest.mark.parametrize(
    ("front", "expected"),
    [
        ("prev: {title: A, href: a.html}", BriefLink(title="A", href="a.html")),
        ("prev: {url: 'https://x.test/a'}", BriefLink(href="https://x.test/a")),
        ("prev: Just A Title", BriefLink(title="Just A Title")),
        ("prev: {title: '', href: 'javascript:x'}", None),  # nothing left: no neighbour
        ("prev: [a, b]", None),  # a shape briefkit does not use is ignored, like unknown keys
    ],
)
def test_front_matter_neighbours(front: str, expected: BriefLink | None) -> None:
    assert parse_markdown(f"---\ntitle: T\n{front}\n---\n").prev == expected


def test_a_navigation_tail_wins_over_front_matter_neighbours() -> None:
    text = "---\ntitle: T\nprev: {title: A}\nnext: {title: B}\n---\n\nx\n\n---\n\nPrevious: C\n"
    brief = parse_markdown(text)
    assert (brief.prev, brief.next) == (BriefLink(title="C"), BriefLink(title="B"))


def test_characters_yaml_refuses_are_removed_from_front_matter() -> None:
    brief = parse_markdown("---\ntitle: 'Ti\ud800t\x00le'\nauthors: [A\x1b]\n---\n")
    assert (brief.title, brief.authors) == ("Title", ("A",))


def test_front_matter_title_with_a_different_h1() -> None:
    brief = parse_markdown("---\ntitle: Real Title\n---\n# Working Draft\n\ntext\n")
    assert brief.title == "Real Title"
    assert [(s.heading, s.text) for s in brief.sections] == [("Working Draft", "text")]


def test_crlf_bom_and_unclosed_front_matter() -> None:
    brief = parse_markdown("\ufeff---\r\ntitle: T\r\n---\r\n\r\n## Analysis\r\n\r\nx\r\n")
    assert (brief.title, brief.sections[0].heading) == ("T", "Analysis")
    # A leading rule that is never closed is a rule, not front matter.
    brief = parse_markdown("---\n# Title\n\ntext\n")
    assert brief.title == "Title"


@pytest.mark.parametrize(
    ("text", "error", "message", "line"),
    [
        ("---\n- a\n- b\n---\n# T\n", ParseError, "must be a mapping", 2),
        ("---\njust a string\n---\n# T\n", ParseError, "must be a mapping", 2),
        ("---\ntitle: [unclosed\n---\n# T\n", ParseError, "not valid YAML", None),
        ("---\ntitle: T\nbad: : :\n---\n", ParseError, "not valid YAML", 3),
        ("---\ntitle: yes\n---\n", ParseError, "'title' must be text", 1),
        ("---\ntitle: T\nkinds: evidence\n---\n## A\n", ParseError, "list of section kinds", 1),
        ("---\ntitle: T\nkinds: [bogus]\n---\n## A\n", ParseError, "unknown kind", None),
        (
            "---\ntitle: T\nkinds: [evidence]\n---\n",
            ParseError,
            "1 kinds but the document has 0",
            1,
        ),
        ("---\ntitle: T\nurl: [a, b]\n---\n", ParseError, "url", 1),
        ("---\ntitle: T\npublished: someday\n---\n", ParseError, "published", None),
        ("---\ntitle: T\nx: !!python/object:os.system ls\n---\n", ParseError, "not valid YAML", 3),
        # YAML reads these as timestamps that Python cannot build (a ValueError inside PyYAML)
        ("---\ntitle: 2024-02-30\n---\n", ParseError, "day is out of range", 2),
        ("---\ntitle: T\n\ndate: 2024-05-01T25:00:00\n---\n", ParseError, "hour must be", 4),
        ("---\ntitle: T\ntags: [a, 0000-01-01]\n---\n", ParseError, "year 0 is out of range", 3),
        ("---\ntitle: T\nx: {y: [2024-13-01]}\n---\n", ParseError, "month must be", 3),
        ("---\ntitle: " + "[" * 2000 + "\n---\n", ParseError, "not valid YAML", None),
        (
            "---\ntitle: " + "x" * (MAX_FRONT_MATTER + 1) + "\n---\n",
            LimitError,
            "front matter is longer",
            1,
        ),
        ("# T\n\n" + "> " * 50 + "deep", LimitError, "nest too deeply", 3),
        ("# T\n\n" + "- " * 25 + "deep", LimitError, "nest too deeply", 3),
    ],
)
def test_bad_input(text: str, error: type[Exception], message: str, line: int | None) -> None:
    with pytest.raises(error, match=message) as info:
        parse_markdown(text)
    if line is not None:
        assert info.value.line == line  # type: ignore[attr-defined]


def test_moderate_nesting_is_fine() -> None:
    brief = parse_markdown("# T\n\n" + "> " * 30 + "deep\n\n" + "- " * 15 + "deeper")
    assert [b.type for b in brief.sections[0].blocks] == ["quote", "list"]
    assert brief.sections[0].text == "deep\ndeeper"


def test_front_door_detects_markdown(tmp_path: Path) -> None:
    text = "# Title\n\n## Overview\n\nx\n"
    path = tmp_path / "brief.markdown"
    path.write_text(text, encoding="utf-8")
    expected = parse_markdown(text)
    assert briefkit.parse(text) == expected  # sniffed from the leading heading
    assert briefkit.parse(path) == expected  # by extension
    assert briefkit.parse(text.encode(), format="markdown") == expected


def test_front_matter_names_other_site_generators_give() -> None:
    """Ghost's ``published_at`` and ``canonical_url``, Hugo's ``keywords``, an export's
    ``categories`` entries with links: the first category is the brief's."""
    text = (
        "---\ntitle: Ransom Payments Fell\npublished_at: '2026-03-04'\n"
        "updated_at: 2026-03-11\ncanonical_url: https://example.org/r\nkeywords: [cra, eu]\n"
        "categories:\n  - name: Internet\n    url: /topics/internet\n  - name: Security\n"
        "tags:\n  - name: Statistics\n    url: /tags/statistics\n---\n\nBody text.\n"
    )
    brief = parse_markdown(text)
    assert (brief.published, brief.updated) == (dt.date(2026, 3, 4), dt.date(2026, 3, 11))
    assert (brief.url, brief.category) == ("https://example.org/r", "Internet")
    assert brief.tags == ("Statistics",)  # ``tags`` itself wins over ``keywords``
