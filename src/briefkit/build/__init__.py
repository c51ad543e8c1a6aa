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

import dataclasses
import functools
import os
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import Executor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import FormatError
from ..linking import LinkProblem, chain_from_links, order_indices, unique_slugs
from ..registry import get_renderer, parser_for_extension
from ..tradecraft import SCALES, Counts
from .images import image_stamps
from .manifest import MANIFEST as MANIFEST  # re-exported: the manifest's file name
from .manifest import can_defer_sync
from .pool import Pool, stream
from .render import SERIES_STEM, Entry, Excerpts, Plan, render_all
from .work import BuildFailure, BuildProgress, Scanned, Source, read_source, scan_batch, warm

__all__ = ["BuildFailure", "BuildProgress", "BuildResult", "build_bundle", "collect_inputs"]

ORDERS = ("auto", "given", "name", "published", "title", "links")


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
            found[slots[item.path]] = _entry(item, excerpts)
        else:
            failures.append(item)
        plan.report("scan", done, len(files), item.path, isinstance(item, Scanned))
    return [e for e in found if e is not None], failures


def _entry(item: Scanned, excerpts: Excerpts) -> Entry:
    """The parent's record of a scanned brief; its excerpt waits in ``excerpts``."""
    excerpt = excerpts.add(item.excerpt)
    kept = dataclasses.replace(item, excerpt="")  # until ordered, without the excerpt
    images = image_stamps(item.images, Path(item.path).parent)  # part of the outputs' keys
    return Entry(
        item.path,
        item.title,
        item.published,
        item.stamp,
        excerpt,
        item.slug,
        item.lint,
        kept,
        images,
    )


def _order(entries: list[Entry], order: str, result: BuildResult) -> list[Entry]:
    """Series order: by the briefs' own links when any has one, else by date, else by name
    (``auto``), or as asked. Ordering by links, date or title turns each entry's scan
    record into a stub Brief for the linking functions; either way the records go."""
    scanned = [e.scanned for e in entries if e.scanned is not None]
    if order == "auto":
        if any(s.prev or s.next for s in scanned):
            order = "links"
        else:
            order = "published" if any(s.published for s in scanned) else "name"
    del scanned
    if order == "links":
        chains = chain_from_links([e.stub() for e in entries])
        result.problems.extend(chains.problems)
        positions = chains.order
    elif order == "name":
        positions = sorted(range(len(entries)), key=lambda i: _natural(Path(entries[i].path)))
    elif order == "given":
        positions = list(range(len(entries)))
    else:
        positions = order_indices([e.stub() for e in entries], order)
    for entry in entries:
        entry.scanned = None
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
        result = BuildResult(out)
        found, result.failures = collect_inputs(inputs, out)
        files = [str(p) for p in found]  # a str is a quarter of a Path that rglob found
        del found
        batch = max(1, min(32, len(files) // (jobs * 4)))
        entries, failures = _scan(pool, files, batch, plan, excerpts, lint)
        result.failures += failures
        del files
        ordered = _order(entries, order, result)
        del entries
        result.order = [Path(e.path) for e in ordered]
        result.lint = {Path(e.path): e.lint for e in ordered if e.lint is not None}
        slugs = unique_slugs([e.slug or e.title for e in ordered], reserved={"index", SERIES_STEM})
        render_all(pool, plan, ordered, slugs, excerpts, result)
    finally:
        excerpts.close()
        pool.close()
    return result
