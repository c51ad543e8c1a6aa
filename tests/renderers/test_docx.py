"""DOCX renderer: styles, numbering, runs, hyperlinks, fields, properties and templates.

Documents are opened with python-docx (and their XML inspected where python-docx has no
API), never compared byte for byte.
"""

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
from docx.enum.section import WD_ORIENT
from docx.shared import RGBColor
from lxml import etree

import briefkit
from briefkit import Brief, Item, ItemList, Paragraph, RenderError, Section, TemplateError, Text
from briefkit.parsers.docx import parse_docx
from briefkit.renderers.docx import base as _docx_base
from briefkit.renderers.docx import render_docx
from briefkit.syntax import ooxml as ox
from briefs import ALL, bullets_brief, long_brief, rich_brief, seed_shaped, with_metadata

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
HYPERLINK_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"


def open_docx(data: bytes) -> Any:
    return docx.Document(io.BytesIO(data))


def body_paragraphs(document: Any) -> list[Any]:
    return list(document.paragraphs)


def by_style(document: Any, name: str) -> list[Any]:
    return [p for p in document.paragraphs if p.style.name == name]


def num_id(paragraph: Any) -> int | None:
    num = paragraph._p.find(f"{W}pPr/{W}numPr/{W}numId")
    return None if num is None else int(num.get(f"{W}val"))


def numbering(document: Any) -> Any:
    return document.part.numbering_part.element


def hyperlinks(paragraph: Any) -> list[tuple[str, str]]:
    """(text, target) of every w:hyperlink in the paragraph."""
    rels = paragraph.part.rels
    out = []
    for link in paragraph._p.iter(f"{W}hyperlink"):
        rel = rels[link.get(R_ID)]
        assert rel.reltype == HYPERLINK_REL
        assert rel.is_external
        out.append(("".join(t.text for t in link.iter(f"{W}t")), rel.target_ref))
    return out


def custom_properties(data: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        root = etree.fromstring(archive.read("docProps/custom.xml"))
    return {p.get("name"): p[0].text or "" for p in root}


# --- styles and structure ---------------------------------------------------------------


def test_every_paragraph_carries_a_named_style() -> None:
    document = open_docx(render_docx(with_metadata()))
    styles = [p.style.name for p in body_paragraphs(document)]
    assert styles == [
        "Title",
        "Brief Category",
        "Subtitle",
        "Brief Metadata",
        "Heading 1",
        "Normal",
        "Heading 1",
        "List Number",
        "List Number",
        "List Number",
        "Heading 1",
        "Normal",
        "Brief Navigation",
        "Brief Navigation",
    ]
    texts = [p.text for p in body_paragraphs(document)]
    assert texts[0] == "Red Sea Shipping Insurance Costs Climb as Attacks Spread South"
    assert texts[2] == "War-risk premiums push carriers away from the Suez route."
    assert "Ines Marlow, Tomas Okafor" in texts[3]
    assert "Harbourline Analysis" in texts[3]
    assert "14\u00a0February\u00a02024" in texts[3]
    assert [texts[i] for i in (4, 6, 10)] == [
        "Analytic Judgement",
        "Supporting Evidence",
        "Implications",
    ]


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Title", "paragraph"),
        ("Heading 1", "paragraph"),
        ("Brief Metadata", "paragraph"),
        ("Normal", "paragraph"),
        ("List Number", "paragraph"),
        ("List Bullet", "paragraph"),
        ("Quote", "paragraph"),
        ("Brief Navigation", "paragraph"),
        ("Hyperlink", "character"),
        ("Brief Lead-in", "character"),
    ],
)
def test_styles_are_defined_for_templates_to_restyle(name: str, kind: str) -> None:
    document = open_docx(render_docx(seed_shaped()))
    style = document.styles[name]
    assert style.type.name.lower() == kind.upper().lower()


