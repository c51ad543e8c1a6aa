"""Lines a copied page's images leave behind: sizes, credits, file names and placeholder alt
text. Chrome wherever they stand (:mod:`.chrome` makes them strong patterns); a caption that
is a sentence about the picture stays text. A credit over the copyright line that repeats it
is told by :func:`is_credit`, which needs the line after it."""

from __future__ import annotations

import re

__all__ = ["IMAGE_PATTERNS", "is_credit"]

#: A news photo's credit, "Credit" run into its holder by an ellipsis as the NYT prints it.
NEWS_CREDIT = r"credit(?:\.{3}|…) ?\S[^\n]{0,80}"

#: Whole-line patterns, matched case-insensitively.
IMAGE_PATTERNS = (
    # a wiki thumbnail's size run into its caption ("250px Map of the region")
    r"\d{2,4}px [^\n]{1,100}",
    NEWS_CREDIT,
    # a stock photo's credit ("Image: Image by Tobias Hämmer from Pixabay")
    r"(?:(?:image|photo|picture)s?: )?(?:image|photo|picture)s? by [^\n]{1,60} (?:from|on|via) "
    r"(?:pixabay|unsplash|pexels|shutterstock|istock|getty images|adobe stock|wikimedia commons)",
    r"[\w.-]{1,80}\.(?:jpe?g|png|gif|webp|svg|bmp|tiff?)",
    # a theme's placeholder alt text ("background image", "author image")
    r"(?:background|author|hero|header|featured|cover|profile|banner|post|article|placeholder)"
    r" (?:image|photo|picture|thumbnail)",
    # a phone's or messenger's file name as the alt text ("Whatsapp Image 2023 11 24 At 2.44")
    r"(?:whatsapp image|screenshot|screen shot|img|dsc|pxl)[ _-]\d{4}[ _-]?\d{2}[ _-]?\d{2}"
    r"[\w .:_-]{0,30}",
    # an image's alt text naming the headline it illustrates ("<headline> - illustration")
    r"[^\n]{3,200} [-–—] (?:illustration|featured image|header image|hero image)",
    # a broadcaster's caption labels ("Image caption,", "Image source, Getty Images"), also
    # with the caption the copy ran into the source
    r"(?:cover |header |featured )?image (?:caption|source),?(?: [^\n]{1,60})?",
    r"[^\n]{1,250}\Simage source, [^\n]{1,60}",
    # a journal's logo run into its link ("Health Affairs Scholar logoLink to Health ...")
    r"[^\n]{1,80} logo ?link to [^\n]{1,80}",
    # a picture's credit label ("Image Credits: Unsplash"), also run together with itself
    r"(?:image|photo) credits?: [^\n]{1,80}",
    # a stock site's request for attribution under its picture
    r"you are free to use this image[^\n]{0,240}",
    # a picture's attribution as Wikimedia Commons prints it ("By U.S. Government [Public
    # domain], via Wikimedia Commons")
    r"by [^\n]{1,120}, via wikimedia commons\.?",
)


_COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright)\s*", re.IGNORECASE)
_PLACEHOLDER = frozenset(("image", "photo", "video"))
_NEWS_CREDIT_LINE = re.compile(NEWS_CREDIT, re.IGNORECASE)


def is_credit(line: str, following: str) -> bool:
    """A photo's credit over the copyright line that repeats it ("UNICEF Somalia/2017/Holt"
    over "© UNICEF Somalia/2017/Holt"), or a picture's placeholder word over a news photo's
    credit ("Image" over "Credit...Al Drago/The New York Times"): the image's caption, not
    content."""
    text, after = " ".join(line.split()), " ".join(following.split())
    if text.lower() in _PLACEHOLDER:
        return _NEWS_CREDIT_LINE.fullmatch(after) is not None
    match = _COPYRIGHT.match(after)
    return bool(text) and match is not None and after[match.end() :] == text
