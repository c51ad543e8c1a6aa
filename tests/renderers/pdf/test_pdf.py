"""PDF renderer: read the PDFs back with pypdf and poppler's pdftotext.

Every normal render runs with the ``weasyprint`` logger captured and fails on any warning.
The sandbox (no fetch, no embedded file) is tested in ``test_sandbox.py``.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import re
import shutil
import subprocess
import sys
import unicodedata
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pypdf
import pytest
from hypothesis import HealthCheck, given, settings
from PIL import Image

import briefkit
from briefkit import (
    Brief,
    BriefLink,
    Link,
    Paragraph,
    RenderError,
    Section,
    SectionKind,
    Text,
)
from briefkit.model import ItemList
from briefkit.renderers.pdf.breaks import with_breaks
from briefkit.renderers.pdf.head import w3c_date
from briefkit.renderers.pdf.html import (
    document_html,
    link_within,
    running_title,
    series_marking,
)
from briefs import (
    ALL,
    bullets_brief,
    item,
    long_brief,
    para,
    rich_brief,
    seed_shaped,
    with_metadata,
)
from strategies import briefs

FIXTURES = Path(__file__).parents[2] / "fixtures" / "pdf"
needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None,
    reason="poppler-utils (pdftotext, pdftoppm) is not installed",
)


# --- helpers ------------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def no_weasyprint_warnings(caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    """Fail any test here whose render made WeasyPrint warn (bad CSS, failed load, ...)."""
    caplog.set_level(logging.WARNING, logger="weasyprint")
    yield
    noisy = [
        r.getMessage()
        for r in caplog.records
        if r.name.startswith("weasyprint") and r.levelno >= logging.WARNING
    ]
    assert noisy == []


def pages_text(pdf: bytes) -> list[str]:
    """The text of every page, as poppler's pdftotext reads it."""
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode("utf-8")
    pages = out.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def squash(text: str) -> str:
    """Text without whitespace or hyphens: line breaks and hyphenation do not matter."""
    return re.sub(r"[\s\-\u2010\u00ad]+", "", text)


def reader(pdf: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(pdf))


def outline(pdf: bytes) -> list[Any]:
    """The outline as nested ``(title, page_index, children)`` tuples."""
    doc = reader(pdf)

    def walk(entries: list[Any]) -> list[Any]:
        out: list[Any] = []
        for entry in entries:
            if isinstance(entry, list):
                title, page, _ = out[-1]
                out[-1] = (title, page, walk(entry))
            else:
                out.append((entry.title, doc.get_destination_page_number(entry), []))
        return out

    return walk(doc.outline)


def links(pdf: bytes) -> list[tuple[int, str, str]]:
    """Every link annotation as ``(page_index, kind, target)``: ``uri``/``dest``."""
    out = []
    for index, page in enumerate(reader(pdf).pages):
        for ref in page.get("/Annots", []):
            annot = ref.get_object()
            if annot.get("/Subtype") != "/Link":
                continue
            action = annot.get("/A")
            if action is not None and action.get("/S") == "/URI":
                out.append((index, "uri", str(action["/URI"])))
            elif action is not None and action.get("/S") == "/GoTo":
                out.append((index, "dest", str(action["/D"])))
            elif annot.get("/Dest") is not None:
                out.append((index, "dest", str(annot["/Dest"])))
    return sorted(set(out))


def expected_lines(brief: Brief) -> list[str]:
    """The brief's text in reading order: title, headings, paragraphs, items."""
    lines = [brief.title]
    for section in brief.sections:
        if section.heading:
            lines.append(section.heading)
        for block in section.blocks:
            if isinstance(block, ItemList):
                lines.extend(f"{i.lead}: {i.text}" if i.lead else i.text for i in block.items)
            else:
                lines.append(block.text)
    return [line for line in lines if line]


def start_page(pages: list[str], title: str) -> int:
    """The index of the page a brief starts on (after the contents page): its title among
    the page's first lines."""
    for index, text in enumerate(pages[1:], start=1):
        top = squash("".join([x for x in text.splitlines() if x.strip()][:5]))
        if squash(title)[:40] in top:
            return index
    raise AssertionError(f"no page starts with {title!r}")


def assert_in_order(haystack: str, needles: list[str]) -> None:
    text, position = squash(haystack), 0
    for needle in needles:
        found = text.find(squash(needle), position)
        assert found >= 0, f"missing or out of order: {needle!r}"
        position = found + len(squash(needle))


