"""Sentence boundaries in one block of text, as character spans.

A sentence ends at ``.``, ``!`` or ``?`` (with any closing quotes and brackets) followed by
space and something that is not lower case. A full stop does not end a sentence after an
abbreviation made of single letters ("U.S.", "U.K.", "J. Smith") or after a common short
title or abbreviation ("Mr.", "Gen.", "No.", "e.g."). The price: "... sanctions by the
U.S. The Kremlin replied" stays one sentence, which costs a check nothing worse than a wider
quote.
"""

from __future__ import annotations

import re

__all__ = ["sentences"]

_END = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*(?=\s+\S)")
_WORD_BEFORE = re.compile(r"([\w.]+)\.[\"'\u201d\u2019)\]]*$")
_LETTERS = re.compile(r"(?:[A-Za-z]\.)*[A-Za-z]")
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "cmdr",
        "adm",
        "sgt",
        "sen",
        "rep",
        "gov",
        "pres",
        "amb",
        "st",
        "vs",
        "cf",
        "approx",
        "est",
        "fig",
        "jan",
        "feb",
        "aug",
        "sept",
        "sep",
        "oct",
        "nov",
        "dec",
        "inc",
        "ltd",
        "co",
        "corp",
        "jr",
        "sr",
        "e.g",
        "i.e",
        "al",
    ]
)


def _is_boundary(text: str, end: int, next_char: str) -> bool:
    if next_char.islower():
        return False
    run = text[max(0, end - 40) : end]
    if run.rstrip("\"'\u201d\u2019)]").endswith(("!", "?", "..")):
        return True
    match = _WORD_BEFORE.search(run)
    if match is None:
        return True
    word = match.group(1)
    if word.lower() in ("no", "nos"):
        return not next_char.isdigit()  # "No. 5", but "He said no. Then ..."
    return not (_LETTERS.fullmatch(word) or word.lower() in _ABBREVIATIONS)


def sentences(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` span of every sentence of ``text``, without edge spaces."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _END.finditer(text):
        end = match.end()
        rest = text[end:].lstrip()
        if rest and _is_boundary(text, end, rest[0]):
            spans.append((start, end))
            start = end
    spans.append((start, len(text)))
    out: list[tuple[int, int]] = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            out.append((a, b))
    return out
