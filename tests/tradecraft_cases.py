"""Briefs built around one sentence, and the text a finding's location points into."""

from __future__ import annotations

from briefkit import Brief, Item, ItemList, Paragraph, Section, SectionKind, Text
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
