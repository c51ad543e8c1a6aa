"""ASGI middleware: a request id, the body size limit and one JSON access-log line each.

Both are plain ASGI so that they see every request, the ones FastAPI refuses too. The size
limit answers ``413`` from ``Content-Length`` before the body is read, and stops a body
without one (chunked) as soon as it passes the limit, so a huge upload is never held in
memory.
"""

from __future__ import annotations

import json
import logging
import time
import uuid
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .problems import problem_response

__all__ = ["AccessLog", "BodyLimit", "BodyTooLarge"]

access = logging.getLogger("briefkit.server.access")


class BodyTooLarge(Exception):
    """The body passed the limit while it was being read."""


class BodyLimit:
    """Refuse request bodies larger than ``limit`` bytes with ``413``."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.limit):
            response = problem_response(
                "body-too-large",
                f"the body is {length.decode('latin-1')} bytes; this server takes at most "
                f"{self.limit}",
                request_id=scope.get("state", {}).get("request_id"),
            )
            await response(scope, receive, send)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise BodyTooLarge(f"the body passed this server's limit of {self.limit} bytes")
            return message

        await self.app(scope, counted, send)


class AccessLog:
    """Give each request an id (``X-Request-ID``, also the problem's ``instance``) and log
    it when it ends: method, path, status, bytes in and out, milliseconds, client."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = uuid.uuid4().hex
        scope.setdefault("state", {})["request_id"] = request_id
        started = time.perf_counter()
        record: dict[str, Any] = {"status": 500, "bytes_in": 0, "bytes_out": 0}

        async def receiving() -> Message:
            message = await receive()
            if message["type"] == "http.request":
                record["bytes_in"] += len(message.get("body", b""))
            return message

        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                record["status"] = message["status"]
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], (b"x-request-id", request_id.encode())]
            elif message["type"] == "http.response.body":
                record["bytes_out"] += len(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, receiving, sending)
        finally:
            client = scope.get("client")
            line = {
                "event": "request",
                "id": request_id,
                "method": scope.get("method"),
                "path": scope.get("path"),
                "query": scope.get("query_string", b"").decode("latin-1") or None,
                **record,
                "ms": round((time.perf_counter() - started) * 1000, 1),
                "client": f"{client[0]}:{client[1]}" if client else None,
            }
            access.info(json.dumps(line, separators=(",", ":")))
