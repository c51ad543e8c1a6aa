"""``briefkit convert`` of several inputs, or into several formats, in one process.

Outputs go into the folder as ``<input name>.<ext>``, each written atomically; a bad input is
reported at the end and the others are still converted (exit status 1); two inputs never
overwrite each other's output, and no input is overwritten.
"""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner, Result
from pypdf import PdfReader

import briefkit
from briefkit.cli import main
from briefs import rich_brief, seed_shaped, with_metadata


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture
def inputs(tmp_path: Path) -> list[Path]:
    """The same kind of brief as text, HTML and Markdown, each a different brief."""
    folder = tmp_path / "in"
    folder.mkdir()
    text = folder / "alpha.txt"
    text.write_text(briefkit.render_text(seed_shaped()), encoding="utf-8")
    page = folder / "bravo.html"
    page.write_text(briefkit.render_html(rich_brief()), encoding="utf-8")
    notes = folder / "charlie.md"
    notes.write_text(briefkit.render_markdown(with_metadata()), encoding="utf-8")
    return [text, page, notes]


def _pdf_text(path: Path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def test_three_inputs_two_formats(inputs: list[Path], tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run("convert", *inputs, "-o", f"{out}/", "-t", "pdf,docx")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == [
        "alpha.docx",
        "alpha.pdf",
        "bravo.docx",
        "bravo.pdf",
        "charlie.docx",
        "charlie.pdf",
    ]
    for source in inputs:
        expected = briefkit.parse(source)
        assert briefkit.parse(out / f"{source.stem}.docx") == expected
        document = docx.Document(str(out / f"{source.stem}.docx"))
        assert document.core_properties.title == expected.title
        assert expected.title.split(":")[0] in _pdf_text(out / f"{source.stem}.pdf")
    # one "wrote" line per file (a ResourceWarning of an earlier test's file, collected
    # during this in-process run, may add a warning line)
    wrote = [line for line in result.stderr.splitlines() if line.startswith("briefkit: wrote")]
    assert len(wrote) == 6


def test_bad_inputs_are_reported_at_the_end_and_the_rest_converted(
    inputs: list[Path], tmp_path: Path
) -> None:
    bad = tmp_path / "in" / "broken.json"
    bad.write_text('{"title": ""}', encoding="utf-8")
    missing = tmp_path / "in" / "missing.txt"
    out = tmp_path / "out"
    result = run("convert", inputs[0], bad, missing, inputs[1], "-o", f"{out}/", "-t", "html,md")
    assert result.exit_code == 1
    assert sorted(p.name for p in out.iterdir()) == [
        "alpha.html",
        "alpha.md",
        "bravo.html",
        "bravo.md",
    ]
    lines = result.stderr.splitlines()
    failed = [line for line in lines if line.startswith("briefkit: failed: ")]
    assert len(failed) == 2
    assert failed[0].startswith(f"briefkit: failed: {bad}: ")
    assert "title" in failed[0]
    assert failed[1].startswith(f"briefkit: failed: {missing}: ")
    assert lines[-1] == "briefkit: error: 4 of 8 conversion(s) failed; the others were written"
    assert "Traceback" not in result.output
    assert briefkit.parse(out / "bravo.md") == briefkit.parse(inputs[1])


def test_inputs_with_the_same_name_do_not_overwrite_each_other(tmp_path: Path) -> None:
    first, second = tmp_path / "note.txt", tmp_path / "note.md"
    first.write_text(briefkit.render_text(seed_shaped()), encoding="utf-8")
    second.write_text(briefkit.render_markdown(rich_brief()), encoding="utf-8")
    out = tmp_path / "out"
    result = run("convert", first, second, "-o", f"{out}/", "-t", "json")
    assert result.exit_code == 1
    assert "is already the output of" in result.stderr
    assert briefkit.parse(out / "note.json") == briefkit.parse(first)


def test_an_input_is_never_overwritten(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(briefkit.render_html(rich_brief()), encoding="utf-8")
    before = page.read_bytes()
    result = run("convert", page, "-o", f"{tmp_path}/", "-t", "html,text")
    assert result.exit_code == 1
    assert "refusing to overwrite the input file" in result.stderr
    assert page.read_bytes() == before
    assert briefkit.parse(tmp_path / "page.txt").title == rich_brief().title


def test_one_input_into_a_folder(inputs: list[Path], tmp_path: Path) -> None:
    result = run("convert", inputs[0], "-o", f"{tmp_path}/single/", "-t", "html", "-q")
    assert result.exit_code == 0
    assert result.stderr == ""
    assert briefkit.parse(tmp_path / "single" / "alpha.html") == briefkit.parse(inputs[0])


def test_options_apply_to_the_formats_that_take_them(inputs: list[Path], tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run("convert", inputs[1], "-o", f"{out}/", "-t", "html,docx", "--fragment")
    assert result.exit_code == 0, result.output
    assert (out / "bravo.html").read_text(encoding="utf-8").lstrip().startswith("<article")
    assert briefkit.parse(out / "bravo.docx") == briefkit.parse(inputs[1])
    refused = run("convert", inputs[1], "-o", f"{out}/", "-t", "pdf,docx", "--fragment")
    assert refused.exit_code == 2
    assert "--fragment applies to html output only" in refused.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("{a}", "{b}"), "need an output folder"),
        (("{a}", "{b}", "-o", "{out}/"), "need an output folder"),
        (("{a}", "-", "-o", "{out}/", "-t", "html"), "stdin"),
    ],
)
def test_usage_mistakes(
    args: tuple[str, ...], message: str, inputs: list[Path], tmp_path: Path
) -> None:
    names = {"a": inputs[0], "b": inputs[1], "out": tmp_path / "out"}
    result = run("convert", *(a.format(**names) for a in args))
    assert result.exit_code == 2
    assert message in result.output
    assert not (tmp_path / "out").exists()


def test_unknown_format_among_several(inputs: list[Path], tmp_path: Path) -> None:
    result = run("convert", *inputs, "-o", f"{tmp_path}/out/", "-t", "html,nonsense")
    assert result.exit_code == 1
    assert "nonsense" in result.stderr
    assert not (tmp_path / "out").exists()
