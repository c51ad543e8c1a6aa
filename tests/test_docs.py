"""The documentation tells the truth: its code runs, its schema and version are current.

A page whose first line is ``<!-- runnable -->`` has every ```python block run, in page
order and in one namespace per page, in a scratch folder holding a copy of examples/ (so
``examples/briefs/sample.txt`` exists). A top-level ``print(...)  # text`` line must print
that text (``...`` at the end of the comment: must start with it). A block right after an
``<!-- not run -->`` line is skipped.
The site itself is built by CI (``mkdocs build --strict``); here the navigation is checked
against the files.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

import briefkit
from briefkit import registry

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
FENCE = re.compile(
    r"^(?P<indent>[ ]*)```python[^\n]*\n(?P<code>.*?)^(?P=indent)```[ ]*$", re.M | re.S
)
RUNNABLE = "<!-- runnable -->"
NOT_RUN = "<!-- not run -->"
CHECKED_PRINT = re.compile(r"^print\((?P<args>.*)\)[ ]+# (?P<expected>.+)$", re.M)


def code_blocks(page: Path) -> list[tuple[int, str]]:
    """(line number, code) of each runnable python block of a page."""
    text = page.read_text(encoding="utf-8")
    blocks = []
    for match in FENCE.finditer(text):
        before = text[: match.start()].rstrip().splitlines()
        if before and before[-1].strip() == NOT_RUN:
            continue
        line = text.count("\n", 0, match.start()) + 1
        blocks.append((line, textwrap.dedent(match.group("code"))))
    return blocks


def checking(expected: str) -> Callable[..., None]:
    """A ``print`` that also asserts what it prints."""

    def check(*args: Any, **kwargs: Any) -> None:
        printed = kwargs.get("sep", " ").join(str(a) for a in args)
        print(printed)
        want = expected.strip()
        if want.endswith("..."):
            assert printed.startswith(want[:-3].rstrip()), (printed, want)
        else:
            assert printed == want, (printed, want)

    return check


def with_checks(code: str) -> str:
    def replace(match: re.Match[str]) -> str:
        expected = json.dumps(match.group("expected"))
        return f"__docs_check__({expected})({match.group('args')})"

    return CHECKED_PRINT.sub(replace, code)


def runnable(page: Path) -> bool:
    return page.read_text(encoding="utf-8").startswith(RUNNABLE + "\n")


PAGES = sorted(p for p in DOCS.glob("*.md") if runnable(p))
#: The user guide: every page of it is runnable and has code.
GUIDE = (
    "index.md",
    "getting-started.md",
    "model.md",
    "parsing.md",
    "rendering.md",
    "series.md",
    "tradecraft.md",
    "embedding.md",
    "scale.md",
    "plugins.md",
)


@pytest.mark.parametrize("name", GUIDE)
def test_guide_pages_are_runnable(name: str) -> None:
    page = DOCS / name
    assert runnable(page), f"{name} must start with {RUNNABLE}"
    assert code_blocks(page), f"{name} has no python block"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_code_blocks_run(page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(
        ROOT / "examples",
        tmp_path / "examples",
        ignore=shutil.ignore_patterns("*.py", "__pycache__"),
    )
    monkeypatch.chdir(tmp_path)
    # Formats a page registers (plugins.md) must not outlive it.
    monkeypatch.setattr(registry, "_parsers", dict(registry._parsers))
    monkeypatch.setattr(registry, "_renderers", dict(registry._renderers))
    namespace: dict[str, Any] = {"__name__": f"docs_{page.stem}", "__docs_check__": checking}
    for line, code in code_blocks(page):
        try:
            exec(compile(with_checks(code), f"{page.name}:{line}", "exec"), namespace)
        except AssertionError as exc:
            pytest.fail(f"{page.name}, block at line {line}: printed != comment: {exc}")
        except Exception as exc:
            pytest.fail(f"{page.name}, block at line {line}: {type(exc).__name__}: {exc}")


# --- the schema and the version --------------------------------------------------------


def test_published_schema_is_the_models() -> None:
    committed = json.loads((DOCS / "schema.json").read_text(encoding="utf-8"))
    assert committed == briefkit.Brief.model_json_schema(), (
        "docs/schema.json is stale: regenerate it with `briefkit schema > docs/schema.json`"
    )


def changelog_versions() -> list[str]:
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    return re.findall(r"^## \[(\d+\.\d+\.\d+[^\]]*)\] - \d{4}-\d{2}-\d{2}$", text, re.M)


def test_package_cli_changelog_and_docs_agree_on_the_version() -> None:
    from importlib.metadata import version

    expected = briefkit.__version__
    assert version("briefkit") == expected
    script = Path(sys.executable).with_name("briefkit")
    cli = subprocess.run([script, "--version"], capture_output=True, text=True, check=True)
    assert cli.stdout.strip() == f"briefkit {expected}"
    assert changelog_versions()[0] == expected
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["extra"]["version"] == expected
    assert f"briefkit {expected}" in (DOCS / "index.md").read_text(encoding="utf-8")


def test_changelog_follows_keep_a_changelog() -> None:
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert text.startswith("# Changelog\n")
    assert "## [Unreleased]" in text
    assert "keepachangelog.com" in text
    assert changelog_versions() == sorted(
        changelog_versions(), key=lambda v: tuple(int(x) for x in v.split(".")[:3]), reverse=True
    )


# --- navigation ------------------------------------------------------------------------


def nav_files(entries: list[Any]) -> list[str]:
    files: list[str] = []
    for entry in entries:
        for value in entry.values():
            files.extend(nav_files(value) if isinstance(value, list) else [value])
    return files


def test_navigation_lists_every_page() -> None:
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    listed = nav_files(config["nav"])
    assert len(listed) == len(set(listed))
    on_disk = {p.name for p in DOCS.glob("*.md")}
    assert on_disk <= set(listed), on_disk - set(listed)
    for required in ("security.md", "performance.md", "api.md", "cli.md", "scale.md"):
        assert required in listed
