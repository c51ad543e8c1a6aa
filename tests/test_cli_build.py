"""``briefkit build`` and ``briefkit check`` from the command line."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import html as lxml_html

import briefkit
from briefkit import Brief, BriefLink
from briefkit.cli import main
from briefs import minimal, seed_shaped

D = dt.date


def series(folder: Path, n: int = 4) -> list[Brief]:
    """A correctly linked series written to ``folder`` as JSON, in reverse file order."""
    briefs = briefkit.link_series(
        [
            seed_shaped().model_copy(
                update={
                    "title": f"Harbour Report {i}",
                    "url": f"https://ex.org/harbour-{i}",
                    "published": D(2024, 3, 1 + i),
                }
            )
            for i in range(n)
        ]
    )
    folder.mkdir(parents=True, exist_ok=True)
    for i, brief in enumerate(briefs):
        (folder / f"{n - i:02d}.json").write_text(brief.to_json())
    return briefs


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


# --- build ------------------------------------------------------------------------------


def test_build_writes_a_bundle_and_prints_plain_progress(tmp_path: Path) -> None:
    briefs = series(tmp_path / "in")
    out = tmp_path / "out"
    code, _, err = run("build", str(tmp_path / "in"), "-o", str(out), "--formats", "json,html")
    assert code == 0, err
    render_lines = [line for line in err.splitlines() if line.startswith("render ")]
    assert [line.split()[1] for line in render_lines] == ["1/4", "2/4", "3/4", "4/4"]
    assert "9 files written" in err
    tree = lxml_html.parse(str(out / "index.html"))
    assert tree.xpath("//ol/li//a[@class='title']/text()") == [b.title for b in briefs]
    for brief in briefs:
        assert (out / f"{briefkit.slugify(brief.title)}.html").is_file()
    code, _, err = run("build", str(tmp_path / "in"), "-o", str(out), "--formats", "json,html")
    assert code == 0
    assert "0 files written, 9 up to date" in err


def test_build_with_one_corrupt_input_writes_the_rest_and_exits_1(tmp_path: Path) -> None:
    briefs = series(tmp_path / "in", 3)
    (tmp_path / "in" / "00-corrupt.json").write_bytes(b'{"title": "Cut off", "sect')
    out = tmp_path / "out"
    code, _, err = run(
        "build", str(tmp_path / "in"), "-o", str(out), "--formats", "json", "-j", "2"
    )
    assert code == 1
    assert "00-corrupt.json" in err
    assert "briefkit: error: 1 failure(s)" in err
    assert "Traceback" not in err
    visible = sorted(p.name for p in out.glob("*.json") if not p.name.startswith("."))
    assert visible == sorted(f"{briefkit.slugify(b.title)}.json" for b in briefs)


def test_build_order_option(tmp_path: Path) -> None:
    briefs = series(tmp_path / "in", 3)  # files are named in reverse series order
    out = tmp_path / "out"
    code, _, err = run(
        "build", str(tmp_path / "in"), "-o", str(out), "--formats", "json", "--order", "name", "-q"
    )
    assert code == 0, err
    assert err == ""
    tree = lxml_html.parse(str(out / "index.html"))
    titles = tree.xpath("//ol/li//a[@class='title']/text()")
    assert titles == [b.title for b in reversed(briefs)]


def test_build_warns_about_link_problems(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    for title in ("A", "B"):
        brief = minimal().model_copy(update={"title": title, "next": BriefLink(title="C")})
        (tmp_path / "in" / f"{title}.json").write_text(brief.to_json())
    (tmp_path / "in" / "C.json").write_text(minimal().model_copy(update={"title": "C"}).to_json())
    code, _, err = run(
        "build", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--formats", "json"
    )
    assert code == 0
    assert "briefkit: warning: fork:" in err


def test_build_of_an_empty_folder_warns(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    code, _, err = run("build", str(tmp_path / "in"), "-o", str(tmp_path / "in" / "out"))
    assert code == 0
    assert "briefkit: warning: no input files found" in err
    assert (tmp_path / "in" / "out" / "index.html").is_file()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--formats", "json,nope"], "unknown output format 'nope'"),
        (["--order", "random"], "Invalid value for '--order'"),
        (["-j", "0"], "Invalid value for '-j'"),
    ],
)
def test_build_usage_errors(tmp_path: Path, args: list[str], message: str) -> None:
    series(tmp_path / "in", 1)
    code, _, err = run("build", str(tmp_path / "in"), "-o", str(tmp_path / "out"), *args)
    assert code in (1, 2)
    assert message in err


def test_build_runs_as_a_real_command(tmp_path: Path) -> None:
    series(tmp_path / "in", 3)
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            "from briefkit.cli import main; main()",
            "build",
            str(tmp_path / "in"),
            "-o",
            str(tmp_path / "out"),
            "--formats",
            "json",
            "-j",
            "2",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "render 3/3" in proc.stderr
    assert (tmp_path / "out" / "index.html").is_file()


def test_build_shows_a_progress_bar_on_a_terminal(tmp_path: Path) -> None:
    pty = pytest.importorskip("pty")
    series(tmp_path / "in", 3)
    leader, follower = pty.openpty()
    command = [sys.executable, "-c", "from briefkit.cli import main; main()", "build"]
    args = [str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--formats=json", "-j1"]
    proc = subprocess.Popen(command + args, stderr=follower, stdout=subprocess.DEVNULL)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the terminal closes when the command exits
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    assert proc.wait(timeout=60) == 0
    screen = b"".join(chunks).decode("utf-8", "replace")
    assert "rendering" in screen
    assert "3/3" in screen
    assert "━" in screen  # the bar itself
    assert "render 1/3" not in screen  # not the plain lines


# --- check ------------------------------------------------------------------------------


def test_check_a_clean_series_exits_0(tmp_path: Path) -> None:
    series(tmp_path / "in")
    code, out, _ = run("check", str(tmp_path / "in"))
    assert code == 0
    assert "4 file(s) checked, no problem(s)" in out


def test_check_reports_link_and_structure_problems(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    briefs = series(folder, 3)
    # break the chain: the last brief now claims a successor that is not in the set
    last = briefs[-1].model_copy(update={"next": BriefLink(title="Missing Sequel")})
    (folder / "01.json").write_text(last.to_json())
    (folder / "empty.json").write_text(Brief(title="Nothing Here").to_json())
    (folder / "broken.json").write_text("{")
    code, out, err = run("check", str(folder))
    assert code == 1
    lines = out.splitlines()
    assert any("01.json: dangling:" in line and "Missing Sequel" in line for line in lines)
    assert any("empty.json: empty:" in line for line in lines)
    assert any("broken.json: unreadable:" in line for line in lines)
    assert "5 file(s) checked, 3 problem(s)" in err


def test_check_json_output_names_files_and_kinds(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    a = minimal().model_copy(update={"title": "A", "next": BriefLink(title="B")})
    b = minimal().model_copy(update={"title": "B"})
    (folder / "a.json").write_text(a.to_json())
    (folder / "b.json").write_text(b.to_json())
    code, out, _ = run("check", str(folder), "--json")
    assert code == 1
    report = json.loads(out)
    assert report["ok"] is False
    assert report["files"] == 2
    (problem,) = report["problems"]
    assert problem["kind"] == "one-way"
    assert problem["files"] == [str(folder / "a.json"), str(folder / "b.json")]
    assert problem["titles"] == ["A", "B"]
    assert problem["link"] == "next"


def test_check_ignore_lets_a_partial_set_pass(tmp_path: Path) -> None:
    brief = seed_shaped()  # points at neighbours that are not in the set
    (tmp_path / "one.json").write_text(brief.to_json())
    code, out, _ = run("check", str(tmp_path / "one.json"))
    assert code == 1
    assert out.count(": dangling:") == 2
    code, out, _ = run("check", str(tmp_path / "one.json"), "--ignore", "dangling", "--json")
    assert code == 0
    assert json.loads(out) == {"ok": True, "files": 1, "problems": []}


def test_check_missing_input(tmp_path: Path) -> None:
    code, out, _ = run("check", str(tmp_path / "nope.json"))
    assert code == 1
    assert "nope.json: unreadable: no such file or folder" in out