def rgb_pixels(pdf: bytes, page: int, box: tuple[float, float, float, float]) -> set[Any]:
    """Colours in a region (fractions of the page: left, top, right, bottom) at 100 dpi."""
    png = subprocess.run(
        ["pdftoppm", "-png", "-r", "100", "-f", str(page), "-l", str(page), "-"],
        input=pdf,
        capture_output=True,
        check=True,
    ).stdout
    image = Image.open(io.BytesIO(png)).convert("RGB")
    w, h = image.size
    region = image.crop((int(box[0] * w), int(box[1] * h), int(box[2] * w), int(box[3] * h)))
    return {color for _, color in region.getcolors(maxcolors=1 << 16) or []}


def near(colors: set[Any], target: tuple[int, int, int], tolerance: int = 24) -> bool:
    return any(
        all(abs(c - t) <= tolerance for c, t in zip(color, target, strict=True)) for color in colors
    )


# --- content -------------------------------------------------------------------------------


@needs_poppler
@pytest.mark.parametrize("name", sorted(ALL))
def test_every_sample_brief_has_all_its_text_in_order(name: str) -> None:
    brief = ALL[name]()
    pdf = briefkit.render_pdf(brief)
    assert pdf.startswith(b"%PDF-")
    assert_in_order("\n".join(pages_text(pdf)), expected_lines(brief))


@needs_poppler
@pytest.mark.parametrize(
    "builder", [seed_shaped, with_metadata, long_brief, lambda: long_brief(90)]
)
def test_every_page_says_page_x_of_y(builder: Any) -> None:
    pages = pages_text(briefkit.render_pdf(builder()))
    assert pages
    for number, text in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in text


@needs_poppler
def test_long_brief_spans_pages_and_keeps_items_whole() -> None:
    brief = long_brief(40)
    pages = pages_text(briefkit.render_pdf(brief))
    assert len(pages) >= 2
    for evidence in brief.evidence:
        # Each item (lead-in and body) sits on one page: the lead is never split from it.
        line = squash(f"{evidence.lead}: {evidence.text}")
        assert sum(line in squash(p) for p in pages) == 1, evidence.lead


@needs_poppler
def test_marking_and_running_header_on_every_page() -> None:
    brief = long_brief(60).model_copy(
        update={"marking": "TLP:AMBER", "publisher": "Harbourline Analysis"}
    )
    pages = pages_text(briefkit.render_pdf(brief))
    assert len(pages) >= 2
    for text in pages:
        assert "TLP:AMBER" in text
        assert "Harbourline Analysis" in text
        assert squash(brief.title) in squash(text)  # running footer


@needs_poppler
@pytest.mark.parametrize(
    ("marking", "colour"),
    [
        ("TLP:RED", (0xFF, 0x2B, 0x2B)),
        ("TLP:AMBER", (0xFF, 0xC0, 0x00)),
        ("TLP:AMBER+STRICT", (0xFF, 0xC0, 0x00)),
        ("TLP:GREEN", (0x33, 0xFF, 0x00)),
    ],
)
def test_tlp_marking_in_its_standard_colour_on_black_on_every_page(
    marking: str, colour: tuple[int, int, int]
) -> None:
    pdf = briefkit.render_pdf(long_brief(60).model_copy(update={"marking": marking}))
    count = len(reader(pdf).pages)
    assert count >= 2
    for page in range(1, count + 1):
        header = rgb_pixels(pdf, page, (0.6, 0.0, 1.0, 0.1))
        assert near(header, colour), f"page {page}: no {marking} colour in the header"
        assert near(header, (0, 0, 0), tolerance=8)


@needs_poppler
def test_tlp_clear_is_white_on_black_and_other_markings_are_plain() -> None:
    clear = rgb_pixels(
        briefkit.render_pdf(seed_shaped().model_copy(update={"marking": "TLP:CLEAR"})),
        1,
        (0.6, 0.0, 1.0, 0.1),
    )
    assert near(clear, (0, 0, 0), tolerance=8)
    other = briefkit.render_pdf(seed_shaped().model_copy(update={"marking": "CONFIDENTIAL"}))
    assert "CONFIDENTIAL" in pages_text(other)[0]
    header = rgb_pixels(other, 1, (0.6, 0.0, 1.0, 0.1))
    assert not any(r > 200 and g < 100 for r, g, _ in header)  # no TLP colour invented


