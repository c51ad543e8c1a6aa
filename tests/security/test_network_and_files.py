"""Nothing is fetched or read unless allowed, and nothing is half written.

The inspectors are checked first against inputs known to be hostile, so a clean result
elsewhere means something. Then: the PDF renderer's allow-list (stylesheets and templates
supplied by the caller included), sandboxed HTML templates, DOCX reference documents, and
atomic writes through ``render(dest=)`` and the CLI.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import urllib.request
import zipfile
from pathlib import Path

import pytest

import briefkit
from briefkit import Brief, BriefkitError, RenderError, TemplateError
from briefkit.registry import RendererInfo, register_renderer
from security.checks import (
    contains_secret,
    docx_problems,
    html_problems,
    is_safe_url,
    pdf_problems,
    problems,
)
from security.corpus import FIXTURES, Hostile, render_or_skip
from security.servers import Loopback, Secret

BRIEF = Brief.model_validate(
    {
        "title": "Grid Operators Prepare for a Cold Snap",
        "url": "https://example.test/grid",
        "sections": [
            {
                "kind": "judgement",
                "heading": "Analytic Judgement",
                "blocks": [
                    {
                        "type": "paragraph",
                        "content": [{"type": "text", "text": "Demand will peak."}],
                    }
                ],
            }
        ],
        "next": {"title": "Gas Storage Outlook", "href": "gas-storage.html"},
    }
)


# --- the inspectors see what they look for ----------------------------------------------


def test_loopback_counts_requests(loopback: Loopback) -> None:
    with urllib.request.urlopen(f"{loopback.url}/control") as answer:
        assert loopback.canary in answer.read().decode()
    assert loopback.requests() == ["GET /control"]


def test_secret_is_found_plain_and_base64(secret: Secret) -> None:
    import base64

    assert secret.path.read_text().strip() == secret.text
    assert contains_secret("text", f"a {secret.text} b", secret.text)
    encoded = base64.b64encode((secret.text + "\n").encode()).decode()
    assert contains_secret("html", f'<img src="data:text/plain;base64,{encoded}">', secret.text)


def test_pdf_inspector_flags_a_hostile_pdf() -> None:
    found = " ".join(pdf_problems((FIXTURES / "binary" / "javascript.pdf").read_bytes()))
    for marker in ("/JS", "/OpenAction", "/EmbeddedFiles", "/Launch", "/Filespec", "/AA"):
        assert marker in found


def test_docx_inspector_flags_a_hostile_docx(hostile: Hostile) -> None:
    found = " ".join(docx_problems(hostile.path("hostile.docx").read_bytes()))
    for marker in (
        "vbaProject",
        "attachedTemplate",
        "aFChunk",
        "subDocument",
        "oleObject",
        "w:altChunk",
        "INCLUDETEXT",
        "DDEAUTO",
        "javascript",
        "updateFields",
        "attacker.test",
    ):
        assert marker in found


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.html")))
def test_html_inspector_flags_every_hostile_page(name: str, hostile: Hostile) -> None:
    """Each payload in the raw fixture is flagged (the template page has none)."""
    found = html_problems(hostile.path(name).read_text(encoding="utf-8"))
    assert bool(found) is (name != "template-syntax.html")


def test_url_check_reads_schemes_like_a_browser(hostile: Hostile) -> None:
    import lxml.html

    page = hostile.path("unsafe-links.html").read_text(encoding="utf-8")
    hrefs = [a.get("href") or "" for a in lxml.html.fromstring(page).iter("a")]
    payloads = [h for h in hrefs if "PWNED" in h]
    assert len(payloads) == 42
    assert [h for h in payloads if is_safe_url(h)] == []
    assert is_safe_url("https://example.test/x")
    assert is_safe_url("mailto:desk@example.test")
    assert is_safe_url("next-brief.html")


# --- PDF: nothing fetched unless allowed ------------------------------------------------


def _stylesheet(tmp_path: Path, loopback: Loopback, secret: Secret, imports: list[str]) -> Path:
    css = tmp_path / "user.css"
    rules = "".join(f'@import url("{url}");\n' for url in imports)
    css.write_text(
        rules
        + f'@font-face {{ font-family: Leak; src: url("{loopback.url}/beacon/font.woff"); }}\n'
        + f'body {{ background: url("{loopback.url}/beacon/bg.png"); font-family: Leak; }}\n'
        + f'h1::after {{ content: url("{secret.url}"); }}\n'
        + 'p { background-image: url("secret.txt"); }\n'  # relative: resolves next to the CSS
        + f'li {{ list-style-image: url("{loopback.url}/allowed/bullet.png"); }}\n',
        encoding="utf-8",
    )
    (tmp_path / "secret.txt").write_text(secret.text, encoding="utf-8")
    return css


def test_pdf_fetches_nothing_by_default(tmp_path: Path, loopback: Loopback, secret: Secret) -> None:
    css = _stylesheet(tmp_path, loopback, secret, [f"{loopback.url}/beacon/a.css", secret.url])
    pdf = render_or_skip(BRIEF, "pdf", stylesheet=css)
    assert isinstance(pdf, bytes)
    assert loopback.requests() == []
    assert not contains_secret("pdf", pdf, secret.text)
    assert problems("pdf", pdf) == []


def test_pdf_fetches_only_what_allow_fetch_lists(
    tmp_path: Path, loopback: Loopback, secret: Secret
) -> None:
    allowed = f"{loopback.url}/allowed"
    imports = [
        f"{allowed}/a.css",
        f"{allowed}-not/b.css",  # a prefix is matched at a path boundary
        f"{allowed}/../beacon/c.css",  # no escaping the prefix with dot segments
        f"{allowed}/%2e%2e/beacon/d.css",
        secret.url,
    ]
    css = _stylesheet(tmp_path, loopback, secret, imports)
    pdf = render_or_skip(BRIEF, "pdf", stylesheet=css, allow_fetch=[allowed])
    assert isinstance(pdf, bytes)
    fetched = loopback.requests()
    assert "GET /allowed/a.css" in fetched
    assert [r for r in fetched if not r.startswith("GET /allowed/")] == []
    assert not contains_secret("pdf", pdf, secret.text)


@pytest.mark.parametrize(
    "policy",
    [lambda url: 1 / 0, lambda url: "yes", lambda url: None],
    ids=["raises", "truthy-string", "none"],
)
def test_pdf_allow_fetch_predicate_must_say_true(
    policy: object, tmp_path: Path, loopback: Loopback, secret: Secret
) -> None:
    css = _stylesheet(tmp_path, loopback, secret, [f"{loopback.url}/beacon/a.css"])
    render_or_skip(BRIEF, "pdf", stylesheet=css, allow_fetch=policy)
    assert loopback.requests() == []


def test_pdf_allow_fetch_rejects_a_bare_string() -> None:
    with pytest.raises(RenderError):
        render_or_skip(BRIEF, "pdf", allow_fetch="http://127.0.0.1/")


def test_pdf_with_hostile_template(tmp_path: Path, loopback: Loopback, secret: Secret) -> None:
    """A caller's HTML template cannot make the PDF fetch, read or embed anything."""
    template = tmp_path / "page.html.j2"
    template.write_text(
        '{% extends "brief.html.j2" %}\n'
        "{% block head %}{{ super() }}"
        f'<link rel="stylesheet" href="{loopback.url}/beacon/tpl.css">'
        f'<link rel="attachment" href="{secret.url}">'
        f'<style>@import url("{loopback.url}/beacon/tpl-import.css");'
        f' body {{ background: url("{secret.url}"); }}</style>'
        f'<script src="{loopback.url}/beacon/tpl.js"></script>'
        "{% endblock %}\n"
        "{% block nav %}"
        f'<a rel="attachment" href="{secret.url}">annex</a>'
        f'<a rel="attachment" href="{loopback.url}/beacon/attachment.txt">sheet</a>'
        f'<img src="{loopback.url}/beacon/tpl.png"><img src="{secret.url}">'
        f'<object data="{secret.url}"></object><embed src="{secret.url}">'
        f'<iframe src="{loopback.url}/beacon/tpl-frame"></iframe>'
        f'<svg><image href="{secret.url}"/></svg>'
        '<a href="javascript:alert(1)">js</a>'
        "{{ super() }}{% endblock %}\n",
        encoding="utf-8",
    )
    pdf = render_or_skip(BRIEF, "pdf", template=template)
    assert isinstance(pdf, bytes)
    assert loopback.requests() == []
    assert not contains_secret("pdf", pdf, secret.text)
    assert problems("pdf", pdf) == []


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_document_links_never_point_at_hosts_or_files(fmt: str) -> None:
    """``//host/share`` is a UNC path and ``/etc/x`` a local file to Word and PDF viewers."""
    link = {
        "type": "link",
        "href": "//attacker.test/share",
        "children": [{"type": "text", "text": "share"}],
    }
    root = {"type": "link", "href": "/etc/passwd", "children": [{"type": "text", "text": "root"}]}
    brief = Brief.model_validate(
        {
            "title": "Relative Links",
            "sections": [
                {
                    "blocks": [
                        {
                            "type": "paragraph",
                            "content": [link, {"type": "text", "text": " and "}, root],
                        }
                    ]
                }
            ],
            "next": {"title": "Next Brief", "href": "//attacker.test/next"},
        }
    )
    output = render_or_skip(brief, fmt)
    assert problems(fmt, output) == []


