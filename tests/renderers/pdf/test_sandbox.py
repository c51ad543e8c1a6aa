"""The PDF renderer fetches nothing and embeds nothing unless the caller allows it.

A loopback HTTP server counts every request and a secret temporary file holds text that
must appear in no PDF. Both are referenced from a hostile caller template and a hostile
caller stylesheet in every way WeasyPrint would load them: ``img``, stylesheet links,
``@import``, ``url()``, ``@font-face``, ``rel="attachment"``, ``object``, ``iframe``,
``embed``, SVG ``image``, ``base``.
"""

from __future__ import annotations

import base64
import http.server
import io
import re
import shutil
import subprocess
import threading
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pypdf
import pytest
import tinyhtml5

import briefkit
from briefkit.renderers.pdf.engine import parse_html
from briefkit.renderers.pdf.fetch import ASSET_SCHEME, FetchRefused, make_fetcher, make_policy
from briefkit.renderers.pdf.html import document_html
from briefkit.renderers.pdf.sanitize import sanitize
from briefs import seed_shaped, with_metadata

FIXTURES = Path(__file__).parents[2] / "fixtures" / "pdf"
SECRET = "SECRET-7b1e-do-not-leak"
# A one-pixel PNG: what the server answers for images, so an allowed load really succeeds.
PIXEL = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg=="
)


# --- a loopback server and a secret file ------------------------------------------------------


@dataclass
class Server:
    base: str
    hits: list[str] = field(default_factory=list)


@pytest.fixture
def server() -> Iterator[Server]:
    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hits.append(self.path)
            if self.path.endswith(".css"):
                body, kind = b'.brief-title::after { content: "LOOPBACK-CSS-LOADED"; }', "text/css"
            elif self.path.endswith(".png"):
                body, kind = PIXEL, "image/png"
            else:
                body, kind = f"LOOPBACK-BODY {self.path}".encode(), "text/plain"
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield Server(base=f"http://127.0.0.1:{httpd.server_address[1]}", hits=hits)
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    """A file whose text must never reach a PDF; also valid CSS that would show if read."""
    path = tmp_path / "secret.css"
    path.write_text(f'/* {SECRET} */ .brief-heading::after {{ content: "{SECRET}"; }}\n')
    return path


def hostile(name: str, tmp_path: Path, server: Server, secret: Path) -> Path:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    text = text.replace("@@LOOPBACK@@", server.base).replace("@@SECRET_URL@@", secret.as_uri())
    out = tmp_path / name
    out.write_text(text, encoding="utf-8")
    return out


# --- reading a PDF back ----------------------------------------------------------------------


def all_decoded_bytes(pdf: bytes) -> bytes:
    """The raw file plus every stream decompressed: where an embedded file would show."""
    chunks = [pdf]
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.DOTALL):
        try:
            chunks.append(zlib.decompress(match.group(1)))
        except zlib.error:
            chunks.append(match.group(1))
    return b"\n".join(chunks)


def assert_nothing_embedded(pdf: bytes) -> None:
    doc = pypdf.PdfReader(io.BytesIO(pdf))
    root = doc.trailer["/Root"]
    names = root.get("/Names")
    assert names is None or "/EmbeddedFiles" not in names.get_object()
    assert "/AF" not in root
    assert doc.attachments == {}
    for page in doc.pages:
        for ref in page.get("/Annots", []):
            assert ref.get_object().get("/Subtype") != "/FileAttachment"
        resources = page.get("/Resources") or {}
        assert "/XObject" not in resources or all(
            resources["/XObject"][key].get_object().get("/Subtype") != "/Image"
            for key in resources["/XObject"]
        ), "an image was loaded"
    decoded = all_decoded_bytes(pdf)
    assert b"/EmbeddedFile" not in decoded
    assert SECRET.encode() not in decoded


def pdf_text(pdf: bytes) -> str:
    if shutil.which("pdftotext") is None:
        return "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode("utf-8")


# --- the sandbox, end to end ----------------------------------------------------------------


