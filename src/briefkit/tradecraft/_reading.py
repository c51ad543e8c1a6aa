"""Reading what a brief states: its confidence level, its grades, its marking.

Parsers keep "Confidence level: Moderate" or "(B2)" as the text they are; these functions
read them, for the checks and for the interchange formats (STIX 2.1, MISP) that want numbers.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..markings import Marking, parse_marking
from ..model import Brief, SectionKind
from . import _match as m
from ._grades import Grade, read_grade
from ._terms import CONFIDENCE_STIX, terms_of
from ._texts import pieces

__all__ = ["confidence", "grades", "marking", "stix_confidence"]

_LEVELS = {"low": "low", "moderate": "moderate", "medium": "moderate", "high": "high"}


def _texts_judgement_first(brief: Brief) -> Iterator[str]:
    every = list(pieces(brief))
    for piece in every:
        if piece.kind is SectionKind.JUDGEMENT:
            yield piece.low
    for piece in every:
        if piece.kind is not SectionKind.JUDGEMENT:
            yield piece.low
    if brief.summary:
        yield m.fold(brief.summary)


def confidence(brief: Brief) -> str | None:
    """The confidence level the brief states: ``"low"``, ``"moderate"`` or ``"high"``, or None.

    The first level written in the judgement section (its heading included) wins, else the
    first anywhere else (headings, paragraphs, items, then the summary). "Medium" is read
    as moderate, the standard word for it.
    """
    for text in _texts_judgement_first(brief):
        hits = m.confidences(text)
        if hits:
            return _LEVELS[hits[0].level]
    return None


def stix_confidence(brief: Brief) -> int | None:
    """The brief's STIX 2.1 ``confidence`` (0–100), or None when it states nothing to map.

    From the stated confidence level (:func:`confidence`) through STIX 2.1 Appendix A's
    Low/Med/High scale (15, 50, 85); without one, from the judgement section's ICD 203
    terms (either row) through the DNI scale (almost no chance / remote 5, very unlikely 15,
    unlikely 30, roughly even 50, likely 70, very likely 85, almost certain 95), taking the
    highest. Terms of the other yardsticks have no STIX mapping and give None.
    """
    level = confidence(brief)
    if level is not None:
        return CONFIDENCE_STIX[level]
    values = [
        term.stix
        for piece in pieces(brief)
        if piece.kind is SectionKind.JUDGEMENT and piece.estimative
        for hit in m.terms(piece.low)
        if (term := terms_of(hit.form).get("icd203")) is not None and term.stix is not None
    ]
    return max(values) if values else None


def grades(brief: Brief) -> tuple[Grade | None, ...]:
    """The Admiralty grade of each evidence item, aligned with ``brief.evidence``.

    Each entry is the first valid grade written in the item's lead-in or body (None when
    there is none). A :class:`Grade` gives the reliability letter and credibility digit with
    their meanings, ``stix_confidence`` (credibility 1→90, 2→70, 3→50, 4→30, 5→10, 6 None)
    and ``misp_tags`` (``admiralty-scale:source-reliability="b"``,
    ``admiralty-scale:information-credibility="2"``).
    """
    return tuple(read_grade(item.lead) or read_grade(item.text) for item in brief.evidence)


def marking(text: str) -> Marking | None:
    """The TLP 2.0 (else PAP) marking written in ``text``, or None.

    A :class:`~briefkit.markings.Marking` has ``valid``, ``label`` (the standard form),
    ``colour``, ``stix_id`` (the STIX 2.1 marking-definition id), ``misp_tag`` and
    ``problems`` (how the written form departs from the standard).
    """
    return parse_marking(text)
