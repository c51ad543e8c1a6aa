"""Lines named after the headline near the top of a copied page: an image's alt text
built from it ("Threat Report Poster") and an explainer's first question about it ("What is
conflict analysis?"). Neither is the headline, and neither makes the line above a kicker."""

from __future__ import annotations

__all__ = ["alt_text", "asks_about"]

_IMAGE_NOUNS = ("Poster", "Banner", "Thumbnail", "Cover", "Image", "Infographic")


def alt_text(text: str, headline: str) -> bool:
    """ "Threat Report Poster" over "Threat Report - 17th March": an image named after the
    headline."""
    name, _, noun = text.rpartition(" ")
    return noun in _IMAGE_NOUNS and len(name.split()) >= 2 and headline.startswith(name + " ")


def asks_about(question: str, name: str) -> bool:
    """ "What is conflict analysis?" under "Conflict Analysis": an explainer's first heading
    asking about the page's title, not a headline under a kicker."""
    return question.endswith("?") and f" {name.casefold()}" in question.casefold()
