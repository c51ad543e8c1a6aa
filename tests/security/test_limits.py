"""Limits: size and depth caps with safe defaults, huge and deep input handled quickly.

Beyond a limit the answer is a LimitError (a ParseError) that says which limit; never a
RecursionError, MemoryError or a crash. Deep inputs run in a memory-capped subprocess so a
stack overflow in C code fails the test instead of killing the test run.
"""

from __future__ import annotations

import warnings
import zipfile
from pathlib import Path

import pytest

import briefkit
from briefkit import Brief, BriefkitError, Emphasis, LimitError, Paragraph, Section, Strong, Text
from briefkit.model import Inline
from security.checks import FORMATS, normalize, problems, visible_text
from security.corpus import parse_or_skip, render_or_skip, run_isolated

SMALL = {
    "text": "Port Strike Ends\n\nAnalytic Judgement:\n\nShips kept01 are moving again.\n",
    "html": "<!DOCTYPE html><html><body><article><h1>Port Strike Ends</h1>"
    "<h2>Analytic Judgement</h2><p>Ships kept01 are moving again.</p></article></body></html>",
    "markdown": "# Port Strike Ends\n\n## Analytic Judgement\n\nShips kept01 are moving again.\n",
    "json": '{"title": "Port Strike Ends", "summary": "Ships kept01 are moving again."}',
}
EXT = {"text": ".txt", "html": ".html", "markdown": ".md", "json": ".json"}


# --- size -------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", SMALL)
@pytest.mark.parametrize("kind", ["str", "bytes", "path"])
def test_max_bytes_applies_to_every_source_and_format(kind: str, fmt: str, tmp_path: Path) -> None:
    content = SMALL[fmt]
    source: str | bytes | Path = content
    if kind == "bytes":
        source = content.encode()
    elif kind == "path":
        source = tmp_path / f"brief{EXT[fmt]}"
        source.write_text(content, encoding="utf-8")
    assert isinstance(parse_or_skip(source, max_bytes=len(content.encode())), Brief)
    with pytest.raises(LimitError, match=r"max_bytes=20\b") as info:
        parse_or_skip(source, max_bytes=20)
    assert isinstance(info.value, briefkit.ParseError)


def test_default_size_limit_is_finite_and_generous() -> None:
    from briefkit.limits import MAX_BYTES
    from briefkit.parsers import DEFAULT_MAX_BYTES

    assert DEFAULT_MAX_BYTES == MAX_BYTES
    assert 1024 * 1024 <= MAX_BYTES <= 256 * 1024 * 1024


