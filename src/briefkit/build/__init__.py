"""Bundles: many briefs parsed, ordered, linked and rendered into one folder.

The parent process never holds a rendered document or a full brief: workers parse the inputs
and send back a stub (metadata and pointers, no sections); the parent orders the stubs, then
workers parse again and write each output themselves. Memory in the parent therefore grows
only by a small record per brief, and any :class:`concurrent.futures.Executor` (a process
pool, a ``dask.distributed`` client's executor, Ray's) can do the work, provided the workers
see the same file system. Every file is written atomically, so killing a build leaves old or
new files, never half ones; a manifest lets a rerun skip what is already up to date.

This module holds the public API and the steps of a build; the work done in worker
processes, the executor handling, the manifest and the index page live in private modules
next to it.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import Executor, Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import FormatError
from ..linking import LinkProblem, chain_from_links, order_indices, unique_slugs
from ..registry import get_renderer, parser_for_extension
from ..tradecraft import SCALES, Counts
from .index import write_index
from .manifest import MANIFEST as MANIFEST  # re-exported: the manifest's file name
from .manifest import (
    can_defer_sync,
    clean_parts,
    load_manifest,
    output_key,
    save_manifest,
    up_to_date,
)
from .pool import Pool, failure_reason, stream
from .work import BuildFailure, Done, Job, Scanned, render_batch, render_series, scan_batch

__all__ = ["BuildFailure", "BuildProgress", "BuildResult", "build_bundle", "collect_inputs"]

SERIES_STEM = "series"
ORDERS = ("auto", "given", "name", "published", "title", "links")
#: Save the manifest (and flush outputs to disk) after this many inputs.
_CHECKPOINT = 100


@dataclass(frozen=True)
class BuildProgress:
    """A step of a build: ``stage`` is scan or render; ``item`` the input just done."""

    stage: str
    done: int
    total: int
    item: str | None = None
    ok: bool = True


@dataclass
class BuildResult:
    """What a build did: files written, files already up to date, failures and the link
    problems met while ordering, plus the series order of the inputs."""

    outdir: Path
    written: list[Path] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)
    failures: list[BuildFailure] = field(default_factory=list)
    problems: list[LinkProblem] = field(default_factory=list)
    order: list[Path] = field(default_factory=list)
    lint: dict[Path, Counts] = field(default_factory=dict)
    """With ``lint``: each brief's tradecraft findings by severity, in series order."""

    @property
    def ok(self) -> bool:
        """True when every input and every output succeeded."""
        return not self.failures


# --- inputs and order -------------------------------------------------------------------


def _natural(path: Path) -> list[str | int]:
    # isdecimal, not isdigit: "²" is a digit that int() refuses
    return [int(p) if p.isdecimal() else p.casefold() for p in re.split(r"(\d+)", str(path))]


def collect_inputs(
    inputs: Iterable[str | os.PathLike[str]], outdir: Path | None = None
) -> tuple[list[Path], list[BuildFailure]]:
    """Files as given, folders as every file inside whose extension a parser claims
    (hidden files and anything under ``outdir`` left out), in natural name order,
    duplicates dropped; missing paths come back as failures.

    A folder is published, not what it links to: a symbolic link inside it that leads out
    of it is not followed (a failure says so); name such a file itself to include it.
    """
    files: list[Path] = []
    failures: list[BuildFailure] = []
    seen: set[Path] = set()
    out_resolved = outdir.resolve() if outdir is not None else None
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            root = path.resolve()
            found = []
            for p in path.rglob("*"):
                if (
                    not p.is_file()
                    or any(part.startswith(".") for part in p.relative_to(path).parts)
                    or parser_for_extension(p.suffix) is None
                ):
                    continue
                target = p.resolve()
                if root not in target.parents:
                    reason = "a link to a file outside the folder: not followed"
                    failures.append(BuildFailure(str(p), reason))
                elif out_resolved is None or out_resolved not in target.parents:
                    found.append(p)
            candidates = sorted(found, key=_natural)
        elif path.is_file():
            candidates = [path]
        else:
            failures.append(BuildFailure(str(path), "no such file or folder"))
            continue
        for p in candidates:
            if p.resolve() not in seen:
                seen.add(p.resolve())
                files.append(p)
    return files, failures


