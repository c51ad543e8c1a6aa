"""Every script in examples/ runs to completion, as a user would run it.

Each script runs in a subprocess with a fresh working directory and an output folder of its
own; the table says what each must leave there. A new example without a row fails
``test_every_example_has_a_row``, so CI runs every example.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import docx
import pytest

import briefkit

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"

#: script -> (arguments after the output folder's place, files it must write there)
SCRIPTS: dict[str, tuple[list[str], list[str]]] = {
    "convert_all_formats.py": (
        ["{out}"],
        ["sample.html", "sample.docx", "sample.pdf", "sample.txt", "sample.md", "sample.json"],
    ),
    "parse_blog_page.py": (
        ["{out}"],
        [
            "lithium-refining-concentration.json",
            "lithium-refining-concentration.md",
            "lithium-refining-concentration.html",
        ],
    ),
    "build_bundle.py": (["{out}"], ["index.html", "series.pdf"]),
    "custom_templates.py": (["{out}"], ["house.html", "house.pdf", "house.docx"]),
    "server_client.py": (
        ["{out}"],
        ["sample.html", "sample.pdf", "sample.docx", "sample.json", "sample.md"],
    ),
    "build_with_dask.py": (["-o", "{out}"], ["index.html"]),
}


Ran = tuple[subprocess.CompletedProcess[str], Path, Path]


def run_example(name: str, tmp_path: Path) -> Ran:
    """Run a script with its output folder and a working directory of its own."""
    args, _ = SCRIPTS[name]
    out, cwd = tmp_path / "out", tmp_path / "cwd"
    cwd.mkdir()
    done = subprocess.run(
        [sys.executable, str(EXAMPLES / name), *(a.format(out=out) for a in args)],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=600,
    )
    return done, out, cwd


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Ran]:
    """Each script runs once per test session; the checks below share its results."""
    cache: dict[str, Ran] = {}

    def get(name: str) -> Ran:
        if name not in cache:
            cache[name] = run_example(name, tmp_path_factory.mktemp(name.removesuffix(".py")))
        done = cache[name][0]
        assert done.returncode == 0, f"{name}\nstdout:\n{done.stdout}\nstderr:\n{done.stderr}"
        return cache[name]

    return get


def test_every_example_has_a_row() -> None:
    scripts = {p.name for p in EXAMPLES.glob("*.py")}
    assert scripts == set(SCRIPTS)
    assert len(scripts) >= 5


@pytest.mark.parametrize("name", sorted(SCRIPTS))
def test_example_runs(name: str, example: Callable[[str], Ran]) -> None:
    _, out, cwd = example(name)
    for filename in SCRIPTS[name][1]:
        assert (out / filename).is_file(), f"{name} did not write {filename}"
    assert not any(cwd.iterdir()), f"{name} wrote into the working directory"


def test_converted_outputs_are_the_sample(example: Callable[[str], Ran]) -> None:
    _, out, _ = example("convert_all_formats.py")
    sample = briefkit.parse(EXAMPLES / "briefs" / "sample.txt")
    assert briefkit.parse(out / "sample.docx") == sample
    assert briefkit.parse(out / "sample.md") == sample
    assert (out / "sample.pdf").read_bytes().startswith(b"%PDF-")


def test_blog_page_parses_without_the_page_around_it(example: Callable[[str], Ran]) -> None:
    _, out, _ = example("parse_blog_page.py")
    brief = briefkit.parse(out / "lithium-refining-concentration.json")
    assert [s.kind.value for s in brief.sections] == ["judgement", "evidence", "implications"]
    assert [i.lead for i in brief.evidence] == [
        "Refining Share",
        "Slow Build-Out",
        "Export Controls",
    ]
    assert brief.prev is not None
    assert brief.prev.href is not None
    assert brief.prev.href.startswith("https://harbourlight.example/")
    text = json.dumps(json.loads((out / "lithium-refining-concentration.json").read_text()))
    for chrome in ("Subscribe", "Sign up", "analyticsQueue", "Harbourlight Briefings."):
        assert chrome not in text


def test_bundle_links_the_sample_series(example: Callable[[str], Ran]) -> None:
    done, out, _ = example("build_bundle.py")
    briefs = {p.name: briefkit.parse(p) for p in out.glob("*.html") if p.name != "index.html"}
    assert len(briefs) == 4
    firsts = [b for b in briefs.values() if b.prev is None]
    assert [b.title for b in firsts] == [
        "Cable Repair Ships: The Overlooked Bottleneck in Undersea Infrastructure"
    ]
    for brief in briefs.values():  # every pointer names a sibling file of the same format
        for link in (brief.prev, brief.next):
            if link is not None:
                assert link.href in briefs
    assert "second build: 0 written" in done.stdout


def test_reference_document_styles_the_word_output(example: Callable[[str], Ran]) -> None:
    _, out, _ = example("custom_templates.py")
    document = docx.Document(str(out / "house.docx"))
    assert document.styles["Normal"].font.name == "Georgia"
    assert "HARBOURLIGHT" in document.sections[0].header.paragraphs[0].text
    assert briefkit.parse(out / "house.docx").title == document.core_properties.title


def test_server_answers_are_the_sample(example: Callable[[str], Ran]) -> None:
    done, out, _ = example("server_client.py")
    sample = briefkit.parse(EXAMPLES / "briefs" / "sample.txt")
    for name in ("sample.html", "sample.docx", "sample.json", "sample.md"):
        assert briefkit.parse(out / name) == sample, name
    assert (out / "sample.pdf").read_bytes().startswith(b"%PDF-")
    assert "application/problem+json: /problems/parse-error" in done.stdout
