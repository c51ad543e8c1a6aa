"""Property tests: random structure-like input and random models.

- ``parse`` raises nothing but BriefkitError on text, HTML, Markdown, JSON and bytes built
  from the pieces briefs are made of (heading words, numbers, colons, tags, dates, URLs);
  whatever it returns serialises and renders to inert HTML.
- Every renderer accepts every valid model, and its output is inert.
- Round trips are lossless: JSON always; HTML; DOCX; Markdown (no links inside links, which
  CommonMark cannot hold); text on the subset plain text can carry (see render_text).

Budgets: the ``ci`` profile runs a few hundred examples in all, ``nightly`` 25 times more.
"""

from __future__ import annotations

import io
import json
import re
import warnings
import zipfile
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import briefkit
from briefkit import Brief, BriefkitError, ItemList, Link
from briefkit.model import Inline, block_inlines
from security.checks import FORMATS, problems
from security.corpus import render_or_skip
from strategies import as_written, briefs

NIGHTLY = settings.get_current_profile_name() == "nightly"


def budget(examples: int) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """``examples`` in the default run, 25 times as many in the nightly profile."""
    return settings(max_examples=examples * 25 if NIGHTLY else examples)


def only_briefkit_errors(call: Callable[[], Brief]) -> Brief | None:
    """The brief, None for a BriefkitError; anything else fails the test (by escaping)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            brief = call()
        except NotImplementedError:
            pytest.skip("a parser is not written yet")
        except BriefkitError:
            return None
    assert isinstance(brief, Brief)
    assert Brief.from_json(brief.to_json()) == brief
    html = briefkit.render_html(brief)
    assert problems("html", html) == []
    return brief


# --- random structure-like input --------------------------------------------------------

HEADINGS = [
    "Analytic Judgement", "Analytic Judgment", "Key Judgements", "Bottom Line Up Front",
    "BLUF", "Executive Summary", "Summary", "Overview", "Background", "Context", "Analysis",
    "Supporting Evidence", "Evidence", "Key Points", "Implications", "Outlook", "Forecast",
    "Scenarios", "Recommendations", "Indicators", "Sources", "References", "Regional Reactions",
]  # fmt: skip
TRICKY = [
    "Previous", "Next", "Previous Previous", "View Original", "SITE NAME", "Subscribe", ":",
    "::", "1.", "2)", "(3)", "999.", "1000.", "•", "-", "*", "> ", "#", "## ", "**", "__", "`",
    "[x](y)", "<script>alert(1)</script>", "{{ 7*7 }}", "{% for %}", "&amp;", "&#0;",
    "&#xD800;", "&#x110000;", "&nosuch;", "\x00", "\x0b", "\u202e", "\ud800", "\ufeff", "\r",
    "\t", "javascript:alert(1)", "JaVa\tScRiPt:x", "data:text/html,x", "file:///etc/passwd",
    "https://example.test/a", "//evil.test/x", "mailto:a@b.test", "Published: 2024-02-30",
    "Published: 2024-13-45T25:61:00Z", "Updated: 0000-00-00",
    "Published: 9999-12-31T23:59:59+99:00",
    "Author: ", "Tags: ;;;", "URL: javascript:alert(1)", "Marking: TLP:RED", "Language: ",
    "Description: x", "Slug: ../../etc", "TLP:AMBER", "—", "“quoted”", "Lead In: body",
]  # fmt: skip


def st_colon(heading: str) -> str:
    """A colon after about half the headings (both spellings occur in the wild)."""
    return ":" if len(heading) % 2 else ""


_WORDS = st.text(
    st.characters(codec="utf-8", categories=("L", "N", "P", "S", "Zs")), min_size=1, max_size=10
)
_PIECE = st.one_of(
    st.sampled_from(HEADINGS).map(lambda h: h + st_colon(h)),
    st.sampled_from(TRICKY),
    _WORDS,
    st.integers(-5, 30_000).map(str),
)


_LINE = st.lists(_PIECE, max_size=8).map(" ".join)
structure_text = st.tuples(
    st.lists(_LINE, min_size=1, max_size=40), st.sampled_from(["\n", "\r\n", "\r", "\n\n"])
).map(lambda lines_sep: lines_sep[1].join(lines_sep[0]))

_TAGS = [
    "article", "main", "section", "div", "p", "span", "h1", "h2", "h3", "h4", "strong", "b",
    "em", "i", "a", "ol", "ul", "li", "br", "blockquote", "nav", "header", "footer", "table",
    "tr", "td", "script", "style", "noscript", "template", "svg", "iframe", "embed", "object",
    "img", "time", "form", "button", "details", "pre", "code", "sup", "figure", "aside",
]  # fmt: skip
_ATTRS = st.sampled_from(
    [
        'class="blog-item-content"',
        'class="entry-title"',
        'class="sqs-html-content"',
        'class="item-pagination-link--prev"',
        'class="item-pagination-title"',
        'class="brief-section kind-evidence"',
        'data-kind="nonsense"',
        'class="lead"',
        'rel="prev"',
        'rel="next"',
        'rel="attachment"',
        'href="javascript:alert(1)"',
        'href="https://example.test/x"',
        'href="/relative"',
        'href="&#106;avascript:x"',
        'href=""',
        'href="//evil.test"',
        'href="data:text/html,x"',
        'onclick="alert(1)"',
        'datetime="2024-02-30"',
        'datetime="not a date"',
        'datetime="2024-01-01T10:00:00Z"',
        'itemprop="datePublished"',
        'itemprop="author"',
        "hidden",
        'style="display:none"',
        'lang="xx-invalid-"',
        'aria-hidden="true"',
        'role="main"',
    ]
)


def _element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.builds(
        lambda tag, attrs, inner, close: (
            f"<{tag}{''.join(' ' + a for a in attrs)}>{inner}" + (f"</{tag}>" if close else "")
        ),
        st.sampled_from(_TAGS),
        st.lists(_ATTRS, max_size=3),
        st.lists(children, max_size=4).map("".join),
        st.integers(0, 9).map(lambda n: n > 0),  # mostly closed, sometimes not
    )


_HTML_LEAF = st.one_of(_LINE, st.sampled_from(["</p>", "</div>", "<!-- c -->", "<![CDATA[x]]>"]))
_HEAD = st.lists(
    st.sampled_from(
        [
            "<title>{}</title>",
            '<meta property="og:title" content="{}">',
            '<meta property="article:published_time" content="{}">',
            '<meta name="author" content="{}">',
            '<link rel="canonical" href="{}">',
            '<link rel="next" href="{}" title="x">',
            '<meta charset="{}">',
            '<script type="application/ld+json">{}</script>',
            '<meta name="description" content="{}">',
        ]
    ).flatmap(
        lambda t: st.sampled_from(
            [
                "x",
                "",
                "2024-02-30",
                "javascript:alert(1)",
                "utf-7",
                "{}",
                "[]",
                "null",
                '{"@type": "Article", "datePublished": 12, "author": {"name": []}}',
                '{"@type": "Article", "headline": "</script><script>alert(1)</script>"}',
                '{"@graph": [{"@type": "Article", "author": [null, 1, {"name": "A"}]}]}',
                "{{ 7*7 }}",
                "Title — SITE",
                "&#0;",
                "\u202e",
            ]
        ).map(t.format)
    ),
    max_size=6,
).map("".join)
structure_html = st.builds(
    lambda doctype, head, body: f"{doctype}<html><head>{head}</head><body>{body}</body></html>",
    st.sampled_from(["<!DOCTYPE html>", "", '<?xml version="1.0"?><!DOCTYPE html>']),
    _HEAD,
    st.recursive(_HTML_LEAF, _element, max_leaves=30),
)

_MD_LINE = st.one_of(
    st.builds(lambda n, h: "#" * n + " " + h, st.integers(1, 3), st.sampled_from(HEADINGS)),
    st.builds(lambda n, rest: f"{n}. **{rest}:** {rest}", st.integers(0, 1200), _LINE),
    st.builds(lambda m, rest: f"{m} {rest}", st.sampled_from(["-", "*", "+", ">", "> >"]), _LINE),
    st.builds(lambda t, u: f"[{t}]({u})", _LINE, st.sampled_from(TRICKY)),
    _LINE,
    st.sampled_from(["---", "***", "", "<div>", "</div>", "```", "    code", "[r]: javascript:x"]),
)
_YAML = st.lists(
    st.builds(
        lambda k, v: f"{k}: {v}",
        st.sampled_from(
            [
                "title",
                "url",
                "published",
                "updated",
                "authors",
                "tags",
                "prev",
                "next",
                "slug",
                "summary",
                "marking",
                "language",
                "unknown",
                "category",
            ]
        ),
        st.sampled_from(
            [
                "x",
                "2024-02-30",
                "2024-13-01",
                "2024-01-01T25:00:00",
                "[a, b]",
                "{title: x}",
                "{href: 'javascript:x'}",
                "!!python/object:os.system x",
                "&a [1]",
                "*a",
                "null",
                "[[[[[]]]]]",
                "12",
                "true",
                "'{{ 7*7 }}'",
                '"\\ud800"',
                "|\n  block",
                "{",
                ":",
            ]
        ),
    ),
    max_size=6,
)
structure_markdown = st.builds(
    lambda front, body: (f"---\n{chr(10).join(front)}\n---\n" if front else "") + "\n".join(body),
    _YAML,
    st.lists(_MD_LINE, min_size=1, max_size=30),
)
_JSON_VALUE = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(allow_nan=False),
        _LINE,
        st.sampled_from([*TRICKY, "2024-02-30", "paragraph", "list", "quote", "link", "text"]),
    ),
    lambda kids: st.one_of(
        st.lists(kids, max_size=4),
        st.dictionaries(
            st.sampled_from(
                [
                    "title",
                    "sections",
                    "blocks",
                    "content",
                    "items",
                    "type",
                    "text",
                    "href",
                    "children",
                    "kind",
                    "heading",
                    "prev",
                    "next",
                    "url",
                    "published",
                    "lead",
                    "body",
                    "ordered",
                    "tags",
                    "authors",
                    "extra",
                ]
            ),
            kids,
            max_size=5,
        ),
    ),
    max_leaves=25,
)
structure_json = st.builds(
    lambda title, rest: json.dumps({"title": title, **rest}) if isinstance(rest, dict) else rest,
    _LINE,
    _JSON_VALUE.map(lambda v: v if isinstance(v, dict) else json.dumps(v)),
)


@budget(60)
@given(structure_text)
def test_text_parser_raises_only_briefkit_errors(text: str) -> None:
    only_briefkit_errors(lambda: briefkit.parse(text, format="text"))


@budget(60)
@given(structure_html)
def test_html_parser_raises_only_briefkit_errors(html: str) -> None:
    only_briefkit_errors(lambda: briefkit.parse(html, format="html"))


@budget(60)
@given(structure_markdown)
def test_markdown_parser_raises_only_briefkit_errors(markdown: str) -> None:
    only_briefkit_errors(lambda: briefkit.parse(markdown, format="markdown"))


@budget(40)
@given(structure_json)
def test_json_parser_raises_only_briefkit_errors(text: str) -> None:
    only_briefkit_errors(lambda: briefkit.parse(text, format="json"))


@budget(40)
@given(st.one_of(structure_text, structure_html, structure_markdown, structure_json))
def test_detection_raises_only_briefkit_errors(text: str) -> None:
    """Format sniffing plus whichever parser it picks, from str and from bytes."""
    only_briefkit_errors(lambda: briefkit.parse(text))
    only_briefkit_errors(lambda: briefkit.parse(text.encode("utf-8", "surrogatepass")))


@budget(40)
@given(
    st.binary(max_size=3000), st.sampled_from([None, "text", "html", "markdown", "json", "docx"])
)
def test_random_bytes_raise_only_briefkit_errors(data: bytes, fmt: str | None) -> None:
    only_briefkit_errors(lambda: briefkit.parse(data, format=fmt))


def _docx_bytes() -> bytes:
    from briefs import rich_brief

    data = render_or_skip(rich_brief(), "docx")
    assert isinstance(data, bytes)
    return data


@budget(30)
@given(st.data())
def test_damaged_docx_raises_only_briefkit_errors(data: st.DataObject) -> None:
    """briefkit's own DOCX with bytes flipped inside its parts (re-zipped, so CRCs pass)."""
    original = _docx_bytes()
    source = zipfile.ZipFile(io.BytesIO(original))
    names = source.namelist()
    target = data.draw(st.sampled_from(names))
    part = bytearray(source.read(target))
    for _ in range(data.draw(st.integers(1, 8))):
        if part:
            at = data.draw(st.integers(0, len(part) - 1))
            part[at] = data.draw(st.sampled_from(b"<>&\"'/=: \x00\xffaZ"))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as damaged:
        for name in names:
            damaged.writestr(name, bytes(part) if name == target else source.read(name))
    only_briefkit_errors(lambda: briefkit.parse(buffer.getvalue(), format="docx"))


