"""Tables, figures and notes in HTML, Markdown and text output (DOCX and PDF have their own)."""

from __future__ import annotations

import warnings

import lxml.html
import pytest

import briefkit
from briefkit import (
    Alignment,
    Brief,
    Cell,
    Figure,
    ImageWarning,
    Note,
    Paragraph,
    Row,
    Section,
    Table,
    Text,
    render_html,
    render_markdown,
    render_text,
)
from pictures import data_uri, png, png_bomb


def t(text: str) -> Text:
    return Text(text=text)


def ports_brief() -> Brief:
    """A table with a header row and alignment, a figure, and notes in three places."""
    note = Note(children=(t("Port authority notice, 12 May."),))
    return Brief(
        title="Port Closures in the Gulf of Aden",
        sections=(
            Section(
                heading="Key Judgement",
                blocks=(
                    Paragraph(content=(t("Aden is closed"), note, t(" and will stay closed."))),
                    Table(
                        caption=(t("Port status"),),
                        rows=(
                            Row(
                                header=True,
                                cells=(Cell(content=(t("Port"),)), Cell(content=(t("Ships"),))),
                            ),
                            Row(
                                cells=(
                                    Cell(content=(t("Aden"),)),
                                    Cell(content=(t("0"), Note(children=(t("Since May."),)))),
                                )
                            ),
                            Row(
                                cells=(
                                    Cell(content=(t("Djibouti | Doraleh"),)),
                                    Cell(content=(t("41"),)),
                                )
                            ),
                        ),
                        align=(None, Alignment.RIGHT),
                    ),
                    Figure(
                        src=data_uri(png(40, 20)),
                        alt="Map of the Gulf",
                        caption=(t("The Gulf"), Note(children=(t("Survey of 2023."),))),
                        width=400,
                    ),
                ),
            ),
        ),
    )


# --- HTML ---------------------------------------------------------------------------------


def test_html_tables_have_header_cells_with_scope_and_alignment_classes() -> None:
    doc = lxml.html.document_fromstring(render_html(ports_brief()))
    (table,) = doc.xpath("//table[@class='brief-table']")
    assert table.xpath("./caption")[0].text_content() == "Port status"
    assert [(th.text, th.get("scope")) for th in table.xpath("./thead/tr/th")] == [
        ("Port", "col"),
        ("Ships", "col"),
    ]
    assert [td.get("class") for td in table.xpath("./tbody/tr[1]/td")] == [None, "align-right"]


def test_html_figures_carry_their_image_alt_text_size_and_caption() -> None:
    doc = lxml.html.document_fromstring(render_html(ports_brief()))
    (img,) = doc.xpath("//figure[@class='brief-figure']/img")
    assert (img.get("alt"), img.get("width"), img.get("height")) == ("Map of the Gulf", "400", None)
    assert img.get("src").startswith("data:image/png;base64,")
    assert doc.xpath("//figure/figcaption")[0].text_content() == "The Gulf3"


def test_html_notes_link_both_ways_in_reading_order() -> None:
    doc = lxml.html.document_fromstring(render_html(ports_brief()))
    refs = doc.xpath("//sup[@class='brief-noteref']/a")
    assert [(a.text, a.get("href"), a.get("id"), a.get("role")) for a in refs] == [
        (str(n), f"#fn-{n}", f"fnref-{n}", "doc-noteref") for n in (1, 2, 3)
    ]
    (notes,) = doc.xpath("//section[@class='brief-notes']")
    assert notes.get("role") == "doc-endnotes"
    items = notes.xpath("./ol/li")
    assert [li.get("id") for li in items] == ["fn-1", "fn-2", "fn-3"]
    backs = [li.xpath("./a[@role='doc-backlink']")[0].get("href") for li in items]
    assert backs == ["#fnref-1", "#fnref-2", "#fnref-3"]
    assert items[0].text_content().startswith("Port authority notice, 12 May.")
    assert briefkit.parse(render_html(ports_brief())) == ports_brief()


def test_html_leaves_out_a_data_image_it_should_not_hand_a_browser() -> None:
    bomb = Figure(src=data_uri(png_bomb()), alt="Huge", caption=(t("Cap"),))
    brief = Brief(title="Bomb", sections=(Section(blocks=(bomb,)),))
    with pytest.warns(ImageWarning, match="MAX_IMAGE_PIXELS"):
        html = render_html(brief, standalone=False)
    doc = lxml.html.fragment_fromstring(html)
    assert not doc.xpath("//img")
    (figure,) = doc.xpath("//figure")
    assert "brief-figure-missing" in figure.get("class")
    assert figure.xpath("./p[@class='brief-figure-alt']")[0].text == "Huge"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ImageWarning)
        assert briefkit.parse(html, format="html") == brief  # the source is kept


