"""HTML output (placeholder, being written)."""

from __future__ import annotations

import os

from ..model import Brief


def render_html(
    brief: Brief, *, standalone: bool = True, template: str | os.PathLike[str] | None = None
) -> str:
    """The brief as HTML."""
    raise NotImplementedError
