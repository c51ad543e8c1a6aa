"""``briefkit serve``: briefkit over HTTP, for tools that cannot import it.

``POST /convert`` takes any input format and answers in any output format (every format in
the registry, plugins' included), ``POST /parse`` answers with the Brief as JSON,
``POST /render`` renders Brief JSON, ``POST /check`` checks a series, ``GET /formats`` and
``GET /health`` describe the server, and ``/docs`` is its OpenAPI description. Parsing and
rendering run in a bounded pool of worker processes (:mod:`.pool`), never on the event
loop; errors are RFC 9457 problem documents (:mod:`.problems`).

Needs the ``serve`` extra (``pip install 'briefkit[serve]'``: FastAPI and uvicorn).
"""

from __future__ import annotations

from .app import create_app
from .run import serve
from .settings import ServerSettings

__all__ = ["ServerSettings", "create_app", "serve"]
