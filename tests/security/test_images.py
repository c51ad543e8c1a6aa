"""The image sandbox: rendering reads images only from where the caller allowed.

Relative images come only from ``resources`` (never outside it: no ``..``, no absolute path,
no symlink out); remote ones only through ``allow_fetch`` (checked with a real loopback
server that counts requests); anything refused shows its alt text with an ImageWarning; a
PNG bomb is refused from its header; an SVG's script never runs, checked in Chromium.
"""

from __future__ import annotations

import io
import os
import warnings
import zipfile
from pathlib import Path

import lxml.html
import pytest

import briefkit
from briefkit import Brief, Figure, ImageWarning, Section
from briefkit.renderers import _figures
from briefkit.renderers._figures import Pictures
from pictures import SVG_SCRIPT, data_uri, png, png_bomb
from security.servers import Loopback, Secret
from security.test_browser import chromium, dump_dom

OUTPUTS = ("docx", "pdf")


def figure_brief(*figures: Figure) -> Brief:
    return Brief(title="Figures", sections=(Section(blocks=figures),))


def embedded(fmt: str, data: bytes) -> list[bytes]:
    """The image bytes an output carries (DOCX media parts, PDF image streams)."""
    if fmt == "docx":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return [archive.read(n) for n in archive.namelist() if n.startswith("word/media/")]
    import pypdf

    return [i.data for p in pypdf.PdfReader(io.BytesIO(data)).pages for i in p.images]


def load(src: str, **options: object) -> object:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        picture = Pictures(**options).load(src)  # type: ignore[arg-type]
    if picture is None:
        assert [w.category for w in caught] == [ImageWarning]
    return picture


# --- relative images and the resources folder -------------------------------------------------


@pytest.fixture
def resources(tmp_path: Path, secret: Secret) -> Path:
    folder = tmp_path / "resources"
    (folder / "maps").mkdir(parents=True)
    (folder / "maps" / "gulf.png").write_bytes(png(40, 20))
    (folder / "maps" / "a b.png").write_bytes(png(30, 20))
    (folder / "notes.txt").write_text("not an image", encoding="utf-8")
    outside = tmp_path / "outside.png"
    outside.write_bytes(png(10, 10))
    (folder / "leak.png").symlink_to(outside)
    (folder / "secret.png").symlink_to(secret.path)
    (folder / "maps" / "inner.png").symlink_to(folder / "maps" / "gulf.png")
    return folder


@pytest.mark.parametrize(
    "src", ["maps/gulf.png", "maps/a%20b.png", "./maps/gulf.png", "maps/inner.png?v=2#x"]
)
def test_relative_images_inside_resources_are_read(resources: Path, src: str) -> None:
    assert load(src, resources=resources) is not None


@pytest.mark.parametrize(
    "src",
    [
        "../outside.png",
        "maps/../../outside.png",
        "maps/%2E%2E/%2E%2E/outside.png",
        "/etc/passwd",
        "leak.png",  # a symlink out of the folder
        "secret.png",
        "notes.txt",  # not an image
        "maps/missing.png",
        "maps",
    ],
)
def test_nothing_outside_resources_or_not_an_image_is_read(resources: Path, src: str) -> None:
    assert load(src, resources=resources) is None


def test_without_resources_a_relative_image_is_not_read(resources: Path) -> None:
    os.chdir(resources)  # not even from the current folder
    assert load("maps/gulf.png") is None


def test_an_image_over_the_byte_limit_is_not_read(
    resources: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_figures, "MAX_IMAGE_BYTES", 100)
    assert load("maps/gulf.png", resources=resources) is None


@pytest.mark.parametrize("fmt", OUTPUTS)
def test_outputs_embed_resources_images_and_never_a_file_outside(
    fmt: str, resources: Path, secret: Secret
) -> None:
    brief = figure_brief(
        Figure(src="maps/gulf.png", alt="Gulf"),
        Figure(src="secret.png", alt="kept-alt-secret"),
        Figure(src="../outside.png", alt="kept-alt-outside"),
    )
    with pytest.warns(ImageWarning):
        data = briefkit.render(brief, fmt, resources=resources)
    assert isinstance(data, bytes)
    assert secret.text.encode() not in data
    images = embedded(fmt, data)
    assert len(images) == 1
    if fmt == "docx":
        assert images == [png(40, 20)]


