"""briefkit's own HTML (``<article class="brief">``), read back literally.

The renderer's markup contract (see :mod:`briefkit.renderers.html`) says where every field
of the model lives, so nothing here guesses: section kinds come from ``data-kind``, lead-ins
only from ``strong.lead``, and a bold paragraph stays a bold paragraph. Links are kept as
written unless the caller passes ``base_url``. Blocks, items and inline content are spent
from one :class:`~.dom.Budget`, as on any other page.
"""

from __future__ import annotations

from collections.abc import Callable

from ...model import (
    Block,
    Brief,
    BriefLink,
    Inline,
    Item,
    ItemList,
    Paragraph,
    Quote,
    Section,
    SectionKind,
)
from ...syntax.headings import classify_heading
from ..media import make_figure, size
from .blocks import BlockEvent, HeadingEvent, ListEvent, walk_blocks
from .dom import Budget, Element, has_class, plain, tag_of
from .inline import convert_inline, finish
from .notes import Notes
from .tables import read_figure, read_image, read_table

__all__ = ["find_own_article", "read_own"]

Resolve = Callable[[str | None], str | None]
_KINDS = {k.value: k for k in SectionKind}


def find_own_article(doc: Element) -> Element | None:
    """The ``article.brief`` holding an ``h1.brief-title``, if the page is briefkit's."""
    for article in doc.iter("article"):
        if has_class(article, "brief") and any(
            has_class(h, "brief-title") for h in article.iter("h1")
        ):
            return article
    return None


def _first(root: Element, cls: str) -> Element | None:
    return next((el for el in root.iter() if has_class(el, cls)), None)


def _text(root: Element, cls: str) -> str | None:
    el = _first(root, cls)
    return plain(el) if el is not None else None


class _Reader:
    """Inline content as the contract writes it: links resolved, notes read from the list."""

    def __init__(self, article: Element, resolve: Resolve) -> None:
        self.resolve = resolve
        #: Every part read is spent from one budget, as on any other page.
        self.budget = Budget()
        self.notes = Notes(
            article,
            lambda el, back: finish(
                convert_inline(el, links=resolve, skip=back, flatten=False, budget=self.budget)
            ),
            strip_markers=False,
        )

    def __call__(self, el: Element, skip: Element | None = None) -> tuple[Inline, ...]:
        self.budget.spend(1, el)  # the block or item holding it
        parts = convert_inline(
            el,
            links=self.resolve,
            skip=lambda e: e is skip,
            flatten=False,
            notes=self.notes.ref,
            budget=self.budget,
        )
        return finish(parts)


def _figure(el: Element, read: _Reader) -> list[Block]:
    """A ``figure.brief-figure``, also the form whose image was left out (``data-src``)."""
    if not has_class(el, "brief-figure-missing"):
        return read_figure(el, read.resolve, read, pixels=True) or []
    alt_el = next((c for c in el if has_class(c, "brief-figure-alt")), None)
    caption_el = next((c for c in el if tag_of(c) == "figcaption"), None)
    return make_figure(
        el.get("data-src"),
        plain(alt_el) if alt_el is not None else "",
        read(caption_el) if caption_el is not None else (),
        width=size(el.get("data-width")),
        height=size(el.get("data-height")),
    )


def _item(li: Element, read: _Reader) -> Item:
    lead_el = next((c for c in li if tag_of(c) == "strong" and has_class(c, "lead")), None)
    lead = ""
    if lead_el is not None:
        lead = plain(lead_el)
        lead = lead[:-1] if lead.endswith(":") else lead
    return Item(lead=lead, body=read(li, skip=lead_el))


def _blocks(section: Element, read: _Reader) -> list[Block]:
    blocks: list[Block] = []
    for child in section:
        tag = tag_of(child)
        if tag == "p":
            blocks.append(Paragraph(content=read(child)))
        elif tag == "blockquote":
            paras = [c for c in child if tag_of(c) == "p"] or [child]
            blocks.extend(Quote(content=read(p)) for p in paras)
        elif tag in ("ol", "ul"):
            read.budget.spend(1, child)
            items = tuple(_item(li, read) for li in child if tag_of(li) == "li")
            blocks.append(ItemList(ordered=tag == "ol", items=items))
        elif tag == "table" and has_class(child, "brief-table"):
            table = read_table(child, read)
            blocks.extend([table] if table is not None else [])
        elif tag == "figure" and has_class(child, "brief-figure"):
            blocks.extend(_figure(child, read))
        elif tag == "img":
            blocks.extend(read_image(child, read.resolve, pixels=True))
        elif tag and not has_class(child, "brief-heading"):
            blocks.extend(_foreign(child, read))
    return blocks