def test_base_document_is_lean() -> None:
    with zipfile.ZipFile(io.BytesIO(render_docx(seed_shaped()))) as archive:
        names = set(archive.namelist())
        styles = archive.read("word/styles.xml")
    assert "word/stylesWithEffects.xml" not in names
    assert "docProps/thumbnail.jpeg" not in names
    assert len(styles) < 20_000


# --- lists ------------------------------------------------------------------------------


def test_evidence_is_word_numbering_with_bold_lead_ins() -> None:
    document = open_docx(render_docx(seed_shaped()))
    items = by_style(document, "List Number")
    assert len(items) == 3
    assert len({num_id(p) for p in items}) == 1
    first = items[0]
    assert first.runs[0].text == "Premium Increases: "
    assert first.runs[0].bold is True
    assert first.runs[0].style.name == "Brief Lead-in"
    assert first.runs[1].bold is None
    assert first.text.startswith("Premium Increases: Brokers quote war-risk cover")


def test_each_list_restarts_at_one() -> None:
    brief = Brief(
        title="Two Lists",
        sections=(
            Section(
                heading="Evidence",
                blocks=(
                    ItemList(items=(Item(body=(Text(text="a"),)), Item(body=(Text(text="b"),)))),
                    Paragraph(content=(Text(text="between"),)),
                    ItemList(items=(Item(body=(Text(text="c"),)),)),
                    ItemList(items=(Item(body=(Text(text="d"),)),)),
                ),
            ),
        ),
    )
    document = open_docx(render_docx(brief))
    ids = [num_id(p) for p in by_style(document, "List Number")]
    assert ids[0] == ids[1]
    assert len({ids[0], ids[2], ids[3]}) == 3
    nums = {int(n.get(f"{W}numId")): n for n in numbering(document).iter(f"{W}num")}
    for value in set(ids):
        override = nums[value].find(f"{W}lvlOverride/{W}startOverride")
        assert override is not None
        assert override.get(f"{W}val") == "1"


def test_abstract_numbering_definitions_precede_nums() -> None:
    root = numbering(open_docx(render_docx(bullets_brief())))
    tags = [etree.QName(child).localname for child in root]
    assert tags.index("num") > max(i for i, t in enumerate(tags) if t == "abstractNum")


def test_unordered_lists_are_bullets_and_ordered_lists_numbers() -> None:
    document = open_docx(render_docx(bullets_brief()))
    root = numbering(document)
    abstract_of = {
        n.get(f"{W}numId"): n.find(f"{W}abstractNumId").get(f"{W}val") for n in root.iter(f"{W}num")
    }
    fmt_of = {
        a.get(f"{W}abstractNumId"): a.find(f"{W}lvl/{W}numFmt").get(f"{W}val")
        for a in root.iter(f"{W}abstractNum")
    }

    def fmt(p: Any) -> str:
        return fmt_of[abstract_of[str(num_id(p))]]

    bullets = by_style(document, "List Bullet")
    numbers = by_style(document, "List Number")
    assert [fmt(p) for p in bullets] == ["bullet"] * 3
    assert [fmt(p) for p in numbers] == ["decimal"] * 2
    assert bullets[1].runs[0].text == "Imports: "
    assert bullets[0].runs[0].bold is None  # no lead-in: no bold run


# --- inline content and links -----------------------------------------------------------


def test_bold_italic_and_hyperlinks_in_paragraphs() -> None:
    document = open_docx(render_docx(rich_brief()))
    para = next(p for p in document.paragraphs if p.text.startswith("Several states"))
    runs = {r.text: r for r in para.runs}
    assert runs["expanded"].bold is True
    assert runs["according to"].italic is True
    assert hyperlinks(para) == [("public registry", "https://example.org/reports/svalbard")]
    link_run = para._p.find(f"{W}hyperlink/{W}r/{W}rPr/{W}rStyle")
    assert document.styles.get_style_id is not None
    assert link_run.get(f"{W}val") == document.styles["Hyperlink"].style_id
    item = by_style(document, "List Number")[1]
    assert hyperlinks(item) == [("Satellite imagery", "https://example.org/data/antennas")]


