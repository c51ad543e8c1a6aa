"""The render stage of a build, in parts: the plan (manifest keys, what is up to date),
the render jobs, putting in place what comes back, the manifest as it stands, the series
PDF and the index page.

The parent keeps per brief only its packed path, slug and record offset (the record
itself waits in the spool: :mod:`.series`) and a few numbers (the formats it still needs
and has, as bit masks, and their manifest keys); a render job reads its input only when it
is sent, and the index page is streamed to disk, so a bundle of 10,000 briefs costs the
parent little more memory than one of 100. Everything a finished brief brings back goes
through :func:`_put_done`, the one place that writes a brief's files (more files per brief
would be added there).
"""

from __future__ import annotations

import os
from array import array
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..fileio import atomic_write
from ..packed import DigestSet, sorted_positions
from .images import gather
from .index import IndexEntry, write_index
from .manifest import (
    KEY_BYTES,
    MANIFEST,
    clean_parts,
    load_manifest,
    output_key,
    save_manifest,
    up_to_date,
)
from .pool import Pool, failure_reason, stream
from .result import OutputNames
from .series import Series
from .work import (
    BuildFailure,
    BuildProgress,
    Done,
    Job,
    read_source,
    render_batch,
    render_series,
)

__all__ = ["SERIES_STEM", "Plan", "Results", "render_all"]

SERIES_STEM = "series"
#: Save the manifest (and flush outputs to disk) at least this often, in inputs.
_CHECKPOINT = 100


@dataclass
class Results:
    """Where the render stage reports: the names it wrote and found up to date (what the
    :class:`~briefkit.build.BuildResult`'s lists show) and its failures."""

    written: OutputNames
    skipped: OutputNames
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

    def path(self, name: str) -> str:
        """Where the output ``name`` goes, as a string (a Path per output would have
        pathlib intern every name for good)."""
        return os.path.join(self.out, name)

    def bit(self, fmt: str) -> int:
        return 1 << list(self.exts).index(fmt)

    def formats(self, mask: int) -> tuple[str, ...]:
        return tuple(fmt for i, fmt in enumerate(self.exts) if mask >> i & 1)

    def report(self, stage: str, done: int, total: int, item: str, ok: bool = True) -> None:
        self.notify(BuildProgress(stage, done, total, item, ok))


@dataclass
class Outputs:
    """Per brief (in series order): the manifest key of each format (packed digests) and,
    as bit masks over the formats, what still has to be rendered and what is written or up
    to date; the outputs in file-name order (as ``brief * formats + format``), the order
    the manifest lists them in."""

    formats: int
    keys: bytearray = field(default_factory=bytearray)
    need: array[int] = field(init=False)
    have: array[int] = field(init=False)
    by_name: array[int] = field(default_factory=lambda: array("q"))
    series_key: str | None = None
    series_done: bool = False

    def __post_init__(self) -> None:
        # the narrowest array whose items hold a bit per format
        code = next(c for c in "BHIQ" if 8 * array(c).itemsize >= self.formats)
        self.need, self.have = array(code), array(code)

    def key(self, k: int, i: int) -> str:
        """The manifest key of brief ``k``'s ``i``-th format."""
        start = (k * self.formats + i) * KEY_BYTES
        return self.keys[start : start + KEY_BYTES].hex()


class _Names:
    """The file names of a build's outputs (and ``extra`` ones), answered from the slugs and
    extensions: a set of every name would cost the parent as much again as the slugs.
    The slugs' digests are gathered only when a name is asked about (a leftover temporary
    file: usually none)."""

    def __init__(self, plan: Plan, slugs: Sequence[str], extra: set[str]) -> None:
        self._slugs = slugs
        self._set: DigestSet | None = None
        self._exts = tuple(plan.exts.values())
        self._extra = extra

    def __contains__(self, name: object) -> bool:
        if not isinstance(name, str):
            return False
        if name in self._extra:
            return True
        if self._set is None:
            self._set = DigestSet(self._slugs)
        slugs = self._set
        return any(name.endswith(e) and name[: -len(e)] in slugs for e in self._exts)


