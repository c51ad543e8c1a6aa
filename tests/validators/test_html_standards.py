"""HTML pages checked by the Nu HTML checker and by axe-core in a real browser.

- vnu (``vnu-jar``, with its CSS checks) reports no error on any page.
- axe-core reports no violation (WCAG 2.x A/AA and best practices) in Chromium at a
  desktop (1280 px) and a phone (375 px) width, in the light and the dark colour scheme;
  nothing is wider than the phone's viewport.
- Printed from the browser (print dialog defaults: no background graphics), a marked
  brief shows its marking at the top and bottom of every page, 12 pt, on black.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest

from validators.chromium import Browser, chromium_path
from validators.corpus import Rendered, corpus
from validators.pages import check_markings, page_texts
from validators.tools import axe_script, missing, program, vnu_jar

NAMES = sorted(corpus())
MARKED = [n for n in NAMES if corpus()[n]().marking]
WIDTHS = (1280, 375)
SCHEMES = ("light", "dark")
_AXE_RUN = """
axe.run(document, {resultTypes: ['violations']}).then(function (r) {
  return {
    width: window.innerWidth,
    scrollWidth: document.documentElement.scrollWidth,
    violations: r.violations.map(function (v) {
      return {id: v.id, impact: v.impact, targets: v.nodes.map(function (n) {
        return n.target.join(' '); })};
    })
  };
})
"""


@pytest.fixture(scope="session")
def vnu(rendered: dict[str, Rendered]) -> dict[str, list[dict[str, Any]]]:
    """File name -> vnu's messages, every page checked in one run."""
    jar = vnu_jar()
    java = program("java", "default-jdk-headless")
    pages = [str(r.html) for r in rendered.values()]
    done = subprocess.run(
        [
            java,
            "-jar",
            str(jar),
            "--format",
            "json",
            "--also-check-css",
            "--exit-zero-always",
            *pages,
        ],
        capture_output=True,
        text=True,
        timeout=900,
    )
    report = json.loads(done.stderr or done.stdout)
    out: dict[str, list[dict[str, Any]]] = {Path(p).name: [] for p in pages}
    for message in report["messages"]:
        out.setdefault(Path(message.get("url", "")).name, []).append(message)
    return out


@pytest.fixture(scope="session")
def browser() -> Any:
    path = chromium_path()
    if path is None:
        missing("chromium", "apt-get install chromium")
    assert path is not None
    with Browser(path) as session:
        yield session


@pytest.fixture(scope="session")
def axe(rendered: dict[str, Rendered], browser: Browser) -> dict[tuple[str, int, str], Any]:
    """(name, width, scheme) -> axe's result, one browser for every page."""
    script = axe_script()
    out = {}
    for name, files in rendered.items():
        for scheme in SCHEMES:
            for width in WIDTHS:
                browser.call(
                    "Emulation.setEmulatedMedia",
                    session=True,
                    features=[{"name": "prefers-color-scheme", "value": scheme}],
                )
                browser.open(files.html, width=width)
                browser.evaluate(script + ";0")
                out[(name, width, scheme)] = browser.evaluate(_AXE_RUN)
    return out


@pytest.mark.parametrize("name", NAMES)
def test_vnu_reports_no_error(name: str, rendered: dict[str, Rendered], vnu) -> None:
    messages = vnu[rendered[name].html.name]
    errors = [m for m in messages if m.get("type") == "error"]
    assert not errors, json.dumps(errors, indent=1)[:3000]
    warnings = [m for m in messages if m.get("subType") == "warning"]
    assert not warnings, json.dumps(warnings, indent=1)[:3000]


def test_vnu_notices_an_error(workdir: Path) -> None:
    page = workdir / "broken.html"
    page.write_text("<!DOCTYPE html><html><head></head><body><p><div></p></body></html>")
    done = subprocess.run(
        [
            program("java", "default-jdk-headless"),
            "-jar",
            str(vnu_jar()),
            "--format",
            "json",
            "--exit-zero-always",
            str(page),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert any(m["type"] == "error" for m in json.loads(done.stderr)["messages"])


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", NAMES)
def test_axe_reports_no_violation(name: str, width: int, scheme: str, axe) -> None:
    result = axe[(name, width, scheme)]
    assert result["width"] == width  # the viewport really was that wide
    assert result["violations"] == []
    assert result["scrollWidth"] <= width  # nothing sticks out sideways


def test_axe_notices_a_violation(browser: Browser, workdir: Path) -> None:
    page = workdir / "no-lang.html"
    page.write_text("<!DOCTYPE html><html><head><title>x</title></head><body><p>x</p></body>")
    browser.open(page, width=1280)
    browser.evaluate(axe_script() + ";0")
    ids = {v["id"] for v in browser.evaluate(_AXE_RUN)["violations"]}
    assert "html-has-lang" in ids


@pytest.fixture(scope="session")
def printed(rendered: dict[str, Rendered], browser: Browser, workdir: Path) -> dict[str, Path]:
    """Marked briefs printed by Chromium as its print dialog does by default."""
    out = {}
    for name in MARKED:
        browser.call("Emulation.setEmulatedMedia", session=True, features=[])
        browser.open(rendered[name].html, width=1280)
        path = workdir / f"{name}.print.pdf"
        path.write_bytes(browser.print_pdf(backgrounds=False))
        out[name] = path
    return out


@pytest.mark.parametrize("name", MARKED)
def test_browser_print_shows_the_marking_on_every_page(
    name: str, rendered: dict[str, Rendered], printed: dict[str, Path]
) -> None:
    marking = rendered[name].brief.marking
    assert marking
    check_markings(printed[name], marking)


@pytest.mark.parametrize("name", MARKED)
def test_browser_print_keeps_the_navigation_with_the_text(
    name: str, rendered: dict[str, Rendered], printed: dict[str, Path]
) -> None:
    brief = rendered[name].brief
    last = page_texts(printed[name])[-1]
    if brief.prev or brief.next:
        assert "PREVIOUS" in last.upper() or "NEXT" in last.upper()
    words = set(re.findall(r"\w+", brief.sections[-1].text.lower()))
    assert words & set(re.findall(r"\w+", last.lower())), "the last page holds only the nav"
