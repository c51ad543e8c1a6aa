"""HTML parser on hostile and broken input: what is removed, what is kept, which errors."""

from __future__ import annotations

import codecs
import threading
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefkit import Brief, BriefkitError, FormatError, LimitError, ParseError, parse_html
from briefkit.model import Link, Paragraph, block_inlines

FIXTURES = Path(__file__).parents[2] / "fixtures" / "html"


def page(body: str, head: str = "") -> str:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"


def article(content: str) -> str:
    return page(f"<article><h1>Test Brief</h1>{content}</article>")


def all_hrefs(brief: Brief) -> list[str]:
    found: list[str] = [link.href for link in (brief.prev, brief.next) if link and link.href]
    stack: list[object] = [
        node
        for section in brief.sections
        for block in section.blocks
        for run in block_inlines(block)
        for node in run
    ]
    while stack:
        node = stack.pop()
        if isinstance(node, Link):
            found.append(node.href)
        stack.extend(getattr(node, "children", ()))
    return found


# --- the hostile fixture ----------------------------------------------------------------


@pytest.fixture(scope="module")
def hostile() -> Brief:
    return parse_html((FIXTURES / "hostile.html").read_bytes())


def test_hostile_page_keeps_its_text(hostile: Brief) -> None:
    text = "\n".join(s.text for s in hostile.sections)
    for kept in (
        "Ship positions near the harbour were falsified for several hours.",
        "The tampering was probably deliberate.",
        "Receivers logged vessels that were never there.",
        "A note pointed to a decoy page instead of the log.",
        "Another used an old trick as well.",
        "One more carried an inline page.",
        "And one pointed at a local file.",
        "The harbour master published a notice and a contact.",
        '{{ 7*7 }} or {% include "x" %} stays literal.',
    ):
        assert kept in text


def test_hostile_page_loses_scripts_handlers_embeds_and_unsafe_links(hostile: Brief) -> None:
    dump = hostile.to_json()
    for removed in (
        "alert",
        "injected",
        "steal",
        "@import",
        "127.0.0.1",
        "/etc/",
        "Please enable scripts",
        "Frame fallback",
        "Object fallback",
        "svg label",
        "typed",
        "Send",
        "Hidden paragraph",
        "javascript",
        "JavaScript",
        "VBScript",
        "data:",
        "file:",
    ):
        assert removed not in dump, removed
    assert sorted(all_hrefs(hostile)) == [
        "https://harbour.example/notice",
        "mailto:desk@harbour.example",
    ]
    assert hostile.next is not None
    assert (hostile.next.title, hostile.next.href) == ("Tampered Neighbour", None)


# --- XML entities -----------------------------------------------------------------------


def test_entity_bomb_and_external_entities_are_not_expanded() -> None:
    brief = parse_html((FIXTURES / "entity-bomb.xhtml").read_bytes())
    para = brief.sections[0].blocks[0]
    assert isinstance(para, Paragraph)
    assert para.text == (
        "Engineers & regulators &f; expect more frequent spillway checks &local; &remote; "
        "this summer."
    )
    assert "aaaaaaaaaa" not in brief.to_json()
    assert len(brief.to_json()) < 5000
    assert brief.sections[0].blocks[1].text == "Standard entities still read: café — done."  # type: ignore[union-attr]
    assert brief.title == "Glacier Melt Raises Dam Safety Questions"


