"""The HTML parser's tree handling: loading, tag names, bylines, and the text lengths the
content search weighs candidates by (measured once per page, then looked up)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefkit import ParseError, parse_html
from briefkit.parsers.html.chrome import is_hidden, is_page_furniture
from briefkit.parsers.html.dom import Element, _texts, load_document, tag_of
from briefkit.parsers.html.inline import BLOCKISH, NOT_TEXT
from briefkit.parsers.html.score import measure


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
_TEXT = st.text(alphabet=" \n\tab,\u00a0", max_size=5)


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


def text_length(root: Element, skip: Callable[[Element], bool]) -> int:
    """The reference: walk the subtree, skipping what ``skip`` accepts."""
    return sum(len(t.strip()) for t in _texts(root, skip))


def _invisible(el: Element) -> bool:
    return not isinstance(el.tag, str) or el.tag in NOT_TEXT or is_hidden(el)


def _prose_by_walking(el: Element) -> int:
    if any(tag_of(a) == "a" or is_page_furniture(a) for a in (el, *el.iterancestors())):
        return 0
    return text_length(el, lambda e: _invisible(e) or tag_of(e) == "a" or is_page_furniture(e))


@given(st.lists(_FRAGMENTS, max_size=5))
def test_one_pass_lengths_equal_walking_each_element(fragments: list[str]) -> None:
    doc = load_document(page("x" + "".join(fragments)))
    body = next(doc.iter("body"))
    m = measure(body)
    for el in body.iter():
        if not isinstance(el.tag, str) or any(_invisible(a) for a in (el, *el.iterancestors())):
            assert el not in m
            continue
        stats = m.of[el]
        assert stats.text == text_length(el, _invisible), el.tag
        links = sum(
            text_length(a, _invisible)
            for a in el.iter("a")
            if not any(_invisible(up) for up in (a, *a.iterancestors()))
            and not any(tag_of(up) == "a" for up in a.iterancestors())  # outermost links
        )
        inside_link = any(tag_of(a) == "a" for a in el.iterancestors())
        assert stats.links == (stats.text if inside_link else links), el.tag
        assert stats.prose == _prose_by_walking(el), el.tag
        assert m.has_blocks(el) == any(d is not el and d in m for d in el.iter(*BLOCKISH))
        for other in body.iter():
            if other in m:
                assert m.contains(el, other) == (other is el or el in other.iterancestors())


def test_lengths_skip_links_and_furniture_but_measure_inside_them() -> None:
    doc = load_document(
        page(
            "<div>abc <a href='/x'>link text <b>b</b></a> de"
            "<nav>menu items</nav> f</div><aside><p>side</p></aside><p hidden>gone</p>"
        )
    )
    body = next(doc.iter("body"))
    div, link, nav = next(body.iter("div")), next(body.iter("a")), next(body.iter("nav"))
    m = measure(body)
    assert m.prose(div) == len("abc") + len("de") + len("f")
    assert m.text(div) == len("abclink textbdemenu itemsf")
    assert m.of[div].links == len("link textb")
    assert m.text(link) == m.of[link].links == len("link text") + len("b")
    assert m.prose(nav) == 0
    assert m.text(nav) == len("menu items")
    assert m.prose(body) == m.prose(div)
    assert [p.text for p in body.iter("p") if p in m] == ["side"]


def test_paragraph_scores_go_to_the_blocks_around_them() -> None:
    sentence = "A sentence of prose, long enough to count as a paragraph. "
    doc = load_document(
        page(
            f"<div id='page'><div id='story'><p>{sentence}</p><p>{sentence}</p></div>"
            f"<div id='side'><p>{sentence}</p></div><nav><p>{sentence}</p></nav></div>"
        )
    )
    body = next(doc.iter("body"))
    m = measure(body)
    by_id = {el.get("id"): el for el in body.iter() if el.get("id")}
    story, side, whole = by_id["story"], by_id["side"], by_id["page"]
    assert m.of[story].paragraphs == 2
    assert m.of[whole].paragraphs == 3  # the paragraph in the nav is furniture
    assert m.value(whole) == pytest.approx(m.value(story) + m.value(side))
    assert m.of[story].score == pytest.approx(2 * m.of[side].score)
    assert m.of[story].score > m.of[whole].score
