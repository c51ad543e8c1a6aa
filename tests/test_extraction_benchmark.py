"""The extraction benchmark: its metric, and a run over a small corpus written here in the
layout of the real ones (the real pages are not needed, and never copied)."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.extraction import author_right, date_right, score, title_right  # noqa: E402

BODY = (
    "Grain barges waited three days at the lock while engineers replaced a gate seal. "
    "Freight rates on the river rose by a fifth in the same week, traders said."
)


def test_score_counts_four_word_shingles() -> None:
    assert score(BODY, BODY) == (1.0, 1.0, 1.0)
    assert score(BODY, "") == (0.0, 0.0, 0.0)
    assert score("", "") == (1.0, 1.0, 1.0)
    precision, recall, f1 = score(BODY, BODY + " Subscribe to our newsletter for more news today")
    assert recall == 1.0
    assert 0.6 < precision < 1.0
    assert f1 == pytest.approx(2 * precision / (precision + 1))
    doubled, _, _ = score(BODY, BODY + " " + BODY)  # a paragraph found twice is half wrong
    assert doubled == pytest.approx(0.5, abs=0.05)


@pytest.mark.parametrize(
    ("expected", "found", "right"),
    [
        ("Lock Repairs Hold Up Grain", "Lock Repairs Hold Up Grain", True),
        ("Lock Repairs Hold Up Grain | River News", "Lock Repairs Hold Up Grain", True),
        ("Lock Repairs Hold Up Grain", "River News: Lock Repairs Hold Up Grain", True),
        ("Lock Repairs Hold Up Grain", "River News", False),
        ("Lock Repairs Hold Up Grain", "Repairs", False),
        ("Lock Repairs Hold Up Grain", None, False),
    ],
)
def test_title_may_carry_a_site_name(expected: str, found: str | None, right: bool) -> None:
    assert title_right(expected, found) is right


def test_date_is_the_day_as_written() -> None:
    assert date_right("2019-11-18T23:30:00-05:00", dt.date(2019, 11, 18))
    assert date_right("2019-11-18T23:30:00-05:00", "2019-11-18")
    assert not date_right("2019-11-18T23:30:00-05:00", dt.date(2019, 11, 19))
    assert not date_right("2019-11-18", None)


def test_author_names_without_by() -> None:
    assert author_right("By Ana Ruiz", ["Ana Ruiz"])
    assert author_right("Ana Ruiz and Li Wei", ["Ana Ruiz", "Li Wei"])
    assert author_right("Ana Ruiz, Staff Writer", ["Ana Ruiz"])
    assert not author_right("Ana Ruiz", ["Li Wei"])
    assert not author_right("Ana Ruiz", [])


def _corpus(folder: Path) -> None:
    aeb = folder / "aeb"
    (aeb / "html").mkdir(parents=True)
    page = (
        "<html><head><title>Lock Repairs Hold Up Grain</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/river'>River</a></nav><article>"
        f"<h1>Lock Repairs Hold Up Grain</h1><p>{BODY}</p></article>"
        "<footer>All rights reserved by the river desk, every year.</footer></body></html>"
    )
    (aeb / "html" / "p1.html.gz").write_bytes(gzip.compress(page.encode()))
    truth = {"p1": {"articleBody": BODY, "url": "https://river.example/lock"}}
    (aeb / "ground-truth.json").write_text(json.dumps(truth), "utf-8")
    moz = folder / "moz-readability" / "lock"
    moz.mkdir(parents=True)
    head = (
        '<meta name="author" content="Ana Ruiz">'
        '<meta property="article:published_time" content="2019-11-18T10:00:00Z">'
    )
    (moz / "source.html.gz").write_bytes(
        gzip.compress(page.replace("</title>", "</title>" + head).encode())
    )
    meta = {"title": "Lock Repairs Hold Up Grain", "byline": "By Ana Ruiz",
            "publishedTime": "2019-11-18T10:00:00Z"}  # fmt: skip
    (moz / "expected-metadata.json").write_text(json.dumps(meta), "utf-8")


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "benchmarks.extraction", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_a_run_prints_one_table(tmp_path: Path) -> None:
    _corpus(tmp_path / "pages")
    out = tmp_path / "results.md"
    proc = _run("--pages", str(tmp_path / "pages"), "--tools", "briefkit", "--output", str(out))
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip() == out.read_text("utf-8").strip()
    rows = [line for line in proc.stdout.splitlines() if line.startswith("| briefkit")]
    assert len(rows) == 1
    cells = [c.strip() for c in rows[0].strip("|").split("|")]
    assert cells[1:3] == ["1.000", "1.000"]  # mean and median F1 of the one page
    assert cells[-3:] == ["100.0% (1/1)"] * 3  # title, date, author
    assert str(tmp_path) not in proc.stdout  # no paths of the machine in the report


def test_without_pages_it_says_so(tmp_path: Path) -> None:
    proc = _run("--pages", str(tmp_path / "nowhere"))
    assert proc.returncode == 0
    assert "skipped: no real pages" in proc.stderr
    assert proc.stdout == ""