def _zip_bomb(path: Path, size: int) -> Path:
    """A DOCX whose document part inflates to ``size`` bytes of spaces (about 1000:1)."""
    head = (
        b'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w='
        b'"http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>'
    )
    tail = b"</w:t></w:r></w:p></w:body></w:document>"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        archive.writestr(
            "_rels/.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        )
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(head)
            chunk = b" " * (1 << 20)
            for _ in range(size >> 20):
                part.write(chunk)
            part.write(tail)
    return path


def test_docx_zip_bomb_is_refused(tmp_path: Path) -> None:
    """A 1 MB DOCX that inflates to 1 GiB: refused from its declared sizes, not inflated."""
    bomb = _zip_bomb(tmp_path / "bomb.docx", 1 << 30)
    assert bomb.stat().st_size < briefkit.parsers.DEFAULT_MAX_BYTES
    result = run_isolated(bomb, tmp_path / "out", ())
    if result["error"] == "NotImplementedError":
        pytest.skip("the DOCX parser is not written yet")
    assert result["error"], "a 1 GiB document part was accepted"
    assert result["error"].startswith("BriefkitError"), result


# --- depth ------------------------------------------------------------------------------

_PAGE = (
    "<!DOCTYPE html><html><head><title>Deep</title></head><body><article>"
    "<h1>A Deeply Nested Page</h1><h2>Analytic Judgement</h2><p>Before the pit kept01.</p>"
    "{middle}<p>After the pit kept02.</p></article></body></html>"
)
N = 100_000
DEEP = {
    "div.html": _PAGE.format(middle="<div>" * N + "<p>Bottom kept03.</p>" + "</div>" * N),
    "blockquote.html": _PAGE.format(
        middle="<blockquote>" * N + "<p>Bottom kept03.</p>" + "</blockquote>" * N
    ),
    "inline.html": _PAGE.format(
        middle="<p>Start "
        + "<em><strong>" * (N // 2)
        + "bottom kept03"
        + "</strong></em>" * (N // 2)
        + " end.</p>"
    ),
    "unclosed.html": _PAGE.format(middle="<div><span><b>" * (N // 3) + "bottom kept03"),
    "lists.html": _PAGE.format(middle="<ol><li>Item " * N + "bottom kept03" + "</li></ol>" * N),
    "quotes.md": "# A Deeply Nested Page\n\n## Analytic Judgement\n\nBefore kept01.\n\n"
    + "> " * N
    + "bottom kept03\n\nAfter kept02.\n",
    "lists.md": "# A Deeply Nested Page\n\n## Analytic Judgement\n\nBefore kept01.\n\n"
    + "".join("  " * i + "- item\n" for i in range(3000))
    + "\nAfter kept02.\n",
    "brackets.md": "# A Deeply Nested Page\n\n## Analytic Judgement\n\nBefore kept01 "
    + "[" * N
    + "x"
    + "]" * N
    + " kept02.\n",
    "emphasis.md": "# A Deeply Nested Page\n\n## Analytic Judgement\n\nBefore kept01 "
    + "*" * N
    + "x"
    + "*" * N
    + " kept02.\n",
    "arrays.json": '{"title": "Deep", "sections": ' + "[" * N + "]" * N + "}",
    "objects.json": '{"title": "Deep", "tags": ' + '{"a": ' * N + "1" + "}" * N + "}",
}


@pytest.mark.parametrize("name", DEEP)
def test_deep_nesting(name: str, tmp_path: Path) -> None:
    """100,000 levels: a Brief that keeps the text around the pit, or a LimitError."""
    path = tmp_path / name
    path.write_text(DEEP[name], encoding="utf-8")
    # PDF is left to test_long_unbroken_word_pdf: WeasyPrint lays out a 200,000-character
    # run (what brackets.md leaves) in minutes, not seconds.
    result = run_isolated(path, tmp_path / "out", tuple(f for f in FORMATS if f != "pdf"))
    error = result["error"] or ""
    if error == "NotImplementedError":
        pytest.skip(f"the parser for {name} is not written yet")
    assert not error.startswith("ESCAPED"), error
    if not result["parsed"]:
        assert "nest" in error.lower() or "depth" in error.lower() or name.endswith(".json"), error
        return
    failed = {f: r for f, r in result["renders"].items() if r not in ("ok", "NotImplementedError")}
    assert failed == {}, "a parsed brief must render in every format"
    dump = normalize((tmp_path / "out" / "brief.json").read_text())
    assert "kept01" in dump
    assert "kept02" in dump


def _nested(depth: int) -> Inline:
    node: Inline = Text(text="bottom kept03")
    for level in range(depth):
        node = (Strong if level % 2 else Emphasis)(children=(node,))
    return node


@pytest.mark.parametrize("depth", [60, 1_000, 10_000])
def test_deeply_formatted_model_renders_everywhere(depth: int) -> None:
    """A model the constructors accept must render in every format, or be refused upfront."""
    try:
        content = (Text(text="start kept01 "), _nested(depth))
        brief = Brief(
            title="Deep Formatting",
            sections=(Section(heading="Analytic Judgement", blocks=(Paragraph(content=content),)),),
        )
    except ValueError:  # the model refuses such depth: acceptable
        return
    failures = {}
    for fmt in FORMATS:
        try:
            output = render_or_skip(brief, fmt)
        except BriefkitError:
            continue
        except Exception as exc:
            failures[fmt] = f"{type(exc).__name__}: {str(exc)[:120]}"
            continue
        assert problems(fmt, output) == []
        # HTML parsers stop at some depth (libxml2: 2048), so look at the text as written.
        shown = output if isinstance(output, str) else visible_text(fmt, output)
        assert "kept03" in shown
    assert failures == {}


@pytest.mark.parametrize("depth", [150, 250])
def test_deep_formatting_in_html_gives_a_usable_brief(depth: int) -> None:
    """Nesting the HTML parser accepts must give a brief that serialises and renders."""
    html = _PAGE.format(
        middle="<p>Start " + "<em>" * depth + "bottom kept03" + "</em>" * depth + " end.</p>"
    )
    try:
        brief = parse_or_skip(html)
    except LimitError:
        return
    assert "kept03" in brief.to_json()
    assert Brief.from_json(brief.to_json()) == brief
    for fmt in FORMATS:
        render_or_skip(brief, fmt)


# --- many items -------------------------------------------------------------------------

ITEMS = 20_000


def _many(fmt: str) -> str:
    if fmt == "text":
        items = "".join(f"  {i}. Lead {i}: Body of item {i}.\n" for i in range(1, ITEMS + 1))
        return (
            "Twenty Thousand Items\n\nAnalytic Judgement:\n\nA long list follows kept01.\n\n"
            f"Supporting Evidence:\n\n{items}\nImplications:\nThe end kept02.\n"
        )
    if fmt == "markdown":
        items = "".join(f"{i}. **Lead {i}:** Body of item {i}.\n" for i in range(1, ITEMS + 1))
        return (
            "# Twenty Thousand Items\n\n## Analytic Judgement\n\nA long list follows kept01.\n\n"
            f"## Supporting Evidence\n\n{items}\n## Implications\n\nThe end kept02.\n"
        )
    items = "".join(
        f"<li><strong>Lead {i}:</strong> Body of item {i}.</li>" for i in range(1, ITEMS + 1)
    )
    return _PAGE.format(middle=f"<h2>Supporting Evidence</h2><ol>{items}</ol>").replace(
        "After the pit kept02", "The end kept02"
    )


@pytest.fixture(scope="module")
def many() -> dict[str, Brief]:
    briefs = {}
    for fmt in ("text", "html", "markdown"):
        try:
            briefs[fmt] = briefkit.parse(_many(fmt), format=fmt)
        except NotImplementedError:
            continue
    return briefs


@pytest.mark.parametrize("source", ["text", "html", "markdown"])
def test_twenty_thousand_items_parse(source: str, many: dict[str, Brief]) -> None:
    if source not in many:
        pytest.skip(f"the {source} parser is not written yet")
    evidence = many[source].evidence
    assert len(evidence) == ITEMS
    assert (evidence[0].lead, evidence[0].text) == ("Lead 1", "Body of item 1.")
    assert (evidence[-1].lead, evidence[-1].text) == (f"Lead {ITEMS}", f"Body of item {ITEMS}.")


@pytest.mark.parametrize("fmt", [f for f in FORMATS if f != "pdf"])
@pytest.mark.parametrize("source", ["text", "html"])
def test_twenty_thousand_items_render(source: str, fmt: str, many: dict[str, Brief]) -> None:
    if source not in many:
        pytest.skip(f"the {source} parser is not written yet")
    output = render_or_skip(many[source], fmt)
    shown = visible_text(fmt, output)
    assert f"Body of item {ITEMS}." in shown
    assert "The end kept02." in shown


@pytest.mark.nightly
def test_twenty_thousand_items_pdf(many: dict[str, Brief]) -> None:
    if "html" not in many:
        pytest.skip("the HTML parser is not written yet")
    output = render_or_skip(many["html"], "pdf")
    assert isinstance(output, bytes)
    assert f"Body of item {ITEMS}." in normalize(visible_text("pdf", output))


@pytest.mark.nightly
def test_long_unbroken_word_pdf(tmp_path: Path) -> None:
    """A 200,000-character word: the PDF must come out (layout is quadratic in its length)."""
    path = tmp_path / "word.txt"
    path.write_text(_HEAD + "Before kept03 " + "x" * 200_000 + " after." + _TAIL, encoding="utf-8")
    result = run_isolated(path, tmp_path / "out", ("pdf",))
    assert result["renders"] == {"pdf": "ok"}


# --- pathological text ------------------------------------------------------------------

_HEAD = "Pathological Input Brief\n\nAnalytic Judgement:\n\nOpening kept01.\n\n"
_TAIL = "\n\nImplications:\nClosing kept02.\n"
PATHOLOGICAL = {
    "colons": "1. Lead" + ":" * 200_000 + " body",
    "one-long-word": "a" * 2_000_000,
    "spaces": " " * 2_000_000 + "x",
    "nav-labels": "Previous\n" * 100_000,
    "headings": "Analysis:\n" * 50_000,
    "empty-items": "1.\n" * 100_000,
    "bullets": "• - * " * 100_000,
    "url": "https://" + "a." * 200_000,
    "long-lead": "1. " + "Word " * 200_000 + ": x",
    "blank-lines": "\n" * 2_000_000,
    "carriage-returns": "\r" * 1_000_000,
}


@pytest.mark.parametrize("name", PATHOLOGICAL)
def test_pathological_text(name: str, tmp_path: Path) -> None:
    """Inputs that make backtracking regexes explode; guarded against hangs."""
    path = tmp_path / f"{name}.txt"
    path.write_text(_HEAD + PATHOLOGICAL[name] + _TAIL, encoding="utf-8", newline="")
    result = run_isolated(path, tmp_path / "out", ("html", "text", "json", "markdown"))
    assert not (result["error"] or "").startswith("ESCAPED"), result["error"]
    if result["parsed"]:
        assert {f: r for f, r in result["renders"].items() if r != "ok"} == {}
        dump = (tmp_path / "out" / "brief.json").read_text()
        assert "kept01" in dump
        assert "kept02" in dump


def test_huge_html_attribute_and_comment() -> None:
    """Megabyte attributes, comments and entities in an ordinary page."""
    html = _PAGE.format(
        middle='<p title="'
        + "x" * 3_000_000
        + '">Wide kept03.</p><!--'
        + "-" * 3_000_000
        + "-->"
        + "<p>"
        + "&amp;" * 300_000
        + "</p>"
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            brief = parse_or_skip(html)
        except LimitError:
            return
    assert "kept03" in brief.to_json()
    assert "kept02" in brief.to_json()


def test_documented_limits_are_the_ones_enforced(tmp_path: Path) -> None:
    """``briefkit.limits`` (and docs/security.md) name the numbers the parsers use."""
    from briefkit import limits
    from briefkit.parsers import text

    assert text.MAX_CHARS == limits.MAX_BYTES
    crowded = tmp_path / "crowded.docx"
    with zipfile.ZipFile(crowded, "w") as archive:
        for index in range(limits.MAX_DOCX_ENTRIES + 1):
            archive.writestr(f"word/media/{index}.txt", "")
        archive.writestr("word/document.xml", "<w:document/>")
    with pytest.raises(LimitError, match=str(limits.MAX_DOCX_ENTRIES)):
        parse_or_skip(crowded)
