"""Markdown output (placeholder, being written)."""

from __future__ import annotations

from ..model import Brief


def render_markdown(brief: Brief) -> str:
    """The brief as Markdown."""
    raise NotImplementedError
