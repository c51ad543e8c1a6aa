"""briefkit build and figures: images next to the inputs are copied next to the HTML and
embedded in the PDF and DOCX; nothing outside an input's folder is read."""

from __future__ import annotations

import io
import os
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import lxml.html
import pypdf

from briefkit import build_bundle
from pictures import png

MARKDOWN = """\
---
title: {title}
published: {date}
---

# {title}

## Key Judgement

Berth occupancy is at a record high.

![A chart of berth occupancy](charts/occupancy.png)

Figure: Occupancy by week

![A file outside the folder](../outside.png)

![A file that is not there](charts/missing.png)
"""


def write_inputs(folder: Path) -> None:
    for k, (sub, title) in enumerate([("", "Berths Fill Up"), ("later", "Berths Stay Full")]):
        where = folder / sub
        (where / "charts").mkdir(parents=True, exist_ok=True)
        (where / "charts" / "occupancy.png").write_bytes(png(60 + k * 20, 30))
        text = MARKDOWN.format(title=title, date=f"2024-05-0{k + 1}")
        (where / f"brief-{k}.md").write_text(text, encoding="utf-8")
    (folder.parent / "outside.png").write_bytes(png(7, 7))


def media(docx_bytes: bytes) -> list[bytes]:
    with zipfile.ZipFile(io.BytesIO(docx_bytes)) as archive:
        return [archive.read(n) for n in archive.namelist() if n.startswith("word/media/")]


def test_a_bundle_copies_its_images_next_to_its_html_and_embeds_them(tmp_path: Path) -> None:
    source = tmp_path / "in"
    write_inputs(source)
    out = tmp_path / "out"
    result = build_bundle(source, out, formats=("html", "docx", "pdf"), jobs=1, series_pdf=True)
    assert result.ok, result.failures
    copied = {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*.png")}
    # both briefs say charts/occupancy.png: each keeps its own, under its input's folder
    assert copied == {
        "charts/occupancy.png": png(60, 30),
        "later/charts/occupancy.png": png(80, 30),
    }
    pages = {}
    for page in out.glob("berths-*.html"):
        doc = lxml.html.parse(str(page)).getroot()
        pages[page.name] = [img.get("src") for img in doc.iter("img")]
    assert pages == {
        "berths-fill-up.html": ["charts/occupancy.png"],
        "berths-stay-full.html": ["later/charts/occupancy.png"],
    }
    for docx_file in out.glob("*.docx"):
        assert len(media(docx_file.read_bytes())) == 1
    for pdf_file in out.glob("*.pdf"):
        reader = pypdf.PdfReader(pdf_file)
        # distinct images: pages may share one resource dictionary listing them all
        sizes = sorted({(i.image.width, i.image.height) for p in reader.pages for i in p.images})
        if pdf_file.name == "series.pdf":
            assert sizes == [(60, 30), (80, 30)]  # each brief's own image, from its folder
        else:
            assert len(sizes) == 1


def test_an_executors_pages_embed_their_images_and_no_copy_is_written(tmp_path: Path) -> None:
    """An executor's workers may run elsewhere and never see the build's folders."""
    source = tmp_path / "in"
    write_inputs(source)
    out = tmp_path / "out"
    with ThreadPoolExecutor(2) as executor:
        result = build_bundle(source, out, formats=("html", "docx"), executor=executor)
    assert result.ok, result.failures
    assert list(out.rglob("*.png")) == []
    for page in out.glob("berths-*.html"):
        srcs = [img.get("src") for img in lxml.html.parse(str(page)).getroot().iter("img")]
        assert len(srcs) == 1
        assert srcs[0].startswith("data:image/png;base64,")
    for docx_file in out.glob("*.docx"):
        assert len(media(docx_file.read_bytes())) == 1


def test_changing_an_image_rebuilds_the_outputs_that_show_it(tmp_path: Path) -> None:
    source = tmp_path / "in"
    write_inputs(source)
    out = tmp_path / "out"
    build_bundle(source, out, formats=("html", "pdf"), jobs=1)
    again = build_bundle(source, out, formats=("html", "pdf"), jobs=1)
    assert again.written == [out / "index.html"] or again.written == []
    image = source / "charts" / "occupancy.png"
    image.write_bytes(png(90, 45))
    stat = image.stat()
    os.utime(image, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10_000_000))
    third = build_bundle(source, out, formats=("html", "pdf"), jobs=1)
    rebuilt = sorted(p.name for p in third.written if p.name != "index.html")
    assert rebuilt == ["berths-fill-up.html", "berths-fill-up.pdf"]
    assert (out / "charts" / "occupancy.png").read_bytes() == png(90, 45)
