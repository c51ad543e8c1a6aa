"""The images a bundle's briefs show: found next to their inputs, copied next to their HTML.

A brief's figure with a relative ``src`` refers to a file beside the brief's input. A build
reads it through the image sandbox (inside the input's folder only: no ``..``, no absolute
path, no symlink out, within ``MAX_IMAGE_BYTES``, and only bytes that are an accepted
image). The HTML page's copy goes into the output folder at the image's path relative to
the folder holding all inputs (so two briefs' ``charts/a.png`` from different folders stay
two files) and the page refers to it there; the PDF and DOCX outputs embed it from the
input's folder, and the series PDF gets each brief's images as ``data:`` images. What a
brief's outputs are made from includes each image's size and time, so changing an image
rebuilds them.
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
    "copy_images",
    "for_output",
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


def image_stamps(brief: Brief, folder: Path) -> tuple[tuple[str, int, int], ...]:
    """``(src, mtime_ns, size)`` of each relative image (missing ones as zeros)."""
    stamps = []
    for src in relative_images(brief):
        try:
            st = os.stat(folder / unquote(urlsplit(src).path))
            stamps.append((src, st.st_mtime_ns, st.st_size))
        except OSError:
            stamps.append((src, 0, 0))
    return tuple(stamps)


def _path(src: str) -> str:
    return posixpath.normpath(unquote(urlsplit(src).path))


def copy_images(
    brief: Brief, folder: Path, root: Path, outdir: Path, *, durable: bool = True
) -> int:
    """Copy the relative images of ``brief`` (input in ``folder``, under ``root``) into
    ``outdir`` at their paths relative to ``root``; how many were copied."""
    from ..renderers._figures import Pictures

    pictures = Pictures(folder)
    prefix = folder.resolve().relative_to(root.resolve()).parts
    copied = 0
    for src in relative_images(brief):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ImageWarning)  # the page shows the alt text
            picture = pictures.load(src)
        if picture is None:
            continue
        target = outdir.joinpath(*prefix, *_path(src).split("/"))
        if target.resolve() == (folder / _path(src)).resolve():
            continue  # building into the input's own folder: the image is already there
        target.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(target, picture.data, durable=durable)
        copied += 1
    return copied


def inline_images(brief: Brief, folder: Path) -> Brief:
    """``brief`` with each relative image it can read from ``folder`` as a ``data:`` image."""
    from ..images import data_uri
    from ..renderers._figures import Pictures

    pictures = Pictures(folder)

    def inlined(figure: Figure) -> Figure:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ImageWarning)
            picture = pictures.load(figure.src)
        if picture is None:
            return figure
        return Figure.model_validate({**dict(figure), "src": data_uri(picture.data, picture.info)})

    return _map_figures(brief, set(relative_images(brief)), inlined)


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


def rebase(brief: Brief, folder: Path, root: Path) -> Brief:
    """``brief`` (whose input is in ``folder``) with its relative images made relative to
    ``root``, an ancestor of ``folder``: where its HTML page finds their copies."""
    prefix = folder.resolve().relative_to(root.resolve()).as_posix()
    if prefix == ".":
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
    *,
    path: str,
    root: str,
    outdir: str,
    durable: bool,
) -> tuple[Brief, dict[str, Any]]:
    """The brief and renderer options for one output of the input at ``path``: the HTML
    page gets copies of its images (placed from ``root``, the folder holding every input)
    and refers to them; DOCX and PDF read them from beside the input, unless the caller
    named a ``resources`` folder."""
    folder = Path(path).parent
    options = dict(options)
    if fmt == "html":
        copy_images(brief, folder, Path(root) if root else folder, Path(outdir), durable=durable)
        brief = rebase(brief, folder, Path(root) if root else folder)
        options.setdefault("resources", outdir)  # where the images were copied
    elif fmt in ("docx", "pdf"):
        options.setdefault("resources", str(folder))
    return brief, options


def series_images(briefs: list[Brief], paths: list[str], options: dict[str, Any]) -> list[Brief]:
    """The series PDF holds briefs from many folders: each one's images as ``data:`` images,
    unless the caller named one ``resources`` folder for them all."""
    if "resources" in options:
        return briefs
    return [inline_images(b, Path(p).parent) for b, p in zip(briefs, paths, strict=True)]
