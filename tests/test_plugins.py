"""Plugins: a real package, installed with pip, adds formats through entry points.

The package (tests/fixtures/plugin_pkg) is installed into a temporary directory and every
check runs in a fresh interpreter with that directory on PYTHONPATH, so the formats can only
arrive through ``importlib.metadata`` entry-point discovery.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

PLUGIN = Path(__file__).parent / "fixtures" / "plugin_pkg"
BRIEF_MD = Path(__file__).parent / "fixtures" / "markdown" / "front-matter.md"

LIST_FORMATS = """
import json, warnings
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    import briefkit
    inputs, outputs = briefkit.input_formats(), briefkit.output_formats()
print(json.dumps({
    "inputs": {n: [i.description, list(i.extensions), isinstance(i.target, str)]
               for n, i in inputs.items()},
    "outputs": {n: [o.description, o.extension, isinstance(o.target, str)]
                for n, o in outputs.items()},
    "warnings": [str(w.message) for w in caught],
}))
"""

CONVERT = """
import json, pathlib, sys, warnings
warnings.simplefilter("ignore")
import briefkit
brief = briefkit.parse(pathlib.Path(sys.argv[1]))
text = briefkit.render(brief, "outline", dest=sys.argv[2])
back = briefkit.parse(pathlib.Path(sys.argv[2]))  # the plugin's extension picks its parser
try:
    briefkit.parse("no title line", format="outline")
except briefkit.ParseError as exc:
    error = [type(exc).__name__, exc.line, exc.message]
print(json.dumps({"outline": text, "title": back.title,
                  "sections": [[s.kind.value, s.heading, s.text] for s in back.sections],
                  "error": error}))
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The plugin installed by pip into a directory of its own."""
    if importlib.util.find_spec("pip") is None:
        pytest.skip("pip is not available in this environment")
    base = tmp_path_factory.mktemp("plugin")
    source = base / "source"
    shutil.copytree(PLUGIN, source)
    target = base / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "--no-deps",
            "--no-index",
            "--no-build-isolation",
            "--target",
            str(target),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return target


def run(args: list[str], cwd: Path, site: Path | None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    if site is not None:
        env["PYTHONPATH"] = str(site)
    return subprocess.run(
        [sys.executable, *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,  # a deadlock while loading plugins fails here instead of hanging
    )


def formats(tmp_path: Path, site: Path | None) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(run(["-c", LIST_FORMATS], tmp_path, site).stdout)
    return data


def test_installed_plugin_adds_formats(site: Path, tmp_path: Path) -> None:
    assert (site / "briefkit_outline_demo-0.1.0.dist-info" / "entry_points.txt").is_file()
    data = formats(tmp_path, site)
    assert data["inputs"]["outline"] == ["Outline text (demo plugin)", [".outline"], False]
    # A plain function becomes a renderer named after its entry point, described by its doc.
    assert data["outputs"]["outline"] == [
        "A brief as outline text (formatting and lists flattened to lines).",
        ".outline",
        False,
    ]


def test_without_the_plugin_there_is_no_outline_format(tmp_path: Path) -> None:
    data = formats(tmp_path, None)
    assert "outline" not in data["inputs"]
    assert "outline" not in data["outputs"]
    assert {"markdown", "html", "text", "json", "docx"} <= set(data["inputs"])


def test_plugins_cannot_replace_built_ins_or_break_briefkit(site: Path, tmp_path: Path) -> None:
    data = formats(tmp_path, site)
    # "html" renderer entry point and a ParserInfo named "html" under another name: ignored.
    assert data["outputs"]["html"][2] is True
    assert data["inputs"]["html"][2] is True
    assert data["inputs"]["html"][1] == [".html", ".htm", ".xhtml"]
    assert "sneaky" not in data["inputs"]
    # A string entry point and a missing module: warnings, not failures.
    assert "notcallable" not in data["inputs"]
    assert "broken" not in data["outputs"]
    assert len(data["warnings"]) == 2
    assert "NOT_A_FORMAT" in data["warnings"][0]
    assert "neither a function nor a ParserInfo" in data["warnings"][0]
    assert "briefkit_outline_missing" in data["warnings"][1]


def test_parse_and_render_through_the_plugin(site: Path, tmp_path: Path) -> None:
    out = tmp_path / "brief.outline"
    data = json.loads(run(["-c", CONVERT, str(BRIEF_MD), str(out)], tmp_path, site).stdout)
    assert out.read_text(encoding="utf-8") == data["outline"]
    assert data["outline"].splitlines()[:3] == [
        "= Desalination Plants Become Targets in Gulf Tensions",
        "== Key Judgement",
        "Coastal desalination plants are likely to feature in any escalation between Gulf "
        "states and their rivals, because a single strike can cut drinking water to a city "
        "within days.",
    ]
    assert data["title"] == "Desalination Plants Become Targets in Gulf Tensions"
    assert [s[:2] for s in data["sections"]] == [
        ["judgement", "Key Judgement"],
        ["evidence", "Supporting Evidence"],
        ["implications", "Implications"],
    ]
    assert data["sections"][1][2].startswith("Concentration of Supply: Three plants")
    assert data["error"] == ["ParseError", 1, "an outline starts with '= Title'"]


def test_cli_lists_and_uses_the_plugin(site: Path, tmp_path: Path) -> None:
    cli = ["-c", "from briefkit.cli import main; main()"]
    listing = json.loads(run([*cli, "formats", "--json"], tmp_path, site).stdout)
    assert "outline" in listing["input"]
    assert "outline" in listing["output"]
    converted = run([*cli, "convert", str(BRIEF_MD), "-t", "outline"], tmp_path, site)
    assert converted.stdout.startswith("= Desalination Plants Become Targets in Gulf Tensions\n")
    assert "== Supporting Evidence\n" in converted.stdout
