"""The work of a build that runs in worker processes, and the records sent back and forth.

Workers parse and render; the parent reads the inputs, orders them and puts every file in
place. An input travels to a worker as its bytes (:class:`Source`) and a rendered document
comes back as bytes in :class:`Done`, so an executor's workers need no access to the
build's files: a ``dask.distributed`` cluster on other machines works without shared
storage, and each output is put in place once, by the parent, even when a task is rerun
after its worker died. (The build's own processes, on the parent's machine, hand a document
back as a temporary file instead: see :attr:`Job.spool`.) A scan sends back a
:class:`Scanned` record, what ordering and the index need and no sections, so what crosses
between processes stays small. Every record pickles by reference to this module, which any
executor can import on its workers.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import tempfile
from collections.abc import Hashable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from ..limits import MAX_BYTES
from ..linking.matching import PointerKeys, own_keys, pointer_keys
from ..model import Brief, BriefLink
from ..packed import DIGEST_BYTES, digest
from ..parsers import parse
from ..registry import get_renderer, parser_for_extension
from ..tradecraft import Counts, check, count
from .images import for_output, relative_images, series_images
from .pool import failure_reason

__all__ = [
    "BuildFailure",
    "BuildProgress",
    "Done",
    "Job",
    "Pointer",
    "Scanned",
    "Source",
    "digest_keys",
    "name_suffixes",
    "read_source",
    "render_batch",
    "render_series",
    "scan_batch",
    "warm",
]

_EXCERPT = 280


class Pointer(NamedTuple):
    """A neighbour as a brief names it: what ordering reads of a BriefLink, as a tuple."""

    title: str | None
    href: str | None


@dataclass(frozen=True)
class BuildProgress:
    """A step of a build: ``stage`` is scan or render; ``item`` the input just done."""

    stage: str
    done: int
    total: int
    item: str | None = None
    ok: bool = True


@dataclass(frozen=True)
class BuildFailure:
    """An input (or one of its outputs) that could not be done, and why."""

    path: str
    reason: str
    format: str | None = None

    def __str__(self) -> str:
        return f"{self.path}{f' [{self.format}]' if self.format else ''}: {self.reason}"


@dataclass(frozen=True)
class Source:
    """An input on its way to a worker: its bytes and the parser its name asks for, or why
    the parent could not read it."""

    path: str
    format: str | None
    data: bytes | None
    stamp: tuple[int, int] = (0, 0)  # mtime_ns, size
    error: str | None = None


def name_suffixes(path: str) -> tuple[list[str], str]:
    """``Path(path).suffixes`` and ``.suffix``, without making a Path (pathlib would
    intern the name, for as long as the process lives)."""
    name = os.path.basename(path.rstrip("/" + os.sep))
    dot = name.rfind(".")
    suffix = name[dot:] if 0 < dot < len(name) - 1 else ""
    if not name or name.endswith("."):
        return [], suffix
    return ["." + part for part in name.lstrip(".").split(".")[1:]], suffix


def _format_of(path: str) -> str | None:
    """The parser a file's name asks for, as :func:`briefkit.parse` finds it (the last two
    suffixes first: ``.stix.json``)."""
    suffixes, suffix = name_suffixes(path)
    info = parser_for_extension("".join(suffixes[-2:])) or parser_for_extension(suffix)
    return info.name if info is not None else None


def read_source(path: str) -> Source:
    """Read an input in the parent, no larger than the parsers' limit."""
    fmt = _format_of(path)
    try:
        with open(path, "rb") as handle:
            st = os.fstat(handle.fileno())
            # read(n) allocates n bytes up front: ask for what the file holds, plus one to
            # notice a file that grew past the limit since
            data = handle.read(min(st.st_size, MAX_BYTES) + 1)
    except OSError as exc:
        return Source(path, fmt, None, error=f"cannot read file: {exc.strerror or exc}")
    if len(data) > MAX_BYTES:
        size = max(st.st_size, len(data))
        why = f"input is {size} bytes, more than max_bytes={MAX_BYTES}"
        return Source(path, fmt, None, error=why)
    return Source(path, fmt, data, (st.st_mtime_ns, st.st_size))


