"""The render stage of a build, in parts: the plan (manifest keys, what is up to date),
the render jobs, putting in place what comes back, the manifest as it stands, the series
PDF and the index page.

The parent keeps per brief only a small :class:`Entry` and a few numbers (the formats it
still needs and has, as bit masks, and their manifest keys); excerpts wait in a temporary
file (:class:`Excerpts`), a render job reads its input only when it is sent, and the index
page is streamed to disk, so a bundle of 10,000 briefs costs the parent little more memory
than one of 100. Everything a finished brief brings back goes through :func:`_put_done`,
the one place that writes a brief's files (more files per brief would be added there).
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

from ..fileio import atomic_write
from ..model import Brief
from ..tradecraft import Counts
from .images import gather
from .index import IndexEntry, write_index
from .manifest import MANIFEST, clean_parts, load_manifest, output_key, save_manifest, up_to_date
from .pool import Pool, failure_reason, stream
from .work import (
    BuildFailure,
    BuildProgress,
    Done,
    Job,
    Scanned,
    read_source,
    render_batch,
    render_series,
)

__all__ = ["SERIES_STEM", "Entry", "Excerpts", "Plan", "Results", "render_all"]

SERIES_STEM = "series"
#: Save the manifest (and flush outputs to disk) at least this often, in inputs.
_CHECKPOINT = 100


class Results(Protocol):
    """Where the render stage reports (a :class:`~briefkit.build.BuildResult`)."""

    written: list[Path]
    skipped: list[Path]
    failures: list[BuildFailure]


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
    flush: bool  # outputs skip their fsync; each manifest save flushes them all at once
    linted: bool = False
    spool: str | None = None  # where our own workers leave documents (see Job.spool)
    #: the output folder when the workers are this machine's (this process or our own):
    #: pages then refer to copies of their images there
    local: str | None = None

    def bit(self, fmt: str) -> int:
        return 1 << list(self.exts).index(fmt)

    def formats(self, mask: int) -> tuple[str, ...]:
        return tuple(fmt for i, fmt in enumerate(self.exts) if mask >> i & 1)

    def report(self, stage: str, done: int, total: int, item: str, ok: bool = True) -> None:
        self.notify(BuildProgress(stage, done, total, item, ok))


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
    lint: Counts | None
    scanned: Scanned | None  # until ordered
    images: tuple[tuple[str, int, int], ...] = ()  # relative figure images: src, mtime, size

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


class _Names:
    """The file names of a build's outputs (and ``extra`` ones), answered from the slugs and
    extensions: a set of every name would cost the parent as much again as the slugs."""

    def __init__(self, plan: Plan, slugs: list[str], extra: set[str]) -> None:
        self._slugs = set(slugs)
        self._exts = tuple(plan.exts.values())
        self._extra = extra

    def __contains__(self, name: object) -> bool:
        if not isinstance(name, str):
            return False
        if name in self._extra:
            return True
        return any(name.endswith(e) and name[: -len(e)] in self._slugs for e in self._exts)


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
    how many briefs need nothing rendered (reported as done)."""
    old = {} if plan.force else load_manifest(plan.out)
    clean_parts(plan.out, _Names(plan, slugs, {"index.html", MANIFEST, SERIES_STEM + ".pdf"}))
    outputs, done = Outputs(), 0
    for k, entry in enumerate(ordered):
        prev, nxt = _neighbours(ordered, slugs, k)
        where = os.path.abspath(entry.path)
        keys, need, have = [], 0, 0
        for fmt, ext in plan.exts.items():
            name = slugs[k] + ext
            images = (entry.images,) if entry.images else ()  # a changed image rebuilds it
            key = output_key(
                fmt, plan.options[fmt], where, entry.stamp, slugs[k], prev, nxt, *images
            )
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
            plan.report("render", done, len(ordered), entry.path)
    if plan.series_pdf and ordered:
        _plan_series(plan, ordered, slugs, outputs, old, skipped)
    return outputs, done


def _plan_series(
    plan: Plan,
    ordered: list[Entry],
    slugs: list[str],
    outputs: Outputs,
    old: dict[str, str],
    skipped: list[Path],
) -> None:
    """The series PDF's key (every brief, its neighbours and every output's key) and
    whether the file is up to date."""
    series = [(e.path, *_neighbours(ordered, slugs, k)) for k, e in enumerate(ordered)]
    every = {
        slug + ext: keys[i]
        for slug, keys in zip(slugs, outputs.keys, strict=True)
        for i, ext in enumerate(plan.exts.values())
    }
    outputs.series_key = output_key("series", plan.heading, series, every)
    path = plan.out / (SERIES_STEM + ".pdf")
    if old.get(path.name) == outputs.series_key and path.exists():
        skipped.append(path)
        outputs.series_done = True


