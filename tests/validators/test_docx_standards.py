"""DOCX files checked against the schemas and read by four readers briefkit did not write.

Two schema checks: the ECMA-376 XSD files themselves (first edition, from Debian's source
package of Apache POI; see :mod:`validators.ooxml`) on every part,
and openxml-audit, a port of the Open XML SDK's validator, whose rules are generated from
the later editions' schemas, on every part. The one rule openxml-audit does not enforce
(``w:zoom`` needs ``w:percent``) is also checked directly. Then the readers: pandoc and
mammoth must find the title, docx2python the text of body, header and footer, and
LibreOffice must lay every marked page out with the marking at its top and bottom (12 pt,
right-aligned, on black), count the pages the footer's cached ``NUMPAGES`` claims (within
one), and show a long brief's contents list.
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pypdf
import pytest
from lxml import etree

from validators.corpus import Rendered, corpus
from validators.pages import check_markings, text_layer
from validators.tools import program, python_module

NAMES = sorted(corpus())
MARKED = [n for n in NAMES if corpus()[n]().marking]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def schema_errors(path: Path) -> list[str]:
    python_module("openxml_audit", "openxml-audit")
    from openxml_audit import OpenXmlValidator
    from openxml_audit.errors import FileFormat

    result = OpenXmlValidator(file_format=FileFormat.OFFICE_2007).validate(path)
    return [str(e) for e in result.errors]


@pytest.mark.parametrize("name", NAMES)
def test_every_part_is_schema_valid(name: str, rendered: dict[str, Rendered]) -> None:
    assert schema_errors(rendered[name].docx) == []


def edited(source: bytes, edits: dict[str, Callable[[bytes], bytes]]) -> bytes:
    """The DOCX ``source`` with each part named in ``edits`` changed by its function: the
    broken documents the controls prove a check fails on."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(source)) as archive, zipfile.ZipFile(out, "w") as copy:
        for info in archive.infolist():
            blob = archive.read(info.filename)
            copy.writestr(info.filename, edits.get(info.filename, lambda b: b)(blob))
    return out.getvalue()


def _bogus(part: bytes) -> bytes:
    return part.replace(b"<w:pPr>", b"<w:pPr><w:bogus/>", 1)


def test_the_schema_check_notices_a_bad_part(rendered: dict[str, Rendered], workdir: Path) -> None:
    source = rendered["long-amber"].docx.read_bytes()
    path = workdir / "broken.docx"
    path.write_bytes(edited(source, {"word/footer1.xml": _bogus}))
    assert any("footer1.xml" in e and "bogus" in e for e in schema_errors(path))


@pytest.mark.parametrize("name", NAMES)
def test_settings_zoom_has_its_required_percent(name: str, rendered: dict[str, Rendered]) -> None:
    with zipfile.ZipFile(rendered[name].docx) as archive:
        settings = etree.fromstring(archive.read("word/settings.xml"))
    for zoom in settings.iter(f"{W}zoom"):
        assert zoom.get(f"{W}percent", "").isdigit()


def _meta_text(value: dict[str, Any]) -> str:
    """pandoc's MetaInlines as plain text."""
    out = []
    for node in value["c"]:
        if node["t"] == "Str":
            out.append(node["c"])
        elif node["t"] in ("Space", "SoftBreak"):
            out.append(" ")
    return "".join(out)


