"""The HTTP API: convert, parse, render and check briefs; list formats; report health.

Routes only negotiate formats and options and hand the work to the worker pool; nothing
CPU-heavy runs on the event loop. Request options are limited to the ones that cannot reach
outside the process (:class:`~.schemas.RenderQuery`): a request can name no template,
stylesheet, file or URL, so the renderers' sandbox holds whatever it asks.
"""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Annotated, Any

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from pydantic import BaseModel
from starlette.exceptions import HTTPException
from starlette.responses import JSONResponse, Response

from .._version import __version__
from ..model import Brief
from ..registry import parsers, renderers
from . import negotiation
from .middleware import AccessLog, BodyLimit, BodyTooLarge
from .pool import Overloaded, TaskFailed, TimedOut, WorkerDied, WorkerPool
from .problems import KINDS, Problem, ProblemKind, ServerProblem, from_library, problem_response
from .schemas import (
    CheckRequest,
    CheckResult,
    Formats,
    Health,
    InputFormat,
    OutputFormat,
    RenderQuery,
    WorkerState,
)
from .settings import ServerSettings

__all__ = ["create_app"]

log = logging.getLogger("briefkit.server")

_PROBLEMS: dict[int | str, dict[str, Any]] = {
    status: {"model": Problem, "description": title}
    for status, title in (
        (400, "Bad request"),
        (413, "Too large"),
        (422, "Unreadable input"),
        (500, "Failed"),
        (503, "Busy: see Retry-After"),
        (504, "Too slow"),
    )
}
From = Annotated[str | None, Query(alias="from", description="Input format or extension.")]
To = Annotated[str | None, Query(description="Output format or extension (else Accept).")]
Options = Annotated[RenderQuery, Query()]


def _request_id(request: Request) -> str | None:
    return getattr(request.state, "request_id", None)


def _output(target: str, data: bytes, warnings: list[str]) -> Response:
    info = renderers()[target]
    media = info.media_type + ("" if info.binary else "; charset=utf-8")
    headers = {"Content-Disposition": f'inline; filename="brief{info.extension}"'}
    if warnings:  # a header holds Latin-1 only: anything else becomes "?"
        text = " | ".join(" ".join(w.split()) for w in warnings)[:1000]
        headers["Briefkit-Warning"] = text.encode("ascii", "replace").decode("ascii")
    return Response(data, media_type=media, headers=headers)


def _input_body() -> dict[str, Any]:
    """The OpenAPI request body of /convert and /parse: any input format's media type."""
    types = [*sorted(negotiation.input_media_types()), "application/octet-stream"]
    content = {t: {"schema": {"type": "string", "format": "binary"}} for t in types}
    return {"requestBody": {"required": True, "content": content}}


def _json_body(model: str) -> dict[str, Any]:
    """An OpenAPI request body of JSON following ``model`` (validated in the worker, so a
    large body never ties up the event loop)."""
    schema = {"$ref": f"#/components/schemas/{model}"}
    return {"requestBody": {"required": True, "content": {"application/json": {"schema": schema}}}}


