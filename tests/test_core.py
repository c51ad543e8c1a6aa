"""Package-level guarantees: light import, registry, atomic writes, public API."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import briefkit
from briefkit import Brief, FormatError, ParserInfo, RendererInfo
from briefkit.fileio import atomic_write
from briefkit.registry import get_renderer, register_renderer, renderer_for_extension


def test_import_is_light() -> None:
    code = (
        "import sys, briefkit; "
        "heavy = ('docx', 'weasyprint', 'jinja2', 'markdown_it', 'yaml'); "
        "heavy = [m for m in heavy if m in sys.modules]; "
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_public_api_is_complete() -> None:
    for name in briefkit.__all__:
        assert hasattr(briefkit, name), name
    assert isinstance(briefkit.__version__, str)


def test_builtin_formats_registered() -> None:
    assert {"html", "text", "json", "markdown", "docx", "pdf"} <= set(briefkit.output_formats())
    assert {"html", "text", "json", "markdown", "docx"} <= set(briefkit.input_formats())
    assert renderer_for_extension(".PDF") is not None
    assert isinstance(briefkit.input_formats()["docx"], ParserInfo)


def test_render_dispatch_and_custom_renderer(tmp_path: Path) -> None:
    def shout(brief: Brief) -> str:
        return brief.title.upper()

    register_renderer(RendererInfo("shout", shout, extension=".shout"))
    brief = Brief(title="quiet")
    assert briefkit.render(brief, "shout", dest=tmp_path / "o.shout") == "QUIET"
    assert (tmp_path / "o.shout").read_text() == "QUIET"
    assert get_renderer("shout").load() is shout
    with pytest.raises(FormatError, match="unknown output format"):
        briefkit.render(brief, "nope")


def test_render_json() -> None:
    brief = Brief(title="x", tags=["a"])
    out = briefkit.render(brief, "json")
    assert isinstance(out, str)
    assert out.endswith("\n")
    assert Brief.from_json(out) == brief


def test_atomic_write_leaves_old_file_on_failure(tmp_path: Path) -> None:
    dest = tmp_path / "out.txt"
    atomic_write(dest, "old")

    with pytest.raises(TypeError):
        atomic_write(dest, 123)  # type: ignore[arg-type]
    assert dest.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]
    atomic_write(dest, b"new")
    assert dest.read_bytes() == b"new"
