"""DOCX output (placeholder, being written). python-docx is imported inside functions only."""

from __future__ import annotations

import os

from ..model import Brief


def render_docx(
    brief: Brief, *, template: str | os.PathLike[str] | None = None, page_size: str = "A4"
) -> bytes:
    """The brief as a Word document."""
    raise NotImplementedError