def test_hostile_template_and_stylesheet_fetch_and_embed_nothing(
    tmp_path: Path, server: Server, secret: Path
) -> None:
    template = hostile("hostile.html.j2", tmp_path, server, secret)
    sheet = hostile("hostile.css", tmp_path, server, secret)
    pdf = briefkit.render_pdf(with_metadata(), template=template, stylesheet=sheet)
    assert server.hits == []
    assert_nothing_embedded(pdf)
    text = pdf_text(pdf)
    assert SECRET not in text
    assert "LOOPBACK" not in text
    for word in ("kept-tpl-01", "kept-tpl-02", "kept-tpl-03", "kept-tpl-04", "kept-tpl-05"):
        assert word in text  # content around the removed parts survives
    assert "Supporting Evidence" in text


def test_hostile_series_fetches_and_embeds_nothing(
    tmp_path: Path, server: Server, secret: Path
) -> None:
    template = hostile("hostile.html.j2", tmp_path, server, secret)
    sheet = hostile("hostile.css", tmp_path, server, secret)
    pdf = briefkit.render_pdf([seed_shaped(), with_metadata()], template=template, stylesheet=sheet)
    assert server.hits == []
    assert_nothing_embedded(pdf)
    assert SECRET not in pdf_text(pdf)


def test_allow_fetch_loads_only_what_it_lists_and_still_embeds_nothing(
    tmp_path: Path, server: Server, secret: Path
) -> None:
    template = hostile("hostile.html.j2", tmp_path, server, secret)
    sheet = hostile("hostile.css", tmp_path, server, secret)
    pdf = briefkit.render_pdf(
        with_metadata(), template=template, stylesheet=sheet, allow_fetch=[server.base + "/tpl"]
    )
    hits = set(server.hits)
    # Allowed and loadable: the template's image, stylesheets and CSS images.
    assert {"/tpl/img.png", "/tpl/link.css", "/tpl/import.css", "/tpl/bg.png"} <= hits
    assert "LOOPBACK-CSS-LOADED" in pdf_text(pdf)
    # Never requested: attachments, object/iframe/embed, the <base>, the stylesheet's URLs.
    for path in hits:
        for never in ("attach", "object", "iframe", "embed", "/base/", "/css/"):
            assert never not in path
    assert SECRET.encode() not in all_decoded_bytes(pdf)
    doc = pypdf.PdfReader(io.BytesIO(pdf))
    names = doc.trailer["/Root"].get("/Names")
    assert names is None or "/EmbeddedFiles" not in names.get_object()
    assert doc.attachments == {}


def test_allow_fetch_predicate_sees_every_url_and_decides(
    tmp_path: Path, server: Server, secret: Path
) -> None:
    seen: list[str] = []

    def allow(url: str) -> bool:
        seen.append(url)
        return url.endswith("/css/bg.png")

    sheet = hostile("hostile.css", tmp_path, server, secret)
    briefkit.render_pdf(seed_shaped(), stylesheet=sheet, allow_fetch=allow)
    assert server.hits == ["/css/bg.png"]
    assert secret.as_uri() in seen
    assert f"{server.base}/css/import.css" in seen


def test_even_a_permissive_predicate_never_embeds_an_attachment(
    tmp_path: Path, server: Server, secret: Path
) -> None:
    template = hostile("hostile.html.j2", tmp_path, server, secret)
    pdf = briefkit.render_pdf(seed_shaped(), template=template, allow_fetch=lambda url: True)
    assert [p for p in server.hits if "attach" in p] == []
    doc = pypdf.PdfReader(io.BytesIO(pdf))
    assert doc.attachments == {}
    assert b"/EmbeddedFile" not in all_decoded_bytes(pdf)


def test_refusals_are_logged_by_weasyprint_not_raised(
    tmp_path: Path, server: Server, secret: Path, caplog: pytest.LogCaptureFixture
) -> None:
    sheet = hostile("hostile.css", tmp_path, server, secret)
    pdf = briefkit.render_pdf(seed_shaped(), stylesheet=sheet)
    assert pdf.startswith(b"%PDF-")
    assert any("briefkit refused" in r.getMessage() for r in caplog.records)


