"""``briefkit lint``: compiler-style lines, JSON, severity filter, scales, exit status."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from briefkit.cli import main

GOOD = """\
Calm Returns to the Strait

Analytic Judgement:

We judge with moderate confidence that the talks will resume. Shipping is likely to recover
within weeks.

Supporting Evidence:

1. Port Data: Traffic rose for three weeks in a row (B2).

2. Insurers: Premiums fell back to their spring level [A1].
"""

BAD = """\
Strains at the Border
Marking: tlp:amber

Analytic Judgement:

With high confidence, U.S. planners call a clash likely (90 %).

Supporting Evidence:

1. Troop Moves: Units moved north (B7).
"""


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    good, bad = tmp_path / "good.txt", tmp_path / "bad.txt"
    good.write_text(GOOD, encoding="utf-8")
    bad.write_text(BAD, encoding="utf-8")
    return good, bad


def test_a_clean_brief_prints_only_its_terms_and_exits_0(files: tuple[Path, Path]) -> None:
    good, _ = files
    result = run("lint", good)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"{good}:judgement:1: EST-TERM 'likely': 55–80 % (ICD 203, row 1)"
    ]
    assert result.stderr.strip() == "1 file(s) checked: 0 errors, 0 warnings, 1 info"
    quiet = run("lint", good, "--severity", "warning")
    assert quiet.exit_code == 0
    assert quiet.stdout == ""


def test_errors_give_exit_1_and_every_code(files: tuple[Path, Path]) -> None:
    _, bad = files
    result = run("lint", bad, "--severity", "warning")
    assert result.exit_code == 1
    codes = [line.split(": ", 1)[1].split()[0] for line in result.stdout.splitlines()]
    assert codes == ["MARK-FORM", "EST-CONF-LIKELIHOOD", "EST-NUMBER", "SRC-BAD-GRADE"]
    places = [line.removeprefix(f"{bad}:").split(": ")[0] for line in result.stdout.splitlines()]
    assert places == ["marking:-", "judgement:1", "judgement:1", "evidence:1"]
    only_errors = run("lint", bad, "--severity", "error")
    assert only_errors.exit_code == 1
    assert len(only_errors.stdout.splitlines()) == 3


def test_json_lists_findings_with_every_field(files: tuple[Path, Path]) -> None:
    good, bad = files
    result = run("lint", good, bad, "--json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert {d["file"] for d in data} == {str(good), str(bad)}
    number = next(d for d in data if d["code"] == "EST-NUMBER")
    assert number["severity"] == "error"
    assert number["band"] == [55, 80]
    assert number["term"] == "likely"
    assert number["quote"] == "90 %"
    assert number["where"]["kind"] == "judgement"
    assert number["place"] == "judgement:1"
    assert number["text"].startswith("With high confidence, U.S. planners")
    assert set(number) == {
        "file",
        "place",
        "code",
        "severity",
        "message",
        "where",
        "text",
        "quote",
        "term",
        "band",
    }


def test_scale_changes_the_yardstick(tmp_path: Path) -> None:
    path = tmp_path / "phia.txt"
    path.write_text(
        "Title\n\nAnalytic Judgement:\n\nA strike is highly likely. Confidence: high.\n",
        encoding="utf-8",
    )
    icd = run("lint", path)
    phia = run("lint", path, "--scale", "phia")
    assert "EST-OTHER-SCALE" in icd.stdout
    assert "EST-OTHER-SCALE" not in phia.stdout
    assert "EST-TERM 'highly likely': 80–90 % (the PHIA yardstick)" in phia.stdout
    assert run("lint", path, "--scale", "nato").exit_code == 2


def test_folders_and_unreadable_inputs(files: tuple[Path, Path], tmp_path: Path) -> None:
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    result = run("lint", tmp_path, tmp_path / "missing.txt")
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("briefkit: error:")]
    assert len(errors) == 2
    assert any("missing.txt" in e for e in errors)
    assert any("broken.json" in e for e in errors)
    assert "2 file(s) checked: 3 errors, 1 warning, 2 info; 2 unreadable" in result.stderr