# --- HTML templates run in a sandbox ----------------------------------------------------


@pytest.mark.parametrize(
    "source",
    [
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ brief.__class__.__init__.__globals__ }}",
        "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
        "{% include '../secret.txt' %}",
        "{% include '{SECRET}' %}",
        "{% extends '../secret.txt' %}",
        "{{ 1 // 0 }}",
        "{{ brief.title.format(brief) }}",
    ],
)
def test_html_template_sandbox(source: str, tmp_path: Path, secret: Secret) -> None:
    folder = tmp_path / "templates"
    folder.mkdir()
    (tmp_path / "secret.txt").write_text(secret.text, encoding="utf-8")
    template = folder / "t.html.j2"
    template.write_text(source.replace("{SECRET}", str(secret.path)), encoding="utf-8")
    try:
        out = render_or_skip(BRIEF, "html", template=template)
    except TemplateError:
        return
    assert isinstance(out, str)
    assert secret.text not in out
    assert "__globals__" not in out
    assert "uid=" not in out


def test_html_template_output_is_escaped(tmp_path: Path) -> None:
    template = tmp_path / "t.html.j2"
    template.write_text("<h1>{{ brief.title }}</h1><p>{{ brief.summary }}</p>", encoding="utf-8")
    brief = Brief(title="<script>alert(1)</script>", summary='" onmouseover="alert(1)')
    out = render_or_skip(brief, "html", template=template)
    assert isinstance(out, str)
    assert html_problems(out) == []