def test_navigation_is_linked_when_there_is_an_href() -> None:
    linked = by_style(open_docx(render_docx(with_metadata())), "Brief Navigation")
    assert [p.text for p in linked] == [
        "Previous: 112: Drone Swarms and the Economics of Air Defence",
        "Next: Andean Lithium Nationalisation Gathers Pace",
    ]
    assert hyperlinks(linked[0]) == [
        (
            "112: Drone Swarms and the Economics of Air Defence",
            "https://example.org/briefs/drone-swarms",
        )
    ]
    plain = by_style(open_docx(render_docx(seed_shaped())), "Brief Navigation")
    assert [hyperlinks(p) for p in plain] == [[], []]
    assert plain[1].text == "Next: Andean Lithium Nationalisation Gathers Pace"


def test_link_only_neighbour_shows_its_address() -> None:
    brief = seed_shaped().model_copy(
        update={"prev": None, "next": briefkit.BriefLink(href="next-brief.html")}
    )
    (nav,) = by_style(open_docx(render_docx(brief)), "Brief Navigation")
    assert hyperlinks(nav) == [("next-brief.html", "next-brief.html")]


# --- header, footer, properties ---------------------------------------------------------


def _footer_fields(document: Any) -> list[str]:
    footer = document.sections[0].footer._element
    return [t.text.strip() for t in footer.iter(f"{W}instrText")]


def test_header_shows_marking_else_title_and_footer_counts_pages() -> None:
    marked = open_docx(render_docx(with_metadata()))
    assert marked.sections[0].header.paragraphs[0].text.strip() == "TLP:CLEAR"
    plain = open_docx(render_docx(seed_shaped()))
    assert plain.sections[0].header.paragraphs[0].text == seed_shaped().title
    footer = plain.sections[0].footer.paragraphs[0]
    assert footer.text == "Page 1 of 1"
    assert _footer_fields(plain) == ["PAGE", "NUMPAGES"]
    kinds = [c.get(f"{W}fldCharType") for c in footer._p.iter(f"{W}fldChar")]
    assert kinds == ["begin", "separate", "end"] * 2


def test_tlp_marking_uses_its_colours() -> None:
    brief = seed_shaped().model_copy(update={"marking": "TLP:AMBER"})
    header = open_docx(render_docx(brief)).sections[0].header.paragraphs[0]
    run = header.runs[0]
    assert run.font.color.rgb == RGBColor(0xFF, 0xC0, 0x00)
    assert run._r.find(f"{W}rPr/{W}shd").get(f"{W}fill") == "000000"


def test_core_properties() -> None:
    core = open_docx(render_docx(with_metadata())).core_properties
    assert core.title == "Red Sea Shipping Insurance Costs Climb as Attacks Spread South"
    assert core.author == "Ines Marlow; Tomas Okafor"
    assert core.subject == "War-risk premiums push carriers away from the Suez route."
    assert core.keywords == "shipping; insurance; Red Sea"
    assert core.category == "Maritime Security"
    assert core.language == "en"
    assert core.created == dt.datetime(2024, 2, 14, tzinfo=dt.UTC)
    assert core.modified == dt.datetime(2024, 2, 15, 9, 30, tzinfo=dt.UTC)
    assert core.comments == ""
    assert core.last_modified_by == ""


def test_core_properties_without_metadata_are_empty() -> None:
    core = open_docx(render_docx(seed_shaped())).core_properties
    assert (core.author, core.keywords, core.category, core.subject) == ("", "", "", "")
    assert core.created is None
    assert core.modified is None


