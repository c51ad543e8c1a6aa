"""JSON input: briefkit's own JSON, validated against the model."""

from __future__ import annotations

from pydantic import ValidationError

from ..errors import ParseError
from ..model import Brief

__all__ = ["parse_json"]


def parse_json(text: str | bytes) -> Brief:
    """A brief from JSON; ParseError naming the field and the reason on bad data."""
    from . import validation_message

    try:
        return Brief.model_validate_json(text)
    except ValidationError as exc:
        raise ParseError(validation_message(exc)) from None
