"""HTML briefs (placeholder, being written)."""

from __future__ import annotations

from ..model import Brief


def parse_html(html: str | bytes, *, base_url: str | None = None) -> Brief:
    """A brief from an HTML page."""
    raise NotImplementedError
