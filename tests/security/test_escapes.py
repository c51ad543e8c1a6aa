"""Classes of input that once made something other than a BriefkitError escape.

Each class is tested as a class, not as the one input that found it: links wrapped across
lines of a navigation tail, dates at the ends of the calendar, links no URL parser accepts,
digits ``int()`` refuses, briefkit's own DOCX hint with other types, build manifests that
cannot be decoded, and reference documents whose parts are damaged. The command line's
last line of defence (exit status 70) is tested here too.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import example, given
from hypothesis import strategies as st

import briefkit
from briefkit import BriefLink, Link, Paragraph, Section, TemplateError, Text
from briefkit.cli import main
from briefkit.linking import chain_from_links
from briefkit.model import plain_text
from briefs import rich_brief, seed_shaped
from security.checks import FORMATS
from security.test_properties import budget, only_briefkit_errors

# --- a link hard-wrapped in the Markdown navigation tail --------------------------------


@pytest.mark.parametrize(
    "tail",
    [
        "Previous: [a long\ntitle](https://example.org/p)",
        "Previous: [a long\\\ntitle](https://example.org/p)",  # a hard break
        "Previous: [a long  \ntitle](https://example.org/p)",  # a hard break by spaces
        "Previous: [a **long\ntitle**](https://example.org/p)",
        "Previous: [a\nlong\ntitle](https://example.org/p)\nNext: [b](https://example.org/n)",
        "---\n\nPrevious: [a long\ntitle](https://example.org/p)",
    ],
)
def test_a_hard_wrapped_link_in_the_navigation_tail_is_one_title(tail: str) -> None:
    brief = briefkit.parse(f"# T\n\nBody text.\n\n{tail}\n", format="markdown")
    assert brief.prev == BriefLink(title="a long title", href="https://example.org/p")


@given(st.lists(st.sampled_from(["word", "\n", "\\\n", "  \n", " ", "**", "*"]), max_size=12))
@budget(60)
def test_any_line_breaks_inside_navigation_links_never_escape(pieces: list[str]) -> None:
    title = "".join(pieces)
    for label in ("Previous", "Next"):
        text = f"# T\n\nBody.\n\n{label}: [{title}](https://example.org/x)\n"
        only_briefkit_errors(lambda text=text: briefkit.parse(text, format="markdown"))


# --- dates at the ends of the calendar --------------------------------------------------


def _zone(hours: int, minutes: int = 0) -> dt.timezone:
    return dt.timezone(dt.timedelta(hours=hours, minutes=minutes))


EXTREME_DATES = [
    dt.datetime(1, 1, 1, 0, 0, tzinfo=_zone(23, 59)),
    dt.datetime(1, 1, 1, 12, 0, tzinfo=_zone(13)),
    dt.datetime(9999, 12, 31, 23, 59, 59, 999999, tzinfo=_zone(-23, -59)),
    dt.datetime(9999, 12, 31, 12, 0, tzinfo=_zone(-13)),
    dt.datetime(1, 1, 1),
    dt.datetime(9999, 12, 31, 23, 59, 59),
    dt.date(1, 1, 1),
    dt.date(9999, 12, 31),
]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("when", EXTREME_DATES, ids=str)
def test_extreme_dates_render_in_every_format(when: dt.date, fmt: str) -> None:
    brief = seed_shaped().model_copy(update={"published": when, "updated": when})
    assert briefkit.render(brief, fmt)


@pytest.mark.parametrize("when", EXTREME_DATES, ids=str)
def test_extreme_dates_order_and_check_a_series(when: dt.date) -> None:
    series = [
        seed_shaped().model_copy(update={"title": f"B{i}", "published": d, "prev": None})
        for i, d in enumerate([when, dt.date(2024, 1, 1), *EXTREME_DATES])
    ]
    linked = briefkit.link_series(series, order="published")
    assert len(linked) == len(series)
    assert isinstance(briefkit.check_links(linked), list)
    assert chain_from_links(linked)


def test_the_instant_of_an_extreme_date_keeps_the_order() -> None:
    from briefkit.syntax.dates import instant

    earliest, latest = EXTREME_DATES[0], EXTREME_DATES[2]
    assert instant(earliest) <= instant(dt.date(1, 1, 1)) < instant(dt.date(2000, 1, 1))
    assert instant(latest) >= instant(dt.datetime(9999, 12, 31, 23, 59))


# --- links no URL parser accepts --------------------------------------------------------

BROKEN_URLS = [
    "http://example.org:99999/next",
    "http://example.org:abc/next",
    "http://example.org:-1/next",
    "http://[::1/next",
    "http://[not-an-ip]/next",
    "https://[::1]:70000/",
    "//example.org:99999/next",
    "//[::1/next",
]


@pytest.mark.parametrize("broken", BROKEN_URLS)
def test_broken_urls_in_a_series_are_reported_not_raised(broken: str) -> None:
    one = seed_shaped().model_copy(
        update={"title": "One", "url": broken, "prev": None, "next": BriefLink(href=broken)}
    )
    two = seed_shaped().model_copy(
        update={"title": "Two", "url": "https://example.org/two", "prev": BriefLink(href=broken)}
    )
    assert isinstance(briefkit.check_links([one, two]), list)
    assert chain_from_links([one, two])
    assert len(briefkit.link_series([one, two], order="given")) == 2


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("broken", BROKEN_URLS)
def test_broken_urls_render_in_every_format(broken: str, fmt: str) -> None:
    link = Link(href="/relative/path", children=(Text(text="relative"),))
    wild = Link(href=broken, children=(Text(text="broken"),))
    section = Section(blocks=(Paragraph(content=(link, Text(text=" "), wild)),))
    brief = seed_shaped().model_copy(
        update={"url": broken, "sections": (section,), "next": BriefLink(href=broken)}
    )
    assert briefkit.render(brief, fmt)


def test_broken_urls_in_a_folder_do_not_stop_check_or_build(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, nxt in (("a", "http://example.org:99999/b"), ("b", "http://[::1/c")):
        brief = seed_shaped().model_copy(
            update={
                "title": name,
                "url": f"https://example.org/{name}",
                "next": BriefLink(href=nxt),
            }
        )
        (folder / f"{name}.json").write_text(brief.to_json(), encoding="utf-8")
    checked = CliRunner().invoke(main, ["check", str(folder)])
    assert checked.exit_code in (0, 1), checked.output
    assert "internal error" not in checked.output
    built = CliRunner().invoke(
        main, ["build", str(folder), "-o", str(tmp_path / "out"), "--formats", "html", "-j", "1"]
    )
    assert built.exit_code == 0, built.output


def _page(body: str, head: str = "") -> str:
    return (
        f"<html><head><title>Broken Links</title>{head}</head><body><article>"
        f"<h1>Broken Links</h1>{body}</article></body></html>"
    )


def _hrefs(brief: briefkit.Brief) -> dict[str, str]:
    """Link text -> href, for every link of the brief."""
    found: dict[str, str] = {}
    pending: list[object] = [b for s in brief.sections for b in s.blocks]
    while pending:
        node = pending.pop()
        if isinstance(node, Link):
            found[plain_text((node,))] = node.href
        for name in ("content", "children", "items", "body"):
            pending.extend(getattr(node, name, ()))
    return found


@pytest.mark.parametrize("broken", BROKEN_URLS)
def test_broken_urls_in_an_html_page_are_kept_or_dropped_never_raised(broken: str) -> None:
    """Every place an HTML page holds a URL (links, canonical, og:url, JSON-LD, rel=next),
    holding a URL no parser accepts: the page parses, the link text stays, and it renders."""
    ld = json.dumps({"@type": "NewsArticle", "url": broken, "mainEntityOfPage": broken})
    head = (
        f'<link rel="canonical" href="{broken}"><meta property="og:url" content="{broken}">'
        f'<script type="application/ld+json">{ld}</script><link rel="next" href="{broken}">'
    )
    body = (
        f'<p>A <a href="{broken}">wild link</a> and a <a href="/local/page">local one</a>.</p>'
        f'<p><a rel="prev" href="{broken}">Previous</a></p>'
    )
    for base in (None, "https://example.org/posts/one", broken):
        brief = briefkit.parse(_page(body, head), format="html", base_url=base)
        text = plain_text(brief.sections[0].blocks[0].content)  # type: ignore[union-attr]
        assert "wild link" in text
        assert "local one" in text
        for fmt in FORMATS:
            assert briefkit.render(brief, fmt)


@pytest.mark.parametrize("broken", BROKEN_URLS)
def test_a_broken_base_is_no_base(broken: str) -> None:
    """A base no parser accepts (given, or the page's canonical URL) resolves nothing and
    loses nothing: relative links stay as written (they once lost their targets, or were
    resolved against a host with an impossible port)."""
    page = _page('<p>See <a href="/local/page">the local page</a>.</p>')
    assert _hrefs(briefkit.parse(page, format="html", base_url=broken)) == {
        "the local page": "/local/page"
    }
    canonical = _page(
        '<p>See <a href="/local/page">the local page</a>.</p>',
        f'<link rel="canonical" href="{broken}">',
    )
    assert _hrefs(briefkit.parse(canonical, format="html")) == {"the local page": "/local/page"}


@pytest.mark.parametrize("broken", BROKEN_URLS)
def test_a_link_that_cannot_be_resolved_keeps_its_text_only(broken: str) -> None:
    page = _page(f'<p>A <a href="{broken}">wild link</a> and <a href="b">a fine one</a>.</p>')
    brief = briefkit.parse(page, format="html", base_url="https://example.org/posts/one")
    assert _hrefs(brief) == {"a fine one": "https://example.org/posts/b"}
    assert "wild link" in plain_text(brief.sections[0].blocks[0].content)  # type: ignore[union-attr]


def test_slug_of_a_broken_canonical_url_is_none() -> None:
    from briefkit.parsers.html.meta import _slug

    assert _slug("https://example.org/posts/port-strike.html") == "port-strike"
    for broken in BROKEN_URLS:
        assert _slug(broken) is None


# --- digits int() refuses, in a DOCX ------------------------------------------------------


def _docx_with(document: str) -> bytes:
    """briefkit's DOCX of a brief with its body part replaced by ``document``."""
    data = briefkit.render_docx(seed_shaped())
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as copy:
        for info in source.infolist():
            blob = source.read(info)
            copy.writestr(info, document.encode() if info.filename == "word/document.xml" else blob)
    return out.getvalue()


_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


@pytest.mark.parametrize(
    ("value", "heading"),
    [("0", True), ("8", True), ("9", False), ("²", False), ("٣", False), ("-1", False),
     ("1.5", False), ("", False), (" 1", False), ("9" * 40, False), ("\u2460", False)],
)  # fmt: skip
def test_outline_levels_are_read_only_when_they_are_levels(value: str, heading: bool) -> None:
    document = (
        f"<w:document {_W}><w:body>"
        "<w:p><w:pPr><w:pStyle w:val='Title'/></w:pPr><w:r><w:t>The Title</w:t></w:r></w:p>"
        f"<w:p><w:pPr><w:outlineLvl w:val='{value}'/></w:pPr><w:r><w:t>Overview</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>Body text.</w:t></w:r></w:p></w:body></w:document>"
    )
    brief = briefkit.parse(_docx_with(document), format="docx")
    assert brief.title == "The Title"
    assert any(s.heading == "Overview" for s in brief.sections) is heading
    assert "Body text." in brief.to_json()


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=3), inner),
    max_leaves=12,
)