@dataclass(frozen=True, slots=True)
class Scanned:
    """What a scan sends back of a brief: ordering needs the title, date, URL, slug and
    pointers, and the digests of the keys they are matched by (computed here, so the
    parent keeps 16 bytes where it would keep a string); the index the excerpt (and the
    lint counts); the manifest the stamp. The parent spools it (see :mod:`.series`)."""

    path: str
    title: str
    published: dt.date | dt.datetime | None
    url: str | None
    slug: str | None
    prev: Pointer | None
    next: Pointer | None
    excerpt: str
    stamp: tuple[int, int]  # mtime_ns, size
    lint: Counts | None = None  # tradecraft findings by severity, when the build lints
    images: tuple[str, ...] = ()  # relative figure images the brief shows
    #: the 16-byte digests of the keys pointers match it by (title, url, url's path;
    #: zeros for none), and its own pointers' keys, digested (prev's, next's)
    digests: bytes = b""
    keys: tuple[PointerKeys | None, PointerKeys | None] = (None, None)


@dataclass(frozen=True)
class Job:
    """One input to render: where it goes in the series and the formats it still needs.

    ``spool`` is a folder on the worker's own machine where it leaves each document in a
    temporary file for the parent to rename into place; it is set only for the build's
    own processes. Without it (an executor's workers, perhaps on other machines) the
    documents travel back as bytes. Either way only the parent puts an output in place.
    """

    source: Source
    slug: str
    formats: tuple[str, ...]
    prev: tuple[str, str] | None  # (title, slug)
    next: tuple[str, str] | None
    options: dict[str, dict[str, Any]]  # renderer options by format
    spool: str | None = None
    #: the relative images the parent read, as (src, data: URI), and the input's folder
    #: relative to the folder holding every input (where the page's copies are)
    images: tuple[tuple[str, str], ...] = ()
    prefix: str = ""
    local: str | None = None  # the output folder, when this machine's (see build.render.Plan)


@dataclass(frozen=True)
class Done:
    path: str
    # (format, document): its bytes, or the path of the temporary file that holds it
    outputs: tuple[tuple[str, bytes | str], ...]
    failures: tuple[BuildFailure, ...]


class _Unreadable(Exception):
    def __str__(self) -> str:
        return str(self.args[0])


def _parse(source: Source) -> Brief:
    if source.data is None:
        raise _Unreadable(source.error or "cannot read file")
    return parse(source.data, format=source.format)


def _spooled(folder: str, name: str, data: bytes) -> str:
    """``data`` in a temporary file beside where ``name`` goes, named as
    :func:`~briefkit.fileio.atomic_write` names its own, so leftovers get cleaned.

    Why not bytes: a worker killed while it writes a large result into a process pool's
    result pipe leaves half a message there (and holds the pipe's lock), and the pool's
    reader waits for the rest for ever. A path is a short message, written in one go.
    """
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".part", dir=folder)
    try:
        os.fchmod(fd, 0o644)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return tmp


def _excerpt(brief: Brief) -> str:
    section = brief.judgement or next((s for s in brief.sections if s.blocks), None)
    text = brief.summary or (section.text.replace("\n", " ") if section else "")
    if len(text) <= _EXCERPT:
        return text
    return text[: text.rfind(" ", 0, _EXCERPT) if " " in text[:_EXCERPT] else _EXCERPT] + " …"


def _pointer(link: BriefLink | None) -> Pointer | None:
    return Pointer(link.title, link.href) if link is not None else None


def _digested(key: Hashable | None) -> bytes | None:
    return digest(key) if isinstance(key, str) else None


def digest_keys(brief: Brief) -> tuple[bytes, tuple[PointerKeys | None, PointerKeys | None]]:
    """The digests matching compares (see :mod:`briefkit.linking.matching`): the brief's
    own keys packed, and its pointers' keys."""
    empty = bytes(DIGEST_BYTES)
    own = b"".join(digest(k) if k is not None else empty for k in own_keys(brief))
    pointers = []
    for link in (brief.prev, brief.next):
        keys = pointer_keys(link, brief.url) if link is not None else None
        if keys is not None:
            keys = PointerKeys(_digested(keys.href), keys.absolute, _digested(keys.title))
        pointers.append(keys)
    return own, (pointers[0], pointers[1])


