"""The render stage of a build, in parts: the plan (manifest keys, what is up to date), the
render jobs and the writing of what comes back, the series PDF, and the index page.

The parent keeps per brief only a small :class:`Entry` and a few numbers (the formats it
still needs and has, as bit masks, and their manifest keys); excerpts wait in a temporary
file (:class:`Excerpts`), render jobs read their input only when they are sent, and the
index page is streamed to disk. So a bundle of 10,000 briefs costs the parent little more
memory than one of 100.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from array import array
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from ._build_index import IndexEntry, write_index
from ._build_manifest import (
    MANIFEST,
    clean_parts,
    load_manifest,
    output_key,
    save_manifest,
    up_to_date,
)
from ._build_pool import Pool, reason, stream
from ._build_work import (
    BuildFailure,
    BuildProgress,
    Done,
    Job,
    Scanned,
    read_source,
    render_batch,
    render_series,
)
from .fileio import atomic_write
from .model import Brief

__all__ = ["SERIES_STEM", "Entry", "Excerpts", "Plan", "Results", "render_all"]

SERIES_STEM = "series"
#: Save the manifest (and flush outputs to disk) at least this often, in inputs.
_CHECKPOINT = 100


@dataclass(frozen=True)
class Plan:
    """The settings of one build, shared by its steps."""

    out: Path
    exts: dict[str, str]  # format -> file extension, in the order asked for
    options: dict[str, dict[str, Any]]
    force: bool
    series_pdf: bool
    heading: str
    notify: Callable[[BuildProgress], None]
    flush: bool  # outputs skip their fsync; the manifest save flushes them all at once

    def bit(self, fmt: str) -> int:
        return 1 << list(self.exts).index(fmt)

    def formats(self, mask: int) -> tuple[str, ...]:
        return tuple(fmt for i, fmt in enumerate(self.exts) if mask >> i & 1)


class Results(Protocol):
    """Where the render stage reports (a :class:`~briefkit.BuildResult`)."""

    written: list[Path]
    skipped: list[Path]
    failures: list[BuildFailure]


class Excerpts:
    """Excerpts for the index page, kept in a temporary file until the page is written."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile()  # noqa: SIM115 (closed by close())
        self._spans = array("q")

    def add(self, text: str) -> int:
        data = text.encode("utf-8")
        self._file.seek(0, os.SEEK_END)
        self._spans.extend((self._file.tell(), len(data)))
        self._file.write(data)
        return len(self._spans) // 2 - 1

    def get(self, index: int) -> str:
        start, size = self._spans[2 * index], self._spans[2 * index + 1]
        self._file.seek(start)
        return self._file.read(size).decode("utf-8")

    def close(self) -> None:
        self._file.close()


@dataclass(slots=True)
class Entry:
    """What the parent keeps of a brief; the scan record goes once the brief is ordered."""

    path: str
    title: str
    published: dt.date | dt.datetime | None
    stamp: tuple[int, int]
    excerpt: int  # in Excerpts
    slug: str | None  # the brief's own
    scanned: Scanned | None  # until ordered

    def stub(self) -> Brief:
        """The scan record as a stub Brief for the linking functions, and the record gone."""
        assert self.scanned is not None
        stub, self.scanned = self.scanned.stub(), None
        return stub


@dataclass
class Outputs:
    """Per brief (in series order): the manifest key of each format and, as bit masks over
    the formats, what still has to be rendered and what is written or up to date."""

    keys: list[tuple[str, ...]] = field(default_factory=list)
    need: array[int] = field(default_factory=lambda: array("q"))
    have: array[int] = field(default_factory=lambda: array("q"))
    series_key: str | None = None
    series_done: bool = False


def _neighbours(
    ordered: list[Entry], slugs: list[str], k: int
) -> tuple[tuple[str, str] | None, tuple[str, str] | None]:
    prev = (ordered[k - 1].title, slugs[k - 1]) if k else None
    nxt = (ordered[k + 1].title, slugs[k + 1]) if k + 1 < len(ordered) else None
    return prev, nxt


def plan_outputs(
    plan: Plan, ordered: list[Entry], slugs: list[str], skipped: list[Path]
) -> tuple[Outputs, int]:
    """Each output's manifest key, and which are up to date (listed in ``skipped``); also
    how many briefs need nothing rendered."""
    old = {} if plan.force else load_manifest(plan.out)
    clean_parts(
        plan.out,
        {slug + ext for slug in slugs for ext in plan.exts.values()}
        | {"index.html", MANIFEST, SERIES_STEM + ".pdf"},
    )
    outputs, done = Outputs(), 0
    for k, entry in enumerate(ordered):
        prev, nxt = _neighbours(ordered, slugs, k)
        where = os.path.abspath(entry.path)
        keys, need, have = [], 0, 0
        for fmt, ext in plan.exts.items():
            name = slugs[k] + ext
            key = output_key(fmt, plan.options[fmt], where, entry.stamp, slugs[k], prev, nxt)
            keys.append(key)
            if old.get(name) == key and up_to_date(plan.out / name, entry.stamp[0]):
                skipped.append(plan.out / name)
                have |= plan.bit(fmt)
            else:
                need |= plan.bit(fmt)
        outputs.keys.append(tuple(keys))
        outputs.need.append(need)
        outputs.have.append(have)
        if not need:
            done += 1
            plan.notify(BuildProgress("render", done, len(ordered), entry.path, True))
    if plan.series_pdf and ordered:
        series = [(e.path, *_neighbours(ordered, slugs, k)) for k, e in enumerate(ordered)]
        outputs.series_key = output_key("series", plan.heading, series, outputs.keys)
        path = plan.out / (SERIES_STEM + ".pdf")
        if old.get(path.name) == outputs.series_key and path.exists():
            skipped.append(path)
            outputs.series_done = True
    return outputs, done


