"""Markings as the renderers show them, from :mod:`briefkit.markings` (one table for all)."""

from __future__ import annotations

from ..markings import Marking, parse_marking

__all__ = ["label_colour", "sole_label"]


def sole_label(marking: str) -> Marking | None:
    """The TLP 2.0 or PAP label ``marking`` consists of, or None when it holds anything else
    (no label, an invalid one, or more text than the label)."""
    found = parse_marking(marking)
    if found is None or not found.valid or found.written.strip() != marking.strip():
        return None
    return found


def label_colour(marking: str) -> str | None:
    """``#RRGGBB`` for a marking that is exactly one TLP 2.0 or PAP label (``TLP:WHITE``
    counts as CLEAR), to be shown on black; None for any other marking."""
    found = sole_label(marking)
    return found.colour if found else None
