"""HTML renderer: the markup contract, checked with lxml (independently of parse_html).

``read_back`` below implements the contract documented in ``briefkit.renderers.html`` with
plain lxml; if it rebuilds an equal Brief, every model field is recoverable from the output.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import lxml.html
import pytest
from hypothesis import assume, given
from lxml.html import HtmlElement

import briefkit
from briefkit import (
    Alignment,
    Block,
    Brief,
    BriefLink,
    Cell,
    Emphasis,
    Figure,
    Inline,
    Item,
    ItemList,
    Link,
    Note,
    Paragraph,
    Quote,
    Row,
    Section,
    SectionKind,
    Strong,
    Table,
    TemplateError,
    Text,
    render_html,
)
from briefkit.limits import MAX_INLINE_DEPTH
from briefkit.model import block_inlines, plain_text
from briefkit.renderers.html import inline_html
from briefkit.renderers.pdf import head as _pdf_head
from briefs import ALL, minimal, rich_brief, seed_shaped, with_metadata
from strategies import as_written, briefs

# --- a contract reader in plain lxml -----------------------------------------------------


def _text(el: HtmlElement) -> str:
    return " ".join(el.text_content().split())


def _note(sup: HtmlElement) -> Note:
    """A note: ``sup > a[href=#fn-N]`` and the content of ``li#fn-N`` without its backlink."""
    (a,) = sup
    assert a.get("role") == "doc-noteref"
    assert a.get("id") == "fnref-" + a.text
    (li,) = (
        sup.getroottree()
        .getroot()
        .xpath(f"//section[@class='brief-notes']//li[@id='{a.get('href')[1:]}']")
    )
    back = li[-1]
    assert back.get("role") == "doc-backlink"
    assert back.get("href") == "#" + a.get("id")
    kids = _inlines(li)[:-2]  # [..., the text before the backlink, backlink, its tail]
    last = kids[-1]
    assert isinstance(last, Text)
    assert last.text.endswith(" ")
    return Note(children=(*kids[:-1], Text(text=last.text[:-1])))


def _inlines(el: HtmlElement) -> tuple[Inline, ...]:
    out: list[Inline] = [Text(text=el.text or "")]
    for child in el:
        if child.tag == "sup" and child.get("class") == "brief-noteref":
            out += [_note(child), Text(text=child.tail or "")]
            continue
        kids = _inlines(child)
        if child.tag == "a" and child.get("role") == "doc-backlink":
            out.append(Text(text="BACKLINK"))
        elif child.tag == "strong":
            out.append(Strong(children=kids))
        elif child.tag == "em":
            out.append(Emphasis(children=kids))
        elif child.tag == "a":
            out.append(Link(href=child.get("href"), children=kids))
        else:
            raise AssertionError(f"unexpected inline <{child.tag}>")
        out.append(Text(text=child.tail or ""))
    return tuple(out)


def _item(li: HtmlElement) -> Item:
    first = li[0] if len(li) else None
    if first is not None and first.tag == "strong" and first.get("class") == "lead":
        assert not (li.text or "").strip()
        lead = _text(first)
        assert lead.endswith(":")
        return Item(lead=lead[:-1], body=_inlines(li)[2:])  # [li.text, lead, tail, ...]
    return Item(body=_inlines(li))


def _table(el: HtmlElement) -> Table:
    captions = el.xpath("./caption")
    rows = []
    align: list[Alignment | None] = []
    for group in el.xpath("./thead|./tbody"):
        for tr in group:
            cells = list(tr)
            assert all(c.tag == ("th" if group.tag == "thead" else "td") for c in cells)
            assert all(c.get("scope") == ("col" if c.tag == "th" else None) for c in cells)
            align = [Alignment(c.get("class")[6:]) if c.get("class") else None for c in cells]
            rows.append(
                Row(header=group.tag == "thead", cells=[Cell(content=_inlines(c)) for c in cells])
            )
    return Table(caption=_inlines(captions[0]) if captions else (), rows=rows, align=align)


def _figure(el: HtmlElement) -> Figure:
    """A figure, also the form that leaves its image out (``data-src``, alt text shown)."""
    shown, *rest = el
    caption = _inlines(rest[0]) if rest else ()
    assert not rest or rest[0].tag == "figcaption"
    if el.get("class") == "brief-figure brief-figure-missing":
        assert shown.tag == "p"
        assert shown.get("class") == "brief-figure-alt"
        size = {k: int(el.get(f"data-{k}")) for k in ("width", "height") if el.get(f"data-{k}")}
        return Figure(src=el.get("data-src"), alt=_text(shown), caption=caption, **size)
    assert shown.tag == "img"
    assert el.get("class") == "brief-figure"
    size = {k: int(shown.get(k)) for k in ("width", "height") if shown.get(k)}
    return Figure(src=shown.get("src"), alt=shown.get("alt"), caption=caption, **size)


def _section(el: HtmlElement) -> Section:
    kind = el.get("data-kind")
    assert f"kind-{kind}" in el.get("class", "").split()
    heading = None
    blocks: list[Block] = []
    for child in el:
        if child.tag == "h2":
            heading = _text(child)
        elif child.tag == "table":
            blocks.append(_table(child))
        elif child.tag == "figure":
            blocks.append(_figure(child))
        elif child.tag == "p":
            blocks.append(Paragraph(content=_inlines(child)))
        elif child.tag == "blockquote":
            (p,) = child
            blocks.append(Quote(content=_inlines(p)))
        else:
            assert child.tag in ("ol", "ul"), child.tag
            blocks.append(
                ItemList(ordered=child.tag == "ol", items=tuple(_item(li) for li in child))
            )
    return Section(kind=SectionKind(kind), heading=heading, blocks=tuple(blocks))


def _nav(article: HtmlElement, rel: str) -> BriefLink | None:
    found = article.xpath(f"./nav[@class='brief-nav']/*[contains(@class, 'brief-{rel}')]")
    if not found:
        return None
    (el,) = found
    titles = el.xpath(".//*[@class='brief-nav-title']")
    assert (el.tag == "a") == (el.get("rel") == rel)
    return BriefLink(title=_text(titles[0]) if titles else None, href=el.get("href"))


def read_back(article: HtmlElement) -> Brief:
    """A Brief from briefkit's article markup, following the documented contract only."""
    assert article.tag == "article"
    assert article.get("class") == "brief"
    (header,) = article.xpath("./header")

    def one(xpath: str) -> HtmlElement | None:
        found = header.xpath(xpath)
        assert len(found) <= 1, xpath
        return found[0] if found else None

    def text_of(xpath: str) -> str | None:
        el = one(xpath)
        return None if el is None else _text(el)

    published = one(".//span[@class='brief-published']/time")
    updated = one(".//span[@class='brief-updated']/time")
    summary = one("./meta[@itemprop='description']")
    url = one("./link[@itemprop='url']")
    return Brief(
        title=text_of("./h1[@class='brief-title']"),
        url=None if url is None else url.get("href"),
        slug=article.get("data-slug"),
        published=None if published is None else published.get("datetime"),
        updated=None if updated is None else updated.get("datetime"),
        authors=tuple(_text(a) for a in header.xpath(".//span[@class='brief-author']")),
        publisher=text_of(".//span[@class='brief-publisher']"),
        category=text_of(".//span[@class='brief-category']"),
        tags=tuple(_text(t) for t in header.xpath("./ul[@class='brief-tags']/li")),
        summary=None if summary is None else summary.get("content"),
        marking=text_of("./p[contains(@class, 'brief-marking')]"),
        language=article.get("lang"),
        sections=tuple(_section(s) for s in article.xpath("./section[@data-kind]")),
        prev=_nav(article, "prev"),
        next=_nav(article, "next"),
    )


def page(brief: Brief, **options: Any) -> HtmlElement:
    return lxml.html.document_fromstring(render_html(brief, **options))


def article_of(doc: HtmlElement) -> HtmlElement:
    (article,) = doc.xpath("//article")
    return article


# --- briefs that stress the contract -----------------------------------------------------


def edge_cases() -> Brief:
    """Empty blocks, odd leads, nav halves, a naive datetime and characters to escape."""
    return Brief(
        title='Tags <b>& "quotes"</b> in a title: {{ 7*7 }}',
        slug="edge/case & more",
        published=dt.datetime(2024, 3, 1, 12, 0),
        updated=dt.datetime(2024, 3, 2, 8, 15, 30, tzinfo=dt.timezone(dt.timedelta(hours=5.5))),
        authors=("Dr. Ana Ruiz, PhD", "O'Brien <ops>"),
        tags=("a,b", "c & d", "a,b"),
        marking="TLP:AMBER+STRICT",
        sections=(
            Section(),
            Section(kind=SectionKind.OTHER, heading="Notes: Misc", blocks=(Paragraph(),)),
            Section(
                kind=SectionKind.EVIDENCE,
                blocks=(
                    ItemList(ordered=False),
                    ItemList(
                        items=(
                            Item(),
                            Item(lead="Only a lead"),
                            Item(lead="Ends with colon:", body=(Text(text="x"),)),
                            Item(
                                body=(
                                    Strong(children=(Text(text="Bold start:"),)),
                                    Text(text=" not a lead"),
                                )
                            ),
                            Item(lead="764: Numbered", body=(Text(text="<script>x</script>"),)),
                        )
                    ),
                    Quote(),
                    Quote(
                        content=(
                            Emphasis(children=(Strong(children=(Text(text="deep"),)),)),
                            Link(href="/relative?a=1&b=2", children=(Text(text="rel"),)),
                            Link(href="mailto:desk@example.org", children=(Text(text="mail"),)),
                        )
                    ),
                ),
            ),
        ),
        prev=BriefLink(href="https://example.org/p?x=1&y=2"),
        next=BriefLink(title="Next Steps: no href"),
    )


BRIEFS = {**{name: build() for name, build in ALL.items()}, "edge_cases": edge_cases()}


@pytest.mark.parametrize("name", BRIEFS)
@pytest.mark.parametrize("standalone", [True, False])
def test_every_field_reads_back(name: str, standalone: bool) -> None:
    brief = BRIEFS[name]
    html = render_html(brief, standalone=standalone)
    if standalone:
        article = article_of(lxml.html.document_fromstring(html))
    else:
        article = lxml.html.fragment_fromstring(html.strip())
    assert read_back(article) == brief


def test_fragment_is_only_the_article() -> None:
    html = render_html(with_metadata(), standalone=False)
    assert html.lstrip().startswith("<article ")
    assert html.rstrip().endswith("</article>")
    for absent in ("<html", "<head>", "<body", "<style", "<script", "<title"):
        assert absent not in html


@pytest.mark.parametrize(
    ("xpath", "expected"),
    [
        ("/html/@lang", ["en"]),
        ("//head/meta[@charset]/@charset", ["utf-8"]),
        ("//head/title/text()", ["Red Sea Shipping Insurance Costs Climb as Attacks Spread South"]),
        ("//head/link[@rel='canonical']/@href", ["https://example.org/briefs/red-sea-insurance"]),
        ("//head/link[@rel='prev']/@href", ["https://example.org/briefs/drone-swarms"]),
        (
            "//head/link[@rel='prev']/@title",
            ["112: Drone Swarms and the Economics of Air Defence"],
        ),
        ("//head/link[@rel='next']/@href", ["https://example.org/briefs/andean-lithium"]),
        (
            "//meta[@name='description']/@content",
            ["War-risk premiums push carriers away from the Suez route."],
        ),
        ("//meta[@name='author']/@content", ["Ines Marlow", "Tomas Okafor"]),
        ("//meta[@name='keywords']/@content", ["shipping, insurance, Red Sea"]),
        ("//meta[@name='dcterms.created']/@content", ["2024-02-14"]),
        ("//meta[@name='dcterms.modified']/@content", ["2024-02-15T09:30:00Z"]),
        ("//meta[@property='article:published_time']/@content", ["2024-02-14"]),
        ("//meta[@property='article:modified_time']/@content", ["2024-02-15T09:30:00Z"]),
        ("//meta[@property='article:section']/@content", ["Maritime Security"]),
        ("//meta[@property='article:tag']/@content", ["shipping", "insurance", "Red Sea"]),
        ("//meta[@property='og:site_name']/@content", ["Harbourline Analysis"]),
        (
            "//meta[@property='og:title']/@content",
            ["Red Sea Shipping Insurance Costs Climb as Attacks Spread South"],
        ),
        ("//meta[@property='og:url']/@content", ["https://example.org/briefs/red-sea-insurance"]),
        ("//meta[@name='briefkit:marking']/@content", ["TLP:CLEAR"]),
        ("//meta[@name='briefkit:slug']/@content", ["red-sea-insurance"]),
        ("//article//time/@datetime", ["2024-02-14", "2024-02-15T09:30:00Z"]),
        (
            "//article//p[contains(@class, 'brief-marking')]/@class",
            ["brief-marking marking-tlp-clear"],
        ),
        ("//nav/a[@rel='prev']/@href", ["https://example.org/briefs/drone-swarms"]),
        ("//nav/a[@rel='next']/@class", ["brief-next"]),
    ],
)
def test_head_and_header_metadata(xpath: str, expected: list[str]) -> None:
    assert page(with_metadata()).xpath(xpath) == expected


@pytest.mark.parametrize(
    ("value", "w3c"),
    [
        (dt.date(2024, 2, 14), "2024-02-14"),
        (dt.datetime(2024, 2, 15, 9, 30, 12, 500), "2024-02-15"),  # no zone: W3C-DTF has none
        (dt.datetime(2024, 2, 15, 9, 30, tzinfo=dt.UTC), "2024-02-15T09:30:00Z"),
        (
            dt.datetime(2024, 2, 15, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=-5))),
            "2024-02-15T09:30:00-05:00",
        ),
    ],
)
def test_dcterms_dates_are_w3c_dtf_like_the_pdf_metadata(value: dt.date, w3c: str) -> None:
    doc = page(minimal().model_copy(update={"published": value, "updated": value}))
    assert doc.xpath("//meta[@name='dcterms.created']/@content") == [w3c]
    assert doc.xpath("//meta[@name='dcterms.modified']/@content") == [w3c]
    assert doc.xpath("//head/meta[@name='dcterms.created']/@content") == [
        _pdf_head.w3c_date(value)  # the same function writes the PDF's dates
    ]
    # the article keeps the exact value, as the model serialises it
    brief = minimal().model_copy(update={"published": value})
    assert doc.xpath("//article//time/@datetime")[0] == brief.model_dump(mode="json")["published"]


