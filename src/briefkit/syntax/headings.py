"""The heading vocabulary every parser uses and the text and Markdown writers ask back:
which labels start which kind of section.

Matching is case-insensitive, accepts British and American spellings, singular and plural,
and ignores a trailing colon, surrounding whitespace, section numbering ("1.", "2.3",
"Key Judgement 1", "KJ-2") and an expansion in brackets ("BLUF (Bottom Line Up Front)").
:func:`classify_heading` answers for labels of the vocabulary only, so parsers can ask it
whether a line *is* a heading. Only these labels count as inline headings ("Overview:
..."); any other phrase before a colon stays text. A singular "Source:" opening a paragraph
is an attribution, and a singular "Reference:" a field naming what the text refers to; neither
is a heading.

:func:`heading_kind` is for lines already known to be headings: longer headings that
contain a label are classified by their parts, but only when they read as a heading (Title
Case or capitals, or sentence case in at most three words; no sentence punctuation or inner
colon, at most eight words): labels
joined by a dash or "and" ("Background Information – Brief Overview", "Recommendations and
Outlook"), a label followed by a preposition ("Key Takeaways from the Report") and a label
as the last word ("Trend Analysis", "Policy Recommendations").
"""

from __future__ import annotations

import functools
import re

from ..model import SectionKind

__all__ = ["HEADINGS", "classify_heading", "heading_kind", "split_inline_heading"]

_K = SectionKind

#: Label (lower case, singular, American 'judgment' folded to 'judgement') -> kind.
HEADINGS: dict[str, SectionKind] = {
    "analytic judgement": _K.JUDGEMENT,
    "analytical judgement": _K.JUDGEMENT,
    "key judgement": _K.JUDGEMENT,
    "kj": _K.JUDGEMENT,
    "judgement": _K.JUDGEMENT,
    "main judgement": _K.JUDGEMENT,
    "assessment": _K.JUDGEMENT,
    "key assessment": _K.JUDGEMENT,
    "bottom line": _K.JUDGEMENT,
    "bottom line up front": _K.JUDGEMENT,
    "bluf": _K.JUDGEMENT,
    "key takeaway": _K.JUDGEMENT,
    "takeaway": _K.JUDGEMENT,
    "key message": _K.JUDGEMENT,
    "executive summary": _K.OVERVIEW,
    "summary": _K.OVERVIEW,
    "overview": _K.OVERVIEW,
    "brief overview": _K.OVERVIEW,
    "the issue": _K.OVERVIEW,
    "situation": _K.OVERVIEW,
    "the situation": _K.OVERVIEW,
    "current situation": _K.OVERVIEW,
    "situation overview": _K.OVERVIEW,
    "background": _K.BACKGROUND,
    "background information": _K.BACKGROUND,
    "context": _K.BACKGROUND,
    "analysis": _K.ANALYSIS,
    "detailed analysis": _K.ANALYSIS,
    "detailed assessment": _K.ANALYSIS,
    "discussion": _K.ANALYSIS,
    "analyst comment": _K.ANALYSIS,
    "competing hypotheses": _K.ANALYSIS,
    "analysis of competing hypotheses": _K.ANALYSIS,
    "alternative analysis": _K.ANALYSIS,
    "key assumption": _K.ANALYSIS,
    "assumption": _K.ANALYSIS,
    "supporting evidence": _K.EVIDENCE,
    "evidence": _K.EVIDENCE,
    "key point": _K.EVIDENCE,
    "key finding": _K.EVIDENCE,
    "finding": _K.EVIDENCE,
    "key development": _K.EVIDENCE,
    "main finding": _K.EVIDENCE,
    "implication": _K.IMPLICATIONS,
    "impact": _K.IMPLICATIONS,
    "potential impact": _K.IMPLICATIONS,
    "possible effect": _K.IMPLICATIONS,
    "consequence": _K.IMPLICATIONS,
    "outlook": _K.OUTLOOK,
    "forecast": _K.OUTLOOK,
    "scenario": _K.OUTLOOK,
    "indicator": _K.OUTLOOK,
    "red flag": _K.OUTLOOK,
    "what to watch": _K.OUTLOOK,
    "looking ahead": _K.OUTLOOK,
    "prospect": _K.OUTLOOK,
    "recommendation": _K.RECOMMENDATIONS,
    "recommended action": _K.RECOMMENDATIONS,
    "action to take": _K.RECOMMENDATIONS,
    "immediate action": _K.RECOMMENDATIONS,
    "immediate actions required": _K.RECOMMENDATIONS,
    "actions required": _K.RECOMMENDATIONS,
    "advice": _K.RECOMMENDATIONS,
    "mitigation": _K.RECOMMENDATIONS,
    "mitigation measure": _K.RECOMMENDATIONS,
    "mitigating factor": _K.RECOMMENDATIONS,
    "mitigating factors to apply": _K.RECOMMENDATIONS,
    "next step": _K.RECOMMENDATIONS,
    "source": _K.SOURCES,
    "reference": _K.SOURCES,
    "bibliography": _K.SOURCES,
    # an author box under the piece: a section of its own, of no analytic kind
    "about the author": _K.OTHER,
}

