"""The ``<head>`` of the PDF's HTML: the PDF metadata, written from the model.

WeasyPrint turns ``<title>`` into Title, ``author`` into Author, ``description`` into
Subject, ``keywords`` into Keywords, ``generator`` into Creator and ``dcterms.created`` /
``dcterms.modified`` into CreationDate / ModDate. Writing the head here, not taking a
template's, keeps the metadata right whatever template made the body.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from lxml import etree

from ..._version import __version__
from ...model import Brief
from ...safety import collapse_space
from ...syntax.dates import instant, w3c_date

__all__ = ["description", "head", "ordered_distinct", "shared_value", "w3c_date"]


def head(briefs: Sequence[Brief], *, title: str, description: str | None) -> etree._Element:
    """The document head for ``briefs``: one author/keyword list, the earliest and latest date."""
    authors = ordered_distinct(a for b in briefs for a in b.authors)
    keywords = ordered_distinct(
        k for b in briefs for k in (*b.tags, *([b.category] if b.category else []))
    )
    created = [d for b in briefs if (d := b.published or b.updated)]
    modified = [d for b in briefs if (d := b.updated or b.published)]
    element = etree.Element("head")
    etree.SubElement(element, "meta", {"charset": "utf-8"})
    etree.SubElement(element, "title").text = title

    def meta(name: str, content: str) -> None:
        etree.SubElement(element, "meta", {"name": name, "content": content})

    for author in authors:
        meta("author", author)
    if description:
        meta("description", description)
    if keywords:
        meta("keywords", ", ".join(k.replace(",", " ") for k in keywords))
    meta("generator", f"briefkit {__version__}")
    if created:
        meta("dcterms.created", w3c_date(min(created, key=instant)))
    if modified:
        meta("dcterms.modified", w3c_date(max(modified, key=instant)))
    return element


def description(brief: Brief) -> str | None:
    """The summary, or the start of the judgement: what the PDF's Subject should say."""
    if brief.summary:
        return brief.summary
    section = brief.judgement or next((s for s in brief.sections if s.blocks), None)
    if section is None:
        return None
    text = collapse_space(section.text).strip()
    if len(text) <= 300:
        return text or None
    return text[:300].rsplit(" ", 1)[0] + " …"


def ordered_distinct(values: Iterable[str]) -> list[str]:
    """Each value once, in the order first seen (the briefs' order)."""
    seen: dict[str, None] = {}
    for value in values:
        seen.setdefault(value, None)
    return list(seen)


def shared_value(values: set[str | None]) -> str | None:
    """The one value every brief has, or None when they differ."""
    return next(iter(values)) if len(values) == 1 else None
