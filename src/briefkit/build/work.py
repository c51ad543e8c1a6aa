"""The work of a build that runs in worker processes, and the records sent back and forth.

Workers parse and render; the parent only orders. A scan sends back a stub of each brief
(what ordering needs, no sections) and a render job carries only paths, slugs and
neighbours, so what crosses between processes stays small and the parent never holds a
rendered document. Every record pickles by reference to this module, which any executor
(a process pool, dask, Ray) can import on its workers.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..fileio import atomic_write
from ..model import Brief, BriefLink
from ..parsers import parse
from ..registry import get_renderer
from ..tradecraft import Counts, check, count
from .images import for_output, image_stamps, series_images
from .pool import failure_reason

__all__ = [
    "BuildFailure",
    "Done",
    "Job",
    "Scanned",
    "render_batch",
    "render_series",
    "scan_batch",
]

_EXCERPT = 280


@dataclass(frozen=True)
class BuildFailure:
    """An input (or one of its outputs) that could not be done, and why."""

    path: str
    reason: str
    format: str | None = None

    def __str__(self) -> str:
        return f"{self.path}{f' [{self.format}]' if self.format else ''}: {self.reason}"


@dataclass(frozen=True)
class Scanned:
    path: str
    stub: Brief  # only the fields ordering needs: title, url, slug, date, prev, next
    excerpt: str
    stamp: tuple[int, int]  # mtime_ns, size
    lint: Counts | None = None  # tradecraft findings by severity, when the build lints
    images: tuple[tuple[str, int, int], ...] = ()  # relative figure images: src, mtime, size


@dataclass(frozen=True)
class Job:
    path: str
    slug: str
    formats: tuple[str, ...]
    prev: tuple[str, str] | None  # (title, slug)
    next: tuple[str, str] | None
    outdir: str
    options: dict[str, dict[str, Any]]  # renderer options by format
    durable: bool = True  # fsync each output (False: the parent syncs once in a while)
    root: str = ""  # the folder holding every input (where copied images are placed from)


@dataclass(frozen=True)
class Done:
    path: str
    written: tuple[str, ...]  # formats
    failures: tuple[BuildFailure, ...]


def _excerpt(brief: Brief) -> str:
    section = brief.judgement or next((s for s in brief.sections if s.blocks), None)
    text = brief.summary or (section.text.replace("\n", " ") if section else "")
    if len(text) <= _EXCERPT:
        return text
    return text[: text.rfind(" ", 0, _EXCERPT) if " " in text[:_EXCERPT] else _EXCERPT] + " …"


def scan_batch(paths: list[str], lint: str | None = None) -> list[Scanned | BuildFailure]:
    """Parse each input and keep what ordering and the index need; with ``lint`` (a
    yardstick), also the counts of its tradecraft findings."""
    out: list[Scanned | BuildFailure] = []
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
            counts = count(check(brief, scale=lint)) if lint is not None else None
            images = image_stamps(brief, Path(path).parent)
            stamp = (st.st_mtime_ns, st.st_size)
            out.append(Scanned(path, stub, _excerpt(brief), stamp, counts, images))
        except Exception as exc:  # one bad input must not stop the batch
            out.append(BuildFailure(path, failure_reason(exc, path)))
    return out


def _linked(brief: Brief, job: Job, ext: str) -> Brief:
    """``brief`` with the job's slug and prev/next pointing at the sibling ``ext`` files."""

    def neighbour(link: tuple[str, str] | None) -> BriefLink | None:
        return BriefLink(title=link[0], href=f"{link[1]}{ext}") if link else None

    return brief.model_copy(
        update={"slug": job.slug, "prev": neighbour(job.prev), "next": neighbour(job.next)}
    )


def render_batch(jobs: list[Job]) -> list[Done]:
    """Parse each input again and write its outputs; a failure stays with its format."""
    from ..renderers import render

    out: list[Done] = []
    for job in jobs:
        try:
            brief = parse(Path(job.path))
        except Exception as exc:
            out.append(Done(job.path, (), (BuildFailure(job.path, failure_reason(exc, job.path)),)))
            continue
        written: list[str] = []
        failures: list[BuildFailure] = []
        for fmt in job.formats:
            try:
                ext = get_renderer(fmt).extension
                shown, options = for_output(
                    _linked(brief, job, ext),
                    fmt,
                    job.options.get(fmt, {}),
                    path=job.path,
                    root=job.root,
                    outdir=job.outdir,
                    durable=job.durable,
                )
                data = render(shown, fmt, **options)
                atomic_write(Path(job.outdir, job.slug + ext), data, durable=job.durable)
                written.append(fmt)
            except Exception as exc:
                failures.append(BuildFailure(job.path, failure_reason(exc, job.path), fmt))
        out.append(Done(job.path, tuple(written), tuple(failures)))
    return out


def render_series(jobs: list[Job], dest: str, title: str) -> None:
    """One PDF of the whole series; this worker holds every brief, which PDF layout needs."""
    from ..renderers.pdf import render_pdf

    briefs = [_linked(parse(Path(j.path)), j, ".pdf") for j in jobs]
    options = {"title": title} | (jobs[0].options.get("pdf", {}) if jobs else {})
    briefs = series_images(briefs, [j.path for j in jobs], options)
    atomic_write(dest, render_pdf(briefs, **options))