def test_custom_properties_hold_what_core_properties_cannot() -> None:
    props = custom_properties(render_docx(with_metadata()))
    assert props == {
        "briefkit.format": "1",
        "briefkit.url": "https://example.org/briefs/red-sea-insurance",
        "briefkit.slug": "red-sea-insurance",
        "briefkit.publisher": "Harbourline Analysis",
        "briefkit.marking": "TLP:CLEAR",
        "briefkit.language": "en",
        "briefkit.published": "2024-02-14",
        "briefkit.updated": "2024-02-15T09:30:00+00:00",
        "briefkit.authors": '["Ines Marlow", "Tomas Okafor"]',
        "briefkit.tags": '["shipping", "insurance", "Red Sea"]',
    }


def test_long_values_are_cut_in_core_properties_and_kept_whole() -> None:
    title = "Long " * 80
    data = render_docx(seed_shaped().model_copy(update={"title": title.strip()}))
    core = open_docx(data).core_properties
    assert len(core.title) == 255
    assert custom_properties(data)["briefkit.title"] == title.strip()


def test_language_sets_the_proofing_language() -> None:
    data = render_docx(seed_shaped().model_copy(update={"language": "fr"}))
    styles = open_docx(data).styles.element
    assert styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang").get(f"{W}val") == "fr"


def test_text_xml_cannot_hold_never_reaches_the_document() -> None:
    brief = Brief(
        title="Bell\x07 and \ud800 surrogate",
        sections=(Section(blocks=(Paragraph(content=(Text(text="nul\x00 and \x1b esc"),)),)),),
    )
    document = open_docx(render_docx(brief))
    assert [p.text for p in document.paragraphs] == ["Bell and surrogate", "nul and esc"]


# --- page setup -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("size", "width", "height"),
    [(None, 11906, 16838), ("A4", 11906, 16838), ("letter", 12240, 15840), ("Legal", 12240, 20160)],
)
def test_page_size(size: str | None, width: int, height: int) -> None:
    section = open_docx(render_docx(seed_shaped(), page_size=size)).sections[0]
    assert (section.page_width.twips, section.page_height.twips) == (width, height)


def test_unknown_page_size_is_a_render_error() -> None:
    with pytest.raises(RenderError, match="unknown page size 'B5'"):
        render_docx(seed_shaped(), page_size="B5")


def test_render_front_door_writes_the_file(tmp_path: Path) -> None:
    dest = tmp_path / "out" / "brief.docx"
    data = briefkit.render(seed_shaped(), "docx", dest=dest)
    assert isinstance(data, bytes)
    assert dest.read_bytes() == data
    assert open_docx(data).paragraphs[0].text == seed_shaped().title


@pytest.mark.parametrize("name", sorted(ALL))
def test_every_shared_brief_renders(name: str) -> None:
    brief = ALL[name]()
    document = open_docx(render_docx(brief))
    assert by_style(document, "Title")[0].text == brief.title
    headings = [s.heading for s in brief.sections if s.heading]
    assert [p.text for p in by_style(document, "Heading 1")] == headings


def test_importing_briefkit_does_not_import_python_docx() -> None:
    code = "import sys, briefkit; print('docx' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def _saved(document: Any) -> dict[str, bytes]:
    out = io.BytesIO()
    document.save(out)
    return _parts(out.getvalue())


def test_a_new_document_is_the_base_opened_afresh_and_shares_nothing() -> None:
    base = _docx_base.base(None, None)
    one, two = _docx_base.new_document(base), _docx_base.new_document(base)
    assert _saved(one) == _saved(docx.Document(io.BytesIO(base.data)))
    ones, twos = list(one.part.package.iter_parts()), list(two.part.package.iter_parts())
    assert [p.partname for p in ones] == [p.partname for p in twos]
    assert not {id(p) for p in ones} & {id(p) for p in twos}
    one.add_paragraph("only in the first")
    one.styles.element.append(etree.Element(f"{W}style"))
    one.part.numbering_part.element.append(etree.Element(f"{W}num"))
    assert _saved(two) == _saved(_docx_base.new_document(base))
    assert "only in the first" not in [p.text for p in two.paragraphs]


