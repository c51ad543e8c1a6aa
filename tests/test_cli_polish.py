"""What makes the ``briefkit`` command pleasant: version, help with examples, completion,
-q/-v, colour only where it belongs, and the documented exit statuses.

Commands run in-process through click's CliRunner, whose streams are not terminals; passing
``color=True`` makes click treat them as one.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import briefkit
from briefkit.cli import main

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "briefs" / "sample.txt"
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def run(*args: str | Path, color: bool = False, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(
        main, [str(a) for a in args], color=color, env=env, prog_name="briefkit"
    )


# --- version and help ------------------------------------------------------------------


@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_version_flags(flag: str) -> None:
    result = run(flag)
    assert result.exit_code == 0
    assert result.stdout == f"briefkit {briefkit.__version__}\n"


def test_version_of_the_installed_script() -> None:
    """The console script the package installs reports the same version."""
    script = Path(sys.executable).with_name("briefkit")
    done = subprocess.run([script, "--version"], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == f"briefkit {briefkit.__version__}"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--help"], ["Examples:", "briefkit convert", "briefkit build", "Exit status: 0"]),
        (["-h"], ["_BRIEFKIT_COMPLETE=bash_source briefkit", "NO_COLOR"]),
        (["convert", "--help"], ["Examples:", "briefkit convert brief.txt -o brief.pdf"]),
        (["formats", "--help"], ["Examples:", "briefkit.parsers", "briefkit.renderers"]),
        (["build", "--help"], ["Examples:", "briefkit build"]),
    ],
)
def test_help_shows_examples(args: list[str], expected: list[str]) -> None:
    result = run(*args)
    assert result.exit_code == 0
    for text in expected:
        assert text in result.stdout, text


# --- shell completion --------------------------------------------------------------------


@pytest.mark.parametrize(("shell", "marker"), [("bash", "complete -o"), ("zsh", "compdef")])
def test_completion_script(shell: str, marker: str) -> None:
    result = run(env={"_BRIEFKIT_COMPLETE": f"{shell}_source"})
    assert result.exit_code == 0
    assert marker in result.stdout
    assert "_BRIEFKIT_COMPLETE" in result.stdout


@pytest.mark.parametrize(
    ("words", "cword", "expected"),
    [
        ("briefkit con", "1", {"convert"}),
        ("briefkit f", "1", {"formats"}),
        ("briefkit convert x --fr", "3", {"--fragment", "--from"}),
    ],
)
def test_completion_answers(words: str, cword: str, expected: set[str]) -> None:
    env = {"_BRIEFKIT_COMPLETE": "bash_complete", "COMP_WORDS": words, "COMP_CWORD": cword}
    result = run(env=env)
    assert result.exit_code == 0
    offered = {line.split(",", 1)[1] for line in result.stdout.splitlines()}
    assert offered == expected


# --- quiet and verbose -------------------------------------------------------------------


def test_default_notes_what_was_written(tmp_path: Path) -> None:
    result = run("convert", SAMPLE, "-o", tmp_path / "a.html")
    assert result.exit_code == 0
    assert result.stderr.startswith("briefkit: wrote ")


def test_global_quiet_silences_notes(tmp_path: Path) -> None:
    out = tmp_path / "a.html"
    result = run("-q", "convert", SAMPLE, "-o", out)
    assert result.exit_code == 0
    assert result.stderr == ""
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_global_quiet_reaches_build(tmp_path: Path) -> None:
    result = run("--quiet", "build", SAMPLE, "-o", tmp_path / "site", "--formats", "html")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert (tmp_path / "site" / "index.html").is_file()


def test_quiet_keeps_errors(tmp_path: Path) -> None:
    result = run("-q", "convert", tmp_path / "missing.txt", "-o", tmp_path / "a.html")
    assert result.exit_code == 1
    assert result.stderr.startswith("briefkit: error: ")


def test_quiet_keeps_warnings(tmp_path: Path) -> None:
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes(SAMPLE.read_bytes().replace(b"Gulf", "G\xfclf".encode("latin-1")))
    result = run("-q", "convert", latin1, "-o", tmp_path / "a.json")
    assert result.exit_code == 0
    assert result.stderr.startswith("briefkit: warning: ")
    assert "Windows-1252" in result.stderr


def test_verbose_says_what_was_read_and_rendered(tmp_path: Path) -> None:
    result = run("-v", "convert", SAMPLE, "-o", tmp_path / "a.md")
    assert result.exit_code == 0
    lines = result.stderr.splitlines()
    assert len(lines) == 3, result.stderr
    assert "sections: judgement, evidence, implications; 3 evidence item(s)" in lines[0]
    assert "links: prev and next" in lines[0]
    assert re.search(r"rendered markdown in \d+ ms", lines[1])
    assert lines[2].startswith("briefkit: wrote ")


def test_verbose_names_the_error_class(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    plain = run("convert", empty, "-o", tmp_path / "a.html")
    verbose = run("-v", "convert", empty, "-o", tmp_path / "a.html")
    assert plain.exit_code == verbose.exit_code == 1
    assert "ParseError" not in plain.stderr
    assert verbose.stderr.startswith("briefkit: error: ParseError: ")


def test_quiet_and_verbose_together_is_a_usage_error() -> None:
    result = run("-q", "-v", "formats")
    assert result.exit_code == 2
    assert "exclude each other" in result.stderr


# --- colour ------------------------------------------------------------------------------


def test_no_colour_when_not_a_terminal(tmp_path: Path) -> None:
    result = run("convert", tmp_path / "missing.txt", "-o", tmp_path / "a.html")
    assert result.exit_code == 1
    assert not ANSI.search(result.stderr)


def test_colour_on_a_terminal(tmp_path: Path) -> None:
    result = run("convert", tmp_path / "missing.txt", "-o", tmp_path / "a.html", color=True)
    assert result.exit_code == 1
    assert ANSI.search(result.stderr)
    assert ANSI.sub("", result.stderr).startswith("briefkit: error: ")


def test_no_color_variable_wins_on_a_terminal(tmp_path: Path) -> None:
    args = ("convert", tmp_path / "missing.txt", "-o", tmp_path / "a.html")
    result = run(*args, color=True, env={"NO_COLOR": "1"})
    assert result.exit_code == 1
    assert not ANSI.search(result.stderr)
    assert result.stderr.startswith("briefkit: error: ")


# --- formats named by extension and exit statuses ----------------------------------------


@pytest.mark.parametrize(
    ("to", "starts"), [("md", "---\n"), ("txt", "Desalination"), ("htm", "<!DOCTYPE")]
)
def test_to_accepts_an_extension(to: str, starts: str) -> None:
    result = run("convert", SAMPLE, "-t", to)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(starts)


def test_from_accepts_an_extension() -> None:
    result = CliRunner().invoke(
        main, ["convert", "-", "-f", "txt", "-t", "json"], input=SAMPLE.read_bytes()
    )
    assert result.exit_code == 0, result.output
    assert briefkit.Brief.from_json(result.stdout) == briefkit.parse(SAMPLE)


@pytest.mark.parametrize(
    ("args", "status"),
    [
        (["formats"], 0),
        (["convert", "{missing}", "-t", "html"], 1),  # input cannot be read
        (["convert", "{sample}", "-t", "nosuchformat"], 1),  # a format briefkit lacks
        (["convert"], 2),  # missing argument
        (["convert", "{sample}", "--no-such-option"], 2),
        (["no-such-command"], 2),
    ],
)
def test_exit_statuses(tmp_path: Path, args: list[str], status: int) -> None:
    filled = [a.format(missing=tmp_path / "missing.txt", sample=SAMPLE) for a in args]
    assert run(*filled).exit_code == status