def _scan(
    pool: Pool,
    files: list[Path],
    batch: int,
    notify: Callable[[BuildProgress], None],
    lint: str | None = None,
) -> tuple[list[Scanned], list[BuildFailure]]:
    slots: dict[str, int] = {str(p): i for i, p in enumerate(files)}
    scanned: list[Scanned | None] = [None] * len(files)
    failures: list[BuildFailure] = []
    scan = functools.partial(scan_batch, lint=lint) if lint else scan_batch
    results = stream(pool, scan, [str(p) for p in files], batch, BuildFailure)
    for done, item in enumerate(results, 1):
        if isinstance(item, Scanned):
            scanned[slots[item.path]] = item
        else:
            failures.append(item)
        notify(BuildProgress("scan", done, len(files), item.path, isinstance(item, Scanned)))
    return [s for s in scanned if s is not None], failures


def _order(scanned: list[Scanned], order: str, result: BuildResult) -> list[Scanned]:
    """Series order: by the briefs' own links when any has one, else by date, else by name
    (``auto``), or as asked."""
    stubs = [s.stub for s in scanned]
    if order == "auto":
        if any(b.prev or b.next for b in stubs):
            order = "links"
        else:
            order = "published" if any(b.published for b in stubs) else "name"
    if order == "links":
        chains = chain_from_links(stubs)
        result.problems.extend(chains.problems)
        positions = chains.order
    elif order == "name":
        positions = sorted(range(len(scanned)), key=lambda i: _natural(Path(scanned[i].path)))
    else:
        positions = order_indices(stubs, order)
    return [scanned[i] for i in positions]


# --- the build --------------------------------------------------------------------------


