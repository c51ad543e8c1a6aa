"""HTML parser: tables, figures and footnotes on other people's pages."""

from __future__ import annotations

import pytest

from briefkit import (
    Alignment,
    Figure,
    ItemList,
    LimitError,
    Note,
    Paragraph,
    Table,
    Text,
    parse_html,
)
from briefkit.limits import MAX_TABLE_CELLS
from briefkit.model import Block, notes_in, plain_text
from strategies import PNG_DOT


def page(body: str) -> str:
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"></head><body>'
        f"<article><h1>Port Closures in the Gulf</h1><h2>Analysis</h2>{body}</article>"
        "</body></html>"
    )


def blocks(body: str, base_url: str | None = None) -> list[Block]:
    brief = parse_html(page(body), base_url=base_url)
    return [b for s in brief.sections for b in s.blocks]


def rows(table: Block) -> list[tuple[bool, list[str]]]:
    assert isinstance(table, Table)
    return [(r.header, [c.text for c in r.cells]) for r in table.rows]


# --- tables -------------------------------------------------------------------------------

PORTS = (
    "<table><caption>Port status, 12 May</caption>"
    "<thead><tr><th>Port</th><th align=right>Ships</th><th>Status</th></tr></thead>"
    "<tbody><tr><td>Aden</td><td style='text-align: right'>0</td><td>Closed</td></tr>"
    "<tr><td>Djibouti</td><td>41</td><td>Open</td></tr></tbody></table>"
)


def test_a_data_table_is_a_table_not_a_paragraph_per_cell() -> None:
    (table,) = blocks(PORTS)
    assert rows(table) == [
        (True, ["Port", "Ships", "Status"]),
        (False, ["Aden", "0", "Closed"]),
        (False, ["Djibouti", "41", "Open"]),
    ]
    assert isinstance(table, Table)
    assert plain_text(table.caption) == "Port status, 12 May"
    assert table.align == (None, Alignment.RIGHT)


def test_th_rows_without_thead_are_header_rows_and_tfoot_comes_last() -> None:
    (table,) = blocks(
        "<table><tfoot><tr><td>Total</td><td>41</td></tr></tfoot>"
        "<tr><th>Port</th><th>Ships</th></tr><tr><th>Aden</th><td>0</td></tr>"
        "<tr><td>Djibouti</td><td>41</td></tr></table>"
    )
    assert rows(table) == [
        (True, ["Port", "Ships"]),
        (False, ["Aden", "0"]),  # a row header is a cell like any other
        (False, ["Djibouti", "41"]),
        (False, ["Total", "41"]),
    ]


def test_spanning_cells_are_flattened_so_columns_stay_aligned() -> None:
    (table,) = blocks(
        "<table><tr><th colspan=2>Route</th><th>Days</th></tr>"
        "<tr><td rowspan=2>Suez</td><td>north</td><td>12</td></tr>"
        "<tr><td>south</td><td>14</td></tr>"
        "<tr><td>Cape</td><td colspan=99999>both</td></tr></table>"
    )
    assert rows(table) == [
        (True, ["Route", "", "Days"]),
        (False, ["Suez", "north", "12"]),
        (False, ["", "south", "14"]),
        (False, ["Cape", "both", ""]),  # a span past the last column adds none
    ]


def test_layout_tables_are_read_through_as_before() -> None:
    brief = parse_html(
        page(
            "<table role=presentation><tr><td>First paragraph.</td></tr></table>"
            "<table><tr><td><h3>Outlook</h3><p>Calmer seas.</p><p>Fewer attacks.</p></td></tr>"
            "</table>"
        )
    )
    assert [(s.heading, [b.text for b in s.paragraphs]) for s in brief.sections] == [
        ("Analysis", ["First paragraph."]),
        ("Outlook", ["Calmer seas.", "Fewer attacks."]),
    ]


@pytest.mark.parametrize(
    "table",
    [
        "<table><tr> stray words </tr></table>",
        "<table><tr><td>Aden</td> stray words </tr></table>",
        "<table><tr><td>Aden</td></tr> stray words </table>",
        "<table><tbody><p>stray words</p><tr><td>Aden</td></tr></tbody></table>",
    ],
)
def test_text_outside_the_cells_keeps_the_table_a_layout_table(table: str) -> None:
    """A grid has no place for it, so the table is read through and every word is kept."""
    found = blocks(table)
    assert not any(isinstance(b, Table) for b in found)
    assert "stray words" in " ".join(b.text for b in found)


