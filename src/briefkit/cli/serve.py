"""``briefkit serve``: the HTTP server (the ``serve`` extra: FastAPI and uvicorn)."""

from __future__ import annotations

import click

from ._common import fail

__all__ = ["COMMANDS", "serve"]

_EPILOG = """\b
Examples:
  briefkit serve                               http://127.0.0.1:8000, a worker per CPU
  briefkit serve --port 9000 --workers 4 --queue 32
  curl --data-binary @brief.txt -H 'Accept: application/pdf' localhost:8000/convert -o b.pdf
  curl localhost:8000/formats                  every format, plugins included

\b
OpenAPI: /docs and /openapi.json. Logs are JSON lines on stderr (one per request).
"""


@click.command(epilog=_EPILOG, short_help="Serve conversions over HTTP.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--workers", type=click.IntRange(min=1), help="Render processes [default: CPUs].")
@click.option(
    "--queue",
    default=64,
    show_default=True,
    type=click.IntRange(min=0),
    help="Requests that may wait for a worker; more get 503 with Retry-After.",
)
@click.option(
    "--max-body",
    default=8 * 1024 * 1024,
    show_default=True,
    type=click.IntRange(min=1),
    help="Largest request body in bytes (413 beyond).",
)
@click.option(
    "--timeout",
    default=60.0,
    show_default=True,
    type=click.FloatRange(min=0.001),
    help="Seconds a request may take, waiting included (504 beyond).",
)
@click.option("--no-warm", is_flag=True, help="Do not render a sample in each worker at start.")
@click.option(
    "--log-level",
    default="info",
    show_default=True,
    type=click.Choice(["debug", "info", "warning", "error"]),
)
def serve(
    host: str,
    port: int,
    workers: int | None,
    queue: int,
    max_body: int,
    timeout: float,
    no_warm: bool,
    log_level: str,
) -> None:
    """Serve POST /convert, /parse, /render, /check and GET /formats, /health."""
    try:
        from briefkit.server import ServerSettings
        from briefkit.server import serve as run
    except ImportError as exc:
        fail(f"the server needs the serve extra: pip install 'briefkit[serve]' ({exc})")
    settings = ServerSettings(
        host=host,
        port=port,
        workers=workers or ServerSettings().workers,
        queue=queue,
        max_body=max_body,
        timeout=timeout,
        warm=not no_warm,
    )
    try:
        run(settings, log_level=log_level)
    except OSError as exc:
        fail(f"cannot listen on {host}:{port}: {exc.strerror or exc}")


COMMANDS = (serve,)
