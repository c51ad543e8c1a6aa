"""Every band of every yardstick: its edges are in, one point beyond each edge is out.

The bands are written here from the sources, apart from the package's table.
"""

from __future__ import annotations

import pytest

from briefkit.tradecraft import check
from tradecraft_cases import in_paragraph

BANDS = {
    "icd203": [
        ("almost no chance", 1, 5),
        ("very unlikely", 5, 20),
        ("unlikely", 20, 45),
        ("roughly even chance", 45, 55),
        ("likely", 55, 80),
        ("very likely", 80, 95),
        ("almost certain", 95, 99),
        ("remote chance", 1, 5),
        ("highly improbable", 5, 20),
        ("improbable", 20, 45),
        ("roughly even odds", 45, 55),
        ("probable", 55, 80),
        ("highly probable", 80, 95),
        ("nearly certain", 95, 99),
    ],
    "phia": [
        ("remote chance", 0, 5),
        ("highly unlikely", 10, 20),
        ("unlikely", 25, 35),
        ("realistic possibility", 40, 50),
        ("likely", 55, 75),
        ("highly likely", 80, 90),
        ("almost certain", 95, 100),
    ],
    "kent": [
        ("certain", 100, 100),
        ("almost certain", 87, 99),
        ("probable", 63, 87),
        ("chances about even", 40, 60),
        ("probably not", 20, 40),
        ("almost certainly not", 2, 12),
        ("impossible", 0, 0),
    ],
}
CASES = [(scale, *row) for scale, rows in BANDS.items() for row in rows]


def _codes(scale: str, term: str, percent: float) -> tuple[list[str], tuple[int, int] | None]:
    brief = in_paragraph(f"Our view: it is {term} ({percent:g} %) that the talks fail.")
    findings = check(brief, scale=scale)
    terms = [f for f in findings if f.code == "EST-TERM"]
    assert len(terms) == 1, findings
    return sorted(f.code for f in findings if f.where.block == 0), terms[0].band


@pytest.mark.parametrize(("scale", "term", "low", "high"), CASES)
def test_band_edges_are_inside(scale: str, term: str, low: int, high: int) -> None:
    for percent in {low, high, (low + high) / 2}:
        codes, band = _codes(scale, term, percent)
        assert codes == ["EST-TERM"], (percent, codes)
        assert band == (low, high)


@pytest.mark.parametrize(("scale", "term", "low", "high"), CASES)
def test_one_beyond_each_edge_is_outside(scale: str, term: str, low: int, high: int) -> None:
    outside = [p for p in (low - 1, high + 1) if 0 <= p <= 100]
    assert outside
    for percent in outside:
        codes, band = _codes(scale, term, percent)
        assert codes == ["EST-NUMBER", "EST-TERM"], (percent, codes)
        assert band == (low, high)


@pytest.mark.parametrize("percent", [6, 9, 21, 24, 36, 39, 51, 54, 76, 79, 91, 94])
def test_every_phia_gap_is_a_finding(percent: int) -> None:
    brief = in_paragraph(f"We put a {percent} % chance on a new offensive.")
    phia = [f for f in check(brief, scale="phia") if f.code == "EST-NUMBER"]
    assert len(phia) == 1
    assert "gap" in phia[0].message
    assert not [f for f in check(brief, scale="icd203") if f.code == "EST-NUMBER"]


@pytest.mark.parametrize("percent", [0, 5, 10, 20, 25, 35, 40, 50, 55, 75, 80, 90, 95, 100])
def test_phia_range_edges_are_not_gaps(percent: int) -> None:
    brief = in_paragraph(f"We put a {percent} % chance on a new offensive.")
    assert not [f for f in check(brief, scale="phia") if f.code == "EST-NUMBER"]
