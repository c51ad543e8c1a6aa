"""Properties: ``check`` never raises, and every span is exactly the text it quotes.

Two sources of briefs: the suite's general strategy (any valid brief, formatting and all),
and briefs written from the checks' own vocabulary (terms, hedges, confidence phrases,
percentages, grades, markings, abbreviations, curly apostrophes) run together with noise,
which is where spans and sentence splitting can go wrong.
"""

from __future__ import annotations

from hypothesis import given

from briefkit import Brief, tradecraft
from strategies import briefs
from tradecraft_cases import assert_exact, vocabulary_briefs


def _holds(brief: Brief) -> None:
    for scale in tradecraft.SCALES:
        findings = tradecraft.check(brief, scale=scale)
        for finding in findings:
            assert finding.code in tradecraft.CODES
            assert finding.severity == tradecraft.CODES[finding.code].severity
            assert_exact(brief, finding)
            if finding.band is not None:
                assert 0 <= finding.band[0] <= finding.band[1] <= 100
    tradecraft.confidence(brief)
    tradecraft.stix_confidence(brief)
    assert len(tradecraft.grades(brief)) == len(brief.evidence)


@given(vocabulary_briefs())
def test_vocabulary_briefs_check_cleanly_with_exact_spans(brief: Brief) -> None:
    _holds(brief)


@given(briefs())
def test_any_brief_checks_cleanly_with_exact_spans(brief: Brief) -> None:
    _holds(brief)
