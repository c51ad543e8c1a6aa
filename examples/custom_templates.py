"""House style: a custom HTML template, a print stylesheet and a Word reference document.

    python examples/custom_templates.py [OUTDIR]

- HTML: a Jinja2 template that ``{% extends "brief.html.j2" %}`` and overrides the ``style``
  and ``header`` blocks. It runs sandboxed and autoescaped; it receives the same context as
  the built-in template (``brief``, ``css``, ``inline``...).
- PDF: the same template, plus a CSS file applied after the packaged print stylesheet.
- DOCX: a reference document made here with python-docx (fonts, colours, a page header),
  like pandoc's ``--reference-doc``: briefkit keeps its styles, page setup and header.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import docx
from docx.shared import Pt, RGBColor

import briefkit

HERE = Path(__file__).resolve().parent

TEMPLATE = """\
{% extends "brief.html.j2" %}
{% block style %}
<style>
{{ css }}
body { font-family: Georgia, "Times New Roman", serif; }
.brief-title { color: #7a1f2b; }
.house-banner { font: 600 0.8rem/1.4 sans-serif; letter-spacing: 0.1em; color: #7a1f2b; }
</style>
{% endblock %}
{% block header %}
<p class="house-banner">HARBOURLIGHT BRIEFINGS · FOR INTERNAL DISTRIBUTION</p>
{{ super() }}
{% endblock %}
"""

PRINT_CSS = """\
@page { margin: 2.2cm 2cm; @top-right { content: "Harbourlight"; font-size: 8pt; } }
.brief-title { color: #7a1f2b; }
"""


def make_reference_docx(path: Path) -> Path:
    """A Word reference document: only its styles, page setup and header matter."""
    document = docx.Document()
    styles = document.styles
    styles["Normal"].font.name = "Georgia"
    styles["Normal"].font.size = Pt(10.5)
    for name in ("Title", "Heading 1"):
        styles[name].font.name = "Georgia"
        styles[name].font.color.rgb = RGBColor(0x7A, 0x1F, 0x2B)
    header = document.sections[0].header
    header.paragraphs[0].text = "HARBOURLIGHT BRIEFINGS - INTERNAL"
    document.save(str(path))
    return path


def main(argv: list[str]) -> int:
    outdir = Path(argv[1]) if len(argv) > 1 else Path(tempfile.mkdtemp(prefix="briefkit-"))
    outdir.mkdir(parents=True, exist_ok=True)
    brief = briefkit.parse(HERE / "briefs" / "sample.txt")

    template = outdir / "house.html.j2"
    template.write_text(TEMPLATE, encoding="utf-8")
    html = briefkit.render_html(brief, template=template)
    (outdir / "house.html").write_text(html, encoding="utf-8")

    stylesheet = outdir / "house-print.css"
    stylesheet.write_text(PRINT_CSS, encoding="utf-8")
    pdf = briefkit.render_pdf(brief, template=template, stylesheet=stylesheet, page_size="Letter")
    (outdir / "house.pdf").write_bytes(pdf)

    reference = make_reference_docx(outdir / "reference.docx")
    briefkit.render(brief, "docx", dest=outdir / "house.docx", template=reference)

    # Check the house style arrived: the banner in HTML, the fonts and header in Word.
    made = docx.Document(str(outdir / "house.docx"))
    normal_font = made.styles["Normal"].font.name
    header_text = made.sections[0].header.paragraphs[0].text
    print(f"house.html: banner {'present' if 'house-banner' in html else 'MISSING'}")
    print(f"house.pdf:  {len(pdf):,} bytes, Letter")
    print(f"house.docx: Normal font {normal_font}, header {header_text!r}")
    print(f"written to {outdir}")
    ok = "house-banner" in html and normal_font == "Georgia" and "HARBOURLIGHT" in header_text
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
