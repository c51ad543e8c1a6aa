"""A second opinion on which line near the top of a copied page is its headline.

The title finder (:mod:`.title`) walks down the page's first lines with a rule for each
kind of furniture it knows. On pages of publishers it was not developed on, those rules
pick the wrong line about one time in four: a button, a site's name, a kicker. This
module scores every candidate line by what any headline looks like, wherever it is
published (its length and case, the chrome, dates and bylines around it, how many of its
words the text under it repeats, its place among the first lines), with weights fitted on
the tuned corpus (``python -m benchmarks.headline_fit``, which also measures them on the
held-out briefs). The title finder keeps its choice unless another line scores clearly
higher (:data:`MARGIN`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from itertools import pairwise

from .chrome import chrome_strength
from .date_lines import date_line
from .head_shapes import (
    KICKER,
    KINDS,
    Head,
    headline_shaped,
    kicker_like,
    record_date,
    set_once,
    skippable,
    title_like,
)
from .header_line import header_fields
from .heading_form import heading_form, is_body_text
from .headline_lines import in_series, vocabulary_label
from .metadata import byline
from .text import ITEM, is_url_line, nav_side

__all__ = ["MARGIN", "WEIGHTS", "features", "rehead", "rescored", "score", "table"]

#: Candidates scored: the page's first non-blank lines.
REACH = 15
#: How much higher than the title finder's line another line must score to replace it.
MARGIN = 2.0
#: Characters under a candidate searched for its words.
_BODY_CHARS = 4000
_LATER_LINES = 60  # lines under a candidate where a copy of it counts as printed again
_BODY_LINE_WORDS = 12

_WORD = re.compile(r"[^\W\d_]{4,}")
_DOMAIN = re.compile(r"\.(?:com|org|net|io|co)\b", re.I)
#: Last words of a site's name ("... Blog", "... Review").
_SITE_ENDS = frozenset(("blog", "news", "digest", "insight", "insights", "review", "advisor"))
#: Words of the page's interface, and the pairs spelt as two ("log in", "sign up").
_CHROME_WORDS = frozenset(
    (  # noqa: SIM905 - a word list reads better as one string
        "cookie cookies privacy subscribe login signin signup search menu help welcome "
        "download home skip javascript newsletter advertisement"
    ).split()
)
_CHROME_PAIRS = frozenset((("log", "in"), ("sign", "in"), ("sign", "up")))
_TOKEN = re.compile(r"\w+")
#: Words naming the kind of piece ("Report", "Insights"): the title finder's, and a few more.
_KIND_WORDS = KINDS | {"guidance", "brief", "paper", "research"}

#: Fitted by ``python -m benchmarks.headline_fit`` (conditional logit over each page's
#: candidates, on the tuned corpus); paste its output here when the features change.
WEIGHTS: dict[str, float] = {
    "first": 1.27,
    "pos": -2.45,
    "one_word": -0.64,
    "short": 0.09,
    "mid": 0.50,
    "long": -0.39,
    "period": -0.51,
    "question": 0.13,
    "colon_end": -0.64,
    "f_title": 0.37,
    "f_caps": -0.09,
    "f_sentence": 0.03,
    "lower": 0.26,
    "chrome": -0.91,
    "meta": -0.19,
    "skippable": -1.34,
    "title_like": 1.41,
    "shaped": 0.38,
    "kicker": -0.53,
    "next_meta": 0.30,
    "next2_meta": 0.16,
    "prev_meta": 0.94,
    "next_body": 0.10,
    "next_short": 0.04,
    "overlap": 2.83,
    "no_content": 0.20,
    "repeated": 1.25,
    "pipe": -0.23,
    "url": -0.18,
    "item": -0.71,
    "prev_chrome": 1.40,
    "next_longer": -0.35,
    "prev_shorter": 1.14,
    "titles_before": -2.20,
    "next_runs_on": 0.10,
    "site_mark": -1.20,
    "chrome_word": -0.72,
    "kind_word": -0.17,
    "next_date": 0.12,
}


# Asked of the same lines as a candidate and as its neighbours: remembered.
@lru_cache(maxsize=4096)
def _meta_line(text: str) -> bool:
    return date_line(text) is not None or bool(byline(text)) or bool(header_fields(text))


class _Page:
    """What every candidate's features read off the page: its lines from the first
    candidate on, stripped once."""

    def __init__(self, lines: Sequence[str], cands: Sequence[tuple[int, str]]) -> None:
        self.cands = cands
        self.first = cands[0][0] if cands else 0
        last = cands[-1][0] if cands else 0
        self.window = lines[self.first : last + 1 + _LATER_LINES * 4]
        self.stripped = [line.strip() for line in self.window]
        self.starts = [0]
        for line in self.window:
            self.starts.append(self.starts[-1] + len(line) + 1)
        self.lowered = "\n".join(self.window).lower()

    def below(self, index: int, text: str) -> str:
        """The lower-cased text under line ``index`` (a candidate's), up to _BODY_CHARS,
        without the copies of the candidate's ``text`` (a repeated headline says nothing)."""
        local = index - self.first + 1
        reach = local + _LATER_LINES * 4
        if text not in self.stripped[local:reach]:  # no copy to leave out: one slice
            start = self.starts[min(local, len(self.window))]
            end = max(start, self.starts[min(reach, len(self.window))] - 1)
            return self.lowered[start : min(end, start + _BODY_CHARS)]
        kept: list[str] = []
        size = 0
        for raw, stripped in zip(self.window[local:reach], self.stripped[local:reach], strict=True):
            if stripped != text:
                kept.append(raw)
                size += len(raw) + 1
                if size > _BODY_CHARS:
                    break
        return "\n".join(kept)[:_BODY_CHARS].lower()

    def repeated(self, index: int, text: str) -> bool:
        local = index - self.first + 1
        return text in self.stripped[local : local + _LATER_LINES]


def features(lines: Sequence[str], cands: Sequence[tuple[int, str]], k: int) -> dict[str, float]:
    """What candidate ``k`` (a line index and its stripped text) looks like, as numbers."""
    return _features(_Page(lines, cands), k)


def table(lines: Sequence[str], cands: Sequence[tuple[int, str]]) -> list[dict[str, float]]:
    """Every candidate's features, in order (what the weights are fitted on)."""
    page = _Page(lines, cands)
    return [_features(page, k) for k in range(len(cands))]


def _features(page: _Page, k: int) -> dict[str, float]:
    cands = page.cands
    index, text = cands[k]
    after = cands[k + 1][1] if k + 1 < len(cands) else ""
    after2 = cands[k + 2][1] if k + 2 < len(cands) else ""
    before = cands[k - 1][1] if k > 0 else ""
    words = text.split()
    tokens = _TOKEN.findall(text.lower())
    form = heading_form(text)
    own = {w.lower() for w in _WORD.findall(text)}
    later = page.below(index, text)
    last = words[-1].lower() if words else ""
    kind = text.lower().rstrip(":") in _KIND_WORDS or (len(words) <= 3 and last in _KIND_WORDS)
    return {
        "first": float(k == 0),
        "pos": k / REACH,
        "one_word": float(len(words) == 1),
        "short": float(2 <= len(words) <= 3),
        "mid": float(4 <= len(words) <= 16),
        "long": float(len(words) > 20),
        "period": float(text.endswith(".")),
        "question": float(text.endswith("?")),
        "colon_end": float(text.endswith(":")),
        "f_title": float(form == "title"),
        "f_caps": float(form == "caps"),
        "f_sentence": float(form == "sentence"),
        "lower": float(text[:1].islower()),
        "chrome": float(chrome_strength(text) > 0),
        "meta": float(_meta_line(text)),
        "skippable": float(skippable(text)),
        "title_like": float(title_like(text)),
        "shaped": float(headline_shaped(text)),
        "kicker": float(kicker_like(text)),
        "next_meta": float(_meta_line(after)),
        "next2_meta": float(_meta_line(after2)),
        "prev_meta": float(_meta_line(before)),
        "next_body": float(is_body_text(after) and len(after.split()) >= _BODY_LINE_WORDS),
        "next_short": float(0 < len(after.split()) <= 3),
        "overlap": sum(w in later for w in own) / len(own) if own else 0.0,
        "no_content": float(not own),
        "repeated": float(page.repeated(index, text)),
        "pipe": float(" | " in text or " - " in text or " – " in text),
        "url": float(is_url_line(text) or ".com" in text.lower()),
        "item": float(ITEM.match(text) is not None),
        "prev_chrome": float(bool(before) and chrome_strength(before) > 0),
        "next_longer": float(title_like(after) and len(after.split()) > len(words) + 1),
        "prev_shorter": float(
            bool(before) and title_like(before) and len(before.split()) < len(words) - 1
        ),
        "titles_before": min(3, sum(title_like(t) for _, t in cands[:k])) / 3,
        "next_runs_on": float(after.startswith((text + " ", text + ":"))),
        "site_mark": float(_site_mark(text, tokens)),
        "chrome_word": float(_chrome_word(tokens)),
        "kind_word": float(kind),
        "next_date": float(date_line(after) is not None),
    }


def _site_mark(text: str, tokens: list[str]) -> bool:
    """A site's mark: ® or ™, a domain, or a name ending like a site's ("... Blog")."""
    if "®" in text or "™" in text or ("." in text and _DOMAIN.search(text)):
        return True
    return bool(tokens) and tokens[-1] in _SITE_ENDS and text.lower().endswith(tokens[-1])


def _chrome_word(tokens: list[str]) -> bool:
    return not _CHROME_WORDS.isdisjoint(tokens) or any(
        pair in _CHROME_PAIRS for pair in pairwise(tokens)
    )


def score(found: dict[str, float], weights: dict[str, float] | None = None) -> float:
    weights = WEIGHTS if weights is None else weights
    return sum(weights.get(name, 0.0) * value for name, value in found.items())


def rescored(lines: Sequence[str], cands: Sequence[tuple[int, str]], chosen: int) -> int:
    """The candidate to take as the headline: ``chosen`` (the title finder's) unless a
    later one scores more than :data:`MARGIN` higher. (Earlier ones the rules skipped:
    cross-validated on the tuned corpus, overruling them broke as many titles as it
    mended.)"""
    end = next(
        (
            k + 1
            for k in range(chosen + 1, len(cands))
            if _prose(cands[k - 1][1]) and _prose(cands[k][1])
        ),
        len(cands),
    )  # past two lines of prose in a row the body has begun: its lines are its headings
    if chosen + 1 >= end:
        return chosen
    page = _Page(lines, cands)
    own = score(_features(page, chosen))
    later = [score(_features(page, k)) for k in range(chosen + 1, end)]
    top = max(range(len(later)), key=later.__getitem__)
    return chosen + 1 + top if later[top] - own > MARGIN else chosen


def rehead(lines: list[str], cands: Sequence[tuple[int, str]], head: Head) -> Head:
    """``head``, or the head on a later line the scorer clearly prefers, if no prose stands
    between them. The lines it leaves above it are read as the furniture they are (a date,
    a byline; chrome goes) and a kicker right over it as the kicker; any other line opens
    the body, so no content is lost."""
    cands = cands[:REACH]
    chosen = next((k for k, (i, _) in enumerate(cands) if i == head.line), None)
    if not head.guessed or chosen is None:
        return head
    best = rescored(lines, cands, chosen)
    if best <= chosen or cands[best][1] == cands[chosen][1]:
        return head
    if vocabulary_label(cands[best][1]) or nav_side(cands[best][1]) is not None:
        return head  # a section's label ("Key Judgments") or a Previous/Next one: no headline
    if _listed(lines, cands, best):
        return head  # the first entry of a listing: the line over it is the page's title
    index, text = cands[best]
    meta = dict(head.meta)
    above: list[str] = []
    for _, line in cands[chosen:best]:
        dated = date_line(line)
        if dated is not None:
            record_date(meta, dated)
        elif byline(line):
            set_once(meta, "authors", tuple(byline(line) or ()))
        elif (fields := header_fields(line)) and any(fields.values()):
            for name, value in fields.items():  # "December 18, 2023, sitename"
                set_once(meta, name, value)
        elif not skippable(line):
            above.append(line)
    kicker = above and above[-1] == cands[best - 1][1] and kicker_like(above[-1])
    if kicker and not meta.get(KICKER):
        meta[KICKER] = above.pop()
    return Head(text, index, meta, index + 1, above=above)


def _prose(text: str) -> bool:
    """A sentence of the body (not a notice the page prints above everything)."""
    long = len(text.split()) >= _BODY_LINE_WORDS
    return long and text.endswith((".", "!", "?")) and not skippable(text)


def _listed(lines: list[str], cands: Sequence[tuple[int, str]], k: int) -> bool:
    """Candidate ``k`` opens a listing: later entries are printed on its pattern, or the
    date line under it comes again further down in the same form (a feed's timestamps)."""
    if in_series(lines, cands[k][0], cands[k][1]):
        return True
    if k + 1 >= len(cands) or date_line(cands[k + 1][1]) is None:
        return False
    width = len(cands[k + 1][1].split())
    return any(date_line(t) is not None and len(t.split()) == width for _, t in cands[k + 3 :])
