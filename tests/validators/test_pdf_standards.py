"""PDFs checked by tools briefkit did not write: veraPDF, qpdf, poppler.

- The default PDF passes veraPDF's PDF/UA-1 profile; ``pdf_variant="pdf/a-3b"`` passes
  PDF/A-3B. veraPDF runs once for every PDF of the corpus (one JVM start).
- ``qpdf --check`` finds nothing wrong in any of them.
- The text layer (pdftotext) has no hyphen that was not in the brief (U+2010), no lost
  glyph (U+FFFD, an empty ligature mapping), and every word of the brief, as often as the
  brief has it.
- A marking is at the top and the bottom of every page, right-aligned, 12 pt or larger,
  a TLP label in its colour on black (pixels of the rendered page).
"""

from __future__ import annotations

import re
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from briefkit.ioc import defang_brief
from briefkit.model import Brief, Figure, ItemList, block_inlines, notes_in, plain_text
from validators.corpus import Rendered, corpus
from validators.pages import check_markings, text_layer
from validators.tools import program
from validators.verapdf import Verdict, validate

NAMES = sorted(corpus())
_WORD = re.compile(r"\w+")


@pytest.fixture(scope="session")
def untagged(workdir: Path) -> Path:
    """A PDF that must fail PDF/UA-1: the control that shows the harness can fail."""
    import briefkit
    from briefs import seed_shaped

    path = workdir / "untagged.pdf"
    path.write_bytes(briefkit.render_pdf(seed_shaped(), tagged=False))
    return path


@pytest.fixture(scope="session")
def series(rendered: dict[str, Rendered], workdir: Path) -> Path:
    """Every brief of the corpus as one PDF: contents page, a brief per chapter."""
    import briefkit

    path = workdir / "series.pdf"
    path.write_bytes(briefkit.render_pdf([r.brief for r in rendered.values()], title="Corpus"))
    return path


@pytest.fixture(scope="session")
def verapdf(
    rendered: dict[str, Rendered], untagged: Path, series: Path, workdir: Path
) -> dict[tuple[str, Path], Verdict]:
    jobs = [("ua1", r.pdf) for r in rendered.values()]
    jobs += [("3b", r.pdf_a3b) for r in rendered.values()]
    return validate([*jobs, ("ua1", untagged), ("ua1", series)], workdir)


def test_a_series_pdf_passes_pdf_ua_1(series: Path, verapdf) -> None:
    verdict = verapdf[("ua1", series)]
    assert verdict.compliant, verdict.summary()


@pytest.mark.parametrize("name", NAMES)
def test_default_pdf_passes_pdf_ua_1(name: str, rendered: dict[str, Rendered], verapdf) -> None:
    verdict = verapdf[("ua1", rendered[name].pdf)]
    assert verdict.compliant, verdict.summary()


@pytest.mark.parametrize("name", NAMES)
def test_pdf_a_3b_passes_pdf_a_3b(name: str, rendered: dict[str, Rendered], verapdf) -> None:
    verdict = verapdf[("3b", rendered[name].pdf_a3b)]
    assert verdict.compliant, verdict.summary()


def test_verapdf_sees_an_untagged_pdf_fail(untagged: Path, verapdf) -> None:
    """The harness can fail: an untagged PDF is not PDF/UA-1, for the reasons veraPDF gives."""
    verdict = verapdf[("ua1", untagged)]
    assert not verdict.compliant
    assert {"6.2-1", "7.1-11"} <= set(verdict.failed)  # not marked, no structure tree


@pytest.mark.parametrize("name", NAMES)
def test_qpdf_finds_nothing_wrong(name: str, rendered: dict[str, Rendered]) -> None:
    qpdf = program("qpdf", "qpdf")
    for pdf in (rendered[name].pdf, rendered[name].pdf_a3b):
        done = subprocess.run([qpdf, "--check", str(pdf)], capture_output=True, text=True)
        assert done.returncode == 0, done.stdout + done.stderr
        assert "No syntax or stream encoding errors found" in done.stdout