# --- remote images ------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", [*OUTPUTS, "html"])
def test_remote_images_load_only_through_allow_fetch(fmt: str, loopback: Loopback) -> None:
    loopback.pages["/img/map.png"] = ("image/png", png(50, 25))
    brief = figure_brief(Figure(src=f"{loopback.url}/img/map.png", alt="Map"))
    with pytest.warns(ImageWarning, match="allow_fetch"):
        refused = briefkit.render(brief, fmt)
    assert loopback.requests() == []
    allowed = briefkit.render(brief, fmt, allow_fetch=[f"{loopback.url}/img/"])
    if fmt == "html":
        assert loopback.requests() == []  # the page references it; the renderer fetched nothing
        assert f'<img src="{loopback.url}/img/map.png"' in str(allowed)
        assert "<img" not in str(refused)
        return
    assert loopback.requests() == ["GET /img/map.png"]
    assert isinstance(allowed, bytes)
    assert len(embedded(fmt, allowed)) == 1
    assert isinstance(refused, bytes)
    assert embedded(fmt, refused) == []


@pytest.mark.parametrize(
    ("path", "page"),
    [
        ("/img/page.png", ("text/html", b"<html>not an image</html>")),
        ("/img/bomb.png", ("image/png", png_bomb())),
    ],
)
def test_an_allowed_server_cannot_send_what_is_not_a_safe_image(
    path: str, page: tuple[str, bytes], loopback: Loopback
) -> None:
    loopback.pages[path] = page
    brief = figure_brief(Figure(src=loopback.url + path, alt="kept-alt"))
    with pytest.warns(ImageWarning):
        data = briefkit.render_docx(brief, allow_fetch=lambda url: True)
    assert embedded("docx", data) == []


def test_redirects_are_not_followed(loopback: Loopback, tmp_path: Path) -> None:
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class Redirect(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(302)
            self.send_header("Location", f"{loopback.url}/beacon/redirected-PWNED.png")
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Redirect)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/map.png"
        assert load(url, allow_fetch=lambda u: True) is None
    finally:
        server.shutdown()
        server.server_close()
    assert loopback.requests() == []


# --- bombs and scripts ----------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["html", *OUTPUTS])
def test_a_png_bomb_is_refused_from_its_header(fmt: str) -> None:
    bomb = png_bomb()
    assert len(bomb) < 64 * 1024
    brief = figure_brief(Figure(src=data_uri(bomb), alt="kept-alt-bomb"))
    with pytest.warns(ImageWarning, match="MAX_IMAGE_PIXELS"):
        output = briefkit.render(brief, fmt)
    if fmt == "html":
        assert "<img" not in str(output)
    else:
        assert isinstance(output, bytes)
        assert embedded(fmt, output) == []


def test_an_svg_with_script_runs_nothing_in_a_browser(loopback: Loopback, tmp_path: Path) -> None:
    chromium()
    figure = Figure(src=data_uri(SVG_SCRIPT, "image/svg+xml"), alt="Chart")
    html = briefkit.render_html(figure_brief(figure))
    assert '<img src="data:image/svg+xml;base64,' in html
    loopback.pages["/page.html"] = ("text/html; charset=utf-8", html.encode("utf-8"))
    dumped = lxml.html.document_fromstring(dump_dom(f"{loopback.url}/page.html", tmp_path / "p1"))
    assert dumped.findtext(".//title") == "Figures"
    assert not dumped.xpath("//*[@id='pwned-svg']")
    assert [r for r in loopback.requests() if "beacon" in r] == []
    # Control: the same SVG inlined as markup does run in this browser.
    inlined = html.replace("</body>", SVG_SCRIPT.decode() + "</body>")
    loopback.pages["/control.html"] = ("text/html; charset=utf-8", inlined.encode("utf-8"))
    control = dump_dom(f"{loopback.url}/control.html", tmp_path / "p2")
    assert lxml.html.document_fromstring(control).xpath("//*[@id='pwned-svg']")
    assert "GET /beacon/svg-script-PWNED" in loopback.requests()


def test_an_svg_cannot_reach_out_from_a_pdf(loopback: Loopback, secret: Secret) -> None:
    svg = SVG_SCRIPT.replace(b"/beacon/", f"{loopback.url}/beacon/".encode()).replace(
        b"</svg>", f'<image href="{secret.url}" width="5" height="5"/></svg>'.encode()
    )
    pdf = briefkit.render_pdf(figure_brief(Figure(src=data_uri(svg, "image/svg+xml"), alt="C")))
    assert loopback.requests() == []
    assert secret.text.encode() not in pdf
