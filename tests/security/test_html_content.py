"""The HTML parser loses no content and has no input that costs more than its size.

- Content: every text node of a page that is not chrome (as ``parsers/html/chrome.py``
  defines it, the one statement of what chrome is) ends up in the brief, tested as a
  property over generated pages, and for the shapes that used to vanish: a heading in a
  ``<header>`` of a section, a quote's attribution in its ``<footer>``, text directly in a
  list outside any ``<li>``.
- Cost: one element with tens of thousands of attributes is refused before libxml2 spends
  seconds on it; nested elements carrying the attributes the parser looks at (``itemprop``,
  ``class="share"``, ``entry-content``, bylines) cost a number of steps that grows linearly
  with the nesting, counted by a profiler hook (no timing).
- Dates: a meta tag, JSON-LD value or ``<time>`` holding a date no calendar holds (a year
  of eleven digits, an offset of days) is no date, never an escaping ``OverflowError``.
"""

from __future__ import annotations

import contextlib
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefkit import Brief, BriefkitError, ItemList, LimitError, parse_html
from briefkit.limits import MAX_HTML_ATTRIBUTES
from briefkit.parsers.html import dom as _html_dom
from briefkit.parsers.html.content import find_content
from briefkit.parsers.html.dom import Element, load_document

TOKEN = re.compile(r"tok\d+x")


def page(body: str, head: str = "") -> str:
    return f"<!DOCTYPE html><html><head><title>T</title>{head}</head><body>{body}</body></html>"


def model_text(brief: Brief) -> str:
    """Every text the brief holds: title, headings, paragraphs, quotes, lead-ins, items."""
    parts = [brief.title]
    for section in brief.sections:
        parts.append(section.heading or "")
        for block in section.blocks:
            if isinstance(block, ItemList):
                parts.extend(f"{item.lead} {item.text}" for item in block.items)
            else:
                parts.append(block.text)
    return "\n".join(parts)


# --- the shapes that used to vanish -----------------------------------------------------


VANISHED = {
    "heading in a section's header": (
        "<section><header><h2>Regional Outlook</h2><p>kept01 dek</p></header>"
        "<p>kept02 body</p></section>",
        ["Regional Outlook", "kept01", "kept02"],
    ),
    "attribution in a quote's footer": (
        "<blockquote><p>kept03 words said</p><footer>kept04 a minister</footer></blockquote>",
        ["kept03", "kept04"],
    ),
    "text directly in a list": (
        "<ul>kept05 before<li>kept06 item</li>kept07 between<li>kept08 item</li>kept09</ul>",
        ["kept05", "kept06", "kept07", "kept08", "kept09"],
    ),
    "text in a non-item element of a list": (
        "<ol><p>kept10 para</p><li>kept11 item</li><div><li>kept12 nested</li></div></ol>",
        ["kept10", "kept11", "kept12"],
    ),
    "header and footer of an article inside the article": (
        "<article><header><h2>kept13 Inner Head</h2></header><p>kept14 text</p>"
        "<footer>kept15 note</footer></article>",
        ["kept13", "kept14", "kept15"],
    ),
}


@pytest.mark.parametrize("name", VANISHED)
def test_content_that_used_to_vanish_is_kept(name: str) -> None:
    markup, kept = VANISHED[name]
    lead = "<p>" + "An opening paragraph of the article, long enough to count. " * 3 + "</p>"
    brief = parse_html(page(f"<main><h1>Title</h1>{lead}{markup}</main>"))
    text = model_text(brief)
    for word in kept:
        assert word in text, (name, word, text)


def test_list_items_keep_their_order_with_loose_text() -> None:
    brief = parse_html(page("<main><h1>T</h1><ul>a1x<li>b2x</li>c3x<li>d4x</li></ul></main>"))
    items = [
        i.text for s in brief.sections for b in s.blocks if isinstance(b, ItemList) for i in b.items
    ]
    assert items == ["a1x", "b2x", "c3x", "d4x"]


def test_page_header_and_footer_stay_chrome() -> None:
    brief = parse_html(
        page(
            "<header><p>gone01 site menu</p></header><article><h1>T</h1>"
            "<header><p>gone02 byline</p></header><p>kept16 text of the article</p>"
            "<footer><p>gone03 share this</p></footer></article><footer>gone04</footer>"
        )
    )
    text = model_text(brief)
    assert "kept16" in text
    assert not [w for w in ("gone01", "gone02", "gone03", "gone04") if w in text]


# --- every text node that is not chrome reaches the model (property) --------------------


@dataclass
class Node:
    """A generated element: tag, attributes, children (nodes or None for a text slot)."""

    tag: str
    attrs: str = ""
    children: list[Node | None] = field(default_factory=list)