@pytest.mark.parametrize(
    ("xpath", "count"),
    [
        ("//head/link[@rel='canonical']", 0),
        ("//head/link[@rel='prev' or @rel='next']", 0),
        ("//meta[@name='author' or @name='description' or @name='keywords']", 0),
        ("//meta[starts-with(@property, 'article:')]", 0),
        ("//nav//a", 0),
        ("//nav/span[@class='brief-prev']", 1),
        ("//nav/span[@class='brief-next']", 1),
        ("//article[@lang]", 0),
        ("//p[@class='brief-meta']", 0),
        ("//article/section", 3),
        ("//section[@data-kind='evidence']/ol/li/strong[@class='lead']", 3),
    ],
)
def test_absent_metadata_leaves_no_empty_elements(xpath: str, count: int) -> None:
    assert len(page(seed_shaped()).xpath(xpath)) == count


def test_json_ld_article() -> None:
    (script,) = page(with_metadata()).xpath("//script[@type='application/ld+json']")
    data = json.loads(script.text)
    assert data["@type"] == "Article"
    assert data["headline"] == "Red Sea Shipping Insurance Costs Climb as Attacks Spread South"
    assert data["datePublished"] == "2024-02-14"
    assert data["dateModified"] == "2024-02-15T09:30:00Z"
    assert [a["name"] for a in data["author"]] == ["Ines Marlow", "Tomas Okafor"]
    assert data["publisher"] == {"@type": "Organization", "name": "Harbourline Analysis"}
    assert data["keywords"] == ["shipping", "insurance", "Red Sea"]
    assert data["url"] == "https://example.org/briefs/red-sea-insurance"
    assert data["inLanguage"] == "en"


