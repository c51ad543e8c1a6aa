"""The estimative-language tables, as data: three yardsticks, the hedges, the STIX numbers.

Sources (each row is tested against them in ``tests/tradecraft/test_tables.py``):

- ICD 203, Analytic Standards (2 January 2015), §D.6.e(2)(a): two rows of seven terms, the
  same seven probability bands; row 1 speaks of likelihood, row 2 of probability.
- The UK PHIA Probability Yardstick: seven ranges with deliberate gaps between them.
- Sherman Kent, "Words of Estimative Probability": seven terms, a centre and a spread.
- STIX 2.1 Appendix A (``stix2.confidence.scales``): the DNI scale gives each ICD 203 term a
  confidence number; Low/Med/High give 15/50/85.

A term's written forms include its adverb where the source gives one ("almost certain(ly)",
"probable (probably)") or where the adverb is the only natural English for it. Three words are
terms only in one position: "remote" as "remote chance/possibility/likelihood" or after a
verb ("the chance is remote", never "remote access"), and Kent's "certain" and "impossible"
after a verb ("it is certain", never "certain officials"; "impossible to say" is not an
estimate).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = [
    "CONFIDENCE_STIX",
    "HEDGES",
    "PREDICATES",
    "SCALES",
    "SCALE_NAMES",
    "TERMS",
    "Scale",
    "Term",
    "terms_of",
]

Scale = Literal["icd203", "phia", "kent"]
#: The yardsticks ``check`` knows, in the order the docs list them.
SCALES: tuple[Scale, ...] = ("icd203", "phia", "kent")
#: How messages name each yardstick.
SCALE_NAMES: dict[str, str] = {
    "icd203": "ICD 203",
    "phia": "the PHIA yardstick",
    "kent": "Kent's scale",
}


@dataclass(frozen=True, slots=True)
class Term:
    """One standard term of one yardstick: its name, written forms and probability band."""

    scale: Scale
    name: str
    """How the source writes the term (lower case)."""
    low: int
    """The band's lower bound, in percent (inclusive)."""
    high: int
    """The band's upper bound, in percent (inclusive)."""
    forms: tuple[str, ...]
    """Every written form that counts as this term (lower case, single spaces)."""
    row: int | None = None
    """ICD 203 only: 1 for the likelihood row, 2 for the probability row."""
    stix: int | None = None
    """ICD 203 only: the term's STIX 2.1 confidence on the DNI scale."""

    @property
    def band(self) -> tuple[int, int]:
        return (self.low, self.high)


def _icd(name: str, low: int, high: int, row: int, stix: int, *forms: str) -> Term:
    return Term("icd203", name, low, high, forms or (name,), row, stix)


def _term(scale: Scale, name: str, low: int, high: int, *forms: str) -> Term:
    return Term(scale, name, low, high, forms or (name,))


#: Every standard term of every yardstick.
TERMS: tuple[Term, ...] = (
    # ICD 203 row 1 (likelihood)
    _icd("almost no chance", 1, 5, 1, 5),
    _icd("very unlikely", 5, 20, 1, 15),
    _icd("unlikely", 20, 45, 1, 30),
    _icd("roughly even chance", 45, 55, 1, 50),
    _icd("likely", 55, 80, 1, 70),
    _icd("very likely", 80, 95, 1, 85),
    _icd("almost certain", 95, 99, 1, 95, "almost certain", "almost certainly"),
    # ICD 203 row 2 (probability); "remote" alone is a term only after a verb (PREDICATES)
    _icd(
        "remote", 1, 5, 2, 5, "remote chance", "remote possibility", "remote likelihood", "remote"
    ),
    _icd("highly improbable", 5, 20, 2, 15),
    _icd("improbable", 20, 45, 2, 30, "improbable", "improbably"),
    _icd("roughly even odds", 45, 55, 2, 50),
    _icd("probable", 55, 80, 2, 70, "probable", "probably"),
    _icd("highly probable", 80, 95, 2, 85),
    _icd("nearly certain", 95, 99, 2, 95),
    # UK PHIA Probability Yardstick
    _term("phia", "remote chance", 0, 5),
    _term("phia", "highly unlikely", 10, 20),
    _term("phia", "unlikely", 25, 35),
    _term("phia", "realistic possibility", 40, 50),
    _term("phia", "likely", 55, 75, "likely", "probably"),
    _term("phia", "highly likely", 80, 90),
    _term("phia", "almost certain", 95, 100, "almost certain", "almost certainly"),
    # Sherman Kent: centre ± spread
    _term("kent", "certain", 100, 100),
    _term("kent", "almost certain", 87, 99, "almost certain", "almost certainly"),
    _term("kent", "probable", 63, 87, "probable", "probably"),
    _term("kent", "chances about even", 40, 60),
    _term("kent", "probably not", 20, 40),
    _term("kent", "almost certainly not", 2, 12),
    _term("kent", "impossible", 0, 0),
)

#: Single words that are terms only after a verb ("is remote", "it is certain").
PREDICATES: frozenset[str] = frozenset({"remote", "certain", "impossible"})

#: Hedges: words that signal uncertainty but state no probability. Apostrophes are
#: straight here; text is matched with curly ones straightened.
HEDGES: tuple[str, ...] = (
    "may",
    "might",
    "could",
    "possibly",
    "perhaps",
    "potentially",
    "cannot rule out",
    "can not rule out",
    "can't rule out",
    "cannot be ruled out",
    "can't be ruled out",
    "serious possibility",
)

#: STIX 2.1 confidence of a stated confidence level (Appendix A, "Low/Med/High").
CONFIDENCE_STIX: dict[str, int] = {"low": 15, "moderate": 50, "high": 85}


def terms_of(form: str) -> dict[str, Term]:
    """The terms a written form stands for, by scale (``"likely"`` is ICD 203's and PHIA's)."""
    return _BY_FORM.get(" ".join(form.lower().split()), {})


def _index() -> dict[str, dict[str, Term]]:
    index: dict[str, dict[str, Term]] = {}
    for term in TERMS:
        for form in term.forms:
            index.setdefault(form, {})[term.scale] = term
    return index


_BY_FORM = _index()
