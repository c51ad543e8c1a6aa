"""The analysers and the defang step see the text in tables, figures and notes."""

from __future__ import annotations

from briefkit import (
    Brief,
    Cell,
    Figure,
    Link,
    Note,
    Paragraph,
    Row,
    Section,
    Table,
    Text,
    entities,
    ioc,
    tradecraft,
)
from briefkit.ioc import defang_brief
from briefkit.model import notes_in, plain_text
from briefkit.passages import passages
from strategies import PNG_DOT


def _brief() -> Brief:
    note = Note(children=(Text(text="Seen at update.evil-cdn.net on 3 May."),))
    table = Table(
        caption=(Text(text="Hosts seen in Yemen"),),
        rows=(
            Row(
                cells=(Cell(content=(Text(text="Host"),)), Cell(content=(Text(text="Seen"),))),
                header=True,
            ),
            Row(
                cells=(
                    Cell(content=(Text(text="c2.bad-domain.com"),)),
                    Cell(content=(Text(text="We judge it likely active"), note)),
                )
            ),
        ),
    )
    figure = Figure(
        src=PNG_DOT,
        alt="Map of traffic to 203.0.113.7",
        caption=(Text(text="Traffic from Djibouti"),),
    )
    para = Paragraph(
        content=(
            Text(text="The operators are probably state-backed"),
            Note(
                children=(
                    Link(
                        href="https://files.bad-domain.org/x",
                        children=(Text(text="the sample"),),
                    ),
                )
            ),
        )
    )
    return Brief(
        title="Hosts",
        sections=(
            Section(heading="Key judgements", kind="judgement", blocks=(para, table, figure)),
        ),
    )


def test_passages_cover_cells_captions_alt_text_and_notes() -> None:
    paths = {p.path: p.text for p in passages(_brief())}
    at = "sections[0].blocks"
    assert paths[f"{at}[0].notes[0]"] == "the sample"
    assert paths[f"{at}[1].caption"] == "Hosts seen in Yemen"
    assert paths[f"{at}[1].rows[1].cells[0]"] == "c2.bad-domain.com"
    assert paths[f"{at}[1].rows[1].cells[1].notes[0]"].startswith("Seen at update.evil-cdn")
    assert paths[f"{at}[2].alt"] == "Map of traffic to 203.0.113.7"
    assert paths[f"{at}[2].caption"] == "Traffic from Djibouti"
    assert paths[f"{at}[0]"] == "The operators are probably state-backed"  # no note text


def test_indicators_are_found_in_cells_notes_and_alt_text() -> None:
    found = {i.value: {loc.path for loc in i.locations} for i in ioc.extract(_brief())}
    assert "sections[0].blocks[1].rows[1].cells[0]" in found["c2.bad-domain.com"]
    assert "sections[0].blocks[1].rows[1].cells[1].notes[0]" in found["update.evil-cdn.net"]
    assert "sections[0].blocks[2].alt" in found["203.0.113.7"]


def test_places_are_tagged_in_captions() -> None:
    paths = {m.path for e in entities.tag(_brief()) for m in e.mentions}
    assert {"sections[0].blocks[1].caption", "sections[0].blocks[2].caption"} <= paths


def test_defanging_reaches_cells_captions_alt_text_and_notes() -> None:
    brief = defang_brief(_brief(), "auto", ())
    _, table, figure = brief.sections[0].blocks
    assert isinstance(table, Table)
    assert isinstance(figure, Figure)
    assert table.rows[1].cells[0].text == "c2[.]bad-domain[.]com"
    (cell_note,) = notes_in(table.rows[1].cells[1].content)
    assert "update[.]evil-cdn[.]net" in cell_note.text
    assert figure.alt == "Map of traffic to 203[.]0[.]113[.]7"
    every = defang_brief(_brief(), "all", ()).sections[0].blocks[0]
    (para_note,) = notes_in(every.content)  # type: ignore[union-attr]
    assert not any(isinstance(n, Link) for n in para_note.children)  # the link in the note
    assert "files[.]bad-domain[.]org" in plain_text(para_note.children)
    assert table.rows[0].header
    assert plain_text(table.caption) == "Hosts seen in Yemen"


def test_tradecraft_reads_cells_and_captions_but_not_notes_for_estimative_terms() -> None:
    parts = {(f.where.part, f.where.item) for f in tradecraft.check(_brief())}
    assert ("cell", 4) in parts  # "likely" in the second row's second cell
    found = tradecraft.check(_brief())
    assert not any(f.where.part == "note" and f.code.startswith("EST-") for f in found)