@given(shapes=_JSON, titled=_JSON)
@example(shapes={}, titled=[["unhashable"]])  # the red team's: set() of lists
@example(shapes={}, titled=[{"a": 1}, "x"])
@example(shapes={"0": [[1]], "1": {"x": [None]}}, titled=None)
@budget(80)
def test_a_docx_hint_of_any_shape_never_escapes(shapes: object, titled: object) -> None:
    brief = rich_brief()
    data = briefkit.render_docx(brief)
    hint = json.dumps({"shapes": shapes, "titled": titled})
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as copy:
        for info in source.infolist():
            blob = source.read(info)
            if b"urn:x-briefkit:docx-hint" in blob:
                blob = re.sub(rb"(<hint[^>]*>)[^<]*", lambda m: m.group(1) + hint.encode(), blob)
            copy.writestr(info, blob)
    parsed = only_briefkit_errors(lambda: briefkit.parse(out.getvalue(), format="docx"))
    assert parsed is not None
    assert parsed.title == brief.title


# --- a build manifest that cannot be decoded ---------------------------------------------


@pytest.mark.parametrize(
    "manifest",
    ["[" * 100_000 + "]" * 100_000, '{"outputs": ' * 50_000, '{"briefkit": []}', "[]", "\xff"],
    ids=["deep-array", "deep-object", "wrong-shape", "list", "not-utf8"],
)
def test_a_manifest_that_cannot_be_read_means_rebuild(tmp_path: Path, manifest: str) -> None:
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    out.mkdir()
    (folder / "a.json").write_text(seed_shaped().to_json(), encoding="utf-8")
    (out / briefkit.build.MANIFEST).write_text(manifest, encoding="utf-8", errors="surrogateescape")
    result = briefkit.build_bundle(folder, out, formats=("html",), jobs=1)
    assert result.ok, result.failures
    assert result.written