@pytest.mark.parametrize("template", [None, "briefkit document"])
def test_a_brief_leaves_nothing_behind_for_the_next(template: str | None) -> None:
    """Briefs rendered one after another from the same cached base: the second one sees
    none of the first's text, properties, lists or hints."""
    reference = None if template is None else render_docx(rich_brief())
    first, other = with_metadata(), rich_brief()
    alone = _parts(render_docx(first, template=reference))
    between = render_docx(other, template=reference)
    assert _parts(render_docx(first, template=reference)) == alone
    assert briefkit.parse_docx(between) == other


# --- templates --------------------------------------------------------------------------


def _with_custom_property(data: bytes, name: str, value: str) -> bytes:
    """Add docProps/custom.xml to a package (python-docx cannot write one)."""
    custom = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"'
        ' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" '
        f'name="{name}"><vt:lpwstr>{value}</vt:lpwstr></property></Properties>'
    )
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy,
    ):
        for info in source.infolist():
            blob = source.read(info)
            if info.filename == "[Content_Types].xml":
                blob = blob.replace(
                    b"</Types>",
                    b'<Override PartName="/docProps/custom.xml" ContentType="application/'
                    b'vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>',
                )
            elif info.filename == "_rels/.rels":
                blob = blob.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdCustom" Type="http://schemas.openxmlformats.org/'
                    b'officeDocument/2006/relationships/custom-properties" '
                    b'Target="docProps/custom.xml"/></Relationships>',
                )
            copy.writestr(info, blob)
        copy.writestr("docProps/custom.xml", custom)
    return out.getvalue()


def make_template(tmp_path: Path, *, drop_style: str | None = None) -> Path:
    """A house template: red headings, a cover section with its own header, a landscape
    body section with its own header and footer, and a custom property."""
    document = docx.Document()
    document.styles["Heading 1"].font.color.rgb = RGBColor(0xC0, 0x00, 0x00)
    document.styles["Title"].font.size = docx.shared.Pt(30)
    document.add_paragraph("Sample text the template carries", style="Normal")
    first = document.sections[0]
    first.header.paragraphs[0].text = "ACME Cover Header"
    first.top_margin = docx.shared.Cm(5)
    second = document.add_section()
    second.orientation = WD_ORIENT.LANDSCAPE
    second.page_width, second.page_height = first.page_height, first.page_width
    second.header.is_linked_to_previous = False
    second.header.paragraphs[0].text = "ACME Body Header"
    second.footer.paragraphs[0].text = "ACME Footer"
    if drop_style:
        element = document.styles[drop_style].element
        element.getparent().remove(element)
    buffer = io.BytesIO()
    document.save(buffer)
    path = tmp_path / "house.docx"
    path.write_bytes(_with_custom_property(buffer.getvalue(), "Client", "Northwind"))
    return path


def test_template_keeps_styles_sections_headers_footers_and_properties(tmp_path: Path) -> None:
    template = make_template(tmp_path)
    data = render_docx(with_metadata(), template=template)
    document = open_docx(data)
    assert document.styles["Heading 1"].font.color.rgb == RGBColor(0xC0, 0x00, 0x00)
    assert document.styles["Title"].font.size == docx.shared.Pt(30)
    assert "Brief Metadata" in [s.name for s in document.styles]  # added where missing
    sections = document.sections
    assert len(sections) == 2
    assert round(sections[0].top_margin.cm, 1) == 5.0
    assert sections[1].orientation == WD_ORIENT.LANDSCAPE
    assert sections[0].header.paragraphs[0].text == "ACME Cover Header"
    assert sections[1].header.paragraphs[0].text == "ACME Body Header"
    assert sections[1].footer.paragraphs[0].text == "ACME Footer"
    props = custom_properties(data)
    assert props["Client"] == "Northwind"
    assert props["briefkit.marking"] == "TLP:CLEAR"
    texts = [p.text for p in document.paragraphs]
    assert "Sample text the template carries" not in texts
    # The title block fills the cover section, the body the last one; the template's own
    # header replaces briefkit's, so the marking is added to the template's headers and
    # footers (after their own text) and also shown under the title.
    assert [t.strip() for t in texts[:3]] == [
        "Red Sea Shipping Insurance Costs Climb as Attacks Spread South",
        "TLP:CLEAR",
        "Maritime Security",
    ]
    for part in (sections[0].header, sections[1].header, sections[1].footer):
        assert part.paragraphs[-1].text.strip() == "TLP:CLEAR"
    body = document.element.body
    cover_break = body.find(f"{W}p/{W}pPr/{W}sectPr").getparent().getparent()
    order = list(body)
    title = by_style(document, "Title")[0]._p
    heading = by_style(document, "Heading 1")[0]._p
    assert order.index(title) < order.index(cover_break) < order.index(heading)


