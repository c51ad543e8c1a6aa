"""DOCX briefs (placeholder, being written)."""

from __future__ import annotations

from ..model import Brief


def parse_docx(data: bytes) -> Brief:
    """A brief from a Word document."""
    raise NotImplementedError
