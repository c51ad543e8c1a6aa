"""Warm-up for the forkserver of ``briefkit build``, imported last in its preload list.

Importing this module renders a one-line brief with each built-in renderer whose module
the preload has already imported (the build's renderers), so every worker forked from
the server starts with the caches those renderers build on first use (stylesheets, fonts,
templates): built once per build instead of once per worker. The worker's own warm-up
then finds them built and costs next to nothing.
"""

from __future__ import annotations

import contextlib
import sys

from ..registry import find_renderer
from .work import warm

__all__: list[str] = []

#: Built-in renderers worth warming; plugins are warmed by each worker as it starts.
_BUILT_IN = ("html", "docx", "pdf", "markdown", "text", "json")


def _imported() -> tuple[str, ...]:
    names = []
    for name in _BUILT_IN:
        info = find_renderer(name)
        target = info.target if info is not None else None
        if isinstance(target, str) and target.partition(":")[0] in sys.modules:
            names.append(name)
    return tuple(names)


# The forkserver dies of anything but an ImportError raised here, and every worker with it.
with contextlib.suppress(Exception):
    warm(_imported())