# --- every renderer accepts every valid model -------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_renderer_accepts_every_model(fmt: str) -> None:
    examples = {"pdf": 10, "docx": 25}.get(fmt, 40)

    @budget(examples)
    @given(briefs(headed=False))
    def check(brief: Brief) -> None:
        output = render_or_skip(brief, fmt)
        assert isinstance(output, bytes if fmt in ("docx", "pdf") else str)
        assert problems(fmt, output) == []

    check()


# --- round trips ------------------------------------------------------------------------


@budget(60)
@given(briefs(headed=False))
def test_json_round_trip(brief: Brief) -> None:
    text = render_or_skip(brief, "json")
    assert isinstance(text, str)
    assert Brief.from_json(text) == brief
    assert briefkit.parse(text) == brief


@budget(40)
@given(briefs())
def test_html_round_trip(brief: Brief) -> None:
    html = render_or_skip(brief, "html")
    assert briefkit.parse(html) == as_written(brief)
    fragment = render_or_skip(brief, "html", standalone=False)
    assert briefkit.parse(fragment, format="html") == as_written(brief)


@budget(25)
@given(briefs(headed=False))
def test_docx_round_trip(brief: Brief) -> None:
    data = render_or_skip(brief, "docx")
    assert briefkit.parse(data) == as_written(brief)