def test_json_ld_cannot_break_out_of_its_script() -> None:
    hostile = "</script><script>alert(1)</script> & <!-- x"
    brief = minimal().model_copy(update={"title": hostile, "summary": hostile})
    html = render_html(brief)
    start = html.index('<script type="application/ld+json">')
    body = html[start : html.index("</script>", start)]
    assert "<" not in body.split(">", 1)[1]
    assert "&" not in body
    doc = lxml.html.document_fromstring(html)
    scripts = doc.xpath("//script")
    assert len(scripts) == 1
    assert json.loads(scripts[0].text)["headline"] == hostile


def test_content_is_escaped_and_stays_literal() -> None:
    brief = edge_cases()
    html = render_html(brief)
    doc = lxml.html.document_fromstring(html)
    assert doc.xpath("//script[not(@type='application/ld+json')]") == []
    assert doc.xpath("//b") == []
    assert doc.xpath("//@*[starts-with(name(), 'on')]") == []
    assert _text(doc.xpath("//h1")[0]) == brief.title
    assert "{{ 7*7 }}" in html
    assert "49" not in html
    assert "<script>x</script>" not in html


@pytest.mark.parametrize(
    ("href", "rel"),
    [
        ("https://example.org/a", "noopener noreferrer"),
        ("HTTP://EXAMPLE.ORG/", "noopener noreferrer"),
        ("mailto:desk@example.org", "noopener noreferrer"),
        ("//cdn.example.org/x", "noopener noreferrer"),
        ("/local/page", None),
        ("next-brief.html#top", None),
    ],
)
def test_links_keep_href_and_external_ones_get_rel(href: str, rel: str | None) -> None:
    brief = minimal().model_copy(
        update={
            "sections": (
                Section(
                    blocks=(Paragraph(content=(Link(href=href, children=(Text(text="x"),)),)),)
                ),
            )
        }
    )
    (a,) = page(brief).xpath("//section//a")
    assert a.get("href") == href
    assert a.get("rel") == rel