# --- the fetcher ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("prefixes", "url", "allowed"),
    [
        ([], "https://example.org/a.png", False),
        (["https://example.org"], "https://example.org/a.png", True),
        (["https://example.org"], "https://example.org", True),
        (["https://example.org"], "https://example.org.evil.net/a.png", False),
        (["https://example.org"], "https://example.org@evil.net/a.png", False),
        (["https://example.org/assets/"], "https://example.org/assets/a.png", True),
        (["https://example.org/assets/"], "https://example.org/private/a.png", False),
        (["https://example.org/assets"], "https://example.org/assets-old/a.png", False),
        (["https://example.org/assets/"], "https://example.org/assets/../private/a", False),
        (["https://example.org/assets/"], "https://example.org/assets/%2e%2e/private/a", False),
        (["HTTPS://example.org/"], "https://example.org/a.png", True),
        (["https://example.org/"], "http://example.org/a.png", False),
        (["file:///srv/assets/"], "file:///srv/assets/logo.png", True),
        (["file:///srv/assets/"], "file:///srv/assets/../../etc/passwd", False),
        (["file:///srv/assets/"], "file:///etc/passwd", False),
        (["data:"], "data:image/png;base64,AAAA", True),
        (["https://example.org/"], "data:image/png;base64,AAAA", False),
        (["https://example.org/"], "ftp://example.org/a", False),
    ],
)
def test_prefix_policy(prefixes: list[str], url: str, allowed: bool) -> None:
    assert make_policy(prefixes)(url) is allowed


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://127.0.0.1/",
        "https://example.org/a.png",
        "ftp://example.org/a",
        "data:text/plain,hello",
        "data:image/png;base64,AAAA",
        f"{ASSET_SCHEME}../print.css",
        f"{ASSET_SCHEME}nonexistent.css",
        f"{ASSET_SCHEME}print.css/../../x.css",
    ],
)
def test_default_fetcher_refuses_everything(url: str) -> None:
    fetcher = make_fetcher(None)
    with pytest.raises(FetchRefused):
        fetcher(url)
    assert fetcher.refused == [url]


def test_packaged_assets_are_served() -> None:
    response = make_fetcher(None)(f"{ASSET_SCHEME}print.css")
    assert response.content_type == "text/css"
    assert b"@page" in response.read()


def test_a_failing_predicate_refuses() -> None:
    def broken(url: str) -> bool:
        raise RuntimeError("boom")

    assert make_policy(broken)("https://example.org/") is False
    assert make_policy(lambda url: "yes")("https://example.org/") is False  # type: ignore[arg-type,return-value]


# --- the sanitiser ---------------------------------------------------------------------------


def html5(markup: str) -> ElementTree.Element:
    """Parse as WeasyPrint does (tinyhtml5), where the sanitiser runs."""
    return tinyhtml5.parse(markup, namespace_html_elements=False)


