"""Hypothesis strategies for briefs, shared by every round-trip property test.

``briefs()`` draws valid models; its switches narrow them to what a format can carry:
``plain`` (no inline formatting: plain text has none), ``kinds_follow_headings`` (a section's
kind is what its heading says, which is all a heading-only format can express),
``headed`` (only the first section may lack a heading: later ones would merge into their
predecessor in any flat format), ``media`` (tables and figures) and ``notes`` (footnotes in
paragraphs, items, quotes, cells and captions).
"""

from __future__ import annotations

import datetime as dt
import string
from functools import cache

from hypothesis import strategies as st

from briefkit.model import (
    Alignment,
    Block,
    Brief,
    BriefLink,
    Cell,
    Emphasis,
    Figure,
    Inline,
    Item,
    ItemList,
    Link,
    Note,
    Paragraph,
    Quote,
    Row,
    Section,
    SectionKind,
    Strong,
    Table,
    Text,
)
from briefkit.parsers.vocabulary import classify_heading

__all__ = ["PNG_DOT", "briefs", "figures", "inline_content", "tables", "words"]

_ALPHABET = st.characters(
    codec="utf-8",
    categories=("L", "N", "P", "S", "Zs"),
    exclude_characters="\u2028\u2029\x85",
)
#: Some words, with punctuation and symbols that are special in Markdown, HTML and templates.
_SPECIAL = st.sampled_from(
    [
        "*",
        "_",
        "`",
        "#",
        "1.",
        "-",
        ">",
        "<script>",
        "&amp;",
        "{{ 7*7 }}",
        "{%",
        "[x](y)",
        ":",
        "\\",
        "|",
        "~",
        "“quoted”",
        "'",
        '"',
        "Previous",
        "Next",
        "https://example.test/x",
    ]
)
_WORD = st.one_of(st.text(_ALPHABET, min_size=1, max_size=12), _SPECIAL).filter(
    lambda w: w.strip() != ""
)


@cache
def words(min_size: int = 1, max_size: int = 6) -> st.SearchStrategy[str]:
    """A line of words separated by single spaces."""
    return st.lists(_WORD.map(str.strip).filter(bool), min_size=min_size, max_size=max_size).map(
        " ".join
    )


_HREF = st.one_of(
    st.builds(
        lambda p: f"https://example.test/{p}", st.text(string.ascii_lowercase + "-/", max_size=12)
    ),
    st.just("mailto:desk@example.test"),
    st.builds(lambda p: f"{p}.html", st.text(string.ascii_lowercase, min_size=1, max_size=8)),
)


@cache
def _inline(depth: int) -> st.SearchStrategy[Inline]:
    text = words().map(lambda w: Text(text=w))
    if depth <= 0:
        return text
    inner = st.lists(_inline(depth - 1), min_size=1, max_size=2)
    return st.one_of(
        text,
        text,
        inner.map(lambda c: Strong(children=c)),
        inner.map(lambda c: Emphasis(children=c)),
        st.builds(lambda c, h: Link(href=h, children=c), inner, _HREF),
    )


@cache
def inline_content(
    *, plain: bool = False, notes: bool = False
) -> st.SearchStrategy[tuple[Inline, ...]]:
    """Non-empty inline content (separated by spaces, as prose is); with ``notes``, now and
    then a note right after a word (as footnote marks sit) holding content of its own."""
    if plain:
        content = words(1, 12).map(lambda w: (Text(text=w),))
    else:
        nodes = st.lists(_inline(2), min_size=1, max_size=3)
        # Spaces between nodes keep the content prose-like; the model canonicalises the rest.
        content = nodes.map(
            lambda ns: tuple(x for n in ns for x in (n, Text(text=" ")))[:-1]
        ).filter(lambda c: any(not isinstance(n, Text) or n.text.strip() for n in c))
    if not notes:
        return content
    note = inline_content(plain=plain).map(lambda c: Note(children=c))
    with_note = st.builds(
        lambda c, n, rest: (*c, n, *rest),
        content,
        note,
        st.one_of(st.just(()), content.map(lambda r: (Text(text=" "), *r))),
    )
    return st.one_of(content, content, with_note)


