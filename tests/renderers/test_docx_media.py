"""DOCX: Word tables with repeating header rows, pictures in word/media, real footnotes;
read back by parse_docx, and other people's documents (python-docx, pandoc) read in."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import warnings
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree

import briefkit
from briefkit import (
    Brief,
    Figure,
    ImageWarning,
    Note,
    Paragraph,
    Section,
    Table,
    Text,
    parse_docx,
    render_docx,
)
from briefkit.model import notes_in
from briefs import media_brief
from pictures import data_uri, png, svg

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NS = {"w": W[1:-1]}


def parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def body(data: bytes) -> etree._Element:
    return etree.fromstring(parts(data)["word/document.xml"])


def test_tables_are_word_tables_with_repeating_header_rows() -> None:
    data = render_docx(media_brief())
    document = docx.Document(io.BytesIO(data))
    (table,) = document.tables
    assert [c.text for c in table.rows[0].cells] == ["Port", "Status", "Ships", "Change on week"]
    assert [c.text for c in table.rows[1].cells] == ["Aden", "Closed", "0", "\u221212"]
    rows = body(data).findall(".//w:tbl/w:tr", NS)
    assert [r.find("w:trPr/w:tblHeader", NS) is not None for r in rows] == [True] + [False] * 5
    ships = rows[1].findall("w:tc", NS)[2]
    assert ships.find("w:p/w:pPr/w:jc", NS).get(f"{W}val") == "right"
    caption = body(data).find(".//w:tbl", NS).getprevious()
    assert caption.find("w:pPr/w:pStyle", NS).get(f"{W}val") == "Caption"


def test_figures_are_pictures_in_word_media_with_alt_text_within_the_page() -> None:
    data = render_docx(media_brief())
    names = [n for n in parts(data) if n.startswith("word/media/")]
    assert len(names) == 1
    assert parts(data)[names[0]] == png(480, 270)
    document = docx.Document(io.BytesIO(data))
    (shape,) = document.inline_shapes
    section = document.sections[0]
    assert shape.width <= section.page_width - section.left_margin - section.right_margin
    (doc_pr,) = body(data).iter("{*}docPr")
    assert doc_pr.get("descr") == "Satellite view of ships at anchor off Djibouti"


def test_notes_are_real_word_footnotes() -> None:
    data = render_docx(media_brief())
    package = parts(data)
    rels = package["word/_rels/document.xml.rels"].decode()
    assert "relationships/footnotes" in rels
    notes = etree.fromstring(package["word/footnotes.xml"])
    texts = {
        n.get(f"{W}id"): "".join(t.text or "" for t in n.iter(f"{W}t")).strip()
        for n in notes.findall("w:footnote", NS)
        if n.get(f"{W}type") is None
    }
    assert texts == {
        "1": "Port authority notice no. 14, issued on 12 May.",
        "2": "AIS tracking, seven-day average to 18 May.",
        "3": "Satellite image, 16 May.",
    }
    refs = [r.get(f"{W}id") for r in body(data).iter(f"{W}footnoteReference")]
    assert refs == ["1", "2", "3"]
    assert "footnotes+xml" in package["[Content_Types].xml"].decode()


def test_briefkits_own_documents_read_back_equal() -> None:
    assert parse_docx(render_docx(media_brief())) == media_brief()


def test_a_template_with_its_own_footnotes_keeps_its_separators() -> None:
    first = render_docx(media_brief())
    again = render_docx(media_brief(), template=first)  # briefkit's output as a template
    notes = etree.fromstring(parts(again)["word/footnotes.xml"])
    kinds = [n.get(f"{W}type") for n in notes.findall("w:footnote", NS)]
    assert kinds == ["separator", "continuationSeparator", None, None, None]
    assert parse_docx(again) == media_brief()


def test_images_word_cannot_show_keep_their_alt_text(tmp_path: Path) -> None:
    figures = (
        Figure(src=data_uri(svg(), "image/svg+xml"), alt="A vector chart"),
        Figure(src="maps/missing.png", alt="A map that is not there"),
    )
    brief = Brief(title="Pictures", sections=(Section(blocks=figures),))
    with pytest.warns(ImageWarning) as caught:
        data = render_docx(brief, resources=tmp_path)
    assert len(caught) == 2
    assert not [n for n in parts(data) if n.startswith("word/media/")]
    texts = [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]
    assert "A vector chart" in texts
    assert "A map that is not there" in texts
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ImageWarning)
        assert parse_docx(data) == brief


def test_a_webp_image_is_embedded_as_png() -> None:
    pil = pytest.importorskip("PIL.Image")
    out = io.BytesIO()
    pil.new("RGB", (64, 32), (200, 40, 40)).save(out, format="WEBP")
    figure = Figure(src=data_uri(out.getvalue(), "image/webp"), alt="Red")
    data = render_docx(Brief(title="WebP", sections=(Section(blocks=(figure,)),)))
    (name,) = [n for n in parts(data) if n.startswith("word/media/")]
    assert parts(data)[name].startswith(b"\x89PNG")
    assert parse_docx(data).sections[0].blocks == (figure,)


# --- other people's documents -------------------------------------------------------------


def test_a_python_docx_document_with_a_picture_a_merged_table_and_a_caption() -> None:
    document = docx.Document()
    document.add_heading("Grain Exports Recover", level=0)
    document.add_heading("Analysis", level=1)
    document.add_paragraph().add_run().add_picture(io.BytesIO(png(200, 100)))
    document.add_paragraph("Loading at the Odesa terminals", style="Caption")
    document.add_paragraph("Table 1: tonnage", style="Caption")
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate(
        [("Port", "Tonnes", "Share"), ("Odesa", "1.2m", "60%"), ("Izmail", "0.8m", "")]
    ):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    table.cell(2, 1).merge(table.cell(2, 2))
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    tr_pr.append(etree.fromstring(f'<w:tblHeader xmlns:w="{W[1:-1]}"/>'))
    out = io.BytesIO()
    document.save(out)
    brief = parse_docx(out.getvalue())
    figure, table_block = brief.sections[0].blocks
    assert isinstance(figure, Figure)
    assert figure.src == data_uri(png(200, 100))
    assert Text(text="Loading at the Odesa terminals") in figure.caption
    assert isinstance(table_block, Table)
    assert [(r.header, [c.text for c in r.cells]) for r in table_block.rows] == [
        (True, ["Port", "Tonnes", "Share"]),
        (False, ["Odesa", "1.2m", "60%"]),
        (False, ["Izmail", "0.8m", ""]),  # merged: the text once, then an empty cell
    ]
    assert [t.text for t in table_block.caption] == ["Table 1: tonnage"]


PANDOC = shutil.which("pandoc")


@pytest.mark.slow
def test_a_pandoc_document_brings_its_table_image_and_footnotes(tmp_path: Path) -> None:
    if PANDOC is None:
        if os.environ.get("CI"):
            pytest.fail("pandoc is required in CI: apt-get install pandoc")
        pytest.skip("pandoc is not installed")
    (tmp_path / "map.png").write_bytes(png(120, 60))
    source = tmp_path / "in.md"
    source.write_text(
        "# Ports\n\nAden is closed[^1] today.\n\n| Port | Ships |\n|:--|--:|\n| Aden | 0 |\n\n"
        "![A map of the gulf](map.png)\n\n[^1]: The port notice.\n",
        encoding="utf-8",
    )
    subprocess.run(
        [PANDOC, str(source), "-o", str(tmp_path / "out.docx")],
        cwd=tmp_path, check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    brief = briefkit.parse(tmp_path / "out.docx")
    found = [b for s in brief.sections for b in s.blocks]
    para = next(b for b in found if isinstance(b, Paragraph))
    assert [n.text for n in notes_in(para.content)] == ["The port notice."]
    assert para.text == "Aden is closed today."
    table = next(b for b in found if isinstance(b, Table))
    assert [[c.text for c in r.cells] for r in table.rows] == [["Port", "Ships"], ["Aden", "0"]]
    figure = next(b for b in found if isinstance(b, Figure))
    assert figure.alt == "A map of the gulf"
    assert figure.src == data_uri(png(120, 60))
    assert isinstance(next(notes_in(para.content)), Note)
