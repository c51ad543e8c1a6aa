"""Series of briefs (placeholder, being written)."""

from __future__ import annotations

from collections.abc import Sequence

from .model import Brief


def link_series(briefs: Sequence[Brief], *, order: str = "given") -> list[Brief]:
    """Briefs in order with prev/next pointing at their neighbours."""
    raise NotImplementedError


def chain_from_links(briefs: Sequence[Brief]) -> list[list[Brief]]:
    """Chains rebuilt from each brief's own prev/next pointers."""
    raise NotImplementedError


def check_links(briefs: Sequence[Brief]) -> list[object]:
    """Problems with the links of a series."""
    raise NotImplementedError


def slugify(title: str) -> str:
    """A stable ASCII slug for a title."""
    raise NotImplementedError
