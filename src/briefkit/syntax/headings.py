"""The heading vocabulary every parser uses and the text and Markdown writers ask back:
which labels start which kind of section.

Matching is case-insensitive, accepts British and American spellings, singular and plural,
and ignores a trailing colon and surrounding whitespace. Only these labels count as inline
headings ("Overview: ..."); any other phrase before a colon stays text.
"""

from __future__ import annotations

import re

from ..model import SectionKind

__all__ = ["HEADINGS", "classify_heading", "split_inline_heading"]

_K = SectionKind

#: Label (lower case, singular, American 'judgment' folded to 'judgement') -> kind.
HEADINGS: dict[str, SectionKind] = {
    "analytic judgement": _K.JUDGEMENT,
    "analytical judgement": _K.JUDGEMENT,
    "key judgement": _K.JUDGEMENT,
    "judgement": _K.JUDGEMENT,
    "assessment": _K.JUDGEMENT,
    "key assessment": _K.JUDGEMENT,
    "bottom line": _K.JUDGEMENT,
    "bottom line up front": _K.JUDGEMENT,
    "bluf": _K.JUDGEMENT,
    "executive summary": _K.OVERVIEW,
    "summary": _K.OVERVIEW,
    "overview": _K.OVERVIEW,
    "background": _K.BACKGROUND,
    "context": _K.BACKGROUND,
    "analysis": _K.ANALYSIS,
    "discussion": _K.ANALYSIS,
    "supporting evidence": _K.EVIDENCE,
    "evidence": _K.EVIDENCE,
    "key point": _K.EVIDENCE,
    "key finding": _K.EVIDENCE,
    "implication": _K.IMPLICATIONS,
    "outlook": _K.OUTLOOK,
    "forecast": _K.OUTLOOK,
    "scenario": _K.OUTLOOK,
    "indicator": _K.OUTLOOK,
    "recommendation": _K.RECOMMENDATIONS,
    "source": _K.SOURCES,
    "reference": _K.SOURCES,
}

_SPACE = re.compile(r"\s+")
# Longest labels first so "bottom line up front" wins over "bottom line".
_LABELS = sorted(
    {*HEADINGS, *(f"{label}s" for label in HEADINGS), "key judgements", "analyses"},
    key=len,
    reverse=True,
)
_INLINE = re.compile(
    r"^\s*((?:"
    + "|".join(
        re.escape(lbl).replace("judgement", "judge?ment").replace(r"\ ", r"\s+") for lbl in _LABELS
    )
    + r"))\s*:\s*",
    re.IGNORECASE,
)


def _key(label: str) -> str:
    key = (
        _SPACE.sub(" ", label.strip().rstrip(":").strip()).lower().replace("judgment", "judgement")
    )
    if key in HEADINGS:
        return key
    if key == "analyses":
        return "analysis"
    if key.endswith("s") and key[:-1] in HEADINGS:
        return key[:-1]
    return key


def classify_heading(label: str) -> SectionKind | None:
    """The kind a heading label names, or None when the label is not in the vocabulary."""
    return HEADINGS.get(_key(label))


def split_inline_heading(text: str) -> tuple[str, str] | None:
    """Split ``"Overview: The United States ..."`` into (heading, rest) for known labels only."""
    match = _INLINE.match(text)
    if not match:
        return None
    return _SPACE.sub(" ", match.group(1)), text[match.end() :]
