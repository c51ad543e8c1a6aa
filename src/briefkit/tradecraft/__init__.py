"""Analytic tradecraft checks: estimative language, confidence, source grades and markings.

``check(brief)`` reads a brief as an intelligence editor would and returns
:class:`Finding` objects: a judgement with no standard likelihood term, terms from both rows
of ICD 203's table, a confidence level and a likelihood in one sentence, a percentage outside
its term's band, hedges that state no probability, evidence without an Admiralty grade, a
marking that is not TLP 2.0. The tables behind it (ICD 203, the PHIA yardstick, Kent, the
Admiralty grades, the STIX 2.1 mappings) are data in this package.

The readers give the interchange formats what they need: :func:`confidence`,
:func:`stix_confidence`, :func:`grades` (per evidence item, with STIX and MISP values),
:func:`marking` and :func:`most_restrictive` (on :mod:`briefkit.markings`).

This package imports only the model, errors, safety, limits and markings: parsers and
renderers may both use it, and it uses neither.
"""

from __future__ import annotations

from ..markings import Marking, most_restrictive
from ._checks import check
from ._findings import CODES, Code, Counts, Finding, Location, Severity, count
from ._grades import CREDIBILITY, CREDIBILITY_STIX, RELIABILITY, Grade, find_grades, read_grade
from ._reading import confidence, grades, marking, stix_confidence
from ._terms import CONFIDENCE_STIX, HEDGES, SCALES, TERMS, Scale, Term, terms_of
from ._texts import place

__all__ = [
    "CODES",
    "CONFIDENCE_STIX",
    "CREDIBILITY",
    "CREDIBILITY_STIX",
    "HEDGES",
    "RELIABILITY",
    "SCALES",
    "TERMS",
    "Code",
    "Counts",
    "Finding",
    "Grade",
    "Location",
    "Marking",
    "Scale",
    "Severity",
    "Term",
    "check",
    "confidence",
    "count",
    "find_grades",
    "grades",
    "marking",
    "most_restrictive",
    "place",
    "read_grade",
    "stix_confidence",
    "terms_of",
]
