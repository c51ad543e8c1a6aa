"""Every error the server sends is a problem document (RFC 9457, ``application/problem+json``).

A problem carries the HTTP status, a ``type`` naming the kind of problem (a path on this
server: ``GET /problems/<kind>`` describes it), a one-line ``detail`` and, for the library's
own errors, the same ``where`` and ``why`` that :class:`~briefkit.ParseError` and
:class:`~briefkit.RenderError` carry, so a client can point at the offending line or element
without parsing the message.
"""

from __future__ import annotations

import uuid
from typing import Any

from pydantic import BaseModel, ConfigDict, Field
from starlette.responses import JSONResponse

__all__ = [
    "KINDS",
    "MEDIA_TYPE",
    "Problem",
    "ProblemKind",
    "ServerProblem",
    "from_library",
    "problem_response",
]

MEDIA_TYPE = "application/problem+json"


class ProblemKind(BaseModel):
    """What a ``type`` of problem means (the answer of ``GET /problems/<kind>``)."""

    kind: str
    status: int
    title: str
    description: str


#: kind -> (status, title, what it means and what to do).
KINDS: dict[str, tuple[int, str, str]] = {
    "parse-error": (422, "The input is not a readable brief", "Fix the input at `where`."),
    "limit-exceeded": (
        422,
        "The input exceeds a safety limit",
        "Nesting, item count or unpacked size is over one of briefkit's limits.",
    ),
    "invalid-request": (
        422,
        "The request body does not follow the schema",
        "`errors` lists each field at fault (see /docs for the schema).",
    ),
    "unrenderable": (
        422,
        "The brief cannot be rendered in this format",
        "The brief lacks something the format requires (a STIX report or a MISP event needs "
        "a publication date: pass ?published=): `why` says what.",
    ),
    "invalid-option": (
        422,
        "An option's value is refused",
        "The query parameter named by `where` has a value the renderer does not take: "
        "`why` says which values it does.",
    ),
    "render-failed": (
        500,
        "The renderer failed",
        "The renderer itself failed on a brief it should render: a bug, please report it.",
    ),
    "internal-error": (500, "Unexpected error", "A bug: please report it with the request."),
    "worker-died": (
        500,
        "The worker process died",
        "The process rendering the request ended before it answered; retrying may succeed.",
    ),
    "bad-request": (400, "Bad request", "An unknown format or an option it does not take."),
    "not-acceptable": (406, "No acceptable output format", "Name one with ?to= or Accept."),
    "unsupported-media-type": (
        415,
        "Unsupported input format",
        "The Content-Type or the content is no format briefkit reads; name one with ?from=.",
    ),
    "body-too-large": (413, "Request body too large", "Send at most the server's limit."),
    "overloaded": (503, "Too many requests at once", "Every worker is busy: retry later."),
    "timeout": (504, "The request took too long", "It passed the server's time limit."),
    "not-found": (404, "Not found", "No such path: GET /docs lists them."),
    "method-not-allowed": (405, "Method not allowed", "GET /docs lists each path's methods."),
}


class Problem(BaseModel):
    """An RFC 9457 problem document, with briefkit's where/why as extension members."""

    model_config = ConfigDict(extra="allow")

    type: str = Field(description="The kind of problem: GET it for an explanation.")
    title: str
    status: int
    detail: str
    instance: str = Field(description="This occurrence (also in the server's access log).")
    error: str | None = Field(None, description="The library's error class, e.g. ParseError.")
    where: str | None = Field(None, description="Where in the input (a line, an element).")
    why: str | None = Field(None, description="Why, without the where.")
    option: str | None = Field(None, description="The option whose value was refused.")


class ServerProblem(Exception):
    """Raised in a route to answer with a problem of ``kind``."""

    def __init__(
        self, kind: str, detail: str, *, headers: dict[str, str] | None = None, **extra: Any
    ) -> None:
        super().__init__(detail)
        self.kind = kind
        self.detail = detail
        self.headers = headers or {}
        self.extra = extra


def _kind_of(details: dict[str, Any]) -> str:
    """Whose fault: the request's (4xx) for every error the library raises on purpose about
    its input or options; the server's (500) only for a renderer that itself failed and for
    exceptions the library did not mean to raise."""
    classes = details.get("classes", [])
    if "RenderError" in classes:
        if details.get("internal"):
            return "render-failed"
        return "invalid-option" if details.get("option") else "unrenderable"
    for name, kind in (
        ("ValidationError", "invalid-request"),
        ("LimitError", "limit-exceeded"),
        ("ParseError", "parse-error"),
        ("FormatError", "unsupported-media-type"),
        ("BriefkitError", "parse-error"),
    ):
        if name in classes:
            return kind
    return "internal-error"


def from_library(details: dict[str, Any]) -> ServerProblem:
    """The problem for a library error described by a worker."""
    names = ("where", "why", "line", "element", "format", "option", "errors")
    extra = {k: details.get(k) for k in names}
    extra = {k: v for k, v in extra.items() if v is not None}
    error = details.get("error")
    return ServerProblem(_kind_of(details), details.get("detail", "failed"), error=error, **extra)


def problem_response(
    kind: str,
    detail: str,
    *,
    request_id: str | None = None,
    headers: dict[str, str] | None = None,
    **extra: Any,
) -> JSONResponse:
    """The JSON response for a problem of ``kind``."""
    status, title, _ = KINDS[kind]
    body = Problem(
        type=f"/problems/{kind}",
        title=title,
        status=status,
        detail=" ".join(detail.split()) or title,
        instance=f"urn:uuid:{request_id or uuid.uuid4()}",
        **extra,
    )
    return JSONResponse(
        body.model_dump(exclude_none=True), status, headers=headers, media_type=MEDIA_TYPE
    )
