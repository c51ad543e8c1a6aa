"""A brief from somebody else's page: content among chrome, metadata, navigation.

The pieces live in their own modules (:mod:`.content`, :mod:`.blocks`,
:mod:`.structure`, :mod:`.meta`, :mod:`.nav`); this one puts them in order
and decides when a page holds no brief at all.
"""

from __future__ import annotations

from ...errors import ParseError
from ...model import Brief, Section
from ...safety import href_scheme
from ...syntax.headings import classify_heading
from .blocks import walk_blocks
from .chrome import Chrome
from .content import find_content, find_title_heading
from .dom import Element, plain
from .inline import LinkResolver, convert_inline, finish
from .meta import read_meta
from .nav import read_nav
from .notes import Notes
from .structure import build_sections

__all__ = ["read_page"]


def _http(url: str | None) -> str | None:
    return url if url and href_scheme(url) in ("http", "https") else None


def _where(el: Element) -> str:
    return str(el.getroottree().getpath(el))


def _sections(
    doc: Element, content: Element, chrome: Chrome, h1: Element | None, resolve: LinkResolver
) -> tuple[Section, ...]:
    # Footnote references become notes; the list they point to leaves the body.
    notes = Notes(
        doc,
        lambda el, back: finish(
            convert_inline(el, links=resolve, skip=lambda e: back(e) or chrome.hard(e))
        ),
    )
    events = walk_blocks(
        content,
        links=resolve,
        skip=lambda el: el is h1 or chrome(el) or notes.listed(el),
        drop_line=chrome.line,
        has_blocks=chrome.has_blocks,
        notes=notes.ref,
    )
    return build_sections(events)


def read_page(doc: Element, base: str | None) -> Brief:
    """The brief a page holds; ParseError when it has no title or no text to speak of.

    ``base`` (an http(s) URL or None) resolves relative links, before the canonical URL.
    """
    found = find_content(doc)
    content = found.root
    meta = read_meta(doc, scope=content, base=base)
    resolve = LinkResolver(base or _http(meta.url), scheme_relative="https")
    h1 = find_title_heading(content, meta.headlines, meta.titles)
    sections = _sections(doc, content, found.chrome, h1, resolve)
    if not any(section.blocks for section in sections) and content is not found.body:
        # The content search was wrong (everything it found was chrome): the whole page.
        content = found.body
        sections = _sections(doc, content, found.whole_page(), h1, resolve)
    if not any(section.blocks for section in sections):
        raise ParseError(
            "no recognisable content: expected paragraphs, lists or headings in the article",
            element=_where(content),
        )
    title = plain(h1) if h1 is not None else next(iter(meta.titles), None)
    if not title:
        heading = sections[0].heading
        if heading and classify_heading(heading) is None:
            first = sections[0].model_copy(update={"heading": None})
            title, sections = heading, (first, *sections[1:])
    if not title:
        raise ParseError("no title: the page has no h1, og:title or <title>", element="/html")
    prev, next_ = read_nav(doc, resolve)
    return Brief(
        title=title,
        url=meta.url,
        slug=meta.slug,
        published=meta.published,
        updated=meta.updated,
        authors=tuple(meta.authors),
        publisher=meta.publisher,
        category=meta.category,
        tags=tuple(meta.tags),
        summary=meta.summary,
        marking=meta.marking,
        language=meta.language,
        sections=sections,
        prev=prev,
        next=next_,
    )