def test_the_page_loads_only_images_it_was_allowed_to() -> None:
    figures = (
        Figure(src="https://example.org/a.png", alt="A"),
        Figure(src="maps/b.png", alt="B"),
        Figure(src="../private/c.png", alt="C"),
        Figure(src="/etc/d.png", alt="D"),
    )
    brief = Brief(title="Refs", sections=(Section(blocks=figures),))
    with pytest.warns(ImageWarning) as caught:
        html = render_html(brief)
    assert [str(w.message).split(" (")[1].split(")")[0] for w in caught] == [
        "remote images are shown only through allow_fetch",
        "a relative path outside the page's folder",
        "a relative path outside the page's folder",
    ]
    doc = lxml.html.document_fromstring(html)
    assert [i.get("src") for i in doc.iter("img")] == ["maps/b.png"]
    assert [f.get("data-src") for f in doc.xpath("//figure[@data-src]")] == [
        "https://example.org/a.png",
        "../private/c.png",
        "/etc/d.png",
    ]
    assert briefkit.parse(html) == brief
    allowed = render_html(brief, allow_fetch=["https://example.org/"])
    assert '<img src="https://example.org/a.png" alt="A">' in allowed


# --- Markdown ------------------------------------------------------------------------------


def test_markdown_writes_pipe_tables_images_and_footnotes() -> None:
    text = render_markdown(ports_brief())
    assert (
        "| Port | Ships |\n| --- | --: |\n| Aden | 0[^2] |\n| Djibouti \\| Doraleh | 41 |" in text
    )
    assert "\n\nTable: Port status\n\n" in text
    assert "\n\n![Map of the Gulf](data:image/png;base64," in text
    assert ")\n\nFigure: The Gulf[^3]\n\n" in text
    assert "figure_sizes:" in text
    assert text.rstrip().endswith("[^3]: Survey of 2023.")
    assert briefkit.parse(text, format="markdown") == ports_brief()


@pytest.mark.parametrize(
    "content",
    [
        (t("a"), Note(children=(t("n"),)), t("(b)")),  # not a link "[^1](b)"
        (Note(children=(t("n"),)), t(": defined?")),  # not a definition "[^1]: ..."
        (t("wow!"), Note(children=(t("n"),))),  # not an image "![^1]"
        (t("caption-like"),),
    ],
)
def test_markdown_text_next_to_a_note_keeps_its_meaning(content: tuple[object, ...]) -> None:
    brief = Brief(title="N", sections=(Section(blocks=(Paragraph(content=content),)),))
    assert briefkit.parse(render_markdown(brief), format="markdown") == brief


def test_markdown_escapes_a_caption_that_is_really_a_paragraph() -> None:
    table = Table(rows=(Row(cells=(Cell(content=(t("a"),)),)),))
    figure = Figure(src="a.png", alt="A")
    blocks = (
        table,
        Paragraph(content=(t("Table: this is prose"),)),
        figure,
        Paragraph(content=(t("Figure: so is this"),)),
    )
    brief = Brief(title="T", sections=(Section(blocks=blocks),))
    text = render_markdown(brief)
    assert "Table\\: this is prose" in text
    assert "Figure\\: so is this" in text
    assert briefkit.parse(text, format="markdown") == brief


# --- text ----------------------------------------------------------------------------------


def test_text_writes_aligned_columns_figure_lines_and_a_notes_list() -> None:
    text = render_text(ports_brief())
    assert (
        "Table: Port status\n"
        "| Port               | Ships |\n"
        "|--------------------|------:|\n"
        "| Aden               |  0[2] |\n"
        "| Djibouti | Doraleh |    41 |\n"
    ) in text
    assert "[Figure: Map of the Gulf — The Gulf[3]]" in text
    assert "Aden is closed[1] and will stay closed." in text
    assert text.endswith(
        "Notes:\n\n[1] Port authority notice, 12 May.\n\n[2] Since May.\n\n[3] Survey of 2023.\n"
    )


def test_text_columns_count_wide_characters_twice() -> None:
    table = Table(
        rows=(
            Row(cells=(Cell(content=(t("東京"),)), Cell(content=(t("x"),)))),
            Row(cells=(Cell(content=(t("Aden"),)), Cell(content=(t("y"),)))),
        )
    )
    text = render_text(Brief(title="W", sections=(Section(blocks=(table,)),)))
    assert "| 東京 | x |\n| Aden | y |" in text
