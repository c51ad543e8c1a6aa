"""The ``briefkit`` command, and the README/CI instructions that drive it.

Commands run in-process through click's CliRunner (the real command, real files); the
terminal check runs a subprocess on a pseudo-terminal.
"""

from __future__ import annotations

import io
import json
import os
import re
import shlex
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import lxml.html
import pytest
from click.testing import CliRunner, Result

import briefkit
from briefkit import Brief
from briefkit.cli import main
from briefkit.cli.convert import output_format
from briefs import rich_brief, seed_shaped, with_metadata

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
CI_RUN = ROOT / ".ci" / "run"
SAMPLE = ROOT / "examples" / "briefs" / "sample.txt"
TEST_COMMAND = "pip install -e '.[test]' && python -m pytest"


def run(*args: str | Path, stdin: bytes | None = None) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args], input=stdin)


def assert_one_line_error(result: Result, *fragments: str) -> None:
    assert result.exit_code == 1, result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("briefkit: error: ")
    assert "Traceback" not in result.output
    for fragment in fragments:
        assert fragment in lines[0]


@pytest.fixture
def brief_json(tmp_path: Path) -> Path:
    path = tmp_path / "brief.json"
    path.write_text(with_metadata().to_json(), encoding="utf-8")
    return path


# --- small commands ----------------------------------------------------------------------


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"briefkit {briefkit.__version__}"


def test_schema_is_the_models_schema() -> None:
    result = run("schema")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == Brief.model_json_schema()


def test_formats_lists_every_registered_format() -> None:
    result = run("formats")
    assert result.exit_code == 0
    listed = {line.split()[0] for line in result.stdout.splitlines() if line.startswith("  ")}
    assert listed == set(briefkit.input_formats()) | set(briefkit.output_formats())
    as_json = json.loads(run("formats", "--json").stdout)
    assert set(as_json["input"]) == set(briefkit.input_formats())
    assert set(as_json["output"]) == set(briefkit.output_formats())
    assert as_json["output"]["pdf"]["extension"] == ".pdf"


def test_help_lists_commands_and_exit_codes() -> None:
    result = run("--help")
    assert result.exit_code == 0
    for word in ("convert", "formats", "schema", "Exit status"):
        assert word in result.stdout


# --- convert -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("output", "to", "expected"),
    [
        ("out.html", None, "html"),
        ("OUT.HTML", None, "html"),
        ("out.htm", None, "html"),
        ("out.json", None, "json"),
        ("out.txt", None, "text"),
        ("out.md", None, "markdown"),
        ("out.docx", None, "docx"),
        ("out.pdf", None, "pdf"),
        ("-", None, "html"),
        ("out.data", "json", "json"),
        ("out.html", "text", "text"),
    ],
)
def test_output_format_like_pandoc(output: str, to: str | None, expected: str) -> None:
    assert output_format(output, to) == expected


def test_json_to_html_file(brief_json: Path, tmp_path: Path) -> None:
    out = tmp_path / "deep" / "dir" / "brief.html"
    result = run("convert", brief_json, "-o", out)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert f"wrote {out}" in result.stderr
    doc = lxml.html.document_fromstring(out.read_text(encoding="utf-8"))
    assert doc.xpath("//h1/text()") == [with_metadata().title]
    assert len(doc.xpath("//section[@data-kind='evidence']//li")) == 3


def test_quiet_says_nothing(brief_json: Path, tmp_path: Path) -> None:
    result = run("convert", brief_json, "-o", tmp_path / "b.json", "-q")
    assert result.exit_code == 0
    assert result.output == ""
    assert Brief.from_json((tmp_path / "b.json").read_bytes()) == with_metadata()


def test_stdin_to_stdout() -> None:
    data = rich_brief().to_json().encode()
    result = run("convert", "-", "-f", "json", "-t", "json", stdin=data)
    assert result.exit_code == 0, result.output
    assert Brief.from_json(result.stdout_bytes) == rich_brief()


def test_default_output_is_html_on_stdout(brief_json: Path) -> None:
    result = run("convert", brief_json)
    assert result.exit_code == 0
    assert result.stdout.startswith("<!DOCTYPE html>")


