"""DOCX reader: briefkit's own documents come back equal; other Word documents are read by
their styles; everything else is a ParseError."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from hypothesis import given

import briefkit
from briefkit import (
    Brief,
    BriefLink,
    Cell,
    Emphasis,
    Item,
    ItemList,
    LimitError,
    Link,
    Paragraph,
    ParseError,
    Row,
    Section,
    SectionKind,
    Strong,
    Table,
    Text,
    limits,
)
from briefkit.parsers.docx import parse_docx
from briefkit.renderers.docx import render_docx
from briefs import ALL, item, para, rich_brief, seed_shaped, with_metadata
from strategies import as_written, briefs

FIXTURES = Path(__file__).parent.parent / "fixtures" / "docx"
K = SectionKind


def save(document: Any) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# --- briefkit's own documents -----------------------------------------------------------


@pytest.mark.parametrize("name", sorted(ALL))
def test_own_documents_round_trip(name: str) -> None:
    brief = ALL[name]()
    assert parse_docx(render_docx(brief)) == brief


@given(briefs(headed=False))
def test_any_brief_round_trips(brief: Brief) -> None:
    """Any nesting of strong/emphasis/links, headingless sections, any section kinds."""
    assert parse_docx(render_docx(brief)) == as_written(brief)


@pytest.mark.parametrize(
    "inlines",
    [
        (Strong(children=(Text(text="a"),)), Strong(children=(Text(text="b"),))),
        (Emphasis(children=(Strong(children=(Text(text="both"),)),)),),
        (
            Link(
                href="https://example.org/outer",
                children=(
                    Text(text="outer "),
                    Link(href="https://example.org/inner", children=(Text(text="inner"),)),
                ),
            ),
        ),
        (Strong(children=(Link(href="a.html", children=(Text(text="x"),)),)),),
    ],
    ids=["adjacent-strong", "emphasis-around-strong", "nested-links", "strong-around-link"],
)
def test_nesting_word_cannot_express_comes_back_exactly(inlines: tuple[Any, ...]) -> None:
    brief = Brief(title="Nesting", sections=(Section(blocks=(Paragraph(content=inlines),)),))
    assert parse_docx(render_docx(brief)) == brief


def test_metadata_survives_long_values_and_separators_in_names() -> None:
    brief = Brief.model_validate(
        {
            **with_metadata().model_dump(),
            "title": "A " * 200 + "title",
            "authors": ("Okafor; Tomas", "Marlow, Ines"),
            "tags": ("a;b", "c"),
            "summary": "word " * 80,
            "published": dt.datetime(2024, 2, 14, 8, tzinfo=dt.timezone(dt.timedelta(hours=-5))),
        }
    )
    assert len(brief.title) > 255
    assert parse_docx(render_docx(brief)) == brief


def test_parse_front_door_detects_docx(tmp_path: Path) -> None:
    data = render_docx(with_metadata())
    assert briefkit.parse(data) == with_metadata()
    path = tmp_path / "brief.docx"
    path.write_bytes(data)
    assert briefkit.parse(path) == with_metadata()
    other = tmp_path / "brief.bin"
    other.write_bytes(data)
    assert briefkit.parse(other) == with_metadata()


def test_reading_does_not_import_python_docx() -> None:
    code = (
        "import sys, briefkit; from briefkit.parsers.docx import parse_docx; "
        f"parse_docx(open({str(FIXTURES / 'pandoc-brief.docx')!r}, 'rb').read()); "
        "print('docx' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_edits_made_in_word_are_read() -> None:
    document = docx.Document(io.BytesIO(render_docx(rich_brief())))
    first = next(p for p in document.paragraphs if p.text.startswith("Several states"))
    first.runs[1].text = "greatly expanded"  # inside a bold run
    first.runs[1].italic = True
    document.add_paragraph("Added later", style="Heading 1")
    document.add_paragraph("A paragraph typed into the document.")
    brief = parse_docx(save(document))
    overview = brief.sections[0].blocks[0]
    assert isinstance(overview, Paragraph)
    assert overview.content[1] == Strong(
        children=(Emphasis(children=(Text(text="greatly expanded"),)),)
    )
    assert brief.sections[-1] == Section(
        kind=K.OTHER, heading="Added later", blocks=(para("A paragraph typed into the document."),)
    )
    assert brief.next == rich_brief().next  # the navigation still comes last


def test_custom_properties_are_authoritative_only_while_consistent() -> None:
    document = docx.Document(io.BytesIO(render_docx(with_metadata())))
    document.core_properties.author = "Someone Else"
    brief = parse_docx(save(document))
    assert brief.authors == ("Someone Else",)
    assert brief.url == with_metadata().url


# --- other Word documents ---------------------------------------------------------------


def _field_hyperlink(paragraph: Any, url: str, text: str) -> None:
    """A HYPERLINK field, as older Word versions write links."""
    for xml in (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
        f'<w:r><w:instrText xml:space="preserve"> HYPERLINK "{url}" </w:instrText></w:r>',
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
        f"<w:r><w:t>{text}</w:t></w:r>",
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
    ):
        paragraph._p.append(parse_xml(xml.replace("<w:r>", f"<w:r {nsdecls('w')}>", 1)))


def foreign_document() -> bytes:
    """A Word document written by hand: heading styles, lists, fields, a table, a header."""
    document = docx.Document()
    document.core_properties.author = "Lena Fischer; Omar Haddad"
    document.core_properties.keywords = "ports, logistics"
    document.core_properties.subject = "Port congestion outlook"
    document.sections[0].header.paragraphs[0].text = "Distribution: TLP:AMBER"
    document.add_paragraph("Container Backlogs Spread to Northern Ports", style="Title")
    document.add_paragraph("Key Judgments", style="Heading 1")
    p = document.add_paragraph("Backlogs are ")
    p.add_run("likely").bold = True
    p.add_run(" to persist into the ")
    p.add_run("autumn").italic = True
    p.add_run(", according to ")
    _field_hyperlink(p, "https://example.org/port-data", "port data")
    p.add_run(".")
    document.add_paragraph("Supporting Evidence", style="Heading 1")
    for lead, body in (("Dwell Times", " Average dwell times doubled."), ("Labour", ": Strikes.")):
        item_p = document.add_paragraph(style="List Number")
        item_p.add_run(lead + (":" if body.startswith(" ") else "")).bold = True
        item_p.add_run(body)
    document.add_paragraph("Rail capacity is also short.", style="List Number")
    document.add_paragraph("Regional Detail", style="Heading 2")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Hamburg: severe"
    table.cell(0, 1).text = "Gdansk: moderate"
    document.add_paragraph("Watch For", style="Heading 1")
    document.add_paragraph("Carrier surcharges", style="List Bullet")
    document.add_paragraph("Blank sailings", style="List Bullet")
    document.add_paragraph("Previous: Canal Water Levels Fall")
    document.add_paragraph("")
    document.add_paragraph("Next: Rail Freight Rates")
    return save(document)


def test_foreign_document_reads_by_styles() -> None:
    assert parse_docx(foreign_document()) == Brief(
        title="Container Backlogs Spread to Northern Ports",
        authors=("Lena Fischer", "Omar Haddad"),
        tags=("ports", "logistics"),
        summary="Port congestion outlook",
        marking="TLP:AMBER",
        sections=(
            Section(
                kind=K.JUDGEMENT,
                heading="Key Judgments",
                blocks=(
                    Paragraph(
                        content=(
                            Text(text="Backlogs are "),
                            Strong(children=(Text(text="likely"),)),
                            Text(text=" to persist into the "),
                            Emphasis(children=(Text(text="autumn"),)),
                            Text(text=", according to "),
                            Link(
                                href="https://example.org/port-data",
                                children=(Text(text="port data"),),
                            ),
                            Text(text="."),
                        )
                    ),
                ),
            ),
            Section(
                kind=K.EVIDENCE,
                heading="Supporting Evidence",
                blocks=(
                    ItemList(
                        items=(
                            item("Dwell Times", "Average dwell times doubled."),
                            item("Labour", "Strikes."),
                            item("", "Rail capacity is also short."),
                        )
                    ),
                    Paragraph(content=(Strong(children=(Text(text="Regional Detail"),)),)),
                    Table(
                        rows=(
                            Row(
                                cells=(
                                    Cell(content=(Text(text="Hamburg: severe"),)),
                                    Cell(content=(Text(text="Gdansk: moderate"),)),
                                )
                            ),
                        )
                    ),
                ),
            ),
            Section(
                kind=K.OTHER,
                heading="Watch For",
                blocks=(
                    ItemList(
                        ordered=False,
                        items=(item("", "Carrier surcharges"), item("", "Blank sailings")),
                    ),
                ),
            ),
        ),
        prev=BriefLink(title="Canal Water Levels Fall"),
        next=BriefLink(title="Rail Freight Rates"),
    )


def test_without_title_style_the_first_heading_is_the_title() -> None:
    document = docx.Document()
    document.add_paragraph("Quarterly Port Review", style="Heading 1")
    document.add_paragraph("Overview", style="Heading 2")
    document.add_paragraph("Volumes recovered.")
    document.add_paragraph("Sub-point", style="Heading 3")
    document.add_paragraph("Outlook", style="Heading 2")
    document.add_paragraph("Flat.")
    brief = parse_docx(save(document))
    assert brief.title == "Quarterly Port Review"
    assert [(s.kind, s.heading) for s in brief.sections] == [
        (K.OVERVIEW, "Overview"),
        (K.OUTLOOK, "Outlook"),
    ]
    assert brief.sections[0].blocks[1] == Paragraph(
        content=(Strong(children=(Text(text="Sub-point"),)),)
    )


def test_bold_inline_headings_and_heading_lines() -> None:
    document = docx.Document()
    document.add_paragraph("Grain Export Quotas", style="Title")
    p = document.add_paragraph()
    p.add_run("Overview:").bold = True
    p.add_run(" Quotas were cut again.")
    document.add_paragraph("Officials said: the cut is temporary.")
    document.add_paragraph("Analysis:")
    document.add_paragraph("Prices rose.")
    brief = parse_docx(save(document))
    assert brief.sections == (
        Section(
            kind=K.OVERVIEW,
            heading="Overview",
            blocks=(para("Quotas were cut again."), para("Officials said: the cut is temporary.")),
        ),
        Section(kind=K.ANALYSIS, heading="Analysis", blocks=(para("Prices rose."),)),
    )


def test_copied_page_navigation_at_the_end() -> None:
    document = docx.Document()
    document.add_paragraph("River Levels", style="Title")
    document.add_paragraph("Summary", style="Heading 1")
    document.add_paragraph("Barges are running light.")
    for text in (
        "Previous",
        "Previous",
        "",
        "764: Lock Repairs Delayed",
        "Next",
        "Next",
        "Dredging",
    ):
        document.add_paragraph(text)
    brief = parse_docx(save(document))
    assert brief.prev == BriefLink(title="764: Lock Repairs Delayed")
    assert brief.next == BriefLink(title="Dredging")
    assert brief.sections[0].blocks == (para("Barges are running light."),)


def test_tracked_changes_unsafe_fields_and_simple_fields() -> None:
    document = docx.Document()
    document.add_paragraph("Fields", style="Title")
    p = document.add_paragraph("Kept ")
    w = nsdecls("w")
    p._p.append(
        parse_xml(f'<w:ins {w} w:id="1" w:author="a"><w:r><w:t>inserted</w:t></w:r></w:ins>')
    )
    p._p.append(
        parse_xml(
            f'<w:del {w} w:id="2" w:author="a"><w:r><w:delText>gone</w:delText></w:r></w:del>'
        )
    )
    p._p.append(
        parse_xml(
            f'<w:fldSimple {w} w:instr=" HYPERLINK &quot;https://example.org/s&quot; ">'
            "<w:r><w:t> simple</w:t></w:r></w:fldSimple>"
        )
    )
    q = document.add_paragraph("Also ")
    _field_hyperlink(q, "javascript:alert(1)", "unsafe text")
    brief = parse_docx(save(document))
    assert brief.sections[0].blocks == (
        Paragraph(
            content=(
                Text(text="Kept inserted "),
                Link(href="https://example.org/s", children=(Text(text="simple"),)),
            )
        ),
        para("Also unsafe text"),
    )


def test_pandoc_document() -> None:
    """Written by pandoc from pandoc-brief.md (styles Title, Author, Date, Heading 1, lists)."""
    brief = parse_docx((FIXTURES / "pandoc-brief.docx").read_bytes())
    assert brief.title == "Desalination Plants Become Targets in Gulf Tensions"
    assert brief.authors == ("Mara Ellison", "Joel Kestrel")
    assert brief.published == dt.date(2024, 5, 2)
    assert brief.tags == ("water", "infrastructure")
    assert [(s.kind, s.heading) for s in brief.sections] == [
        (K.JUDGEMENT, "Key Judgement"),
        (K.EVIDENCE, "Supporting Evidence"),
        (K.OUTLOOK, "Indicators"),
        (K.IMPLICATIONS, "Implications"),
    ]
    evidence = brief.sections[1].blocks[0]
    assert isinstance(evidence, ItemList)
    assert evidence.ordered
    assert [i.lead for i in evidence.items] == ["Concentration", "Recent Probing", ""]
    assert evidence.items[1].body[1] == Link(
        href="https://example.org/notices/114", children=(Text(text="port authority notice"),)
    )
    indicators = brief.sections[2].blocks[0]
    assert isinstance(indicators, ItemList)
    assert not indicators.ordered
    assert indicators.items[1] == item(
        "Insurance", "Cover for coastal utilities repriced at short notice."
    )
    assert brief.prev == BriefLink(title="Shipping Lanes Under Pressure")
    assert brief.next == BriefLink(
        title="Gulf Power Grid Interconnection",
        href="https://example.org/briefs/grid-interconnection",
    )


def test_libreoffice_document() -> None:
    """Written by LibreOffice Writer from libreoffice-brief.html."""
    brief = parse_docx((FIXTURES / "libreoffice-brief.docx").read_bytes())
    assert brief.title == "Cable Cuts Expose Gaps in Subsea Repair Capacity"
    assert brief.authors == ("Rhea Calloway",)
    assert [(s.kind, s.heading) for s in brief.sections] == [
        (K.JUDGEMENT, "Bottom Line"),
        (K.EVIDENCE, "Key Points"),
        (K.OUTLOOK, "Outlook"),
    ]
    assert brief.evidence == (
        item("Fleet Size", "Fewer than sixty repair vessels serve the whole world."),
        item(
            "Permits",
            "Some coastal states require weeks of paperwork before a ship may work in their "
            "waters.",
        ),
    )
    assert brief.sections[0].blocks[0].content[1] == Emphasis(children=(Text(text="weeks"),))


# --- what is not a brief ----------------------------------------------------------------


def _zip(parts: dict[str, bytes | str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


def _replace_part(data: bytes, name: str, content: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts: dict[str, bytes | str] = {n: archive.read(n) for n in archive.namelist()}
    parts[name] = content
    return _zip(parts)


_DOC = render_docx(seed_shaped())
_BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>&c;</w:t></w:r></w:p></w:body></w:document>"""
_PRESENTATION = (
    b'<p:presentation xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"/>'
)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"just some text", "not a zip archive"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "legacy"),
        (b"PK\x03\x04" + b"\x00" * 40, "corrupt zip"),
        (_DOC[: len(_DOC) // 2], "corrupt zip"),
        (_zip({"notes.txt": "hello"}), "no main document part"),
        (_replace_part(_DOC, "word/document.xml", b"<w:document"), "malformed XML"),
        (_replace_part(_DOC, "word/document.xml", _BOMB), "DTD"),
        (_replace_part(_DOC, "word/document.xml", _PRESENTATION), "not WordprocessingML"),
        (save(docx.Document()), "empty"),
    ],
    ids=[
        "text",
        "ole",
        "zip-header-only",
        "truncated",
        "zip-without-document",
        "malformed-xml",
        "entity-bomb",
        "not-wordprocessingml",
        "empty-document",
    ],
)
def test_what_is_not_a_brief_raises_parse_error(data: bytes, message: str) -> None:
    with pytest.raises(ParseError, match=message):
        parse_docx(data)