@needs_poppler
def test_no_marking_no_publisher_leaves_the_header_empty() -> None:
    text = pages_text(briefkit.render_pdf(seed_shaped()))[0]
    assert "TLP" not in text
    assert text.lstrip().startswith(seed_shaped().title[:20])


@needs_poppler
def test_long_words_and_titles_do_not_overflow_the_page() -> None:
    url = "https://example.org/" + "x" * 300
    brief = Brief(
        title="An extraordinarily long title " + "Supercalifragilistic" * 8,
        sections=(
            Section(
                kind=SectionKind.EVIDENCE,
                heading="Evidence " + "Y" * 150,
                blocks=(
                    Paragraph(content=(Text(text=f"See {url} for details."),)),
                    ItemList(items=(item("Lead " + "Z" * 120, "body " + "W" * 200),)),
                ),
            ),
        ),
        prev=BriefLink(title="Previous " + "V" * 150, href=url),
    )
    pdf = briefkit.render_pdf(brief)
    out = subprocess.run(
        ["pdftotext", "-bbox", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode("utf-8")
    width = float(re.search(r'<page width="([\d.]+)"', out).group(1))  # type: ignore[union-attr]
    right_edges = [
        float(x) for x in re.findall(r'<word xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)"', out)
    ]
    assert right_edges
    margin = 20 / 25.4 * 72  # the stylesheet's side margins, in points
    assert max(right_edges) <= width - margin + 1.0


@pytest.mark.parametrize(
    ("text", "breaks"),
    [
        ("short words only, " * 20, 0),
        ("x" * 80, 0),  # a long URL or compound word keeps its hyphenation
        ("x" * 81, 4),  # every 20 characters
        ("a " + "y" * 100 + " b " + "z" * 41, 4),
        ("e\u0301" * 60, 5),  # never between a letter and its combining accent
        ("\U0001f469\u200d\U0001f52c" * 40, 5),  # nor inside a ZWJ sequence
    ],
)
def test_long_runs_get_break_opportunities(text: str, breaks: int) -> None:
    out = with_breaks(text)
    assert out.count("\u200b") == breaks
    assert out.replace("\u200b", "") == text
    for at in [k for k, c in enumerate(out) if c == "\u200b"]:
        assert not unicodedata.category(out[at + 1]).startswith("M")
        assert "\u200d" not in (out[at - 1], out[at + 1])


def test_breaks_go_into_text_not_into_links_or_markup() -> None:
    url = "https://example.org/" + "u" * 100
    brief = Brief(
        title="T",
        sections=(
            Section(
                blocks=(Paragraph(content=(Link(href=url, children=(Text(text="w" * 100),)),)),)
            ),
        ),
    )
    html = document_html([brief], series=False)
    assert f'href="{url}"' in html
    assert "w" * 20 + "\u200b" + "w" * 20 in html


@needs_poppler
def test_a_pathologically_long_word_is_laid_out_whole() -> None:
    """Layout is quadratic in the length of an unbroken word unless it gets breaks."""
    word = "".join(f"{i:05d}" for i in range(4000))  # 20,000 characters, no space
    brief = Brief(title="T", sections=(Section(blocks=(para(f"Before {word} after."),)),))
    pdf = briefkit.render_pdf(brief)
    pages = [squash(page).replace("\u200b", "") for page in pages_text(pdf)]
    assert len(pages) > 1
    text = "".join(re.sub(r"TPage\d+of\d+$", "", page) for page in pages)  # the footers
    assert f"Before{word}after." in text


@needs_poppler
def test_long_titles_are_shortened_in_the_footer_with_an_ellipsis() -> None:
    title = "A long title about " + " ".join(f"topic{i}" for i in range(40))
    pdf = briefkit.render_pdf(Brief(title=title))
    out = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True)
    assert out.stderr == b""  # poppler reads every glyph back (no broken ToUnicode entry)
    footer = [line for line in out.stdout.decode().splitlines() if line.endswith("…")]
    assert len(footer) == 1
    assert title.startswith(footer[0][:-1])
    assert len(footer[0]) <= 80


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Short", "Short"),
        ("x" * 80, "x" * 80),
        ("word " * 30, "word " * 15 + "word…"),
        ("y" * 100, "y" * 79 + "…"),
    ],
)
def test_running_title(title: str, expected: str) -> None:
    assert running_title(title.strip()) == expected.strip()


# --- PDF features ----------------------------------------------------------------------------


