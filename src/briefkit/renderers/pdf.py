"""PDF output (placeholder, being written). WeasyPrint is imported inside functions only."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence

from ..model import Brief


def render_pdf(
    brief: Brief | Sequence[Brief],
    *,
    page_size: str = "A4",
    stylesheet: str | os.PathLike[str] | None = None,
    allow_fetch: Callable[[str], bool] | Sequence[str] | None = None,
    pdf_variant: str | None = None,
) -> bytes:
    """The brief (or a series of briefs) as PDF."""
    raise NotImplementedError
