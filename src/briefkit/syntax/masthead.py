"""A site's masthead above a copied headline: its name and its tagline.

Pages print the site's name ("Slow Travel News") and a tagline under it ("Your resource for
slow travel and international living – new content daily") above the piece's own headline.
Both are the page's, not the piece's: the name is the publisher, the tagline (which may be
the piece's standfirst on other pages, so it is kept) the summary.
"""

from __future__ import annotations

import re
from typing import Any

from ..errors import ParseError
from .chrome import chrome_strength
from .date_lines import date_line
from .heading_form import heading_form
from .site_suffix import SITE_WORDS

__all__ = [
    "SITE_LINES",
    "after_view_original",
    "blog_name",
    "is_tagline",
    "masthead",
    "over_buttons",
    "piped_masthead",
    "site_name",
]

#: How far down the page a site's header lines are looked for (candidate lines).
SITE_LINES = 3
_TAGLINE_WORDS = 5
_TAGLINE_MAX_WORDS = 16
_NAME_WORDS = 4
_SENTENCE_BREAK = re.compile(r"[a-z]{2}[.!?]\s+[A-Z]")
_MASTHEAD_WORDS = frozenset(
    (  # noqa: SIM905 - a word list reads better as one string
        "review insights insight watch news times post journal monitor report daily weekly "
        "analytics intelligence group institute center centre council foundation observer "
        "herald tribune gazette chronicle wire digest bulletin desk hub network blog"
    ).split()
)

#: A tagline saying whose publication the site is ("A Daily Publication of The Dialogue"):
#: it names the masthead above it, wherever that stands.
_PUBLICATION_OF = re.compile(
    r"(?:an? |the )?(?:daily |weekly |monthly |quarterly |free |official )?"
    r"(?:publication|newsletter|journal|magazine|blog|bulletin|service|project|program|programme)"
    r" (?:of|from|by) (?:the )?[A-Z][\w'’&. -]{1,60}",
    re.IGNORECASE,
)


def site_name(text: str) -> bool:
    """Names publications give themselves: "Harbour Risk Review", "Northwatch Analytics",
    and one word with a capital inside it ("EndlessWiki", "SecurityWeek"), a wordmark."""
    camel = text.isalpha() and text[:1].isupper() and any(c.isupper() for c in text[1:])
    return text.split()[-1].lower() in _MASTHEAD_WORDS or (camel and not text.isupper())


def blog_name(text: str) -> bool:
    """A blog's name in Title Case or capitals over its post ("SANS Digital Forensics and
    Incident Response Blog"): a name longer than a kicker, that says what it is."""
    words = text.split()
    return (
        len(words) > 1 and words[-1].lower() == "blog" and heading_form(text) in ("title", "caps")
    )


def is_tagline(text: str) -> bool:
    """A site's tagline: one phrase or sentence, not the start of the body text (a cut-off
    description of several sentences is the only headline some pages have)."""
    words = len(text.split())
    return (
        heading_form(text) in (None, "sentence")
        and (words >= _TAGLINE_WORDS or text.endswith((".", "!")))
        and words <= _TAGLINE_MAX_WORDS
        and _SENTENCE_BREAK.search(text) is None
    )


def masthead(cands: list[tuple[int, str]], k: int) -> bool:
    """Candidate ``k`` is a site's name over its tagline, over a headline-shaped line: the
    name ends like a publication's ("... News", "... Review"), so a Title Case headline
    over its standfirst is never taken for one, and something (a date, the page's chrome)
    stands above it: a first line is the headline ("Maritime Security Weekly"), unless the
    tagline says whose publication it is."""
    if k + 2 >= len(cands):
        return False
    name, tagline, headline = (text for _, text in cands[k : k + 3])
    whose = _PUBLICATION_OF.fullmatch(tagline) is not None
    return (
        (k > 0 or whose)
        and len(name.split()) <= _NAME_WORDS
        and heading_form(name) in ("title", "caps")
        and (site_name(name) or whose)
        and (is_tagline(tagline) or whose)
        and not tagline.endswith(".")
        and heading_form(headline) is not None
    )


_PIPED_TAGLINE_WORDS = 6


def piped_masthead(text: str) -> tuple[str, str] | None:
    """ "Corvus Insights Blog | Smart Cyber Insurance": a site's name and its tagline on one
    line, as a blog's header prints them; (name, tagline), else None."""
    name, bar, tagline = (part.strip() for part in text.partition(" | "))
    if not bar or "|" in tagline or not tagline:
        return None
    named = len(name.split()) <= _NAME_WORDS and heading_form(name) in ("title", "caps")
    short = len(tagline.split()) <= _PIPED_TAGLINE_WORDS and heading_form(tagline) is not None
    return (name, tagline) if named and site_name(name) and short else None


def over_buttons(name: str, under: str, dated: str) -> bool:
    """A Title Case ``name`` right over chrome (``under``: "< Back") with the headline and
    its date line (``dated``) after: the site's masthead, not a kicker or the title."""
    return (
        chrome_strength(under) > 0
        and heading_form(name) in ("title", "caps")
        and date_line(dated) is not None
    )


def after_view_original(cands: list[tuple[int, str]], meta: dict[str, Any]) -> int:
    """Skip "SITE NAME" / "View Original" over a copied AMP page: the candidate after it,
    the name read as the publisher (when ``meta`` has none)."""
    for k, (index, text) in enumerate(cands[: SITE_LINES + 1]):
        if " ".join(text.split()).lower() == "view original":
            names = [t for _, t in cands[:k] if not chrome_strength(t)]
            if not all(len(n.split()) <= SITE_WORDS for n in names):
                return 0
            if k + 1 >= len(cands):
                raise ParseError("no title after 'View Original'", line=index + 1)
            if names and not meta.get("publisher"):
                meta["publisher"] = " ".join(names)
            return k + 1
    return 0