# --- DOCX reference documents -----------------------------------------------------------


def _hostile_reference(tmp_path: Path, loopback: Loopback, secret: Secret) -> Path:
    """briefkit's own DOCX output with a macro, an external template and an INCLUDE field."""
    base = render_or_skip(BRIEF, "docx")
    assert isinstance(base, bytes)
    source = zipfile.ZipFile(io.BytesIO(base))
    path = tmp_path / "reference.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name in source.namelist():
            data = source.read(name)
            if name == "word/settings.xml":
                data = data.replace(
                    b"</w:settings>",
                    b'<w:attachedTemplate r:id="rIdTpl"/><w:updateFields w:val="true"/>'
                    b"</w:settings>",
                )
                if b"xmlns:r=" not in data[:2000]:
                    data = data.replace(
                        b"<w:settings ",
                        b'<w:settings xmlns:r="http://schemas.openxmlformats.org/'
                        b'officeDocument/2006/relationships" ',
                        1,
                    )
            if name == "word/document.xml":
                field = (
                    f'<w:p><w:fldSimple w:instr=" INCLUDETEXT &quot;{secret.path}&quot; ">'
                    "<w:r><w:t>included</w:t></w:r></w:fldSimple></w:p>"
                ).encode()
                data = data.replace(b"<w:body>", b"<w:body>" + field, 1)
            out.writestr(name, data)
        out.writestr(
            "word/_rels/settings.xml.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rIdTpl" Type="http://schemas.openxmlformats.org/officeDocument/'
            f'2006/relationships/attachedTemplate" Target="{loopback.url}/beacon/t.dotm" '
            'TargetMode="External"/></Relationships>',
        )
        out.writestr("word/vbaProject.bin", b"not really a macro")
    return path


def test_docx_reference_document_passes_nothing_active(
    tmp_path: Path, loopback: Loopback, secret: Secret
) -> None:
    reference = _hostile_reference(tmp_path, loopback, secret)
    assert docx_problems(reference.read_bytes()) != []  # the reference itself is hostile
    try:
        out = render_or_skip(BRIEF, "docx", template=reference)
    except BriefkitError:
        return  # refusing such a reference is fine too
    assert isinstance(out, bytes)
    assert docx_problems(out) == []
    assert loopback.requests() == []
    assert not contains_secret("docx", out, secret.text)


# --- atomic writes ----------------------------------------------------------------------


def _explode(brief: Brief) -> str:
    briefkit.render_html(brief)  # real work first, then a failure midway
    raise RenderError("exploded midway", format="explode", brief=brief.title)


def _wrong_type(brief: Brief) -> object:
    return ["not", "a", "document"]


def _bug(brief: Brief) -> str:
    raise KeyError("a plugin bug")


