"""Bundles: many briefs parsed, ordered, linked and rendered into one folder.

The parent process never holds a rendered document or a full brief: workers parse the inputs
and send back a stub (metadata and pointers, no sections); the parent orders the stubs, then
workers parse again and write each output themselves. Memory in the parent therefore grows
only by a small record per brief, and any :class:`concurrent.futures.Executor` (a process
pool, a ``dask.distributed`` client's executor, Ray's) can do the work, provided the workers
see the same file system. Every file is written atomically, so killing a build leaves old or
new files, never half ones; a manifest lets a rerun skip what is already up to date.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import multiprocessing
import os
import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import (
    FIRST_COMPLETED,
    BrokenExecutor,
    Executor,
    Future,
    ProcessPoolExecutor,
    wait,
)
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

from ._version import __version__
from .errors import BriefkitError, FormatError
from .fileio import atomic_write
from .linking import LinkProblem, chain_from_links, order_indices, unique_slugs
from .model import Brief, BriefLink
from .parsers import parse
from .registry import get_renderer, parser_for_extension

__all__ = ["BuildFailure", "BuildProgress", "BuildResult", "build_bundle", "collect_inputs"]

MANIFEST = ".briefkit-build.json"
SERIES_STEM = "series"
ORDERS = ("auto", "given", "name", "published", "title", "links")
_EXCERPT = 280
_PART = re.compile(r"^\.(?P<name>.+)\.[A-Za-z0-9_]{8}\.part$")
P = ParamSpec("P")
T = TypeVar("T")
In = TypeVar("In")
Out = TypeVar("Out")


@dataclass(frozen=True)
class BuildFailure:
    """An input (or one of its outputs) that could not be done, and why."""

    path: str
    reason: str
    format: str | None = None

    def __str__(self) -> str:
        return f"{self.path}{f' [{self.format}]' if self.format else ''}: {self.reason}"


@dataclass(frozen=True)
class BuildProgress:
    """A step of a build: ``stage`` is scan, render or finish; ``item`` the input just done."""

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

    @property
    def ok(self) -> bool:
        """True when every input and every output succeeded."""
        return not self.failures


# --- work done in worker processes ------------------------------------------------------


@dataclass(frozen=True)
class _Scanned:
    path: str
    stub: Brief  # only the fields ordering needs: title, url, slug, date, prev, next
    excerpt: str
    stamp: tuple[int, int]  # mtime_ns, size


@dataclass(frozen=True)
class _Job:
    path: str
    slug: str
    formats: tuple[str, ...]
    prev: tuple[str, str] | None  # (title, slug)
    next: tuple[str, str] | None
    outdir: str
    options: dict[str, dict[str, Any]]  # renderer options by format


@dataclass(frozen=True)
class _Done:
    path: str
    written: tuple[str, ...]  # formats
    failures: tuple[BuildFailure, ...]


def _reason(exc: BaseException, path: str | None = None) -> str:
    """The error as one line, without the input's name in front (the failure carries it)."""
    if not isinstance(exc, BriefkitError):
        return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    text = str(exc)
    for sep in (": ", ", "):
        if path and text.startswith(path + sep):
            return text[len(path) + len(sep) :]
    return text


def _excerpt(brief: Brief) -> str:
    section = brief.judgement or next((s for s in brief.sections if s.blocks), None)
    text = brief.summary or (section.text.replace("\n", " ") if section else "")
    if len(text) <= _EXCERPT:
        return text
    return text[: text.rfind(" ", 0, _EXCERPT) if " " in text[:_EXCERPT] else _EXCERPT] + " …"


def _scan_batch(paths: list[str]) -> list[_Scanned | BuildFailure]:
    out: list[_Scanned | BuildFailure] = []
    for path in paths:
        try:
            st = os.stat(path)
            brief = parse(Path(path))
            stub = Brief.model_construct(  # what ordering needs, nothing more
                title=brief.title,
                url=brief.url,
                slug=brief.slug,
                published=brief.published,
                prev=brief.prev,
                next=brief.next,
            )
            out.append(_Scanned(path, stub, _excerpt(brief), (st.st_mtime_ns, st.st_size)))
        except Exception as exc:  # one bad input must not stop the batch
            out.append(BuildFailure(path, _reason(exc, path)))
    return out


def _neighbour(link: tuple[str, str] | None, ext: str) -> BriefLink | None:
    return BriefLink(title=link[0], href=f"{link[1]}{ext}") if link else None


