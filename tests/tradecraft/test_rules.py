"""The rules that look across a brief: rows, judgements, confidence, grades, the marking."""

from __future__ import annotations

import pytest

from briefkit import (
    Brief,
    FormatError,
    Item,
    ItemList,
    Paragraph,
    Quote,
    Section,
    SectionKind,
    Text,
    tradecraft,
)
from briefkit.tradecraft import check


def _p(text: str) -> Paragraph:
    return Paragraph(content=(Text(text=text),))


def _brief(*sections: tuple[SectionKind, str], marking: str | None = None) -> Brief:
    return Brief(
        title="Rules",
        marking=marking,
        sections=tuple(Section(kind=k, blocks=(_p(t),)) for k, t in sections),
    )


def _codes(brief: Brief, scale: str = "icd203") -> list[str]:
    return [f.code for f in check(brief, scale=scale)]


def test_rows_mixed_across_sections() -> None:
    brief = _brief(
        (SectionKind.JUDGEMENT, "A strike is likely, with moderate confidence in the timing."),
        (SectionKind.IMPLICATIONS, "Prices will probably rise. Supply is highly probable to fall."),
    )
    mixed = [f for f in check(brief) if f.code == "EST-MIXED-ROWS"]
    assert [f.quote for f in mixed] == ["probably", "highly probable"]
    assert all(f.where.section == 1 for f in mixed)
    assert "'likely' from row 1" in mixed[0].message


def test_a_disclaimer_anywhere_allows_both_rows() -> None:
    brief = _brief(
        (SectionKind.JUDGEMENT, "A strike is likely."),
        (SectionKind.OTHER, "The terms likely and probable are used interchangeably here."),
    )
    assert "EST-MIXED-ROWS" not in _codes(brief)


def test_rows_are_an_icd_rule_only() -> None:
    brief = _brief((SectionKind.JUDGEMENT, "A strike is likely. Prices will probably rise."))
    assert "EST-MIXED-ROWS" in _codes(brief)
    assert "EST-MIXED-ROWS" not in _codes(brief, "phia")


def test_a_qualified_judgement_passes() -> None:
    brief = _brief(
        (SectionKind.JUDGEMENT, "We judge with moderate confidence. A strike is likely.")
    )
    assert _codes(brief) == ["EST-TERM"]


def test_another_yardsticks_term_qualifies_the_judgement_with_a_warning() -> None:
    brief = _brief((SectionKind.JUDGEMENT, "Confidence: high. A strike is highly likely."))
    assert _codes(brief) == ["EST-OTHER-SCALE"]


def test_unqualified_judgement_names_its_hedges() -> None:
    brief = _brief((SectionKind.JUDGEMENT, "This may escalate, and it could spread."))
    (finding,) = [f for f in check(brief) if f.code == "EST-JUDGEMENT-UNQUALIFIED"]
    assert finding.severity == "error"
    assert "only 'may', 'could'" in finding.message
    assert finding.where.part == "section"
    assert finding.where.start is None


def test_no_confidence_without_a_judgement_is_about_the_brief() -> None:
    brief = _brief((SectionKind.ANALYSIS, "A strike is likely."))
    (finding,) = [f for f in check(brief) if f.code == "EST-NO-CONFIDENCE"]
    assert finding.where.part == "brief"
    assert _codes(_brief((SectionKind.ANALYSIS, "The talks were held in Oslo."))) == []


def test_medium_in_a_heading_is_reported_there() -> None:
    brief = Brief(
        title="Rules",
        sections=(
            Section(
                kind=SectionKind.JUDGEMENT,
                heading="Key Judgement (Medium Confidence)",
                blocks=(_p("A strike is likely."),),
            ),
        ),
    )
    codes = [(f.code, f.where.part, f.quote) for f in check(brief)]
    assert codes == [
        ("EST-CONF-NONSTANDARD", "heading", "Medium Confidence"),
        ("EST-TERM", "text", "likely"),
    ]


def test_quotes_and_sources_are_not_judged() -> None:
    brief = Brief(
        title="Rules",
        sections=(
            Section(
                kind=SectionKind.ANALYSIS,
                blocks=(Quote(content=(Text(text="We may strike, said the minister."),)),),
            ),
            Section(kind=SectionKind.SOURCES, blocks=(_p("Could it happen? A likely story."),)),
        ),
    )
    assert _codes(brief) == []


def test_grades_in_a_lead_count_and_bad_ones_are_located() -> None:
    items = (
        Item(lead="Border build-up (B2)", body=(Text(text="Units moved north."),)),
        Item(lead="Port closure", body=(Text(text="The port shut. Reported (H3)."),)),
    )
    brief = Brief(
        title="Rules",
        sections=(Section(kind=SectionKind.EVIDENCE, blocks=(ItemList(items=items),)),),
    )
    (bad,) = check(brief)
    assert (bad.code, bad.where.item, bad.where.part, bad.quote, bad.text) == (
        "SRC-BAD-GRADE",
        1,
        "text",
        "(H3)",
        "Reported (H3).",
    )


@pytest.mark.parametrize(
    ("marking", "codes"),
    [
        ("TLP:AMBER", []),
        ("TLP:AMBER PAP:GREEN", []),
        ("tlp:green", ["MARK-FORM"]),
        ("TLP: RED", ["MARK-FORM"]),
        ("TLP:WHITE", ["MARK-FORM"]),
        ("TLP:EX:CHR", ["MARK-INVALID"]),
        ("Confidential", ["MARK-INVALID"]),
        ("TLP:AMBER PAP:BLUE", ["MARK-INVALID"]),
    ],
)
def test_the_briefs_marking(marking: str, codes: list[str]) -> None:
    brief = Brief(title="Rules", marking=marking)
    found = check(brief)
    assert [f.code for f in found] == codes
    for f in found:
        assert f.where.part == "marking"
        assert marking[f.where.start : f.where.end] == f.quote


def test_findings_come_in_reading_order() -> None:
    brief = _brief(
        (SectionKind.JUDGEMENT, "It may rain. A strike is likely."),
        (SectionKind.IMPLICATIONS, "Could be worse."),
        marking="tlp:red",
    )
    found = check(brief)
    assert [f.code for f in found] == [
        "MARK-FORM",
        "EST-NO-CONFIDENCE",
        "EST-HEDGE",
        "EST-TERM",
        "EST-HEDGE",
    ]
    assert tradecraft.count(found) == tradecraft.Counts(0, 4, 1)
    assert str(tradecraft.count(found)) == "0 errors, 4 warnings, 1 info"


def test_unknown_scale_is_a_briefkit_error() -> None:
    with pytest.raises(FormatError, match="unknown scale 'nato'"):
        check(Brief(title="x"), scale="nato")


def test_findings_are_frozen_and_serialise() -> None:
    (finding,) = check(_brief((SectionKind.ANALYSIS, "A truce is very likely.")), scale="phia")[:1]
    with pytest.raises(ValueError, match="frozen"):
        finding.code = "X"  # type: ignore[misc]
    data = finding.model_dump(mode="json")
    assert data["band"] == [80, 95]
    assert data["term"] == "very likely"
    assert tradecraft.Finding.model_validate(data) == finding