def scan_batch(sources: list[Source], lint: str | None = None) -> list[Scanned | BuildFailure]:
    """Parse each input and keep what ordering and the index need; with ``lint`` (a
    yardstick), also the counts of its tradecraft findings."""
    out: list[Scanned | BuildFailure] = []
    for source in sources:
        try:
            brief = _parse(source)
            counts = count(check(brief, scale=lint)) if lint is not None else None
            digests, keys = digest_keys(brief)
            out.append(
                Scanned(
                    source.path,
                    brief.title,
                    brief.published,
                    brief.url,
                    brief.slug,
                    _pointer(brief.prev),
                    _pointer(brief.next),
                    _excerpt(brief),
                    source.stamp,
                    counts,
                    tuple(relative_images(brief)),
                    digests,
                    keys,
                )
            )
        except Exception as exc:  # one bad input must not stop the batch
            out.append(BuildFailure(source.path, failure_reason(exc, source.path)))
    return out


def _linked(brief: Brief, job: Job, ext: str) -> Brief:
    """``brief`` with the job's slug and prev/next pointing at the sibling ``ext`` files."""

    def neighbour(link: tuple[str, str] | None) -> BriefLink | None:
        return BriefLink(title=link[0], href=f"{link[1]}{ext}") if link else None

    return brief.model_copy(
        update={"slug": job.slug, "prev": neighbour(job.prev), "next": neighbour(job.next)}
    )


def render_batch(jobs: list[Job]) -> list[Done]:
    """Parse each input again and render its formats; a failure stays with its format."""
    from ..renderers import render

    out: list[Done] = []
    for job in jobs:
        path = job.source.path
        try:
            brief = _parse(job.source)
        except Exception as exc:
            out.append(Done(path, (), (BuildFailure(path, failure_reason(exc, path)),)))
            continue
        outputs: list[tuple[str, bytes | str]] = []
        failures: list[BuildFailure] = []
        for fmt in job.formats:
            try:
                ext = get_renderer(fmt).extension
                shown, options = for_output(
                    _linked(brief, job, ext),
                    fmt,
                    job.options.get(fmt, {}),
                    job.images,
                    prefix=job.prefix,
                    outdir=job.local,
                )
                data = render(shown, fmt, **options)
                document = data.encode("utf-8") if isinstance(data, str) else data
                if job.spool is not None:
                    outputs.append((fmt, _spooled(job.spool, job.slug + ext, document)))
                else:
                    outputs.append((fmt, document))
            except Exception as exc:
                failures.append(BuildFailure(path, failure_reason(exc, path), fmt))
        out.append(Done(path, tuple(outputs), tuple(failures)))
    return out


def render_series(jobs: list[Job], title: str, name: str) -> bytes | str:
    """One PDF of the whole series, as bytes or spooled like a job's documents (``name``
    is the file it becomes); this worker holds every brief, which PDF layout needs."""
    from ..renderers.pdf import render_pdf

    briefs = [_linked(_parse(j.source), j, ".pdf") for j in jobs]
    options = {"title": title} | (jobs[0].options.get("pdf", {}) if jobs else {})
    if "resources" not in options:
        briefs = series_images(briefs, [j.images for j in jobs])
    data = render_pdf(briefs, **options)
    spool = jobs[0].spool if jobs else None
    return _spooled(spool, name, data) if spool is not None else data


def warm(formats: tuple[str, ...]) -> None:
    """A worker's start: import the parsers and the renderers of ``formats`` and let each
    renderer build what it caches, while the parent is still finding and reading inputs."""
    from ..renderers import render

    sample = Brief(title="warm-up")
    for fmt in formats:
        with contextlib.suppress(Exception):  # a broken renderer shows on the real briefs
            render(sample, fmt)
