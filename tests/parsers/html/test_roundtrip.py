"""briefkit's own HTML reads back to the brief it came from: ``parse_html(render_html(b)) == b``."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefkit import (
    Brief,
    BriefLink,
    Emphasis,
    Inline,
    Item,
    ItemList,
    Link,
    Paragraph,
    Quote,
    Section,
    SectionKind,
    Strong,
    Text,
    parse,
    parse_html,
    render_html,
)
from briefs import all_briefs
from strategies import as_written, briefs

K = SectionKind


@pytest.mark.parametrize("standalone", [True, False], ids=["page", "fragment"])
@pytest.mark.parametrize("brief", all_briefs(), ids=lambda b: b.title[:30])
def test_shared_briefs_round_trip(brief: Brief, standalone: bool) -> None:
    assert parse_html(render_html(brief, standalone=standalone)) == brief


def test_bytes_round_trip() -> None:
    for brief in all_briefs():
        assert parse_html(render_html(brief).encode("utf-8")) == brief


def p(*content: Inline) -> Paragraph:
    return Paragraph(content=content)


def t(text: str) -> Text:
    return Text(text=text)


# Shapes the real-page heuristics would read differently: own output must be read literally.
LITERAL = [
    Brief(
        title="Headings Are Not Guessed — Site",
        sections=(
            Section(kind=K.OTHER, blocks=(p(Strong(children=(t("Overview:"),)), t(" text")),)),
            Section(kind=K.ANALYSIS, heading="Implications", blocks=(p(t("Analysis: more")),)),
            Section(kind=K.EVIDENCE, blocks=(p(Strong(children=(t("Evidence:"),))),)),
            Section(kind=K.JUDGEMENT, heading="Whatever We Like"),
        ),
    ),
    Brief(
        title="Leads Are Only strong.lead",
        sections=(
            Section(
                kind=K.EVIDENCE,
                heading="Evidence",
                blocks=(
                    ItemList(
                        ordered=False,
                        items=(
                            Item(body=(Strong(children=(t("Bold start:"),)), t(" body"))),
                            Item(lead="Lead: with colon", body=(t("x"),)),
                            Item(lead="Lead only"),
                            Item(),
                        ),
                    ),
                    ItemList(ordered=True),
                ),
            ),
        ),
    ),
    Brief(
        title="Empty Blocks and Sections Survive",
        sections=(
            Section(),
            Section(kind=K.OUTLOOK, blocks=(Paragraph(), Quote(), ItemList(items=(Item(),)))),
        ),
    ),
    Brief(
        title="Links Stay As Written",
        url="https://s.example/briefs/one",
        slug="custom-slug",
        sections=(
            Section(
                blocks=(
                    p(
                        Link(href="two.html", children=(t("relative"),)),
                        t(" "),
                        Link(href="/abs/path", children=(Emphasis(children=(t("rooted"),)),)),
                        t(" "),
                        Link(href="#frag", children=(t("fragment"),)),
                    ),
                ),
            ),
        ),
        prev=BriefLink(href="zero.html"),
        next=BriefLink(title="Next Brief Title"),
    ),
    Brief(
        title="Markup-Looking Text <b>not bold</b> &amp; {{ 7*7 }}",
        authors=("A <i>", "B & C"),
        tags=("x, y", "<script>"),
        summary="Quote \" and apostrophe ' and <tags>",
        marking="TLP:AMBER+STRICT",
        language="en-GB",
        sections=(Section(heading="<h2>", blocks=(p(t('&lt; stays & < > "')),)),),
        prev=BriefLink(title="Previous", href="https://s.example/p"),
        next=BriefLink(title="Next", href="mailto:desk@s.example"),
    ),
]


@pytest.mark.parametrize("brief", LITERAL, ids=lambda b: b.title[:30])
def test_own_output_is_read_literally(brief: Brief) -> None:
    assert parse_html(render_html(brief)) == brief
    assert parse_html(render_html(brief, standalone=False)) == brief


def test_parse_front_door_reads_own_output() -> None:
    for brief in all_briefs():
        assert parse(render_html(brief)) == brief
        assert parse(render_html(brief, standalone=False).encode()) == brief


def test_base_url_given_explicitly_resolves_own_links() -> None:
    brief = LITERAL[3]
    parsed = parse_html(render_html(brief), base_url="https://s.example/briefs/")
    assert parsed.prev == BriefLink(href="https://s.example/briefs/zero.html")
    assert parsed.sections[0].blocks[0].content[0].href == "https://s.example/briefs/two.html"  # type: ignore[union-attr]
    assert parse_html(render_html(brief), base_url="file:///tmp/") == brief  # not an http base


@given(briefs(), st.booleans())
def test_round_trip_property(brief: Brief, standalone: bool) -> None:
    assert parse_html(render_html(brief, standalone=standalone)) == as_written(brief)


@pytest.mark.nightly
@given(briefs(plain=True), st.booleans())
def test_round_trip_property_plain(brief: Brief, standalone: bool) -> None:
    assert parse_html(render_html(brief, standalone=standalone)) == as_written(brief)