#: Words that name a section's kind when they end a longer Title Case heading.
_HEAD_NOUNS: dict[str, SectionKind] = {
    "judgement": _K.JUDGEMENT,
    "takeaway": _K.JUDGEMENT,
    "summary": _K.OVERVIEW,
    "overview": _K.OVERVIEW,
    "background": _K.BACKGROUND,
    "context": _K.BACKGROUND,
    "analysis": _K.ANALYSIS,
    "finding": _K.EVIDENCE,
    "evidence": _K.EVIDENCE,
    "implication": _K.IMPLICATIONS,
    "outlook": _K.OUTLOOK,
    "forecast": _K.OUTLOOK,
    "scenario": _K.OUTLOOK,
    "indicator": _K.OUTLOOK,
    "recommendation": _K.RECOMMENDATIONS,
}
_PREPOSITIONS = frozenset(("from", "of", "on", "for", "in", "to", "about", "regarding"))
_SMALL = frozenset(
    (  # noqa: SIM905 - a word list reads better as one string
        "a an the and or but nor for of on in at to by with from as vs via per into over under "
        "about regarding our its their your"
    ).split()
)
_MAX_LOOSE_WORDS = 8

_SPACE = re.compile(r"\s+")
# "1." "2.3" "IV." "A." before a heading, and "1" "#2" "-3" after a label.
_LEAD_NUMBER = re.compile(r"^(?:\d{1,3}(?:\.\d{1,3})*\.?|[ivx]{1,4}\.|[a-h][.)])\s+")
_TRAIL_NUMBER = re.compile(r"(?:\s*[#-]\s*|\s+)\d{1,3}\.?$")
_BRACKETS = re.compile(r"^(.*?)\s*\(([^()]{1,60})\)$")
_DASHES = re.compile(r"\s+[–—|-]\s+")
_JOINS = re.compile(r"\s+(?:and|&)\s+|\s*/\s*")

# Longest labels first so "bottom line up front" wins over "bottom line". The singular
# "source" and "reference" are left out on purpose: "Source: ..." credits a paragraph and
# "Reference: Advisory 002/MAR/2017 ..." names what a report refers to; neither heads a
# section.
_FIELDS = frozenset(("source", "reference"))
_INLINE_LABELS = sorted(
    {
        *(label for label in HEADINGS if label not in _FIELDS),
        *(f"{label}s" for label in HEADINGS if not label.endswith("s")),
        "key judgements",
        "analyses",
    },
    key=len,
    reverse=True,
)


@functools.cache
def _inline() -> re.Pattern[str]:
    """A known label and a colon opening a paragraph; compiled on first use (a few ms: every
    label of the vocabulary), since only readers that split inline headings need it."""
    return re.compile(
        r"^\s*((?:"
        + "|".join(
            re.escape(lbl).replace("judgement", "judge?ment").replace(r"\ ", r"\s+")
            for lbl in _INLINE_LABELS
        )
        + r")(?:(?:\s*[#-]\s*|\s+)\d{1,3})?(?:\s*\([^():\n]{1,60}\))?)\s*:\s*",
        re.IGNORECASE,
    )


