"""``python -m benchmarks real-texts`` prints how many real article bodies keep every word
and each loss, and says so when the corpora are absent (no timing is asserted)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT.parent / "shared" / "real-pages"
sys.path.insert(0, str(ROOT))

from benchmarks.__main__ import main  # noqa: E402


def test_absent_corpora_are_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["real-texts", "--pages", str(tmp_path)]) == 1
    out, err = capsys.readouterr()
    assert "no real texts" in err
    assert out == ""


def test_real_texts_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if not PAGES.is_dir():
        pytest.skip(f"the real-page corpora are not available ({PAGES})")
    out = tmp_path / "real.md"
    assert main(["real-texts", "--repeats", "1", "--output", str(out)]) == 0
    text = out.read_text("utf-8")
    assert capsys.readouterr().out == text
    rows = re.findall(r"^\| (aeb|moz|all) \| (\d+) \| (\d+) \| (\d+) \|$", text, re.M)
    assert [r[0] for r in rows] == ["aeb", "moz", "all"]
    assert int(rows[2][1]) == int(rows[0][1]) + int(rows[1][1])
    losses = len(re.findall(r"^- `[^`]+`: lost ", text, re.M))
    assert int(rows[2][2]) + losses == int(rows[2][1])
    assert re.search(r"median [\d.]+ ms, p90 [\d.]+ ms, max [\d.]+ ms", text)
