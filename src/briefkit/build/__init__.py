"""Bundles: many briefs parsed, ordered, linked and rendered into one folder.

Workers parse and render; this process reads the inputs, orders them and puts every file in
place. An input goes to a worker as bytes and a rendered document comes back as bytes, so
any :class:`concurrent.futures.Executor` can do the work (a process pool, a
``dask.distributed`` client's executor on other machines, Ray's) without shared storage,
and each output is put in place exactly once, by this process, even when a worker dies and
its task is rerun. The parent keeps a small record per brief, never a full brief and never
more than the documents in flight. Every file is written atomically, so killing a build
leaves old or new files, never half ones; a manifest lets a rerun skip what is up to date.

This module holds the public API and the first steps of a build (inputs, scan, order); the
render stage (:mod:`.render`), the work done in worker processes (:mod:`.work`), the
executor handling, the manifest and the index page live in modules next to it.
"""

from __future__ import annotations

import functools
import os
import re
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Executor
from pathlib import Path
from typing import Any

from ..errors import FormatError
from ..linking import order_key
from ..linking.chains import chain_order
from ..linking.keys import slug_stream
from ..packed import DigestSet, Strings, sorted_positions
from ..registry import get_renderer, parser_for_extension
from ..tradecraft import SCALES, Counts
from .images import image_stamps
from .manifest import MANIFEST as MANIFEST  # re-exported: the manifest's file name
from .manifest import can_defer_sync
from .pool import Pool, stream
from .render import SERIES_STEM, Plan, Results, render_all
from .result import BuildResult, LintCounts, OutputNames, PathList
from .series import Digests, Series, Spool, record
from .work import (
    BuildFailure,
    BuildProgress,
    Scanned,
    Source,
    name_suffixes,
    read_source,
    scan_batch,
    warm,
)

__all__ = [
    "BuildFailure",
    "BuildProgress",
    "BuildResult",
    "LintCounts",
    "PathList",
    "build_bundle",
    "collect_inputs",
]

ORDERS = ("auto", "given", "name", "published", "title", "links")


# --- inputs and order -------------------------------------------------------------------


def _natural(path: str | Path) -> list[str | int]:
    # isdecimal, not isdigit: "²" is a digit that int() refuses
    return [int(p) if p.isdecimal() else p.casefold() for p in re.split(r"(\d+)", str(path))]


def _natural_at(names: Sequence[str], i: int) -> list[str | int]:
    return _natural(names[i])


def collect_inputs(
    inputs: Iterable[str | os.PathLike[str]], outdir: Path | None = None
) -> tuple[list[Path], list[BuildFailure]]:
    """Files as given, folders as every file inside whose extension a parser claims
    (hidden files and anything under ``outdir`` left out), in natural name order,
    duplicates dropped; missing paths come back as failures.

    A folder is published, not what it links to: a symbolic link inside it that leads out
    of it is not followed (a failure says so); name such a file itself to include it.
    """
    files, failures = _collect(inputs, outdir)
    return [Path(p) for p in files], failures


def _inside(target: str, folder: str) -> bool:
    """True when the resolved path ``target`` lies below the resolved ``folder``."""
    target, folder = os.path.normcase(target), os.path.normcase(folder)
    return target.startswith(folder if folder.endswith(os.sep) else folder + os.sep)


def _collect(
    inputs: Iterable[str | os.PathLike[str]], outdir: Path | None
) -> tuple[Strings, list[BuildFailure]]:
    """:func:`collect_inputs` as packed strings: a Path per input (and pathlib's interning
    of every name it resolves, which lasts as long as the process) would cost a large
    build more than its own record of each brief, and so would a str each. The real
    paths seen are kept as digests, and a folder's files are sorted in chunks."""
    files = Strings()
    failures: list[BuildFailure] = []
    seen = DigestSet()
    out_resolved = os.path.realpath(outdir) if outdir is not None else None
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            root = os.path.realpath(path)
            found, reals = Strings(), Strings()  # each file and its real path, resolved once
            for name in _files_under(str(path)):
                if parser_for_extension(name_suffixes(name)[1]) is None:
                    continue
                target = os.path.realpath(name)
                if not _inside(target, root):
                    reason = "a link to a file outside the folder: not followed"
                    failures.append(BuildFailure(name, reason))
                elif out_resolved is None or not _inside(target, out_resolved):
                    found.append(name)
                    reals.append(target)
            ranked = sorted_positions(len(found), functools.partial(_natural_at, found))
            candidates: Iterable[tuple[str, str]] = ((found[i], reals[i]) for i in ranked)
        elif path.is_file():
            candidates = [(str(path), os.path.realpath(path))]
        else:
            failures.append(BuildFailure(str(path), "no such file or folder"))
            continue
        for name, real in candidates:
            if real not in seen:
                seen.add(real)
                files.append(name)
    return files, failures


