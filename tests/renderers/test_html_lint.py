"""``render_html(brief, annotate=True)``: findings marked in place, safely, losslessly."""

from __future__ import annotations

import lxml.html
from hypothesis import assume, given
from lxml.html import HtmlElement

import briefkit
from briefkit import (
    Brief,
    Inline,
    Item,
    ItemList,
    Link,
    Paragraph,
    Section,
    SectionKind,
    Strong,
    Text,
    parse_html,
    render_html,
    tradecraft,
)
from briefkit.model import block_inlines
from briefs import all_briefs
from strategies import as_written, briefs
from tradecraft_cases import vocabulary_briefs


def _brief() -> Brief:
    judgement = Paragraph(
        content=(
            Text(text="It is "),
            Strong(children=(Text(text="very"),)),
            Text(text=" likely, with high confidence, that it may rain."),
        )
    )
    items = (
        Item(lead='Port "closure" <script>alert(1)</script>', body=(Text(text="The port shut."),)),
        Item(lead="Roads", body=(Text(text="The roads reopened (B7)."),)),
    )
    return Brief(
        title="Weather Warning",
        marking="tlp:amber",
        sections=(
            Section(kind=SectionKind.JUDGEMENT, heading="Bottom Line", blocks=(judgement,)),
            Section(kind=SectionKind.EVIDENCE, heading="Evidence", blocks=(ItemList(items=items),)),
        ),
    )


def _article(page: str) -> HtmlElement:
    doc = lxml.html.document_fromstring(page)
    (article,) = doc.xpath("//article")
    return article


def _marked(el: HtmlElement, code: str) -> str:
    return "".join(
        m.text_content() for m in el.iter("mark") if code in m.get("data-lint", "").split()
    )


def test_each_span_is_marked_exactly_and_carries_its_message() -> None:
    brief = _brief()
    findings = tradecraft.check(brief)
    article = _article(render_html(brief, annotate=True))
    paragraph = article.xpath(".//section[@data-kind='judgement']/p")[0]
    # "very likely" crosses the <strong>: two marks, one inside it, together the quote.
    assert _marked(paragraph, "EST-TERM") == "very likely"
    assert paragraph.xpath("./strong/mark")[0].text == "very"
    assert _marked(paragraph, "EST-CONF-LIKELIHOOD") == "high confidence"
    assert _marked(paragraph, "EST-HEDGE") == ""  # a term in the sentence: no hedge finding
    marks = list(article.iter("mark"))
    for finding in findings:
        if finding.where.start is None:
            continue
        carriers = [m for m in marks if finding.code in m.get("data-lint", "").split()]
        assert carriers, finding
        assert all(f"{finding.code}: {finding.message}" in m.get("title") for m in carriers)
    term = next(m for m in marks if m.text == "very")
    assert "lint-info" in term.get("class")
    assert "lint-error" in next(m for m in marks if m.text == "high confidence").get("class")


def _hedged(heading: str | None) -> Brief:
    paragraph = Paragraph(content=(Text(text="This may spread."),))
    return Brief(
        title="Hedged",
        sections=(Section(kind=SectionKind.JUDGEMENT, heading=heading, blocks=(paragraph,)),),
    )


def test_whole_item_section_and_marking_findings() -> None:
    whole = "EST-JUDGEMENT-UNQUALIFIED EST-NO-CONFIDENCE"
    headed = _article(render_html(_hedged("Bottom Line"), annotate=True))
    (heading,) = headed.xpath(".//section/h2")
    assert heading.get("data-lint") == whole
    assert "only 'may'" in heading.get("title")
    assert headed.xpath(".//section")[0].get("data-lint") is None
    bare = _article(render_html(_hedged(None), annotate=True))
    assert bare.xpath(".//section")[0].get("data-lint") == whole
    no_judgement = Brief(
        title="Loose",
        sections=(
            Section(
                kind=SectionKind.ANALYSIS, blocks=(Paragraph(content=(Text(text="A is likely."),)),)
            ),
        ),
    )
    title = _article(render_html(no_judgement, annotate=True)).xpath(".//h1")[0]
    assert title.get("data-lint") == "EST-NO-CONFIDENCE"
    article = _article(render_html(_brief(), annotate=True))
    first, second = article.xpath(".//li")
    assert first.get("data-lint") == "SRC-UNGRADED"
    assert second.get("data-lint") is None
    assert _marked(second, "SRC-BAD-GRADE") == "(B7)"
    marking = article.xpath(".//p[contains(@class, 'brief-marking')]")[0]
    assert _marked(marking, "MARK-FORM") == "tlp:amber"