def test_template_round_trips(tmp_path: Path) -> None:
    brief = with_metadata()
    assert briefkit.parse_docx(render_docx(brief, template=make_template(tmp_path))) == brief


def _without_numbering(data: bytes) -> bytes:
    """``data`` with no numbering part: the part, its relationship and its content type go."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as copy:
        for info in source.infolist():
            if info.filename == "word/numbering.xml":
                continue
            blob = source.read(info)
            if info.filename == "word/_rels/document.xml.rels":
                rels = etree.fromstring(blob)
                for rel in list(rels):
                    if rel.get("Type", "").endswith("/numbering"):
                        rels.remove(rel)
                blob = etree.tostring(rels, xml_declaration=True, encoding="UTF-8")
            copy.writestr(info, blob)
    return out.getvalue()


def test_a_template_without_numbering_gets_briefkits_lists(tmp_path: Path) -> None:
    """Many house templates define no lists, so they have no numbering part; python-docx
    cannot make one, so the renderer adds it and the brief's lists are numbered as ever."""
    template = _without_numbering(make_template(tmp_path).read_bytes())
    assert "word/numbering.xml" not in zipfile.ZipFile(io.BytesIO(template)).namelist()
    brief = with_metadata()
    data = render_docx(brief, template=template)
    numbering = open_docx(data).part.numbering_part.element
    assert numbering.findall(ox.w("num"))  # the lists' definitions are there
    assert briefkit.parse_docx(data) == brief


def test_template_page_size_is_kept_unless_asked(tmp_path: Path) -> None:
    template = make_template(tmp_path)
    kept = open_docx(render_docx(seed_shaped(), template=template)).sections
    assert kept[1].page_width > kept[1].page_height  # landscape stays landscape
    letter = open_docx(render_docx(seed_shaped(), template=template, page_size="Letter")).sections
    assert (letter[0].page_width.twips, letter[0].page_height.twips) == (12240, 15840)
    assert (letter[1].page_width.twips, letter[1].page_height.twips) == (15840, 12240)


def test_template_without_header_gets_briefkit_header_and_footer(tmp_path: Path) -> None:
    path = tmp_path / "plain.docx"
    docx.Document().save(str(path))
    document = open_docx(render_docx(with_metadata(), template=path))
    assert document.sections[0].header.paragraphs[0].text.strip() == "TLP:CLEAR"
    assert _footer_fields(document) == ["PAGE", "NUMPAGES"]


@pytest.mark.parametrize("style", ["Heading 1", "Title"])
def test_template_lacking_a_required_style_names_it(tmp_path: Path, style: str) -> None:
    template = make_template(tmp_path, drop_style=style)
    with pytest.raises(TemplateError, match=f"lacks the paragraph style '{style}'"):
        render_docx(seed_shaped(), template=template)


def test_dotx_template_is_accepted(tmp_path: Path) -> None:
    source = make_template(tmp_path).read_bytes()
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(source)) as archive,
        zipfile.ZipFile(out, "w") as copy,
    ):
        for info in archive.infolist():
            blob = archive.read(info)
            if info.filename == "[Content_Types].xml":
                blob = blob.replace(b"document.main+xml", b"template.main+xml")
            copy.writestr(info, blob)
    dotx = tmp_path / "house.dotx"
    dotx.write_bytes(out.getvalue())
    document = open_docx(render_docx(seed_shaped(), template=dotx))
    assert document.styles["Heading 1"].font.color.rgb == RGBColor(0xC0, 0x00, 0x00)