def brief_words(brief: Brief) -> Counter[str]:
    """Every word a reader sees in the brief's body and navigation, lower-cased.

    The words are those of the brief as the renderers write it: quoted indicators defanged
    (``hxxps``), as ``defang="auto"`` does by default. A table's caption and cells and a
    note's text are shown; a figure's alt text is not (its image is, with the alt text in
    the structure tree) unless the figure has no image the renderer may show.
    """
    brief = defang_brief(brief, "auto", ())
    parts = [brief.title, brief.marking or ""]
    for section in brief.sections:
        parts.append(section.heading or "")
        for block in section.blocks:
            if isinstance(block, ItemList):
                parts += [i.lead for i in block.items]  # the bodies are inline runs below
            elif isinstance(block, Figure) and not block.src.startswith("data:"):
                parts.append(block.alt)
            for run in block_inlines(block):
                parts.append(plain_text(run))
                parts += [plain_text(n.children) for n in notes_in(run)]
    parts += [link.title or "" for link in (brief.prev, brief.next) if link]
    return Counter(w.lower() for w in _WORD.findall(" ".join(parts)))


def layer_words(text: str, expected: Counter[str]) -> Counter[str]:
    """The text layer's words; a footnote call is set right after its word, so the text
    layer has ``anchorage3`` where the brief has ``anchorage``: those count as the word."""
    found: Counter[str] = Counter()
    for word in (w.lower() for w in _WORD.findall(text)):
        bare = word.rstrip("0123456789")
        found[bare if word not in expected and bare in expected else word] += 1
    return found


@pytest.mark.parametrize("name", NAMES)
def test_text_layer_holds_every_word_and_nothing_added(
    name: str, rendered: dict[str, Rendered]
) -> None:
    files = rendered[name]
    text = text_layer(files.pdf)
    assert "\u2010" not in text  # an automatic hyphen written as a character
    assert "\ufffd" not in text  # a glyph without a Unicode mapping
    assert not re.search("[\ue000-\uf8ff]", text)  # private-use code points
    expected = brief_words(files.brief)
    found = layer_words(text, expected)
    short = {w: n - found[w] for w, n in expected.items() if found[w] < n}
    assert not short, f"words missing from the text layer (count short): {short}"


def test_the_word_check_notices_a_lost_word(rendered: dict[str, Rendered]) -> None:
    files = rendered["long-urls"]
    words = brief_words(files.brief) + Counter(["nowhereinthebrief"])
    found = Counter(w.lower() for w in _WORD.findall(text_layer(files.pdf)))
    assert any(found[w] < n for w, n in words.items())


MARKED = [n for n in NAMES if corpus()[n]().marking]


@pytest.mark.parametrize("name", MARKED)
def test_marking_at_top_and_bottom_of_every_page(name: str, rendered: dict[str, Rendered]) -> None:
    files = rendered[name]
    marking = files.brief.marking
    assert marking
    check_markings(files.pdf, marking)


@pytest.mark.parametrize("name", ["long-sections"])
def test_a_long_brief_has_a_contents_list_with_page_numbers(
    name: str, rendered: dict[str, Rendered]
) -> None:
    import pypdf

    files = rendered[name]
    pages = text_layer(files.pdf).split("\f")
    headings = [s.heading for s in files.brief.sections if s.heading]
    first = pages[0]
    assert "Contents" in first
    for heading in headings:
        line = next(x for x in first.splitlines() if x.startswith(heading) and ". ." in x)
        number = int(line.rsplit(" ", 1)[1])
        assert heading in pages[number - 1], f"{heading!r} is not on page {number}"
    root = pypdf.PdfReader(files.pdf).trailer["/Root"]
    assert root["/PageMode"] == "/UseOutlines"  # the bookmarks panel opens with the file


def test_a_short_brief_has_no_contents_list(rendered: dict[str, Rendered]) -> None:
    import pypdf

    files = rendered["long-amber"]
    assert "Contents" not in text_layer(files.pdf)
    assert "/PageMode" not in pypdf.PdfReader(files.pdf).trailer["/Root"]
