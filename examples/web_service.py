"""Briefs as a web service: POST a brief in any input format, get any output format back.

    python examples/web_service.py [OUTDIR]          # start, query, stop (a demo)
    python examples/web_service.py --serve [PORT]    # keep serving until Ctrl-C

    curl --data-binary @examples/briefs/sample.txt 'http://127.0.0.1:8000/render?to=pdf' -o b.pdf

A small WSGI application on the standard library's ``wsgiref``, one thread per request.
Everything stays in memory: ``parse`` takes the request body as bytes and ``render`` returns
``str`` or ``bytes``; the registry gives the media type. Bad input is a
``briefkit.BriefkitError`` and becomes a 4xx answer with a one-line reason; the body size is
capped before anything is read. Parsing fetches nothing, HTML output carries no scripts, and
PDF rendering loads no URL, so untrusted input cannot make the service reach anywhere.
"""

from __future__ import annotations

import contextlib
import json
import sys
import tempfile
import threading
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from socketserver import ThreadingMixIn
from typing import Any
from urllib.parse import parse_qs
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import briefkit

HERE = Path(__file__).resolve().parent
MAX_BODY = 2 * 1024 * 1024  # a brief is a few kilobytes; refuse anything much larger

StartResponse = Callable[[str, list[tuple[str, str]]], Any]


def answer(start: StartResponse, status: str, body: bytes, media_type: str) -> list[bytes]:
    start(status, [("Content-Type", media_type), ("Content-Length", str(len(body)))])
    return [body]


def problem(start: StartResponse, status: str, message: str) -> list[bytes]:
    body = json.dumps({"error": message}).encode("utf-8")
    return answer(start, status, body, "application/json")


def app(environ: dict[str, Any], start: StartResponse) -> Iterable[bytes]:
    """``POST /render?to=FORMAT[&from=FORMAT]`` and ``GET /formats``."""
    path, method = environ.get("PATH_INFO", "/"), environ["REQUEST_METHOD"]
    if path == "/formats" and method == "GET":
        names = {
            "input": sorted(briefkit.input_formats()),
            "output": sorted(briefkit.output_formats()),
        }
        return answer(start, "200 OK", json.dumps(names).encode("utf-8"), "application/json")
    if path != "/render":
        return problem(start, "404 Not Found", "try POST /render?to=html or GET /formats")
    if method != "POST":
        return problem(start, "405 Method Not Allowed", "POST the brief as the request body")
    query = parse_qs(environ.get("QUERY_STRING", ""))
    to = query.get("to", ["html"])[0]
    source_format = query.get("from", [None])[0]
    renderer = briefkit.output_formats().get(to)
    if renderer is None:
        return problem(start, "400 Bad Request", f"unknown output format {to!r}")
    length = int(environ.get("CONTENT_LENGTH") or 0)
    if length > MAX_BODY:
        return problem(start, "413 Content Too Large", f"at most {MAX_BODY} bytes")
    data = environ["wsgi.input"].read(length)
    try:
        brief = briefkit.parse(data, format=source_format, max_bytes=MAX_BODY)
        output = briefkit.render(brief, to)
    except briefkit.FormatError as exc:
        return problem(start, "400 Bad Request", str(exc))
    except briefkit.ParseError as exc:
        return problem(start, "422 Unprocessable Content", str(exc))
    except briefkit.RenderError as exc:
        return problem(start, "500 Internal Server Error", str(exc))
    body = output.encode("utf-8") if isinstance(output, str) else output
    media_type = renderer.media_type + ("" if renderer.binary else "; charset=utf-8")
    return answer(start, "200 OK", body, media_type)


class ThreadingServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # keep the demo's output short
        pass


def post(url: str, data: bytes) -> tuple[int, str, bytes]:
    request = urllib.request.Request(url, data=data, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.headers["Content-Type"], response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers["Content-Type"], exc.read()


def demo(outdir: Path) -> int:
    server = make_server(
        "127.0.0.1", 0, app, server_class=ThreadingServer, handler_class=QuietHandler
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_port}"
    print(f"serving on {base}")
    sample = (HERE / "briefs" / "sample.txt").read_bytes()
    failures = 0
    try:
        # Several formats at once: the renderers are safe to call from many threads.
        formats = ("html", "pdf", "docx", "markdown", "json")
        with ThreadPoolExecutor(max_workers=len(formats)) as pool:
            replies = pool.map(lambda to: (to, post(f"{base}/render?to={to}", sample)), formats)
            for to, (status, media_type, body) in replies:
                ext = briefkit.output_formats()[to].extension
                (outdir / f"sample{ext}").write_bytes(body)
                print(f"  POST /render?to={to:<9} {status} {media_type:<40} {len(body):>7,} bytes")
                failures += status != 200
        status, _, body = post(f"{base}/render?to=html", b"\x89PNG\r\n\x1a\n not a brief")
        print(f"  POST an image           {status} {json.loads(body)['error']}")
        failures += status != 422
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
    print(f"stopped; responses written to {outdir}")
    return 1 if failures else 0


def main(argv: list[str]) -> int:
    if len(argv) > 1 and argv[1] == "--serve":
        port = int(argv[2]) if len(argv) > 2 else 8000
        with make_server("127.0.0.1", port, app, server_class=ThreadingServer) as server:
            print(f"serving on http://127.0.0.1:{port} (Ctrl-C to stop)")
            with contextlib.suppress(KeyboardInterrupt):
                server.serve_forever()
        return 0
    outdir = Path(argv[1]) if len(argv) > 1 else Path(tempfile.mkdtemp(prefix="briefkit-"))
    outdir.mkdir(parents=True, exist_ok=True)
    return demo(outdir)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
