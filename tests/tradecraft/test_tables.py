"""The tables as shipped, one test per row of the sources' tables.

The expected values are written out here from the sources (ICD 203 §D.6.e(2)(a), the PHIA
yardstick, Kent's essay, STIX 2.1 Appendix A, the Admiralty system), independently of the
package's own tables, so a typo in either shows.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from briefkit import tradecraft
from briefkit.tradecraft import CONFIDENCE_STIX, CREDIBILITY, CREDIBILITY_STIX, RELIABILITY

# (scale, term, low, high, ICD row, STIX DNI value)
ROWS = [
    ("icd203", "almost no chance", 1, 5, 1, 5),
    ("icd203", "very unlikely", 5, 20, 1, 15),
    ("icd203", "unlikely", 20, 45, 1, 30),
    ("icd203", "roughly even chance", 45, 55, 1, 50),
    ("icd203", "likely", 55, 80, 1, 70),
    ("icd203", "very likely", 80, 95, 1, 85),
    ("icd203", "almost certain", 95, 99, 1, 95),
    ("icd203", "almost certainly", 95, 99, 1, 95),
    ("icd203", "remote chance", 1, 5, 2, 5),
    ("icd203", "remote possibility", 1, 5, 2, 5),
    ("icd203", "remote likelihood", 1, 5, 2, 5),
    ("icd203", "remote", 1, 5, 2, 5),  # after a verb: "the chance is remote"
    ("icd203", "highly improbable", 5, 20, 2, 15),
    ("icd203", "improbable", 20, 45, 2, 30),
    ("icd203", "improbably", 20, 45, 2, 30),
    ("icd203", "roughly even odds", 45, 55, 2, 50),
    ("icd203", "probable", 55, 80, 2, 70),
    ("icd203", "probably", 55, 80, 2, 70),
    ("icd203", "highly probable", 80, 95, 2, 85),
    ("icd203", "nearly certain", 95, 99, 2, 95),
    ("phia", "remote chance", 0, 5, None, None),
    ("phia", "highly unlikely", 10, 20, None, None),
    ("phia", "unlikely", 25, 35, None, None),
    ("phia", "realistic possibility", 40, 50, None, None),
    ("phia", "likely", 55, 75, None, None),
    ("phia", "probably", 55, 75, None, None),
    ("phia", "highly likely", 80, 90, None, None),
    ("phia", "almost certain", 95, 100, None, None),
    ("phia", "almost certainly", 95, 100, None, None),
    ("kent", "certain", 100, 100, None, None),
    ("kent", "almost certain", 87, 99, None, None),  # 93 ± 6
    ("kent", "almost certainly", 87, 99, None, None),
    ("kent", "probable", 63, 87, None, None),  # 75 ± 12
    ("kent", "probably", 63, 87, None, None),
    ("kent", "chances about even", 40, 60, None, None),  # 50 ± 10
    ("kent", "probably not", 20, 40, None, None),  # 30 ± 10
    ("kent", "almost certainly not", 2, 12, None, None),  # 7 ± 5
    ("kent", "impossible", 0, 0, None, None),
]


@pytest.mark.parametrize(("scale", "form", "low", "high", "row", "stix"), ROWS)
def test_every_term_has_its_band_row_and_stix_value(
    scale: str, form: str, low: int, high: int, row: int | None, stix: int | None
) -> None:
    term = tradecraft.terms_of(form)[scale]
    assert term.band == (low, high)
    assert term.row == row
    assert term.stix == stix


@pytest.mark.parametrize("scale", tradecraft.SCALES)
def test_each_scale_has_seven_terms(scale: str) -> None:
    names = {t.name for t in tradecraft.TERMS if t.scale == scale}
    assert len(names) == (14 if scale == "icd203" else 7)
    shipped = {f for t in tradecraft.TERMS if t.scale == scale for f in t.forms}
    assert shipped == {f for s, f, *_ in ROWS if s == scale}


def test_phia_ranges_leave_gaps_between_them() -> None:
    bands = sorted(t.band for t in tradecraft.TERMS if t.scale == "phia")
    assert all(a[1] < b[0] for a, b in itertools.pairwise(bands))


@pytest.mark.parametrize(
    ("letter", "meaning"),
    [
        ("A", "completely reliable"),
        ("B", "usually reliable"),
        ("C", "fairly reliable"),
        ("D", "not usually reliable"),
        ("E", "unreliable"),
        ("F", "cannot be judged"),
    ],
)
def test_reliability_row(letter: str, meaning: str) -> None:
    assert RELIABILITY[letter] == meaning


@pytest.mark.parametrize(
    ("digit", "meaning", "stix"),
    [
        (1, "confirmed by other sources", 90),
        (2, "probably true", 70),
        (3, "possibly true", 50),
        (4, "doubtful", 30),
        (5, "improbable", 10),
        (6, "cannot be judged", None),
    ],
)
def test_credibility_row(digit: int, meaning: str, stix: int | None) -> None:
    assert CREDIBILITY[digit] == meaning
    assert CREDIBILITY_STIX[digit] == stix


@pytest.mark.parametrize(("level", "stix"), [("low", 15), ("moderate", 50), ("high", 85)])
def test_confidence_level_stix_row(level: str, stix: int) -> None:
    assert CONFIDENCE_STIX[level] == stix


@pytest.mark.parametrize(
    "hedge",
    [
        "may",
        "might",
        "could",
        "possibly",
        "perhaps",
        "potentially",
        "cannot rule out",
        "serious possibility",
    ],
)
def test_every_hedge_of_the_source_is_listed(hedge: str) -> None:
    assert hedge in tradecraft.HEDGES


def test_every_code_has_a_severity_and_a_rule() -> None:
    required = {
        "EST-TERM",
        "EST-MIXED-ROWS",
        "EST-CONF-LIKELIHOOD",
        "EST-HEDGE",
        "EST-OTHER-SCALE",
        "EST-NUMBER",
        "EST-JUDGEMENT-UNQUALIFIED",
        "EST-NO-CONFIDENCE",
        "EST-CONF-NONSTANDARD",
        "SRC-UNGRADED",
        "SRC-BAD-GRADE",
        "MARK-INVALID",
        "MARK-FORM",
    }
    assert set(tradecraft.CODES) >= required
    for code in tradecraft.CODES.values():
        assert code.severity in ("error", "warning", "info")
        assert code.rule
        assert code.summary


DOCS = Path(__file__).resolve().parents[2] / "docs" / "tradecraft.md"


@pytest.mark.parametrize("code", sorted(tradecraft.CODES))
def test_the_docs_explain_every_code_with_its_severity(code: str) -> None:
    page = DOCS.read_text(encoding="utf-8")
    severity = tradecraft.CODES[code].severity
    assert f"| `{code}` | {severity} |" in page
    section = page.split(f"\n### {code}\n", 1)[1].split("\n### ", 1)[0]
    assert section.lstrip().startswith(f"*{severity}.*")
    assert "**Fix:**" in section or code == "EST-TERM"
