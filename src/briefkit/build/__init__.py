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
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import Executor
from pathlib import Path
from typing import Any

from ..errors import FormatError
from ..linking import order_indices, unique_slugs
from ..linking.chains import chain_positions
from ..registry import get_renderer, parser_for_extension
from ..tradecraft import SCALES
from .images import image_stamps
from .manifest import MANIFEST as MANIFEST  # re-exported: the manifest's file name
from .manifest import can_defer_sync
from .pool import Pool, stream
from .render import SERIES_STEM, Entry, Excerpts, Plan, Results, render_all
from .result import BuildResult, LintCounts, PathList
from .work import BuildFailure, BuildProgress, Scanned, Source, read_source, scan_batch, warm

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
) -> tuple[list[str], list[BuildFailure]]:
    """:func:`collect_inputs` as strings: a Path per input (and pathlib's interning of
    every name it resolves, which lasts as long as the process) would cost a large build
    more than its own record of each brief."""
    files: list[str] = []
    failures: list[BuildFailure] = []
    seen: set[str] = set()
    out_resolved = os.path.realpath(outdir) if outdir is not None else None
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            root = os.path.realpath(path)
            found = []
            for p in path.rglob("*"):
                if (
                    not p.is_file()
                    or any(part.startswith(".") for part in p.relative_to(path).parts)
                    or parser_for_extension(p.suffix) is None
                ):
                    continue
                target = os.path.realpath(p)
                if not _inside(target, root):
                    reason = "a link to a file outside the folder: not followed"
                    failures.append(BuildFailure(str(p), reason))
                elif out_resolved is None or not _inside(target, out_resolved):
                    found.append(str(p))
            candidates = sorted(found, key=_natural)
            del found
        elif path.is_file():
            candidates = [str(path)]
        else:
            failures.append(BuildFailure(str(path), "no such file or folder"))
            continue
        for name in candidates:
            real = os.path.realpath(name)
            if real not in seen:
                seen.add(real)
                files.append(name)
    return files, failures


def _scan(
    pool: Pool,
    files: list[str],
    batch: int,
    plan: Plan,
    excerpts: Excerpts,
    lint: str | None = None,
) -> tuple[list[Entry], list[BuildFailure]]:
    """Parse every input on the workers (each read here when its batch goes); keep a small
    entry per brief, in input order."""
    slots: dict[str, int] = {p: i for i, p in enumerate(files)}
    found: list[Entry | None] = [None] * len(files)
    failures: list[BuildFailure] = []
    scan = functools.partial(scan_batch, lint=lint) if lint else scan_batch

    def fail(source: Source, why: str) -> BuildFailure:
        return BuildFailure(source.path, why)

    sources = (read_source(p) for p in files)
    for done, item in enumerate(stream(pool, scan, sources, batch, fail), 1):
        if isinstance(item, Scanned):
            slot = slots.pop(item.path)
            found[slot] = _entry(item, files[slot], excerpts)
        else:
            failures.append(item)
        plan.report("scan", done, len(files), item.path, isinstance(item, Scanned))
    return [e for e in found if e is not None], failures


def _entry(item: Scanned, path: str, excerpts: Excerpts) -> Entry:
    """The parent's record of a scanned brief (``path``: this process's own string of
    its input, not the copy that came back); its excerpt waits in ``excerpts``."""
    excerpt = excerpts.add(item.excerpt)
    # part of the outputs' keys (no Path made for a brief without images: see _collect)
    images = image_stamps(item.images, Path(path).parent) if item.images else ()
    return Entry(
        path,
        item.title,
        item.published,
        item.stamp,
        excerpt,
        item.slug,
        item.lint,
        item.url,
        item.prev,
        item.next,
        images,
    )


def _order(entries: list[Entry], order: str, result: BuildResult) -> list[Entry]:
    """Series order: by the briefs' own links when any has one, else by date, else by name
    (``auto``), or as asked. The linking functions read the entries as they would read
    Briefs; the URLs and pointers go once ordered."""
    if order == "auto":
        if any(e.prev or e.next for e in entries):
            order = "links"
        else:
            order = "published" if any(e.published for e in entries) else "name"
    if order == "links":
        chains, problems = chain_positions(entries)
        result.problems.extend(problems)
        positions = [i for chain in chains for i in chain]
        del chains
    elif order == "name":
        positions = sorted(range(len(entries)), key=lambda i: _natural(entries[i].path))
    elif order == "given":
        positions = list(range(len(entries)))
    else:
        positions = order_indices(entries, order)
    for entry in entries:
        entry.url = entry.prev = entry.next = None
    return [entries[i] for i in positions]


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
    excerpts = Excerpts()
    try:
        out.mkdir(parents=True, exist_ok=True)
        files, failures = _collect(inputs, out)
        # the render stage adds to the result's own lists (``Results`` types them as such)
        made = Results(PathList(out), PathList(out), failures)
        result = BuildResult(out, written=made.written, skipped=made.skipped, failures=failures)
        batch = max(1, min(32, len(files) // (jobs * 4)))
        entries, scan_failures = _scan(pool, files, batch, plan, excerpts, lint)
        failures += scan_failures
        del files
        ordered = _order(entries, order, result)
        del entries
        result.order = PathList(strings=[e.path for e in ordered])  # the entries' strings
        paths, counts = [], []
        for e in ordered:
            if e.lint is not None:
                paths.append(e.path)
                counts.append(e.lint)
        result.lint = LintCounts(paths, counts)
        slugs = unique_slugs([e.slug or e.title for e in ordered], reserved={"index", SERIES_STEM})
        render_all(pool, plan, ordered, slugs, excerpts, made)
    finally:
        excerpts.close()
        pool.close()
    return result
