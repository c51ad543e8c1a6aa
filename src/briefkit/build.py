"""Bundles of briefs (placeholder, being written)."""

from __future__ import annotations

from typing import Any


def build_bundle(*args: Any, **kwargs: Any) -> Any:
    """Build a linked bundle."""
    raise NotImplementedError
