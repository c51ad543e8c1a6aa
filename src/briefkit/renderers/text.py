"""Plain-text output (placeholder, being written)."""

from __future__ import annotations

from ..model import Brief


def render_text(brief: Brief) -> str:
    """The brief as plain text."""
    raise NotImplementedError