def test_item_lead_colon_is_inside_strong() -> None:
    html = render_html(seed_shaped(), standalone=False)
    assert '<li><strong class="lead">Premium Increases:</strong> Brokers quote' in html


def test_deep_inline_nesting_does_not_recurse() -> None:
    # The model caps formatting depth (limits.MAX_INLINE_DEPTH); the writer must not rely on
    # that, so the tree is built without validation.
    depth = 20_000
    node: Inline = Text(text="core")
    for i in range(depth):
        node = (Strong if i % 2 else Emphasis).model_construct(children=(node,))
    html = inline_html((node,))
    assert html.count("<strong>") == html.count("</strong>") == depth // 2
    assert html.count("<em>") == html.count("</em>") == depth // 2
    assert html.startswith("<strong><em><strong>")
    assert "<em>core</em>" in html


def test_formatting_as_deep_as_the_model_allows_renders_whole() -> None:
    node: Inline = Text(text="core")
    for i in range(MAX_INLINE_DEPTH):
        node = (Strong if i % 2 else Emphasis)(children=(node,))
    brief = minimal().model_copy(
        update={"sections": (Section(blocks=(Paragraph(content=(node,)),)),)}
    )
    html = render_html(brief, standalone=False)
    assert html.count("<strong>") + html.count("<em>") == MAX_INLINE_DEPTH
    assert "<em>core</em>" in html


