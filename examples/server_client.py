"""Use ``briefkit serve`` over HTTP, as a tool in any language would.

    python examples/server_client.py [OUTDIR]               # start a server, use it, stop it
    python examples/server_client.py OUTDIR --url URL        # use a server that is running

Without ``--url`` the script starts ``briefkit serve --port 0`` (the ``serve`` extra:
``pip install 'briefkit[serve]'``), reads the address from the server's ``ready`` log line,
and stops the server at the end. The client side is only the standard library: it posts the
sample brief to ``/convert`` (the output format chosen by ``Accept`` or ``?to=``), to
``/parse`` (Brief JSON back) and that JSON to ``/render``, and shows the problem document
(RFC 9457) a bad input gets.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

HERE = Path(__file__).resolve().parent
SAMPLE = HERE / "briefs" / "sample.txt"


def call(
    url: str, body: bytes | None = None, headers: dict[str, str] | None = None
) -> tuple[int, dict[str, str], bytes]:
    """One request: status, headers (names in lower case) and body; an error status is an
    answer too."""
    request = urllib.request.Request(url, data=body, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            status, got, data = response.status, response.headers, response.read()
    except urllib.error.HTTPError as exc:
        status, got, data = exc.code, exc.headers, exc.read()
    return status, {k.lower(): v for k, v in got.items()}, data


@contextmanager
def local_server(workers: int = 2) -> Iterator[str]:
    """``briefkit serve`` on a free loopback port, for as long as the block runs."""
    script = shutil.which("briefkit", path=str(Path(sys.executable).parent))
    command = (
        [script] if script else [sys.executable, "-c", "from briefkit.cli import main; main()"]
    )
    server = subprocess.Popen(
        [*command, "serve", "--port", "0", "--workers", str(workers)],
        stderr=subprocess.PIPE,
        text=True,
    )
    assert server.stderr is not None
    url = ""
    for line in server.stderr:  # JSON log lines; "ready" comes once every worker is warm
        event = json.loads(line) if line.startswith("{") else {}
        if event.get("event") == "ready":
            url = event["url"]
            break
    # Keep reading the log (one line per request) so the server never blocks on it.
    threading.Thread(target=server.stderr.read, daemon=True).start()
    try:
        if not url:
            raise SystemExit(f"the server did not start (exit status {server.wait(10)})")
        yield url
    finally:
        server.terminate()
        server.wait(30)


def demo(base: str, outdir: Path) -> int:
    sample = SAMPLE.read_bytes()
    text = {"Content-Type": "text/plain"}
    failures = 0
    for accept, name in (
        ("text/html", "sample.html"),
        ("application/pdf", "sample.pdf"),
        ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "sample.docx"),
    ):
        status, headers, body = call(f"{base}/convert", sample, {**text, "Accept": accept})
        (outdir / name).write_bytes(body)
        print(f"POST /convert  Accept: {accept[:40]:<40} {status} {len(body):>7,} bytes")
        failures += status != 200
    status, _, brief_json = call(f"{base}/parse", sample, text)
    (outdir / "sample.json").write_bytes(brief_json)
    title = json.loads(brief_json)["title"]
    print(f"POST /parse                                               {status} {title!r}")
    status, _, markdown = call(f"{base}/render?to=markdown", brief_json)
    (outdir / "sample.md").write_bytes(markdown)
    print(f"POST /render?to=markdown                                  {status}")
    failures += status != 200
    status, headers, body = call(f"{base}/convert", b"\x89PNG\r\n\x1a\n not a brief")
    problem = json.loads(body)
    print(f"POST an image  {status} {headers['content-type']}: {problem['type']}, {problem['why']}")
    failures += status != 422
    workers = json.loads(call(f"{base}/health")[2])["workers"]
    print(f"GET /health    {len(workers)} workers: {', '.join(str(w['pid']) for w in workers)}")
    return 1 if failures else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", nargs="?", type=Path, help="where the answers are written")
    parser.add_argument("--url", help="a running server, e.g. http://127.0.0.1:8000")
    args = parser.parse_args()
    outdir = args.outdir or Path(tempfile.mkdtemp(prefix="briefkit-client-"))
    outdir.mkdir(parents=True, exist_ok=True)
    if args.url:
        return demo(args.url.rstrip("/"), outdir)
    with local_server() as url:
        print(f"started briefkit serve on {url}")
        code = demo(url, outdir)
    print(f"stopped; answers written to {outdir}")
    return code


if __name__ == "__main__":
    raise SystemExit(main())