def _no_links_in_links(nodes: tuple[Inline, ...], inside: bool = False) -> bool:
    for node in nodes:
        if isinstance(node, Link) and inside:
            return False
        children = getattr(node, "children", ())
        if children and not _no_links_in_links(children, inside or isinstance(node, Link)):
            return False
    return True


def _markdown_expressible(brief: Brief) -> bool:
    """CommonMark has no links inside links (see the Markdown renderer's docstring)."""
    for section in brief.sections:
        for block in section.blocks:
            if not all(_no_links_in_links(run) for run in block_inlines(block)):
                return False
    return True


@budget(40)
@given(briefs(headed=False))
def test_markdown_round_trip(brief: Brief) -> None:
    assume(_markdown_expressible(brief))
    text = render_or_skip(brief, "markdown")
    assert briefkit.parse(text, format="markdown") == as_written(brief)


def _text_expressible(brief: Brief) -> bool:
    """The subset render_text documents: title-like lead-ins, no two adjacent same lists."""
    from briefkit.syntax.text import split_lead

    if re.search(r"\[\d{1,3}\]", brief.to_json()):
        return False  # reads as a note marker
    for section in brief.sections:
        previous = None
        for block in section.blocks:
            if isinstance(block, ItemList):
                if isinstance(previous, ItemList) and previous.ordered == block.ordered:
                    return False
                for item in block.items:
                    if item.lead and split_lead(f"{item.lead}: {item.text}") != (
                        item.lead,
                        item.text,
                    ):
                        return False
            previous = block
    return True


@budget(60)
@given(briefs(plain=True, kinds_follow_headings=True, media=False))
def test_text_round_trip(brief: Brief) -> None:
    assume(_text_expressible(brief))
    text = render_or_skip(brief, "text")
    assert briefkit.parse(text, format="text") == as_written(brief)