def test_metadata_comes_from_the_brief() -> None:
    meta = reader(briefkit.render_pdf(with_metadata())).metadata
    assert meta is not None
    assert meta.title == with_metadata().title
    assert meta.author == "Ines Marlow, Tomas Okafor"
    assert meta.subject == "War-risk premiums push carriers away from the Suez route."
    assert meta["/Keywords"] == "shipping, insurance, Red Sea, Maritime Security"
    assert meta["/CreationDate"] == "D:20240214"
    assert meta["/ModDate"] == "D:20240215093000Z"
    assert str(meta["/Creator"]).startswith("briefkit ")


def test_subject_falls_back_to_the_judgement_and_dates_may_be_absent() -> None:
    meta = reader(briefkit.render_pdf(seed_shaped())).metadata
    assert meta is not None
    assert meta.subject.startswith("Attacks on merchant vessels near the Bab el-Mandeb")
    assert "/CreationDate" not in meta
    assert "/Author" not in meta


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (dt.date(2024, 2, 14), "2024-02-14"),
        (dt.datetime(2024, 2, 15, 9, 30, tzinfo=dt.UTC), "2024-02-15T09:30:00Z"),
        (
            dt.datetime(2024, 2, 15, 9, 30, 5, 123, tzinfo=dt.timezone(dt.timedelta(hours=2))),
            "2024-02-15T09:30:05+02:00",
        ),
        (dt.datetime(2024, 2, 15, 9, 30), "2024-02-15"),  # naive: no zone to write
    ],
)
def test_w3c_dates_for_weasyprint(value: dt.date, expected: str) -> None:
    assert w3c_date(value) == expected


def test_a_naive_datetime_gives_a_creation_date_without_a_warning() -> None:
    brief = seed_shaped().model_copy(update={"published": dt.datetime(2024, 5, 1, 8, 0)})
    meta = reader(briefkit.render_pdf(brief)).metadata
    assert meta is not None
    assert meta["/CreationDate"] == "D:20240501"


def test_bookmarks_are_the_title_and_the_section_headings() -> None:
    brief = with_metadata()
    assert outline(briefkit.render_pdf(brief)) == [
        (brief.title, 0, [(s.heading, 0, []) for s in brief.sections]),
    ]


def test_bookmarks_point_at_the_page_of_their_heading() -> None:
    entries = outline(briefkit.render_pdf(long_brief(60)))
    ((_, _, sections),) = entries
    pages = {title: page for title, page, _ in sections}
    assert pages["Key Judgement"] == 0
    assert pages["Implications"] >= 1


def test_links_are_clickable() -> None:
    found = links(briefkit.render_pdf(rich_brief()))
    uris = {target for _, kind, target in found if kind == "uri"}
    assert uris == {
        "https://example.org/reports/svalbard",
        "https://example.org/data/antennas",
        "https://example.org/briefs/ferry",
    }


def link_brief(url: str | None) -> Brief:
    def link(href: str, text: str) -> Link:
        return Link(href=href, children=(Text(text=text),))

    content = (
        link("other.html", "a sibling file"),
        Text(text=" and "),
        link("#footnote-1", "a footnote of the web page"),
        Text(text=" and "),
        link("mailto:desk@example.org", "the desk"),
    )
    section = Section(
        kind=SectionKind.SOURCES, heading="Sources", blocks=(Paragraph(content=content),)
    )
    return seed_shaped().model_copy(
        update={"url": url, "sections": (section,), "prev": None, "next": None}
    )