def test_template_bytes_are_accepted(tmp_path: Path) -> None:
    data = render_docx(seed_shaped(), template=make_template(tmp_path).read_bytes())
    assert open_docx(data).sections[1].footer.paragraphs[0].text == "ACME Footer"


def test_template_is_reread_when_it_changes(tmp_path: Path) -> None:
    template = make_template(tmp_path)
    render_docx(seed_shaped(), template=template)
    document = docx.Document(str(template))
    document.styles["Heading 1"].font.color.rgb = RGBColor(0x00, 0x80, 0x00)
    document.save(str(template))
    rendered = open_docx(render_docx(seed_shaped(), template=template))
    assert rendered.styles["Heading 1"].font.color.rgb == RGBColor(0x00, 0x80, 0x00)


def test_a_briefkit_document_can_serve_as_template() -> None:
    template = render_docx(rich_brief())  # carries a nesting hint and custom properties
    brief = long_brief(3)
    data = render_docx(brief, template=template)
    assert briefkit.parse_docx(data) == brief
    assert "briefkit.url" not in custom_properties(data)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not a word file", "not a Word document"),
        (b"PK\x03\x04broken", "not a Word document"),
    ],
)
def test_unusable_template_is_a_template_error(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "bad.docx"
    path.write_bytes(content)
    with pytest.raises(TemplateError, match=message):
        render_docx(seed_shaped(), template=path)


def test_missing_template_is_a_template_error(tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match="cannot read template"):
        render_docx(seed_shaped(), template=tmp_path / "nope.docx")


@pytest.mark.parametrize(
    ("href", "url", "target"),
    [
        ("https://example.org/a", None, "https://example.org/a"),
        ("mailto:desk@example.org", None, "mailto:desk@example.org"),
        ("other-brief.docx", None, "other-brief.docx"),
        ("//files.example.org/share/x", None, "https://files.example.org/share/x"),
        ("/briefs/b", "https://example.org/briefs/a", "https://example.org/briefs/b"),
        ("/etc/passwd", None, None),
    ],
)
def test_link_targets_are_safe_in_a_document(
    href: str, url: str | None, target: str | None
) -> None:
    """Word resolves //host as a network share and /path as a local file."""
    brief = Brief(
        title="Links",
        url=url,
        sections=(
            Section(
                blocks=(
                    Paragraph(
                        content=(briefkit.Link(href=href, children=(Text(text="the text"),)),)
                    ),
                )
            ),
        ),
    )
    paragraph = open_docx(render_docx(brief)).paragraphs[-1]
    assert paragraph.text == "the text"
    assert hyperlinks(paragraph) == ([] if target is None else [("the text", target)])


def test_template_from_a_localised_word_keeps_working(tmp_path: Path) -> None:
    """German Word names the ids of Normal and Heading 1 "Standard" and "berschrift1"."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(save_default_template())) as source,
        zipfile.ZipFile(out, "w") as copy,
    ):
        for info in source.infolist():
            blob = source.read(info)
            if info.filename == "word/styles.xml":
                for old, new in ((b"Normal", b"Standard"), (b"Heading1", b"berschrift1")):
                    blob = blob.replace(b'w:styleId="' + old, b'w:styleId="' + new)
                    for ref in (b"basedOn", b"next", b"link"):
                        blob = blob.replace(
                            b"<w:" + ref + b' w:val="' + old + b'"',
                            b"<w:" + ref + b' w:val="' + new + b'"',
                        )
            copy.writestr(info, blob)
    path = tmp_path / "vorlage.docx"
    path.write_bytes(out.getvalue())
    data = render_docx(with_metadata(), template=path)
    document = open_docx(data)
    assert document.styles["Brief Metadata"].base_style.style_id == "Standard"
    assert by_style(document, "Heading 1")[0]._p.pPr.pStyle.val == "berschrift1"
    assert briefkit.parse_docx(data) == with_metadata()


def save_default_template() -> bytes:
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    return buffer.getvalue()


def _hostile_template(tmp_path: Path) -> Path:
    """A template whose header and settings carry everything a document must not."""
    document = docx.Document()
    header = document.sections[0].header
    header.paragraphs[0].text = "Header text "
    part = header.part
    image = part.relate_to(
        "http://tracker.example/pixel.png",
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image",
        is_external=True,
    )
    share = part.relate_to(
        "//fileserver/share/x",
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink",
        is_external=True,
    )
    site = part.relate_to(
        "https://example.org/",
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink",
        is_external=True,
    )
    w, vml = qn_decls(), 'xmlns:v="urn:schemas-microsoft-com:vml"'
    for xml in (
        f'<w:fldSimple {w} w:instr=" INCLUDETEXT &quot;/etc/passwd&quot; "><w:r><w:t>inc</w:t>'
        "</w:r></w:fldSimple>",
        f'<w:r {w}><w:fldChar w:fldCharType="begin"/></w:r>',
        f'<w:r {w}><w:instrText xml:space="preserve"> DDEAUTO c:\\\\x.exe </w:instrText></w:r>',
        f'<w:r {w}><w:fldChar w:fldCharType="separate"/></w:r>',
        f"<w:r {w}><w:t>dde-result</w:t></w:r>",
        f'<w:r {w}><w:fldChar w:fldCharType="end"/></w:r>',
        f'<w:r {w} {vml}><w:pict><v:shape><v:imagedata r:id="{image}"/></v:shape></w:pict></w:r>',
        f'<w:hyperlink {w} r:id="{share}"><w:r><w:t>share</w:t></w:r></w:hyperlink>',
        f'<w:hyperlink {w} r:id="{site}"><w:r><w:t>site</w:t></w:r></w:hyperlink>',
        f'<w:fldSimple {w} w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>',
    ):
        header.paragraphs[0]._p.append(docx.oxml.parse_xml(xml))
    settings = document.settings.element
    settings.append(docx.oxml.parse_xml(f'<w:updateFields {w} w:val="true"/>'))
    path = tmp_path / "hostile.docx"
    document.save(str(path))
    return path


def qn_decls() -> str:
    return (
        'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    )


def test_template_is_defused(tmp_path: Path) -> None:
    data = render_docx(seed_shaped(), template=_hostile_template(tmp_path))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    header_name = next(n for n in parts if n.startswith("word/header"))
    header = etree.fromstring(parts[header_name])
    assert "".join(header.itertext()) == "Header text incdde-resultsharesite1"
    instructions = [i.text.strip() for i in header.iter(f"{W}instrText")]
    instructions += [f.get(f"{W}instr").strip() for f in header.iter(f"{W}fldSimple")]
    assert instructions == ["PAGE"]
    rels = b"".join(v for n, v in parts.items() if n.endswith(".rels"))
    assert b"tracker.example" not in rels
    assert b"fileserver" not in rels
    assert b"https://example.org/" in rels
    assert header.find(f".//{W}pict") is None
    assert b"updateFields" not in parts["word/settings.xml"]


def test_a_brief_without_language_declares_the_default() -> None:
    def proofing(data: bytes) -> str:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            styles = etree.fromstring(archive.read("word/styles.xml"))
        return styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang").get(f"{W}val")

    brief = seed_shaped()
    assert brief.language is None
    assert proofing(render_docx(brief)) == "en"
    assert proofing(render_docx(brief, default_language="en-GB")) == "en-GB"
    assert parse_docx(render_docx(brief)).language is None
    with pytest.raises(RenderError, match="default_language"):
        render_docx(brief, default_language="not a tag")
