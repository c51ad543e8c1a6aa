"""A real client opens briefkit's DOCX: LibreOffice converts every rendered fixture to PDF
(its text, numbering and page fields must be there) and re-saves it as DOCX (which must
read back into the same brief).

Needs ``soffice`` (Debian: libreoffice-writer-nogui). Outside CI the module is skipped when
it is missing; in CI (``CI`` set) a missing soffice fails the run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pypdf
import pytest

from briefkit import (
    Brief,
    Inline,
    Item,
    ItemList,
    Note,
    Section,
    SectionKind,
    Text,
    parse_docx,
    render_docx,
)
from briefkit.model import block_inlines, notes_in
from briefs import ALL, item, long_brief, media_brief, with_metadata

pytestmark = pytest.mark.slow

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def two_lists() -> Brief:
    """Two numbered lists in a row: each must count from 1."""
    return Brief(
        title="Two Lists in a Row",
        sections=(
            Section(
                kind=SectionKind.EVIDENCE,
                heading="Evidence",
                blocks=(
                    ItemList(items=(item("Alpha", "first list, first item"), item("", "second"))),
                    ItemList(items=(Item(lead="Omega"), item("", "restarted item"))),
                ),
            ),
        ),
    )


def _house_template(folder: Path) -> Path:
    import docx

    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "House Header"
    path = folder / "house.docx"
    document.save(str(path))
    return path


CASES: dict[str, Callable[[], Brief]] = {**ALL, "two_lists": two_lists, "media": media_brief}


@pytest.fixture(scope="module")
def soffice() -> str:
    if SOFFICE is None:
        if os.environ.get("CI"):
            pytest.fail("soffice is required in CI: apt-get install libreoffice-writer-nogui")
        pytest.skip("LibreOffice (soffice) is not installed; install libreoffice-writer-nogui")
    return SOFFICE


def _convert(soffice: str, files: list[Path], target: str, outdir: Path, profile: Path) -> None:
    command = [
        soffice,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        target,
        "--outdir",
        str(outdir),
        *map(str, files),
    ]
    subprocess.run(command, capture_output=True, timeout=300, check=True)


@pytest.fixture(scope="module")
def converted(soffice: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every case rendered, then converted by LibreOffice to PDF and re-saved as DOCX."""
    folder = tmp_path_factory.mktemp("libreoffice")
    files = []
    for name, build in CASES.items():
        path = folder / f"{name}.docx"
        path.write_bytes(render_docx(build()))
        files.append(path)
    templated = folder / "with_template.docx"
    templated.write_bytes(render_docx(with_metadata(), template=_house_template(folder)))
    files.append(templated)
    profile = folder / "profile"
    _convert(soffice, files, "pdf", folder / "pdf", profile)
    _convert(soffice, files, "docx:MS Word 2007 XML", folder / "resaved", profile)
    return folder


def pdf_pages(path: Path) -> list[str]:
    return [" ".join((page.extract_text() or "").split()) for page in pypdf.PdfReader(path).pages]


def _between_notes(run: tuple[Inline, ...]) -> list[str]:
    """The text of an inline run in the pieces a note's number splits it into."""
    pieces = [""]
    stack: list[Inline] = list(reversed(run))
    while stack:
        node = stack.pop()
        if isinstance(node, Note):
            pieces.append("")
        elif isinstance(node, Text):
            pieces[-1] += node.text
        else:
            stack.extend(reversed(node.children))
    return [p.strip() for p in pieces if p.strip()]


def expected_lines(brief: Brief) -> list[str]:
    """What a reader must see: title, headings, list items as 'Lead: body', paragraphs, nav."""
    lines = [brief.title]
    for section in brief.sections:
        if section.heading:
            lines.append(section.heading)
        for block in section.blocks:
            if isinstance(block, ItemList) and not any(list(notes_in(i.body)) for i in block.items):
                lines.extend(
                    f"{i.lead}: {i.text}".strip() if i.lead else i.text for i in block.items
                )
            else:
                lines.extend(p for run in block_inlines(block) for p in _between_notes(run))
            lines.extend(n.text for run in block_inlines(block) for n in notes_in(run))
    for label, link in (("Previous", brief.prev), ("Next", brief.next)):
        if link:
            lines.append(f"{label}: {link.title or link.href}")
    return [" ".join(line.split()) for line in lines if line]


@pytest.mark.parametrize("name", sorted(CASES))
def test_libreoffice_shows_all_the_text(converted: Path, name: str) -> None:
    text = " ".join(pdf_pages(converted / "pdf" / f"{name}.pdf"))
    for line in expected_lines(CASES[name]()):
        assert line in text


def test_libreoffice_shows_the_picture_and_the_footnotes_at_the_foot(converted: Path) -> None:
    reader = pypdf.PdfReader(converted / "pdf" / "media.pdf")
    (page,) = reader.pages
    assert [(i.image.width, i.image.height) for i in page.images] == [(480, 270)]
    text = " ".join((page.extract_text() or "").split())
    notes = [n.text for s in media_brief().sections for b in s.blocks
             for run in block_inlines(b) for n in notes_in(run)]  # fmt: skip
    last_body_line = "Insurance: War-risk premiums for Aden calls rose."
    assert all(text.index(note) > text.index(last_body_line) for note in notes)


def test_page_fields_count_pages(converted: Path) -> None:
    pages = pdf_pages(converted / "pdf" / "long_brief.pdf")
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        assert page.endswith(f"Page {number} of {len(pages)}")
        assert page.startswith(long_brief().title)  # the header repeats the title


def test_numbered_lists_restart_and_bullets_stay_bullets(converted: Path) -> None:
    (text,) = pdf_pages(converted / "pdf" / "two_lists.pdf")
    assert "1. Alpha: first list, first item 2. second" in text
    assert "1. Omega: 2. restarted item" in text
    (bullets,) = pdf_pages(converted / "pdf" / "bullets_brief.pdf")
    assert "• Imports: Cross-border purchases" in bullets
    assert "1. Stockpile: Pre-position" in bullets


def test_marking_and_template_header(converted: Path) -> None:
    (plain,) = pdf_pages(converted / "pdf" / "with_metadata.pdf")
    assert plain.startswith("TLP:CLEAR")
    (templated,) = pdf_pages(converted / "pdf" / "with_template.pdf")
    assert templated.startswith("House Header")
    # the template keeps its header and footer; the marking is added to both
    assert templated.startswith("House Header TLP:CLEAR")
    assert templated.endswith("Page 1 of 1 TLP:CLEAR")


@pytest.mark.parametrize("name", sorted(CASES))
def test_resaved_by_libreoffice_reads_back_equal(converted: Path, name: str) -> None:
    data = (converted / "resaved" / f"{name}.docx").read_bytes()
    assert parse_docx(data) == CASES[name]()


def test_template_document_resaved_reads_back_equal(converted: Path) -> None:
    data = (converted / "resaved" / "with_template.docx").read_bytes()
    assert parse_docx(data) == with_metadata()