@needs_poppler
@pytest.mark.parametrize(
    ("url", "footnote"),
    [
        ("https://example.org/briefs/one", "https://example.org/briefs/one#footnote-1"),
        (None, None),
    ],
)
def test_fragment_links_without_a_target_lead_to_the_web_page_or_stay_text(
    url: str | None, footnote: str | None
) -> None:
    pdf = briefkit.render_pdf(link_brief(url))
    uris = {target for _, kind, target in links(pdf)}
    expected = {"other.html", "mailto:desk@example.org"} | ({footnote} if footnote else set())
    assert uris == expected  # relative links (a bundle's siblings) stay relative
    assert "a footnote of the web page" in pages_text(pdf)[0]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        # no web address: a host-relative link keeps its text, a network path becomes https
        (None, {"https://attacker.test/share", "https://attacker.test/next"}),
        ("/briefs/one", {"https://attacker.test/share", "https://attacker.test/next"}),
        (
            "https://example.org/briefs/one",
            {
                "https://attacker.test/share",
                "https://example.org/etc/passwd",
                "https://attacker.test/next",
            },
        ),
        ("http://example.org/a", {"http://attacker.test/share", "http://example.org/etc/passwd"}),
    ],
)
def test_links_never_open_a_network_share_or_a_local_file(
    url: str | None, expected: set[str]
) -> None:
    """A viewer resolves ``//host/x`` as a network share and ``/x`` as a local file."""
    content = (
        Link(href="//attacker.test/share", children=(Text(text="the share"),)),
        Text(text=" and "),
        Link(href="/etc/passwd", children=(Text(text="the root file"),)),
    )
    brief = Brief(
        title="Relative Links",
        url=url,
        sections=(Section(blocks=(Paragraph(content=content),)),),
        next=BriefLink(title="Next Brief", href="//attacker.test/next"),
    )
    pdf = briefkit.render_pdf(brief)
    found = {target for _, kind, target in links(pdf) if kind == "uri"}
    if url and url.startswith("http://"):
        expected = expected | {"http://attacker.test/next"}
    assert found == expected
    assert "the root file" in pages_text(pdf)[0]


def test_prev_and_next_links_of_a_single_brief() -> None:
    found = {target for _, kind, target in links(briefkit.render_pdf(with_metadata()))}
    assert found == {
        "https://example.org/briefs/drone-swarms",
        "https://example.org/briefs/andean-lithium",
    }


def test_language_tag() -> None:
    fr = with_metadata().model_copy(update={"language": "fr-CA"})
    assert reader(briefkit.render_pdf(fr)).trailer["/Root"]["/Lang"] == "fr-CA"
    # a brief without a language declares the default, or the caller's
    assert reader(briefkit.render_pdf(seed_shaped())).trailer["/Root"]["/Lang"] == "en"
    german = reader(briefkit.render_pdf(seed_shaped(), default_language="de"))
    assert german.trailer["/Root"]["/Lang"] == "de"


@pytest.mark.parametrize("value", ["", "english please", "en_GB", 7])
def test_bad_default_language_raises_render_error(value: Any) -> None:
    with pytest.raises(RenderError, match="default_language"):
        briefkit.render_pdf(seed_shaped(), default_language=value)


@pytest.mark.parametrize(
    ("size", "box"), [("A4", (595, 842)), ("a4", (595, 842)), ("Letter", (612, 792))]
)
def test_page_size(size: str, box: tuple[int, int]) -> None:
    page = reader(briefkit.render_pdf(seed_shaped(), page_size=size)).pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == box


def test_pdf_a_variant_is_passed_to_weasyprint() -> None:
    doc = reader(briefkit.render_pdf(with_metadata(), pdf_variant="pdf/a-3b"))
    xmp = doc.trailer["/Root"]["/Metadata"].get_object().get_data().decode("utf-8")
    assert re.search(r"pdfaid:part(>|=\")3", xmp)
    assert "/OutputIntents" in doc.trailer["/Root"]


def test_pdf_ua_variant_tags_the_document() -> None:
    root = reader(briefkit.render_pdf(with_metadata(), pdf_variant="pdf/ua-1")).trailer["/Root"]
    assert "/StructTreeRoot" in root
    assert bool(root["/MarkInfo"]["/Marked"]) is True


def test_the_default_pdf_is_tagged_pdf_ua() -> None:
    doc = reader(briefkit.render_pdf(with_metadata()))
    root = doc.trailer["/Root"]
    assert "/StructTreeRoot" in root
    assert bool(root["/MarkInfo"]["/Marked"]) is True
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"]) is True
    assert b"pdfuaid:part" in root["/Metadata"].get_data()


def test_tagged_false_opts_out() -> None:
    root = reader(briefkit.render_pdf(with_metadata(), tagged=False)).trailer["/Root"]
    assert "/StructTreeRoot" not in root
    assert "/Metadata" not in root
    a3b = reader(briefkit.render_pdf(with_metadata(), pdf_variant="pdf/a-3b", tagged=False))
    assert "/StructTreeRoot" not in a3b.trailer["/Root"]
    with pytest.raises(RenderError, match="always tagged"):
        briefkit.render_pdf(with_metadata(), pdf_variant="pdf/ua-1", tagged=False)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"page_size": "A3"}, "unknown page size"),
        ({"page_size": 4}, "unknown page size"),
        ({"pdf_variant": "pdf/z-9"}, "unknown pdf_variant"),
        ({"stylesheet": "/nonexistent/print.css"}, "cannot read stylesheet"),
        ({"allow_fetch": "https://example.org/"}, "sequence of URL prefixes"),
        ({"allow_fetch": ["example.org"]}, "not an absolute URL"),
    ],
)
def test_bad_options_raise_render_error(options: dict[str, Any], message: str) -> None:
    with pytest.raises(RenderError, match=message) as info:
        briefkit.render_pdf(seed_shaped(), **options)
    assert info.value.format == "pdf"


