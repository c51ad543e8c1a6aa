"""Cost that once grew faster than its input, tested by counting, never by timing.

Times and memory are measured by ``python -m benchmarks.complexity``; here the causes are
pinned down as facts that do not depend on the machine: how often a relationship list is
searched, what a text box holds after break opportunities are added, what stays in memory
of a Markdown document, and that the limit on parts of a brief is enforced while reading.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

import briefkit
from briefkit import Brief, LimitError, Link, Paragraph, Section, Text
from briefkit.renderers.pdf import breaks
from briefs import seed_shaped
from security.test_properties import budget


def _linked(links: int) -> Brief:
    content: list[Link | Text] = []
    for k in range(links):
        content += [Link(href=f"https://example.org/{k}", children=(Text(text=f"l{k}"),))]
        content += [Text(text=" ")]
    return Brief(title="Links", sections=(Section(blocks=(Paragraph(content=tuple(content)),)),))


def test_docx_hyperlinks_do_not_search_the_relationships(monkeypatch: pytest.MonkeyPatch) -> None:
    """python-docx's ``relate_to`` scans every relationship per link: quadratic in links."""
    from docx.opc.rel import Relationships

    calls = {"n": 0}
    original = Relationships._get_matching

    def counting(self: Relationships, *args: object, **kwargs: object) -> object:
        calls["n"] += 1
        return original(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Relationships, "_get_matching", counting)
    briefkit.render_docx(_linked(1))  # the base document is built once, then cached
    counts = []
    for links in (10, 400):
        calls["n"] = 0
        data = briefkit.render_docx(_linked(links))
        counts.append(calls["n"])
        assert briefkit.parse(data, format="docx") == _linked(links)
    assert counts[0] == counts[1]  # a fixed number of searches, whatever the links


def test_a_repeated_target_is_one_relationship() -> None:
    import io

    import docx

    brief = Brief(
        title="Same",
        sections=(
            Section(
                blocks=tuple(
                    Paragraph(
                        content=(Link(href="https://example.org/", children=(Text(text=t),)),)
                    )
                    for t in ("a", "b", "c")
                )
            ),
        ),
    )
    part = docx.Document(io.BytesIO(briefkit.render_docx(brief))).part
    targets = [r.target_ref for r in part.rels.values() if r.is_external]
    assert targets == ["https://example.org/"]


_ZWSP = "\u200b"


def _texts(root: etree._Element) -> list[str]:
    out = []
    for node in root.iter():
        if node.text and isinstance(node.tag, str):
            out.append(node.text)
        if node is not root and node.tail:
            out.append(node.tail)
    return out


@given(
    st.lists(
        st.sampled_from(["x" * 500, "y" * 90, "word ", " ", "é\u0301" * 60, "a\u200db" * 50]),
        min_size=1,
        max_size=8,
    ),
    st.booleans(),
)
@budget(80)
def test_every_text_box_is_short_enough_to_measure(pieces: list[str], tail: bool) -> None:
    """A shrink-to-fit box is measured once per break opportunity of a text box: each box
    holds at most ``_CHUNK`` pieces of a long run, and no piece is longer than needed."""
    text = "".join(pieces)
    root = etree.fromstring("<div><p><b>x</b></p></div>")
    if tail:
        root[0][0].tail = text
    else:
        root[0].text = text
    breaks.break_long_runs(root)
    flat = "".join(_texts(root)).replace(_ZWSP, "")
    assert flat == ("x" + text if tail else text + "x")  # nothing lost, nothing added
    for box in _texts(root):
        assert box.count(_ZWSP) < 20  # the bound breaks._CHUNK promises, whatever it is set to
        for run in re.findall(r"\S+", box):
            for piece in run.split(_ZWSP):
                assert len(piece) <= breaks.LONG_RUN or len(run) <= breaks.LONG_RUN


def test_running_strings_of_the_pdf_are_short() -> None:
    from briefkit.renderers.pdf.html import document_html

    brief = seed_shaped().model_copy(
        update={"marking": "M" * 5000, "publisher": "P" * 5000, "title": "T " * 3000}
    )
    html = document_html([brief], series=False)
    for name in ("data-marking", "data-running", "data-title"):
        values = re.findall(rf'{name}="([^"]*)"', html)
        assert values
        assert all(len(v) <= 80 for v in values), name


