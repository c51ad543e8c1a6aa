"""The page template's shipped code: current, used, and the same page as compiling it now."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jinja2
import pytest

import briefkit
from briefkit.renderers import html
from briefkit.renderers.html import _compiled_page, page
from briefs import all_briefs, media_brief

ROOT = Path(__file__).resolve().parents[2]
BRIEFS = ROOT / "examples" / "briefs"


def compiled_now() -> jinja2.Template:
    """The page template as Jinja2 compiles it from ``brief.html.j2`` in this process."""
    return html._environment().get_template(page.NAME)


def test_the_shipped_code_is_the_current_templates() -> None:
    """Fails when brief.html.j2 changed and the code was not written again: run
    ``python -m briefkit.renderers.html.page``."""
    source = (ROOT / "src/briefkit/renderers/templates" / page.NAME).read_text("utf-8")
    assert page._digest(source) == _compiled_page.SOURCE_SHA256
    shipped = Path(_compiled_page.__file__).read_text("utf-8")
    if page._series(jinja2.__version__) == _compiled_page.JINJA2:
        assert page.module_text(html._environment()) == shipped
    else:  # another Jinja2 compiles the template itself
        assert page.page_template(html._environment()).filename != _compiled_page.__file__


@pytest.mark.parametrize(
    "brief",
    [briefkit.parse(BRIEFS / "sample.txt"), media_brief(), *all_briefs()],
)
@pytest.mark.parametrize(
    "options", [{}, {"standalone": False}, {"annotate": True}], ids=["page", "fragment", "lint"]
)
def test_the_shipped_code_writes_the_page_compiling_would(
    brief: briefkit.Brief, options: dict[str, object], monkeypatch: pytest.MonkeyPatch
) -> None:
    shipped = briefkit.render_html(brief, **options)  # type: ignore[arg-type]
    monkeypatch.setattr(html, "_page", compiled_now)
    assert briefkit.render_html(brief, **options) == shipped  # type: ignore[arg-type]


def test_code_made_from_another_template_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_compiled_page, "SOURCE_SHA256", "0" * 64)
    template = page.page_template(html._environment())
    assert template.filename is not None
    assert Path(template.filename).name == page.NAME


_COUNT = """
import json, sys
import jinja2
compiled = []
_compile = jinja2.Environment._compile
def counting(self, source, filename):
    compiled.append(filename)
    return _compile(self, source, filename)
jinja2.Environment._compile = counting
from briefkit.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print(json.dumps(compiled), file=sys.stderr)
"""


def test_a_conversion_compiles_no_template(tmp_path: Path) -> None:
    out = tmp_path / "out.html"
    done = subprocess.run(
        [sys.executable, "-c", _COUNT, "convert", str(BRIEFS / "sample.txt"), "-o", str(out)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    assert out.read_text("utf-8").startswith("<!DOCTYPE html>")
    assert json.loads(done.stderr.strip().splitlines()[-1]) == []