def build_bundle(
    inputs: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    outdir: str | os.PathLike[str],
    *,
    formats: Sequence[str] = ("html", "docx", "pdf"),
    order: str = "auto",
    executor: Executor | None = None,
    jobs: int | None = None,
    series_pdf: bool = False,
    force: bool = False,
    title: str | None = None,
    options: Mapping[str, Mapping[str, Any]] | None = None,
    progress: Callable[[BuildProgress], None] | None = None,
    lint: str | None = None,
) -> BuildResult:
    """Parse, order, link and render briefs into ``outdir``: ``<slug>.<ext>`` per format,
    prev/next pointing at the sibling file of the same format, an ``index.html`` and, with
    ``series_pdf``, ``series.pdf``.

    ``inputs`` are files and folders (searched recursively for every format a parser
    knows). ``order`` is ``auto`` (own links, else dates, else file names), ``given``,
    ``name``, ``published``, ``title`` or ``links``. ``options`` holds renderer options by
    format (``{"pdf": {"page_size": "Letter"}}``). Work runs on ``executor`` if given (it
    is left open), else on ``jobs`` processes (default: CPU count; 1 runs in this process);
    ``jobs`` also sizes the batches sent to an executor. Outputs whose input, neighbours,
    options and briefkit version are unchanged are skipped unless ``force``. Bad inputs are
    reported in the result's ``failures``, never raised; a bad argument (unknown format or
    order) raises :class:`~briefkit.BriefkitError`.

    On our own processes the outputs skip their fsync and are flushed to disk together
    before each save of the manifest (every 100 inputs and at the end); an executor's
    workers may run on other machines, where that flush cannot reach, so with ``executor``
    every output is synced as it is written.

    ``lint`` names a yardstick (``icd203``, ``phia``, ``kent``): each brief is also checked
    with :func:`briefkit.tradecraft.check`, the counts land in the result's ``lint`` and on
    the index page. Findings never fail a build; ``briefkit lint`` lists them.
    """
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]
    if order not in ORDERS:
        raise FormatError(f"unknown order {order!r}: expected one of {', '.join(ORDERS)}")
    if lint is not None and lint not in SCALES:
        raise FormatError(f"unknown scale {lint!r}: expected one of {', '.join(SCALES)}")
    formats = tuple(dict.fromkeys(formats))
    if not formats:
        raise FormatError("no output format asked for")
    out = Path(outdir)
    plan = _Plan(
        out=out,
        exts={fmt: get_renderer(fmt).extension for fmt in formats},
        options={fmt: dict((options or {}).get(fmt, {})) for fmt in formats},
        force=force,
        series_pdf=series_pdf,
        heading=title or out.resolve().name or "Briefs",
        notify=progress or (lambda _: None),
        durable=executor is not None or not can_defer_sync(),
    )
    jobs = max(1, jobs or os.cpu_count() or 1)
    out.mkdir(parents=True, exist_ok=True)
    result = BuildResult(out)
    files, result.failures = collect_inputs(inputs, out)
    pool = Pool(executor, jobs)
    try:
        batch = max(1, min(32, len(files) // (jobs * 4)))
        scanned, failures = _scan(pool, files, batch, plan.notify, lint)
        result.failures += failures
        ordered = _order(scanned, order, result)
        result.order = [Path(s.path) for s in ordered]
        result.lint = {Path(s.path): s.lint for s in ordered if s.lint is not None}
        slugs = unique_slugs([s.stub for s in ordered], reserved={"index", SERIES_STEM})
        del scanned, files
        _render_all(pool, plan, ordered, slugs, result)
    finally:
        pool.close()
    return result


@dataclass(frozen=True)
class _Plan:
    """The settings of one build, shared by its steps."""

    out: Path
    exts: dict[str, str]
    options: dict[str, dict[str, Any]]
    force: bool
    series_pdf: bool
    heading: str
    notify: Callable[[BuildProgress], None]
    durable: bool  # fsync every output as it is written, not once per manifest save


def _render_all(
    pool: Pool, plan: _Plan, ordered: list[Scanned], slugs: list[str], result: BuildResult
) -> None:
    out, exts = plan.out, plan.exts
    old = {} if plan.force else load_manifest(out)
    manifest = dict(old)
    clean_parts(
        out,
        {slug + ext for slug in slugs for ext in exts.values()}
        | {"index.html", MANIFEST, SERIES_STEM + ".pdf"},
    )
    keys: dict[str, str] = {}
    available: dict[str, list[str]] = {}
    todo: list[Job] = []
    every: list[Job] = []
    total, done = len(ordered), 0
    folders = [os.path.dirname(os.path.abspath(s.path)) for s in ordered]
    root = os.path.commonpath(folders) if folders else ""  # where copied images are placed from
    for k, s in enumerate(ordered):
        prev = (ordered[k - 1].stub.title, slugs[k - 1]) if k else None
        nxt = (ordered[k + 1].stub.title, slugs[k + 1]) if k + 1 < total else None
        need: list[str] = []
        available[s.path] = []
        for fmt, ext in exts.items():
            name = slugs[k] + ext
            where = os.path.abspath(s.path)
            images = (s.images,) if s.images else ()  # a changed image rebuilds the outputs
            keys[name] = output_key(
                fmt, plan.options[fmt], where, s.stamp, slugs[k], prev, nxt, *images
            )
            if old.get(name) == keys[name] and up_to_date(out / name, s.stamp[0]):
                result.skipped.append(out / name)
                available[s.path].append(fmt)
            else:
                manifest.pop(name, None)
                need.append(fmt)
        job = Job(
            s.path, slugs[k], tuple(need), prev, nxt, str(out), plan.options, plan.durable, root
        )
        if plan.series_pdf:
            every.append(job)
        if need:
            todo.append(job)
        else:
            done += 1
            plan.notify(BuildProgress("render", done, total, s.path))

    series: Future[None] | None = None
    series_path = out / (SERIES_STEM + ".pdf")
    if plan.series_pdf and ordered:
        jobs_key = [(j.path, j.prev, j.next) for j in every]
        keys[series_path.name] = output_key("series", plan.heading, jobs_key, keys)
        if old.get(series_path.name) == keys[series_path.name] and series_path.exists():
            result.skipped.append(series_path)
        else:
            manifest.pop(series_path.name, None)
            series = pool.executor.submit(render_series, every, str(series_path), plan.heading)

    slug_of = {j.path: j.slug for j in todo}
    batch = max(1, min(4, len(todo) // (pool.jobs * 8)))

    def failed(job: Job, why: str) -> Done:
        return Done(job.path, (), (BuildFailure(job.path, why),))

    flush = not plan.durable
    try:
        for finished in stream(pool, render_batch, todo, batch, failed):
            for fmt in finished.written:
                name = slug_of[finished.path] + exts[fmt]
                manifest[name] = keys[name]
                result.written.append(out / name)
                available[finished.path].append(fmt)
            result.failures.extend(finished.failures)
            done += 1
            plan.notify(BuildProgress("render", done, total, finished.path, not finished.failures))
            if done % _CHECKPOINT == 0:
                save_manifest(out, manifest, flush=flush)
        if series is not None:
            try:
                series.result()
                manifest[series_path.name] = keys[series_path.name]
                result.written.append(series_path)
            except Exception as exc:
                result.failures.append(BuildFailure(str(series_path), failure_reason(exc), "pdf"))
    finally:
        save_manifest(out, {n: manifest[n] for n in manifest if n in keys}, flush=flush)
    links = [
        [(fmt, slugs[k] + exts[fmt]) for fmt in exts if fmt in available[s.path]]
        for k, s in enumerate(ordered)
    ]
    shown = series_path.name if plan.series_pdf and series_path.exists() else None
    index = out / "index.html"
    if write_index(index, plan.heading, ordered, links, shown):
        result.written.append(index)
    else:
        result.skipped.append(index)
