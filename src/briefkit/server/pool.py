"""A bounded pool of worker processes that the event loop hands tasks to.

Each worker runs one task at a time (:mod:`.worker`), so the server knows which process
holds which request: a task past its deadline is ended by killing that process, and a worker
that dies (the OOM killer, a crash in a native library, ``kill -9``) fails only the request
it was running. Either way a fresh worker takes its place. Requests that find every worker
busy wait in a queue of bounded length; one more is refused at once with
:class:`Overloaded`, so a flood of requests costs memory for the queue, not without end.

The blocking pipe calls run in threads, one per busy worker; the event loop only awaits
them. A request whose client goes away leaves its task to finish in its thread, which then
hands the worker back, so no worker is ever returned while it is still busy.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import math
import multiprocessing
import os
import signal
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from . import worker as worker_module

__all__ = ["Overloaded", "TaskFailed", "TimedOut", "WorkerDied", "WorkerPool"]

log = logging.getLogger("briefkit.server")

#: How long a new worker may take to import and warm up before it counts as broken.
_START_TIMEOUT = 120.0


class Overloaded(Exception):
    """Every worker is busy and the queue is full; ``retry_after`` is a guess in seconds."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(f"every worker is busy and {retry_after} s is a fair wait")
        self.retry_after = retry_after


class TimedOut(Exception):
    """The task did not finish before the request's deadline (its worker was killed)."""


class WorkerDied(Exception):
    """The worker process running the task died before it answered."""


class TaskFailed(Exception):
    """The task raised: ``details`` describes the library error (see :func:`.worker.describe`)."""

    def __init__(self, details: dict[str, Any]) -> None:
        super().__init__(details.get("detail", "task failed"))
        self.details = details


def _preload() -> list[str]:
    """The worker module and the modules of briefkit's own parsers and renderers."""
    from ..registry import parsers, renderers

    targets = [i.target for i in (*parsers().values(), *renderers().values())]
    modules = {t.partition(":")[0] for t in targets if isinstance(t, str)}
    return [worker_module.__name__, *sorted(m for m in modules if m.startswith("briefkit."))]


def _context() -> Any:
    """forkserver where there is one: a new worker forks from a process that has imported
    the parsers and renderers already, so replacing a killed worker is quick."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(_preload())
        return ctx
    return multiprocessing.get_context("spawn")


class _Worker:
    """One worker process and the parent's end of its pipe."""

    def __init__(self, ctx: Any, warm: bool) -> None:
        parent, child = ctx.Pipe()
        self.process = ctx.Process(
            target=worker_module.main, args=(child, warm), name="briefkit-worker", daemon=True
        )
        self.process.start()
        child.close()
        self.conn: Connection = parent
        self.busy_since: float | None = None
        self.tasks = 0

    @property
    def pid(self) -> int:
        return int(self.process.pid or 0)

    def wait_ready(self, timeout: float) -> None:
        if not self.conn.poll(timeout):
            raise TimedOut(f"worker {self.pid} did not start within {timeout:.0f} s")
        message = self.conn.recv()
        if message[0] != "ready":
            raise WorkerDied(f"worker {self.pid} sent {message[0]!r} instead of ready")

    def alive(self) -> bool:
        """True unless the process has ended (an idle worker's pipe stays silent)."""
        return self.process.is_alive() and not self.conn.poll()

    def call(self, op: str, args: tuple[Any, ...], timeout: float) -> Any:
        """Run one task; raises TimedOut, WorkerDied or TaskFailed."""
        try:
            self.conn.send((op, args))
            if not self.conn.poll(max(timeout, 0.0)):
                raise TimedOut(f"the task took longer than its {timeout:.1f} s limit")
            status, value = self.conn.recv()
        except (EOFError, OSError) as exc:
            raise WorkerDied(f"worker process {self.pid} died ({type(exc).__name__})") from None
        if status == "error":
            raise TaskFailed(value)
        return value

    def kill(self) -> None:
        with contextlib.suppress(ProcessLookupError, OSError):
            os.kill(self.pid, signal.SIGKILL)
        self.process.join(5)
        self.conn.close()


@dataclass(frozen=True)
class WorkerInfo:
    pid: int
    busy: bool
    tasks: int


