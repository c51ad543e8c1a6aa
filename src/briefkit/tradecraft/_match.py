"""Finding estimative terms, hedges, confidence levels and percentages in one text.

Matching is by whole phrase (a word or hyphen on either side blocks it), longest phrase
first, case-insensitive: the patterns run on a folded copy of the text (:func:`fold`: lower
case, curly apostrophes and odd spaces straightened, always one character for one), so every
span is a span of the original text too. Each kind of thing has one compiled pattern, run
once over a block, and skipped when a plain substring test shows it cannot match: a
10,000-word brief is a few dozen regex passes, not one per sentence.
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
    "fold",
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


def fold(text: str) -> str:
    """:func:`normalise` d and lower-cased, keeping every character where it was (the few
    characters whose lower case is longer, such as "İ", stay as they are)."""
    straight = normalise(text)
    low = straight.lower()
    if len(low) == len(straight):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in straight)


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
)
# "remote" after a verb is an estimate only when what is remote is a chance of something.
_CHANCE_WORDS = re.compile(
    r"\b(?:chances?|possibilit(?:y|ies)|prospects?|likelihood|probability|risks?|odds)\b",
)
_TO = re.compile(r"\s+to\b")
_HEDGES = re.compile(rf"{_B}(?:{_alternation(list(HEDGES))}){_E}")
_MONTH_NEXT = re.compile(r"\s+\d")
_MIGHT_NOUN = re.compile(
    r"(?:'s|s'|\b(?:its|their|his|her|our|your|military|economic|naval|industrial|nuclear"
    r"|full|sheer|financial|air))\s+$",
)
_LEVEL = r"low|moderate|medium|high"
_CONFIDENCE = re.compile(
    rf"(?<!\w)(?P<a>{_LEVEL})(?:[\s-]+(?:degree|level)\s+of)?[\s-]+confidence{_E}"
    rf"|{_B}confidence(?:\s+level)?\s*[:=]\s*(?P<b>{_LEVEL}){_E}"
    rf"|{_B}confidence\s+level\s+(?:is\s+|was\s+|of\s+)?(?P<c>{_LEVEL}){_E}",
)
_NUM = r"\d{1,3}(?:\.\d+)?"
_PCT = r"\s?(?:%|percent(?!\w)|per\s+cent(?!\w))"
_PERCENT = re.compile(
    rf"(?<![\w.])(?P<a>{_NUM})(?:{_PCT})?(?:\s?[-\u2013\u2014]\s?|\s+to\s+)(?P<b>{_NUM}){_PCT}"
    rf"|(?<![\w.])(?P<n>{_NUM}){_PCT}",
)
_PROBABILITY_AFTER = re.compile(
    r"\s+(?:chances?|probability|likelihood|odds|likely|probable|certain(?:ty)?)\b",
)
_PROBABILITY_BEFORE = re.compile(
    r"\b(?:probability|likelihood|chances?|odds)\s+(?:of\s+)?"
    r"(?:(?:about|around|roughly|approximately|some|nearly|at\s+least|at\s+most)\s+)?$",
)
_OPEN = re.compile(r"[(\[]\s?(?:(?:about|around|roughly|approximately|~|≈)\s?)?$")
_CLOSE = re.compile(r"\s?[)\]]")
_ATTACH = re.compile(r"\s?[(\[,]\s?(?:(?:about|around|roughly|approximately|~|≈)\s?)?")
_DISCLAIMER = re.compile(
    r"\binterchangeabl\w*|\bsame\s+(?:probabilit\w*|likelihood|meaning)|\bmeans?\s+the\s+same\b"
    r"|\bequivalent\b",
)
_WORDS = re.compile(r"\b(?:terms?|words?|expressions?|phrases?)\b")


_DIGIT = re.compile(r"\d")


def terms(low: str) -> list[Hit]:
    """Every estimative term of any yardstick in ``low`` (a :func:`fold` ed text)."""
    found: list[Hit] = []
    for match in _TERMS.finditer(low):
        if match["phrase"] is not None:
            found.append(Hit(match.start(), match.end(), " ".join(match["phrase"].split())))
            continue
        word = match["pred"]
        start = match.start("pred")
        if word == "impossible" and _TO.match(low, match.end()):
            continue  # "impossible to verify" says nothing about likelihood
        if word == "remote" and not _CHANCE_WORDS.search(low, max(0, start - 80), start):
            continue  # "the village is remote"
        found.append(Hit(start, match.end(), word))
    return found


def hedges(low: str, text: str, sentence_starts: frozenset[int]) -> list[Hit]:
    """Every hedge in ``low`` (``text`` folded); "May" the month or name and "might" the
    noun are not hedges."""
    found: list[Hit] = []
    for match in _HEDGES.finditer(low):
        start = match.start()
        form = " ".join(match.group(0).split())
        if (
            form == "may"
            and text[start] == "M"
            and (start not in sentence_starts or _MONTH_NEXT.match(low, match.end()))
        ):
            continue  # "in May", "Theresa May", "May 2024 saw ..."
        if form == "might" and _MIGHT_NOUN.search(low, max(0, start - 20), start):
            continue  # "military might"
        found.append(Hit(start, match.end(), form))
    return found


def confidences(low: str) -> list[ConfidenceHit]:
    """Every stated confidence level: "high confidence", "Confidence level: moderate"."""
    if "confidence" not in low:
        return []
    return [
        ConfidenceHit(m.start(), m.end(), m["a"] or m["b"] or m["c"])
        for m in _CONFIDENCE.finditer(low)
    ]


def percents(low: str) -> list[PercentHit]:
    """Every percentage or percentage range, and whether the text makes it a probability."""
    if _DIGIT.search(low) is None:
        return []
    found: list[PercentHit] = []
    for match in _PERCENT.finditer(low):
        if match["n"] is not None:
            a = b = float(match["n"])
        else:
            a, b = sorted((float(match["a"]), float(match["b"])))
        if b > 100:
            continue
        start, end = match.start(), match.end()
        before = low[max(0, start - 40) : start]
        bracketed = bool(_OPEN.search(before)) and bool(_CLOSE.match(low, end))
        probability = bool(_PROBABILITY_AFTER.match(low, end) or _PROBABILITY_BEFORE.search(before))
        found.append(PercentHit(start, end, a, b, probability, bracketed))
    return found


def disclaims_rows(low: str) -> bool:
    """Whether ``low`` says the estimative terms it uses mean the same probabilities."""
    if "interchangeab" not in low and "same" not in low and "equivalent" not in low:
        return False
    return _DISCLAIMER.search(low) is not None and _WORDS.search(low) is not None


def attached(low: str, term_end: int, percent_start: int) -> bool:
    """Whether only an opening bracket (and "about") stands between a term and a percentage,
    as in "likely (70 %)"."""
    gap = low[term_end:percent_start]
    return len(gap) <= 20 and _ATTACH.fullmatch(gap) is not None
