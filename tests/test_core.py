"""Package-level guarantees: light import, registry, atomic writes, public API."""

from __future__ import annotations

import os
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


def _run(code: str) -> str:
    """``code`` in a fresh interpreter without coverage's start-up hook (which imports
    multiprocessing itself), so what is loaded is briefkit's doing."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("COVERAGE_")}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    return out.stdout.strip()


def test_import_loads_only_the_errors() -> None:
    """The model (and pydantic), parsers, renderers, linking, the build and lxml load on
    first use, not on import."""
    code = (
        "import sys, briefkit; "
        "print(' '.join(sorted(m for m in sys.modules "
        "if m.split('.')[0] in ('briefkit', 'lxml', 'click', 'multiprocessing', 'pydantic'))))"
    )
    loaded = set(_run(code).split())
    assert loaded <= {"briefkit", "briefkit._version", "briefkit.errors"}, loaded
    assert _run("import briefkit, sys; briefkit.Brief; print('pydantic' in sys.modules)") == "True"


@pytest.mark.parametrize(
    ("name", "loads", "but_not"),
    [
        ("parse_text", "briefkit.parsers.text", "briefkit.parsers.html"),
        ("parse_html", "lxml.etree", "briefkit.renderers"),
        ("render_html", "briefkit.renderers.html", "briefkit.renderers.docx"),
        ("render_html", "briefkit.renderers.html", "briefkit.renderers.pdf"),
        ("render_docx", "briefkit.renderers.docx", "briefkit.build"),
        ("check_links", "briefkit.linking", "briefkit.build"),
        ("build_bundle", "briefkit.build", "briefkit.renderers.pdf"),
    ],
)
def test_a_name_loads_its_module_on_first_use(name: str, loads: str, but_not: str) -> None:
    code = (
        f"import sys, briefkit; assert {loads!r} not in sys.modules; "
        f"briefkit.{name}; print({loads!r} in sys.modules, {but_not!r} in sys.modules)"
    )
    assert _run(code) == "True False"


def test_lazy_names_are_the_objects_of_their_modules() -> None:
    import briefkit.build
    import briefkit.linking
    import briefkit.parsers.detect
    import briefkit.parsers.html
    import briefkit.registry
    import briefkit.renderers.pdf

    assert briefkit.parse_html is briefkit.parsers.html.parse_html
    assert briefkit.render_pdf is briefkit.renderers.pdf.render_pdf
    assert briefkit.build_bundle is briefkit.build.build_bundle
    assert briefkit.LinkProblemKind is briefkit.linking.LinkProblemKind
    assert briefkit.DecodingWarning is briefkit.parsers.detect.DecodingWarning
    assert briefkit.input_formats is briefkit.registry.parsers
    assert briefkit.output_formats is briefkit.registry.renderers


def test_star_import_dir_and_unknown_names() -> None:
    namespace: dict[str, object] = {}
    exec("from briefkit import *", namespace)
    assert set(briefkit.__all__) <= set(namespace)
    assert set(briefkit.__all__) <= set(dir(briefkit))
    with pytest.raises(AttributeError, match="has no attribute 'parse_pdf'"):
        briefkit.parse_pdf  # type: ignore[attr-defined]  # noqa: B018
    with pytest.raises(ImportError):
        exec("from briefkit import parse_pdf", {})


def test_submodules_stay_reachable_as_attributes() -> None:
    """Code written when ``import briefkit`` loaded everything may use ``briefkit.linking``."""
    code = "import briefkit; print(briefkit.linking.slugify('A b'), briefkit.build.__name__)"
    assert _run(code) == "a-b briefkit.build"


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
