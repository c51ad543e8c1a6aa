"""A page's metadata: address, dates, authors, site, category, tags, summary, language.

Sites say the same thing several times (meta tags, microdata, JSON-LD, visible bylines)
and not always consistently; each field takes the first source that has a usable value, in
the order of how deliberate the source is: machine-readable tags before visible text. A
site's own name is never taken for an author, even when the site files itself as one.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote

from ...safety import collapse_space, split_url
from ...syntax.dates import iso_date
from .byline import byline_names, dom_authors
from .dom import Element, attr_tokens, has_class, plain, tag_of
from .inline import LinkResolver
from .jsonld import names_of, people_of, read_json_ld, strings_of

__all__ = ["PageMeta", "parse_date", "read_meta", "strip_site_suffix"]

#: Microdata values read per property, and the text read of each at most.
_MAX_PROPS = 20
_MAX_PROP_TEXT = 300
_SUFFIX_SEPARATORS = (" — ", " – ", " | ", " - ", " · ", " :: ")


@dataclass(slots=True)
class PageMeta:
    """Everything the page says about the brief besides its text."""

    url: str | None = None
    slug: str | None = None
    published: dt.date | None = None
    updated: dt.date | None = None
    authors: list[str] = field(default_factory=list)
    publisher: str | None = None
    category: str | None = None
    tags: list[str] = field(default_factory=list)
    summary: str | None = None
    marking: str | None = None
    language: str | None = None
    titles: list[str] = field(default_factory=list)  # fallbacks when the page has no h1
    headlines: list[str] = field(default_factory=list)  # declared (JSON-LD, og, twitter)
    site_names: list[str] = field(default_factory=list)


def parse_date(value: str | None) -> dt.date | None:
    """A date or datetime from ISO 8601 (or an RFC 2822 date); None when unreadable.

    A value no calendar holds (a year past 9999, an offset of days, a time that is not in
    the years 1-9999 once moved to UTC) is unreadable too, whichever reader meets it.
    """
    if not value or not value.strip():
        return None
    value = value.strip()
    try:
        date = iso_date(value) or email.utils.parsedate_to_datetime(value)
        if isinstance(date, dt.datetime) and date.utcoffset() is not None:
            date.astimezone(dt.UTC)  # representable as a moment, not only as text
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return date


def _first(*values: str | None) -> str | None:
    for value in values:
        if value and collapse_space(value).strip():
            return collapse_space(value).strip()
    return None


def _dedupe(values: list[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for value in values:
        value = collapse_space(value).strip()
        if value and value.casefold() not in seen:
            seen.add(value.casefold())
            out.append(value)
    return out


def strip_site_suffix(title: str, site_names: list[str]) -> str:
    """``"Title — SITE NAME"`` without the site; an unknown suffix stays unless it is the
    only hint (no site name known and the tail is short)."""
    title = collapse_space(title).strip()
    known = {s.casefold() for s in site_names}
    for sep in _SUFFIX_SEPARATORS:
        head, found, tail = title.rpartition(sep)
        if found and head.strip():
            if tail.strip().casefold() in known:
                return head.strip()
            if not known and sep in (" — ", " | ") and len(tail.split()) <= 4:
                return head.strip()
    return title


class _Page:
    """The page's ``meta``/``link`` tags and microdata, indexed once."""

    def __init__(self, doc: Element) -> None:
        self.meta: dict[str, list[str]] = {}
        self.links: dict[str, list[str]] = {}
        self._props: dict[str, list[Element]] = {}
        for el in doc.iter():
            tag = tag_of(el)
            if tag == "meta":
                content = el.get("content")
                if content is None:
                    continue
                for attr in ("name", "property", "http-equiv"):
                    key = el.get(attr)
                    if key:
                        self.meta.setdefault(key.strip().lower(), []).append(content)
            elif tag == "link" and el.get("href"):
                for rel in attr_tokens(el, "rel"):
                    self.links.setdefault(rel, []).append(str(el.get("href")))
            prop = el.get("itemprop") if tag else None
            if prop:
                for key in prop.lower().split():
                    found = self._props.setdefault(key, [])
                    if len(found) < _MAX_PROPS:
                        found.append(el)

    def one(self, key: str) -> str | None:
        return _first(*self.meta.get(key, ()))

    def props(self, key: str) -> list[str]:
        """The values of a microdata property: an attribute, else the start of the text
        (bounded: nested properties do not make every value a walk of the page)."""
        values = []
        for el in self._props.get(key.lower(), ()):
            value = el.get("content") or el.get("datetime") or el.get("href")
            values.append(value or plain(el, limit=_MAX_PROP_TEXT))
        return values

    def prop(self, key: str) -> str | None:
        return _first(*self.props(key))