def test_tooltips_are_escaped_text_and_nothing_runs() -> None:
    page = render_html(_brief(), annotate=True)
    doc = lxml.html.document_fromstring(page)
    assert doc.xpath("//body//script") == []
    assert not [el for el in doc.iter() if any(a.startswith("on") for a in el.attrib)]
    first = doc.xpath("//li")[0]
    assert "<script>alert(1)</script>" in first.get("title")  # as text, in an attribute
    assert "<script>alert" not in page.split("<body>", 1)[1].replace("&lt;script&gt;", "")


def test_annotated_and_plain_pages_read_back_as_the_same_brief() -> None:
    for brief in [_brief(), *all_briefs()]:
        for standalone in (True, False):
            plain = render_html(brief, standalone=standalone)
            annotated = render_html(brief, standalone=standalone, annotate=True)
            body = plain.split("</style>")[-1]  # the stylesheet names the classes
            assert "<mark" not in body
            assert "data-lint" not in body
            assert parse_html(plain) == brief
            assert parse_html(annotated) == brief


def test_annotate_reaches_the_front_door_and_takes_a_scale() -> None:
    brief = Brief(
        title="Scale",
        sections=(
            Section(
                kind=SectionKind.JUDGEMENT,
                blocks=(Paragraph(content=(Text(text="A strike is highly likely."),)),),
            ),
        ),
    )
    icd = briefkit.render(brief, "html", annotate=True)
    phia = render_html(brief, annotate=True, scale="phia")
    assert isinstance(icd, str)
    assert 'data-lint="EST-OTHER-SCALE"' in icd
    assert 'data-lint="EST-TERM"' in phia


def _nested_link(nodes: tuple[Inline, ...], inside: bool = False) -> bool:
    return any(
        not isinstance(n, Text)
        and (
            (inside and isinstance(n, Link))
            or _nested_link(n.children, inside or isinstance(n, Link))
        )
        for n in nodes
    )


def _has_nested_link(brief: Brief) -> bool:
    return any(
        _nested_link(run) for s in brief.sections for b in s.blocks for run in block_inlines(b)
    )


@given(brief=briefs())
def test_every_generated_brief_reads_back_annotated(brief: Brief) -> None:
    assume(not _has_nested_link(brief))  # HTML cannot nest links, annotated or not
    for standalone in (True, False):
        assert parse_html(render_html(brief, standalone=standalone, annotate=True)) == as_written(
            brief
        )


@given(brief=vocabulary_briefs())
def test_briefs_full_of_findings_read_back_annotated(brief: Brief) -> None:
    page = render_html(brief, annotate=True)
    assert parse_html(page) == as_written(brief)
    assert lxml.html.document_fromstring(page).xpath("//body//script") == []


def test_findings_in_table_cells_and_captions_are_marked_in_place() -> None:
    from briefkit import Cell, Figure, Row, Table
    from strategies import PNG_DOT

    def cell(text: str) -> Cell:
        return Cell(content=(Text(text=text),))

    table = Table(
        caption=(Text(text="Ports that may close"),),
        rows=(
            Row(cells=(cell("Port"), cell("Outlook")), header=True),
            Row(cells=(cell("Aden"), cell("It is likely to stay shut."))),
        ),
    )
    figure = Figure(src=PNG_DOT, alt="Map", caption=(Text(text="Traffic will probably fall."),))
    brief = Brief(
        title="Ports",
        sections=(
            Section(kind=SectionKind.JUDGEMENT, heading="Bottom Line", blocks=(table, figure)),
        ),
    )
    found = {(f.where.block, f.where.item, f.where.part) for f in tradecraft.check(brief)}
    assert (0, 4, "cell") in found
    assert (1, None, "caption") in found
    page = render_html(brief, annotate=True)
    article = _article(page)
    (td,) = [td for td in article.iter("td") if "likely" in td.text_content()]
    assert [m.text_content() for m in td.iter("mark")] == ["likely"]
    (figcaption,) = article.iter("figcaption")
    assert "probably" in [m.text_content() for m in figcaption.iter("mark")]
    assert parse_html(page) == as_written(brief)
