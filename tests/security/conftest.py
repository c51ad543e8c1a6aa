"""Fixtures for the security suite: a loopback server that counts every request, a secret
file whose content must appear nowhere, and the hostile corpus with both filled in."""

from __future__ import annotations

import os
import threading
import uuid
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest

from security.corpus import Hostile
from security.servers import Loopback, Secret, handler


@pytest.fixture(scope="session")
def _loopback_server() -> Iterator[Loopback]:
    state = Loopback()
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler(state))
    state.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    # A proxy setting must not divert loopback requests away from the counter.
    saved = {k: os.environ.get(k) for k in ("no_proxy", "NO_PROXY")}
    for key in saved:
        os.environ[key] = ",".join(filter(None, [saved[key], "127.0.0.1", "localhost"]))
    yield state
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value
    server.shutdown()
    server.server_close()


@pytest.fixture
def loopback(_loopback_server: Loopback) -> Loopback:
    """The counting loopback server, with its counter at zero."""
    _loopback_server.reset()
    return _loopback_server


@pytest.fixture(scope="session")
def secret(tmp_path_factory: pytest.TempPathFactory) -> Secret:
    """A local file no conversion may read: its text must appear in no output."""
    path = tmp_path_factory.mktemp("private") / "secret.txt"
    text = f"SECRET-CANARY-{uuid.uuid4().hex}"
    path.write_text(text + "\n", encoding="utf-8")
    return Secret(path, text)


@pytest.fixture
def hostile(loopback: Loopback, secret: Secret, tmp_path: Path) -> Hostile:
    """The hostile corpus with the loopback, secret and canary placeholders filled in."""
    return Hostile(
        folder=tmp_path / "hostile",
        values={
            "{{LOOPBACK}}": loopback.url,
            "{{LOOPBACK_HOST}}": loopback.url.removeprefix("http://"),
            "{{SECRET_URL}}": secret.url,
            "{{SECRET_PATH}}": str(secret.path),
            "{{CANARY_PATH}}": str(tmp_path / "canary-must-not-exist"),
        },
    )
