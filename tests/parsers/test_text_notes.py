"""Text parser: "[1]" markers and a Notes list at the end become notes, only unambiguously."""

from __future__ import annotations

import pytest

from briefkit import Note, Paragraph, Text, parse_text, render_text
from briefkit.model import notes_in
from briefs import media_brief

HEAD = "Port Closures in the Gulf\n\nKey Judgement:\n\n"


def test_markers_and_a_notes_list_become_notes() -> None:
    brief = parse_text(
        HEAD + "Aden is closed[1] and Djibouti is busy.[2]\n\n"
        "  1. Insurance: Premiums rose[3] again.\n\n"
        "Notes:\n\n[1] Port notice, 12 May.\n\n[2] AIS data.\n\n[3] Lloyd's market report.\n"
    )
    (section,) = brief.sections  # the list is gone
    para, items = section.blocks
    assert isinstance(para, Paragraph)
    assert para.content == (
        Text(text="Aden is closed"),
        Note(children=(Text(text="Port notice, 12 May."),)),
        Text(text=" and Djibouti is busy."),
        Note(children=(Text(text="AIS data."),)),
    )
    (item,) = items.items  # type: ignore[union-attr]
    assert [n.text for n in notes_in(item.body)] == ["Lloyd's market report."]


def test_a_numbered_sources_list_works_too() -> None:
    brief = parse_text(HEAD + "Closed[1] and busy[2].\n\nSources:\n\n1. Port notice\n2. AIS data\n")
    (section,) = brief.sections
    (para,) = section.blocks
    assert [n.text for n in notes_in(para.content)] == ["Port notice", "AIS data"]  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "text",
    [
        "Closed[1] and busy.\n\nNotes:\n\n[1] One.\n\n[2] Two.\n",  # a note nobody marks
        "Closed[1] and busy[1].\n\nNotes:\n\n[1] One.\n",  # a marker twice
        "Closed[2] and busy[1].\n\nNotes:\n\n[1] One.\n\n[2] Two.\n",  # out of order
        "Closed[1].\n\nNotes:\n\n[1] One.\n\n[3] Three.\n",  # a gap in the list
        "Closed[1].\n\nFurther Reading:\n\n[1] One.\n",  # not a notes heading
        "Closed [1] as reported.\n",  # a bracketed number, no list
    ],
)
def test_anything_ambiguous_stays_text(text: str) -> None:
    brief = parse_text(HEAD + text)
    assert not [
        n for s in brief.sections for b in s.blocks for n in notes_in(getattr(b, "content", ()))
    ]
    assert "[1]" in " ".join(b.text for s in brief.sections for b in s.paragraphs)


def test_render_text_notes_read_back_and_tables_stay_text() -> None:
    brief = parse_text(render_text(media_brief()))
    notes = [n.text for s in brief.sections for b in s.paragraphs for n in notes_in(b.content)]
    assert notes == [
        "Port authority notice no. 14, issued on 12 May.",
        "AIS tracking, seven-day average to 18 May.",
        "Satellite image, 16 May.",
    ]
    evidence = brief.section("evidence")
    assert evidence is not None  # the caption line did not read as a heading of its own
    texts = [b.text for b in evidence.paragraphs]
    assert texts[0] == "Table: Port status in the Gulf of Aden, 18 May"
    assert "| Djibouti | Open | 41 | +9 |" in texts  # a row is a line of text
    figure = "[Figure: Satellite view of ships at anchor off Djibouti — Ships waiting at the"
    assert any(t.startswith(figure) for t in texts)