def _neighbours(
    ordered: Series, slugs: Sequence[str], k: int
) -> tuple[tuple[str, str] | None, tuple[str, str] | None]:
    prev = (ordered[k - 1].title, slugs[k - 1]) if k else None
    nxt = (ordered[k + 1].title, slugs[k + 1]) if k + 1 < len(ordered) else None
    return prev, nxt


def plan_outputs(
    plan: Plan, ordered: Series, slugs: Sequence[str], skipped: OutputNames
) -> tuple[Outputs, int]:
    """Each output's manifest key, and which are up to date (listed in ``skipped``); also
    how many briefs need nothing rendered (reported as done)."""
    old = {} if plan.force else load_manifest(plan.out)
    clean_parts(plan.out, _Names(plan, slugs, {"index.html", MANIFEST, SERIES_STEM + ".pdf"}))
    outputs, done = Outputs(len(plan.exts)), 0
    for k, entry in enumerate(ordered):
        prev, nxt = _neighbours(ordered, slugs, k)
        where = os.path.abspath(entry.path)
        need, have = 0, 0
        for i, (fmt, ext) in enumerate(plan.exts.items()):
            name = slugs[k] + ext
            images = (entry.images,) if entry.images else ()  # a changed image rebuilds it
            key = output_key(
                fmt, plan.options[fmt], where, entry.stamp, slugs[k], prev, nxt, *images
            )
            outputs.keys += bytes.fromhex(key)
            if old.get(name) == key and up_to_date(plan.path(name), entry.stamp[0]):
                skipped.add_output(k, i)
                have |= plan.bit(fmt)
            else:
                need |= plan.bit(fmt)
        outputs.need.append(need)
        outputs.have.append(have)
        if not need:
            done += 1
            plan.report("render", done, len(ordered), entry.path)
    exts = list(plan.exts.values())
    outputs.by_name = sorted_positions(len(ordered) * len(exts), lambda j: _name(slugs, exts, j))
    if plan.series_pdf and ordered:
        _plan_series(plan, ordered, slugs, outputs, old, skipped)
    return outputs, done


