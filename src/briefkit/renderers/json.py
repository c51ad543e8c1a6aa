"""JSON output: the model as pydantic serialises it (schema: ``Brief.model_json_schema()``)."""

from __future__ import annotations

from ..model import Brief

__all__ = ["render_json"]


def render_json(brief: Brief, *, indent: int | None = 2) -> str:
    """The brief as JSON text, ending with a newline."""
    return brief.to_json(indent=indent) + "\n"