def _foreign(el: Element, read: _Reader) -> list[Block]:
    """Markup a user template added inside a section: its text kept, literally."""
    blocks: list[Block] = []
    for event in walk_blocks(el, links=read.resolve, notes=read.notes.ref, budget=read.budget):
        if isinstance(event, BlockEvent):
            blocks.extend(event.blocks)
        elif isinstance(event, ListEvent):
            items = tuple(Item(body=finish(p)) for p in event.items)
            blocks.append(ItemList(ordered=event.ordered, items=items))
        elif isinstance(event, HeadingEvent) or not event.quote:
            blocks.append(Paragraph(content=finish(event.parts)))
        else:
            blocks.append(Quote(content=finish(event.parts)))
    return blocks


def _section(el: Element, read: _Reader) -> Section:
    heading_el = next((c for c in el if has_class(c, "brief-heading")), None)
    heading = plain(heading_el) if heading_el is not None else None
    kind = _KINDS.get(str(el.get("data-kind", "")).strip().lower())
    if kind is None:
        kind = (classify_heading(heading) if heading else None) or SectionKind.OTHER
    read.budget.spend(1, el)
    return Section(kind=kind, heading=heading, blocks=tuple(_blocks(el, read)))


def _nav(article: Element, side: str, resolve: Resolve) -> BriefLink | None:
    el = _first(article, f"brief-{side}")
    if el is None:
        return None
    href = resolve(el.get("href")) if tag_of(el) == "a" and el.get("href") else None
    title = _text(el, "brief-nav-title") or None
    if not title and not href:
        return None
    return BriefLink(title=title, href=href)


def read_own(article: Element, doc: Element, resolve: Resolve) -> Brief:
    """The brief an ``article.brief`` holds, every field where the contract puts it."""
    header = _first(article, "brief-header")
    head = header if header is not None else article
    title_el = next(h for h in article.iter("h1") if has_class(h, "brief-title"))
    published = _first(head, "brief-published")
    updated = _first(head, "brief-updated")
    summary = next((m for m in head.iter("meta") if m.get("itemprop") == "description"), None)
    url = next((m for m in head.iter("link") if m.get("itemprop") == "url"), None)
    slug_meta = next((m for m in doc.iter("meta") if m.get("name") == "briefkit:slug"), None)
    read = _Reader(article, resolve)
    return Brief(
        title=plain(title_el),
        url=resolve(url.get("href")) if url is not None else None,
        slug=article.get("data-slug")
        or (slug_meta.get("content") if slug_meta is not None else None),
        published=_datetime(published),
        updated=_datetime(updated),
        authors=tuple(plain(a) for a in head.iter() if has_class(a, "brief-author")),
        publisher=_text(head, "brief-publisher"),
        category=_text(head, "brief-category"),
        tags=tuple(plain(t) for t in head.iter() if has_class(t, "brief-tag")),
        summary=summary.get("content") if summary is not None else None,
        marking=_text(head, "brief-marking"),
        language=article.get("lang") or (None if _own_page(doc) else doc.get("lang")),
        sections=tuple(
            _section(s, read) for s in article.iter("section") if has_class(s, "brief-section")
        ),
        prev=_nav(article, "prev", resolve),
        next=_nav(article, "next", resolve),
    )


def _own_page(doc: Element) -> bool:
    """True for a page briefkit wrote: its ``<html lang>`` may be the default language,
    declared for a brief without one, so only the article's ``lang`` is the brief's."""
    return any(
        m.get("name") == "generator" and (m.get("content") or "").startswith("briefkit ")
        for m in doc.iter("meta")
    )


def _datetime(el: Element | None) -> str | None:
    if el is None:
        return None
    time = next((t for t in el.iter("time") if t.get("datetime")), None)
    return time.get("datetime") if time is not None else None