def _name(slugs: Sequence[str], exts: list[str], j: int) -> str:
    """The file name of output ``j`` (``brief * formats + format``)."""
    return slugs[j // len(exts)] + exts[j % len(exts)]


def _plan_series(
    plan: Plan,
    ordered: Series,
    slugs: Sequence[str],
    outputs: Outputs,
    old: dict[str, str],
    skipped: OutputNames,
) -> None:
    """The series PDF's key (every brief, its neighbours and every output's key) and
    whether the file is up to date."""
    series = [(e.path, *_neighbours(ordered, slugs, k)) for k, e in enumerate(ordered)]
    every = {
        slug + ext: outputs.key(k, i)
        for k, slug in enumerate(slugs)
        for i, ext in enumerate(plan.exts.values())
    }
    outputs.series_key = output_key("series", plan.heading, series, every)
    name = SERIES_STEM + ".pdf"
    if old.get(name) == outputs.series_key and os.path.exists(plan.path(name)):
        skipped.append(name)
        outputs.series_done = True


def _folder(path: str) -> str:
    return os.path.dirname(os.path.abspath(path))


def _jobs(
    plan: Plan,
    ordered: Series,
    slugs: Sequence[str],
    masks: array[int] | None,
    sent: dict[str, int] | None = None,
) -> Iterator[Job]:
    """Render jobs in series order: every brief (``masks`` None, for the series PDF), or
    those that still need a format, each reading its input only when it is about to go;
    ``sent`` records each job's position by input path until its result is taken."""
    # usually one folder: not a string per brief (and read from the paths, not the records)
    folders = {_folder(path) for path in ordered.paths()}
    root = os.path.commonpath(folders) if folders else ""  # where copied images go from
    del folders
    for k, entry in enumerate(ordered):
        formats = plan.formats(masks[k]) if masks is not None else ()
        if masks is not None and not formats:
            continue
        prev, nxt = _neighbours(ordered, slugs, k)
        source = read_source(entry.path)
        srcs = tuple(src for src, _, _ in entry.images)
        copy = plan.local if "html" in formats else None
        images = gather(srcs, entry.path, root, copy, durable=not plan.flush)
        prefix = Path(_folder(entry.path)).relative_to(root).as_posix() if root else ""
        if sent is not None:
            sent[entry.path] = k
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


def manifest(plan: Plan, slugs: Sequence[str], outputs: Outputs) -> Iterator[tuple[str, str]]:
    """The manifest as it stands, in file-name order: every output written or found up to
    date, with its key (read as the manifest is written, never gathered)."""
    exts = list(plan.exts.values())
    series = None
    if outputs.series_done and outputs.series_key is not None:
        series = (SERIES_STEM + ".pdf", outputs.series_key)
    for j in outputs.by_name:
        k, i = divmod(j, len(exts))
        if outputs.have[k] >> i & 1:
            name = slugs[k] + exts[i]
            if series is not None and series[0] < name:
                yield series
                series = None
            yield name, outputs.key(k, i)
    if series is not None:
        yield series


def render_all(
    pool: Pool,
    plan: Plan,
    ordered: Series,
    slugs: Sequence[str],
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
                _put(os.fspath(series_path), series.result(), durable=not plan.flush)
                outputs.series_done = True
                result.written.append(series_path.name)
            except Exception as exc:
                reason = failure_reason(exc)
                result.failures.append(BuildFailure(str(series_path), reason, "pdf"))
    finally:
        save_manifest(plan.out, manifest(plan, slugs, outputs), flush=plan.flush)
        # what workers that died in the middle of a task left behind
        clean_parts(plan.out, _Names(plan, slugs, {series_path.name}))
    _index(plan, ordered, slugs, outputs, result)


def _put(dest: str, document: bytes | str, *, durable: bool) -> None:
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
    ordered: Series,
    slugs: Sequence[str],
    outputs: Outputs,
    result: Results,
    done: int,
) -> None:
    """Send the jobs, put each brief's documents in place as they come back, and save the
    manifest every so often."""
    sent: dict[str, int] = {}  # the jobs in flight: input path -> position
    needed = sum(1 for need in outputs.need if need)
    # A PDF takes tens of milliseconds, HTML or text well under one: small batches keep
    # PDF work spread evenly, large ones keep the per-task overhead off the fast formats.
    most = 4 if "pdf" in plan.exts or "docx" in plan.exts else 32
    batch = max(1, min(most, needed // (pool.jobs * 8)))
    checkpoint = max(_CHECKPOINT, len(ordered) // 20)

    def failed(job: Job, why: str) -> Done:
        return Done(job.source.path, (), (BuildFailure(job.source.path, why),))

    jobs = _jobs(plan, ordered, slugs, outputs.need, sent)
    for finished in stream(pool, render_batch, jobs, batch, failed):
        k = sent.pop(finished.path)
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
        name = slug + plan.exts[fmt]
        try:
            _put(plan.path(name), document, durable=not plan.flush)
        except OSError as exc:
            failures.append(BuildFailure(finished.path, failure_reason(exc, finished.path), fmt))
            continue
        outputs.have[k] |= plan.bit(fmt)
        result.written.add_output(k, list(plan.exts).index(fmt))
    result.failures.extend(failures)
    return not failures


def _index(
    plan: Plan,
    ordered: Series,
    slugs: Sequence[str],
    outputs: Outputs,
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
            yield IndexEntry(entry.title, entry.published, entry.excerpt, links, entry.lint)

    series = plan.out / (SERIES_STEM + ".pdf")
    shown = series.name if plan.series_pdf and series.exists() else None
    index = plan.out / "index.html"
    linted = plan.linted and bool(ordered)
    if write_index(index, plan.heading, entries(), shown, linted=linted):
        result.written.append(index.name)
    else:
        result.skipped.append(index.name)