def test_parse_reports_the_file_name(tmp_path: Path) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(_replace_part(_DOC, "word/document.xml", b"<w:document"))
    with pytest.raises(ParseError, match=r"broken\.docx.*word/document\.xml.*malformed XML"):
        briefkit.parse(path)


def test_oversized_part_is_refused_before_decompression(monkeypatch: pytest.MonkeyPatch) -> None:
    bomb = _replace_part(_DOC, "word/document.xml", b" " * 5_000_000)
    assert len(bomb) < 100_000
    monkeypatch.setattr(limits, "MAX_DOCX_PART_BYTES", 1_000_000)
    with pytest.raises(LimitError, match=r"word/document\.xml"):
        parse_docx(bomb)


def test_total_expansion_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_DOCX_TOTAL_BYTES", 2_000)
    with pytest.raises(LimitError, match="over the limit"):
        parse_docx(_DOC)


def test_too_many_entries(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_DOCX_ENTRIES", 5)
    with pytest.raises(LimitError, match="entries"):
        parse_docx(_DOC)


def test_unsafe_link_targets_keep_their_text() -> None:
    document = docx.Document()
    document.add_paragraph("Links", style="Title")
    p = document.add_paragraph("See ")
    rid = document.part.relate_to(
        "javascript:alert(1)",
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink",
        is_external=True,
    )
    link = f'<w:hyperlink {nsdecls("w", "r")} r:id="{rid}"><w:r><w:t>this</w:t></w:r></w:hyperlink>'
    p._p.append(parse_xml(link))
    assert parse_docx(save(document)).sections[0].blocks == (para("See this"),)


def test_items_keep_empty_bodies_and_lists_split_by_numbering() -> None:
    brief = Brief(
        title="Lists",
        sections=(
            Section(
                kind=K.EVIDENCE,
                heading="Evidence",
                blocks=(
                    ItemList(items=(Item(lead="Only a lead"), Item())),
                    ItemList(items=(item("", "second list"),)),
                    ItemList(ordered=False, items=(item("", "bullets"),)),
                ),
            ),
        ),
    )
    assert parse_docx(render_docx(brief)) == brief


def test_nothing_is_lost_from_extra_title_and_subtitle_paragraphs() -> None:
    document = docx.Document()
    document.add_paragraph("Main Title", style="Title")
    document.add_paragraph("The subtitle", style="Subtitle")
    document.add_paragraph("", style="Heading 1")
    document.add_paragraph("A second title-styled line", style="Title")
    document.add_paragraph("A second subtitle-styled line", style="Subtitle")
    brief = parse_docx(save(document))
    assert (brief.title, brief.summary) == ("Main Title", "The subtitle")
    assert brief.sections == (
        Section(blocks=(para("A second title-styled line"), para("A second subtitle-styled line"))),
    )


@pytest.mark.parametrize(
    "hint",
    [
        b"not json",
        b'{"shapes": {"0": ' + b"[" * 5000 + b"]" * 5000 + b"}}",
        b'{"shapes": {"0": ' + b'["s", ' * 500 + b"1" + b"]" * 500 + b"}}",
        b'{"shapes": {"0": [999]}}',
        b'{"shapes": {"0": [["l", "javascript:x", 3]]}}',
        b'{"shapes": "nonsense", "titled": 5}',
    ],
    ids=["not-json", "deep-json", "deep-shape", "wrong-length", "unsafe-href", "wrong-types"],
)
def test_a_damaged_or_hostile_hint_only_costs_exact_nesting(hint: bytes) -> None:
    def strong(text: str) -> Strong:
        return Strong(children=(Text(text=text),))

    brief = Brief(
        title="Hint", sections=(Section(blocks=(Paragraph(content=(strong("a"), strong("b"))),)),)
    )
    data = render_docx(brief)
    assert parse_docx(data) == brief  # the hint keeps the two strong runs apart
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts: dict[str, bytes | str] = {n: archive.read(n) for n in archive.namelist()}
    assert b"urn:x-briefkit:docx-hint" in parts["customXml/item1.xml"]  # type: ignore[operator]
    xml = b'<hint xmlns="urn:x-briefkit:docx-hint">' + hint.replace(b"&", b"&amp;") + b"</hint>"
    parts["customXml/item1.xml"] = xml
    canonical = Brief(
        title="Hint", sections=(Section(blocks=(Paragraph(content=(strong("ab"),)),)),)
    )
    assert parse_docx(_zip(parts)) == canonical