def _with_schemas(app: FastAPI, *models: type[BaseModel]) -> Callable[[], dict[str, Any]]:
    """``app.openapi`` that also lists ``models`` (request bodies read as raw JSON)."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            spec = get_openapi(
                title=app.title,
                version=app.version,
                summary=app.summary,
                routes=app.routes,
                separate_input_output_schemas=False,
            )
            components = spec.setdefault("components", {}).setdefault("schemas", {})
            for model in models:
                schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
                components.update(schema.pop("$defs", {}))
                components[model.__name__] = schema
            app.openapi_schema = spec
        return app.openapi_schema

    return openapi


def create_app(settings: ServerSettings | None = None) -> FastAPI:
    """The ASGI application; its worker pool starts and stops with the app's lifespan."""
    settings = settings or ServerSettings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        pool = WorkerPool(settings.workers, settings.queue, warm=settings.warm)
        await pool.start()
        app.state.pool = pool
        ready = {"event": "ready", "url": settings.url, "workers": [w.pid for w in pool.workers()]}
        log.info(json.dumps(ready, separators=(",", ":")))
        try:
            yield
        finally:
            await pool.close()

    app = FastAPI(
        title="briefkit",
        version=__version__,
        summary="Analytic briefs: parse any input format, render any output format.",
        lifespan=lifespan,
        separate_input_output_schemas=False,  # one Brief schema, as Brief.model_json_schema()
    )
    app.openapi = _with_schemas(app, Brief, CheckRequest)  # type: ignore[method-assign]
    app.add_middleware(BodyLimit, limit=settings.max_body)
    app.add_middleware(AccessLog)
    _add_error_handlers(app)

    async def run(request: Request, op: str, *args: Any) -> Any:
        pool: WorkerPool = request.app.state.pool
        try:
            return await pool.run(op, *args, timeout=settings.timeout)
        except Overloaded as exc:
            raise ServerProblem(
                "overloaded",
                f"all {pool.size} workers are busy and {pool.queue} requests wait already",
                headers={"Retry-After": str(exc.retry_after)},
            ) from None
        except TimedOut as exc:
            raise ServerProblem("timeout", str(exc)) from None
        except WorkerDied as exc:
            raise ServerProblem("worker-died", str(exc)) from None
        except TaskFailed as exc:
            raise from_library(exc.details) from None

    @app.post("/convert", openapi_extra=_input_body(), responses=_PROBLEMS)
    async def convert(
        request: Request,
        options: Options,
        from_: From = None,
        to: To = None,
    ) -> Response:
        """Any input format in the body (``Content-Type`` or ``?from=``, else detected), any
        output format back (``?to=`` or ``Accept``, else HTML), with the renderer options
        the format takes."""
        source = negotiation.source_format(from_, request.headers.get("content-type"))
        target = negotiation.target_format(to, request.headers.get("accept"))
        given = negotiation.render_options(target, options.model_dump())
        body = await request.body()
        data, warnings = await run(request, "convert", body, source, target, given)
        return _output(target, data, warnings)

    @app.post(
        "/parse",
        openapi_extra=_input_body(),
        response_model=Brief,
        responses=_PROBLEMS,
    )
    async def parse(request: Request, from_: From = None) -> Response:
        """Any input format in the body; the brief it holds back, as JSON (the Brief schema)."""
        source = negotiation.source_format(from_, request.headers.get("content-type"))
        body = await request.body()
        data, warnings = await run(request, "parse", body, source)
        return _output("json", data, warnings)

    @app.post("/render", openapi_extra=_json_body("Brief"), responses=_PROBLEMS)
    async def render(request: Request, options: Options, to: To = None) -> Response:
        """A brief as JSON in the body; it rendered in the format of ``?to=`` or ``Accept``,
        with the renderer options the format takes."""
        target = negotiation.target_format(to, request.headers.get("accept"))
        given = negotiation.render_options(target, options.model_dump())
        body = await request.body()
        data, warnings = await run(request, "render", body, target, given)
        return _output(target, data, warnings)

    @app.post(
        "/check",
        openapi_extra=_json_body("CheckRequest"),
        response_model=CheckResult,
        responses=_PROBLEMS,
    )
    async def check(request: Request) -> CheckResult:
        """Structure and link problems of a set of briefs taken as one series."""
        count, problems = await run(request, "check", await request.body())
        return CheckResult(ok=not problems, briefs=count, problems=problems)

    @app.get("/formats", response_model=Formats)
    async def formats() -> Formats:
        """Every format the server reads and writes, from the registry (plugins included)."""
        media = negotiation.input_media_types()
        return Formats(
            input={
                name: InputFormat(
                    extensions=list(info.extensions),
                    media_types=sorted(m for m, n in media.items() if n == name),
                    binary=info.binary,
                    description=info.description,
                )
                for name, info in sorted(parsers().items())
            },
            output={
                name: OutputFormat(
                    extension=info.extension,
                    media_type=info.media_type,
                    binary=info.binary,
                    description=info.description,
                    options=[o for o, fs in negotiation.OPTION_FORMATS.items() if name in fs],
                )
                for name, info in sorted(renderers().items())
            },
        )

    @app.get("/health", response_model=Health)
    async def health(request: Request) -> Health:
        """The workers (pid, busy), the queue and how many workers were replaced."""
        pool: WorkerPool = request.app.state.pool
        workers = [WorkerState(pid=w.pid, busy=w.busy, tasks=w.tasks) for w in pool.workers()]
        return Health(
            status="ok" if len(workers) == pool.size else "degraded",
            version=__version__,
            workers=workers,
            queued=pool.waiting,
            queue_limit=pool.queue,
            restarts=pool.restarts,
        )

    @app.get("/problems/{kind}", response_model=ProblemKind)
    async def problem_kind(kind: str) -> ProblemKind:
        """What a problem document's ``type`` means."""
        if kind not in KINDS:
            raise ServerProblem("not-found", f"no problem kind {kind!r}")
        status, title, description = KINDS[kind]
        return ProblemKind(kind=kind, status=status, title=title, description=description)

    return app


def _add_error_handlers(app: FastAPI) -> None:
    """Every error becomes a problem document, whatever raised it."""

    @app.exception_handler(ServerProblem)
    async def server_problem(request: Request, exc: ServerProblem) -> JSONResponse:
        return problem_response(
            exc.kind, exc.detail, request_id=_request_id(request), headers=exc.headers, **exc.extra
        )

    @app.exception_handler(BodyTooLarge)
    async def too_large(request: Request, exc: BodyTooLarge) -> JSONResponse:
        return problem_response("body-too-large", str(exc), request_id=_request_id(request))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [
            {
                "where": ".".join(str(p) for p in e.get("loc", ())),
                "why": str(e.get("msg", "invalid")),
            }
            for e in exc.errors()
        ]
        first = errors[0] if errors else {"where": "body", "why": "invalid"}
        return problem_response(
            "invalid-request",
            f"{first['where']}: {first['why']}"
            + (f" (+{len(errors) - 1} more)" if errors[1:] else ""),
            request_id=_request_id(request),
            where=first["where"],
            why=first["why"],
            errors=json.loads(json.dumps(errors[:50], default=str)),
        )

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> JSONResponse:
        kind = {404: "not-found", 405: "method-not-allowed", 413: "body-too-large"}.get(
            exc.status_code, "bad-request"
        )
        return problem_response(
            kind,
            str(exc.detail),
            request_id=_request_id(request),
            headers=dict(exc.headers or {}),
        )

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        return problem_response(
            "internal-error", f"{type(exc).__name__}: {exc}", request_id=_request_id(request)
        )
