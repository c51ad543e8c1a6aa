"""The text parser on real article bodies it was never developed on: none raises, and every
word of each ends up in the brief.

The texts are the labelled bodies of two public corpora next to the checkout
(``../shared/real-pages``; ``benchmarks/real_texts.py`` reads them the same way and reports
the numbers); without them these tests skip. "Kept" is the corpus check's rule
(``benchmarks.text_corpus.lost_words``).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from briefkit import parse_text

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from benchmarks import real_texts  # noqa: E402

PAGES = ROOT.parent / "shared" / "real-pages"
TEXTS = real_texts.load(PAGES)

_COPYRIGHT = "a copyright line at the end is dropped as chrome"
#: Texts whose labelled body holds a line the parser drops as page furniture, with the words
#: lost: the labels count these lines as the article's, the parser as the page's. Each is a
#: strict xfail, so a change that keeps or loses other words fails here.
KNOWN: dict[str, tuple[set[str], str]] = {
    "aeb/4219d096902dad9fd9d57e881e7928ca66bdf5334c2bc7dfddaa264887777a7a": (
        {"regan"},
        "a photo credit '© Name' at the end is dropped as chrome",
    ),
    "aeb/c467d507551a836efa9cfe843ba5d7bafe519750e04d0c9ff0decf44f013f829": (
        set(
            "2019 all associated be broadcast material may not or press redistributed "  # noqa: SIM905
            "reserved rewritten rights this".split()
        ),
        _COPYRIGHT,
    ),
    "aeb/f344ca5fb36e130f4344235fa22726f3367e09c211c120f21d9ae92effe902db": (
        {"2019", "copyright", "news", "now", "reserved", "rights"},
        _COPYRIGHT,
    ),
    "moz/breitbart": ({"newsletter", "our", "sign", "up"}, "a newsletter sign-up button"),
    "moz/bug-1255978": ({"share"}, "a video player's 'Share' button"),
    "moz/cnn": ({"com", "powered", "smartasset"}, "a widget's 'Powered by' credit"),
    "moz/ehow-2": ({"save"}, "a 'Save' button above the body"),
    "moz/firefox-nightly-blog": ({"comment", "post"}, "a comment form's 'Post a comment'"),
    "moz/hukumusume": (
        {"きょうのイソップ童話", "１月のイソップ童話"},
        "a breadcrumb trail above the title",
    ),
    "moz/mercurial": ({"contents"}, "a table of contents' 'Contents' label"),
    "moz/nytimes-5": (
        {"creditkevin", "frayer", "getty", "images"},
        "a news photo's credit ('CreditKevin Frayer/Getty Images') is dropped as chrome",
    ),
    "moz/royal-road": ({"102"}, "a number alone above the title: an article number"),
    "moz/wikipedia": ({"logo"}, "image alt text 'Firefox logo'"),
    "moz/wikipedia-3": ({"edit"}, "a wiki heading's '[edit]' link"),
    "moz/wikipedia-4": (
        {"edit", "encyclopedia", "free", "wikipedia"},
        "a wiki heading's '[edit]' link and the site's tagline",
    ),
}


def test_known_losses_are_texts_of_the_corpus() -> None:
    if not TEXTS:
        pytest.skip(f"the real-page corpora are not available ({PAGES})")
    assert set(KNOWN) <= {t.name for t in TEXTS}
    assert len(TEXTS) == 275


@pytest.mark.parametrize("item", TEXTS, ids=[t.name for t in TEXTS])
def test_a_real_text_keeps_every_word(item: real_texts.RealText) -> None:
    brief = parse_text(item.text)  # a real article body is valid text: nothing may raise
    lost = set(real_texts.lost(item.text, brief))
    known = KNOWN.get(item.name)
    if known is not None:
        assert lost == known[0]
        pytest.xfail(known[1])
    assert not lost, sorted(lost)


def test_the_report_counts_the_losses() -> None:
    """The benchmark's report on a few texts: the counts add up and each loss is listed."""
    if not TEXTS:
        pytest.skip(f"the real-page corpora are not available ({PAGES})")
    picked = [t for t in TEXTS if t.name in ("moz/breitbart", "moz/cnn")] + TEXTS[:3]
    outcomes = [real_texts.measure(t, repeats=1) for t in picked]
    text = real_texts.report(outcomes, "test")
    kept = sum(not o.lost for o in outcomes)
    assert f"| all | {len(picked)} | {kept} | 0 |" in text
    assert "- `moz/breitbart`: lost newsletter, our, sign, up" in text
    assert "  - chrome: 'SIGN UP FOR OUR NEWSLETTER'" in text