def test_a_table_beyond_the_cell_limit_is_a_limit_error() -> None:
    row = "<tr>" + "<td>x</td>" * 50 + "</tr>"
    with pytest.raises(LimitError, match="MAX_TABLE_CELLS") as info:
        parse_html(page("<table>" + row * (MAX_TABLE_CELLS // 50 + 1) + "</table>"))
    assert info.value.element is not None
    assert "table" in info.value.element


def test_a_table_of_empty_cells_only_is_still_a_table_and_an_empty_table_is_nothing() -> None:
    assert blocks("<p>x</p><table></table><table><tr></tr></table>") == [
        Paragraph(content=(Text(text="x"),))
    ]


# --- figures ------------------------------------------------------------------------------


def test_figure_img_and_figcaption_become_a_figure() -> None:
    (figure,) = blocks(
        '<figure><img src="maps/gulf.png" alt="Map of the Gulf" width="640" height="400">'
        "<figcaption>The Gulf of <em>Aden</em></figcaption></figure>",
        base_url="https://example.org/briefs/ports",
    )
    assert isinstance(figure, Figure)
    assert figure.src == "https://example.org/briefs/maps/gulf.png"
    assert (figure.alt, figure.width, figure.height) == ("Map of the Gulf", 640, 400)
    assert plain_text(figure.caption) == "The Gulf of Aden"


def test_bare_images_keep_their_alt_text_lazy_sources_and_no_pixels() -> None:
    found = blocks(
        '<p><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="/img/port.jpg"'
        ' alt="Aden port"></p>'
        '<div><img src="https://tracker.example/p.gif" width="1" height="1" alt=""></div>'
        '<p>Text with an <img class="emoji" src="smile.png" alt="smile"> emoji.</p>'
        '<noscript><img src="fallback.png" alt="fallback"></noscript>'
        f'<picture><source srcset="a.webp"><img src="{PNG_DOT}" alt="Dot"></picture>',
        base_url="https://example.org/x",
    )
    assert [(type(b).__name__, getattr(b, "src", b.text)) for b in found] == [
        ("Figure", "https://example.org/img/port.jpg"),
        ("Paragraph", "Text with an emoji."),
        ("Figure", PNG_DOT),
    ]


def test_a_refused_image_keeps_its_alt_text_and_caption() -> None:
    found = blocks(
        '<figure><img src="javascript:alert(1)" alt="A chart"><figcaption>Rates</figcaption>'
        '</figure><img src="file:///etc/passwd" alt="">'
    )
    assert [b.text for b in found] == ["A chart", "Rates"]
    assert all(isinstance(b, Paragraph) for b in found)


def test_a_figure_around_a_table_gives_the_table_its_caption() -> None:
    (table,) = blocks(
        f"<figure>{PORTS.replace('<caption>Port status, 12 May</caption>', '')}"
        "<figcaption>Ports today</figcaption></figure>"
    )
    assert isinstance(table, Table)
    assert plain_text(table.caption) == "Ports today"


# --- footnotes ----------------------------------------------------------------------------


def notes_and_text(body: str) -> tuple[list[str], list[str]]:
    found = blocks(body)
    notes = [n.text for b in found if isinstance(b, Paragraph) for n in notes_in(b.content)]
    texts = [t.text for b in found for t in (b.items if isinstance(b, ItemList) else [b])]
    return notes, texts


@pytest.mark.parametrize(
    "body",
    [
        # pandoc
        '<p>Closed<a href="#fn1" class="footnote-ref" id="fnref1" role="doc-noteref"><sup>1</sup>'
        "</a> today.</p>"
        '<section class="footnotes" role="doc-endnotes"><hr><ol><li id="fn1" role="doc-endnote">'
        '<p>Port notice.<a href="#fnref1" class="footnote-back" role="doc-backlink">↩︎</a></p>'
        "</li></ol></section>",
        # kramdown / Jekyll
        '<p>Closed<sup id="fnref:1"><a href="#fn:1" class="footnote">1</a></sup> today.</p>'
        '<div class="footnotes"><ol><li id="fn:1"><p>Port notice. '
        '<a href="#fnref:1" class="reversefootnote">&#8617;</a></p></li></ol></div>',
        # a plain sup link and a Notes heading over the list
        '<p>Closed<sup><a href="#note-1" id="ref-1">[1]</a></sup> today.</p>'
        '<h2>Notes</h2><ol><li id="note-1">Port notice. <a href="#ref-1">↑</a></li></ol>',
        # Word's "Save as web page"
        '<p>Closed<a style="mso-footnote-id:ftn1" href="#_ftn1" name="_ftnref1">'
        "<span class=MsoFootnoteReference>[1]</span></a> today.</p>"
        '<div style="mso-element:footnote-list"><div style="mso-element:footnote" id=ftn1>'
        '<p class=MsoFootnoteText><a href="#_ftnref1" name="_ftn1">[1]</a> Port notice.</p>'
        "</div></div>",
    ],
    ids=["pandoc", "kramdown", "sup-link", "word"],
)
def test_footnote_patterns_become_notes_and_leave_the_body(body: str) -> None:
    notes, texts = notes_and_text(body)
    assert notes == ["Port notice."]
    assert texts == ["Closed today."]


def test_a_listed_note_nobody_references_stays_content() -> None:
    notes, texts = notes_and_text(
        '<p>Closed<sup><a href="#fn1">1</a></sup>.</p>'
        '<ol class="footnotes"><li id="fn1">Used.</li><li id="fn2">Unused.</li></ol>'
    )
    assert notes == ["Used."]
    assert texts == ["Closed.", "Unused."]


def test_ordinary_fragment_links_stay_links() -> None:
    (para,) = blocks('<p>See <a href="#methods">the methods</a>.</p><h3 id="methods">M</h3>')[:1]
    assert isinstance(para, Paragraph)
    assert not list(notes_in(para.content))
    assert para.text == "See the methods."


def test_a_note_keeps_its_formatting_and_links() -> None:
    (para,) = blocks(
        '<p>Closed<sup><a href="#fn1">1</a></sup>.</p><div class="footnotes"><ol><li id="fn1">'
        '<em>Port</em> <a href="https://example.org/notice">notice</a>.</li></ol></div>',
    )
    assert isinstance(para, Paragraph)
    (note,) = notes_in(para.content)
    assert isinstance(note, Note)
    assert [type(c).__name__ for c in note.children] == ["Emphasis", "Text", "Link", "Text"]