@pytest.mark.parametrize("value", [[], (), "a brief", [seed_shaped(), "not a brief"], 42])
def test_bad_input_raises_render_error(value: Any) -> None:
    with pytest.raises(RenderError):
        briefkit.render_pdf(value)


def test_a_stylesheet_directory_is_a_template_error(tmp_path: Path) -> None:
    with pytest.raises(briefkit.TemplateError):
        briefkit.render_pdf(seed_shaped(), stylesheet=tmp_path)


# --- caller template and stylesheet -------------------------------------------------------


@needs_poppler
def test_caller_stylesheet_applies_after_the_print_stylesheet() -> None:
    pdf = briefkit.render_pdf(seed_shaped(), stylesheet=FIXTURES / "custom.css")
    first = pages_text(pdf)[0]
    assert "(custom stylesheet)" in first
    assert "Page 1 of 1" in first  # the packaged stylesheet still applies


@needs_poppler
def test_caller_stylesheet_edits_are_picked_up(tmp_path: Path) -> None:
    sheet = tmp_path / "mine.css"
    sheet.write_text('.brief-title::after { content: " one"; }', encoding="utf-8")
    assert "one" in pages_text(briefkit.render_pdf(seed_shaped(), stylesheet=sheet))[0]
    sheet.write_text('.brief-title::after { content: " second version"; }', encoding="utf-8")
    assert "second version" in pages_text(briefkit.render_pdf(seed_shaped(), stylesheet=sheet))[0]


@needs_poppler
def test_caller_template_is_used_with_the_print_design() -> None:
    brief = with_metadata()
    pdf = briefkit.render_pdf(brief, template=FIXTURES / "custom.html.j2")
    pages = pages_text(pdf)
    assert "Prepared for the steering group" in pages[0]
    assert "Page 1 of 1" in pages[0]
    assert_in_order("\n".join(pages), expected_lines(brief))
    meta = reader(pdf).metadata
    assert meta is not None
    assert meta.title == brief.title


def test_template_problems_are_template_errors(tmp_path: Path) -> None:
    broken = tmp_path / "broken.html.j2"
    broken.write_text("{% block %}", encoding="utf-8")
    with pytest.raises(briefkit.TemplateError):
        briefkit.render_pdf(seed_shaped(), template=broken)


# --- a series in one PDF -----------------------------------------------------------------------


def series() -> list[Brief]:
    return [
        with_metadata(),
        rich_brief().model_copy(update={"marking": "TLP:AMBER", "published": dt.date(2024, 3, 1)}),
        bullets_brief(),
        long_brief(50),
    ]


@pytest.fixture(scope="module")
def series_pdf() -> bytes:
    return briefkit.render_pdf(series())


@needs_poppler
def test_series_contents_page_shows_real_page_numbers(series_pdf: bytes) -> None:
    pages = pages_text(series_pdf)
    contents = pages[0]
    for brief in series():
        start = start_page(pages, brief.title)
        line = next(x for x in contents.splitlines() if x.startswith(brief.title[:30]))
        assert line.rstrip().endswith(f" {start + 1}"), line
    assert "4 briefs, 14 Feb 2024 to 1 Mar 2024" in contents


@needs_poppler
def test_series_each_brief_starts_on_a_new_page_and_keeps_its_text(series_pdf: bytes) -> None:
    pages = pages_text(series_pdf)
    starts = []
    for brief in series():
        starts.append(start_page(pages, brief.title))
    assert starts[0] == 1
    assert starts == sorted(set(starts))
    assert len(pages) > starts[-1] + 1  # the 50-item brief takes more than one page
    for number, text in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in text
    assert_in_order("\n".join(pages), [line for b in series() for line in expected_lines(b)])


