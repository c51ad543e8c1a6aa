"""Lines at or near the headline's place in a copied page that are not the headline: an
image's alt text built from it ("Threat Report Poster"), an explainer's first question about
it ("What is conflict analysis?"), a lower-case keyword line repeating it, the first
paragraph the copy ran into it, the first entry of a listing, and a section's label
standing where the title should be (refused)."""

from __future__ import annotations

import re
from itertools import pairwise

from ..errors import ParseError
from .chrome import chrome_strength
from .date_lines import date_line
from .heading_form import heading_form, is_body_text
from .text import ITEM, heading_alone, nav_side

__all__ = [
    "alt_text",
    "asks_about",
    "bulleted_date",
    "check_title",
    "has_sibling",
    "image_label",
    "in_series",
    "keyword_line",
    "label_line",
    "logo_letters",
    "names_series",
    "opens_body",
    "split_run_in",
    "tailed_headline",
    "vocabulary_label",
]

#: A header image's caption above the headline ("Diagram showing ..."); inside the body
#: captions stay text.
_IMAGE_LABEL = re.compile(
    r"(?:diagram|image|photo|picture|illustration|screenshot|infographic|chart|graphic)"
    r" (?:showing|depicting|illustrating|shows)\b.{1,250}"
    r"|(?:image|photo|photograph|picture)(?: by|:| credit:?) [^\n]{1,80}",
    re.IGNORECASE,
)


def image_label(text: str) -> bool:
    """A header image's caption or credit above the headline ("Photo by ...")."""
    return _IMAGE_LABEL.fullmatch(text) is not None


_IMAGE_NOUNS = ("Poster", "Banner", "Thumbnail", "Cover", "Image", "Infographic")


def alt_text(text: str, headline: str) -> bool:
    """ "Threat Report Poster" over "Threat Report - 17th March": an image named after the
    headline."""
    name, _, noun = text.rpartition(" ")
    return noun in _IMAGE_NOUNS and len(name.split()) >= 2 and headline.startswith(name + " ")


def asks_about(question: str, name: str) -> bool:
    """ "What is conflict analysis?" under "Conflict Analysis" ("What is Security
    Assessment?" under "Security Assessment Types"): an explainer's first heading asking
    about the page's title (the whole of it, or two of its words in a row, hyphens or not),
    not a headline under a kicker."""
    if not question.endswith("?"):
        return False
    asked, name = question.casefold().replace("-", " "), name.casefold().replace("-", " ")
    if f" {name}" in asked:
        return True
    # in the singular too ("What is a policy memo?" under "Policy Memos")
    return _two_in_a_row(_singular(name.split()), _singular(asked.rstrip("?").split()))


def _singular(words: list[str]) -> list[str]:
    return [w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in words]


def tailed_headline(text: str) -> bool:
    """ "A Surge of Vidar: Network-based details of an info-stealer": a Title Case head, a
    colon and a sentence-case tail, as headlines are written."""
    head, colon, _ = text.partition(": ")
    return bool(colon) and heading_form(text) == "sentence" and heading_form(head) == "title"


_KEYWORD_WORDS = 8
_KEYWORD = re.compile(r"[a-z][a-z' -]*[a-z]")


def keyword_line(text: str, title: str) -> bool:
    """ "what is political risk analysis" under "Understanding Political Risk Analysis: ...":
    a lower-case phrase with no punctuation that repeats two or more of the headline's words
    in a row, as an image's alt text or the page's keyword prints it. No sentence or heading
    is written so."""
    words = text.split()
    if not 2 <= len(words) <= _KEYWORD_WORDS or _KEYWORD.fullmatch(text) is None:
        return False
    return _two_in_a_row(words, re.sub(r"[^\w' -]", " ", title.lower()).split())


_SERIES_WORDS = 5


def names_series(label: str, headline: str) -> bool:
    """A series or section label over a headline that repeats two of its words in a row
    ("Monthly Travel Safety Report" over "Travel Safety Travel Summary – June 2019", "Flash
    Alert" over "Flash Alerts: Understanding ..."): the label is the piece's kicker. A
    headline that only runs the label on ("U.S. Embassy Procedures and Precautions") is no
    such pair."""
    words = _plain(label)
    if not 2 <= len(words) <= _SERIES_WORDS or heading_form(label) not in ("title", "caps"):
        return False
    under = _plain(headline)
    return (
        len(under) > len(words)
        and under[: len(words)] != words
        and _two_in_a_row(_singular(words), _singular(under))
    )


def _plain(text: str) -> list[str]:
    return re.sub(r"[^\w' -]", " ", text.casefold()).split()


def _two_in_a_row(words: list[str], among: list[str]) -> bool:
    """Two of ``words``, one after the other, stand one after the other in ``among`` too."""
    pairs = set(pairwise(among))
    return any(pair in pairs for pair in pairwise(words))


