"""The HTML document the PDF renderer hands to WeasyPrint.

Each brief is ``render_html``'s markup (the ``<article>`` fragment, or a caller template's
page) inside a ``div.pdf-brief`` wrapper whose ``data-*`` attributes feed the running
header and footer; the ``<head>`` (the PDF metadata) comes from ``_pdf_head``. A series
gets a contents page and prev/next links that stay inside the document.

A caller template's page contributes its ``<body>`` and its ``<style>``/``<link>`` elements;
the result is cleaned later, on the tree WeasyPrint itself parses (``_pdf_sanitize``).
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence

from lxml import etree
from lxml import html as lxml_html

from ...model import Brief, BriefLink
from ...safety import document_href
from ...syntax.dates import display_date, instant
from .._figures import Pictures
from .._labels import sole_label
from .._language import DEFAULT_LANGUAGE, declared_language
from .._toc import wants_toc
from ..html import render_html, stylesheet
from . import head as pdf_head
from .breaks import break_long_runs
from .media import embed_figures, footnotes
from .nav import inline_nav_links
from .toc import add_toc
from .words import keep_compounds

__all__ = [
    "brief_id",
    "document_html",
    "link_within",
    "marking_slug",
    "running_title",
    "series_marking",
]

_NON_WORD = re.compile(r"[^a-z0-9]+")
#: Characters of the title in the footer of a marked page, which shares it with the marking.
SHORT_TITLE = 46


def _el(
    tag: str, text: str | None = None, attrs: dict[str, str] | None = None, *kids: etree._Element
) -> etree._Element:
    element = etree.Element(tag, attrs or {})
    element.text = text
    element.extend(kids)
    return element


def _every_image(url: str) -> bool:
    """The markup references every figure: :mod:`.media` decides what the PDF loads."""
    return True


def brief_id(index: int) -> str:
    """The anchor id of the ``index``-th brief (0-based) in a PDF."""
    return f"brief-{index + 1}"


def running_title(title: str, limit: int = 80) -> str:
    """The title as the page footer shows it: cut at a word, with a real ellipsis character.

    (CSS ``text-overflow: ellipsis`` would draw a glyph WeasyPrint maps badly in ToUnicode,
    so text extraction would lose it and poppler would warn.)
    """
    if len(title) <= limit:
        return title
    cut = title[: limit - 1]
    if title[limit - 1] != " " and " " in cut[limit // 2 :]:  # do not end on half a word
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.-") + "…"


def marking_slug(marking: str) -> str:
    """``TLP:AMBER+STRICT`` -> ``tlp-amber-strict`` (the HTML renderer's class suffix)."""
    return _NON_WORD.sub("-", marking.lower()).strip("-")


def document_html(
    briefs: Sequence[Brief],
    *,
    series: bool,
    template: str | os.PathLike[str] | None = None,
    title: str | None = None,
    default_language: str = DEFAULT_LANGUAGE,
    toc: bool | None = None,
    pictures: Pictures | None = None,
    figures: dict[str, tuple[bytes, str]] | None = None,
) -> str:
    """One HTML document laying out ``briefs`` (a contents page first when ``series``).

    The document declares the briefs' common language, else ``default_language``; a brief
    in another language than its neighbours keeps its own on its article. A long brief
    (or every brief, with ``toc=True``) gets a contents list after its header. Figures'
    images come from ``pictures`` (the image sandbox, none without it) and are put into
    ``figures`` for the fetcher.
    """
    if series:
        briefs = link_within(briefs)
    if series:
        doc_title = title or pdf_head.shared_value({b.category for b in briefs}) or "Briefs"
        head = pdf_head.head(briefs, title=doc_title, description=_series_subtitle(briefs))
    else:
        head = pdf_head.head(
            briefs, title=briefs[0].title, description=pdf_head.description(briefs[0])
        )
    body = _el("body")
    if series:
        body.append(_contents(briefs, doc_title))
    wrappers = []
    for index, brief in enumerate(briefs):
        wrapper, styles = _brief_wrapper(brief, index, template)
        if wants_toc(brief, toc):
            add_toc(wrapper, brief_id(index))
        embed_figures(wrapper, pictures or Pictures(), {} if figures is None else figures)
        footnotes(wrapper)
        body.append(wrapper)
        wrappers.append(wrapper)
        for style in styles:
            head.append(style)
    ids = {i for el in body.iter() if isinstance(el.tag, str) and (i := el.get("id"))}
    for brief, wrapper in zip(briefs, wrappers, strict=True):
        _resolve_links(wrapper, ids, brief.url)
    inline_nav_links(body)  # one link box per prev/next link (PDF/UA 7.18.5-1)
    keep_compounds(body)  # no line ends after a hard hyphen; URLs wrap at their punctuation
    break_long_runs(body)  # keeps layout linear in the length of a pathological word
    root = _el("html", None, None, head, body)
    root.set(
        "lang",
        declared_language(pdf_head.shared_value({b.language for b in briefs}), default_language),
    )
    return "<!DOCTYPE html>\n" + str(lxml_html.tostring(root, encoding="unicode"))


# --- one brief --------------------------------------------------------------------------


def _brief_wrapper(
    brief: Brief, index: int, template: str | os.PathLike[str] | None
) -> tuple[etree._Element, list[etree._Element]]:
    """The brief's markup in its wrapper, and the style elements a caller template wants."""
    wrapper = _el("div", None, {"class": "pdf-brief", "id": brief_id(index)})
    wrapper.set("data-title", running_title(brief.title))
    wrapper.set("data-short-title", running_title(brief.title, SHORT_TITLE))
    running = brief.publisher or brief.category
    if running:  # page margin boxes are laid out on every page: running strings stay short
        wrapper.set("data-running", running_title(running))
    if brief.marking:
        wrapper.set("data-marking", running_title(brief.marking))
        wrapper.set("class", f"pdf-brief pdf-{marking_slug(brief.marking)}")
    styles: list[etree._Element] = []
    if template is None:
        html = render_html(brief, standalone=False, defang="off", allow_fetch=_every_image)
        wrapper.append(lxml_html.fragment_fromstring(html))
    else:
        html = render_html(
            brief, standalone=True, template=template, defang="off", allow_fetch=_every_image
        )
        page = lxml_html.document_fromstring(html)
        page_head = page.find("head")
        styles = [] if page_head is None else _template_styles(page_head)
        body = page.find("body")
        if body is not None:
            if body.text and body.text.strip():
                wrapper.text = body.text
            wrapper.extend(list(body))
        if index:  # one copy of the template's styles is enough
            styles = []
        _prefix_ids(wrapper, f"b{index + 1}-")
    return wrapper, styles


def _resolve_links(wrapper: etree._Element, ids: set[str], url: str | None) -> None:
    """Give every link of a brief a target a PDF viewer can follow without risk.

    ``#fragment`` links with a target in the PDF stay. A scraped brief may link to anchors
    of its page (``#footnote-1``) that the PDF does not have: with the brief's url they lead
    there. A viewer reads ``//host/x`` as a network share and ``/x`` as a local file, so, as
    in DOCX (:func:`~briefkit.safety.document_href`), ``//host/x`` becomes https and ``/x`` is
    resolved against the url when that is an http(s) address, else keeps its text but loses
    its target. Other relative links (a bundle's sibling files) stay relative.
    """
    for link in wrapper.iter("a", "area"):
        href = link.get("href")
        if href is None:
            continue
        if href.startswith("#"):
            if href[1:] in ids:
                continue
            href = url.split("#", 1)[0] + href if url else ""
        target = document_href(href, url) if href else None
        if target:
            link.set("href", target)
        else:
            del link.attrib["href"]


def _template_styles(head: etree._Element) -> list[etree._Element]:
    """A template's ``<style>``/``<link>`` elements, without the packaged screen stylesheet.

    Templates usually extend ``brief.html.j2``, which inlines the screen stylesheet; in a
    PDF the print stylesheet replaces it (and document styles would outrank it).
    """
    screen = stylesheet().strip()
    styles: list[etree._Element] = []
    for element in head.iter("style", "link"):
        if element.tag == "style" and element.text and screen in element.text:
            element.text = element.text.replace(screen, "")
            if not element.text.strip():
                continue
        styles.append(element)
    return styles


def _prefix_ids(root: etree._Element, prefix: str) -> None:
    """Make a caller template's ids unique per brief, and its ``#fragment`` links follow."""
    for element in root.iter():
        if not isinstance(element.tag, str) or element is root:
            continue
        ident = element.get("id")
        if ident:
            element.set("id", prefix + ident)
        href = element.get("href")
        if href and href.startswith("#") and len(href) > 1 and not href.startswith("#brief-"):
            element.set("href", "#" + prefix + href[1:])


# --- a series ---------------------------------------------------------------------------


def link_within(briefs: Sequence[Brief]) -> list[Brief]:
    """Point prev/next at briefs of the same document wherever possible.

    A link matching a brief of the set (by url, or by title) jumps to it; otherwise the
    neighbour in the given order is used; the first brief's prev and the last brief's next
    keep their own (external) target when nothing in the document matches.
    """
    by_url = {_norm_url(b.url): i for i, b in enumerate(briefs) if b.url}
    by_title: dict[str, int] = {}
    for i, b in enumerate(briefs):
        by_title.setdefault(_norm_title(b.title), i)

    def resolve(link: BriefLink | None, neighbour: int) -> BriefLink | None:
        target = None
        if link is not None:
            if link.href and _norm_url(link.href) in by_url:
                target = by_url[_norm_url(link.href)]
            elif link.title and _norm_title(link.title) in by_title:
                target = by_title[_norm_title(link.title)]
        if target is None and 0 <= neighbour < len(briefs):
            target = neighbour
        if target is None:
            return link
        return BriefLink(title=briefs[target].title, href="#" + brief_id(target))

    return [
        b.model_copy(update={"prev": resolve(b.prev, i - 1), "next": resolve(b.next, i + 1)})
        for i, b in enumerate(briefs)
    ]


def _norm_url(url: str | None) -> str:
    return (url or "").strip().split("#", 1)[0].rstrip("/").lower()


def _norm_title(title: str) -> str:
    return re.sub(r"[\W_]+", " ", title.casefold()).strip()


def series_marking(briefs: Sequence[Brief]) -> str | None:
    """The marking of a compilation: the most restrictive TLP label, else the distinct ones."""
    markings = pdf_head.ordered_distinct(b.marking for b in briefs if b.marking)
    if not markings:
        return None
    labels = [sole_label(m) for m in markings]
    ranked = [(label.rank, m) for label, m in zip(labels, markings, strict=True) if label]
    if len(ranked) == len(markings) and all(label.scheme == "TLP" for label in labels if label):
        return max(ranked, key=lambda pair: pair[0])[1]
    return " / ".join(markings)


def _series_subtitle(briefs: Sequence[Brief]) -> str:
    dates = sorted((d for b in briefs if (d := b.published)), key=instant)
    count = f"{len(briefs)} brief{'s' if len(briefs) != 1 else ''}"
    if not dates:
        return count
    first, last = display_date(dates[0], short=True), display_date(dates[-1], short=True)
    return f"{count}, {first}" if first == last else f"{count}, {first} to {last}"


def _contents(briefs: Sequence[Brief], title: str) -> etree._Element:
    """The cover: title, count and dates, and one entry per brief with its page number."""
    entries = _el("ol")
    for index, brief in enumerate(briefs):
        entry = _el("li", None, None, _el("a", brief.title, {"href": "#" + brief_id(index)}))
        if brief.published:
            date = display_date(brief.published, short=True)
            entry.append(_el("span", date, {"class": "pdf-entry-date"}))
        entries.append(entry)
    cover = _el(
        "section",
        None,
        {
            "class": "pdf-contents",
            "id": "contents",
            "data-title": running_title(title),
            "data-short-title": running_title(title, SHORT_TITLE),
        },
        _el("h1", title),
        _el("p", _series_subtitle(briefs), {"class": "pdf-subtitle"}),
        entries,
    )
    running = pdf_head.shared_value({b.publisher for b in briefs})
    if running:
        cover.set("data-running", running_title(running))
    marking = series_marking(briefs)
    if marking:
        cover.set("data-marking", running_title(marking))
        cover.set("class", f"pdf-contents pdf-{marking_slug(marking)}")
    return cover