_CONTENT_TAGS = (
    "div", "section", "p", "span", "b", "em", "strong", "i", "a", "ul", "ol", "li",
    "blockquote", "header", "footer", "table", "tr", "td", "dl", "dt", "dd", "figure",
    "figcaption", "pre", "h2", "h3", "h4", "article", "aside", "details", "summary", "code",
)  # fmt: skip
_CHROME = (
    ("div", ' class="share-tools"'),
    ("nav", ""),
    ("div", " hidden"),
    ("p", ' style="display: none"'),
    ("script", ""),
    ("form", ""),
    ("label", ""),
    ("div", ' class="related-stories"'),
    ("span", ' aria-hidden="true"'),
)


def _nodes(children: st.SearchStrategy[list[Node | None]]) -> st.SearchStrategy[Node]:
    tags = st.sampled_from([(t, ' href="https://example.org/x"' if t == "a" else "")
                            for t in _CONTENT_TAGS] + list(_CHROME))  # fmt: skip
    return st.builds(lambda ta, kids: Node(ta[0], ta[1], kids), tags, children)


_TREES = st.recursive(
    st.none(),  # a text slot
    lambda inner: _nodes(st.lists(inner, max_size=5)).map(lambda n: n),
    max_leaves=40,
)


class _Render:
    def __init__(self) -> None:
        self.count = 0

    def text(self) -> str:
        self.count += 1
        return f" tok{self.count}x "

    def __call__(self, node: Node | None) -> str:
        if node is None:
            return self.text()
        inner = "".join(self(child) for child in node.children) or self.text()
        return f"<{node.tag}{node.attrs}>{inner}</{node.tag}>{self.text()}"


def _required(doc: Element) -> tuple[set[str], set[str]]:
    """Tokens of text nodes that are not chrome (must be kept), and of those in elements
    that are never text (must be gone), by the parser's own chrome predicate."""
    found = find_content(doc)
    chrome, root = found.chrome, found.root
    dropped: dict[Element, bool] = {}
    keep: set[str] = set()
    never: set[str] = set()

    def is_dropped(el: Element) -> bool:
        if el not in dropped:
            parent = el.getparent()
            if el is root:
                dropped[el] = False
            elif parent is None or not found.measures.contains(root, el):
                dropped[el] = True  # outside the content area
            else:
                dropped[el] = is_dropped(parent) or chrome(el)
        return dropped[el]

    for el in doc.iter():
        if not isinstance(el.tag, str):
            continue
        owner_text = el
        for text, owner in ((el.text, owner_text), (el.tail, el.getparent())):
            if not text or owner is None:
                continue
            tokens = TOKEN.findall(text)
            chain = [owner, *owner.iterancestors()]
            if not any(a is found.body for a in chain):
                continue  # the head: metadata, not text
            if any(chrome.hard(a) for a in chain[: chain.index(found.body) + 1]):
                never.update(tokens)
            elif not is_dropped(owner) and found.measures.contains(root, owner):
                keep.update(tokens)
    return keep, never


@given(st.lists(_TREES, min_size=1, max_size=6))
def test_every_text_that_is_not_chrome_reaches_the_model(trees: list[Node | None]) -> None:
    render = _Render()
    article = "".join(render(tree) for tree in trees)
    html = page(
        f"<nav>{render.text()}</nav><article><h1>Title Words</h1>"
        f"<p>{render.text()} opening words of the article</p>{article}</article>"
        f"<footer>{render.text()}</footer>"
    )
    brief = parse_html(html)
    text = set(TOKEN.findall(model_text(brief)))
    keep, never = _required(load_document(html))
    assert keep - text == set()
    assert never & text == set()


# --- one element with very many attributes ----------------------------------------------


ATTRIBUTE_SPELLINGS: dict[str, Callable[[int], str]] = {
    "spaces": lambda n: " ".join(f"a{i}=x" for i in range(n)),
    "quoted, no spaces": lambda n: "".join(f'a{i}="1"' for i in range(n)),
    "quotes in names": lambda n: " ".join(f'"x{i}' for i in range(n)),
    "slashes": lambda n: "/".join(f"a{i}" for i in range(n)),
    "newlines": lambda n: "\n".join(f"a{i}" for i in range(n)),
    "single-quoted values with spaces": lambda n: " ".join(f"a{i}='x y'" for i in range(n)),
}