def _absolute(href: str | None, base: str | None) -> str | None:
    if not href or not href.strip():
        return None
    return LinkResolver(base, scheme_relative="https")(href)


def _slug(url: str | None) -> str | None:
    parts = split_url(url) if url else None
    if parts is None:
        return None
    last = unquote(parts.path.rstrip("/").rpartition("/")[2])
    last = re.sub(r"\.(?:html?|xhtml|php|aspx?)$", "", last, flags=re.IGNORECASE)
    return last or None


def _entry(scope: Element) -> Element:
    """The element standing for the whole entry: the nearest enclosing ``article``."""
    for el in (scope, *scope.iterancestors()):
        if tag_of(el) == "article" or has_class(el, "hentry", "h-entry"):
            return el
    return scope


def _entry_classes(scope: Element, prefix: str) -> list[str]:
    for el in (scope, *scope.iterancestors()):
        names = str(el.get("class", "")).lower().split()
        found = [c[len(prefix) :] for c in names if c.startswith(prefix) and len(c) > len(prefix)]
        if found:
            return found
    return []


def _dom_terms(doc: Element, kind: str) -> list[str]:
    """Category (``kind="category"``) or tag links: Squarespace classes and ``rel`` values."""
    names = {"category": ("blog-categories", "blog-category"), "tag": ("blog-item-tag",)}[kind]
    out: list[str] = []
    for el in doc.iter("a"):
        rel = attr_tokens(el, "rel") if el.get("rel") else frozenset()
        wanted = kind in rel and (kind == "category" or "category" not in rel)
        if wanted or has_class(el, *names):
            out.append(plain(el))
    return out


def _url(page: _Page, art: dict[str, Any], base: str | None) -> str | None:
    main_entity = art.get("mainEntityOfPage")
    if isinstance(main_entity, dict):
        main_entity = main_entity.get("@id")
    for candidate in (
        _first(*page.links.get("canonical", ())),
        page.one("og:url"),
        *strings_of(art.get("url")),
        *strings_of(main_entity),
        base,
    ):
        url = _absolute(candidate, base)
        if url:
            return url
    return None


#: Meta tags naming the publication date, most deliberate first (Open Graph's article
#: namespace, Dublin Core, the names news sites and their analytics tags use).
_PUBLISHED_META = (
    "article:published_time",
    "og:published_time",
    "article:published",
    "dcterms.created",
    "dcterms.issued",
    "dc.date.issued",
    "dc.date.created",
    "dc.date",
    "dcterms.date",
    "citation_publication_date",
    "citation_date",
    "parsely-pub-date",
    "sailthru.date",
    "publish-date",
    "publish_date",
    "publishdate",
    "pubdate",
    "publication_date",
    "date",
)
_MODIFIED_META = (
    "article:modified_time",
    "og:updated_time",
    "dcterms.modified",
    "dc.date.modified",
    "last-modified",
    "lastmod",
)


def _dates(
    doc: Element, page: _Page, art: dict[str, Any], scope: Element
) -> tuple[dt.date | None, dt.date | None]:
    """(published, updated): the first readable value of each, sources read lazily."""

    def published() -> Iterator[str | None]:
        yield from strings_of(art.get("datePublished"))
        yield from (page.one(name) for name in _PUBLISHED_META)
        yield page.prop("datePublished")
        yield from strings_of(art.get("dateCreated"))
        times = [t for t in doc.iter("time") if t.get("datetime")]
        for t in times:
            if has_class(t, "dt-published", "published") or t.get("pubdate") is not None:
                yield t.get("datetime")
        yield from (t.get("datetime") for t in _entry(scope).iter("time"))

    def updated() -> Iterator[str | None]:
        yield from strings_of(art.get("dateModified"))
        yield from (page.one(name) for name in _MODIFIED_META)
        yield page.prop("dateModified")
        for t in doc.iter("time"):
            if t.get("datetime") and has_class(t, "dt-updated", "updated"):
                yield t.get("datetime")

    return _date_from(published()), _date_from(updated())


#: Meta tags naming the author (``article:author`` is often a profile URL: skipped then).
_AUTHOR_META = (
    "author",
    "article:author",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
    "dcterms.creator",
    "byl",
)


