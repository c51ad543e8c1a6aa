"""The counting loopback server and the secret file the security suite watches."""

from __future__ import annotations

import threading
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from pathlib import Path

__all__ = ["Loopback", "Secret", "handler"]


@dataclass
class Loopback:
    """An HTTP server on 127.0.0.1 that records every request it receives.

    Unknown paths get a 200 answer whose body holds :attr:`canary`, so a fetch that went
    through would also leave a trace in the output. ``pages`` maps paths to
    ``(content_type, body)`` for pages the tests serve on purpose.
    """

    url: str = ""
    canary: str = field(default_factory=lambda: f"LOOPBACK-CANARY-{uuid.uuid4().hex}")
    hits: list[str] = field(default_factory=list)
    pages: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def reset(self) -> None:
        with self.lock:
            self.hits.clear()
            self.pages.clear()

    def requests(self) -> list[str]:
        with self.lock:
            return list(self.hits)


def handler(state: Loopback) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def _answer(self) -> None:
            with state.lock:
                state.hits.append(f"{self.command} {self.path}")
                page = state.pages.get(self.path.split("?", 1)[0])
            if page is None:
                kind = "text/css" if ".css" in self.path else "text/plain"
                body = f"/* {state.canary} */ body {{ background: url(/beacon/from-css) }}"
                page = (kind, body.encode())
            self.send_response(200)
            self.send_header("Content-Type", page[0])
            self.send_header("Content-Length", str(len(page[1])))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(page[1])

        do_GET = do_POST = do_HEAD = do_PUT = do_OPTIONS = _answer

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


@dataclass(frozen=True)
class Secret:
    path: Path
    text: str

    @property
    def url(self) -> str:
        return self.path.as_uri()
