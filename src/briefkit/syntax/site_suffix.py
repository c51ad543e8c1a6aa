""" "Headline – Site" above the headline: the site's name the page's title runs on with."""

from __future__ import annotations

__all__ = ["SITE_WORDS", "site_suffix"]

SITE_WORDS = 8
_SEPARATORS = (" – ", " — ", " - ", " | ", " :: ", " · ")


def site_suffix(text: str, headline: str) -> str | None:
    """ "Headline – Site" over "Headline": the site's name, else None."""
    if not text.startswith(headline) or text == headline:
        return None
    rest = text[len(headline) :]
    for sep in _SEPARATORS:
        if rest.startswith(sep) and 0 < len(rest[len(sep) :].split()) <= SITE_WORDS:
            return rest[len(sep) :].strip()
    return None
