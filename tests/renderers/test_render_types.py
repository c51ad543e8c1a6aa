"""``render()`` is typed by format: PDF and DOCX are bytes to a type checker, text formats str."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

api = pytest.importorskip("mypy.api", reason="mypy is in the test extra")

CONFIG = str(Path(__file__).resolve().parents[2] / "pyproject.toml")

SNIPPET = textwrap.dedent(
    """
    from typing import assert_type
    import briefkit

    b = briefkit.Brief(title="T")
    assert_type(briefkit.render(b, "pdf"), bytes)
    assert_type(briefkit.render(b, "docx"), bytes)
    assert_type(briefkit.render(b, "html"), str)
    assert_type(briefkit.render(b, "markdown"), str)
    fmt: str = "outline"
    assert_type(briefkit.render(b, fmt), str | bytes)
    """
)


def _mypy(code: str) -> tuple[str, int]:
    out, err, status = api.run(["--strict", "--config-file", CONFIG, "-c", code])
    return out + err, status


def test_render_is_overloaded_by_format() -> None:
    out, status = _mypy(SNIPPET)
    assert status == 0, out


def test_a_wrong_expectation_is_caught() -> None:
    """The check above can fail: a PDF is not a str."""
    out, status = _mypy(SNIPPET.replace('"pdf"), bytes)', '"pdf"), str)'))
    assert status == 1, out
    assert 'is of type "bytes", not "str"' in out