def test_nothing_external_is_referenced() -> None:
    doc = page(with_metadata())
    assert doc.xpath("//link[@rel='stylesheet'] | //*[@src] | //img | //iframe") == []
    style, print_marking = doc.xpath("//head/style")  # a marked brief: + its print margins
    assert ".brief-section" in style.text or ".brief" in style.text
    assert print_marking.get("media") == "print"
    assert "TLP:CLEAR" in print_marking.text
    for sheet in (style, print_marking):
        assert "@import" not in sheet.text
        assert "url(" not in sheet.text


def test_the_print_marking_cannot_break_out_of_its_css_string() -> None:
    marking = 'X"; } body { display: none } </style><script>alert(1)</script>'
    html = briefkit.render_html(seed_shaped().model_copy(update={"marking": marking}))
    doc = lxml.html.document_fromstring(html)
    assert doc.xpath("//script[not(@type='application/ld+json')]") == []
    (sheet,) = doc.xpath("//style[@media='print']")
    content = sheet.text.split("content: ", 1)[1].split(";", 1)[0]
    assert content.startswith('"')
    assert content.endswith('"')
    assert '"' not in content[1:-1]
    assert "<" not in content


def test_dates_use_the_models_json_form() -> None:
    brief = edge_cases()
    times = page(brief).xpath("//article//time/@datetime")
    dumped = brief.model_dump(mode="json")
    assert times == [dumped["published"], dumped["updated"]]
    assert times == ["2024-03-01T12:00:00", "2024-03-02T08:15:30+05:30"]


