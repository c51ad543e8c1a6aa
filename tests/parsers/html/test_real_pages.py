"""The HTML parser on real pages written by others: no page raises, and floors (not
targets) on how much of the labelled article it finds and how often its title, date and
author agree with the labels.

The corpora live next to the checkout (``../shared/real-pages``; see the benchmark
``benchmarks/extraction.py``, which reads them the same way and reports the numbers);
without them these tests skip.
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

import pytest

from briefkit import Brief, parse_html

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from benchmarks.extraction import (  # noqa: E402
    Page,
    author_right,
    brief_text,
    date_right,
    load_aeb,
    load_moz,
    score,
    title_right,
)

PAGES = Path(__file__).parents[3] / "shared" / "real-pages"


def _corpus(name: str) -> Path:
    folder = PAGES / name
    if not folder.is_dir():
        pytest.skip(f"the real-page corpus {name} is not available ({folder})")
    return folder


@pytest.fixture(scope="module")
def aeb() -> list[tuple[Page, Brief]]:
    return [(p, parse_html(p.html, base_url=p.url)) for p in load_aeb(_corpus("aeb"))]


@pytest.fixture(scope="module")
def moz() -> list[tuple[Page, Brief]]:
    return [(p, parse_html(p.html)) for p in load_moz(_corpus("moz-readability"))]


def test_every_page_gives_a_brief(
    aeb: list[tuple[Page, Brief]], moz: list[tuple[Page, Brief]]
) -> None:
    # The fixtures raise if any page raises; every brief has a title and some text.
    assert len(aeb) == 181
    assert len(moz) == 94
    for page, brief in (*aeb, *moz):
        assert brief.title, page.name
        assert brief_text(brief).strip(), page.name


def test_most_of_each_labelled_article_is_found(aeb: list[tuple[Page, Brief]]) -> None:
    scores = [score(page.body, brief_text(brief)) for page, brief in aeb]
    assert statistics.mean(f1 for _, _, f1 in scores) >= 0.95
    assert statistics.mean(p for p, _, _ in scores) >= 0.92
    assert statistics.mean(r for _, r, _ in scores) >= 0.97
    assert sum(f1 < 0.5 for _, _, f1 in scores) <= 2


def _share(marks: list[bool]) -> float:
    return sum(marks) / len(marks)


def test_title_date_and_author_mostly_agree_with_the_labels(
    moz: list[tuple[Page, Brief]],
) -> None:
    titles = [title_right(p.title, b.title) for p, b in moz if p.title]
    dates = [date_right(p.published, b.published) for p, b in moz if p.published]
    authors = [author_right(p.byline, b.authors) for p, b in moz if p.byline]
    assert _share(titles) >= 0.85
    assert _share(dates) >= 0.9
    assert _share(authors) >= 0.75