@pytest.mark.parametrize("spelling", ATTRIBUTE_SPELLINGS)
def test_one_element_with_too_many_attributes_is_refused_before_parsing(
    spelling: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    attrs = ATTRIBUTE_SPELLINGS[spelling]
    html = page(f"<article><h1>T</h1><p {attrs(40_000)}>kept17</p></article>")

    def no_parser() -> None:
        raise AssertionError("libxml2 was asked to parse the crowded element")

    monkeypatch.setattr(_html_dom, "_parser", no_parser)
    with pytest.raises(LimitError, match="MAX_HTML_ATTRIBUTES"):
        parse_html(html)


@pytest.mark.parametrize("spelling", ATTRIBUTE_SPELLINGS)
def test_an_element_at_the_attribute_limit_parses(spelling: str) -> None:
    attrs = ATTRIBUTE_SPELLINGS[spelling]
    html = page(f"<article><h1>T</h1><p {attrs(MAX_HTML_ATTRIBUTES)}>kept18</p></article>")
    assert "kept18" in model_text(parse_html(html))


@pytest.mark.parametrize(
    "markup",
    [
        "<script>var a = '<b ' + '" + "x " * 5000 + "';</script>",
        '<p data-x="' + "word " * 5000 + '">kept19</p>',
        "<!-- " + "<b " * 10 + "-->",
    ],
    ids=["script", "one long value", "comment"],
)
def test_many_words_that_are_not_attributes_are_no_limit(markup: str) -> None:
    html = page(f"<article><h1>T</h1>{markup}<p>kept19 text</p></article>")
    assert "kept19" in model_text(parse_html(html))


# --- nested elements carrying what the parser looks at: linear steps --------------------


def _steps(html: str) -> int:
    """Python function calls (and generator resumptions) while parsing ``html``."""
    count = 0

    def hook(frame: object, event: str, arg: object) -> None:
        nonlocal count
        count += 1

    previous = sys.getprofile()
    sys.setprofile(hook)
    try:
        with contextlib.suppress(BriefkitError):
            parse_html(html)
    finally:
        sys.setprofile(previous)
    return count


def _nested(tag: str, attrs: str, depth: int) -> str:
    opening = "".join(f"<{tag}{attrs}>word{i} " for i in range(depth))
    lead = "<p>" + "An opening paragraph of the article, long enough to count. " * 3 + "</p>"
    return page(f"<article><h1>Title</h1>{lead}{opening}{f'</{tag}>' * depth}</article>")


NESTED = [
    ("div", ' itemprop="author"'),
    ("div", ' itemprop="articleBody"'),
    ("span", ' itemprop="datePublished"'),
    ("div", ' class="share"'),
    ("div", ' itemprop="x" class="share"'),
    ("span", ' itemprop="x" class="share"'),
    ("div", ' class="entry-content"'),
    ("div", ' class="byline"'),
    ("div", ' class="nav-next"'),
    ("article", ""),
    ("header", ""),
    ("blockquote", ""),
    ("li", ""),
    ("section", ' class="comments"'),
]


@pytest.mark.parametrize(("tag", "attrs"), NESTED, ids=[f"{t}{a}" for t, a in NESTED])
def test_nested_hints_cost_linear_steps(tag: str, attrs: str) -> None:
    small, large = (_steps(_nested(tag, attrs, depth)) for depth in (60, 240))
    plain_large = _steps(_nested("div", "", 240))
    assert large < small * 4 * 1.25  # 4 times the nesting: about 4 times the steps
    assert large < plain_large * 3  # and within a small factor of the page without hints


# --- dates no calendar holds ------------------------------------------------------------


IMPOSSIBLE_DATES = [
    "Mon, 20 Nov 99999999999 10:00:00 +0000",
    "Tue, 1 Jan 2019 10:00:00 +99999999999999",
    "9999-12-31T23:59:59-23:59",
    "0001-01-01T00:00:00+23:59",
    "99999-01-01",
    "2019-13-45",
    "Fri, 31 Feb 2019 25:61:61 +0000",
]


def _date_pages(value: str) -> list[str]:
    body = "<article><h1>T</h1><p>kept20 text</p>{}</article>"
    return [
        page(body.format(""), f'<meta property="article:published_time" content="{value}">'),
        page(body.format(""), f'<meta name="date" content="{value}">'),
        page(body.format(""), f'<meta property="article:modified_time" content="{value}">'),
        page(
            body.format(""),
            '<script type="application/ld+json">{"@type": "NewsArticle", '
            f'"datePublished": "{value}", "dateModified": "{value}"}}</script>',
        ),
        page(body.format(f'<time datetime="{value}" pubdate>then</time>')),
        page(body.format(f'<span itemprop="datePublished" content="{value}">then</span>')),
    ]


@pytest.mark.parametrize("value", IMPOSSIBLE_DATES)
def test_dates_no_calendar_holds_are_no_dates(value: str) -> None:
    for html in _date_pages(value):
        brief = parse_html(html)
        assert brief.published is None
        assert brief.updated is None
        assert "kept20" in model_text(brief)
        Brief.from_json(brief.to_json())


@given(st.from_regex(r"\A[A-Za-z]{3}, \d{1,2} [A-Za-z]{3} -?\d{1,20} \d\d:\d\d(:\d\d)? "
                     r"[+-]?\d{1,16}\Z") | st.text(max_size=40))  # fmt: skip
def test_any_date_string_gives_a_date_or_none(value: str) -> None:
    value = value.replace('"', "").replace("<", "").replace("&", "")
    for html in _date_pages(value):
        try:
            brief = parse_html(html)
        except BriefkitError:
            continue
        Brief.from_json(brief.to_json())
