"""Outputs that once carried something live: markup in Markdown front matter, a reference
document's external targets, relative links that open local programs, and a build that
published what a symbolic link pointed at.

Each is tested as the class: every text field, every way to write a target, every shape
of link out of a folder.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import briefkit
from briefkit import Brief, BriefLink, Link, Paragraph, Section, Text
from briefs import rich_brief, seed_shaped
from security.checks import docx_problems, is_safe_document_target, markdown_problems, pdf_problems
from security.test_properties import budget

# --- raw markup in Markdown front matter ------------------------------------------------

MARKUP = [
    "<img src=x onerror=alert(1)>", "<svg onload=alert(1)>", "<script>alert(1)</script>",
    "<a href='javascript:alert(1)'>x</a>", "&lt;img src=x onerror=alert(1)&gt;", "\\<b>",
    "\\\\<i onclick=x>", "<!-- x -->", "<![CDATA[x]]>", "*x*", "[x](javascript:alert(1))",
    "\\", "&", "\"", "'", ": ", "# ", "- ", "---", "...", "\u2028", "\x85",
]  # fmt: skip
TEXT_FIELDS = ("title", "summary", "publisher", "category", "marking", "language", "slug")


@given(
    field=st.sampled_from([*TEXT_FIELDS, "authors", "tags"]),
    pieces=st.lists(st.sampled_from([*MARKUP, "word", " "]), min_size=1, max_size=6),
)
@budget(120)
def test_no_text_field_puts_markup_in_the_front_matter(field: str, pieces: list[str]) -> None:
    value = "".join(pieces).strip() or "x"
    update: dict[str, object] = {field: (value,) if field in ("authors", "tags") else value}
    try:
        brief = seed_shaped().model_copy(update=update)
        brief = Brief.model_validate(brief.model_dump())
    except ValueError:
        return  # the model refuses the value (a blank title): nothing to render
    markdown = briefkit.render_markdown(brief)
    assert markdown_problems(markdown) == []
    front = markdown.split("\n---\n", 1)[0]
    assert "<" not in front
    assert briefkit.parse_markdown(markdown) == brief


def test_pandoc_reads_front_matter_markup_as_text(tmp_path: Path) -> None:
    pandoc = shutil.which("pandoc")
    if pandoc is None:
        if os.environ.get("CI"):
            pytest.fail("pandoc is required when CI is set (apt-get install pandoc)")
        pytest.skip("pandoc is not installed")
    brief = seed_shaped().model_copy(
        update={"title": "<img src=x onerror=alert(1)>", "summary": "<svg onload=alert(2)>"}
    )
    source = tmp_path / "brief.md"
    source.write_text(briefkit.render_markdown(brief), encoding="utf-8")
    html = subprocess.run(
        [pandoc, "-s", "-f", "markdown", "-t", "html", str(source)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "<img" not in html
    assert "<svg" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


# --- a reference document's external targets ---------------------------------------------

_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
HOSTILE_TARGETS = [
    " //evil.test/share", "\t//evil.test/share", "%2F%2Fevil.test/share", "%5C%5Cevil.test\\s",
    "\\\\evil.test\\share\\t.dotm", "file:///etc/passwd", "FILE:c:/x", "/etc/passwd",
    "../../../../Windows/System32/calc.exe", "..%2F..%2Fcalc.exe", "calc.exe",
    "javascript:alert(1)", " javascript:alert(1)",
]  # fmt: skip


def _rel(rid: str, kind: str, target: str) -> bytes:
    target = target.replace("&", "&amp;").replace('"', "&quot;")
    return f'<Relationship Id="{rid}" Type="{_RT}{kind}" Target="{target}" TargetMode="External"/>'.encode()  # noqa: E501


def hostile_template(target: str) -> bytes:
    """A reference document linking ``target`` from the package, its settings and header."""
    data = briefkit.render_docx(rich_brief().model_copy(update={"marking": "TLP:GREEN"}))
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as copy:
        for info in source.infolist():
            blob = source.read(info)
            name = info.filename
            if name == "_rels/.rels":
                extra = _rel("rIdT", "attachedTemplate", target) + _rel("rIdL", "hyperlink", target)
                blob = blob.replace(b"</Relationships>", extra + b"</Relationships>")
            elif name.startswith("word/_rels/header"):
                blob = blob.replace(
                    b"</Relationships>", _rel("rIdH", "hyperlink", target) + b"</Relationships>"
                )
            elif name.startswith("word/header"):
                link = b'<w:hyperlink r:id="rIdH"><w:r><w:t>header link</w:t></w:r></w:hyperlink>'
                blob = blob.replace(b"</w:p>", link + b"</w:p>", 1)
                if b"xmlns:r=" not in blob:
                    blob = blob.replace(b"<w:hdr ", f"<w:hdr {_R} ".encode(), 1)
            copy.writestr(info, blob)
    return out.getvalue()


@pytest.mark.parametrize("target", HOSTILE_TARGETS)
def test_a_reference_documents_targets_reach_no_output(target: str) -> None:
    data = briefkit.render_docx(seed_shaped(), template=hostile_template(target))
    assert docx_problems(data) == []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        rels = [archive.read(n) for n in archive.namelist() if n.endswith(".rels")]
    assert all(b'TargetMode="External"' not in r or b"evil" not in r for r in rels)
    assert all(b"calc.exe" not in r and b"passwd" not in r for r in rels)


# --- relative links that open local files -------------------------------------------------

RELATIVE = [
    ("../../../../Windows/System32/calc.exe", None),
    ("..%2F..%2FWindows%2Fcalc.exe", None),
    ("calc.exe", None),
    ("sub/../../x.html", None),
    ("%2e%2e/x.pdf", None),
    ("next-brief.docx", "next-brief.docx"),
    ("./next-brief.pdf", "./next-brief.pdf"),
    ("briefs/next.html#top", "briefs/next.html#top"),
    ("notes.md?x=1", "notes.md?x=1"),
]


def _linking(href: str, url: str | None) -> Brief:
    section = Section(blocks=(Paragraph(content=(Link(href=href, children=(Text(text="go"),)),)),))
    return seed_shaped().model_copy(
        update={"url": url, "sections": (section,), "prev": BriefLink(title="P", href=href)}
    )


def _docx_targets(data: bytes) -> set[str]:
    import docx

    document = docx.Document(io.BytesIO(data))
    return {r.target_ref for r in document.part.rels.values() if r.is_external}


def _pdf_targets(data: bytes) -> set[str]:
    from pypdf import PdfReader

    found = set()
    for page in PdfReader(io.BytesIO(data)).pages:
        for annot in page.get("/Annots") or []:
            action = annot.get_object().get("/A") or {}
            if "/URI" in action:
                found.add(str(action["/URI"]))
    return found


@pytest.mark.parametrize(("href", "kept"), RELATIVE)
def test_relative_links_open_only_sibling_documents(href: str, kept: str | None) -> None:
    brief = _linking(href, None)
    expected = set() if kept is None else {kept}
    assert _docx_targets(briefkit.render_docx(brief)) == expected
    pdf = briefkit.render_pdf(brief)
    assert _pdf_targets(pdf) == expected
    assert pdf_problems(pdf) == []
    assert all(is_safe_document_target(t) for t in expected)


def test_a_relative_link_with_a_web_address_leads_to_the_web() -> None:
    brief = _linking("../tools/calc.exe", "https://example.org/briefs/one")
    assert _docx_targets(briefkit.render_docx(brief)) == {"https://example.org/tools/calc.exe"}


# --- a build publishes its folder, not what links out of it ----------------------------------


def test_build_does_not_follow_links_out_of_its_folder(tmp_path: Path) -> None:
    outside = tmp_path / "private"
    outside.mkdir()
    secret = seed_shaped().model_copy(update={"title": "Private Brief", "summary": "SECRETWORDS"})
    (outside / "secret.json").write_text(secret.to_json(), encoding="utf-8")
    (outside / "folder").mkdir()
    (outside / "folder" / "more.json").write_text(secret.to_json(), encoding="utf-8")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.json").write_text(seed_shaped().to_json(), encoding="utf-8")
    os.symlink(outside / "secret.json", folder / "b.json")
    os.symlink(outside / "folder", folder / "linked")
    os.symlink(folder / "a.json", folder / "alias.json")  # inside: the same brief, once
    result = briefkit.build_bundle(folder, tmp_path / "out", formats=("html",), jobs=1)
    written = "".join(p.read_text("utf-8") for p in (tmp_path / "out").glob("*.html"))
    assert "SECRETWORDS" not in written
    assert [Path(f.path).name for f in result.failures] == ["b.json"]
    assert "outside the folder" in result.failures[0].reason
    assert len(result.order) == 1
