"""``briefkit serve`` as a real process on a loopback port, for the server tests.

The server is started with ``--port 0``; its ``ready`` log line (JSON on stderr) gives the
address once every worker is warm. A thread keeps reading stderr, so the access log never
fills the pipe and the tests can read it. Every wait is bounded.
"""

from __future__ import annotations

import functools
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

__all__ = ["Server", "fresh_formats", "need_server_stack", "running_server", "wait_until"]

START_TIMEOUT = 180.0


def need_server_stack() -> None:
    """Skip (outside CI) or fail (in CI) when the serve extra or httpx is missing."""
    for module in ("fastapi", "uvicorn", "httpx"):
        try:
            __import__(module)
        except ImportError:
            if os.environ.get("CI"):
                pytest.fail(f"{module} is required in CI: pip install -e '.[test]'")
            pytest.skip(f"{module} is not installed (pip install -e '.[test]')")


@functools.cache
def fresh_formats() -> dict[str, list[str]]:
    """The formats a fresh process knows (built-ins and installed plugins), as the server
    sees them: this process may hold formats that tests registered on the fly."""
    code = (
        "import json, briefkit; print(json.dumps({'input': sorted(briefkit.input_formats()), "
        "'output': sorted(briefkit.output_formats())}))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    formats: dict[str, list[str]] = json.loads(done.stdout)
    return formats


class Server:
    """A running server: its URL, its process and the JSON lines it has logged."""

    def __init__(self, args: list[str]) -> None:
        command = [sys.executable, "-c", "from briefkit.cli import main; main()", "serve"]
        self.process = subprocess.Popen(
            [*command, "--port", "0", *args],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.lines: list[dict[str, Any]] = []
        self.raw: list[str] = []
        self._ready = threading.Event()
        self._lock = threading.Lock()
        self.url = ""
        threading.Thread(target=self._read, daemon=True).start()
        if not self._ready.wait(START_TIMEOUT) or not self.url:
            self.stop()
            pytest.fail(f"the server did not become ready:\n{''.join(self.raw[-20:])}")

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            with self._lock:
                self.raw.append(line)
                try:
                    data = json.loads(line)
                except ValueError:
                    continue
                self.lines.append(data)
            if data.get("event") == "ready":
                self.url = data["url"]
                self._ready.set()
        self._ready.set()

    def log(self, event: str) -> list[dict[str, Any]]:
        with self._lock:
            return [line for line in self.lines if line.get("event") == event]

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)


@contextmanager
def running_server(*args: str) -> Iterator[Server]:
    server = Server(list(args))
    try:
        yield server
    finally:
        server.stop()


def wait_until(check: Any, timeout: float = 30.0, interval: float = 0.02) -> Any:
    """Poll ``check()`` until it returns something truthy, at most ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(interval)
    pytest.fail(f"gave up after {timeout} s waiting for {getattr(check, '__name__', check)}")
