"""Line breaks that keep every word of a PDF findable by text search.

A line that ends with a hyphen reads as a hyphenated word to text extraction (poppler's
pdftotext, pdf.js, Acrobat): the hyphen is dropped and the halves are joined, so
``deep-water`` broken after its hyphen is found as ``deepwater`` and a URL broken after
``offshore-`` loses the hyphen. So in the PDF's HTML a word joiner (U+2060, which forbids
a break and is not in the text layer) follows each hyphen of a compound of up to
:data:`COMPOUND` characters; a longer run (a URL) gets break opportunities after
``/ ? & = . _`` instead (zero width spaces, where a reader expects a URL to wrap), its
hyphenated pieces joined the same way. Characters, not elements: a span inside a link
would split the link into boxes outside its Link structure element (PDF/UA 7.18.5-1).
"""

from __future__ import annotations

import re

from lxml import etree

from .breaks import map_text

__all__ = ["COMPOUND", "joined", "keep_compounds"]

#: Longest hyphenated compound kept on one line; longer runs break after URL punctuation.
COMPOUND = 40
_ZWSP = "\u200b"
_WJ = "\u2060"
_HYPHEN = re.compile(r"(?<=\w)(-+)(?=\w)")
_TOKEN = re.compile(r"\S+")
_URL_BREAK = re.compile(r"(?<=[/?&=._])(?=[^/?&=._\u200b])")


def _token(match: re.Match[str]) -> str:
    token = match.group()
    if len(token) > COMPOUND:
        pieces = _URL_BREAK.sub(_ZWSP, token).split(_ZWSP)
        return _ZWSP.join(_HYPHEN.sub(rf"\1{_WJ}", p) if len(p) <= COMPOUND else p for p in pieces)
    return _HYPHEN.sub(rf"\1{_WJ}", token) if "-" in token else token


def joined(text: str) -> str:
    """``text`` with its compounds kept whole and its long runs breakable at punctuation."""
    return _TOKEN.sub(_token, text)


#: Classes of the elements that label a bookmark (print.css reads ``data-bookmark``).
_BOOKMARKED = ("brief-title", "brief-heading")


def keep_compounds(root: etree._Element) -> None:
    """Apply :func:`joined` to every text node under ``root`` (attributes untouched).

    A bookmark's label is written by the style sheet from ``data-bookmark``, the heading's
    text as it was: the joiners must not reach the PDF's outline, which shows them.
    """
    for node in root.iter():
        classes = (node.get("class") or "").split() if isinstance(node.tag, str) else ()
        if node.get("data-bookmark") is None and any(n in classes for n in _BOOKMARKED):
            node.set("data-bookmark", " ".join("".join(map(str, node.itertext())).split()))
    map_text(root, joined)
