"""What a brief states, read back: confidence level, STIX confidence, grades, markings."""

from __future__ import annotations

import pytest

from briefkit import Brief, Item, ItemList, Paragraph, Section, SectionKind, Text, tradecraft


def _brief(
    judgement: str = "",
    *,
    evidence: tuple[str, ...] = (),
    heading: str | None = None,
    summary: str | None = None,
    other: str = "",
) -> Brief:
    sections = []
    if judgement or heading:
        sections.append(
            Section(
                kind=SectionKind.JUDGEMENT,
                heading=heading,
                blocks=(Paragraph(content=(Text(text=judgement),)),) if judgement else (),
            )
        )
    if evidence:
        items = tuple(Item(body=(Text(text=e),)) for e in evidence)
        sections.append(Section(kind=SectionKind.EVIDENCE, blocks=(ItemList(items=items),)))
    if other:
        sections.append(
            Section(kind=SectionKind.ANALYSIS, blocks=(Paragraph(content=(Text(text=other),)),))
        )
    return Brief(title="Reading", summary=summary, sections=tuple(sections))


@pytest.mark.parametrize(
    ("brief", "level", "stix"),
    [
        (_brief("We judge this with high confidence."), "high", 85),
        (_brief("Confidence level: Moderate"), "moderate", 50),
        (_brief("Our confidence: medium."), "moderate", 50),
        (_brief("A strike is likely.", heading="Key Judgement (Low Confidence)"), "low", 15),
        (
            _brief("A strike is likely.", summary="Assessed with moderate confidence."),
            "moderate",
            50,
        ),
        (_brief("A strike is likely.", other="We hold this with low confidence."), "low", 15),
        (_brief("A strike is likely, and a truce very unlikely."), None, 70),
        (_brief("The chance of a truce is remote."), None, 5),
        (_brief("Further defections are nearly certain."), None, 95),
        (_brief("A strike is highly likely."), None, None),  # PHIA: no STIX mapping
        (_brief("A strike may come."), None, None),
        (_brief(other="A strike is likely."), None, None),  # not in the judgement
    ],
)
def test_confidence_and_stix_confidence(brief: Brief, level: str | None, stix: int | None) -> None:
    assert tradecraft.confidence(brief) == level
    assert tradecraft.stix_confidence(brief) == stix


def test_judgement_confidence_wins_over_the_rest() -> None:
    brief = _brief("We say so with high confidence.", other="Elsewhere, low confidence.")
    assert tradecraft.confidence(brief) == "high"


def test_grades_align_with_evidence_items() -> None:
    brief = _brief(
        "A strike is likely.",
        evidence=(
            "Officials confirmed it (B2).",
            "No grade here.",
            "Seen twice [A1].",
            "Bad (G7).",
        ),
    )
    grades = tradecraft.grades(brief)
    assert [g.code if g else None for g in grades] == ["B2", None, "A1", None]
    b2 = grades[0]
    assert b2 is not None
    assert (b2.reliability, b2.credibility, b2.written) == ("B", 2, "(B2)")
    assert (b2.reliability_text, b2.credibility_text) == ("usually reliable", "probably true")
    assert b2.stix_confidence == 70
    assert b2.misp_tags == (
        'admiralty-scale:source-reliability="b"',
        'admiralty-scale:information-credibility="2"',
    )


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("(B2)", "B2"),
        ("[F6]", "F6"),
        ("(B-2)", "B2"),
        ("graded C3", "C3"),
        ("Grade: A1", "A1"),
        ("Seen on the road. D-4", "D4"),
        ("B52", None),
        ("B-52 bombers", None),
        ("the A1 road", None),
        ("flown by a B-2.", None),
        ("(a1) the first point", None),
        ("(G2)", None),
    ],
)
def test_read_grade(text: str, code: str | None) -> None:
    grade = tradecraft.read_grade(text)
    assert (grade.code if grade else None) == code


def test_a_grade_of_six_has_no_stix_confidence() -> None:
    grade = tradecraft.read_grade("(F6)")
    assert grade is not None
    assert grade.stix_confidence is None


def test_marking_and_most_restrictive_are_the_markings_module() -> None:
    amber = tradecraft.marking("Handling: TLP:AMBER+STRICT")
    assert amber is not None
    assert (amber.label, amber.colour, amber.misp_tag) == (
        "TLP:AMBER+STRICT",
        "#FFC000",
        "tlp:amber+strict",
    )
    assert amber.stix_id == "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003"
    assert tradecraft.marking("nothing") is None
    governing = tradecraft.most_restrictive(["TLP:GREEN", "TLP:RED", None])
    assert governing is not None
    assert governing.label == "TLP:RED"