def test_fragment_and_template_options(brief_json: Path, tmp_path: Path) -> None:
    fragment = run("convert", brief_json, "-t", "html", "--fragment")
    assert fragment.exit_code == 0
    assert fragment.stdout.lstrip().startswith("<article")
    template = tmp_path / "t.html.j2"
    template.write_text("<p class=custom>{{ brief.title }}</p>", encoding="utf-8")
    custom = run("convert", brief_json, "--template", template)
    assert custom.stdout == f"<p class=custom>{with_metadata().title}</p>"


@pytest.mark.parametrize(
    ("option", "expected"),
    [
        (("--fragment",), "--fragment applies to html output only"),
        (("--page-size", "Letter"), "--page-size applies to docx and pdf output only"),
        (("--stylesheet", "{css}"), "--stylesheet applies to pdf output only"),
        (("--reference-doc", "{docx}"), "--reference-doc applies to docx output only"),
    ],
)
def test_format_options_with_other_formats_are_a_usage_error(
    brief_json: Path, tmp_path: Path, option: tuple[str, ...], expected: str
) -> None:
    (tmp_path / "x.css").write_text("p { color: black }", encoding="utf-8")
    docx.Document().save(str(tmp_path / "x.docx"))
    values = {"{css}": str(tmp_path / "x.css"), "{docx}": str(tmp_path / "x.docx")}
    result = run("convert", brief_json, "-t", "json", *(values.get(o, o) for o in option))
    assert result.exit_code == 2
    assert expected in result.stderr


def test_page_size_and_reference_document_reach_the_renderers(
    brief_json: Path, tmp_path: Path
) -> None:
    from docx.shared import Mm
    from pypdf import PdfReader

    pdf = tmp_path / "letter.pdf"
    assert run("convert", brief_json, "-o", pdf, "--page-size", "letter").exit_code == 0
    box = PdfReader(pdf).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)  # 8.5 x 11 in

    reference = docx.Document()
    reference.sections[0].page_width = Mm(148)
    reference.sections[0].page_height = Mm(210)
    reference.styles["Normal"].font.name = "Courier New"
    reference.save(str(tmp_path / "house.docx"))
    out = tmp_path / "styled.docx"
    result = run("convert", brief_json, "-o", out, "--reference-doc", tmp_path / "house.docx")
    assert result.exit_code == 0, result.output
    document = docx.Document(str(out))
    assert document.styles["Normal"].font.name == "Courier New"
    assert round(document.sections[-1].page_width.mm) == 148


def test_refuses_to_overwrite_its_input(brief_json: Path, tmp_path: Path) -> None:
    before = brief_json.read_bytes()
    assert_one_line_error(run("convert", brief_json, "-o", brief_json, "-t", "json"), "input")
    link = tmp_path / "alias.json"
    link.symlink_to(brief_json)
    assert_one_line_error(run("convert", brief_json, "-o", link, "-t", "json"), "input")
    assert brief_json.read_bytes() == before


@pytest.mark.parametrize(
    ("args", "fragments"),
    [
        (("convert", "missing.txt", "-o", "x.html"), ("missing.txt", "cannot read")),
        (("convert", "{json}", "-o", "x.unknown"), ("x.unknown", "-t")),
        (("convert", "{json}", "-t", "nonsense"), ("nonsense",)),
        (("convert", "{json}", "-f", "nonsense", "-o", "x.html"), ("nonsense",)),
        (("convert", "{bad}", "-o", "x.html"), ("bad.json",)),
        (("convert", "{png}", "-o", "x.html"), ("PNG",)),
        (("convert", "{json}", "-o", "{dir}"), ("{dir}",)),
    ],
)
def test_errors_are_one_line_without_traceback(
    args: tuple[str, ...],
    fragments: tuple[str, ...],
    brief_json: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"title": ""}', encoding="utf-8")
    png = tmp_path / "image.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    folder = tmp_path / "a-folder.html"
    folder.mkdir()
    names = {"json": brief_json, "bad": bad, "png": png, "dir": folder}
    monkeypatch.chdir(tmp_path)
    result = run(*(a.format(**names) for a in args))
    assert_one_line_error(result, *(f.format(**names) for f in fragments))


