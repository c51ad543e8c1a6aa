"""Running a build's batches on any executor, and surviving workers that die.

A bundle sends its inputs to workers in batches, a bounded number in flight, and takes the
results as they finish. A process pool the build made itself is replaced when a worker
dies (killed by the OOM killer, a crash in a C library): the batches it took down are
retried input by input, so the other inputs of a batch still get done.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import (
    FIRST_COMPLETED,
    BrokenExecutor,
    Executor,
    Future,
    ProcessPoolExecutor,
    wait,
)
from itertools import islice
from typing import Any, ParamSpec, TypeVar

from ..errors import BriefkitError

__all__ = ["Pool", "failure_reason", "stream"]

P = ParamSpec("P")
T = TypeVar("T")
In = TypeVar("In")
Out = TypeVar("Out")


def failure_reason(exc: BaseException, path: str | None = None) -> str:
    """The error as one line, without the input's name in front (the failure carries it)."""
    if not isinstance(exc, BriefkitError):
        return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    text = str(exc)
    for sep in (": ", ", "):
        if path and text.startswith(path + sep):
            return text[len(path) + len(sep) :]
    return text


class _InlineExecutor(Executor):
    """Runs each task at once in this process (``jobs=1``): no pickling, easy to debug."""

    def submit(self, fn: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> Future[T]:
        future: Future[T] = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as exc:
            future.set_exception(exc)
        return future


class Pool:
    """The executor in use; a process pool we own is replaced when a worker dies.

    ``warm`` is ``(function, argument)``, run once in each worker process of a pool we own
    as it starts: the workers are started at once, so they import and warm up their
    renderers while the caller is still busy (finding and reading the inputs).
    """

    def __init__(
        self,
        executor: Executor | None,
        jobs: int,
        *,
        warm: tuple[Callable[[Any], object], Any] | None = None,
    ) -> None:
        self.jobs = jobs
        self.owned = executor is None
        self.warm = warm
        self.executor = executor or self._new()
        self.generation = 0

    def _new(self) -> Executor:
        if self.jobs == 1:
            return _InlineExecutor()
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("forkserver" if "forkserver" in methods else None)
        if self.warm is None:
            pool = ProcessPoolExecutor(max_workers=self.jobs, mp_context=context)
        else:
            pool = ProcessPoolExecutor(
                self.jobs, context, initializer=self.warm[0], initargs=(self.warm[1],)
            )
        for _ in range(self.jobs):  # each submit starts a worker while none is idle
            pool.submit(int)
        return pool

    def restart(self, generation: int) -> bool:
        """A fresh pool after a crash (once per crash); False if the executor is not ours."""
        if not self.owned:
            return False
        if generation == self.generation:
            self.executor.shutdown(wait=False, cancel_futures=True)
            self.executor = self._new()
            self.generation += 1
        return True

    def close(self) -> None:
        if self.owned:
            self.executor.shutdown(wait=True, cancel_futures=True)


def stream(
    pool: Pool,
    fn: Callable[[list[In]], list[Out]],
    items: Iterable[In],
    batch: int,
    fail: Callable[[In, str], Out],
) -> Iterator[Out]:
    """Results of ``fn`` over ``items``, sent in batches with a bounded number in flight,
    yielded as they finish. When a worker dies, the batches it took down are retried item
    by item in a fresh pool (twice at most), each retried item running alone, so a worker
    killed once costs only time and an input that kills every process it runs in fails on
    its own without taking innocent inputs down with it. A task that fails on an executor
    that is not ours is retried the same way on that executor. ``fn`` must report its
    items' own failures in its result, never raise for them."""
    source = iter(items)
    retry: deque[tuple[list[In], int]] = deque()
    pending: dict[Future[list[Out]], tuple[list[In], int, int]] = {}
    limit = max(2, 2 * pool.jobs)
    while True:
        while len(pending) < limit:
            alone = bool(retry)
            if alone and pending:
                break  # a retried input runs alone, so a crash names its culprit
            chunk, tries = retry.popleft() if alone else (list(islice(source, batch)), 0)
            if not chunk:
                break
            generation = pool.generation
            try:
                pending[pool.executor.submit(fn, chunk)] = (chunk, generation, tries)
            except BrokenExecutor as exc:
                if pool.restart(generation):
                    retry.appendleft((chunk, tries))
                else:
                    yield from (
                        fail(x, f"the executor is broken ({failure_reason(exc)})") for x in chunk
                    )
            if alone:
                break
        if not pending:
            return
        done, _ = wait(pending, return_when=FIRST_COMPLETED)
        for future in done:
            chunk, generation, tries = pending.pop(future)
            try:
                yield from future.result()
            except BrokenExecutor as exc:
                if tries < 2 and pool.restart(generation):
                    retry.extend(([x], tries + 1) for x in chunk)
                else:
                    yield from (
                        fail(x, f"worker process died ({failure_reason(exc)})") for x in chunk
                    )
            except Exception as exc:
                # The batch functions report every input's own failure in their result,
                # so a task that raises was lost by the executor (a dask worker that died
                # with it ends its future so): rerun its inputs one by one, twice at most.
                if tries < 2:
                    retry.extend(([x], tries + 1) for x in chunk)
                else:
                    yield from (fail(x, failure_reason(exc)) for x in chunk)