_RUN_IN_WORDS = 12
_JOINING = frozenset(("and", "or", "of", "the", "a", "an", "in", "on", "for", "to", "vs"))


def split_run_in(title: str) -> tuple[str, str] | None:
    """A Title Case headline the copy ran into its first paragraph, which opens by naming
    the headline's subject again ("Bottom-Line and Top-Line Bottom line is the net income
    ..."): the headline and the paragraph, else None. The repeated word is the evidence;
    without it a long first line stays the title, as written."""
    if not is_body_text(title):
        return None
    words = title.split()
    for cut in range(2, min(len(words) - 2, _RUN_IN_WORDS + 1)):
        run, first = words[:cut], words[cut]
        if not (run[-1][:1].isupper() or run[-1].lower() in _JOINING):
            break  # the Title Case run has ended: no headline before the sentence
        if run[-1].lower() in _JOINING:
            continue
        named = {p.lower() for w in run for p in w.split("-") if p}
        if first[:1].isupper() and first.split("-")[0].lower() in named:
            rest = " ".join(words[cut:])
            if is_body_text(rest) and heading_form(" ".join(run)) in ("title", "caps"):
                return " ".join(run), rest
    return None


def vocabulary_label(text: str) -> bool:
    """A vocabulary label alone on the line ("Analytic Judgement:", "Key Findings"): a
    section's heading where the title should be. A lower-case term with no colon
    ("judgements") is a glossary's headline instead."""
    if chrome_strength(text):
        return False  # "View by:": a listing's control, not a heading
    return heading_alone(text, at_start=True) is not None and not (
        text.islower() and not text.endswith(":")
    )


def check_title(line: str, index: int) -> None:
    """Refuse a section's label or a Previous/Next label taken for the title, naming its line."""
    heading = heading_alone(line, at_start=True) if vocabulary_label(line) else None
    if nav_side(line) is not None or (heading is not None and heading[1].value != "other"):
        raise ParseError(f"expected the brief's title, found {line!r}", line=index + 1)


_SERIES_SCAN = 400  # lines


def in_series(lines: list[str], index: int, text: str) -> bool:
    """A later line after a blank line printed on the same pattern ("Advisory - UKMTO-IO #7"
    after "Hijacked - UKMTO-IO #8"): the entries of a listing, whose first is no headline
    (the short line over it is the page's title, not a kicker)."""
    words = text.lower().split()
    if len(words) < 2:
        return False
    for other in range(index + 1, min(len(lines), index + _SERIES_SCAN)):
        candidate = lines[other].lower().split()
        if len(candidate) != len(words) or candidate == words or lines[other - 1].strip():
            continue
        if 2 * sum(a == b for a, b in zip(words, candidate, strict=True)) >= len(words):
            return True
    return False


_SIBLING_SCAN = 400  # lines
_SIBLING_WORDS = 3


def has_sibling(lines: list[str], index: int, text: str) -> bool:
    """Another short line of the same form as ``text`` (line ``index``) later on, over body
    text: a section heading, not a title (a sign-off name near the end is no such sibling)."""
    form = heading_form(text)
    end = min(len(lines), index + _SIBLING_SCAN)
    for other in range(index + 1, end - 1):
        candidate = lines[other].strip()
        if (
            candidate
            and candidate != text
            and not lines[other - 1].strip()
            and len(candidate.split()) <= _SIBLING_WORDS
            and heading_form(candidate) == form
        ):
            after = next((t.strip() for t in lines[other + 1 : end] if t.strip()), "")
            if is_body_text(after) and not chrome_strength(after):
                return True
    return False


#: One-word labels that open a piece's body ("Introduction", "Definition"): no headline.
_BODY_LABELS = frozenset(
    "introduction definition abstract foreword preface contents conclusion".split()  # noqa: SIM905
)


def opens_body(line: str) -> bool:
    """A label that opens the body under the title ("Introduction", "Definition:"): what
    stands over it is the title, not a kicker."""
    return line.lower().rstrip(": ") in _BODY_LABELS


_LOGO_CHARS = 3


def logo_letters(text: str) -> bool:
    """A logo's letters copied as text ("CC")."""
    return len(text) <= _LOGO_CHARS and text.isalpha() and text.isupper()


_LABEL_CHARS = 4


def label_line(text: str) -> bool:
    """A lower-case section label or slug over a page ("social and politics", "world-news")."""
    bare = text.replace(" ", "").replace("-", "")
    return text.islower() and bare.isalpha() and len(text) >= _LABEL_CHARS


def bulleted_date(text: str) -> bool:
    """A date as a post header's only bullet ("• 6th January 2026")."""
    match = ITEM.match(text)
    return match is not None and date_line(text[match.end() :]) is not None
