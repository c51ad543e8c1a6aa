"""What the command line loads before it does anything: little, so it starts quickly.

``briefkit --version`` and ``--help`` load neither pydantic nor the model, and a command's
module is imported only when that command runs; converting text to HTML loads no PDF or
DOCX library and none of the build, linking or server modules. (The start-up times
themselves are measured by ``python -m benchmarks``, never here.)
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from briefkit.cli import _COMMANDS, main

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "briefs" / "sample.txt"

_LOADED = """
import json, sys
from briefkit.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


def loaded_by(*args: str, cwd: Path = ROOT) -> set[str]:
    """The modules a fresh ``briefkit ARGS`` process has imported when it is done."""
    done = subprocess.run(
        [sys.executable, "-c", _LOADED, *args], capture_output=True, text=True, cwd=cwd
    )
    return set(json.loads(done.stderr.strip().splitlines()[-1]))


def _top(modules: set[str]) -> set[str]:
    return {m.split(".")[0] for m in modules}


@pytest.mark.parametrize("args", [["--version"], ["--help"], ["convert", "--help"]])
def test_version_and_help_load_no_model(args: list[str]) -> None:
    modules = loaded_by(*args)
    assert "click" in modules
    assert not _top(modules) & {"pydantic", "pydantic_core", "jinja2", "rich", "lxml"}
    assert not {m for m in modules if m.startswith("briefkit.")} - {
        "briefkit._version",
        "briefkit.errors",
        "briefkit.cli",
        "briefkit.cli._main",
        "briefkit.cli._common",
        "briefkit.cli._options",
        "briefkit.cli.convert",
        "briefkit.registry",
    }


@pytest.mark.parametrize("options", [[], ["--default-language", "en-GB"]])
def test_converting_text_to_html_loads_only_what_it_needs(
    tmp_path: Path, options: list[str]
) -> None:
    modules = loaded_by("convert", str(SAMPLE), "-o", str(tmp_path / "out.html"), "-q", *options)
    assert (tmp_path / "out.html").is_file()
    assert {"briefkit.parsers.text", "briefkit.renderers.html"} <= modules
    assert not _top(modules) & {"docx", "weasyprint", "rich", "fastapi", "dask"}
    for absent in ("briefkit.build", "briefkit.linking", "briefkit.server", "briefkit.cli.build"):
        assert absent not in modules
    # the image sandbox fetches only an allowed remote image: no HTTP client before that
    assert not modules & {"urllib.request", "http.client", "ssl"}


_RUN = """
import json, sys
sys.argv = sys.argv[1:]
from briefkit.cli import run
try:
    code = run()
except SystemExit as exit:
    code = exit.code
print(json.dumps([code, sorted(sys.modules)]), file=sys.stderr)
"""


def run_as(argv0: str, *args: str, columns: int) -> tuple[str, object, set[str]]:
    """What the installed command prints, returns and has imported, run as ``argv0 ARGS``
    on a terminal ``columns`` wide (as far as click can tell). Coverage's measurement of
    subprocesses is left off here: its own imports (typing, shutil) are not the command's."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("COVERAGE_PROCESS_")}
    done = subprocess.run(
        [sys.executable, "-c", _RUN, argv0, *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**env, "COLUMNS": str(columns)},
    )
    code, modules = json.loads(done.stderr.strip().splitlines()[-1])
    return done.stdout, code, set(modules)


def clicks_answer(prog: str, *args: str, columns: int) -> str:
    """What the click group itself prints for ``prog ARGS`` at that width."""
    script = f"from briefkit.cli import main; main({list(args)!r}, prog_name={prog!r})"
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "COLUMNS": str(columns)},
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.parametrize("args", [["--version"], ["-V"], ["--help"], ["-h"]])
@pytest.mark.parametrize("columns", [80, 132])
def test_version_and_help_are_clicks_answers_without_click(args: list[str], columns: int) -> None:
    """The installed command answers these on its own, with exactly click's text, and
    imports neither click nor typing to do it."""
    out, code, modules = run_as("/usr/local/bin/briefkit", *args, columns=columns)
    assert out == clicks_answer("briefkit", *args, columns=columns)
    assert code == 0
    assert {m for m in modules if m.startswith("briefkit")} <= {
        "briefkit",
        "briefkit._version",
        "briefkit.errors",
        "briefkit.cli",
        "briefkit.cli._help_text",
    }
    assert not modules & {"click", "typing", "pydantic", "shutil"}


@pytest.mark.parametrize(
    ("argv0", "args", "columns"),
    [
        ("/usr/local/bin/briefkit", ["--help"], 60),  # click wraps to the terminal
        ("/opt/tools/bk", ["--help"], 100),  # click names the program after its file
        ("/usr/local/bin/briefkit", ["--help", "-q"], 100),
        ("/usr/local/bin/briefkit", ["formats", "--help"], 100),
    ],
)
def test_other_answers_are_clicks(argv0: str, args: list[str], columns: int) -> None:
    out, _, modules = run_as(argv0, *args, columns=columns)
    assert "click" in modules
    assert out == clicks_answer(Path(argv0).name, *args, columns=columns)


def test_the_shipped_help_is_the_groups() -> None:
    """``briefkit/cli/_help_text.py`` is what ``python -m briefkit.cli._main`` writes now:
    run it after changing the group's options, help or command table."""
    from briefkit.cli import _help_text, _main

    shipped = Path(_help_text.__file__).read_text("utf-8")
    assert shipped == _main.help_module_text()
    assert _main.help_text() == _help_text.TEXT