@pytest.mark.parametrize("name", NAMES)
def test_pandoc_reads_the_title(name: str, rendered: dict[str, Rendered]) -> None:
    pandoc = program("pandoc", "pandoc")
    files = rendered[name]
    done = subprocess.run(
        [pandoc, "-f", "docx", "-t", "json", str(files.docx)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    meta = json.loads(done.stdout)["meta"]
    assert "title" in meta, "pandoc found no title"
    assert _meta_text(meta["title"]) == files.brief.title


@pytest.mark.parametrize("name", NAMES)
def test_mammoth_reads_the_title_first(name: str, rendered: dict[str, Rendered]) -> None:
    python_module("mammoth", "mammoth")
    import lxml.html
    import mammoth

    files = rendered[name]
    with files.docx.open("rb") as handle:
        result = mammoth.convert_to_html(handle, style_map="p[style-name='Title'] => h1.title")
    first = lxml.html.fragment_fromstring(result.value, create_parent="div")[0]
    assert (first.tag, first.get("class")) == ("h1", "title")
    assert first.text_content() == files.brief.title


@pytest.mark.parametrize("name", NAMES)
def test_docx2python_reads_body_header_and_footer(name: str, rendered: dict[str, Rendered]) -> None:
    python_module("docx2python", "docx2python")
    from docx2python import docx2python

    files = rendered[name]
    with docx2python(files.docx) as content:
        body = content.text
        header = json.dumps(content.header, ensure_ascii=False)
        footer = json.dumps(content.footer, ensure_ascii=False)
    squash = " ".join(body.split())
    assert " ".join(files.brief.title.split()) in squash
    for section in files.brief.sections:
        if section.heading:
            assert section.heading in body
    assert "Page" in footer
    if files.brief.marking:
        assert files.brief.marking in header
        assert files.brief.marking in footer


@pytest.fixture(scope="session")
def libreoffice(rendered: dict[str, Rendered], workdir: Path) -> dict[str, Path]:
    """Every DOCX laid out by LibreOffice (as PDF), in one soffice run."""
    soffice = program("soffice", "libreoffice-writer-nogui")
    outdir = workdir / "libreoffice"
    outdir.mkdir(exist_ok=True)
    profile = workdir / "lo-profile"
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore"]
        + ["--convert-to", "pdf", "--outdir", str(outdir)]
        + [str(r.docx) for r in rendered.values()],
        capture_output=True,
        timeout=900,
        check=True,
    )
    return {name: outdir / f"{name}.pdf" for name in rendered}


@pytest.mark.parametrize("name", MARKED)
def test_libreoffice_shows_the_marking_on_every_page(
    name: str, rendered: dict[str, Rendered], libreoffice: dict[str, Path]
) -> None:
    marking = rendered[name].brief.marking
    assert marking
    check_markings(libreoffice[name], marking)


def _cached_pages(docx: Path) -> tuple[int, int]:
    """(``NUMPAGES`` cached in the footer, ``Pages`` in docProps/app.xml)."""
    with zipfile.ZipFile(docx) as archive:
        footer = archive.read("word/footer1.xml").decode()
        app = archive.read("docProps/app.xml").decode()
    cached = re.search(r"NUMPAGES </w:instrText>.*?<w:t>(\d+)</w:t>", footer)
    pages = re.search(r"<Pages>(\d+)</Pages>", app)
    assert cached
    assert pages
    return int(cached[1]), int(pages[1])


@pytest.mark.parametrize("name", NAMES)
def test_cached_page_count_is_close_to_the_real_one(
    name: str, rendered: dict[str, Rendered], libreoffice: dict[str, Path]
) -> None:
    cached, app_pages = _cached_pages(rendered[name].docx)
    real = len(pypdf.PdfReader(libreoffice[name]).pages)
    assert cached == app_pages
    assert abs(cached - real) <= 1, f"footer says {cached} pages, LibreOffice lays out {real}"


@pytest.mark.parametrize("name", NAMES)
def test_app_properties_describe_the_document(name: str, rendered: dict[str, Rendered]) -> None:
    with zipfile.ZipFile(rendered[name].docx) as archive:
        app = etree.fromstring(archive.read("docProps/app.xml"))
    values = {etree.QName(e).localname: e.text for e in app}
    assert (values["Application"] or "").startswith("briefkit ")
    words = len(re.findall(r"\S+", rendered[name].brief.title))
    assert int(values["Words"] or 0) > words


def test_a_long_brief_has_a_real_contents_field(
    rendered: dict[str, Rendered], libreoffice: dict[str, Path]
) -> None:
    files = rendered["long-sections"]
    with zipfile.ZipFile(files.docx) as archive:
        document = archive.read("word/document.xml").decode()
    assert re.search(r'<w:instrText[^>]*> TOC \\o "1-1" \\h \\z \\u </w:instrText>', document)
    first_page = text_layer(libreoffice["long-sections"]).split("\f")[0]
    assert "Contents" in first_page
    for section in files.brief.sections:
        if section.heading:
            assert re.search(rf"{re.escape(section.heading)}\s*\.*\s*\d+", first_page)
    short = rendered["long-amber"].docx
    with zipfile.ZipFile(short) as archive:
        assert " TOC " not in archive.read("word/document.xml").decode()


@pytest.mark.parametrize("name", NAMES)
def test_widow_and_orphan_control_is_on(name: str, rendered: dict[str, Rendered]) -> None:
    with zipfile.ZipFile(rendered[name].docx) as archive:
        styles = etree.fromstring(archive.read("word/styles.xml"))
    normal = styles.find(f"{W}style[@{W}styleId='Normal']")
    assert normal is not None
    assert normal.find(f"{W}pPr/{W}widowControl") is not None


# --- the ECMA-376 schemas themselves ------------------------------------------------------

#: Parts no OOXML schema describes: briefkit's own hint (custom XML of its own namespace).
_NOT_OOXML = re.compile(r"customXml/item\d+\.xml")


def xsd_errors(data: bytes) -> list[str]:
    """Every ECMA-376 schema error of every part of a DOCX (see :mod:`validators.ooxml`)."""
    from validators.ooxml import prepare, schema

    checker = schema()
    errors = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if not name.endswith((".xml", ".rels")) or _NOT_OOXML.fullmatch(name):
                continue
            if not checker.validate(prepare(archive.read(name))):
                errors += [f"{name}:{e.line}: {e.message}" for e in checker.error_log]
    return errors


@pytest.mark.parametrize("name", NAMES)
def test_every_part_is_valid_against_the_ecma_376_schemas(
    name: str, rendered: dict[str, Rendered]
) -> None:
    assert xsd_errors(rendered[name].docx.read_bytes()) == []


def test_the_ecma_376_check_notices_a_bad_part(rendered: dict[str, Rendered]) -> None:
    def no_percent(part: bytes) -> bytes:
        return re.sub(rb"<w:zoom [^>]*/>", b'<w:zoom w:val="bestFit"/>', part, count=1)

    source = rendered["long-amber"].docx.read_bytes()
    broken = edited(source, {"word/settings.xml": no_percent, "word/document.xml": _bogus})
    errors = xsd_errors(broken)
    assert any(e.startswith("word/document.xml") and "bogus" in e for e in errors)
    assert any(e.startswith("word/settings.xml") and "percent" in e for e in errors)
