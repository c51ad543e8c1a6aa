"""The one heading vocabulary every parser shares."""

from __future__ import annotations

import pytest

from briefkit import SectionKind
from briefkit.parsers.vocabulary import classify_heading, split_inline_heading

K = SectionKind


@pytest.mark.parametrize(
    ("label", "kind"),
    [
        ("Analytic Judgement", K.JUDGEMENT),
        ("analytic judgment:", K.JUDGEMENT),
        ("KEY JUDGMENTS", K.JUDGEMENT),
        ("Key Judgement", K.JUDGEMENT),
        ("Assessment", K.JUDGEMENT),
        ("Bottom Line", K.JUDGEMENT),
        ("Bottom Line Up Front", K.JUDGEMENT),
        ("BLUF", K.JUDGEMENT),
        ("Executive Summary", K.OVERVIEW),
        ("Main Findings", K.EVIDENCE),
        ("Summary", K.OVERVIEW),
        ("Overview", K.OVERVIEW),
        ("Background", K.BACKGROUND),
        ("Context", K.BACKGROUND),
        ("Analysis", K.ANALYSIS),
        ("Discussion", K.ANALYSIS),
        ("Supporting Evidence", K.EVIDENCE),
        ("Evidence", K.EVIDENCE),
        ("Key Points", K.EVIDENCE),
        ("Implication", K.IMPLICATIONS),
        ("Implications", K.IMPLICATIONS),
        ("Outlook", K.OUTLOOK),
        ("Forecast", K.OUTLOOK),
        ("Scenarios", K.OUTLOOK),
        ("Indicators", K.OUTLOOK),
        ("Recommendations", K.RECOMMENDATIONS),
        ("Sources", K.SOURCES),
        ("References", K.SOURCES),
        ("  supporting   evidence :", K.EVIDENCE),
    ],
)
def test_known_labels(label: str, kind: SectionKind) -> None:
    assert classify_heading(label) is kind


@pytest.mark.parametrize("label", ["Officials said", "764", "Timing", "Previous", "Next", ""])
def test_unknown_labels(label: str) -> None:
    assert classify_heading(label) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Overview: The talks stalled.", ("Overview", "The talks stalled.")),
        ("BOTTOM LINE UP FRONT:  Expect delays.", ("BOTTOM LINE UP FRONT", "Expect delays.")),
        ("Key Judgments: x", ("Key Judgments", "x")),
        ("Analysis:", ("Analysis", "")),
        ("764: The Dark Nexus of Something", None),
        ("Officials said: nothing yet", None),
        ("Overviewing the field: no", None),
        ("The overview: no", None),
    ],
)
def test_inline_headings(text: str, expected: tuple[str, str] | None) -> None:
    assert split_inline_heading(text) == expected