#: A 1x1 PNG.
PNG_DOT = (
    "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk"
    "+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)
_SRC = st.sampled_from(
    [PNG_DOT, "https://example.test/maps/gulf.png", "maps/port-status.png", "img/a%20b.jpg"]
)
_SIZE = st.one_of(st.none(), st.integers(1, 2000))


@cache
def figures(*, plain: bool = False, notes: bool = False) -> st.SearchStrategy[Figure]:
    """Figures with any accepted kind of source, alt text, caption and size."""
    caption = st.one_of(st.just(()), inline_content(plain=plain, notes=notes))
    return st.builds(
        lambda src, alt, cap, w, h: Figure(src=src, alt=alt, caption=cap, width=w, height=h),
        _SRC,
        st.one_of(st.just(""), words(1, 6)),
        caption,
        _SIZE,
        _SIZE,
    )


@cache
def tables(*, plain: bool = False, notes: bool = False) -> st.SearchStrategy[Table]:
    """Small tables: ragged rows, 0-2 header rows, alignment, empty cells, a caption."""
    cell = st.one_of(
        st.just(Cell()), inline_content(plain=plain, notes=notes).map(lambda c: Cell(content=c))
    )
    row = st.lists(cell, min_size=1, max_size=4)

    def build(
        rows: list[list[Cell]], headers: int, align: list[Alignment | None], cap: tuple[Inline, ...]
    ) -> Table:
        return Table(
            caption=cap,
            rows=[Row(cells=r, header=k < headers) for k, r in enumerate(rows)],
            align=align,
        )

    return st.builds(
        build,
        st.lists(row, min_size=1, max_size=4),
        st.integers(0, 2),
        st.lists(st.one_of(st.none(), st.sampled_from(list(Alignment))), max_size=4),
        st.one_of(st.just(()), inline_content(plain=plain, notes=notes)),
    )


_HEADINGS = [
    "Analytic Judgement",
    "Key Judgments",
    "BLUF",
    "Summary",
    "Overview",
    "Background",
    "Analysis",
    "Supporting Evidence",
    "Key Points",
    "Implications",
    "Outlook",
    "Forecast",
    "Recommendations",
    "Sources",
    "Regional Reactions",
    "What We Are Watching",
]


@cache
def _section(
    first: bool, plain: bool, kinds_follow: bool, headed: bool, media: bool, notes: bool
) -> st.SearchStrategy[Section]:
    heading = st.sampled_from(_HEADINGS)
    if first or not headed:
        heading = st.one_of(st.none(), heading)  # type: ignore[assignment]
    content = inline_content(plain=plain, notes=notes)
    item = st.builds(
        lambda lead, body: Item(lead=lead, body=body),
        st.one_of(st.just(""), words(1, 4).map(lambda w: w.replace(":", ""))),
        content,
    )
    kinds: list[st.SearchStrategy[Block]] = [
        content.map(lambda c: Paragraph(content=c)),
        st.builds(
            lambda o, i: ItemList(ordered=o, items=i),
            st.booleans(),
            st.lists(item, min_size=1, max_size=3),
        ),
        content.map(lambda c: Quote(content=c)),
    ]
    if media:
        kinds += [tables(plain=plain, notes=notes), figures(plain=plain, notes=notes)]
    block = st.one_of(*kinds)

    def make(h: str | None, kind: SectionKind, blocks: list[Paragraph]) -> Section:
        if kinds_follow:
            kind = (classify_heading(h) if h else None) or SectionKind.OTHER
        return Section(kind=kind, heading=h, blocks=blocks)

    return st.builds(
        make, heading, st.sampled_from(list(SectionKind)), st.lists(block, min_size=1, max_size=3)
    )


_DATE = st.one_of(
    st.none(),
    st.dates(dt.date(1990, 1, 1), dt.date(2040, 1, 1)),
    st.datetimes(
        dt.datetime(1990, 1, 1),
        dt.datetime(2040, 1, 1),
        timezones=st.sampled_from([dt.UTC, dt.timezone(dt.timedelta(hours=-5))]),
    ).map(lambda d: d.replace(microsecond=0)),
)
_LINK = st.one_of(
    st.none(),
    st.builds(lambda t, h: BriefLink(title=t, href=h), words(1, 8), st.one_of(st.none(), _HREF)),
    st.builds(lambda h: BriefLink(href=h), _HREF),
)
_NAME = words(1, 3).map(lambda w: w.replace(",", "").replace(";", ""))


def briefs(
    *,
    plain: bool = False,
    kinds_follow_headings: bool = False,
    headed: bool = True,
    media: bool = True,
    notes: bool = True,
) -> st.SearchStrategy[Brief]:
    """Valid briefs, narrowed by the switches described in the module docstring."""

    @st.composite
    def build(draw: st.DrawFn) -> Brief:
        n = draw(st.integers(0, 4))
        sections = [
            draw(_section(i == 0, plain, kinds_follow_headings, headed, media, notes))
            for i in range(n)
        ]
        opt = lambda s: draw(st.one_of(st.none(), s))  # noqa: E731
        return Brief(
            title=draw(words(1, 8)),
            url=opt(_HREF.filter(lambda h: h.startswith("https"))),
            slug=opt(
                st.text(string.ascii_lowercase + "-", min_size=1, max_size=20).filter(
                    lambda s: s.strip("-") != ""
                )
            ),
            published=draw(_DATE),
            updated=draw(_DATE),
            authors=draw(st.lists(_NAME, max_size=3)),
            publisher=opt(_NAME),
            category=opt(_NAME),
            tags=draw(st.lists(_NAME, max_size=4)),
            summary=opt(words(1, 10)),
            marking=opt(st.sampled_from(["TLP:CLEAR", "TLP:GREEN", "TLP:AMBER", "TLP:RED"])),
            language=opt(st.sampled_from(["en", "en-GB", "fr", "de-CH"])),
            sections=sections,
            prev=draw(_LINK),
            next=draw(_LINK),
        )

    return build()


def as_written(brief: Brief) -> Brief:
    """The brief as the document renderers write it by default (``defang="auto"``): quoted
    indicators defanged and no longer links. A round trip through HTML, DOCX, Markdown or
    text gives this back; it is ``brief`` itself for a brief that quotes no indicator."""
    from briefkit.ioc import defang_brief

    return defang_brief(brief, "auto", ())
