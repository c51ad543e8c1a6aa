"""The colour a marking is printed in, from :mod:`briefkit.markings` (one table for all)."""

from __future__ import annotations

from ..markings import parse_marking

__all__ = ["label_colour"]


def label_colour(marking: str) -> str | None:
    """``#RRGGBB`` for a marking that is exactly one TLP 2.0 or PAP label (``TLP:WHITE``
    counts as CLEAR), to be shown on black; None for any other marking."""
    found = parse_marking(marking)
    if found is None or not found.valid or found.written.strip() != marking.strip():
        return None
    return found.colour
