"""Properties: ``check`` never raises, and every span is exactly the text it quotes.

Two sources of briefs: the suite's general strategy (any valid brief, formatting and all),
and briefs written from the checks' own vocabulary (terms, hedges, confidence phrases,
percentages, grades, markings, abbreviations, curly apostrophes) run together with noise,
which is where spans and sentence splitting can go wrong.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from briefkit import Brief, Item, ItemList, Paragraph, Quote, Section, SectionKind, Text, tradecraft
from strategies import briefs
from tradecraft_cases import assert_exact

_VOCABULARY = sorted(
    {f for t in tradecraft.TERMS for f in t.forms}
    | set(tradecraft.HEDGES)
    | {
        "is remote",
        "the chance is remote",
        "is certain",
        "is impossible",
        "impossible to",
        "high confidence",
        "medium confidence",
        "low-confidence",
        "Confidence level: Medium",
        "confidence-building",
        "remote access",
        "B-52 bombers",
        "the A1 road",
        "(B2)",
        "(G7)",
        "(B7)",
        "[F6]",
        "graded C3",
        ". B-2",
        "tlp:amber",
        "TLP: RED",
        "TLP:WHITE",
        "TLP:EX:CHR",
        "PAP:GREEN",
        "37 %",
        "(70 %)",
        "55–80 %",
        "10 to 30 per cent",
        "a 52 % chance",
        "U.S.",
        "U.K.",
        "Mr.",
        "e.g.",
        "May",
        "in May",
        "military might",
        "can\u2019t rule out",
        "LIKELY",
        "Almost Certainly",
        ".",
        "!",
        "?",
        ",",
        "(",
        ")",
        "\u201c",
        "\u201d",
        "\u00a0",
        "interchangeably",
        "terms",
        "the same probability",
    }
)
_TOKEN = st.one_of(
    st.sampled_from(_VOCABULARY),
    st.text(st.characters(codec="utf-8", categories=("L", "N", "P", "Zs")), max_size=6),
)
_TEXT = st.lists(_TOKEN, min_size=1, max_size=25).map(" ".join).filter(lambda t: t.strip())


@st.composite
def _vocabulary_briefs(draw: st.DrawFn) -> Brief:
    sections = []
    for kind in draw(st.lists(st.sampled_from(list(SectionKind)), min_size=1, max_size=4)):
        blocks = []
        for _ in range(draw(st.integers(1, 3))):
            shape = draw(st.sampled_from(("paragraph", "list", "quote")))
            if shape == "list":
                items = tuple(
                    Item(lead=draw(st.one_of(st.just(""), _TEXT)), body=(Text(text=draw(_TEXT)),))
                    for _ in range(draw(st.integers(1, 3)))
                )
                blocks.append(ItemList(items=items))
            elif shape == "quote":
                blocks.append(Quote(content=(Text(text=draw(_TEXT)),)))
            else:
                blocks.append(Paragraph(content=(Text(text=draw(_TEXT)),)))
        heading = draw(st.one_of(st.none(), _TEXT))
        sections.append(Section(kind=kind, heading=heading, blocks=tuple(blocks)))
    return Brief(
        title="Property",
        marking=draw(st.one_of(st.none(), _TEXT)),
        summary=draw(st.one_of(st.none(), _TEXT)),
        sections=tuple(sections),
    )


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


@given(_vocabulary_briefs())
def test_vocabulary_briefs_check_cleanly_with_exact_spans(brief: Brief) -> None:
    _holds(brief)


@given(briefs())
def test_any_brief_checks_cleanly_with_exact_spans(brief: Brief) -> None:
    _holds(brief)
