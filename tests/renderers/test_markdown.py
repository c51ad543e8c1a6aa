"""Markdown output: its shape, its escaping, and the lossless round trip through the parser."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from lxml import html as lxml_html
from markdown_it import MarkdownIt

import briefkit
from briefkit import (
    Brief,
    BriefLink,
    Emphasis,
    Inline,
    Item,
    ItemList,
    Link,
    Note,
    Paragraph,
    Quote,
    Section,
    SectionKind,
    Strong,
    Text,
    parse_markdown,
    render_markdown,
)
from briefs import ALL, bullets_brief, map_inlines, seed_shaped, with_metadata
from strategies import as_written, briefs

K = SectionKind


def round_trip(brief: Brief) -> Brief:
    return parse_markdown(render_markdown(brief))


def body_of(markdown: str) -> str:
    """The Markdown after the front matter."""
    assert markdown.startswith("---\n")
    return markdown.split("\n---\n", 1)[1]


def one_paragraph(*content: Inline, kind: SectionKind = K.OTHER) -> Brief:
    return Brief(title="T", sections=(Section(kind=kind, blocks=(Paragraph(content=content),)),))


# --- shape -------------------------------------------------------------------------------


def test_rendered_shape() -> None:
    markdown = render_markdown(with_metadata())
    front = yaml.safe_load(markdown.split("---\n")[1])
    assert front == {
        "title": "Red Sea Shipping Insurance Costs Climb as Attacks Spread South",
        "url": "https://example.org/briefs/red-sea-insurance",
        "slug": "red-sea-insurance",
        "published": "2024-02-14",
        "updated": "2024-02-15T09:30:00+00:00",
        "authors": ["Ines Marlow", "Tomas Okafor"],
        "publisher": "Harbourline Analysis",
        "category": "Maritime Security",
        "tags": ["shipping", "insurance", "Red Sea"],
        "summary": "War-risk premiums push carriers away from the Suez route.",
        "marking": "TLP:CLEAR",
        "language": "en",
    }
    lines = body_of(markdown).splitlines()
    assert lines[:5] == [
        "",
        "# Red Sea Shipping Insurance Costs Climb as Attacks Spread South",
        "",
        "## Analytic Judgement",
        "",
    ]
    assert "## Supporting Evidence" in lines
    assert "## Implications" in lines
    assert lines[lines.index("## Supporting Evidence") + 2].startswith(
        "1. **Premium Increases:** Brokers quote war-risk cover"
    )
    assert lines[-5:] == [
        "---",
        "",
        "Previous: [112: Drone Swarms and the Economics of Air Defence]"
        "(https://example.org/briefs/drone-swarms)",
        "",
        "Next: [Andean Lithium Nationalisation Gathers Pace]"
        "(https://example.org/briefs/andean-lithium)",
    ]
    assert markdown.endswith(")\n")
    assert "\x0c" not in markdown


def test_kinds_are_written_only_when_headings_do_not_imply_them() -> None:
    assert "kinds:" not in render_markdown(bullets_brief())  # untitled first section: other
    brief = Brief(
        title="T",
        sections=(
            Section(kind=K.JUDGEMENT, heading="Bottom Line"),
            Section(kind=K.EVIDENCE, heading="What We Saw"),
            Section(kind=K.OVERVIEW),
        ),
    )
    markdown = render_markdown(brief)
    assert yaml.safe_load(markdown.split("---\n")[1])["kinds"] == [
        "judgement",
        "evidence",
        "overview",
    ]
    assert round_trip(brief) == brief


def test_untitled_sections() -> None:
    brief = Brief(
        title="T",
        sections=(
            Section(blocks=(Paragraph(content=(Text(text="Lead paragraph."),)),)),
            Section(kind=K.ANALYSIS, heading="Analysis", blocks=()),
            Section(blocks=(Paragraph(content=(Text(text="After an empty heading."),)),)),
        ),
    )
    assert body_of(render_markdown(brief)).split("\n\n") == [
        "\n# T",
        "Lead paragraph.",
        "## Analysis",
        "##",
        "After an empty heading.\n",
    ]
    assert round_trip(brief) == brief
    empty_first = Brief(title="T", sections=(Section(), Section(heading="Sources")))
    assert "\n##\n" in render_markdown(empty_first)
    assert round_trip(empty_first) == empty_first


def test_consecutive_lists_stay_apart() -> None:
    def items(*texts: str) -> tuple[Item, ...]:
        return tuple(Item(body=(Text(text=t),)) for t in texts)

    blocks = (
        ItemList(ordered=True, items=items("a", "b")),
        ItemList(ordered=True, items=items("c")),
        ItemList(ordered=False, items=items("d")),
        ItemList(ordered=False, items=items("e")),
        ItemList(ordered=False, items=items("f")),
    )
    brief = Brief(title="T", sections=(Section(blocks=blocks),))
    assert body_of(render_markdown(brief)).split("\n\n")[1:] == [
        "1. a\n2. b",
        "1) c",
        "- d",
        "+ e",
        "- f\n",
    ]
    assert round_trip(brief) == brief


@pytest.mark.parametrize(
    ("link", "line"),
    [
        (BriefLink(title="A", href="a.html"), "Previous: [A](a.html)"),
        (
            BriefLink(title="Title only: with [brackets]"),
            "Previous: Title only: with \\[brackets\\]",
        ),
        (BriefLink(href="https://x.test/p"), "Previous: <https://x.test/p>"),
        (BriefLink(href="rel/p.html"), "Previous: [](rel/p.html)"),
        (BriefLink(title="A", href="a b (1).html"), "Previous: [A](<a b (1).html>)"),
        (BriefLink(title="A", href="a(1)&amp;.html"), "Previous: [A](a\\(1\\)\\&amp;.html)"),
    ],
)
def test_navigation_lines(link: BriefLink, line: str) -> None:
    brief = Brief(title="T", prev=link)
    assert body_of(render_markdown(brief)).splitlines()[-1] == line
    assert round_trip(brief) == brief


def test_a_closing_paragraph_that_looks_like_navigation() -> None:
    brief = one_paragraph(Text(text="Next: "), Link(href="n.html", children=(Text(text="n"),)))
    assert render_markdown(brief).endswith("Next: [n](n.html)\n\n---\n")
    assert round_trip(brief) == brief


def test_front_door_and_dest(tmp_path: Path) -> None:
    brief = with_metadata()
    dest = tmp_path / "out" / "brief.md"
    dest.parent.mkdir()
    text = briefkit.render(brief, "markdown", dest=dest)
    assert dest.read_text(encoding="utf-8") == text == render_markdown(brief)
    assert briefkit.parse(dest) == brief


# --- escaping ----------------------------------------------------------------------------

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "1. not a list",
    "2024) not a list either",
    "# not a heading",
    "> not a quote",
    "- not a bullet",
    "+ nor this",
    "* nor this",
    "---",
    "***",
    "___",
    "~~~ not a fence",
    "``` not a fence",
    "    four spaces are collapsed anyway",
    "*not emphasis* and **not strong** and _neither_ and __this__",
    "snake_case_name stays readable",
    "[not a link](https://x.test) and ![not an image](x.png)",
    "[ref]: https://x.test/not-a-definition",
    "<https://x.test/not-an-autolink>",
    "&amp; &lt; &#60; &#x3c; stay as written",
    "a trailing backslash \\",
    "`code` stays text",
    "Overview: plain text is not a heading",
    "Previous: [x](y)",
    "== setext? ==",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_text_never_becomes_markup(text: str) -> None:
    brief = one_paragraph(Text(text=text))
    markdown = render_markdown(brief)
    assert round_trip(brief) == brief
    # Another CommonMark reader, with raw HTML allowed, sees one paragraph of plain text.
    page = MarkdownIt("commonmark").render(body_of(markdown))
    root = lxml_html.fragment_fromstring(page, create_parent="div")
    assert [el.tag for el in root.iter()] == ["div", "h1", "p"]
    assert root[1].text_content() == brief.sections[0].blocks[0].text  # type: ignore[union-attr]


@pytest.mark.parametrize("text", HOSTILE)
def test_special_text_in_every_position(text: str) -> None:
    brief = Brief(
        title=text,
        sections=(
            Section(
                kind=K.EVIDENCE,
                heading=text,
                blocks=(
                    ItemList(ordered=True, items=(Item(lead=text, body=(Text(text=text),)),)),
                    ItemList(ordered=False, items=(Item(body=(Text(text=text),)),)),
                    Quote(content=(Text(text=text),)),
                    Paragraph(content=(Strong(children=(Text(text=text),)), Text(text=text))),
                ),
            ),
        ),
        prev=BriefLink(title=text),
        next=BriefLink(title=text, href="n.html"),
    )
    assert round_trip(brief) == brief


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        # A leading bold label would start a section or a lead-in: written with __.
        ((Strong(children=(Text(text="Overview:"),)), Text(text=" text")), "__Overview:__ text"),
        ((Strong(children=(Text(text="Summary"),)),), "__Summary__"),
        ((Strong(children=(Text(text="Note"),)), Text(text=": x")), "**Note**: x"),
        # Runs next to word characters and punctuation.
        (
            (Text(text="un"), Emphasis(children=(Text(text="believ"),)), Text(text="able")),
            "un*believ*able",
        ),
        ((Text(text="("), Strong(children=(Text(text="x"),)), Text(text=")")), "(**x**)"),
        (
            (Strong(children=(Text(text="a"),)), Emphasis(children=(Text(text="b"),))),
            "**a**_b_",
        ),
        (
            (Strong(children=(Emphasis(children=(Text(text="a"),)), Text(text=" b"))),),
            "**_a_ b**",
        ),
        # Where CommonMark would misread a run, a form feed (whitespace to CommonMark, a
        # control character the model drops) steers it.
        (
            (Text(text="word"), Strong(children=(Text(text='"quoted"'),)), Text(text="s")),
            'word\x0c**"quoted"**\x0cs',
        ),
        ((Text(text="a!"), Link(href="l.html", children=(Text(text="x"),))), "a\\![x](l.html)"),
    ],
)
def test_inline_markup(content: tuple[Inline, ...], expected: str) -> None:
    brief = one_paragraph(*content)
    assert body_of(render_markdown(brief)).split("\n\n")[1] == expected + "\n"
    assert round_trip(brief) == brief


def test_items_whose_body_opens_with_a_bold_label() -> None:
    item = Item(body=(Strong(children=(Text(text="Note:"),)), Text(text=" not a lead-in")))
    brief = Brief(title="T", sections=(Section(blocks=(ItemList(ordered=True, items=(item,)),)),))
    assert "1. __Note:__ not a lead-in" in render_markdown(brief)
    assert round_trip(brief) == brief


def test_nested_links_keep_their_text() -> None:
    inner = Link(href="inner.html", children=(Text(text="inner"),))
    brief = one_paragraph(Link(href="outer.html", children=(Text(text="outer "), inner)))
    back = round_trip(brief)
    assert back == one_paragraph(Link(href="outer.html", children=(Text(text="outer inner"),)))


def test_control_characters_in_hrefs_are_percent_encoded() -> None:
    brief = one_paragraph(Link(href="a\tb\nc.html", children=(Text(text="x"),)))
    back = round_trip(brief)
    assert back == one_paragraph(Link(href="a%09b%0Ac.html", children=(Text(text="x"),)))


def test_empty_blocks_are_not_written() -> None:
    brief = Brief(
        title="T",
        sections=(Section(heading="Analysis", blocks=(Paragraph(), ItemList(), Quote())),),
    )
    assert round_trip(brief) == Brief(title="T", sections=(Section(heading="Analysis"),))


# --- lossless round trip -------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(ALL))
def test_shared_briefs_round_trip(name: str) -> None:
    brief = ALL[name]()
    assert round_trip(brief) == brief


def test_dates_round_trip() -> None:
    for value in (
        dt.date(2024, 2, 29),
        dt.datetime(2024, 2, 29, 23, 59, 58, 123456),
        dt.datetime(2024, 2, 29, 1, 2, 3, tzinfo=dt.timezone(dt.timedelta(hours=5, minutes=30))),
    ):
        brief = seed_shaped().model_copy(update={"published": value, "updated": value})
        assert round_trip(brief) == brief


def _unnest(nodes: Sequence[Inline], in_link: bool = False) -> tuple[Inline, ...]:
    """The same content with links inside links replaced by their children."""
    out: list[Inline] = []
    for node in nodes:
        if isinstance(node, Text):
            out.append(node)
        elif isinstance(node, Link):
            children = _unnest(node.children, True)
            out.extend(children) if in_link else out.append(Link(href=node.href, children=children))
        else:
            out.append(type(node)(children=_unnest(node.children, in_link)))
    return tuple(out)


def _without_nested_links(brief: Brief) -> Brief:
    sections = []
    for section in brief.sections:
        blocks = [map_inlines(b, _unnest) for b in section.blocks]
        sections.append(Section(kind=section.kind, heading=section.heading, blocks=blocks))
    return brief.model_copy(update={"sections": tuple(sections)})


@pytest.mark.parametrize("before", ["^", "!", "a^", "\\^", "^^"])
@pytest.mark.parametrize("kind", ["note", "link"])
def test_text_before_a_bracket_makes_no_other_syntax(before: str, kind: str) -> None:
    """``^[`` opens an inline note and ``![`` an image: the text before a note reference or
    a link must not turn it into one (found by the round-trip property)."""
    text = (Text(text="0"),)
    node: Inline = (
        Note(children=text) if kind == "note" else Link(href="https://a.example/", children=text)
    )
    brief = Brief(
        title="T",
        sections=(
            Section(
                kind=SectionKind.JUDGEMENT,
                blocks=(Paragraph(content=(Text(text=before), node)),),
            ),
        ),
    )
    assert round_trip(brief) == as_written(brief)


@given(briefs(headed=False))
def test_property_round_trip(brief: Brief) -> None:
    brief = _without_nested_links(brief)  # CommonMark has no links inside links
    assert round_trip(brief) == as_written(brief)


_PIECES = st.sampled_from(
    [*"ab1 *_!.:()[]\\`<>&#;-+=~\"'“é", "&amp;", "1.", "# ", "> ", "- ", "<b>", "Overview:"]
)
_TEXT = st.lists(_PIECES, min_size=1, max_size=6).map(lambda p: Text(text="".join(p)))
_HREFS = st.sampled_from(["https://e.test/a(b)", "x y.html", "a&amp;b", "mailto:q@e.test", "h*_`"])


def _adjacent(depth: int, in_link: bool) -> st.SearchStrategy[Inline]:
    """Inline trees with no spaces between nodes: runs touch text, punctuation and each other."""
    if depth == 0:
        return _TEXT
    kids = st.lists(_adjacent(depth - 1, in_link), min_size=1, max_size=3).map(tuple)
    options: list[st.SearchStrategy[Inline]] = [
        _TEXT,
        kids.map(lambda c: Strong(children=c)),
        kids.map(lambda c: Emphasis(children=c)),
    ]
    if not in_link:
        link_kids = st.lists(_adjacent(depth - 1, True), min_size=1, max_size=3).map(tuple)
        options.append(st.builds(lambda c, h: Link(href=h, children=c), link_kids, _HREFS))
    return st.one_of(*options)


@given(st.lists(_adjacent(2, False), min_size=1, max_size=4), st.sampled_from(["p", "q", "i"]))
def test_property_adjacent_runs(content: list[Inline], where: str) -> None:
    block: Paragraph | Quote | ItemList
    if where == "p":
        block = Paragraph(content=content)
    elif where == "q":
        block = Quote(content=content)
    else:
        block = ItemList(items=(Item(body=tuple(content)),))
    brief = Brief(title="T", sections=(Section(blocks=(block,)),))
    if not any(b.items if isinstance(b, ItemList) else b.content for b in brief.sections[0].blocks):
        return  # whitespace-only content: an empty block, which Markdown cannot hold
    assert round_trip(brief) == as_written(brief)  # ("a::aaa" is an IPv6 address: defanged)