@pytest.mark.parametrize(
    ("name", "renderer", "error"),
    [("explode", _explode, RenderError), ("wrongtype", _wrong_type, RenderError)],
)
def test_failed_render_leaves_the_previous_file(
    name: str, renderer: object, error: type[Exception], tmp_path: Path
) -> None:
    register_renderer(RendererInfo(name, renderer, extension=f".{name}"))  # type: ignore[arg-type]
    dest = tmp_path / f"brief.{name}"
    dest.write_text("previous version", encoding="utf-8")
    with pytest.raises(error):
        briefkit.render(BRIEF, name, dest=dest)
    assert dest.read_text(encoding="utf-8") == "previous version"
    assert sorted(p.name for p in tmp_path.iterdir()) == [dest.name]


def test_plugin_bug_leaves_the_previous_file(tmp_path: Path) -> None:
    register_renderer(RendererInfo("bug", _bug, extension=".bug"))
    dest = tmp_path / "brief.bug"
    dest.write_bytes(b"previous")
    with pytest.raises(KeyError):
        briefkit.render(BRIEF, "bug", dest=dest)
    assert dest.read_bytes() == b"previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.bug"]


def test_template_error_leaves_the_previous_file(tmp_path: Path) -> None:
    template = tmp_path / "broken.html.j2"
    template.write_text("<h1>{{ brief.title }}</h1>{% for %}", encoding="utf-8")
    dest = tmp_path / "brief.html"
    dest.write_text("previous", encoding="utf-8")
    with pytest.raises(TemplateError):
        render_or_skip(BRIEF, "html", dest=dest, template=template)
    assert dest.read_text(encoding="utf-8") == "previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.html", "broken.html.j2"]


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    code = "import sys; from briefkit.cli import main; sys.exit(main())"
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, "COLUMNS": "200"},
        timeout=120,
    )


@pytest.fixture
def cli_input(tmp_path: Path) -> Path:
    pytest.importorskip("briefkit.cli", reason="the CLI is not written yet")
    source = tmp_path / "brief.txt"
    source.write_text(
        "Port Strike Ends\n\nAnalytic Judgement:\n\nShips are moving again.\n", encoding="utf-8"
    )
    return source


@pytest.mark.parametrize("spelling", ["same", "dotdot", "symlink", "hardlink", "absolute"])
def test_cli_refuses_to_overwrite_its_input(spelling: str, cli_input: Path) -> None:
    folder = cli_input.parent
    before = cli_input.read_bytes()
    target = {"same": "brief.txt", "dotdot": "sub/../brief.txt", "absolute": str(cli_input)}
    (folder / "sub").mkdir()
    if spelling == "symlink":
        (folder / "link.txt").symlink_to(cli_input)
        target["symlink"] = "link.txt"
    if spelling == "hardlink":
        os.link(cli_input, folder / "hard.txt")
        target["hardlink"] = "hard.txt"
    done = _cli("convert", "brief.txt", "-o", target[spelling], "-t", "text", cwd=folder)
    assert done.returncode == 1, done.stderr
    assert "input" in done.stderr.lower()
    assert "Traceback" not in done.stderr
    assert cli_input.read_bytes() == before


@pytest.mark.parametrize("ext", ["html", "docx", "pdf", "json"])
def test_cli_failure_leaves_the_previous_output(ext: str, cli_input: Path) -> None:
    folder = cli_input.parent
    bad = folder / "bad.txt"
    bad.write_bytes((FIXTURES / "binary" / "pixel.png").read_bytes())
    out = folder / f"out.{ext}"
    out.write_bytes(b"previous output")
    done = _cli("convert", "bad.txt", "-o", out.name, cwd=folder)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert out.read_bytes() == b"previous output"
    assert sorted(p.name for p in folder.iterdir()) == ["bad.txt", "brief.txt", out.name]


def test_cli_template_failure_leaves_the_previous_output(cli_input: Path) -> None:
    folder = cli_input.parent
    (folder / "t.html.j2").write_text("{{ brief.title }}{{ 1 // 0 }}", encoding="utf-8")
    out = folder / "out.html"
    out.write_bytes(b"previous output")
    done = _cli("convert", "brief.txt", "-o", "out.html", "--template", "t.html.j2", cwd=folder)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert out.read_bytes() == b"previous output"


def test_cli_converts_hostile_input_without_fetching(
    hostile: Hostile, loopback: Loopback, secret: Secret, tmp_path: Path
) -> None:
    pytest.importorskip("briefkit.cli", reason="the CLI is not written yet")
    source = hostile.path("embeds-and-styles.html")
    for ext in ("pdf", "docx", "html"):
        out = tmp_path / f"out.{ext}"
        done = _cli("convert", str(source), "-o", str(out), "-q", cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        data = out.read_bytes()
        assert problems(ext, data if ext != "html" else data.decode()) == []
        assert not contains_secret(ext, data, secret.text)
    assert loopback.requests() == []
