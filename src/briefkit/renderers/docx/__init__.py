"""DOCX output: a brief as a styled Word document a client can receive as it is.

Every paragraph and run carries a named style (``Title``, ``Heading 1``, ``Brief Metadata``,
``List Number``, ``Hyperlink``...), so a Word template passed as ``template=`` (like pandoc's
``--reference-doc``) restyles the whole document. The base document (styles, list
definitions, page setup, header and footer) is built once per process and template and kept
with its parts already read; each brief gets a fresh copy built from them (no unzipping),
which keeps a brief to a few milliseconds.

What core properties cannot hold (url, slug, publisher, marking, exact dates, exact author
and tag lists) goes into custom document properties, section kinds into hidden bookmarks,
and the nesting of unusually formatted text into a small custom XML part, so
:func:`briefkit.parse_docx` reads the document back into an equal brief. python-docx is
imported inside functions only.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
from collections.abc import Iterable
from typing import Any

from lxml import etree

from ...ioc import defang_brief
from ...model import (
    Brief,
    BriefLink,
    Figure,
    Inline,
    ItemList,
    Quote,
    Table,
    Text,
    normalize_inlines,
)
from ...safety import document_href
from ...syntax import ooxml as ox
from ...syntax import runs
from ...syntax.dates import display_date, instant
from ...syntax.notemarks import MARK
from .._figures import Pictures
from .._language import DEFAULT_LANGUAGE, check_default, declared_language
from .._policy import AllowFetch
from .._toc import wants_toc
from . import base as _docx_base
from .app import estimate_pages, page_of, set_app_properties, set_cached_page_count
from .base import PAGE_SIZES, REQUIRED_STYLES
from .marking import add_marking_paragraph, add_marking_run, header_footer_roots
from .notes import Footnotes, mark_notes, reference_run
from .tables import Page, write_figure, write_table
from .toc import add_toc

__all__ = ["PAGE_SIZES", "REQUIRED_STYLES", "render_docx"]

#: Custom document properties briefkit owns start with this.
PROP_PREFIX = "briefkit."
#: A date never breaks across lines: "14\u00a0February\u00a02024".
_NBSP = "\u00a0"


def render_docx(
    brief: Brief,
    *,
    template: str | os.PathLike[str] | bytes | None = None,
    page_size: str | None = None,
    defang: str = "auto",
    live: Iterable[str] = (),
    default_language: str = DEFAULT_LANGUAGE,
    toc: bool | None = None,
    resources: str | os.PathLike[str] | None = None,
    allow_fetch: AllowFetch = None,
) -> bytes:
    """The brief as a Word document.

    ``template`` is a .docx or .dotx (path or bytes) whose styles, page setup, headers,
    footers and custom properties are kept; it must define ``Normal``, ``Title`` and
    ``Heading 1`` (:class:`~briefkit.TemplateError` names a missing one) and briefkit adds
    its other styles where missing. A document briefkit rendered, restyled in Word, makes a
    complete template. ``page_size`` ("A4", "Letter", "Legal") applies to every section;
    without it the template's size is kept, and A4 is used otherwise. ``defang`` and
    ``live``: which quoted indicators stay links (see :func:`briefkit.ioc.defang_brief`).

    The document's proofing language is the brief's, else ``default_language``. A marking
    is in the header and the footer of every page (right-aligned, 12 pt, TLP colours on
    black). ``toc`` puts a contents list (a real ``TOC`` field) after the title block; by
    default a long brief gets one.

    Figures are embedded in ``word/media/``: ``data:`` images always, relative ones only
    from the ``resources`` folder, remote ones only through ``allow_fetch`` (URL prefixes or
    a predicate, as for PDF); any other figure shows its alt text, with an
    :class:`~briefkit.ImageWarning`. Notes become Word footnotes.
    """
    default_language = check_default(default_language, format="docx")
    brief = defang_brief(brief, defang, live)
    base = _docx_base.base(_docx_base.template_key(template), _docx_base.page_size(page_size))
    document = _docx_base.new_document(base)
    writer = _Writer(document, base, Pictures(resources, allow_fetch))
    writer.language = declared_language(brief.language, default_language)
    writer.toc = wants_toc(brief, toc)
    writer.write(brief)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# --- one brief --------------------------------------------------------------------------


class _Writer:
    """Fills one fresh copy of the base document with a brief."""

    def __init__(self, document: Any, base: _docx_base.Base, pictures: Pictures) -> None:
        self.document = document
        self.base = base
        self.ids = base.styles
        self.part = document.part
        self.links = ox.HyperlinkTargets(self.part)
        self.pictures = pictures
        body = document.element.body
        self.end: Any = body.get_or_add_sectPr()
        first_break = next(
            (p for p in body.iterfind("w:p", ox.NS) if p.find("w:pPr/w:sectPr", ox.NS) is not None),
            None,
        )
        self.title_end: Any = first_break if base.split_title else self.end
        self.numbering = self.part.numbering_part.element
        self.next_num = base.next_num
        self.containers = 0
        self.shapes: dict[str, Any] = {}
        self.language = ""
        self.toc = False
        self.headings: list[tuple[str, str, Any]] = []  # bookmark, text, paragraph
        self.first_body: Any = None
        self.page = Page(self.end)
        self.footnotes = Footnotes(
            document, self.ids["Footnote Text"], self.ids["Footnote Reference"]
        )
        self.note_links: ox.HyperlinkTargets | None = None  # of the footnotes part
        self.figures: list[dict[str, Any]] = []

    def write(self, brief: Brief) -> None:
        self.base_url = brief.url if brief.url and brief.url.startswith("http") else ""
        self._title_block(brief)
        for index, section in enumerate(brief.sections):
            first = None
            bookmark = f"_briefkit_s{index}_{section.kind.value}"
            if section.heading:
                first = self._para("Heading 1")
                ox.add_run(first, section.heading)
                self.headings.append((bookmark, section.heading, first))
            for block in section.blocks:
                p = self._block(block)
                first = first if first is not None else p
            if first is None:
                first = self._para("Normal")
            ox.add_bookmark(first, bookmark, 1000 + index)
            self.first_body = self.first_body if self.first_body is not None else first
        self._navigation(brief)
        if self.toc and self.first_body is not None:
            self._contents()
        self._header(brief)
        self.footnotes.finish()
        self._properties(brief)
        self._counts()

    def _para(self, key: str, *, title: bool = False, num: int | None = None) -> Any:
        p = ox.new_paragraph(self.ids[key], num=None if num is None else (num, 0))
        (self.title_end if title else self.end).addprevious(p)
        return p

    # what .tables and .notes write through
    def para(self, key: str) -> Any:
        return self._para(key)

    def place(self, element: Any) -> None:
        self.end.addprevious(element)

    def inlines(self, p: Any, nodes: tuple[Inline, ...]) -> None:
        self._inlines(p, nodes)

    def write_runs(self, p: Any, segs: list[runs.Seg], part: Any) -> None:
        self._runs(p, segs, part)

    def _title_block(self, brief: Brief) -> None:
        # The title comes first: pandoc and mammoth take the document's title from a Title
        # paragraph only when it opens the document. The marking is in the header and footer.
        ox.add_run(self._para("Title", title=True), brief.title)
        if brief.marking and not self.base.own_header:
            add_marking_run(self._para("Brief Marking", title=True), brief.marking)
        if brief.category:
            ox.add_run(self._para("Brief Category", title=True), brief.category)
        if brief.summary:
            ox.add_run(self._para("Subtitle", title=True), brief.summary)
        facts = []
        if brief.published:
            facts.append(display_date(brief.published, space=_NBSP))
        if brief.updated:
            facts.append(f"Updated {display_date(brief.updated, space=_NBSP)}")
        if brief.authors:
            facts.append(", ".join(brief.authors))
        if brief.publisher:
            facts.append(brief.publisher)
        if facts:
            ox.add_run(self._para("Brief Metadata", title=True), "  \u00b7  ".join(facts))

    def _block(self, block: Any) -> Any:
        if isinstance(block, ItemList):
            num = self.next_num
            self.next_num += 1
            ox.new_list(self.numbering, self.base.lists[0 if block.ordered else 1], num)
            key = "List Number" if block.ordered else "List Bullet"
            first = None
            for item in block.items:
                p = self._para(key, num=num)
                if item.lead:
                    ox.add_run(p, f"{item.lead}: ", style_id=self.ids["Brief Lead-in"], bold=True)
                self._inlines(p, item.body)
                first = first if first is not None else p
            if first is None:  # an empty list still marks its place
                first = self._para("Normal")
            return first
        if isinstance(block, Table):
            return write_table(self, block)
        if isinstance(block, Figure):
            return write_figure(self, block)
        p = self._para("Quote" if isinstance(block, Quote) else "Normal")
        self._inlines(p, block.content)
        return p

    def _inlines(self, p: Any, nodes: tuple[Inline, ...]) -> None:
        nodes = mark_notes(self, nodes)
        segs = runs.flatten(nodes)
        self._runs(p, segs)
        plain = all(isinstance(n, Text) for n in nodes)
        if not plain and normalize_inlines(runs.group(segs)) != nodes:
            self.shapes[str(self.containers)] = runs.shape_of(nodes)
        self.containers += 1

    def _runs(self, p: Any, segs: list[runs.Seg], part: Any = None) -> None:
        """Runs of ``segs`` in ``p``; links are relationships of ``part`` (the document's,
        or the footnotes part for a note), note marks become footnote references."""
        links = self.links
        if part is not None and part is not self.part:
            if self.note_links is None or self.note_links.part is not part:
                self.note_links = ox.HyperlinkTargets(part)
            links = self.note_links
        link_el, link_no = None, -1
        for seg in segs:
            parent = p
            target = self._target(seg.href)
            if target is not None:
                if seg.link != link_no:
                    link_el, link_no = ox.add_hyperlink(p, links, target), seg.link
                parent = link_el
            else:
                link_no = -1
            style = self.ids["Hyperlink"] if target is not None else None
            text = seg.text
            while (found := MARK.search(text)) is not None:
                if found.start():
                    ox.add_run(parent, text[: found.start()], style_id=style, bold=seg.bold,
                               italic=seg.italic)  # fmt: skip
                reference_run(parent, int(found.group(2)), self.ids["Footnote Reference"],
                              bold=seg.bold, italic=seg.italic)  # fmt: skip
                text = text[found.end() :]
            if text or not seg.text:
                ox.add_run(parent, text, style_id=style, bold=seg.bold, italic=seg.italic)

    def _navigation(self, brief: Brief) -> None:
        links = [(label, link) for label, link in (("Previous", brief.prev), ("Next", brief.next))]
        first = True
        for label, link in links:
            if link is None:
                continue
            p = self._para("Brief Navigation")
            if first:
                spacing = etree.SubElement(p[0], ox.w("spacing"))
                spacing.set(ox.w("before"), "480")
                first = False
            ox.add_run(p, f"{label}: ", bold=True)
            self._nav_link(p, link)

    def _target(self, href: str | None) -> str | None:
        """A link target safe in a document: ``//host/x`` and ``/x`` would be a network share
        and a local file to Word (see :func:`briefkit.safety.document_href`)."""
        return None if href is None else document_href(href, self.base_url)

    def _nav_link(self, p: Any, link: BriefLink) -> None:
        text = link.title or link.href or ""
        target = self._target(link.href)
        if target:
            parent = ox.add_hyperlink(p, self.links, target)
            ox.add_run(parent, text, style_id=self.ids["Hyperlink"])
        else:
            ox.add_run(p, text)

    def _header(self, brief: Brief) -> None:
        """briefkit's own header shows the title; a marking goes above it and into the
        footer. With a template's headers and footers, the marking is added to each."""
        if self.base.own_header:
            ox.add_run(self.document.sections[0].header.paragraphs[0]._p, brief.title)
        if not brief.marking:
            return
        style = self.ids["Header"]
        for kind, root in header_footer_roots(self.part):
            footer = kind == "footer"
            add_marking_paragraph(
                root,
                brief.marking,
                self.ids["Footer"] if footer else style,
                first=self.base.own_header and not footer,
            )

    def _contents(self) -> None:
        entries = [(bookmark, text, 1) for bookmark, text, _ in self.headings]
        numbers = add_toc(
            self.first_body,
            entries,
            heading_style=self.ids["TOC Heading"],
            entry_style=self.ids["TOC 1"],
        )
        body = self.document.element.body
        for number, (_, _, paragraph) in zip(numbers, self.headings, strict=True):
            number.text = str(page_of(body, paragraph))

    def _counts(self) -> None:
        body = self.document.element.body
        pages = estimate_pages(body)
        for kind, root in header_footer_roots(self.part):
            if kind == "footer":
                set_cached_page_count(root, pages)
        set_app_properties(self.part.package, body, pages)

    def _properties(self, brief: Brief) -> None:
        core = self.document.core_properties
        core.title = ox.fit_core(brief.title)
        core.subject = ox.fit_core(brief.summary or "")
        core.author = ox.fit_core("; ".join(brief.authors))
        core.keywords = ox.fit_core("; ".join(brief.tags))
        core.category = ox.fit_core(brief.category or "")
        core.language = ox.fit_core(brief.language or "")
        if brief.published:
            core.created = instant(brief.published).replace(tzinfo=dt.UTC)
        changed = brief.updated or brief.published
        if changed:
            core.modified = instant(changed).replace(tzinfo=dt.UTC)
        self._set_language(self.language)
        props = {"format": "1"}
        for field in ("url", "slug", "publisher", "marking", "language"):
            value = getattr(brief, field)
            if value:
                props[field] = value
        for field in ("published", "updated"):
            value = getattr(brief, field)
            if value:
                props[field] = value.isoformat()
        if brief.authors:
            props["authors"] = json.dumps(list(brief.authors), ensure_ascii=False)
        if brief.tags:
            props["tags"] = json.dumps(list(brief.tags), ensure_ascii=False)
        for field in ("title", "summary", "category"):
            value = getattr(brief, field)
            if value and len(value) > 255:
                props[field] = value
        package = self.part.package
        ox.set_custom_properties(
            package, {PROP_PREFIX + k: v for k, v in props.items()}, prefix=PROP_PREFIX
        )
        hint: dict[str, Any] = {}
        if self.shapes:
            hint["shapes"] = self.shapes
        if self.figures:
            hint["figures"] = self.figures
        titled = [
            n
            for n, x in (("prev", brief.prev), ("next", brief.next))
            if x and x.title and x.title == x.href
        ]
        if titled:
            hint["titled"] = titled
        if hint:
            nsmap: Any = {None: ox.HINT_NS}
            root = etree.Element(f"{{{ox.HINT_NS}}}hint", nsmap=nsmap)
            root.text = json.dumps(hint, ensure_ascii=False, separators=(",", ":"))
            ox.set_custom_xml(self.part, root)

    def _set_language(self, language: str) -> None:
        rpr = self.document.styles.element.find("w:docDefaults/w:rPrDefault/w:rPr", ox.NS)
        if rpr is None:
            return
        lang = rpr.find("w:lang", ox.NS)
        if lang is None:
            lang = etree.SubElement(rpr, ox.w("lang"))
        lang.set(ox.w("val"), ox.safe_xml(language))