def test_failed_conversion_leaves_existing_output_intact(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    out = tmp_path / "out.html"
    out.write_text("previous version", encoding="utf-8")
    assert_one_line_error(run("convert", bad, "-o", out))
    assert out.read_text(encoding="utf-8") == "previous version"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.json", "out.html"]


def test_decoding_fallback_is_a_one_line_warning(tmp_path: Path) -> None:
    source = tmp_path / "latin.json"
    source.write_bytes(
        seed_shaped().model_copy(update={"title": "Café Supply Chains"}).to_json().encode("cp1252")
    )
    result = run("convert", source, "-t", "json")
    assert result.exit_code == 0
    assert result.stderr.startswith("briefkit: warning: ")
    assert len(result.stderr.splitlines()) == 1
    assert Brief.from_json(result.stdout_bytes).title == "Café Supply Chains"


def test_binary_output_is_refused_on_a_terminal(brief_json: Path) -> None:
    import pty

    leader, follower = pty.openpty()
    code = "from briefkit.cli import main; main()"
    proc = subprocess.run(
        [sys.executable, "-c", code, "convert", str(brief_json), "-t", "pdf"],
        stdout=follower,
        stderr=subprocess.PIPE,
        check=False,
    )
    os.close(follower)
    os.close(leader)
    assert proc.returncode == 1
    assert proc.stderr.decode().startswith("briefkit: error: pdf is binary")


# --- the real formats, from the text sample ----------------------------------------------


def is_docx(data: bytes) -> bool:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return "word/document.xml" in archive.namelist()


def test_sample_to_html(tmp_path: Path) -> None:
    out = tmp_path / "sample.html"
    result = run("convert", SAMPLE, "-o", out)
    assert result.exit_code == 0, result.output
    doc = lxml.html.document_fromstring(out.read_text(encoding="utf-8"))
    kinds = doc.xpath("//section/@data-kind")
    assert kinds == ["judgement", "evidence", "implications"]
    assert len(doc.xpath("//section[@data-kind='evidence']//strong[@class='lead']")) == 3
    assert doc.xpath("//nav/*[contains(@class, 'brief-prev')]")


def test_sample_to_docx(tmp_path: Path) -> None:
    out = tmp_path / "sample.docx"
    result = run("convert", SAMPLE, "-o", out)
    assert result.exit_code == 0, result.output
    assert is_docx(out.read_bytes())
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "Desalination Plants Emerge" in text
    assert "Limited Storage" in text


def test_sample_to_pdf(tmp_path: Path) -> None:
    out = tmp_path / "sample.pdf"
    result = run("convert", SAMPLE, "-o", out)
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"%PDF-")


def test_binary_to_a_pipe(brief_json: Path) -> None:
    result = run("convert", brief_json, "-t", "pdf")
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes.startswith(b"%PDF-")


# --- README and CI stay in step ----------------------------------------------------------


def quick_start_blocks() -> list[str]:
    text = README.read_text(encoding="utf-8")
    section = text.split("\n## Quick start\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^```sh\n(.*?)^```$", section, flags=re.MULTILINE | re.DOTALL)


def test_readme_quick_start_has_exactly_two_shell_blocks() -> None:
    blocks = quick_start_blocks()
    assert len(blocks) == 2
    install, tests = blocks
    assert "apt-get install" in install
    assert "libharfbuzz-subset0" in install
    assert "pip install ." in install
    for ext in ("html", "docx", "pdf"):
        assert f"briefkit convert examples/briefs/sample.txt -o out/sample.{ext}" in install
    assert tests.strip().splitlines()[-1] == TEST_COMMAND


def test_ci_runs_the_readme_test_command() -> None:
    script = CI_RUN.read_text(encoding="utf-8")
    assert quick_start_blocks()[1].strip().splitlines()[-1] in script.splitlines()
    assert "set -euo pipefail" in script
    for package in ("poppler-utils", "libharfbuzz-subset0", "chromium", "pandoc"):
        assert package in script
    assert os.access(CI_RUN, os.X_OK)
    subprocess.run(["bash", "-n", str(CI_RUN)], check=True)


def test_readme_conversions_work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    commands = [
        shlex.split(line)
        for line in quick_start_blocks()[0].splitlines()
        if line.startswith("briefkit convert")
    ]
    assert len(commands) == 3
    monkeypatch.chdir(tmp_path)
    for argv in commands:
        args = [str(ROOT / a) if a.startswith("examples/") else a for a in argv[1:]]
        result = run(*args)
        assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "sample.html").read_text(encoding="utf-8").startswith("<!DOCTYPE")
    assert is_docx((tmp_path / "out" / "sample.docx").read_bytes())
    assert (tmp_path / "out" / "sample.pdf").read_bytes().startswith(b"%PDF-")
