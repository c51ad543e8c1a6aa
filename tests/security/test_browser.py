"""A real browser loads the HTML briefkit renders from the hostile corpus: nothing runs.

Headless Chromium (Debian's ``chromium``) fetches each rendered page from the loopback
server and dumps its DOM after letting timers run. The corpus's scripts would add
``pwned-*`` elements and ``data-pwned`` attributes, retitle the page and request beacons;
the dumped DOM must equal the rendered one and the server must see only the page itself.
A control run on a raw hostile fixture proves the harness notices when a script does run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import lxml.html
import pytest

import briefkit
from briefkit import BriefkitError
from security.corpus import CASES, Case, Hostile, parse_or_skip
from security.servers import Loopback
from validators.chromium import HEADLESS

#: Requests the browser makes on its own, not on the page's behalf.
BROWSER_OWN = {"GET /favicon.ico"}


def chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is required when CI is set (apt-get install chromium)")
        pytest.skip("chromium is not installed: the browser tests run when it is")
    return path


def dump_dom(url: str, profile: Path) -> str:
    """The DOM of ``url`` after load and 3 s of virtual time, as Chromium serialises it."""
    done = subprocess.run(
        [
            chromium(),
            *HEADLESS,
            f"--user-data-dir={profile}",
            "--virtual-time-budget=3000",
            "--dump-dom",
            url,
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def _tree(html: str) -> lxml.html.HtmlElement:
    parser = lxml.html.HTMLParser(huge_tree=True, no_network=True)
    return lxml.html.document_fromstring(html, parser=parser)


def script_traces(html: str) -> list[str]:
    """What the corpus's scripts leave in a DOM when they run."""
    root = _tree(html)
    traces = [
        f"id={el.get('id')}" for el in root.iter() if (el.get("id") or "").startswith("pwned")
    ]
    traces += [f"data-pwned={v}" for v in root.xpath("//@data-pwned")]
    title = root.findtext(".//title") or ""
    if "PWNED" in title:
        traces.append(f"title={title}")
    return traces


def body_shape(html: str) -> list[tuple[str, tuple[tuple[str, str], ...]]]:
    """Every element of the body with its attributes, in document order."""
    body = _tree(html).find("body")
    assert body is not None
    return [
        (el.tag, tuple(sorted((str(k), str(v)) for k, v in el.attrib.items())))
        for el in body.iter()
        if isinstance(el.tag, str)
    ]


def _serve_and_dump(html: str, loopback: Loopback, profile: Path) -> str:
    loopback.pages["/page.html"] = ("text/html; charset=utf-8", html.encode("utf-8"))
    return dump_dom(f"{loopback.url}/page.html", profile)


BROWSABLE = [c for c in CASES if not c.isolate]


@pytest.mark.parametrize("case", BROWSABLE, ids=str)
def test_rendered_corpus_runs_nothing_in_a_browser(
    case: Case, hostile: Hostile, loopback: Loopback, tmp_path: Path
) -> None:
    chromium()
    try:
        brief = parse_or_skip(hostile.path(case.name))
    except BriefkitError:
        pytest.skip(f"{case.name} is refused with a BriefkitError: nothing to render")
    html = briefkit.render_html(brief)
    loopback.reset()
    dumped = _serve_and_dump(html, loopback, tmp_path / "profile")
    assert script_traces(dumped) == []
    assert [r for r in loopback.requests() if r not in BROWSER_OWN] == ["GET /page.html"]
    assert _tree(dumped).findtext(".//title") == _tree(html).findtext(".//title")
    assert body_shape(dumped) == body_shape(html)


def test_harness_sees_scripts_run(hostile: Hostile, loopback: Loopback, tmp_path: Path) -> None:
    """Control: a rendered page with one of the corpus's scripts pasted in is caught."""
    chromium()
    raw = hostile.path("scripts-and-handlers.html").read_text(encoding="utf-8")
    script = raw[raw.index("<script>\n  var d") : raw.index("</article>")]
    html = briefkit.render_html(parse_or_skip(hostile.path("scripts-and-handlers.html")))
    tampered = html.replace("</body>", f"{script}</body>")
    dumped = _serve_and_dump(tampered, loopback, tmp_path / "profile")
    assert script_traces(dumped) == ["id=pwned-body-script"]
    assert "GET /beacon/body-script-PWNED" in loopback.requests()
    assert body_shape(dumped) != body_shape(tampered)
