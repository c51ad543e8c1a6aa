"""The seed brief (a real one, kept outside the project): the findings the issue describes.

Its judgement says only "may"; the implications say "would likely" (likely, 55–80 %) and hedge
with "could" and "may"; no confidence level is stated; none of its three evidence items is
graded; it carries no marking.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import briefkit
from briefkit import tradecraft
from briefkit.cli import main

SEED = Path(__file__).resolve().parents[2] / ".." / "shared" / "seed"


@pytest.fixture(scope="module")
def seed() -> Path:
    files = sorted(SEED.glob("*.txt")) if SEED.is_dir() else []
    if not files:
        pytest.skip("the seed brief (../shared/seed) is not available")
    return files[0]


def test_seed_findings(seed: Path) -> None:
    brief = briefkit.parse(seed)
    found = [
        (tradecraft.place(brief, f.where), f.code, f.quote, f.band) for f in tradecraft.check(brief)
    ]
    assert found == [
        ("judgement:-", "EST-JUDGEMENT-UNQUALIFIED", "", None),
        ("judgement:-", "EST-NO-CONFIDENCE", "", None),
        ("judgement:1", "EST-HEDGE", "may", None),
        ("evidence:1", "SRC-UNGRADED", "", None),
        ("evidence:2", "SRC-UNGRADED", "", None),
        ("evidence:3", "SRC-UNGRADED", "", None),
        ("implications:1", "EST-TERM", "likely", (55, 80)),
        ("implications:1", "EST-HEDGE", "could", None),
        ("implications:1", "EST-HEDGE", "may", None),
    ]
    hedge = tradecraft.check(brief)[2]
    assert hedge.text.startswith("This development may lead to a reassessment")
    assert tradecraft.confidence(brief) is None
    assert tradecraft.stix_confidence(brief) is None  # nothing stated, no term in the judgement
    assert tradecraft.grades(brief) == (None, None, None)


def test_seed_lint_output_and_exit_status(seed: Path) -> None:
    result = CliRunner().invoke(main, ["lint", str(seed)])
    assert result.exit_code == 1  # the unqualified judgement is an error
    lines = result.stdout.splitlines()
    assert [line.split(": ", 1)[0].removeprefix(str(seed)) for line in lines] == [
        ":judgement:-",
        ":judgement:-",
        ":judgement:1",
        ":evidence:1",
        ":evidence:2",
        ":evidence:3",
        ":implications:1",
        ":implications:1",
        ":implications:1",
    ]
    assert lines[6].endswith("EST-TERM 'likely': 55–80 % (ICD 203, row 1)")
    assert "1 error, 7 warnings, 1 info" in result.stderr