def test_render_front_door_writes_html(tmp_path: Path) -> None:
    dest = tmp_path / "out" / "brief.html"
    result = briefkit.render(rich_brief(), "html", dest=dest)
    assert isinstance(result, str)
    assert dest.read_text(encoding="utf-8") == result
    fragment = briefkit.render(rich_brief(), "html", standalone=False)
    assert isinstance(fragment, str)
    assert fragment.lstrip().startswith("<article")


def test_inline_text_matches_model_text() -> None:
    brief = rich_brief()
    doc = page(brief)
    paragraphs = doc.xpath("//section[@data-kind='overview']/p")
    assert [_text(p) for p in paragraphs] == [p.text for p in brief.sections[0].paragraphs]
    assert plain_text(brief.sections[0].paragraphs[0].content) == _text(paragraphs[0])


# --- user templates ----------------------------------------------------------------------


def write(tmp_path: Path, text: str, name: str = "custom.html.j2") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_user_template_extends_the_packaged_one(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        '{% extends "brief.html.j2" %}'
        '{% block nav %}<footer class="mine">{{ brief.title }}</footer>{% endblock %}',
    )
    brief = edge_cases()
    doc = page(brief, template=path)
    (footer,) = doc.xpath("//article/footer[@class='mine']")
    assert _text(footer) == brief.title
    assert doc.xpath("//nav") == []
    assert len(doc.xpath("//article/section")) == 3


def test_user_template_autoescapes_and_gets_helpers(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "<main><h1>{{ brief.title }}</h1>{% for s in brief.sections %}{% for b in s.blocks %}"
        "{% if b.type == 'paragraph' %}<p>{{ inline(b.content) }}</p>{% endif %}"
        "{% endfor %}{% endfor %}<time>{{ published_iso }}</time></main>",
    )
    brief = rich_brief().model_copy(
        update={"title": "<script>alert(1)</script>", "published": dt.date(2024, 1, 2)}
    )
    html = render_html(brief, template=path)
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert '<a href="https://example.org/reports/svalbard"' in html
    assert "<time>2024-01-02</time>" in html


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("{% if %}", "line 1"),
        ("{{ missing.attribute }}", "undefined"),
        ("{{ ().__class__.__bases__[0].__subclasses__() }}", "unsafe"),
        ('{% include "no-such-file.j2" %}', "no-such-file"),
        # errors raised by Python while the template runs, with the template line
        ("ok\n{{ 1 // 0 }}", "line 2: ZeroDivisionError"),
        ("{{ brief.section('no-such-kind') }}", "ValueError: 'no-such-kind'"),
        ("{% macro r() %}{{ r() }}{% endmacro %}{{ r() }}", "RecursionError"),
        ('{{ "%d" % brief.title }}', "TypeError"),
    ],
)
def test_bad_user_templates_raise_template_error(tmp_path: Path, source: str, message: str) -> None:
    path = write(tmp_path, source)
    with pytest.raises(TemplateError, match=message) as info:
        render_html(minimal(), template=path)
    assert info.value.format == "html"
    assert str(path) in str(info.value)