def _jobs(
    plan: Plan, ordered: list[Entry], slugs: list[str], masks: array[int] | None
) -> Iterator[Job]:
    """Render jobs in series order: every brief (``masks`` None, for the series PDF), or
    those that still need a format, each reading its input only when it is about to go."""
    folders = [os.path.dirname(os.path.abspath(e.path)) for e in ordered]
    root = os.path.commonpath(folders) if folders else ""  # where copied images go from
    for k, entry in enumerate(ordered):
        formats = plan.formats(masks[k]) if masks is not None else ()
        if masks is not None and not formats:
            continue
        prev, nxt = _neighbours(ordered, slugs, k)
        source = read_source(entry.path)
        srcs = tuple(src for src, _, _ in entry.images)
        copy = plan.local if "html" in formats else None
        images = gather(srcs, entry.path, root, copy, durable=not plan.flush)
        prefix = Path(folders[k]).relative_to(root).as_posix() if root else ""
        yield Job(
            source,
            slugs[k],
            formats,
            prev,
            nxt,
            plan.options,
            plan.spool,
            images,
            prefix,
            plan.local,
        )


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
    """Render what is not up to date, put it in place as it comes back, then the index."""
    outputs, done = plan_outputs(plan, ordered, slugs, result.skipped)
    series_path = plan.out / (SERIES_STEM + ".pdf")
    series: Future[bytes | str] | None = None
    if plan.series_pdf and ordered and not outputs.series_done:
        every = list(_jobs(plan, ordered, slugs, None))
        series = pool.executor.submit(render_series, every, plan.heading, series_path.name)
        del every
    try:
        _render(pool, plan, ordered, slugs, outputs, result, done)
        if series is not None:
            try:
                _put(series_path, series.result(), durable=not plan.flush)
                outputs.series_done = True
                result.written.append(series_path)
            except Exception as exc:
                reason = failure_reason(exc)
                result.failures.append(BuildFailure(str(series_path), reason, "pdf"))
    finally:
        save_manifest(plan.out, manifest(plan, slugs, outputs), flush=plan.flush)
        # what workers that died in the middle of a task left behind
        clean_parts(plan.out, _Names(plan, slugs, {series_path.name}))
    _index(plan, ordered, slugs, outputs, excerpts, result)


def _put(dest: Path, document: bytes | str, *, durable: bool) -> None:
    """Put a document in place: its bytes written atomically, or a worker's temporary file
    (in the same folder) renamed over ``dest``."""
    if isinstance(document, bytes):
        atomic_write(dest, document, durable=durable)
        return
    if durable:
        fd = os.open(document, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    os.replace(document, dest)


def _render(
    pool: Pool,
    plan: Plan,
    ordered: list[Entry],
    slugs: list[str],
    outputs: Outputs,
    result: Results,
    done: int,
) -> None:
    """Send the jobs, put each brief's documents in place as they come back, and save the
    manifest every so often."""
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
        ok = _put_done(plan, slugs[k], finished, outputs, k, result)
        done += 1
        plan.report("render", done, len(ordered), finished.path, ok)
        if done % checkpoint == 0:
            save_manifest(plan.out, manifest(plan, slugs, outputs), flush=plan.flush)


def _put_done(
    plan: Plan, slug: str, finished: Done, outputs: Outputs, k: int, result: Results
) -> bool:
    """Put a finished brief's documents in place, mark them written, and report its
    failures; True when it had none."""
    failures = list(finished.failures)
    for fmt, document in finished.outputs:
        dest = plan.out / (slug + plan.exts[fmt])
        try:
            _put(dest, document, durable=not plan.flush)
        except OSError as exc:
            failures.append(BuildFailure(finished.path, failure_reason(exc, finished.path), fmt))
            continue
        outputs.have[k] |= plan.bit(fmt)
        result.written.append(dest)
    result.failures.extend(failures)
    return not failures


def _index(
    plan: Plan,
    ordered: list[Entry],
    slugs: list[str],
    outputs: Outputs,
    excerpts: Excerpts,
    result: Results,
) -> None:
    """Write the index page (streamed), or leave it be when it is unchanged."""

    def entries() -> Iterator[IndexEntry]:
        for k, entry in enumerate(ordered):
            links = [
                (fmt, slugs[k] + ext)
                for i, (fmt, ext) in enumerate(plan.exts.items())
                if outputs.have[k] >> i & 1
            ]
            excerpt = excerpts.get(entry.excerpt)
            yield IndexEntry(entry.title, entry.published, excerpt, links, entry.lint)

    series = plan.out / (SERIES_STEM + ".pdf")
    shown = series.name if plan.series_pdf and series.exists() else None
    index = plan.out / "index.html"
    linted = plan.linted and bool(ordered)
    if write_index(index, plan.heading, entries(), shown, linted=linted):
        result.written.append(index)
    else:
        result.skipped.append(index)