def test_series_bookmarks_per_brief(series_pdf: bytes) -> None:
    entries = outline(series_pdf)
    assert entries[0][0] == "Briefs"
    assert [title for title, _, _ in entries[1:]] == [b.title for b in series()]
    for (_, page, children), brief in zip(entries[1:], series(), strict=True):
        assert page >= 1
        assert [title for title, _, _ in children] == [
            s.heading for s in brief.sections if s.heading
        ]


def test_series_internal_links_resolve(series_pdf: bytes) -> None:
    doc = reader(series_pdf)
    named = doc.named_destinations
    starts = {name: doc.get_destination_page_number(dest) for name, dest in named.items()}
    internal = [(page, target) for page, kind, target in links(series_pdf) if kind == "dest"]
    assert internal
    for _, target in internal:
        assert target in named, target
    by_page: dict[int, set[str]] = {}
    for page, target in internal:
        by_page.setdefault(page, set()).add(target)
    # The contents page links to every brief; each brief's prev/next jump to its neighbours.
    assert by_page[0] == {"brief-1", "brief-2", "brief-3", "brief-4"}
    assert by_page[starts["brief-1"]] == {"brief-2"}
    assert by_page[starts["brief-2"]] == {"brief-1", "brief-3"}
    assert by_page[starts["brief-3"]] == {"brief-2", "brief-4"}
    last_page = len(doc.pages) - 1
    assert by_page[last_page] == {"brief-3"}
    # Links leaving the series stay external: the first brief's own previous brief.
    uris = {t for p, k, t in links(series_pdf) if k == "uri" and p == starts["brief-1"]}
    assert "https://example.org/briefs/drone-swarms" in uris


def test_series_metadata(series_pdf: bytes) -> None:
    meta = reader(series_pdf).metadata
    assert meta is not None
    assert meta.title == "Briefs"
    assert meta.author == "Ines Marlow, Tomas Okafor"
    assert meta["/CreationDate"] == "D:20240214"
    assert meta["/ModDate"] == "D:20240301"
    assert meta.subject == "4 briefs, 14 Feb 2024 to 1 Mar 2024"


@needs_poppler
def test_series_title_and_cover_marking() -> None:
    briefs = [seed_shaped().model_copy(update={"marking": m}) for m in ("TLP:GREEN", "TLP:AMBER")]
    pdf = briefkit.render_pdf(briefs, title="Shipping Weekly")
    assert reader(pdf).metadata.title == "Shipping Weekly"  # type: ignore[union-attr]
    pages = pages_text(pdf)
    assert "Shipping Weekly" in pages[0]
    assert "TLP:AMBER" in pages[0]  # the compilation carries its most restrictive label
    assert near(rgb_pixels(pdf, 1, (0.6, 0.0, 1.0, 0.1)), (0xFF, 0xC0, 0x00))


@pytest.mark.parametrize(
    ("markings", "expected"),
    [
        ((None, None), None),
        (("TLP:CLEAR", "TLP:RED", "TLP:GREEN"), "TLP:RED"),
        (("TLP:AMBER", "TLP:AMBER+STRICT"), "TLP:AMBER+STRICT"),
        (("TLP:WHITE", None), "TLP:WHITE"),
        (("CONFIDENTIAL", "TLP:GREEN"), "CONFIDENTIAL / TLP:GREEN"),
        (("SECRET", "SECRET"), "SECRET"),
    ],
)
def test_series_marking(markings: tuple[str | None, ...], expected: str | None) -> None:
    briefs = [seed_shaped().model_copy(update={"marking": m}) for m in markings]
    assert series_marking(briefs) == expected


def test_series_prev_next_resolution() -> None:
    a = seed_shaped().model_copy(
        update={
            "title": "Alpha",
            "url": "https://x.org/a/",
            "prev": BriefLink(title="Outside", href="https://x.org/zero"),
            "next": None,
        }
    )
    b = seed_shaped().model_copy(
        update={
            "title": "Beta",
            "prev": BriefLink(href="https://x.org/a"),
            "next": BriefLink(title="gamma!"),
        }
    )
    c = seed_shaped().model_copy(
        update={"title": "Gamma", "prev": None, "next": BriefLink(title="Delta, elsewhere")}
    )
    linked = link_within([a, b, c])
    assert linked[0].prev == BriefLink(title="Outside", href="https://x.org/zero")  # leaves the set
    assert linked[0].next == BriefLink(title="Beta", href="#brief-2")  # filled from the order
    assert linked[1].prev == BriefLink(title="Alpha", href="#brief-1")  # matched by url
    assert linked[1].next == BriefLink(title="Gamma", href="#brief-3")  # matched by title
    assert linked[2].prev == BriefLink(title="Beta", href="#brief-2")
    assert linked[2].next == BriefLink(title="Delta, elsewhere")  # kept as it was


