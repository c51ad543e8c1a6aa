"""The model's tables, figures and notes: validation, canonical form, limits, JSON."""

from __future__ import annotations

import base64

import pytest
from pydantic import ValidationError

from briefkit import (
    Alignment,
    Brief,
    Cell,
    Emphasis,
    Figure,
    Item,
    ItemList,
    Link,
    Note,
    Paragraph,
    Row,
    Section,
    Strong,
    Table,
    Text,
    images,
)
from briefkit.limits import MAX_TABLE_CELLS, MAX_TABLE_COLUMNS
from briefkit.model import block_inlines, notes_in, plain_text
from strategies import PNG_DOT


def t(text: str) -> Text:
    return Text(text=text)


def cell(text: str = "") -> Cell:
    return Cell(content=(t(text),) if text else ())


# --- figures ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "src",
    [
        "https://example.org/maps/gulf.png",
        "http://example.org/a.jpg",
        "maps/gulf.png",
        "../shared/map.png",
        "/images/map.png",
        "img/a%20b.png?v=2",
        PNG_DOT,
        "data:image/svg+xml;base64," + base64.b64encode(b"<svg/>").decode(),
    ],
)
def test_figure_sources_the_model_accepts(src: str) -> None:
    assert Figure(src=src, alt="A map").src == src


@pytest.mark.parametrize(
    "src",
    [
        "javascript:alert(1)",
        "JaVa\tScRiPt:alert(1)",
        "file:///etc/passwd",
        "ftp://example.org/a.png",
        "mailto:a@example.org",
        "//evil.example/pixel.png",
        "data:text/html;base64,PHNjcmlwdD4=",
        "data:image/png,rawbytes",
        "data:image/bmp;base64,Qk0=",
        "data:image/png;base64,not base64!",
        "%6Aavascript:alert(1)",
        "",
    ],
)
def test_unsafe_figure_sources_are_refused(src: str) -> None:
    with pytest.raises(ValidationError, match="image"):
        Figure(src=src)


def test_a_data_image_is_canonical_and_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    payload = PNG_DOT.split(",", 1)[1]
    spaced = "data:image/PNG;base64," + " \n".join([payload[:20], payload[20:]])
    assert Figure(src=spaced).src == PNG_DOT
    monkeypatch.setattr(images, "MAX_IMAGE_BYTES", 16)
    with pytest.raises(ValidationError, match="MAX_IMAGE_BYTES"):
        Figure(src=PNG_DOT)


def test_figure_alt_is_one_line_and_sizes_are_positive() -> None:
    figure = Figure(src="a.png", alt="  A\nmap ", width=640)
    assert (figure.alt, figure.width, figure.height) == ("A map", 640, None)
    with pytest.raises(ValidationError):
        Figure(src="a.png", width=0)
    assert Figure(src="a.png", alt="Map", caption=(t("Gulf "),)).text == "Map Gulf"


# --- tables -------------------------------------------------------------------------------


def test_tables_are_padded_and_header_rows_are_a_leading_run() -> None:
    table = Table(
        rows=(
            Row(header=True, cells=(cell("Port"), cell("Status"), cell("Ships"))),
            Row(header=True, cells=(cell(), cell())),  # no text: an ordinary row
            Row(header=True, cells=(cell("Aden"),)),  # after a body row: not a header
        ),
        align=(None, Alignment.RIGHT, None, None, None),
    )
    assert table.width == 3
    assert [len(r.cells) for r in table.rows] == [3, 3, 3]
    assert [r.header for r in table.rows] == [True, False, False]
    assert table.align == (None, Alignment.RIGHT)
    assert table.text == "Port | Status | Ships\n |  | \nAden |  | "


def test_a_table_needs_a_cell_and_stays_within_the_limits() -> None:
    with pytest.raises(ValidationError, match="at least one cell"):
        Table(rows=(Row(),))
    with pytest.raises(ValidationError, match="columns"):
        Table(rows=(Row(cells=(cell(),) * (MAX_TABLE_COLUMNS + 1)),))
    wide = MAX_TABLE_CELLS // 10 + 1
    with pytest.raises(ValidationError, match="MAX_TABLE_CELLS"):
        # ragged rows are measured padded: one wide row makes every row wide
        Table(rows=(Row(cells=(cell(),) * 10), *(Row(cells=(cell(),)),) * (wide - 1)))


def test_canonical_tables_compare_equal_however_they_were_built() -> None:
    short = Table(rows=(Row(header=True, cells=(cell("a"),)), Row(cells=(cell("b"), cell()))))
    full = Table(
        rows=(Row(header=True, cells=(cell("a"), cell())), Row(cells=(cell("b"), cell()))),
        align=(None, None),
    )
    assert short == full


# --- notes --------------------------------------------------------------------------------


def test_a_note_is_left_out_of_the_text_it_annotates() -> None:
    para = Paragraph(content=(t("Aden closed"), Note(children=(t(" per the notice "),)), t(".")))
    assert para.text == "Aden closed."
    (note,) = notes_in(para.content)
    assert note.children == (t("per the notice"),)  # no outer whitespace
    assert note.text == "per the notice"


def test_notes_do_not_nest_and_empty_notes_vanish() -> None:
    inner = Note(children=(t("inner"),))
    outer = Note(children=(t("outer "), inner))
    assert outer.children == (t("outer inner"),)
    assert Paragraph(content=(t("a"), Note(children=(t("  "),)))).content == (t("a"),)


def test_a_note_inside_a_link_moves_right_after_it() -> None:
    note = Note(children=(t("source"),))
    link = Link(
        href="https://example.org", children=(t("the "), Strong(children=(t("report"), note)))
    )
    para = Paragraph(content=(t("See "), link, t(" now.")))
    assert para.content == (
        t("See "),
        Link(href="https://example.org", children=(t("the "), Strong(children=(t("report"),)))),
        note,
        t(" now."),
    )


def test_block_inlines_walks_every_run_in_reading_order() -> None:
    table = Table(caption=(t("cap"),), rows=(Row(cells=(cell("a"), cell("b"))),))
    figure = Figure(src="a.png", caption=(t("fig"),))
    items = ItemList(items=(Item(lead="L", body=(t("x"),)), Item(body=(t("y"),))))
    runs = [plain_text(r) for b in (table, figure, items) for r in block_inlines(b)]
    assert runs == ["cap", "a", "b", "fig", "x", "y"]


def test_the_new_nodes_survive_json_and_are_in_the_schema() -> None:
    note = Note(children=(Emphasis(children=(t("per"),)), t(" the notice")))
    brief = Brief(
        title="Ports",
        sections=(
            Section(
                blocks=(
                    Paragraph(content=(t("Closed"), note)),
                    Table(
                        caption=(t("Status"), note),
                        rows=(Row(header=True, cells=(cell("Port"),)), Row(cells=(cell("Aden"),))),
                        align=(Alignment.CENTER,),
                    ),
                    Figure(src=PNG_DOT, alt="Dot", caption=(t("A dot"),), width=10, height=10),
                ),
            ),
        ),
    )
    assert Brief.from_json(brief.to_json()) == brief
    defs = Brief.model_json_schema()["$defs"]
    assert {"Table", "Row", "Cell", "Figure", "Note", "Alignment"} <= set(defs)