def test_markdown_keeps_no_inline_tokens() -> None:
    """Once the parser has read a document, its block tokens hold no inline tokens: each
    block's were made when it was read and dropped after."""
    from briefkit.parsers.markdown.blocks import top_nodes
    from briefkit.parsers.markdown.inline import Tokens

    doc = Tokens("# T\n\n" + "- *a* [b](c)\n" * 50 + "\nA *closing* paragraph.\n")
    nodes = top_nodes(doc, 0)
    assert [n.kind for n in nodes] == ["heading", "block", "paragraph"]
    inline = [t for t in doc.blocks if t.type == "inline"]
    assert len(inline) == 52
    assert all(not t.children for t in inline)
    assert [t.type for t in doc.children(inline[1])][:3] == ["em_open", "text", "em_close"]


@pytest.mark.parametrize(
    ("text", "line"),
    [("# T\n\n" + "- *a*\n" * 400, 3), ("---\ntitle: T\n---\n\n" + "*a* " * 800, 5)],
)
def test_markdown_is_refused_beyond_its_token_budget(
    monkeypatch: pytest.MonkeyPatch, text: str, line: int
) -> None:
    from briefkit.parsers.markdown import inline

    monkeypatch.setattr(inline, "MAX_TOKENS", 500)
    with pytest.raises(LimitError, match="more than 500 Markdown elements") as info:
        briefkit.parse(text, format="markdown")
    assert info.value.line is not None
    assert info.value.line >= line


def _markdown_tokens(text: str) -> int:
    """Opening and leaf tokens, block and inline, as markdown-it itself makes them."""
    from briefkit.parsers.markdown.inline import markdown

    tokens = markdown().parse(text)
    return sum(t.nesting >= 0 for t in tokens) + sum(
        c.nesting >= 0 for t in tokens for c in t.children or ()
    )


