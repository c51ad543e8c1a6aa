"""What a reader sees on each page of a PDF: the marking's place, size and colours, the text.

Used on briefkit's PDFs, on LibreOffice's rendering of the DOCX and on Chromium's print of
the HTML, so the three formats are held to the same TLP 2.0 rule: the label at the top and
the bottom of every page, right-aligned, 12 pt or larger, its colour on black.
"""

from __future__ import annotations

import math
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import lxml.html
import pypdf

from validators.tools import program

__all__ = [
    "MarkingSeen",
    "check_markings",
    "page_texts",
    "read_ppm",
    "seen_markings",
    "text_layer",
]

#: TLP 2.0 text colours on black.
TLP_RGB = {
    "TLP:RED": (0xFF, 0x2B, 0x2B),
    "TLP:AMBER": (0xFF, 0xC0, 0x00),
    "TLP:AMBER+STRICT": (0xFF, 0xC0, 0x00),
    "TLP:GREEN": (0x33, 0xFF, 0x00),
    "TLP:CLEAR": (0xFF, 0xFF, 0xFF),
}


def text_layer(pdf: Path, *, raw: bool = False) -> str:
    """The PDF's text as poppler's pdftotext extracts it (reading order unless ``raw``)."""
    args = [program("pdftotext", "poppler-utils"), "-enc", "UTF-8"]
    done = subprocess.run(
        [*args, *(["-raw"] if raw else []), str(pdf), "-"],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return done.stdout


def page_texts(pdf: Path) -> list[str]:
    """Each page's text (pdftotext separates pages with a form feed)."""
    pages = text_layer(pdf).split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def read_ppm(data: bytes) -> tuple[int, int, bytes]:
    """(width, height, RGB bytes) of a binary PPM (P6) image."""
    match = re.match(rb"P6\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
    assert match, "not a binary PPM"
    return int(match[1]), int(match[2]), data[match.end() :]


@dataclass(frozen=True)
class MarkingSeen:
    """One occurrence of the marking on a page, in points from the top-left corner."""

    page: int  # 1-based
    size: float  # font size in points
    left: float
    right: float
    top: float
    bottom: float
    page_width: float
    page_height: float
    black: float  # share of the label's box painted (near) black
    ink: float  # share of the label's box in the TLP colour (0 for other markings)

    @property
    def band(self) -> str:
        """``header``, ``footer`` or ``body``: where on the page the label sits."""
        if self.bottom < self.page_height * 0.12:
            return "header"
        if self.top > self.page_height * 0.88:
            return "footer"
        return "body"

    @property
    def right_aligned(self) -> bool:
        """Ends in the right third of the page, closer to the right edge than any text."""
        return self.right > self.page_width * 0.75 and self.left > self.page_width / 2


def _sizes(reader: pypdf.PdfReader, index: int, marking: str) -> list[tuple[float, float]]:
    """(font size, y from the top) of every text run holding ``marking`` on a page."""
    page = reader.pages[index]
    height = float(page.mediabox.height)
    found: list[tuple[float, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if marking in text.replace("\u00a0", " "):
            scale = math.hypot(tm[2], tm[3]) * math.hypot(cm[2], cm[3])
            y = tm[5] * cm[3] + cm[5]
            found.append((size * scale, height - y))

    page.extract_text(visitor_text=visit)
    return found


def _pixels(pdf: Path, page: int, box: tuple[float, float, float, float], rgb: tuple[int, ...]):
    """Shares of black and of ``rgb`` pixels in ``box`` (points), rendered at 72 dpi."""
    left, top, right, bottom = (round(v) for v in box)
    done = subprocess.run(
        [
            program("pdftoppm", "poppler-utils"),
            "-r",
            "72",
            "-f",
            str(page),
            "-l",
            str(page),
            "-x",
            str(left),
            "-y",
            str(top),
            "-W",
            str(max(right - left, 1)),
            "-H",
            str(max(bottom - top, 1)),
            str(pdf),
        ],
        capture_output=True,
        timeout=120,
        check=True,
    )
    _, _, data = read_ppm(done.stdout)
    total = len(data) // 3 or 1
    black = ink = 0
    for i in range(0, len(data) - 2, 3):
        r, g, b = data[i], data[i + 1], data[i + 2]
        if r < 48 and g < 48 and b < 48:
            black += 1
        elif rgb and all(abs(c - w) < 60 for c, w in zip((r, g, b), rgb, strict=True)):
            ink += 1
    return black / total, ink / total


def seen_markings(pdf: Path, marking: str) -> list[MarkingSeen]:
    """Every occurrence of ``marking`` on every page: place, size, colours."""
    reader = pypdf.PdfReader(pdf)
    bbox = subprocess.run(
        [program("pdftotext", "poppler-utils"), "-bbox", "-enc", "UTF-8", str(pdf), "-"],
        capture_output=True,
        timeout=120,
        check=True,
    ).stdout
    doc = lxml.html.document_fromstring(bbox)
    out = []
    rgb = TLP_RGB.get(marking.upper(), ())
    for index, page in enumerate(doc.iter("page")):
        width, height = float(page.get("width")), float(page.get("height"))
        sizes = _sizes(reader, index, marking)
        for word in page.iter("word"):
            if marking not in (word.text or "").replace("\u00a0", " "):
                continue
            left, top = float(word.get("xmin")), float(word.get("ymin"))
            right, bottom = float(word.get("xmax")), float(word.get("ymax"))
            near = [s for s, y in sizes if abs(y - bottom) < 8 or top - 2 <= y <= bottom + 2]
            black, ink = _pixels(pdf, index + 1, (left, top, right, bottom), rgb)
            out.append(
                MarkingSeen(
                    index + 1,
                    max(near, default=0.0),
                    left,
                    right,
                    top,
                    bottom,
                    width,
                    height,
                    black,
                    ink,
                )
            )
    return out


def check_markings(pdf: Path, marking: str) -> None:
    """The TLP 2.0 placement rule on every page of ``pdf`` (shared with DOCX and print)."""
    seen = seen_markings(pdf, marking)
    tlp = marking.upper().startswith("TLP:")
    for page in range(1, len(pypdf.PdfReader(pdf).pages) + 1):
        for band in ("header", "footer"):
            here = [s for s in seen if s.page == page and s.band == band]
            assert here, f"page {page}: no {marking} in the {band}"
            best = max(here, key=lambda s: s.size)
            assert round(best.size, 1) >= 12, f"page {page} {band}: {best.size:.1f} pt"
            assert best.right_aligned, f"page {page} {band}: at x {best.left:.0f}-{best.right:.0f}"
            if tlp:
                assert best.black > 0.3, f"page {page} {band}: not on black ({best.black:.2f})"
                assert best.ink > 0.05, f"page {page} {band}: not in its colour ({best.ink:.2f})"
