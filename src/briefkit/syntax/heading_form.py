"""Headings by their form: a short line that reads as a label, not as a sentence.

Copied pages lose their markup, so a heading is known by its shape and its place: a short
line with no final full stop, in Title Case ("Kinetic and Physical Security Challenges"), in
capitals ("INTELLIGENCE ANALYSIS"), as a question ("What Is a Threat Assessment?") or, more
cautiously, in sentence case ("A brief history of ransomware"), followed by body text. This
module answers the first half (the form, one line at a time);
:mod:`briefkit.parsers.text.resolve` checks the place. The text renderer escapes every
paragraph that has a heading's form.

Numbered section headings ("1. BLUF (Bottom Line Up Front)", "1.1 Intelligence Requirements")
are told apart from numbered items by the same form test on what follows the number, and by
what follows the line.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal

from .chrome import chrome_strength
from .date_lines import date_line, is_date_range
from .image_chrome import credited
from .metadata import byline

__all__ = [
    "Form",
    "colon_headline",
    "glued_cells",
    "heading_form",
    "is_attribute_line",
    "is_body_text",
    "section_number",
]

Form = Literal["title", "caps", "question", "sentence"]

_SMALL = frozenset(
    (  # noqa: SIM905 - a word list reads better as one string
        "a an the and or but nor for of on in at to by with from as vs vs. via per into over "
        "under versus against after before than is are was were be its it their"
    ).split()
)
_OPENERS = "\"'“‘«(["
#: Words a heading never ends with: a line ending in one was cut off mid-phrase.
_DANGLING = frozenset(("and", "or", "nor", "but", "the", "a", "an"))
_MAX_WORDS = 12
_CALL_WORDS = 3
_MAX_CHARS = 100
_MAX_QUESTION_WORDS = 14
_MAX_SENTENCE_WORDS = 9
_BODY_WORDS = 8
_SENTENCE_END = re.compile(r"[a-z]{3}[.!?][\"'”’)]?\s+[A-Z]")
_DATED = re.compile(r"\d{1,2}[/.]\d{1,2}[/.]\d{2,4}")
#: Numbered parts of a guide, whose headings may go on in lower case after the colon.
_STEP = re.compile(
    r"(?:step|part|phase|stage|chapter|section|lesson|module|day|week|tip|rule|option)"
    r" \d{1,3}",
    re.IGNORECASE,
)
_CREDIT = re.compile(
    r"(?:photo(?:graph)?|image|picture|credit)s?(?: by|:| courtesy of) .{1,80}"
    r"|.{1,80} (?:photo|photograph)s?",
    re.I,
)
#: A link to a document ends with its file type: "[PDF]", "(PDF, 1.2 MB)", "(docx)".
#: Table cells copied without their borders run together, each capitalised: a header row
#: has two joins in a word ("StepDescriptionOutcome"), where a brand has one ("PowerShell");
#: a body row has its first cell, a Title Case name, joined to the next ("Risk
#: IdentificationFinding the hazards ..."), where prose has a brand after lower-case words.
_GLUED_CELLS = re.compile(r"[a-z]{2}[A-Z][a-z]+[A-Z][a-z]")
_GLUED = re.compile(r"(?:[A-Z][\w'&-]* ){0,3}[A-Z][a-z]*[a-z]{3}[A-Z][a-z]")


def glued_cells(text: str) -> int:
    """2 for a line with a word of three run-together cells (a flattened table's header
    row), 1 for a line whose first cell runs into the next, else 0."""
    if _GLUED_CELLS.search(text):
        return 2
    return 1 if _GLUED.match(text) else 0


_FILE_TAG = re.compile(
    r"[\[(](?:pdf|docx?|xlsx?|pptx?|odt|epub|csv|zip)(?:[,;] [^\])]{1,20})?[\])]$", re.IGNORECASE
)
_NUMBER = re.compile(r"(\d{1,3}(?:\.\d{1,3})+|[IVX]{1,4}(?=\.))\.?\s+(?=\S)")
#: Keys of "Key: value" lines that describe a brief rather than head a section.
_ATTRIBUTE_KEYS = frozenset(
    (  # noqa: SIM905
        "confidence|confidence level|confidence assessment|threat level|risk level|level|"
        "location|date|time|source|classification|marking|status|severity|priority|region|"
        "country|sector|credibility|coherence|tlp|report id|distribution|category|author|"
        "authors|analyst|analysts|analyst(s)|published|updated|last updated|event|event(s)|"
        "from|via"
    ).split("|")
)


_ID_WORDS = frozenset(("id", "ref", "reference", "no", "number", "#"))


def _capitalised(word: str) -> bool:
    word = word.lstrip(_OPENERS)
    return not word[:1].isalpha() or word[:1].isupper()


def _title_case(words: list[str]) -> bool:
    """Most content words capitalised (all of them when there are fewer than four)."""
    content = [w for w in words[1:] if w.lower().strip(_OPENERS) not in _SMALL]
    lower = sum(1 for w in content if not _capitalised(w))
    return lower == 0 or (len(content) >= 4 and lower * 4 <= len(content))


def is_attribute_line(text: str) -> bool:
    """A "Key: value" line whose key describes the brief ("Threat Level: HIGH") or names
    an identifier ("Gao ID: GAO-10-856 ...", "Ref No.: 12")."""
    key, colon, _ = text.partition(":")
    words = key.lower().split()
    return (
        bool(colon)
        and bool(words)
        and (" ".join(words) in _ATTRIBUTE_KEYS or words[-1].rstrip(".") in _ID_WORDS)
    )


def _form(text: str) -> Form | None:
    words = text.split()
    first = words[0].lstrip(_OPENERS)
    if not first or not (first[0].isupper() or first[0].isdigit()):
        if first and _uncased(first[0]):
            # Korean, Chinese, Japanese, Arabic ... have no capitals to tell a label by: a
            # short line with no sentence punctuation reads as one, as sentence case does
            short = len(text) <= _MAX_UNCASED_CHARS and text[-1] not in _UNCASED_STOPS
            return "sentence" if short else None
        return None
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 2:
        return None
    if text.endswith("?"):
        if words[0].endswith(",") and words[0][:-1].isalpha():
            return None  # "So, do you know the difference ...?": a sentence that asks
        return "question" if len(words) <= _MAX_QUESTION_WORDS else None
    # a stop inside a closing bracket or quote ends a sentence too: "(Figures by AP.)"
    if len(words) > _MAX_WORDS or (text.rstrip("\"'”’)]") or text)[-1] in ".,;!":
        return None
    if len(words) > 1 and words[-1] in _DANGLING:
        return None  # "Logs, and": a list's line cut off before its last entry
    if all(c.isupper() for c in letters) and len(letters) >= 2:
        return "caps"
    if _title_case(words):
        return "title"
    # a count in front ("10 risks to watch out for in the next two years") makes a list's
    # heading, which may run longer
    most = _MAX_WORDS if words[0].isdigit() and len(words[0]) <= 2 else _MAX_SENTENCE_WORDS
    if len(words) <= most and not any(c in text for c in ",;:"):
        return "sentence"
    return None


_MAX_UNCASED_CHARS = 30
_UNCASED_STOPS = frozenset(".。!！?？,，、;；:：")


def _uncased(char: str) -> bool:
    """A letter of a script without capitals."""
    return char.isalpha() and not (char.isupper() or char.islower())


def heading_form(text: str) -> Form | None:
    """The form of a line that could be a heading, or None for a line that reads as text."""
    return None if len(text) > 2 * _MAX_CHARS else _heading_form(text)


#: Pictographs a newsletter opens its headings with ("💡 Key Insight", a flag before a
#: country's name): decoration, not words; the form is the rest's.
_EMOJI_LEAD = re.compile("^[\u2600-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff\ufe0f\u200d]+ +")


@lru_cache(maxsize=4096)  # the passes ask about the same short lines more than once
def _heading_form(text: str) -> Form | None:
    text = _EMOJI_LEAD.sub("", " ".join(text.split()))
    if not text or len(text) > _MAX_CHARS or text.endswith(":"):
        return None
    question, asked, tail = text.partition("? ")
    if asked and "?" not in tail and _form(f"{question}?") == "question" and _form(tail) == "title":
        return "title"  # a question and its Title Case tail: "What Is a Policy Memo? Types"
    if _SENTENCE_END.search(text) or chrome_strength(text) or _dated(text):
        return None
    if text[:3].lower() == "by " and byline(text):
        return None  # "By Ray Roe, PSP": a byline, wherever it stands
    if text.endswith(")") and (text.startswith("(") or credited(text)):
        return None  # an aside in brackets, a caption with its photo's credit
    if text.startswith("|") or text.endswith("|"):
        return None  # a table's row pasted with its bars ("Traditional | Intelligence |")
    if " " not in text and any(c.isdigit() for c in text):
        return None  # a reference code ("SC/13205", "TIR-2025-07"): not a heading
    if _DATED.search(text) or _dated_tail(text):
        return None  # "Niger 01/22/2013", "Weekly Report - 6th March 2020": not headings
    if text.endswith(("...", "…")):
        text = text.rstrip(".… ") or text  # "At the airport...": a heading all the same
    if _CREDIT.fullmatch(text):
        return None  # a photo credit ("Department of Defense photo"), not a heading
    if _GLUED_CELLS.search(text):
        return None  # a flattened table's row ("Risk Assessment StepDescriptionOutcome")
    if _FILE_TAG.search(text):
        return None  # a link to a document ("Sitrep 2/2017: March 2017 [PDF]"), not a heading
    if " : " in text and text.count(":") == 1 and not is_attribute_line(text):
        # French typography spaces its colon, and a heading runs on after it in lower case
        # ("Les clés de l'analyse : concepts et méthodes", "Outils : comment les utiliser ?");
        # one word after it is a field's value, as after a colon ("Version : 1.2")
        if len(text.partition(" : ")[2].split()) < 2:
            return None
        return _form(text.replace(" : ", " "))
    head, colon, tail = text.partition(":")
    if colon and _STEP.fullmatch(head.strip()) and _step_tail(tail):
        return "title"  # "Step 1: pick a small source list"
    if colon:
        # "Layer 1: Crime Pattern Analysis" is a heading; "764: The Dark Nexus ...",
        # "Threat Level: HIGH" and "Officials said: ..." are not.
        if not any(c.isalpha() for c in head) or is_attribute_line(text):
            return None
        if len(tail.split()) < 2 or _form(head.strip()) not in ("title", "caps"):
            return None
        # a short call after the label may end with "!" ("Advisory: Be Aware!")
        exclaimed = tail.strip().endswith("!") and len(tail.split()) <= _CALL_WORDS
        form = _form(tail.strip().rstrip("!") if exclaimed else tail.strip())
        words = head.split()
        if (
            form == "sentence"
            and len(words) >= 2
            and words[-1].isalpha()
            and tail.split()[0][0].isupper()
        ):
            return "sentence"  # "The Week in Review: Africa's quiet wars", read cautiously
        return form if form in ("title", "caps", "question") else None
    return _form(text)


def _dated(text: str) -> bool:
    """A date, a span of dates, or a dateline ("Rabat, June 20, 2006"): no heading."""
    if date_line(text) is not None or is_date_range(text):
        return True
    parts = text.split(", ")
    return 1 < len(parts) <= 4 and any(
        date_line(", ".join(parts[k:])) is not None for k in range(1, len(parts))
    )


def _step_tail(tail: str) -> bool:
    words = tail.split()
    return 0 < len(words) <= _MAX_WORDS and tail.rstrip()[-1:] not in ".,;!" and ":" not in tail


def _dated_tail(text: str) -> bool:
    """A line that ends with a printed date after a dash."""
    for dash in (" - ", " – ", " — "):
        _, found, tail = text.rpartition(dash)
        if found and date_line(tail) is not None:
            return True
    return False


_HEADLINE_HEAD_WORDS = 3
_HEADLINE_TAIL_WORDS = (3, 14)


def colon_headline(text: str) -> bool:
    """ "Americas: increased risk of unrest as US heads to the polls": a capitalised place or
    topic, a colon and a headline in sentence case. The form alone is too weak for a heading
    (a one-word key over a phrase is also a field or a note); the parser takes it as one only
    where the lines under it say so."""
    text = " ".join(text.split())
    head, colon, tail = text.partition(": ")
    words, rest = head.split(), tail.split()
    return (
        bool(colon)
        and 0 < len(words) <= _HEADLINE_HEAD_WORDS
        and _form(head) in ("title", "caps")
        and not is_attribute_line(text)
        and _HEADLINE_TAIL_WORDS[0] <= len(rest) <= _HEADLINE_TAIL_WORDS[1]
        and text[-1] not in ".,;:!"
        and ":" not in tail
        and _SENTENCE_END.search(text) is None
    )


def section_number(text: str) -> tuple[str, str] | None:
    """("1.1", rest) for a line opening with a dotted section number ("1.1 Scope") or a
    Roman one ("II. Why are Security Alerts Important?")."""
    match = _NUMBER.match(text)
    return None if match is None else (match.group(1), text[match.end() :])


def is_body_text(text: str) -> bool:
    """Prose rather than a label: a long line, or one that ends like a sentence."""
    text = text.rstrip()
    return len(text.split()) >= _BODY_WORDS or text[-1:] in ".!?:;\"'”’)"
