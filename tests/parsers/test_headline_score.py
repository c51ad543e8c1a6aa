"""The headline scorer's second opinion on the title (``briefkit.syntax.headline_score``):
it overrules the title finder's guess for a later line that reads clearly more like the
headline, reads the furniture it leaves above as metadata, keeps every other line, and
leaves the rules' choice alone where the later line is a heading of the body or the first
entry of a listing."""

from __future__ import annotations

import pytest

from briefkit import parse_text
from briefkit.syntax import headline_score
from briefkit.syntax.title import candidates, read_head

HEADLINE = "Port Strikes Threaten Grain Exports From the Black Sea"
BODY = (
    "Dock workers at three Black Sea ports walked out on Monday, and grain exporters warn "
    "that the port strikes threaten shipments for the rest of the month.\n\n"
    "Exporters say the three ports handle most of the region's grain, and that no other "
    "route can take up the slack before the harvest.\n"
)
#: Lines a page prints above its headline that no rule of the title finder knows.
NOTICES = [
    "Members area for partners and friends",
    "Call our desk on weekdays",
    "Our offices are closed on Friday",
    "Trusted by over 500 firms worldwide",
]


def _rules_title(text: str) -> str:
    lines = text.split("\n")
    return read_head(lines, 0, rescore=False).title


def _scorer_pick(text: str) -> str:
    """The line the scorer prefers to the rules' choice, margin and guards aside."""
    lines = text.split("\n")
    cands = candidates(lines, 0)[: headline_score.REACH]
    scores = [
        headline_score.score(headline_score.features(lines, cands, k)) for k in range(len(cands))
    ]
    return cands[max(range(len(cands)), key=scores.__getitem__)][1]


@pytest.mark.parametrize("notice", NOTICES)
def test_a_notice_over_a_bylined_headline_is_no_title(notice: str) -> None:
    text = f"{notice}\n\n{HEADLINE}\n\nBy Ana Lind\n\n{BODY}"
    assert _rules_title(text) == notice  # the rules alone take the first line
    brief = parse_text(text)
    assert brief.title == HEADLINE
    assert brief.authors == ("Ana Lind",)
    # the notice is kept: it opens the body, nothing is lost
    assert brief.sections[0].blocks[0].text == notice
    assert brief.sections[0].heading is None


def test_the_lines_it_leaves_above_are_read_as_furniture(monkeypatch: pytest.MonkeyPatch) -> None:
    # the best-scoring later line always wins, so that lines stand between the two
    monkeypatch.setattr(headline_score, "MARGIN", -100.0)
    text = (
        f"{NOTICES[0]}\n\n4 March 2025\n\nShare this article\n\n{NOTICES[1]}\n\n"
        f"Shipping\n\n{HEADLINE}\n\nBy Ana Lind\n\n{BODY}"
    )
    assert _rules_title(text) == NOTICES[0]
    brief = parse_text(text)
    assert brief.title == HEADLINE
    assert brief.published is not None
    assert brief.published.isoformat() == "2025-03-04"
    assert brief.category == "Shipping"  # the kicker right over the headline
    opening = [b.text for b in brief.sections[0].blocks[:2]]
    assert opening == [NOTICES[0], NOTICES[1]]  # kept, in order; the share button is gone
    assert "Share this article" not in brief.sections[0].text


def test_an_escaped_title_is_never_overruled() -> None:
    text = f"\\{NOTICES[0]}\n\n{HEADLINE}\n\nBy Ana Lind\n\n{BODY}"
    assert parse_text(text).title == NOTICES[0]


def test_a_heading_under_the_opening_prose_stays_a_heading() -> None:
    text = (
        "Dock workers at three Black Sea ports walked out on Monday, and grain exporters "
        "warn of long delays.\n\n"
        "Exporters say the three ports handle most of the region's grain, and that no "
        "other route can take up the slack.\n\n"
        "Port Strikes Threaten Grain Exports\n\n"
        "The port strikes threaten grain exports from the Black Sea for the rest of the "
        "month, traders say.\n"
    )
    assert _scorer_pick(text) == "Port Strikes Threaten Grain Exports"  # the guard acts
    brief = parse_text(text)
    assert brief.title == _rules_title(text)
    assert [s.heading for s in brief.sections][-1] == "Port Strikes Threaten Grain Exports"


def test_the_first_entry_of_a_feed_is_no_headline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(headline_score, "MARGIN", -100.0)  # the best later line always wins
    text = (
        "Members area for partners and friends\n"
        "Latest Warnings\n"
        "Ukraine: Odesa: Port strikes threaten grain exports from the Black Sea\n"
        "Mon, 03 Mar 2025 10:12:00 EST\n"
        "Dock workers at three ports walked out on Monday and grain exports are delayed.\n"
        "Turkey: Istanbul: Ferry services cut during storm warnings on the Bosphorus\n"
        "Sun, 02 Mar 2025 08:40:00 EST\n"
        "Ferries between the two shores stopped for the day as the storm arrived.\n"
    )
    brief = parse_text(text)
    assert brief.title == _rules_title(text)
    assert brief.published is None  # the entry's timestamp is the entry's, not the page's


def test_features_count_the_headline_words_the_text_repeats() -> None:
    lines = f"{NOTICES[0]}\n\n{HEADLINE}\n\n{BODY}".split("\n")
    cands = candidates(lines, 0)
    notice, headline = (headline_score.features(lines, cands, k) for k in (0, 1))
    assert notice["overlap"] == 0.0
    assert headline["overlap"] > 0.5
    assert headline_score.score(headline) > headline_score.score(notice)


def test_a_section_label_is_never_made_the_title(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(headline_score, "MARGIN", -100.0)  # the best later line always wins
    text = (
        f"{NOTICES[0]}\n\nKey Judgments\n\n1. Exporters expect long delays at the ports.\n\n"
        "2. Insurers will raise premiums for Black Sea transits.\n"
    )
    brief = parse_text(text)
    assert brief.title == NOTICES[0]
    assert [s.heading for s in brief.sections] == ["Key Judgments"]