#: A portion marking that opens a heading of a classified document's released version
#: ("(U) Key Judgments", "(U//FOUO) Scope Note"): it marks the paragraph, not the label.
_PORTION = re.compile(r"\((?:U|C|S|TS|CUI)(?://[A-Z0-9][A-Z0-9 ,/-]{0,40})?\)\s+")


def _unmarked(label: str) -> str:
    return _PORTION.sub("", label.strip(), count=1) if label.lstrip().startswith("(") else label


def _normal(label: str) -> str:
    text = _SPACE.sub(" ", _unmarked(label).strip().rstrip(":").strip()).lower()
    return text.replace("judgment", "judgement")


def _lookup(key: str) -> SectionKind | None:
    """Exact label, its singular, or the label with a number after it."""
    for candidate in (key, _TRAIL_NUMBER.sub("", key)):
        if candidate in HEADINGS:
            return HEADINGS[candidate]
        if candidate == "analyses":
            return _K.ANALYSIS
        words = candidate.split(" ")
        singular = " ".join(w[:-1] if len(w) > 3 and w.endswith("s") else w for w in words)
        if singular in HEADINGS:
            return HEADINGS[singular]
    return None


_SENTENCE_CASE_WORDS = 3


def _title_like(label: str) -> bool:
    """Title Case, capitals or a short phrase in sentence case, no sentence punctuation: a
    label, not a sentence."""
    words = label.split()
    if not words or len(words) > _MAX_LOOSE_WORDS or ":" in label:
        return False
    if label.endswith((".", "!", "?", ";", ",")):
        return False
    content = [w for w in words if w.lower() not in _SMALL]
    sentence = words[0][:1].isupper() and all(w[:1].islower() for w in words[1:])
    if sentence and len(words) <= _SENTENCE_CASE_WORDS:
        return True  # British style's short headings ("Economic outlook"); a longer line in
        # sentence case reads as a sentence ("Sources and methods remain unclear")
    return all(w[:1].isupper() or not w[:1].isalpha() for w in content)


def _loose(key: str) -> SectionKind | None:
    """A longer heading classified by the labels it is built from."""
    for splitter in (_DASHES, _JOINS):
        parts = [p for p in splitter.split(key) if p]
        if len(parts) > 1:
            kind = next((k for k in map(_strict, parts) if k is not None), None)
            if kind is not None:
                return kind
            break  # no part is a label: the heading's last noun may still name its kind
    words = key.split(" ")
    for cut in range(len(words) - 1, 0, -1):
        if words[cut] in _PREPOSITIONS:
            kind = _strict(" ".join(words[:cut]))
            if kind is not None:
                return kind
    last = words[-1]
    return _HEAD_NOUNS.get(last[:-1] if last.endswith("s") and last[:-1] in _HEAD_NOUNS else last)


def _strict(key: str) -> SectionKind | None:
    key = _LEAD_NUMBER.sub("", key)
    kind = _lookup(key)
    if kind is None:
        match = _BRACKETS.match(key)
        if match:
            kind = _lookup(match.group(1)) or _lookup(match.group(2))
    return kind


def classify_heading(label: str) -> SectionKind | None:
    """The kind a heading label names, or None when the label is not in the vocabulary."""
    return _strict(_normal(label))


def heading_kind(label: str) -> SectionKind | None:
    """The kind of a line known to be a heading: its label, else the labels it is made of."""
    kind = classify_heading(label)
    if kind is not None:
        return kind
    stripped = _LEAD_NUMBER.sub("", _unmarked(label).strip().rstrip(":").strip())
    return _loose(_normal(stripped)) if _title_like(stripped) else None


def split_inline_heading(text: str) -> tuple[str, str] | None:
    """Split ``"Overview: The United States ..."`` into (heading, rest) for known labels only."""
    match = _inline().match(text)
    if not match:
        return None
    return _SPACE.sub(" ", match.group(1)), text[match.end() :]
