"""PDF: footnotes at the foot of the page, table headers on every page, figures that stay
inside the page, read back with pypdf and poppler."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pypdf
import pytest

import briefkit
from briefkit import (
    Alignment,
    Brief,
    Cell,
    Figure,
    ImageWarning,
    Row,
    Section,
    Table,
    Text,
)
from briefs import media_brief
from pictures import data_uri, png

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) is not installed"
)
A4_TEXT_WIDTH = (210 - 40) / 25.4 * 72  # points: the print stylesheet's 20 mm margins
A4_HEIGHT = 297 / 25.4 * 72


def words(pdf: bytes) -> list[list[tuple[str, float]]]:
    """Each page's words with their top edge (points from the top), from pdftotext -bbox."""
    out = subprocess.run(
        ["pdftotext", "-bbox", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode("utf-8")
    pages = []
    for page in out.split("<page ")[1:]:
        found = re.findall(r'<word xMin="[\d.]+" yMin="([\d.]+)"[^>]*>([^<]*)</word>', page)
        pages.append([(word, float(y)) for y, word in found])
    return pages


def first_y(page: list[tuple[str, float]], word: str) -> float:
    return next(y for w, y in page if w == word)


def images(pdf: bytes) -> list[tuple[float, float]]:
    """The drawn size (points) of every image on every page, from the content streams."""
    sizes: list[tuple[float, float]] = []

    def visit(op: bytes, args: Any, cm: Any, tm: Any) -> None:
        if op == b"Do":  # an image XObject drawn in the unit square scaled by the CTM
            sizes.append((abs(cm[0]), abs(cm[3])))

    for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
        page.extract_text(visitor_operand_before=visit)
    return sizes


@needs_poppler
def test_footnotes_sit_at_the_foot_of_the_page_below_the_text() -> None:
    pdf = briefkit.render_pdf(media_brief())
    (page,) = words(pdf)
    body_end = (
        first_y(page, "fivefold.")
        if any(w == "fivefold." for w, _ in page)
        else first_y(page, "rose.")
    )
    for note_word in ("authority", "AIS", "Satellite"):
        assert first_y(page, note_word) > body_end
    assert first_y(page, "Satellite") < first_y(page, "Page")  # above the running footer
    text = " ".join(w for w, _ in page)
    assert "1. Port authority notice no. 14" in text
    assert "Satellite image, 16 May." in text


@needs_poppler
def test_notes_are_numbered_from_one_in_each_brief_of_a_series() -> None:
    pdf = briefkit.render_pdf([media_brief(), media_brief()])
    pages = [" ".join(w for w, _ in page) for page in words(pdf)]
    assert sum(p.count("1. Port authority notice") for p in pages) == 2
    assert not any("4. Port authority" in p for p in pages)


@needs_poppler
def test_a_long_table_repeats_its_header_row_on_every_page() -> None:
    rows = [
        Row(
            header=True,
            cells=(Cell(content=(Text(text="Day"),)), Cell(content=(Text(text="Calls"),))),
        )
    ]
    rows += [
        Row(cells=(Cell(content=(Text(text=f"d{k}"),)), Cell(content=(Text(text=str(k)),))))
        for k in range(150)
    ]
    table = Table(rows=rows, align=(None, Alignment.RIGHT))
    pdf = briefkit.render_pdf(Brief(title="Daily calls", sections=(Section(blocks=(table,)),)))
    pages = words(pdf)
    assert len(pages) >= 3
    for page in pages:
        found = [w for w, _ in page]
        rows_on_page = [w for w in found if re.fullmatch(r"d\d+", w)]
        assert rows_on_page
        assert found.index("Day") < found.index(rows_on_page[0])  # header above the rows


def test_figures_are_embedded_at_their_size_and_never_leave_the_page() -> None:
    figures = (
        Figure(src=data_uri(png(480, 270)), alt="Natural size"),
        Figure(src=data_uri(png(120, 60)), alt="Asked wider", width=300),
        Figure(src=data_uri(png(4000, 100)), alt="Too wide", width=5000),
        Figure(src=data_uri(png(100, 4000)), alt="Too tall"),
    )
    pdf = briefkit.render_pdf(Brief(title="Sizes", sections=(Section(blocks=figures),)))
    natural, wider, wide, tall = images(pdf)
    assert natural == pytest.approx((480 * 0.75, 270 * 0.75), abs=0.5)  # CSS px = 0.75 pt
    assert wider == pytest.approx((300 * 0.75, 150 * 0.75), abs=0.5)
    assert wide[0] <= A4_TEXT_WIDTH + 0.5
    assert tall[1] <= A4_HEIGHT * 0.6


def test_an_image_the_sandbox_refuses_shows_its_alt_text(tmp_path: Path) -> None:
    figure = Figure(
        src="maps/missing.png", alt="Map of the closed port", caption=(Text(text="Aden"),)
    )
    brief = Brief(title="Missing", sections=(Section(blocks=(figure,)),))
    with pytest.warns(ImageWarning, match="resources"):
        pdf = briefkit.render_pdf(brief)
    assert images(pdf) == []
    text = " ".join((p.extract_text() or "") for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    assert "Map of the closed port" in text
    assert "Aden" in text


def test_a_relative_image_is_read_from_resources(tmp_path: Path) -> None:
    (tmp_path / "maps").mkdir()
    (tmp_path / "maps" / "gulf.png").write_bytes(png(200, 100))
    figure = Figure(src="maps/gulf.png", alt="Gulf")
    pdf = briefkit.render_pdf(
        Brief(title="Resources", sections=(Section(blocks=(figure,)),)), resources=tmp_path
    )
    assert images(pdf) == [pytest.approx((150.0, 75.0), abs=0.5)]
