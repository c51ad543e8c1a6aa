"""What runs in the server's worker processes: parse, render, convert and check.

A worker takes one task at a time from its pipe and answers with ``("ok", result)`` or
``("error", details)``. Errors cross the pipe as plain dicts (the error's class names and the
library's own where/why fields), never as pickled exceptions, so the server can turn any of
them into a problem document. A worker is its own process so that WeasyPrint's CPU work
never blocks the server's event loop, and so that a task that runs away or crashes can be
killed without taking the server down.
"""

from __future__ import annotations

import contextlib
import os
import warnings
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

from pydantic import ValidationError

from ..errors import BriefkitError, ParseError, RenderError

__all__ = ["OPS", "describe", "main", "warm_up"]

#: Largest series ``check`` accepts (the server also limits the request body).
MAX_CHECK_BRIEFS = 10_000


def describe(exc: BaseException) -> dict[str, Any]:
    """A library error as data: its classes (most specific first), message, where and why."""
    classes = [c.__name__ for c in type(exc).__mro__ if issubclass(c, BriefkitError)]
    data: dict[str, Any] = {
        "error": type(exc).__name__,
        "classes": classes or ["InternalError"],
        "detail": " ".join(str(exc).split()) or type(exc).__name__,
    }
    if isinstance(exc, ParseError):
        places = [f"line {exc.line}"] if exc.line is not None else []
        places += [f"at {exc.element}"] if exc.element else []
        data.update(why=exc.message, where=", ".join(places) or None)
        data.update(line=exc.line, element=exc.element)
    elif isinstance(exc, RenderError):
        # A refused option is named as the request names it (the query parameters carry
        # the renderer's keyword names); otherwise the format and the brief's title.
        where = (
            f"query.{exc.option}"
            if exc.option
            else " ".join(p for p in (exc.format and f"[{exc.format}]", exc.brief) if p)
        )
        data.update(why=exc.message, where=where or None, format=exc.format)
        data.update(option=exc.option, internal=exc.internal)
    elif isinstance(exc, ValidationError):  # a request body that is not a Brief
        errors = [
            {"where": ".".join(str(p) for p in ("body", *e["loc"])), "why": e["msg"]}
            for e in exc.errors(include_url=False)[:50]
        ]
        data.update(classes=["ValidationError"], errors=errors, **errors[0])
        data["detail"] = f"{errors[0]['where']}: {errors[0]['why']}" + (
            f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
        )
    elif not isinstance(exc, BriefkitError):
        data["detail"] = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    return data


def _encoded(output: str | bytes) -> bytes:
    return output.encode("utf-8") if isinstance(output, str) else output


def convert(
    data: bytes, source: str | None, target: str, options: dict[str, Any]
) -> tuple[bytes, list[str]]:
    """Parse the request body and render it; also returns the parser's warnings."""
    from .. import parse
    from ..renderers import render

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        brief = parse(data, format=source)
    return _encoded(render(brief, target, **options)), [str(w.message) for w in caught]


def parse_only(data: bytes, source: str | None) -> tuple[bytes, list[str]]:
    """The request body as Brief JSON."""
    from .. import parse

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        brief = parse(data, format=source)
    return brief.to_json(indent=None).encode("utf-8"), [str(w.message) for w in caught]


def render_only(data: bytes, target: str, options: dict[str, Any]) -> tuple[bytes, list[str]]:
    """Brief JSON (validated here, off the event loop) rendered as ``target``."""
    from ..model import Brief
    from ..renderers import render

    brief = Brief.model_validate_json(data)
    return _encoded(render(brief, target, **options)), []


def check(data: bytes) -> tuple[int, list[dict[str, Any]]]:
    """Structure and link problems of a series (``{"briefs": [...]}``), as the ``briefkit
    check`` command reports them, briefs named by their position in the request."""
    from ..cli.check import structure_problems
    from ..linking import check_links
    from .schemas import CheckRequest

    briefs = CheckRequest.model_validate_json(data).briefs
    problems: list[dict[str, Any]] = []
    for index, brief in enumerate(briefs):
        for kind, message in structure_problems(brief):
            problems.append(
                {"kind": kind, "briefs": [index], "titles": [brief.title], "message": message}
            )
    problems += [p.model_dump(mode="json") for p in check_links(briefs)]
    return len(briefs), problems


#: The operations a worker runs, by name.
OPS: dict[str, Callable[..., Any]] = {
    "convert": convert,
    "parse": parse_only,
    "render": render_only,
    "check": check,
}


def warm_up() -> None:
    """Import every built-in parser and renderer and render a small brief in each format,
    so the first real request does not pay for imports, templates and font discovery."""
    from ..model import Brief
    from ..registry import renderers
    from ..renderers import render

    sample = Brief(title="warm-up")
    for name in ("html", "text", "markdown", "json", "docx", "pdf"):
        if name in renderers():
            with contextlib.suppress(BriefkitError):  # a broken renderer shows on use
                render(sample, name)


def main(conn: Connection, warm: bool = True) -> None:
    """A worker's life: warm up, say ready, then answer tasks until the pipe closes."""
    if warm:
        warm_up()
    conn.send(("ready", os.getpid()))
    while True:
        try:
            op, args = conn.recv()
        except (EOFError, OSError):
            return
        try:
            reply: tuple[str, Any] = ("ok", OPS[op](*args))
        except Exception as exc:  # every failure goes back as data, the worker lives on
            reply = ("error", describe(exc))
        try:
            conn.send(reply)
        except (BrokenPipeError, OSError):
            return
