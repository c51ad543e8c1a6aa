"""Plain-text briefs (placeholder, being written)."""

from __future__ import annotations

from ..model import Brief


def parse_text(text: str) -> Brief:
    """A brief from plain text."""
    raise NotImplementedError