def _files_under(top: str) -> Iterator[str]:
    """The files below the folder ``top`` whose path has no hidden part, as
    ``Path(top).rglob("*")`` finds them (same order, same paths; symbolic links to folders
    not entered), without the set of every path that ``rglob`` keeps while it runs."""
    folders = []
    try:
        with os.scandir(top) as entries:
            for entry in entries:
                if entry.name.startswith("."):
                    continue  # rglob would find it, and the hidden part excludes it
                path = entry.name if top == "." else os.path.join(top, entry.name)
                if _is(entry.is_dir) and not _is(entry.is_symlink):
                    folders.append(path)
                elif _is(entry.is_file):
                    yield path
    except PermissionError:
        return
    for folder in folders:
        yield from _files_under(folder)


def _is(test: Callable[[], bool]) -> bool:
    try:
        return test()
    except OSError:
        return False


def _scan(
    pool: Pool, files: Strings, batch: int, plan: Plan, spool: Spool, lint: str | None = None
) -> tuple[Series, Digests, list[BuildFailure]]:
    """Parse every input on the workers (each read here when its batch goes); spool a
    record per brief and keep its digests, in input order."""
    offsets = array("q", [-1]) * len(files)
    digests = Digests(len(files))
    sent: dict[str, int] = {}  # the inputs in flight: path -> position
    failures: list[BuildFailure] = []
    scan = functools.partial(scan_batch, lint=lint) if lint else scan_batch

    def fail(source: Source, why: str) -> BuildFailure:
        return BuildFailure(source.path, why)

    def sources() -> Iterator[Source]:
        for slot, path in enumerate(files):
            sent[path] = slot
            yield read_source(path)

    for done, item in enumerate(stream(pool, scan, sources(), batch, fail), 1):
        slot = sent.pop(item.path)
        if isinstance(item, Scanned):
            # part of the outputs' keys (no Path made for a brief without images: see _collect)
            images = image_stamps(item.images, Path(item.path).parent) if item.images else ()
            offsets[slot] = spool.add(record(item, images))
            digests.add(slot, item)
        else:
            failures.append(item)
        plan.report("scan", done, len(files), item.path, isinstance(item, Scanned))
    slots = array("q", (i for i in range(len(files)) if offsets[i] >= 0))
    if len(slots) < len(files):
        digests.keep(slots)
    series = Series(spool, files, slots, array("q", (offsets[i] for i in slots)))
    digests.series = series
    return series, digests, failures


def _order(series: Series, digests: Digests, order: str, result: BuildResult) -> Series:
    """Series order: by the briefs' own links when any has one, else by date, else by name
    (``auto``), or as asked. The linking functions read the spooled records as they would
    read Briefs, and match pointers by the digests."""
    if order == "auto":
        if any(e.prev or e.next for e in series):
            order = "links"
        else:
            order = "published" if any(e.published for e in series) else "name"
    if order == "given":
        return series
    if order == "links":
        positions, _, problems = chain_order(series, digests)
        result.problems.extend(problems)
    elif order == "name":
        positions = sorted_positions(len(series), lambda i: _natural(series.path(i)))
    else:
        positions = sorted_positions(len(series), order_key(series, order))
    return series.reordered(positions)


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

    Workers get each input as bytes and send each document back, and this process puts
    it in place, so an executor's workers need not see ``outdir`` or the inputs (a cluster
    needs no shared storage); the build's own worker processes, on this machine, hand a
    document back as a temporary file in ``outdir`` instead, which this process renames.
    Outputs skip their own fsync and are flushed to disk together before each save of the
    manifest (every 100 inputs or every twentieth of the bundle, and at the end).

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
    jobs = max(1, jobs or os.cpu_count() or 1)
    plan = Plan(
        out=out,
        exts={fmt: get_renderer(fmt).extension for fmt in formats},
        options={fmt: dict((options or {}).get(fmt, {})) for fmt in formats},
        force=force,
        series_pdf=series_pdf,
        heading=title or out.resolve().name or "Briefs",
        notify=progress or (lambda _: None),
        flush=can_defer_sync(),
        linted=lint is not None,
        spool=os.path.abspath(out) if executor is None and jobs > 1 else None,
        local=os.path.abspath(out) if executor is None else None,
    )
    # Our own workers start first and import the renderers while this process finds inputs.
    pool = Pool(executor, jobs, warm=(warm, formats))
    spool = Spool()
    try:
        out.mkdir(parents=True, exist_ok=True)
        files, failures = _collect(inputs, out)
        result = BuildResult(out, failures=failures)
        batch = max(1, min(32, len(files) // (jobs * 4)))
        series, digests, scan_failures = _scan(pool, files, batch, plan, spool, lint)
        failures += scan_failures
        del files
        series = _order(series, digests, order, result)
        del digests
        result.order = PathList(strings=series.paths())  # a view of the packed paths
        if lint is not None:  # every brief scanned has its counts
            result.lint = LintCounts(series.paths(), [e.lint or Counts() for e in series])
        bases = (e.slug or e.title for e in series)
        reserved = {"index", SERIES_STEM}
        slugs = Strings(slug_stream(bases, reserved=reserved, taken=DigestSet()))
        # the render stage reports what it writes as numbers; the result shows them as paths
        exts = list(plan.exts.values())
        made = Results(OutputNames(slugs, exts), OutputNames(slugs, exts), failures)
        result.written, result.skipped = PathList(out, made.written), PathList(out, made.skipped)
        render_all(pool, plan, series, slugs, made)
    finally:
        spool.close()
        pool.close()
    return result