def _render_batch(jobs: list[_Job]) -> list[_Done]:
    out: list[_Done] = []
    for job in jobs:
        try:
            brief = parse(Path(job.path))
        except Exception as exc:
            out.append(_Done(job.path, (), (BuildFailure(job.path, _reason(exc, job.path)),)))
            continue
        written: list[str] = []
        failures: list[BuildFailure] = []
        for fmt in job.formats:
            try:
                ext = get_renderer(fmt).extension
                linked = brief.model_copy(
                    update={
                        "slug": job.slug,
                        "prev": _neighbour(job.prev, ext),
                        "next": _neighbour(job.next, ext),
                    }
                )
                atomic_write(Path(job.outdir, job.slug + ext), _render(linked, fmt, job.options))
                written.append(fmt)
            except Exception as exc:
                failures.append(BuildFailure(job.path, _reason(exc, job.path), fmt))
        out.append(_Done(job.path, tuple(written), tuple(failures)))
    return out


def _render(brief: Brief, fmt: str, options: dict[str, dict[str, Any]]) -> str | bytes:
    from .renderers import render

    return render(brief, fmt, **options.get(fmt, {}))


def _render_series(jobs: list[_Job], dest: str, title: str) -> None:
    """One PDF of the whole series; this worker holds every brief, which PDF layout needs."""
    from .renderers.pdf import render_pdf

    briefs = [
        parse(Path(j.path)).model_copy(
            update={
                "slug": j.slug,
                "prev": _neighbour(j.prev, ".pdf"),
                "next": _neighbour(j.next, ".pdf"),
            }
        )
        for j in jobs
    ]
    options = {"title": title} | (jobs[0].options.get("pdf", {}) if jobs else {})
    atomic_write(dest, render_pdf(briefs, **options))


# --- running batches on any executor ----------------------------------------------------


