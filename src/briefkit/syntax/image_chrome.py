"""Lines a copied page's images leave behind: sizes, credits, file names and placeholder alt
text. Chrome wherever they stand (:mod:`.chrome` makes them strong patterns); a caption that
is a sentence about the picture stays text."""

from __future__ import annotations

__all__ = ["IMAGE_PATTERNS", "NEWS_CREDIT"]

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
    # a picture's attribution as Wikimedia Commons prints it ("By U.S. Government [Public
    # domain], via Wikimedia Commons")
    r"by [^\n]{1,120}, via wikimedia commons\.?",
)