@pytest.mark.parametrize(
    "text",
    [
        "# T\n\n" + "- a\n" * 60,  # block tokens: four per item, one of them inline
        "# T\n\n" + "- a\n\n  > b\n" * 30,  # nested blocks
        "# T\n\n" + "## h\n\n---\n\n" * 30,  # headings and rules
    ],
    ids=["items", "quotes", "headings"],
)
def test_markdown_block_tokens_count_against_the_budget(
    monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    """A document of exactly MAX_TOKENS tokens parses; with one token less it is refused.
    (Block tokens once went uncounted: markdown-it replaced the empty budgeted list.)"""
    from briefkit.parsers.markdown import inline

    made = _markdown_tokens(text)
    monkeypatch.setattr(inline, "MAX_TOKENS", made)
    briefkit.parse(text, format="markdown")
    monkeypatch.setattr(inline, "MAX_TOKENS", made - 1)
    with pytest.raises(LimitError, match=f"more than {made - 1} Markdown elements"):
        briefkit.parse(text, format="markdown")


def test_docx_is_refused_beyond_the_parts_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    from briefkit.parsers.docx import body

    data = briefkit.render_docx(_linked(50))
    monkeypatch.setattr(body, "MAX_NODES", 20)
    with pytest.raises(LimitError, match="more than 20 paragraphs and runs"):
        briefkit.parse(data, format="docx")


def _paragraphs(text: str, n: int) -> str:
    return "Growth of a Brief\n\n" + "".join(f"{text} {k}.\n\n" for k in range(n))


@pytest.mark.parametrize(
    "make",
    [
        lambda n: _paragraphs("Paragraph", n),
        lambda n: "Growth of a Brief\n\n" + "".join(f"- item {k}\n" for k in range(n)),
        lambda n: "Growth of a Brief\n\n" + "".join(f"Heading {k}:\n\n" for k in range(n)),
    ],
    ids=["paragraphs", "items", "headings"],
)
def test_text_is_refused_one_unit_past_its_budget(
    monkeypatch: pytest.MonkeyPatch, make: object
) -> None:
    """Every paragraph, item or heading is two parts of a brief: MAX_UNITS of them parse,
    one more is a LimitError naming its line (counted while the lines are read)."""
    from briefkit.parsers.text import units

    assert callable(make)
    monkeypatch.setattr(units, "MAX_UNITS", 12)
    brief = briefkit.parse(make(12), format="text")
    assert "11" in brief.to_json()
    with pytest.raises(LimitError, match="more than 12 paragraphs, items and headings") as info:
        briefkit.parse(make(13), format="text")
    assert info.value.line is not None
    assert info.value.line >= 13


def test_text_budget_is_max_nodes() -> None:
    from briefkit.limits import MAX_NODES
    from briefkit.parsers.html.dom import Budget
    from briefkit.parsers.text import units

    assert units.MAX_UNITS == MAX_NODES // 2
    assert Budget().limit == Budget().left == MAX_NODES


def _page(body: str) -> str:
    return f"<html><body><article><h1>Growth</h1>{body}</article></body></html>"


def _own(n: int) -> str:
    from briefkit import Item, ItemList, Strong

    items = tuple(
        Item(lead=f"Lead {k}", body=(Text(text="body "), Strong(children=(Text(text="b"),))))
        for k in range(n)
    )
    return briefkit.render_html(
        Brief(title="Growth", sections=(Section(blocks=(ItemList(items=items),)),))
    )


# (page of n units, the parts it is read into, what the n-th unit leaves in the brief)
HTML_BUDGETS = {
    "paragraphs": (lambda n: _page("<p>a</p>" * n), lambda n: 2 * n),
    "indented": (lambda n: _page("\n  <p>a</p>" * n + "\n"), lambda n: 2 * n),  # spaces free
    "indented list": (
        lambda n: _page("<ul>\n" + "  <li>a</li>\n  <!-- x -->\n" * n + "</ul>"),
        lambda n: 1 + 2 * n,
    ),
    "items": (lambda n: _page("<ul>" + "<li><b>a</b> b</li>" * n + "</ul>"), lambda n: 1 + 4 * n),
    "links": (
        lambda n: _page("<p>" + "".join(f'<a href="/{k}">l</a> ' for k in range(n)) + "</p>"),
        lambda n: 1 + 3 * n,
    ),
    "loose text": (lambda n: _page("<div>" + "a<hr>" * n + "</div>"), lambda n: 2 * n),
    "own page": (_own, lambda n: 2 + 4 * n),
}


@pytest.mark.parametrize("name", HTML_BUDGETS)
def test_html_is_refused_one_part_past_its_budget(
    monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    """A page read into exactly MAX_NODES parts parses whole; with one part less to spend
    it is a LimitError naming the element being read and its line."""
    from briefkit.parsers.html import dom

    make, parts = HTML_BUDGETS[name]
    monkeypatch.setattr(dom, "MAX_NODES", parts(15))
    brief = briefkit.parse(make(15), format="html")
    counts = [len(getattr(b, "items", ())) or 1 for s in brief.sections for b in s.blocks]
    assert sum(counts) == 15 or name == "links"
    if name == "links":
        assert brief.to_json().count('"href"') == 15
    monkeypatch.setattr(dom, "MAX_NODES", parts(15) - 1)
    with pytest.raises(LimitError, match=f"more than {parts(15) - 1} parts of a brief") as info:
        briefkit.parse(make(15), format="html")
    assert info.value.element is not None
    assert info.value.element.startswith("/html/body/")
    assert info.value.line is not None


def test_pdf_page_references_are_built_once_per_page_added() -> None:
    """WeasyPrint reads pydyf's ``page_references`` once per tagged element and link; pydyf
    rebuilt the tuple of every page on each read (quadratic in pages). After briefkit has
    loaded WeasyPrint, reading it again without a new page returns the same tuple."""
    import pydyf

    from briefkit.renderers.pdf.engine import weasyprint

    weasyprint()
    pdf = pydyf.PDF()
    for _ in range(3):
        pdf.add_page(pydyf.Dictionary({"Type": "/Page"}))
    first = pdf.page_references
    assert pdf.page_references is first  # not rebuilt
    pdf.add_page(pydyf.Dictionary({"Type": "/Page"}))
    grown = pdf.page_references
    kids = pdf.pages["Kids"]
    assert grown == tuple(f"{n} 0 R".encode("ascii") for n in kids[::3])
    assert len(grown) == 4
    assert grown[:3] == first
    pdf_bytes = briefkit.render_pdf(seed_shaped())
    assert pdf_bytes.startswith(b"%PDF")
