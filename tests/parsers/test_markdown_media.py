"""Markdown parser: GFM pipe tables, images as figures, footnotes as notes."""

from __future__ import annotations

import pytest

from briefkit import Alignment, Figure, LimitError, Paragraph, ParseError, Table, parse_markdown
from briefkit.limits import MAX_TABLE_CELLS
from briefkit.model import Block, block_inlines, notes_in, plain_text


def blocks(body: str, front: str = "") -> list[Block]:
    text = (f"---\n{front}---\n" if front else "") + "# Port Closures\n\n" + body
    return [b for s in parse_markdown(text).sections for b in s.blocks]


def test_a_pipe_table_with_alignment_and_a_caption() -> None:
    (table,) = blocks(
        "| Port | Status | Ships |\n|:-----|:------:|------:|\n| Aden | Closed | 0 |\n"
        "| Djibouti | Open \\| busy | 41 |\n\nTable: Port status, *12 May*\n"
    )
    assert isinstance(table, Table)
    assert [(r.header, [c.text for c in r.cells]) for r in table.rows] == [
        (True, ["Port", "Status", "Ships"]),
        (False, ["Aden", "Closed", "0"]),
        (False, ["Djibouti", "Open | busy", "41"]),
    ]
    assert table.align == (Alignment.LEFT, Alignment.CENTER, Alignment.RIGHT)
    assert plain_text(table.caption) == "Port status, 12 May"


def test_an_empty_header_row_means_none_and_an_escaped_caption_is_a_paragraph() -> None:
    table, para = blocks("|  |  |\n|--|--|\n| a | b |\n\nTable\\: not a caption\n")
    assert isinstance(table, Table)
    assert [r.header for r in table.rows] == [False]
    assert isinstance(para, Paragraph)
    assert para.text == "Table: not a caption"


def test_front_matter_hints_give_header_rows_and_figure_sizes() -> None:
    table, figure = blocks(
        "| A | B |\n|---|---|\n| a1 | b1 |\n| x | y |\n\n![Map](map.png)\n",
        front="header_rows: [2]\nfigure_sizes: [[640, null]]\n",
    )
    assert isinstance(table, Table)
    assert [r.header for r in table.rows] == [True, True, False]
    assert isinstance(figure, Figure)
    assert (figure.width, figure.height) == (640, None)
    with pytest.raises(ParseError, match="header_rows"):
        blocks("| A |\n|---|\n| a |\n", front="header_rows: [1, 2]\n")


def test_an_image_alone_in_a_paragraph_is_a_figure_with_its_title_as_caption() -> None:
    figure, para = blocks(
        '![Map of the *Gulf*](maps/gulf.png "The Gulf of **Aden**[^1]")\n\n'
        "Text with an ![icon](i.png) inside.\n\n[^1]: Survey of 2023.\n"
    )
    assert isinstance(figure, Figure)
    assert (figure.src, figure.alt) == ("maps/gulf.png", "Map of the Gulf")
    assert plain_text(figure.caption) == "The Gulf of Aden"
    assert [n.text for n in notes_in(figure.caption)] == ["Survey of 2023."]
    assert para.text == "Text with an icon inside."


def test_an_unsafe_image_keeps_its_alt_text() -> None:
    (para,) = blocks("![A chart](javascript:alert(1))\n")
    assert isinstance(para, Paragraph)
    assert para.text == "A chart"


def test_footnotes_become_notes_with_their_content() -> None:
    (para, items) = blocks(
        "Closed[^port] and ^[an inline note] watched[^port].\n\n- **Lead:** body[^2]\n\n"
        "[^port]: The **port** notice,\n    continued.\n\n    A second paragraph.\n"
        "[^2]: Item note with a nested ref[^port].\n"
    )
    assert isinstance(para, Paragraph)
    assert [n.text for n in notes_in(para.content)] == [
        "The port notice, continued. A second paragraph.",
        "an inline note",
        "The port notice, continued. A second paragraph.",
    ]
    ((item_note,),) = [list(notes_in(i.body)) for i in items.items]  # type: ignore[union-attr]
    assert item_note.text.startswith("Item note with a nested ref")  # notes do not nest
    assert para.text == "Closed and watched."


def test_a_footnote_nobody_references_is_kept_as_a_paragraph() -> None:
    found = blocks("Body.\n\n[^x]: Orphan note.\n")
    assert [b.text for b in found] == ["Body.", "Orphan note."]


def test_a_table_beyond_the_limits_is_a_limit_error() -> None:
    rows = "| x |\n" * (MAX_TABLE_CELLS + 1)
    with pytest.raises(LimitError, match="MAX_TABLE_CELLS"):
        blocks("| A |\n|---|\n" + rows)


def test_a_definition_inside_a_list_item_or_quote_is_only_the_note() -> None:
    found = blocks(
        "- Item one has a note.[^b]\n\n  [^b]: Note b text.\n\n"
        "> A quote.[^c]\n>\n> [^c]: Note c text.\n"
    )
    texts = [plain_text(run) for b in found for run in block_inlines(b)]
    assert texts == ["Item one has a note.", "A quote."]
    notes = [n.text for b in found for run in block_inlines(b) for n in notes_in(run)]
    assert notes == ["Note b text.", "Note c text."]
