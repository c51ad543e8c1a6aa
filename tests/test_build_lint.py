"""Bundles that lint: counts per brief in the result and on the index page."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import html as lxml_html

import briefkit
from briefkit import FormatError, tradecraft
from briefkit.cli import main

BRIEFS = {
    "a-clean.txt": (
        "Calm in the Strait\n\nAnalytic Judgement:\n\n"
        "We hold this with moderate confidence. Shipping is likely to recover.\n\n"
        "Supporting Evidence:\n\n1. Port Data: Traffic rose for three weeks (B2).\n"
    ),
    "b-hedged.txt": (
        "Strains at the Border\n\nAnalytic Judgement:\n\n"
        "Tensions may rise, and a clash is likely (95 %) with high confidence.\n\n"
        "Supporting Evidence:\n\n1. Troops: Units moved north.\n\n2. Roads: Closed (G2).\n"
    ),
}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    src = tmp_path / "src"
    src.mkdir()
    for name, text in BRIEFS.items():
        (src / name).write_text(text, encoding="utf-8")
    return src


def _expected(path: Path, scale: str = "icd203") -> tradecraft.Counts:
    return tradecraft.count(tradecraft.check(briefkit.parse(path), scale=scale))


@pytest.mark.parametrize("jobs", [1, 2])
def test_counts_per_brief_in_the_result_and_the_index(
    folder: Path, tmp_path: Path, jobs: int
) -> None:
    out = tmp_path / "out"
    result = briefkit.build_bundle(folder, out, formats=("html",), jobs=jobs, lint="icd203")
    assert result.ok
    clean, hedged = (folder / n for n in BRIEFS)
    assert result.lint == {clean: _expected(clean), hedged: _expected(hedged)}
    assert result.lint[clean] == tradecraft.Counts(0, 0, 1)
    assert result.lint[hedged].errors == 3  # likely with high confidence, 95 %, (G2)
    page = lxml_html.fromstring((out / "index.html").read_bytes())
    rows = page.xpath("//ol[@class='series']/li")
    counts = [
        tuple(
            int(row.xpath(f".//p[contains(@class,'lint')]/span[@class='{k}']")[0].get("data-count"))
            for k in ("errors", "warnings", "infos")
        )
        for row in rows
    ]
    assert counts == [tuple(result.lint[clean]), tuple(result.lint[hedged])]
    assert "1 info" in rows[0].text_content()


def test_without_lint_nothing_is_counted(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = briefkit.build_bundle(folder, out, formats=("html",), jobs=1)
    assert result.lint == {}
    page = lxml_html.fromstring((out / "index.html").read_bytes())
    assert page.xpath("//*[contains(@class,'lint')]") == []


def test_a_scale_changes_the_counts_and_a_bad_one_is_refused(folder: Path, tmp_path: Path) -> None:
    result = briefkit.build_bundle(folder, tmp_path / "k", formats=("html",), jobs=1, lint="kent")
    clean = folder / "a-clean.txt"
    assert result.lint[clean] == _expected(clean, "kent") == tradecraft.Counts(0, 1, 0)
    with pytest.raises(FormatError, match="unknown scale"):
        briefkit.build_bundle(folder, tmp_path / "x", formats=("html",), lint="nato")


def test_cli_build_lint_notes_the_totals(folder: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main,
        [
            "build",
            str(folder),
            "-o",
            str(tmp_path / "out"),
            "--formats",
            "html",
            "--lint",
            "-j",
            "1",
        ],
    )
    assert result.exit_code == 0, result.output  # findings never fail a build
    assert "briefkit: tradecraft: 3 errors, 1 warning, 2 info in 1 of 2 briefs" in result.stderr