def _jobs(
    plan: Plan, ordered: list[Entry], slugs: list[str], masks: array[int] | None
) -> Iterator[Job]:
    """Render jobs in series order: every brief (``masks`` None, for the series PDF), or
    those that still need a format, each reading its input only when it is about to go."""
    for k, entry in enumerate(ordered):
        formats = plan.formats(masks[k]) if masks is not None else ()
        if masks is not None and not formats:
            continue
        prev, nxt = _neighbours(ordered, slugs, k)
        yield Job(read_source(entry.path), slugs[k], formats, prev, nxt, plan.options)


def manifest(plan: Plan, slugs: list[str], outputs: Outputs) -> dict[str, str]:
    """The manifest as it stands: every output written or found up to date, with its key."""
    recorded = {
        slug + ext: keys[i]
        for slug, keys, have in zip(slugs, outputs.keys, outputs.have, strict=True)
        for i, ext in enumerate(plan.exts.values())
        if have >> i & 1
    }
    if outputs.series_done and outputs.series_key is not None:
        recorded[SERIES_STEM + ".pdf"] = outputs.series_key
    return recorded


def render_all(
    pool: Pool,
    plan: Plan,
    ordered: list[Entry],
    slugs: list[str],
    excerpts: Excerpts,
    result: Results,
) -> None:
    """Render what is not up to date, write it as it comes back, then the index page."""
    outputs, done = plan_outputs(plan, ordered, slugs, result.skipped)
    series_path = plan.out / (SERIES_STEM + ".pdf")
    series: Future[bytes] | None = None
    if plan.series_pdf and ordered and not outputs.series_done:
        every = list(_jobs(plan, ordered, slugs, None))
        series = pool.executor.submit(render_series, every, plan.heading)
        del every
    try:
        _write_renders(pool, plan, ordered, slugs, outputs, result, done)
        if series is not None:
            try:
                atomic_write(series_path, series.result(), durable=not plan.flush)
                outputs.series_done = True
                result.written.append(series_path)
            except Exception as exc:
                result.failures.append(BuildFailure(str(series_path), reason(exc), "pdf"))
    finally:
        save_manifest(plan.out, manifest(plan, slugs, outputs), flush=plan.flush)
    _write_index(plan, ordered, slugs, outputs, excerpts, result)


def _write_renders(
    pool: Pool,
    plan: Plan,
    ordered: list[Entry],
    slugs: list[str],
    outputs: Outputs,
    result: Results,
    done: int,
) -> None:
    position = {e.path: k for k, e in enumerate(ordered) if outputs.need[k]}
    # A PDF takes tens of milliseconds, HTML or text well under one: small batches keep
    # PDF work spread evenly, large ones keep the per-task overhead off the fast formats.
    most = 4 if "pdf" in plan.exts or "docx" in plan.exts else 32
    batch = max(1, min(most, len(position) // (pool.jobs * 8)))
    checkpoint = max(_CHECKPOINT, len(ordered) // 20)

    def failed(job: Job, why: str) -> Done:
        return Done(job.source.path, (), (BuildFailure(job.source.path, why),))

    jobs = _jobs(plan, ordered, slugs, outputs.need)
    for finished in stream(pool, render_batch, jobs, batch, failed):
        k = position[finished.path]
        failures = list(finished.failures)
        for fmt, data in finished.outputs:
            dest = plan.out / (slugs[k] + plan.exts[fmt])
            try:
                atomic_write(dest, data, durable=not plan.flush)
            except OSError as exc:
                failures.append(BuildFailure(finished.path, reason(exc, finished.path), fmt))
                continue
            outputs.have[k] |= plan.bit(fmt)
            result.written.append(dest)
        result.failures.extend(failures)
        done += 1
        plan.notify(BuildProgress("render", done, len(ordered), finished.path, not failures))
        if done % checkpoint == 0:
            save_manifest(plan.out, manifest(plan, slugs, outputs), flush=plan.flush)


def _write_index(
    plan: Plan,
    ordered: list[Entry],
    slugs: list[str],
    outputs: Outputs,
    excerpts: Excerpts,
    result: Results,
) -> None:
    def entries() -> Iterator[IndexEntry]:
        for k, entry in enumerate(ordered):
            links = [
                (fmt, slugs[k] + ext)
                for i, (fmt, ext) in enumerate(plan.exts.items())
                if outputs.have[k] >> i & 1
            ]
            yield IndexEntry(entry.title, entry.published, excerpts.get(entry.excerpt), links)

    series = plan.out / (SERIES_STEM + ".pdf")
    shown = series.name if plan.series_pdf and series.exists() else None
    index = plan.out / "index.html"
    if write_index(index, plan.heading, entries(), shown):
        result.written.append(index)
    else:
        result.skipped.append(index)