# --- reference documents with damaged parts ----------------------------------------------


def _template(replace: dict[str, bytes | None]) -> bytes:
    """briefkit's own DOCX as a reference document, with parts replaced (None: removed)."""
    data = briefkit.render_docx(rich_brief())
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as copy:
        for info in source.infolist():
            blob = replace.get(info.filename, source.read(info))
            if blob is not None:
                copy.writestr(info, blob)
    return out.getvalue()


def test_a_reference_document_with_malformed_custom_properties_is_a_template_error() -> None:
    template = _template({"docProps/custom.xml": b"<Properties><broken"})
    with pytest.raises(TemplateError, match=r"custom\.xml"):
        briefkit.render(seed_shaped(), "docx", template=template)


@pytest.mark.parametrize(
    ("part", "find", "put"),
    [
        ("word/numbering.xml", b'w:abstractNumId="0"', b'w:abstractNumId="x"'),
        ("word/numbering.xml", b'w:numId="1"', b'w:numId="\xc2\xb2"'),
        ("docProps/custom.xml", b'pid="2"', b'pid="two"'),
    ],
)
def test_a_reference_document_with_ids_that_are_not_numbers_still_works(
    part: str, find: bytes, put: bytes
) -> None:
    original = zipfile.ZipFile(io.BytesIO(_template({}))).read(part)
    assert find in original
    template = _template({part: original.replace(find, put, 1)})
    assert briefkit.parse(briefkit.render_docx(seed_shaped(), template=template)) == seed_shaped()