class WorkerPool:
    """``size`` worker processes, at most ``queue`` requests waiting for one."""

    def __init__(self, size: int, queue: int, *, warm: bool = True) -> None:
        self.size = max(1, size)
        self.queue = max(0, queue)
        self.warm = warm
        self._ctx = _context()
        self._workers: list[_Worker] = []
        self._idle: asyncio.Queue[_Worker] = asyncio.Queue()
        self._waiting = 0
        self._lock = threading.Lock()
        self._threads = ThreadPoolExecutor(self.size * 2 + 1, thread_name_prefix="briefkit-pool")
        self._loop: asyncio.AbstractEventLoop | None = None
        self._closed = False
        self._task_seconds = 0.5  # a running average, for Retry-After
        self.restarts = 0

    async def start(self) -> None:
        """Start every worker and wait until each is warm."""
        self._loop = asyncio.get_running_loop()
        started = await asyncio.gather(
            *(self._loop.run_in_executor(self._threads, self._spawn) for _ in range(self.size))
        )
        for item in started:
            self._adopt(item)

    def _spawn(self) -> _Worker:
        new = _Worker(self._ctx, self.warm)
        try:
            new.wait_ready(_START_TIMEOUT)
        except BaseException:
            new.kill()
            raise
        return new

    def _adopt(self, item: _Worker) -> None:
        """A ready worker joins the pool and the idle queue in one step (on the loop), so
        a worker that ``/health`` lists is also one a request can have."""
        if self._closed:
            item.kill()
            return
        with self._lock:
            self._workers.append(item)
        self._idle.put_nowait(item)

    def _retire(self, dead: _Worker) -> None:
        """Take a dead (or to be killed) worker out of the pool at once, so ``/health``
        stops counting it, and have a pool thread kill it and start its replacement."""
        with self._lock:
            if dead in self._workers:
                self._workers.remove(dead)
            self.restarts += 1
        self._threads.submit(self._respawn, dead)

    def _respawn(self, dead: _Worker) -> None:
        """Replace a killed or dead worker (in a pool thread), retrying a few times."""
        dead.kill()
        log.warning(json.dumps({"event": "worker-replaced", "pid": dead.pid}))
        for attempt in range(3):
            if self._closed:
                return
            try:
                fresh = self._spawn()
            except Exception as exc:
                log.error("worker start failed (attempt %d): %s", attempt + 1, exc)
                time.sleep(1 + attempt)
                continue
            if self._loop is not None:
                self._loop.call_soon_threadsafe(self._adopt, fresh)
            return
        log.error("no worker could be started: the pool now has %d", len(self._workers))

    def _give_back(self, item: _Worker) -> None:
        item.busy_since = None
        if self._loop is not None and not self._closed:
            self._loop.call_soon_threadsafe(self._idle.put_nowait, item)

    def retry_after(self) -> int:
        """Seconds until a place is likely free: the queue's work spread over the workers."""
        work = self._task_seconds * (self._waiting + self.size) / self.size
        return max(1, min(60, math.ceil(work)))

    async def run(self, op: str, *args: Any, timeout: float) -> Any:
        """Run ``op`` on a worker within ``timeout`` seconds (waiting included)."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        if self._idle.empty() and self._waiting >= self.queue:
            raise Overloaded(self.retry_after())
        self._waiting += 1
        try:
            item = await self._acquire(timeout)
        finally:
            self._waiting -= 1
        item.busy_since = time.monotonic()
        remaining = deadline - loop.time()
        future = loop.run_in_executor(self._threads, self._run_on, item, op, args, remaining)
        return await asyncio.shield(future)

    async def _acquire(self, timeout: float) -> _Worker:
        """The next idle worker. Written out rather than ``wait_for(queue.get())``, which
        can drop the worker it got when the timeout or a cancellation hits at that moment."""
        started = asyncio.get_running_loop().time()
        getter = asyncio.ensure_future(self._idle.get())
        try:
            done, _ = await asyncio.wait({getter}, timeout=max(0.0, timeout))
        except asyncio.CancelledError:  # the client went away while waiting
            self._abandon(getter)
            raise
        if not done:
            self._abandon(getter)
            raise TimedOut(f"no worker was free within the {timeout:.1f} s limit")
        item = getter.result()
        if item.alive():
            return item
        # It died while idle (nothing of a request was lost): replace it, take another.
        self._retire(item)
        loop = asyncio.get_running_loop()
        return await self._acquire(max(0.0, timeout - (loop.time() - started)))

    def _abandon(self, getter: asyncio.Future[_Worker]) -> None:
        if not getter.done():
            getter.cancel()  # a cancelled Queue.get leaves the item in the queue
        elif not getter.cancelled() and getter.exception() is None:
            self._idle.put_nowait(getter.result())

    def _run_on(self, item: _Worker, op: str, args: tuple[Any, ...], timeout: float) -> Any:
        started = time.monotonic()
        try:
            result = item.call(op, args, timeout)
        except (TimedOut, WorkerDied):
            self._retire(item)
            raise
        except TaskFailed:
            item.tasks += 1
            self._give_back(item)
            raise
        item.tasks += 1
        elapsed = time.monotonic() - started
        self._task_seconds = 0.8 * self._task_seconds + 0.2 * elapsed
        self._give_back(item)
        return result

    def workers(self) -> list[WorkerInfo]:
        with self._lock:
            workers = list(self._workers)
        return [WorkerInfo(w.pid, w.busy_since is not None, w.tasks) for w in workers]

    @property
    def waiting(self) -> int:
        return self._waiting

    async def close(self) -> None:
        """Stop every worker (closing its pipe ends its loop; stragglers are killed)."""
        self._closed = True
        with self._lock:
            workers = list(self._workers)
            self._workers.clear()
        for item in workers:
            item.conn.close()
        for item in workers:
            item.process.join(2)
            if item.process.is_alive():
                item.kill()
        self._threads.shutdown(wait=False, cancel_futures=True)
