"""Running the server: JSON-lines logging, the listening socket and uvicorn.

The socket is bound here rather than by uvicorn so that ``port=0`` (any free port) can be
reported: the ``ready`` log line carries the real address once every worker is warm. Every
log line on stderr is one JSON object: ``ready``, one ``request`` per request (the access
log), and uvicorn's own messages as ``log``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
import socket
import sys
from typing import Any

from .settings import ServerSettings

__all__ = ["JsonLines", "bind", "serve"]


class JsonLines(logging.Formatter):
    """One JSON object per line: time, level, logger, and the event's own fields."""

    def format(self, record: logging.LogRecord) -> str:
        message = record.getMessage()
        data: dict[str, Any]
        try:
            data = json.loads(message) if message.startswith("{") else {}
        except ValueError:
            data = {}
        if not data:
            data = {"event": "log", "message": message}
        if record.exc_info:
            data["exception"] = self.formatException(record.exc_info)
        when = dt.datetime.fromtimestamp(record.created, dt.UTC)
        line = {
            "ts": when.isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            **data,
        }
        return json.dumps(line, ensure_ascii=False, separators=(",", ":"))


def _configure_logging(level: str) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonLines())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        logging.getLogger(name).handlers.clear()
        logging.getLogger(name).propagate = True


def bind(host: str, port: int) -> socket.socket:
    """A listening TCP socket on ``host:port`` (``port=0``: any free one).

    Made with ``proto=IPPROTO_TCP`` as asyncio makes its own: asyncio turns Nagle's
    algorithm off only for connections whose socket says TCP, and with it on, a response
    written in two pieces waits for the client's delayed ACK (40 ms per request on a
    kept-alive connection)."""
    family, kind, proto, _, address = socket.getaddrinfo(
        host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP
    )[0]
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(1024)
    except BaseException:
        sock.close()
        raise
    return sock


def serve(settings: ServerSettings | None = None, *, log_level: str = "info") -> None:
    """Serve until SIGINT or SIGTERM, then let running requests finish and stop the workers."""
    import uvicorn

    from .app import create_app

    settings = settings or ServerSettings()
    _configure_logging(log_level)
    sock = bind(settings.host, settings.port)
    settings = dataclasses.replace(settings, port=sock.getsockname()[1])
    if settings.host not in ("127.0.0.1", "::1", "localhost"):
        logging.getLogger("briefkit.server").warning(
            json.dumps({"event": "exposed", "host": settings.host, "note": "not loopback"})
        )
    config = uvicorn.Config(
        create_app(settings),
        log_config=None,
        access_log=False,
        lifespan="on",
        timeout_graceful_shutdown=max(1, int(settings.timeout)),
        server_header=False,
    )
    uvicorn.Server(config).run(sockets=[sock])