class _InlineExecutor(Executor):
    """Runs each task at once in this process (``jobs=1``): no pickling, easy to debug."""

    def submit(self, fn: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> Future[T]:
        future: Future[T] = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as exc:
            future.set_exception(exc)
        return future


class _Pool:
    """The executor in use; a process pool we own is replaced when a worker dies."""

    def __init__(self, executor: Executor | None, jobs: int) -> None:
        self.jobs = jobs
        self.owned = executor is None
        self.executor = executor or self._new()
        self.generation = 0

    def _new(self) -> Executor:
        if self.jobs == 1:
            return _InlineExecutor()
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("forkserver" if "forkserver" in methods else None)
        return ProcessPoolExecutor(max_workers=self.jobs, mp_context=context)

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


def _stream(
    pool: _Pool,
    fn: Callable[[list[In]], list[Out]],
    items: Iterable[In],
    batch: int,
    fail: Callable[[In, str], Out],
) -> Iterator[Out]:
    """Results of ``fn`` over ``items``, sent in batches with a bounded number in flight,
    yielded as they finish. When a worker dies, the batches it took down are retried item
    by item in a fresh pool (twice at most), so an input that kills its process fails alone
    and the innocent ones around it still get done."""
    source = iter(items)
    retry: deque[tuple[list[In], int]] = deque()
    pending: dict[Future[list[Out]], tuple[list[In], int, int]] = {}
    limit = max(2, 2 * pool.jobs)
    while True:
        while len(pending) < limit:
            chunk, tries = retry.popleft() if retry else (list(islice(source, batch)), 0)
            if not chunk:
                break
            generation = pool.generation
            try:
                pending[pool.executor.submit(fn, chunk)] = (chunk, generation, tries)
            except BrokenExecutor as exc:
                if pool.restart(generation):
                    retry.appendleft((chunk, tries))
                else:
                    yield from (fail(x, f"the executor is broken ({_reason(exc)})") for x in chunk)
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
                    yield from (fail(x, f"worker process died ({_reason(exc)})") for x in chunk)
            except Exception as exc:
                yield from (fail(x, _reason(exc)) for x in chunk)


# --- inputs, manifest, index ------------------------------------------------------------


def _natural(path: Path) -> list[str | int]:
    return [int(p) if p.isdigit() else p.casefold() for p in re.split(r"(\d+)", str(path))]


def collect_inputs(
    inputs: Iterable[str | os.PathLike[str]], outdir: Path | None = None
) -> tuple[list[Path], list[BuildFailure]]:
    """Files as given, folders as every file inside whose extension a parser claims
    (hidden files and anything under ``outdir`` left out), in natural name order,
    duplicates dropped; missing paths come back as failures."""
    files: list[Path] = []
    failures: list[BuildFailure] = []
    seen: set[Path] = set()
    out_resolved = outdir.resolve() if outdir is not None else None
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            found = [
                p
                for p in path.rglob("*")
                if p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
                and (out_resolved is None or out_resolved not in p.resolve().parents)
                and parser_for_extension(p.suffix) is not None
            ]
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


def _load_manifest(outdir: Path) -> dict[str, str]:
    try:
        data = json.loads((outdir / MANIFEST).read_text("utf-8"))
        outputs = data.get("outputs", {}) if data.get("briefkit") == __version__ else {}
        return {str(k): str(v) for k, v in outputs.items()}
    except (OSError, ValueError, AttributeError):
        return {}


def _save_manifest(outdir: Path, outputs: dict[str, str]) -> None:
    data = {"briefkit": __version__, "outputs": dict(sorted(outputs.items()))}
    atomic_write(outdir / MANIFEST, json.dumps(data, indent=1) + "\n")


def _key(*parts: object) -> str:
    data = json.dumps([__version__, *parts], default=str).encode()
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _clean_parts(outdir: Path, names: set[str]) -> None:
    """Remove temp files an interrupted build left behind for the outputs it writes."""
    if outdir.is_dir():
        for p in outdir.iterdir():
            match = _PART.match(p.name)
            if match and match["name"] in names:
                p.unlink(missing_ok=True)


_INDEX = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem}
li{margin:0 0 1.2rem}.meta{color:#555;font-size:.9em}.formats a{margin-right:.6em}</style>
</head><body>
<h1>{{ title }}</h1>
{% if series %}<p>The whole series: <a href="{{ series }}">{{ series }}</a></p>{% endif %}
<ol class="series">
{% for e in entries %}<li>
{% if e.main %}<a class="title" href="{{ e.main }}">{{ e.title }}</a>
{% else %}<span class="title">{{ e.title }}</span>{% endif %}
{% if e.date %}<time class="meta" datetime="{{ e.date }}">{{ e.date }}</time>{% endif %}
{% if e.excerpt %}<p class="judgement">{{ e.excerpt }}</p>{% endif %}
<p class="formats">{% for fmt, href in e.links %}<a href="{{ href }}">{{ fmt }}</a>{% endfor %}</p>
</li>
{% endfor %}</ol>
</body></html>
"""


def _index_html(title: str, entries: list[dict[str, Any]], series: str | None) -> str:
    from jinja2 import Environment

    env = Environment(autoescape=True, keep_trailing_newline=True)
    return env.from_string(_INDEX).render(title=title, entries=entries, series=series)


def _date(stub: Brief) -> str | None:
    value = stub.published
    if value is None:
        return None
    return (value.date() if isinstance(value, dt.datetime) else value).isoformat()


# --- the build --------------------------------------------------------------------------


def _newer(path: Path, mtime_ns: int) -> bool:
    try:
        return path.stat().st_mtime_ns >= mtime_ns
    except OSError:
        return False


def _scan(
    pool: _Pool, files: list[Path], batch: int, notify: Callable[[BuildProgress], None]
) -> tuple[list[_Scanned], list[BuildFailure]]:
    slots: dict[str, int] = {str(p): i for i, p in enumerate(files)}
    scanned: list[_Scanned | None] = [None] * len(files)
    failures: list[BuildFailure] = []
    stream = _stream(pool, _scan_batch, [str(p) for p in files], batch, BuildFailure)
    for done, item in enumerate(stream, 1):
        if isinstance(item, _Scanned):
            scanned[slots[item.path]] = item
        else:
            failures.append(item)
        notify(BuildProgress("scan", done, len(files), item.path, isinstance(item, _Scanned)))
    return [s for s in scanned if s is not None], failures


def _order(scanned: list[_Scanned], order: str, result: BuildResult) -> list[_Scanned]:
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
    """
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]
    if order not in ORDERS:
        raise FormatError(f"unknown order {order!r}: expected one of {', '.join(ORDERS)}")
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
    )
    jobs = max(1, jobs or os.cpu_count() or 1)
    out.mkdir(parents=True, exist_ok=True)
    result = BuildResult(out)
    files, result.failures = collect_inputs(inputs, out)
    pool = _Pool(executor, jobs)
    try:
        batch = max(1, min(32, len(files) // (jobs * 4)))
        scanned, failures = _scan(pool, files, batch, plan.notify)
        result.failures += failures
        ordered = _order(scanned, order, result)
        result.order = [Path(s.path) for s in ordered]
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


def _render_all(
    pool: _Pool, plan: _Plan, ordered: list[_Scanned], slugs: list[str], result: BuildResult
) -> None:
    out, exts = plan.out, plan.exts
    old = {} if plan.force else _load_manifest(out)
    manifest = dict(old)
    _clean_parts(
        out,
        {slug + ext for slug in slugs for ext in exts.values()}
        | {"index.html", MANIFEST, SERIES_STEM + ".pdf"},
    )
    keys: dict[str, str] = {}
    available: dict[str, list[str]] = {}
    todo: list[_Job] = []
    every: list[_Job] = []
    total, done = len(ordered), 0
    for k, s in enumerate(ordered):
        prev = (ordered[k - 1].stub.title, slugs[k - 1]) if k else None
        nxt = (ordered[k + 1].stub.title, slugs[k + 1]) if k + 1 < total else None
        need: list[str] = []
        available[s.path] = []
        for fmt, ext in exts.items():
            name = slugs[k] + ext
            where = os.path.abspath(s.path)
            keys[name] = _key(fmt, plan.options[fmt], where, s.stamp, slugs[k], prev, nxt)
            if old.get(name) == keys[name] and _newer(out / name, s.stamp[0]):
                result.skipped.append(out / name)
                available[s.path].append(fmt)
            else:
                manifest.pop(name, None)
                need.append(fmt)
        job = _Job(s.path, slugs[k], tuple(need), prev, nxt, str(out), plan.options)
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
        keys[series_path.name] = _key("series", plan.heading, jobs_key, keys)
        if old.get(series_path.name) == keys[series_path.name] and series_path.exists():
            result.skipped.append(series_path)
        else:
            manifest.pop(series_path.name, None)
            series = pool.executor.submit(_render_series, every, str(series_path), plan.heading)

    slug_of = {j.path: j.slug for j in todo}
    batch = max(1, min(4, len(todo) // (pool.jobs * 8)))

    def failed(job: _Job, reason: str) -> _Done:
        return _Done(job.path, (), (BuildFailure(job.path, reason),))

    try:
        for finished in _stream(pool, _render_batch, todo, batch, failed):
            for fmt in finished.written:
                name = slug_of[finished.path] + exts[fmt]
                manifest[name] = keys[name]
                result.written.append(out / name)
                available[finished.path].append(fmt)
            result.failures.extend(finished.failures)
            done += 1
            plan.notify(BuildProgress("render", done, total, finished.path, not finished.failures))
            if done % 100 == 0:
                _save_manifest(out, manifest)
        if series is not None:
            try:
                series.result()
                manifest[series_path.name] = keys[series_path.name]
                result.written.append(series_path)
            except Exception as exc:
                result.failures.append(BuildFailure(str(series_path), _reason(exc), "pdf"))
    finally:
        _save_manifest(out, {n: manifest[n] for n in manifest if n in keys})
    links = [
        [(fmt, slugs[k] + exts[fmt]) for fmt in exts if fmt in available[s.path]]
        for k, s in enumerate(ordered)
    ]
    shown = series_path.name if plan.series_pdf and series_path.exists() else None
    _write_index(plan, ordered, links, shown, result)


def _write_index(
    plan: _Plan,
    ordered: list[_Scanned],
    links: list[list[tuple[str, str]]],
    series: str | None,
    result: BuildResult,
) -> None:
    """index.html, rewritten only when its content changes."""
    entries = [
        {
            "title": s.stub.title,
            "date": _date(s.stub),
            "excerpt": s.excerpt,
            "links": own,
            "main": dict(own).get("html") or (own[0][1] if own else None),
        }
        for s, own in zip(ordered, links, strict=True)
    ]
    page = _index_html(plan.heading, entries, series)
    index = plan.out / "index.html"
    try:
        unchanged = index.read_text("utf-8") == page
    except (OSError, UnicodeDecodeError):
        unchanged = False
    if unchanged:
        result.skipped.append(index)
    else:
        atomic_write(index, page)
        result.written.append(index)
