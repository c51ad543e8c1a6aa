"""Finding estimative terms, hedges, confidence levels and percentages in one text.

Matching is by whole phrase (a word or hyphen on either side blocks it), longest phrase
first, case-insensitive, on a copy of the text whose curly apostrophes and odd spaces are
straightened one character for one, so every span is a span of the original text too.
Each kind of thing has one compiled pattern, run once over a block: a 10,000-word brief is a
few dozen regex passes, not one per sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ._terms import HEDGES, PREDICATES, TERMS

__all__ = [
    "ConfidenceHit",
    "Hit",
    "PercentHit",
    "attached",
    "confidences",
    "disclaims_rows",
    "hedges",
    "normalise",
    "percents",
    "terms",
]

# One character for one, so offsets do not move.
_STRAIGHTEN = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u02bc": "'",
        "\u2032": "'",
        "\u00a0": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u2007": " ",
        "\u2011": "-",
    }
)


def normalise(text: str) -> str:
    """``text`` with curly apostrophes and non-breaking or thin spaces straightened."""
    return text.translate(_STRAIGHTEN)


@dataclass(frozen=True, slots=True)
class Hit:
    """A matched phrase: its span and its standard form (lower case, single spaces)."""

    start: int
    end: int
    form: str


@dataclass(frozen=True, slots=True)
class ConfidenceHit:
    start: int
    end: int
    level: str  # low, moderate, medium or high, as written (lower case)


@dataclass(frozen=True, slots=True)
class PercentHit:
    start: int
    end: int
    low: float
    high: float
    probability: bool  # the text says it is a probability ("a 30 % chance")
    bracketed: bool  # in brackets of its own, "likely (70 %)"


def _phrase(form: str) -> str:
    return r"\s+".join(re.escape(word) for word in form.split())


def _alternation(forms: list[str]) -> str:
    return "|".join(_phrase(f) for f in sorted(set(forms), key=len, reverse=True))


_B, _E = r"(?<![\w-])", r"(?![\w-])"
_COPULA = r"(?:is|are|was|were|be|been|being|remains?|seems?|appears?|looks?|becomes?)"
_PHRASES = _alternation([f for t in TERMS for f in t.forms if f not in PREDICATES])
_TERMS = re.compile(
    rf"{_B}(?:(?P<phrase>{_PHRASES})"
    rf"|{_COPULA}\s+(?:(?:very|extremely|quite|now|still)\s+)?"
    rf"(?P<pred>{'|'.join(sorted(PREDICATES))})"
    r"(?!\s+(?:chance|possibility|likelihood)\b))"  # "is remote chance": the phrase wins
    rf"{_E}",
    re.IGNORECASE,
)
# "remote" after a verb is an estimate only when what is remote is a chance of something.
_CHANCE_WORDS = re.compile(
    r"\b(?:chances?|possibilit(?:y|ies)|prospects?|likelihood|probability|risks?|odds)\b",
    re.IGNORECASE,
)
_TO = re.compile(r"\s+to\b", re.IGNORECASE)
_HEDGES = re.compile(rf"{_B}(?:{_alternation(list(HEDGES))}){_E}", re.IGNORECASE)
_MONTH_NEXT = re.compile(r"\s+\d")
_MIGHT_NOUN = re.compile(
    r"(?:'s|s'|\b(?:its|their|his|her|our|your|military|economic|naval|industrial|nuclear"
    r"|full|sheer|financial|air))\s+$",
    re.IGNORECASE,
)
_LEVEL = r"low|moderate|medium|high"
_CONFIDENCE = re.compile(
    rf"(?<!\w)(?P<a>{_LEVEL})(?:[\s-]+(?:degree|level)\s+of)?[\s-]+confidence{_E}"
    rf"|{_B}confidence(?:\s+level)?\s*[:=]\s*(?P<b>{_LEVEL}){_E}"
    rf"|{_B}confidence\s+level\s+(?:is\s+|was\s+|of\s+)?(?P<c>{_LEVEL}){_E}",
    re.IGNORECASE,
)
_NUM = r"\d{1,3}(?:\.\d+)?"
_PCT = r"\s?(?:%|percent(?!\w)|per\s+cent(?!\w))"
_PERCENT = re.compile(
    rf"(?<![\w.])(?P<a>{_NUM})(?:{_PCT})?(?:\s?[-\u2013\u2014]\s?|\s+to\s+)(?P<b>{_NUM}){_PCT}"
    rf"|(?<![\w.])(?P<n>{_NUM}){_PCT}",
    re.IGNORECASE,
)
_PROBABILITY_AFTER = re.compile(
    r"\s+(?:chances?|probability|likelihood|odds|likely|probable|certain(?:ty)?)\b",
    re.IGNORECASE,
)
_PROBABILITY_BEFORE = re.compile(
    r"\b(?:probability|likelihood|chances?|odds)\s+(?:of\s+)?"
    r"(?:(?:about|around|roughly|approximately|some|nearly|at\s+least|at\s+most)\s+)?$",
    re.IGNORECASE,
)
_OPEN = re.compile(r"[(\[]\s?(?:(?:about|around|roughly|approximately|~|≈)\s?)?$", re.IGNORECASE)
_CLOSE = re.compile(r"\s?[)\]]")
_ATTACH = re.compile(
    r"\s?[(\[,]\s?(?:(?:about|around|roughly|approximately|~|≈)\s?)?", re.IGNORECASE
)
_DISCLAIMER = re.compile(
    r"\binterchangeabl\w*|\bsame\s+(?:probabilit\w*|likelihood|meaning)|\bmeans?\s+the\s+same\b"
    r"|\bequivalent\b",
    re.IGNORECASE,
)
_WORDS = re.compile(r"\b(?:terms?|words?|expressions?|phrases?)\b", re.IGNORECASE)


def terms(text: str) -> list[Hit]:
    """Every estimative term of any yardstick in ``text`` (normalised), longest first."""
    found: list[Hit] = []
    for match in _TERMS.finditer(text):
        if match["phrase"] is not None:
            found.append(Hit(match.start(), match.end(), " ".join(match["phrase"].lower().split())))
            continue
        word = match["pred"].lower()
        start = match.start("pred")
        if word == "impossible" and _TO.match(text, match.end()):
            continue  # "impossible to verify" says nothing about likelihood
        if word == "remote" and not _CHANCE_WORDS.search(text, max(0, start - 80), start):
            continue  # "the village is remote"
        found.append(Hit(start, match.end(), word))
    return found


def hedges(text: str, sentence_starts: frozenset[int]) -> list[Hit]:
    """Every hedge in ``text``; "May" the month or name and "might" the noun are not."""
    found: list[Hit] = []
    for match in _HEDGES.finditer(text):
        form = " ".join(match.group(0).lower().split())
        written = match.group(0)
        if (
            form == "may"
            and written[0] == "M"
            and (match.start() not in sentence_starts or _MONTH_NEXT.match(text, match.end()))
        ):
            continue  # "in May", "Theresa May", "May 2024 saw ..."
        if form == "might" and _MIGHT_NOUN.search(text, max(0, match.start() - 20), match.start()):
            continue  # "military might"
        found.append(Hit(match.start(), match.end(), form))
    return found


def confidences(text: str) -> list[ConfidenceHit]:
    """Every stated confidence level: "high confidence", "Confidence level: moderate"."""
    return [
        ConfidenceHit(m.start(), m.end(), (m["a"] or m["b"] or m["c"]).lower())
        for m in _CONFIDENCE.finditer(text)
    ]


def percents(text: str) -> list[PercentHit]:
    """Every percentage or percentage range, and whether the text makes it a probability."""
    found: list[PercentHit] = []
    for match in _PERCENT.finditer(text):
        if match["n"] is not None:
            low = high = float(match["n"])
        else:
            low, high = sorted((float(match["a"]), float(match["b"])))
        if high > 100:
            continue
        start, end = match.start(), match.end()
        before = text[max(0, start - 40) : start]
        bracketed = bool(_OPEN.search(before)) and bool(_CLOSE.match(text, end))
        probability = bool(
            _PROBABILITY_AFTER.match(text, end) or _PROBABILITY_BEFORE.search(before)
        )
        found.append(PercentHit(start, end, low, high, probability, bracketed))
    return found


def disclaims_rows(text: str) -> bool:
    """Whether ``text`` says the estimative terms it uses mean the same probabilities."""
    return _DISCLAIMER.search(text) is not None and _WORDS.search(text) is not None


def attached(text: str, term_end: int, percent_start: int) -> bool:
    """Whether only an opening bracket (and "about") stands between a term and a percentage,
    as in "likely (70 %)"."""
    gap = text[term_end:percent_start]
    return len(gap) <= 20 and _ATTACH.fullmatch(gap) is not None