def test_missing_template_file_raises_template_error(tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match="not a file"):
        render_html(minimal(), template=tmp_path / "absent.j2")


def test_a_failing_template_leaves_the_previous_file(tmp_path: Path) -> None:
    dest = tmp_path / "brief.html"
    dest.write_text("previous", encoding="utf-8")
    with pytest.raises(TemplateError, match="ZeroDivisionError"):
        briefkit.render(minimal(), "html", dest=dest, template=write(tmp_path, "{{ 1 // 0 }}"))
    assert dest.read_text(encoding="utf-8") == "previous"


# --- property: any valid brief reads back ------------------------------------------------


def _has_nested_link(brief: Brief) -> bool:
    stack: list[tuple[Inline, bool]] = []
    for section in brief.sections:
        for block in section.blocks:
            stack.extend((n, False) for run in block_inlines(block) for n in run)
    while stack:
        node, in_link = stack.pop()
        if isinstance(node, Link) and in_link:
            return True
        if not isinstance(node, Text):
            stack.extend((c, in_link or isinstance(node, Link)) for c in node.children)
    return False


@given(brief=briefs())
def test_every_generated_brief_reads_back(brief: Brief) -> None:
    # HTML cannot nest <a> elements: such briefs are covered by the test below instead.
    assume(not _has_nested_link(brief))
    article = lxml.html.fragment_fromstring(render_html(brief, standalone=False).strip())
    assert read_back(article) == as_written(brief)
    doc = lxml.html.document_fromstring(render_html(brief))
    assert read_back(article_of(doc)) == as_written(brief)


def test_a_link_inside_a_link_keeps_its_text_under_the_outer_link() -> None:
    inner = Link(href="https://example.org/inner", children=(Text(text="inner"),))
    outer = Link(href="https://example.org/outer", children=(Text(text="see "), inner))
    brief = minimal().model_copy(
        update={"sections": (Section(blocks=(Paragraph(content=(outer,)),)),)}
    )
    html = render_html(brief, standalone=False)
    assert '<a href="https://example.org/outer" rel="noopener noreferrer">see inner</a>' in html
    assert "example.org/inner" not in html


def test_a_page_always_declares_a_language_and_reads_back_without_one() -> None:
    brief = seed_shaped()
    assert brief.language is None
    html = briefkit.render_html(brief)
    doc = lxml.html.document_fromstring(html)
    assert doc.get("lang") == "en"
    assert doc.xpath("//article/@lang") == []
    assert briefkit.parse_html(html) == brief
    assert (
        lxml.html.document_fromstring(briefkit.render_html(brief, default_language="en-GB")).get(
            "lang"
        )
        == "en-GB"
    )
    french = brief.model_copy(update={"language": "fr"})
    doc = lxml.html.document_fromstring(briefkit.render_html(french))
    assert (doc.get("lang"), doc.xpath("//article/@lang")) == ("fr", ["fr"])


def test_a_page_whose_language_is_not_a_tag_declares_the_default() -> None:
    brief = seed_shaped().model_copy(update={"language": "English (UK)"})
    html = briefkit.render_html(brief)
    assert lxml.html.document_fromstring(html).get("lang") == "en"
    assert briefkit.parse_html(html) == brief  # the article keeps the brief's own text


def test_the_article_is_the_main_landmark() -> None:
    doc = page(seed_shaped())
    assert [el.tag for el in doc.xpath("//body/*")] == ["main"]
    assert doc.xpath("//main/article[contains(@class, 'brief')]")
    fragment = briefkit.render_html(seed_shaped(), standalone=False)
    assert "<main" not in fragment


@pytest.mark.parametrize("value", ["", "en GB", None])
def test_bad_default_language_is_a_render_error(value: Any) -> None:
    with pytest.raises(briefkit.RenderError, match="default_language"):
        briefkit.render_html(seed_shaped(), default_language=value)
