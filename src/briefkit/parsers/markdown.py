"""Markdown briefs (placeholder, being written)."""

from __future__ import annotations

from ..model import Brief


def parse_markdown(text: str) -> Brief:
    """A brief from Markdown."""
    raise NotImplementedError
