"""The HTML parser's tree handling: loading, tag names, bylines, and the text lengths the
content search weighs candidates by (measured once per page, then looked up)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefkit import ParseError, parse_html
from briefkit.parsers.html.content import _page_chrome, _Prose, _prose_skip
from briefkit.parsers.html.dom import load_document, text_length


def page(body: str, head: str = "") -> str:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"


@pytest.mark.parametrize(
    "markup", ["<?pi x?>", "<!DOCTYPE html><!-- only a comment -->", "</p>", "<![CDATA[x]]>"]
)
def test_markup_without_any_element_is_an_empty_document(markup: str) -> None:
    with pytest.raises(ParseError, match="unreadable HTML: Document is empty"):
        parse_html(markup)


def test_upper_case_markup_reads_like_lower_case() -> None:
    lower = page(
        "<article><h1>Grain Stocks</h1><h2>Bottom line</h2><p>Stocks <strong>fell</strong> "
        'again, <a href="https://s.example/x">reports</a> say.</p>'
        "<ul><li><b>Ports:</b> closed</li></ul><nav><a href='/'>Home</a></nav></article>"
    )
    upper = lower
    for tag in ("article", "h1", "h2", "p", "strong", "a", "ul", "li", "b", "nav", "body", "html"):
        upper = upper.replace(f"<{tag}", f"<{tag.upper()}").replace(
            f"</{tag}>", f"</{tag.upper()}>"
        )
    assert upper != lower
    assert parse_html(upper) == parse_html(lower)


@pytest.mark.parametrize(
    ("byline", "head", "authors"),
    [
        ('<span class="blog-author">Ana Ruiz</span>', "", ("Ana Ruiz",)),
        ('<span class="Blog-Author">Ana Ruiz</span>', "", ("Ana Ruiz",)),
        ('<span class="h-card\tp-author">By Ana Ruiz</span>', "", ("Ana Ruiz",)),
        ('<a rel="AUTHOR nofollow" href="/ana">Ana Ruiz</a>', "", ("Ana Ruiz",)),
        ('<div class="author-bio">Ana Ruiz writes about ports.</div>', "", ()),
        ('<a rel="authority" href="/x">Ana Ruiz</a>', "", ()),
        ("", '<link rel="author" href="/humans.txt">', ()),
        ('<p class="blog-author">' + "x" * 101 + "</p>", "", ()),
    ],
)
def test_bylines_in_the_page(byline: str, head: str, authors: tuple[str, ...]) -> None:
    html = page(f"<article><h1>Grain</h1>{byline}<p>Stocks fell again.</p></article>", head)
    assert parse_html(html).authors == authors


# --- text lengths measured in one pass ----------------------------------------------------

_TAGS = ("div", "p", "a", "span", "nav", "aside", "section", "article", "main", "script", "em")
_ATTRS = (
    "",
    ' class="share"',
    ' class="entry-content"',
    ' id="sidebar"',
    " hidden",
    ' style="display: none"',
    ' aria-hidden="true"',
    ' href="/x"',
)
_TEXT = st.text(alphabet=" \n\tab\u00a0", max_size=5)


def _element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.builds(
        lambda tag, attrs, text, kids, tail: f"<{tag}{attrs}>{text}{''.join(kids)}</{tag}>{tail}",
        st.sampled_from(_TAGS),
        st.sampled_from(_ATTRS),
        _TEXT,
        st.lists(children, max_size=4),
        _TEXT,
    )


_FRAGMENTS = st.recursive(_TEXT | st.just("<!-- note -->"), _element, max_leaves=25)


@given(st.lists(_FRAGMENTS, max_size=5))
def test_one_pass_lengths_equal_walking_each_element(fragments: list[str]) -> None:
    doc = load_document(page("x" + "".join(fragments)))
    body = next(doc.iter("body"))
    prose = _Prose(body)
    for el in body.iter():
        if isinstance(el.tag, str):
            assert prose(el) == text_length(el, _prose_skip), el.tag


def test_lengths_skip_chrome_and_links_but_measure_inside_them() -> None:
    doc = load_document(
        page(
            "<div>abc <a href='/x'>link text <b>b</b></a> de"
            "<nav>menu items</nav> f</div><aside><p>side</p></aside>"
        )
    )
    body = next(doc.iter("body"))
    div, link, nav = next(body.iter("div")), next(body.iter("a")), next(body.iter("nav"))
    prose = _Prose(body)
    assert prose(div) == len("abc") + len("de") + len("f")
    assert prose(link) == len("link text") + len("b")
    assert _page_chrome(nav)  # not entered by the pass: measured when asked
    assert prose(nav) == len("menu items")
    assert prose(body) == prose(div)
