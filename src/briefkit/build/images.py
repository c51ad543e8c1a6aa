"""The images a bundle's briefs show: found next to their inputs, copied next to their HTML.

A brief's figure with a relative ``src`` refers to a file beside the brief's input. A build
reads it through the image sandbox (inside the input's folder only: no ``..``, no absolute
path, no symlink out, within ``MAX_IMAGE_BYTES``, and only bytes that are an accepted
image). The HTML page's copy goes into the output folder at the image's path relative to
the folder holding all inputs (so two briefs' ``charts/a.png`` from different folders stay
two files) and the page refers to it there. Only the parent reads and writes files: it
sends each worker the images as ``data:`` images, which DOCX, PDF, the series PDF (and the
pages of an executor's workers, which never see the build's folders) embed. What a brief's
outputs are made from includes each image's size and time, so changing an image rebuilds
them.
"""

from __future__ import annotations

import os
import posixpath
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from ..errors import ImageWarning
from ..fileio import atomic_write
from ..model import Brief, Figure
from ..safety import href_scheme

__all__ = [
    "for_output",
    "gather",
    "image_stamps",
    "inline_images",
    "rebase",
    "relative_images",
    "series_images",
]


def relative_images(brief: Brief) -> list[str]:
    """The relative figure sources of ``brief`` that stay inside its folder, in order."""
    out: list[str] = []
    for section in brief.sections:
        for block in section.blocks:
            if isinstance(block, Figure) and href_scheme(block.src) is None:
                path = unquote(urlsplit(block.src).path)
                if path and not path.startswith("/") and ".." not in path.split("/"):
                    out.append(block.src)
    return list(dict.fromkeys(out))


def image_stamps(srcs: tuple[str, ...], folder: Path) -> tuple[tuple[str, int, int], ...]:
    """``(src, mtime_ns, size)`` of each relative image (missing ones as zeros): the
    parent's part of a brief's build key."""
    stamps = []
    for src in srcs:
        try:
            st = os.stat(folder / unquote(urlsplit(src).path))
            stamps.append((src, st.st_mtime_ns, st.st_size))
        except OSError:
            stamps.append((src, 0, 0))
    return tuple(stamps)


def _path(src: str) -> str:
    return posixpath.normpath(unquote(urlsplit(src).path))


def gather(
    srcs: tuple[str, ...], path: str, root: str, outdir: str | None, *, durable: bool
) -> tuple[tuple[str, str], ...]:
    """In the parent: each relative image of the input at ``path`` read through the image
    sandbox (inside the input's folder only), as ``(src, data: URI)`` for the workers;
    with ``outdir`` also copied there, at its path relative to ``root`` (the folder holding
    every input), for the HTML page. Images the sandbox refuses are left out."""
    from ..images import data_uri
    from ..renderers._figures import Pictures

    if not srcs:
        return ()
    folder = Path(path).parent
    pictures = Pictures(folder)
    prefix = folder.resolve().relative_to(Path(root or folder).resolve()).parts
    found: list[tuple[str, str]] = []
    for src in srcs:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ImageWarning)  # the outputs show the alt text
            picture = pictures.load(src)
        if picture is None:
            continue
        found.append((src, data_uri(picture.data, picture.info)))
        if outdir is None:
            continue
        target = Path(outdir).joinpath(*prefix, *_path(src).split("/"))
        if target.resolve() == (folder / _path(src)).resolve():
            continue  # building into the input's own folder: the image is already there
        target.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(target, picture.data, durable=durable)
    return tuple(found)


def inline_images(brief: Brief, images: tuple[tuple[str, str], ...]) -> Brief:
    """``brief`` with each relative image the parent read as its ``data:`` image."""
    found = dict(images)
    return _map_figures(
        brief, set(found), lambda b: Figure.model_validate({**dict(b), "src": found[b.src]})
    )


def _map_figures(brief: Brief, srcs: set[str], change: Callable[[Figure], Figure]) -> Brief:
    if not srcs:
        return brief
    sections = []
    for section in brief.sections:
        blocks = tuple(
            change(b) if isinstance(b, Figure) and b.src in srcs else b for b in section.blocks
        )
        sections.append(section.model_copy(update={"blocks": blocks}))
    return brief.model_copy(update={"sections": tuple(sections)})


def rebase(brief: Brief, prefix: str) -> Brief:
    """``brief`` with its relative images under ``prefix`` (the input's folder relative to
    the folder holding every input): where its HTML page finds their copies."""
    if prefix in ("", "."):
        return brief
    return _map_figures(
        brief,
        set(relative_images(brief)),
        lambda b: b.model_copy(update={"src": f"{prefix}/{b.src}"}),
    )


def for_output(
    brief: Brief,
    fmt: str,
    options: dict[str, Any],
    images: tuple[tuple[str, str], ...],
    *,
    prefix: str,
    outdir: str | None,
) -> tuple[Brief, dict[str, Any]]:
    """In a worker: the brief and renderer options for one output. The parent read the
    images (``images``) and, for the build's own workers (``outdir``, the output folder
    on this machine), copied them there: the HTML page refers to those copies. Elsewhere
    (an executor's workers, which never see the build's folders) the page, like DOCX and
    PDF everywhere, embeds them; an image the parent could not read shows as its alt text
    (the page is told its folder holds none)."""
    options = dict(options)
    if fmt == "html" and outdir is not None:
        options.setdefault("resources", outdir)  # what the parent copied is there
        return rebase(brief, prefix), options
    if fmt == "html" and "resources" not in options:
        options["resources"] = _EMPTY
    return inline_images(brief, images), options


#: A folder holding no image: the HTML renderer shows a relative image it lists as alt text.
_EMPTY = os.path.join(os.path.dirname(__file__), "no-images")


def series_images(briefs: list[Brief], images: list[tuple[tuple[str, str], ...]]) -> list[Brief]:
    """The series PDF holds briefs from many folders: each one's images embedded."""
    return [inline_images(b, found) for b, found in zip(briefs, images, strict=True)]