def test_a_reference_documents_numbering_declared_as_another_kind_is_a_template_error() -> None:
    types = zipfile.ZipFile(io.BytesIO(_template({}))).read("[Content_Types].xml")
    assert b"numbering+xml" in types
    template = _template({"[Content_Types].xml": types.replace(b"numbering+xml", b"numbers+xml")})
    with pytest.raises(TemplateError, match=r"numbering"):
        briefkit.render(seed_shaped(), "docx", template=template)


_PARTS = [
    "word/styles.xml", "word/numbering.xml", "word/settings.xml", "word/header1.xml",
    "word/footer1.xml", "word/_rels/document.xml.rels", "docProps/custom.xml",
    "docProps/core.xml", "[Content_Types].xml", "_rels/.rels",
]  # fmt: skip


@given(
    part=st.sampled_from(_PARTS),
    cut=st.integers(min_value=0, max_value=4000),
    junk=st.binary(max_size=40) | st.sampled_from([b"<", b"&#0;", b'"', b"<w:x>", b"]]>"]),
)
@example(part="docProps/core.xml", cut=90, junk=b"'")  # the core's namespace broken
@example(part="[Content_Types].xml", cut=430, junk=b"\t")  # the core's content type broken
@example(part="word/_rels/document.xml.rels", cut=802, junk=b"-")  # numbering's link broken
@budget(40)
def test_a_damaged_reference_document_is_a_template_error_or_works(
    part: str, cut: int, junk: bytes
) -> None:
    original = zipfile.ZipFile(io.BytesIO(_template({}))).namelist()
    if part not in original:
        part = "word/styles.xml"
    blob = zipfile.ZipFile(io.BytesIO(_template({}))).read(part)
    cut = min(cut, len(blob))
    template = _template({part: blob[:cut] + junk + blob[cut:]})
    from briefkit.renderers.docx import base

    base.base.cache_clear()
    try:
        data = briefkit.render(seed_shaped(), "docx", template=template)
    except TemplateError:
        return
    assert zipfile.ZipFile(io.BytesIO(data)).testzip() is None


# --- the command line's last line of defence ------------------------------------------------


def _boom(*args: object, **kwargs: object) -> None:
    raise ValueError("a bug planted by the test")


def test_an_unexpected_exception_is_one_line_and_status_70(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    source = tmp_path / "brief.json"
    source.write_text(seed_shaped().to_json(), encoding="utf-8")
    from briefkit import registry

    monkeypatch.setitem(registry.get_parser("json")._cache, "f", _boom)
    result = CliRunner().invoke(main, ["convert", str(source), "-t", "text"])
    assert result.exit_code == 70, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    assert "internal error" in lines[0]
    assert "a bug planted by the test" in lines[0]
    assert "report" in lines[0]
    assert "Traceback" not in result.stderr
    verbose = CliRunner().invoke(main, ["-v", "convert", str(source), "-t", "text"])
    assert verbose.exit_code == 70
    assert "Traceback (most recent call last)" in verbose.stderr
    assert verbose.stderr.strip().splitlines()[-1].startswith("briefkit: error: internal error")