def test_external_entity_never_reads_a_file(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT", encoding="utf-8")
    xhtml = (
        '<?xml version="1.0"?>\n'
        f'<!DOCTYPE html [<!ENTITY s SYSTEM "{secret.as_uri()}">'
        f'<!ENTITY % p SYSTEM "{secret.as_uri()}"> %p;]>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml"><body><article><h1>T</h1>'
        "<p>before &s; after</p></article></body></html>"
    )
    for data in (xhtml, xhtml.encode()):
        brief = parse_html(data)
        assert "TOP-SECRET" not in brief.to_json()
        assert brief.sections[0].text == "before &s; after"


def test_internal_subset_with_tricky_quotes_is_cut_cleanly() -> None:
    xhtml = (
        '<?xml version="1.0"?><!DOCTYPE html [<!ENTITY x "a ]> b"><!ENTITY y \'c > d\'>]>'
        "<html><body><article><h1>T</h1><p>&x;&y;text</p></article></body></html>"
    )
    assert parse_html(xhtml).sections[0].text == "&x;&y;text"


# --- limits -----------------------------------------------------------------------------


def test_a_100000_deep_page_is_refused_with_a_limit_error() -> None:
    n = 100_000
    html = article("<div>" * n + "<p>deep</p>" + "</div>" * n)
    with pytest.raises(LimitError, match="depth"):
        parse_html(html)


def test_nesting_within_the_parser_limit_is_read() -> None:
    n = 200
    html = article("<p>before</p>" + "<div>" * n + "<p>deep</p>" + "</div>" * n + "<p>after</p>")
    assert [b.text for b in parse_html(html).sections[0].blocks] == ["before", "deep", "after"]  # type: ignore[union-attr]


def test_deep_alternating_formatting_is_flattened() -> None:
    n = 120
    html = article("<p>a " + "<em><strong>" * n + "core" + "</strong></em>" * n + " z</p>")
    brief = parse_html(html)
    assert brief.sections[0].text == "a core z"
    assert Brief.from_json(brief.to_json()) == brief  # shallow enough to serialise


def test_twenty_thousand_items() -> None:
    items = "".join(f"<li><strong>Lead {i}:</strong> Body {i}.</li>" for i in range(20_000))
    brief = parse_html(article(f"<h2>Evidence</h2><ol>{items}</ol><p>end</p>"))
    assert len(brief.evidence) == 20_000
    assert (brief.evidence[-1].lead, brief.evidence[-1].text) == ("Lead 19999", "Body 19999.")
    assert brief.sections[0].blocks[-1].text == "end"  # type: ignore[union-attr]


# --- errors -----------------------------------------------------------------------------

NO_BRIEF = [
    ("", "empty"),
    ("   \n ", "empty"),
    ("<!-- only a comment -->", "empty"),
    ('<?xml version="1.0"?>', "empty"),
    (page(""), "no recognisable content"),
    (page("<script>var x = 1;</script><nav><a href='/'>Home</a></nav>"), "no recognisable"),
    (page("<article><h1>Title Only</h1></article>", "<title>T</title>"), "no recognisable"),
    (page("<p>text but nothing names it</p>"), "no title"),
]


@pytest.mark.parametrize(("html", "message"), NO_BRIEF)
def test_no_brief_is_a_parse_error(html: str, message: str) -> None:
    with pytest.raises(ParseError, match=message) as info:
        parse_html(html)
    assert info.value.element  # says where


def test_control_characters_surrogates_and_bidi_overrides_are_dropped() -> None:
    html = article("<h2>Analysis</h2><p>a\x00b\x07c\ud800d\u202ee\x0cf</p>")
    assert parse_html(html).sections[0].text == "abcdef"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (codecs.BOM_UTF8 + article("<p>café</p>").encode(), "café"),
        (article("<p>café</p>").encode("utf-16"), "café"),
        (
            article("<p>caf\xe9</p>")
            .replace("<head>", '<head><meta charset="iso-8859-1">')
            .encode("latin-1"),
            "café",
        ),
    ],
)
def test_bytes_are_decoded(data: bytes, expected: str) -> None:
    assert parse_html(data).sections[0].text == expected


def test_wrong_input_type_is_a_briefkit_error() -> None:
    with pytest.raises(FormatError, match="NoneType"):
        parse_html(None)  # type: ignore[arg-type]


def test_binary_data_is_a_parse_error() -> None:
    with pytest.raises(ParseError, match="PDF"):
        parse_html(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj")


_TAGS = st.sampled_from(
    [
        "<p>",
        "</p>",
        "<h2>",
        "</h2>",
        "<strong>",
        "</strong>",
        "<ol>",
        "<li>",
        "</ol>",
        "<article>",
        "</article>",
        "<h1>",
        "</h1>",
        "<br>",
        "<a href='javascript:x'>",
        "</a>",
        "<a href='/x'>",
        "<script>",
        "</script>",
        "<!--",
        "-->",
        "<![CDATA[",
        "]]>",
        "<!DOCTYPE",
        "<?xml",
        "&",
        "&amp;",
        "&#0;",
        "&#xD800;",
        "<",
        ">",
        "\x00",
        "Overview:",
        "Evidence:",
        "<blockquote>",
        "<table><tr><td>",
        "<div class='sqs-html-content'>",
        "</div>",
        "<em>",
        "<meta property='og:title' content='x'>",
        "<title>",
        "</title>",
        "<link rel=next href=y>",
        '<script type=\'application/ld+json\'>{"@type":"Article","author":[[[[',
        "<svg>",
    ]
)
_SOUP = st.lists(st.one_of(_TAGS, st.text(max_size=8)), max_size=40).map("".join)


@given(_SOUP)
def test_tag_soup_gives_a_brief_or_a_briefkit_error(html: str) -> None:
    for data in (html, html.encode("utf-8", "surrogatepass")):
        try:
            brief = parse_html(data)
        except BriefkitError:
            continue
        assert isinstance(brief, Brief)
        assert all(h.startswith(("http", "mailto:", "/", "y", "x")) for h in all_hrefs(brief))


def test_parsing_from_many_threads_at_once() -> None:
    pages = sorted(FIXTURES.glob("*.html"))
    expected = {p: parse_html(p.read_bytes()) for p in pages}
    failures: list[str] = []

    def work() -> None:
        for _ in range(5):
            for p in pages:
                if parse_html(p.read_bytes()) != expected[p]:
                    failures.append(p.name)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failures == []
