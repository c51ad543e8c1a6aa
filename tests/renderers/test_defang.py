"""No rendered format has a live link to a quoted indicator unless asked.

Each format is opened with a real reader (lxml for HTML, python-docx for DOCX, pypdf for
PDF, markdown-it-py for Markdown) and its link targets are compared with the indicators the
brief quotes; ``defang="off"`` shows the same check does find them when they are there.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from urllib.parse import urlsplit

import pypdf
import pytest
from lxml import html as lxml_html

import briefkit
from briefkit.model import Brief, BriefLink, Link, Paragraph, Section, SectionKind, Strong, Text

INDICATOR_HOSTS = {"update-check.net", "185.220.101.4", "cdn-telemetry.net", "evil.example.net"}
LIVE = {
    "https://news.example.com/story",  # a citation
    "https://desk.example.org/briefs/y",  # the brief's own site
    "https://desk.example.org/briefs/before",  # prev
    "https://other.example.org/after",  # next
}


def _link(href: str, text: str) -> Link:
    return Link(href=href, children=(Text(text=text),))


BRIEF = Brief(
    title="Loader Infrastructure Shifts to New Hosting",
    url="https://desk.example.org/briefs/x",
    sections=(
        Section(
            kind=SectionKind.JUDGEMENT,
            heading="Analytic Judgement",
            blocks=(
                Paragraph(
                    content=(
                        Text(text="The loader now fetches "),
                        _link("http://update-check.net/a.exe", "http://update-check.net/a.exe"),
                        Text(text=" and reports to "),
                        _link("http://185.220.101.4/gate", "its gate"),
                        Text(text=", "),
                        Strong(
                            children=(_link("https://cdn-telemetry.net/", "cdn-telemetry.net"),)
                        ),
                        Text(text=" and http://evil.example.net/drop, "),
                        _link("https://news.example.com/story", "as Reuters reported"),
                        Text(text="; see "),
                        _link("https://desk.example.org/briefs/y", "our earlier brief"),
                        Text(text="."),
                    )
                ),
            ),
        ),
    ),
    prev=BriefLink(title="Before", href="https://desk.example.org/briefs/before"),
    next=BriefLink(title="After", href="https://other.example.org/after"),
)


def _html_links(brief: Brief, **options: object) -> set[str]:
    page = lxml_html.document_fromstring(briefkit.render_html(brief, **options))  # type: ignore[arg-type]
    return {a.get("href") for a in page.iter("a") if a.get("href")}


def _docx_links(brief: Brief, **options: object) -> set[str]:
    import docx

    document = docx.Document(io.BytesIO(briefkit.render_docx(brief, **options)))  # type: ignore[arg-type]
    return {
        rel.target_ref for rel in document.part.rels.values() if rel.reltype.endswith("/hyperlink")
    }


def _pdf_links(brief: Brief, **options: object) -> set[str]:
    reader = pypdf.PdfReader(io.BytesIO(briefkit.render_pdf(brief, **options)))  # type: ignore[arg-type]
    found = set()
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            action = annot.get_object().get("/A")
            if action is not None and "/URI" in action:
                found.add(str(action["/URI"]))
    return found


def _markdown_links(brief: Brief, **options: object) -> set[str]:
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").parse(briefkit.render_markdown(brief, **options))  # type: ignore[arg-type]
    found = set()
    stack = list(tokens)
    while stack:
        token = stack.pop()
        stack.extend(token.children or [])
        if token.type == "link_open":
            found.add(str(token.attrGet("href")))
    return found


READERS: dict[str, Callable[..., set[str]]] = {
    "html": _html_links,
    "docx": _docx_links,
    "pdf": _pdf_links,
    "markdown": _markdown_links,
}


def _indicator_links(links: set[str]) -> set[str]:
    return {h for h in links if urlsplit(h).hostname in INDICATOR_HOSTS}


@pytest.mark.parametrize("fmt", sorted(READERS))
def test_no_live_link_to_an_indicator_by_default(fmt: str) -> None:
    links = READERS[fmt](BRIEF)
    assert _indicator_links(links) == set()
    assert links >= LIVE
    assert _indicator_links(READERS[fmt](BRIEF, defang="off")) == {
        "http://update-check.net/a.exe",
        "http://185.220.101.4/gate",
        "https://cdn-telemetry.net/",
    }


@pytest.mark.parametrize("fmt", sorted(READERS))
def test_all_leaves_only_the_live_list(fmt: str) -> None:
    links = READERS[fmt](BRIEF, defang="all", live=["news.example.com"])
    assert links == {"https://news.example.com/story"}


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "pdf"])
def test_quoted_indicators_read_defanged(fmt: str) -> None:
    if fmt == "pdf":
        pdf = pypdf.PdfReader(io.BytesIO(briefkit.render_pdf(BRIEF)))
        shown = " ".join(p.extract_text() for p in pdf.pages)
    elif fmt == "html":
        shown = lxml_html.document_fromstring(briefkit.render_html(BRIEF)).text_content()
    else:
        shown = briefkit.parse(briefkit.render(BRIEF, fmt), format=fmt).judgement.text  # type: ignore[union-attr]
    shown = "".join(shown.split())  # a PDF may break a line inside a URL
    for fanged in ("http://update-check.net", "185.220.101.4", "http://evil.example.net"):
        assert fanged not in shown  # viewers turn these into links themselves
    assert "hxxp://evil[.]example[.]net/drop" in shown
    assert "itsgate(hxxp://185[.]220[.]101[.]4/gate)" in shown