@needs_poppler
def test_a_one_brief_sequence_is_a_series() -> None:
    pdf = briefkit.render_pdf([seed_shaped()])
    pages = pages_text(pdf)
    assert len(pages) == 2
    assert "1 brief" in pages[0]


def test_render_front_door_writes_a_pdf(tmp_path: Path) -> None:
    dest = tmp_path / "out" / "brief.pdf"
    output = briefkit.render(seed_shaped(), "pdf", dest=dest, page_size="Letter")
    assert isinstance(output, bytes)
    assert dest.read_bytes() == output
    assert round(float(reader(output).pages[0].mediabox.width)) == 612


@settings(max_examples=15, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(brief=briefs())
def test_every_valid_brief_renders_with_its_outline(brief: Brief) -> None:
    pdf = briefkit.render_pdf(brief)
    ((title, page, sections),) = outline(pdf)
    assert (title, page) == (brief.title, 0)
    assert [heading for heading, _, _ in sections] == [
        s.heading for s in brief.sections if s.heading
    ]


# --- speed and laziness ---------------------------------------------------------------------


def test_import_briefkit_does_not_import_weasyprint() -> None:
    code = (
        "import sys, briefkit\n"
        "from briefs import seed_shaped\n"
        "briefkit.render_html(seed_shaped()); briefkit.render_text(seed_shaped())\n"
        "print('weasyprint' in sys.modules)\n"
    )
    tests = str(Path(__file__).parents[2])
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=tests
    )
    assert out.stdout.strip() == "False"


def test_renders_are_deterministic() -> None:
    assert briefkit.render_pdf(with_metadata()) == briefkit.render_pdf(with_metadata())


@needs_poppler
def test_concurrent_renders_in_threads_match_serial_ones() -> None:
    briefs = [with_metadata(), long_brief(30), rich_brief(), bullets_brief()] * 2
    serial = [pages_text(briefkit.render_pdf(b)) for b in briefs]
    with ThreadPoolExecutor(max_workers=4) as pool:
        parallel = list(pool.map(lambda b: pages_text(briefkit.render_pdf(b)), briefs))
    assert parallel == serial


# --- text layer, links and contents (issue: PDF/UA, search) ------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a deep-water port", "a deep-\u2060water port"),
        ("well-known long-range x", "well-\u2060known long-\u2060range x"),
        ("a - b -- c", "a - b -- c"),  # dashes between words are not compounds
        ("https://a.example/x-y/z", "https://a.example/x-\u2060y/z"),
    ],
)
def test_compounds_do_not_break_after_their_hyphen(text: str, expected: str) -> None:
    from briefkit.renderers.pdf.words import joined

    assert joined(text) == expected


def test_a_long_url_breaks_at_its_punctuation() -> None:
    from briefkit.renderers.pdf.words import joined

    url = "https://example.org/" + "/".join(f"part{i}-piece" for i in range(8)) + ".html"
    out = joined(url)
    assert out.replace("\u200b", "").replace("\u2060", "") == url
    assert out.split("\u200b")[:3] == ["https://", "example.", "org/"]


def test_each_prev_next_link_is_one_link_annotation() -> None:
    brief = seed_shaped().model_copy(
        update={
            "prev": BriefLink(title="Earlier", href="https://example.org/briefs/earlier"),
            "next": BriefLink(title="Later", href="https://example.org/briefs/later"),
        }
    )
    doc = reader(briefkit.render_pdf(brief))
    uris = [
        a.get_object()["/A"]["/URI"]
        for page in doc.pages
        for a in page.get("/Annots") or []
        if "/A" in a.get_object()
    ]
    assert sorted(uris) == [
        "https://example.org/briefs/earlier",
        "https://example.org/briefs/later",
    ]


def test_toc_option_and_outline_mode() -> None:
    with_toc = reader(briefkit.render_pdf(seed_shaped(), toc=True))
    assert "Contents" in with_toc.pages[0].extract_text()
    assert with_toc.trailer["/Root"]["/PageMode"] == "/UseOutlines"
    without = reader(briefkit.render_pdf(seed_shaped()))
    assert "Contents" not in without.pages[0].extract_text()
    assert "/PageMode" not in without.trailer["/Root"]