def _cleaned(values: Iterable[str]) -> list[str]:
    return [n for v in values if "://" not in v for n in byline_names(v, single=True)]


def _authors(
    doc: Element, page: _Page, art: dict[str, Any], sites: list[str], scope: Element
) -> list[str]:
    """The first source naming people; the site's own name is never an author, unless
    the page's JSON-LD says it is a person's (a personal site)."""
    known = {s.casefold() for s in sites}
    persons = {p.casefold() for p in _cleaned(people_of(art.get("author")))}
    credited = _dedupe(_cleaned(names_of(art.get("author"), people=True)))
    authors = [a for a in credited if a.casefold() in persons or a.casefold() not in known]
    if authors:
        return authors
    sources: tuple[Callable[[], list[str]], ...] = (
        lambda: _cleaned(v for key in _AUTHOR_META for v in page.meta.get(key, ())),
        lambda: dom_authors((_entry(scope), doc)),  # walked only when the tags say nothing
        lambda: _cleaned(page.props("author")),
    )
    for source in sources:
        authors = [a for a in _dedupe(source()) if a.casefold() not in known]
        if authors:
            return authors
    return []


def _tags(doc: Element, page: _Page, art: dict[str, Any], scope: Element) -> list[str]:
    keywords = art.get("keywords")
    if isinstance(keywords, str):
        keywords = keywords.split(",")
    for source in (
        page.meta.get("article:tag", []),
        strings_of(keywords),
        _dom_terms(doc, "tag"),
        _entry_classes(scope, "tag-"),
    ):
        tags = _dedupe(source)
        if tags:
            return tags
    return []


def _headlines(page: _Page, art: dict[str, Any], sites: list[str]) -> list[str]:
    """The headlines the page declares for sharing and search (not its ``<title>``)."""
    candidates = (
        *strings_of(art.get("headline")),
        *(strip_site_suffix(t, sites) for t in page.meta.get("og:title", [])),
        *(strip_site_suffix(t, sites) for t in page.meta.get("twitter:title", [])),
    )
    return [t for t in candidates if t.strip()]


def _titles(doc: Element, headlines: list[str], sites: list[str]) -> list[str]:
    title_tag = next(doc.iter("title"), None)
    title = strip_site_suffix(plain(title_tag), sites) if title_tag is not None else ""
    return [*headlines, title] if title.strip() else headlines


def read_meta(doc: Element, *, scope: Element, base: str | None) -> PageMeta:
    """Metadata of ``doc``; ``scope`` is the content area (for entry classes and dates),
    ``base`` the caller's base URL (used to make the canonical URL absolute)."""
    page = _Page(doc)
    ld = read_json_ld(doc)
    art: dict[str, Any] = ld.article
    sites = _dedupe(
        [
            *page.meta.get("og:site_name", []),
            *ld.site_names,
            *names_of(art.get("publisher"), people=False),
            *page.props("publisher"),
            *page.meta.get("application-name", []),
        ]
    )
    meta = PageMeta(site_names=sites, url=_url(page, art, base))
    meta.slug = page.one("briefkit:slug") or _slug(meta.url)
    meta.marking = page.one("briefkit:marking")
    meta.published, meta.updated = _dates(doc, page, art, scope)
    meta.authors = _authors(doc, page, art, sites, scope)
    orgs = [n for n in names_of(art.get("author"), people=False) if n not in meta.authors]
    meta.publisher = _first(*sites, *orgs)
    meta.category = _first(
        page.one("article:section"),
        *strings_of(art.get("articleSection")),
        *_dom_terms(doc, "category"),
        *_entry_classes(scope, "category-"),
    )
    meta.tags = _tags(doc, page, art, scope)
    meta.summary = _first(
        page.one("description"),
        page.one("og:description"),
        *strings_of(art.get("description")),
        page.one("twitter:description"),
    )
    locale = page.one("og:locale")
    meta.language = _first(
        doc.get("lang"),
        doc.get("xml:lang"),
        *strings_of(art.get("inLanguage")),
        page.one("content-language"),
        locale.replace("_", "-") if locale else None,
    )
    meta.headlines = _headlines(page, art, sites)
    meta.titles = _titles(doc, meta.headlines, sites)
    return meta


def _date_from(values: Iterable[str | None]) -> dt.date | None:
    for value in values:
        parsed = parse_date(value)
        if parsed is not None:
            return parsed
    return None
