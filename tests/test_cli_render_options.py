"""The document options of ``briefkit convert`` and ``briefkit build``, as a user runs them.

Each test runs the real command as a process and opens what it wrote (lxml for HTML,
python-docx and the DOCX parts for DOCX, pypdf for PDF) to see that the option took effect;
a bad value is a usage error (exit status 2) that names the option and why, and writes
nothing.
"""

from __future__ import annotations

import io
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import click
import docx
import lxml.html
import pytest
from lxml import etree
from pypdf import PdfReader

import briefkit
from briefkit.cli.convert import convert
from briefkit.tradecraft import SCALES
from briefs import long_brief

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "briefs" / "sample.txt"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def briefkit_cli(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-c", "from briefkit.cli import main; main()"]
    return subprocess.run(
        [*command, *map(str, args)], capture_output=True, text=True, cwd=cwd, timeout=300
    )


def proofing_language(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        styles = etree.fromstring(archive.read("word/styles.xml"))
    lang = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert lang is not None
    return str(lang.get(f"{W}val"))


def has_toc_field(data: bytes) -> bool:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        document = archive.read("word/document.xml").decode()
    return re.search(r"<w:instrText[^>]*> TOC \\o", document) is not None


def pdf_root(path: Path) -> dict[str, object]:
    return PdfReader(path).trailer["/Root"]  # type: ignore[no-any-return]


def test_default_language_reaches_html_docx_and_pdf(tmp_path: Path) -> None:
    assert briefkit.parse(SAMPLE).language is None  # so the default is what is declared
    done = briefkit_cli(
        "convert", SAMPLE, "-o", f"{tmp_path}/", "-t", "html,docx,pdf",
        "--default-language", "fr-CA",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    page = lxml.html.fromstring((tmp_path / "sample.html").read_bytes())
    assert page.get("lang") == "fr-CA"
    assert proofing_language((tmp_path / "sample.docx").read_bytes()) == "fr-CA"
    assert pdf_root(tmp_path / "sample.pdf")["/Lang"] == "fr-CA"
    plain = briefkit_cli("convert", SAMPLE, "-o", tmp_path / "plain.html")
    assert plain.returncode == 0, plain.stderr
    assert lxml.html.fromstring((tmp_path / "plain.html").read_bytes()).get("lang") == "en"


def test_toc_and_no_toc(tmp_path: Path) -> None:
    short = tmp_path / "short.docx"
    assert briefkit_cli("convert", SAMPLE, "-o", short).returncode == 0
    assert not has_toc_field(short.read_bytes())  # a short brief gets none by default
    done = briefkit_cli("convert", SAMPLE, "-o", f"{tmp_path}/toc/", "-t", "docx,pdf", "--toc")
    assert done.returncode == 0, done.stderr
    assert has_toc_field((tmp_path / "toc" / "sample.docx").read_bytes())
    pdf = PdfReader(tmp_path / "toc" / "sample.pdf")
    assert "Contents" in pdf.pages[0].extract_text()
    assert pdf.trailer["/Root"]["/PageMode"] == "/UseOutlines"
    long_json = tmp_path / "long.json"
    long_json.write_text(long_brief(100).to_json(), encoding="utf-8")  # 1,342 words
    for flag, expected in (("-q", True), ("--no-toc", False)):
        out = tmp_path / f"long{flag}.docx"
        assert briefkit_cli("convert", long_json, "-o", out, flag).returncode == 0
        assert has_toc_field(out.read_bytes()) is expected
        assert docx.Document(str(out)).paragraphs[0].style.name == "Title"


def test_untagged_and_pdf_variant(tmp_path: Path) -> None:
    tagged, untagged, a3b = tmp_path / "t.pdf", tmp_path / "u.pdf", tmp_path / "a.pdf"
    assert briefkit_cli("convert", SAMPLE, "-o", tagged).returncode == 0
    assert "/StructTreeRoot" in pdf_root(tagged)
    assert briefkit_cli("convert", SAMPLE, "-o", untagged, "--untagged").returncode == 0
    assert "/StructTreeRoot" not in pdf_root(untagged)
    done = briefkit_cli("convert", SAMPLE, "-o", a3b, "--pdf-variant", "pdf/a-3b")
    assert done.returncode == 0, done.stderr
    assert "warning" not in done.stderr  # WeasyPrint's unclosed colour profile is not news
    root = pdf_root(a3b)
    xmp = root["/Metadata"].get_object().get_data().decode("utf-8")  # type: ignore[attr-defined]
    assert re.search(r"pdfaid:part(>|=\")3", xmp)
    assert "/StructTreeRoot" in root  # PDF/A is tagged too unless asked otherwise


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--default-language", "en_GB"], "'--default-language': 'en_GB' is not a BCP 47"),
        (["--default-language", ""], "'--default-language': '' is not a BCP 47"),
        (["--pdf-variant", "pdf/z-9"], "'--pdf-variant': 'pdf/z-9' is not one of"),
        (["--pdf-variant", "pdf/ua-1", "--untagged"], "pdf/ua-1 is always tagged"),
        (["-t", "html", "--toc"], "--toc/--no-toc applies to docx and pdf output only"),
        (["-t", "docx", "--untagged"], "--tagged/--untagged applies to pdf output only"),
        (["-t", "text", "--default-language", "de"], "applies to html and docx and pdf"),
    ],
)
def test_a_bad_value_is_a_usage_error_that_writes_nothing(
    tmp_path: Path, args: list[str], says: str
) -> None:
    out = tmp_path / "out.pdf"
    done = briefkit_cli("convert", SAMPLE, "-o", out, *args)
    assert done.returncode == 2, done.stderr
    assert says in done.stderr
    assert "Traceback" not in done.stderr
    assert not out.exists()


def test_build_passes_the_options_to_every_brief(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.txt").write_bytes(SAMPLE.read_bytes())
    (inputs / "b.json").write_text(long_brief(100).to_json(), encoding="utf-8")
    site = tmp_path / "site"
    done = briefkit_cli(
        "build", inputs, "-o", site, "--formats", "html,docx,pdf", "-j", "1",
        "--default-language", "de-AT", "--no-toc", "--untagged", "--page-size", "Letter",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    for html in sorted(site.glob("*.html")):
        if html.name != "index.html":
            assert lxml.html.fromstring(html.read_bytes()).get("lang") == "de-AT"
    docs = sorted(site.glob("*.docx"))
    assert len(docs) == 2
    for path in docs:
        data = path.read_bytes()
        assert proofing_language(data) == "de-AT"
        assert not has_toc_field(data)  # the long brief too: --no-toc
        assert round(docx.Document(str(path)).sections[0].page_width.inches, 1) == 8.5
    for path in sorted(site.glob("*.pdf")):
        root = pdf_root(path)
        assert root["/Lang"] == "de-AT"
        assert "/StructTreeRoot" not in root
        assert round(float(PdfReader(path).pages[0].mediabox.width)) == 612
    bad = briefkit_cli("build", inputs, "-o", tmp_path / "nothing", "--formats", "html", "--toc")
    assert bad.returncode == 2
    assert "--toc/--no-toc applies to docx and pdf output only" in bad.stderr
    assert not (tmp_path / "nothing").exists()


def test_annotate_marks_the_findings_on_the_scale_asked_for(tmp_path: Path) -> None:
    phia = tmp_path / "phia.html"
    done = briefkit_cli("convert", SAMPLE, "-o", phia, "--annotate", "--scale", "phia")
    assert done.returncode == 0, done.stderr
    marks = lxml.html.parse(str(phia)).findall(".//mark")
    assert marks
    assert any("PHIA" in (m.get("title") or "") for m in marks)
    plain = tmp_path / "plain.html"
    assert briefkit_cli("convert", SAMPLE, "-o", plain).returncode == 0
    assert not lxml.html.parse(str(plain)).findall(".//mark")
    lonely = briefkit_cli("convert", SAMPLE, "-t", "html", "--scale", "kent")
    assert lonely.returncode == 2
    assert "add --annotate" in lonely.stderr
    ctx = click.Context(convert)
    scale = next(p for p in convert.get_params(ctx) if p.name == "scale")
    assert tuple(scale.type.choices) == SCALES  # type: ignore[attr-defined]


def test_live_keeps_a_quoted_host_linked(tmp_path: Path) -> None:
    source = tmp_path / "ioc.md"
    source.write_text(
        "# Staging Servers\n\nThe payload was staged at "
        "[files.evil-cdn.net](https://files.evil-cdn.net/drop), as "
        "[the vendor](https://vendor.example/advisory) says.\n",
        encoding="utf-8",
    )

    def links(*args: str) -> list[str]:
        out = tmp_path / f"out{len(args)}.html"
        done = briefkit_cli("convert", source, "-o", out, *args)
        assert done.returncode == 0, done.stderr
        return [str(a.get("href")) for a in lxml.html.parse(str(out)).iter("a")]

    assert "https://files.evil-cdn.net/drop" not in links()  # defanged by default
    assert "https://files.evil-cdn.net/drop" in links("--live", "evil-cdn.net")
    assert "https://vendor.example/advisory" in links("--live", "evil-cdn.net")