def test_help_lines_are_the_commands_own() -> None:
    """``briefkit --help`` shows the table's line for each command without importing it;
    the table must say what each command's own ``short_help`` says."""
    ctx = click.Context(main, info_name="briefkit", **main.context_settings)
    assert set(main.list_commands(ctx)) == set(_COMMANDS)
    for name, (_, line) in _COMMANDS.items():
        command = main.get_command(ctx, name)
        assert command is not None
        assert command.short_help == line, name
    text = CliRunner().invoke(main, ["--help"]).stdout
    for name, (_, line) in _COMMANDS.items():
        assert f"  {name} " in text
        assert line in text


_COMPILED = """
import json, sys
from pathlib import Path
import briefkit
from briefkit.parsers import detect
from briefkit.syntax import headings
briefkit.parse(Path(sys.argv[1]))
print(json.dumps({
    "inline headings": headings._inline.cache_info().currsize,
    "charset declaration": detect._declared.cache_info().currsize,
}))
"""


@pytest.mark.parametrize(
    ("brief", "compiled"),
    [
        ("cable-repair-ships.md", set()),  # Markdown headings are headings: no inline labels
        ("sample.txt", {"inline headings"}),  # the text reader looks for "Overview: ..."
    ],
)
def test_patterns_only_some_inputs_need_are_compiled_on_first_use(
    brief: str, compiled: set[str]
) -> None:
    done = subprocess.run(
        [sys.executable, "-c", _COMPILED, str(SAMPLE.parent / brief)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    sizes = json.loads(done.stdout)
    assert {name for name, size in sizes.items() if size} == compiled


def test_the_commands_choices_are_the_librarys() -> None:
    """The command line names the orders and scales itself so that reading it imports
    neither the build nor the tradecraft package."""
    from briefkit import build, tradecraft
    from briefkit.cli import _options
    from briefkit.cli import build as command

    assert command.ORDERS == build.ORDERS
    assert _options.SCALES == tradecraft.SCALES


def test_the_build_command_line_is_read_without_the_model() -> None:
    modules = loaded_by("build", "--help")
    assert "briefkit.cli.build" in modules
    assert not _top(modules) & {"pydantic", "pydantic_core", "jinja2", "docx", "weasyprint"}


_FORKSERVER = """
import sys
from multiprocessing import forkserver
from briefkit.cli.build import _preload
_preload(("html",), int(sys.argv[1]))
print(forkserver._forkserver._forkserver_pid is not None, "briefkit.model" in sys.modules)
"""


@pytest.mark.parametrize(("jobs", "started"), [("2", "True"), ("1", "False")])
def test_the_build_starts_its_forkserver_before_importing_the_model(
    jobs: str, started: str
) -> None:
    """With workers to come, the forkserver is running before this process has imported
    the model (it imports it itself, meanwhile); one job needs no forkserver."""
    if sys.platform == "win32":
        pytest.skip("no forkserver on Windows")
    done = subprocess.run(
        [sys.executable, "-c", _FORKSERVER, jobs], capture_output=True, text=True, check=True
    )
    assert done.stdout.split() == [started, "False"]
