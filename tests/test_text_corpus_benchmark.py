"""``python -m benchmarks text-corpus`` runs and prints the exact-parse table, the rules
broken and the parse time per brief (no timing is asserted)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from benchmark_runs import run_benchmark
from briefkit import parse_text

ROOT = Path(__file__).resolve().parent.parent


def test_text_corpus_report(tmp_path: Path) -> None:
    out = tmp_path / "corpus.md"
    printed = run_benchmark("benchmarks", "text-corpus", "--repeats", "1", "--output", str(out))
    text = out.read_text("utf-8")
    assert printed.strip() == text.strip()
    rows = re.findall(r"^\| (tuned|held_out) \| (\d+) \| (\d+) \| (\d+) \| (\d+)% \|$", text, re.M)
    assert [r[0] for r in rows] == ["tuned", "held_out"]
    for _, briefs, _, exact, rate in rows:
        assert 0 <= int(exact) <= int(briefs)
        assert int(rate) == round(100 * int(exact) / int(briefs))
    for rule in ("title", "sections", "blocks", "navigation", "metadata", "chrome kept"):
        assert re.search(rf"^\| {rule} \| \d+ \| \d+ \|$", text, re.M)
    assert re.search(r"median [\d.]+ ms, p90 [\d.]+ ms, max [\d.]+ ms", text)


def test_listed_chrome_run_into_a_line_is_no_content() -> None:
    """A notice a copy ran into the paragraph after it is chrome there too; a short listed
    line ("Share") counts only as a whole line, since prose uses such words."""
    sys.path.insert(0, str(ROOT))
    from benchmarks import text_corpus

    from briefkit import parse_text

    notice = "Your web browser is no longer supported."
    text = f"Title\n\n{notice} Floods closed the port.\n\nShare this report with crews.\n"
    brief = parse_text("Title\n\nFloods closed the port.\n\nthis report with crews.\n")
    assert text_corpus.lost_words(text, brief, {notice, "Share"}) == ["share"]
    lost = ["browser", "is", "longer", "no", "share", "supported", "web", "your"]
    assert text_corpus.lost_words(text, brief) == lost


def test_syntax_words_are_read_as_content_words_are() -> None:
    """A consumed word listed with punctuation ("CHS-III") stands for the words content is
    split into ("chs", "iii"); any other word lost still breaks the content rule."""
    sys.path.insert(0, str(ROOT))
    from benchmarks import text_corpus

    text = "Column\n\nBy Ray Roe, PSP, CHS-III\n\nFloods closed the port on Monday.\n"
    expected = {
        "title": "Column",
        "meta": {"authors": ["Ray Roe"]},
        "outline": [["other", None, [["p", "Floods closed the"]]]],
    }
    case = text_corpus.Case("c", "held_out", text, {**expected, "syntax": ["PSP", "CHS-III"]})
    assert text_corpus.parse_case(case) == {}
    short = text_corpus.Case("c", "held_out", text, {**expected, "syntax": ["PSP"]})
    assert text_corpus.parse_case(short) == {"content lost": "chs, iii"}


def test_a_date_line_consumes_its_words_in_any_language() -> None:
    """A date read into metadata keeps its day as printed ("4th"), its year in two digits
    ("24") and its month's name in the page's language ("février"); a word of the line that
    is no date's still counts."""
    sys.path.insert(0, str(ROOT))
    from benchmarks import text_corpus

    for line, date in (
        ("jeudi 26 février 2009", "2009-02-26"),
        ("November 4th, 2021", "2021-11-04"),
        ("11.20.24", "2024-11-20"),
    ):
        text = f"Column\n\n{line}\n\nFloods closed the port on Monday.\n"
        expected = {
            "title": "Column",
            "meta": {"published": date},
            "outline": [["other", None, [["p", "Floods closed the"]]]],
        }
        assert text_corpus.parse_case(text_corpus.Case("c", "held_out", text, expected)) == {}
    text = "Column\n\nFloods closed the port on Monday.\n\nfévrier\n"
    brief = parse_text(text)
    assert text_corpus.lost_words(text.replace("février", "février brumaire"), brief) == [
        "brumaire"
    ]


def test_a_footnote_mark_on_an_authors_name_is_no_lost_word() -> None:
    sys.path.insert(0, str(ROOT))
    from benchmarks import text_corpus

    text = "Column\n\nBy Fabio Panetta1\n\nFloods closed the port on Monday.\n\nPanetta2\n"
    brief = parse_text(text)
    assert brief.authors == ("Fabio Panetta",)
    assert text_corpus.lost_words(text, brief) == ["by"]
    # a marked word that is no author's name still counts
    assert text_corpus.lost_words(text + "Floodgate3\n", brief) == ["by", "floodgate3"]


def test_a_headings_roman_section_number_is_no_lost_word() -> None:
    sys.path.insert(0, str(ROOT))
    from benchmarks import text_corpus

    text = "Column\n\nFloods closed the port.\n\nII. Internal Conflicts\n\nThe army moved north.\n"
    brief = parse_text(text)
    assert [s.heading for s in brief.sections] == [None, "Internal Conflicts"]
    assert text_corpus.lost_words(text, brief) == []
    # a numeral inside a line is a word like any other
    assert text_corpus.lost_words(text + "\nPhase II ended.\n", brief) == ["ended", "ii", "phase"]