@pytest.mark.parametrize(
    ("markup", "gone", "kept"),
    [
        (
            '<p>a<a rel="attachment" href="file:///s">b</a>c</p>',
            ["attachment", "file:"],
            ["<a>b</a>c"],
        ),
        ('<p><a rel="Attachment  nofollow" href="x">b</a></p>', ["ttachment"], ['rel="nofollow"']),
        ('<p><a rel="&#97;ttachment" href="x">b</a></p>', ["ttachment", "rel="], ["b"]),
        ('<p>a<object data="file:///s">fallback</object>b</p>', ["object", "fallback"], ["a", "b"]),
        ('<p>a<iframe src="x"></iframe>b<embed src="y">c</p>', ["iframe", "embed"], ["abc"]),
        ('<div><embed src="y"><p>after it</p></div>', ["embed"], ["<p>after it</p>"]),
        ('<p>a<frameset><frame src="x"></frameset>b</p>', ["frame"], ["ab"]),
        ("<p>a<script>alert(1)</script>b</p>", ["script", "alert"], ["ab"]),
        ('<p onclick="x()">a</p>', ["onclick"], ["a"]),
        ('<p><a href="javascript:alert(1)">a</a></p>', ["javascript"], ["a"]),
        ('<p><a href=" JaVaScRiPt:alert(1)">a</a></p>', ["alert"], ["a"]),
        ('<p><a href="file:///etc/passwd">a</a></p>', ["passwd"], ["a"]),
        ('<p><a href="https://example.org/">a</a></p>', [], ['href="https://example.org/"']),
        # a network share and a local file to a PDF viewer
        ('<p><a href="//host/share">a</a></p>', [], ['href="https://host/share"']),
        ('<p><a href=" /\t/host/share">a</a></p>', [], ['href="https://host/share"']),
        ('<p><a href="/etc/passwd">a</a></p>', ["passwd"], ["<a>a</a>"]),
        ('<p><a href="%2Fetc/passwd">a</a><a href="%2f%2Fhost/x">b</a></p>', ["%2"], ["<a>a</a>"]),
        ('<p><a href="other.html#x">a</a><a href="#x">b</a></p>', [], ['"other.html#x"', '"#x"']),
        ('<map><area href="//host/share"></map>', [], ['href="https://host/share"']),
        (
            '<svg><a xlink:href="javascript:alert(1)"><text>t</text></a></svg>',
            ["javascript"],
            ["t"],
        ),
        ('<p><video src="x" poster="y"></video>v</p>', ["video", "poster"], ["v"]),
        ('<p><img src="file:///s" onerror="x()">i</p>', ["onerror"], ['src="file:///s"', "i"]),
        ('<svg><image href="data:image/png;base64,AA"/></svg>', [], ['href="data:image/png']),
        (
            '<form action="javascript:x()"><button formaction="javascript:y()">b</button></form>',
            ["javascript"],
            ["b"],
        ),
    ],
)
def test_sanitize(markup: str, gone: list[str], kept: list[str]) -> None:
    root = html5(f"<html><body>{markup}</body></html>")
    sanitize(root)
    out = ElementTree.tostring(root, encoding="unicode")
    for text in gone:
        assert text not in out
    for text in kept:
        assert text in out


@pytest.mark.parametrize(
    ("head", "survives"),
    [
        ('<link rel="stylesheet" href="x.css">', True),
        ('<link rel="attachment" href="file:///s">', False),
        ('<link rel="stylesheet attachment" href="file:///s">', False),
        ('<link rel="icon" href="x.png">', False),
        ('<link rel="prev" href="a.html">', False),
        ('<base href="http://127.0.0.1/">', False),
        ('<meta http-equiv="refresh" content="0;url=http://127.0.0.1/">', False),
    ],
)
def test_sanitize_head(head: str, survives: bool) -> None:
    root = html5(f"<html><head>{head}</head><body><p>x</p></body></html>")
    sanitize(root)
    assert (len(root.find("head")) == 1) is survives  # type: ignore[arg-type]


def test_the_document_weasyprint_lays_out_is_clean(
    tmp_path: Path, server: Server, secret: Path
) -> None:
    template = hostile("hostile.html.j2", tmp_path, server, secret)
    for series in (False, True):
        html = document_html([with_metadata()], series=series, template=template)
        document = parse_html(html, None)
        assert document.base_url is None
        root = document.etree_element
        # word joiners keep hyphenated words on one line (renderers/_pdf_words.py)
        out = ElementTree.tostring(root, encoding="unicode").lower().replace("\u2060", "")
        for needle in ("attachment", "<object", "<iframe", "<embed", "<base", "<script", "<video"):
            assert needle not in out, needle
        for word in ("kept-tpl-01", "kept-tpl-04", "kept-tpl-05", "kept-tpl-06", "kept-tpl-08"):
            assert word in out
        assert [el.get("href") for el in root.iter("link")] == [
            f"{server.base}/tpl/link.css",
            secret.as_uri(),
        ]  # stylesheet links stay: the fetcher refuses them
        assert "javascript" not in out
