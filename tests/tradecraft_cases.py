"""Briefs for the tradecraft tests: one sentence in place, vocabulary soup, span checks."""

from __future__ import annotations

from hypothesis import strategies as st

from briefkit import Brief, Item, ItemList, Paragraph, Quote, Section, SectionKind, Text, tradecraft
from briefkit.tradecraft import Finding, Location, check


def in_paragraph(sentence: str, kind: SectionKind = SectionKind.ANALYSIS) -> Brief:
    section = Section(kind=kind, blocks=(Paragraph(content=(Text(text=sentence),)),))
    return Brief(title="Spec", sections=(section,))


def in_evidence(body: str, lead: str = "") -> Brief:
    item = Item(lead=lead, body=(Text(text=body),))
    section = Section(kind=SectionKind.EVIDENCE, blocks=(ItemList(items=(item,)),))
    return Brief(title="Spec", sections=(section,))


def codes_at_block(brief: Brief, scale: str) -> list[str]:
    """The codes of the findings located in the first block (section-wide ones left out)."""
    return sorted(f.code for f in check(brief, scale=scale) if f.where.block == 0)


def source(brief: Brief, where: Location) -> str:
    """The text a location's span is a span of."""
    if where.part == "marking":
        return brief.marking or ""
    assert where.section is not None
    section = brief.sections[where.section]
    if where.part == "heading":
        return section.heading or ""
    assert where.block is not None
    block = section.blocks[where.block]
    if isinstance(block, ItemList):
        assert where.item is not None
        item = block.items[where.item]
        return item.lead if where.part == "lead" else item.text
    return block.text


def assert_exact(brief: Brief, finding: Finding) -> None:
    """The span is the quote, and the sentence stands in the text around it."""
    where = finding.where
    if where.start is None:
        assert where.end is None
        assert finding.quote == ""
        return
    assert where.end is not None
    text = source(brief, where)
    assert text[where.start : where.end] == finding.quote
    assert finding.quote
    sentence = finding.text
    positions = [i for i in range(len(text)) if text.startswith(sentence, i)]
    assert any(p <= where.start and where.end <= p + len(sentence) for p in positions), finding


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
def vocabulary_briefs(draw: st.DrawFn) -> Brief:
    """Briefs written from the checks' own vocabulary run together with noise."""
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
