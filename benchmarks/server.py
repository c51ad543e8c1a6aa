"""``briefkit serve`` under load, against ``briefkit convert`` run once per file.

The server runs as a real process on a loopback port with one worker per CPU. For HTML and
PDF, and for 1, 4 and 16 concurrent clients, a fixed number of ``POST /convert`` requests
(a seed-sized text brief each) is sent from threads sharing one keep-alive httpx client;
requests per second is requests over the wall time of the level, and p50/p99 are of each
request's latency. The same levels are then run with the command line: that many
``briefkit convert`` processes at a time, one per file, which is what a tool without the
server does. Every request must succeed; a failure is counted and reported, not timed.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from . import corpus

__all__ = ["LoadResult", "run_server"]


@dataclass(frozen=True)
class LoadResult:
    """One level: ``how`` (server or CLI), format, concurrency, and what it achieved."""

    how: str
    fmt: str
    clients: int
    requests: int
    per_s: float | None
    p50_ms: float | None
    p99_ms: float | None
    failures: int = 0
    error: str | None = None


def _percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(q * (len(ordered) - 1))))
    return ordered[k]


def _level(how: str, fmt: str, clients: int, count: int, call: Callable[[], bool]) -> LoadResult:
    latencies: list[float] = []
    failures = 0
    lock = threading.Lock()

    def one(_: int) -> None:
        nonlocal failures
        start = time.perf_counter()
        ok = call()
        elapsed = time.perf_counter() - start
        with lock:
            latencies.append(elapsed)
            failures += not ok

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        list(pool.map(one, range(count)))
    wall = time.perf_counter() - started
    return LoadResult(
        how,
        fmt,
        clients,
        count,
        count / wall,
        1000 * statistics.median(latencies),
        1000 * _percentile(latencies, 0.99),
        failures,
    )


def _start(workers: int) -> tuple[subprocess.Popen[str], str]:
    cli = shutil.which("briefkit", path=str(Path(sys.executable).parent)) or "briefkit"
    proc = subprocess.Popen(
        [cli, "serve", "--port", "0", "--workers", str(workers), "--queue", "64"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stderr is not None
    deadline = time.monotonic() + 180
    for line in proc.stderr:
        event = json.loads(line) if line.startswith("{") else {}
        if event.get("event") == "ready":
            threading.Thread(target=proc.stderr.read, daemon=True).start()
            return proc, str(event["url"])
        if time.monotonic() > deadline:
            break
    proc.kill()
    raise RuntimeError("the server did not start")


def run_server(
    workdir: Path,
    *,
    levels: Sequence[int] = (1, 4, 16),
    requests: dict[str, int] | None = None,
    cli_runs: dict[str, int] | None = None,
    workers: int | None = None,
    seed: int = 1,
    progress: Callable[[str], None] = lambda _: None,
) -> list[LoadResult]:
    """Server levels, then CLI levels, for HTML and PDF."""
    requests = requests or {"html": 96, "pdf": 32}
    cli_runs = cli_runs or {"html": 16, "pdf": 8}
    try:
        import httpx
    except ImportError:
        return [
            LoadResult("server", f, 0, 0, None, None, None, error="httpx missing") for f in requests
        ]
    folder = workdir / "server"
    folder.mkdir(parents=True, exist_ok=True)
    brief = folder / "seed.txt"
    brief.write_text(corpus.to_text(corpus.sized("seed", 1, seed)[0]), "utf-8")
    body = brief.read_bytes()
    results: list[LoadResult] = []
    try:
        proc, url = _start(workers or os.cpu_count() or 1)
    except (OSError, RuntimeError) as exc:
        return [LoadResult("server", f, 0, 0, None, None, None, error=str(exc)) for f in requests]
    try:
        with httpx.Client(base_url=url, timeout=300, trust_env=False) as client:
            for fmt, count in requests.items():

                def call(fmt: str = fmt) -> bool:
                    response = client.post(f"/convert?from=text&to={fmt}", content=body)
                    return response.status_code == 200

                call()  # warm: the first of each format in each worker
                for clients in levels:
                    progress(f"server: {fmt}, {clients} client(s), {count} requests")
                    results.append(_level("server", fmt, clients, count, call))
    finally:
        proc.terminate()
        proc.wait(60)
    cli = shutil.which("briefkit", path=str(Path(sys.executable).parent)) or "briefkit"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    counter = iter(range(10**9))
    lock = threading.Lock()
    for fmt, count in cli_runs.items():

        def convert(fmt: str = fmt) -> bool:
            with lock:
                n = next(counter)
            out = folder / f"out-{n}.{fmt}"
            done = subprocess.run(
                [cli, "convert", str(brief), "-o", str(out), "-q"], env=env, check=False
            )
            out.unlink(missing_ok=True)
            return done.returncode == 0

        for clients in levels:
            progress(f"cli: {fmt}, {clients} process(es) at a time, {count} files")
            results.append(_level("cli", fmt, clients, max(count, clients), convert))
    shutil.rmtree(folder, ignore_errors=True)
    return results
