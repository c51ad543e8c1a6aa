"""Line-level syntax of plain-text briefs, shared by the text parser and the text renderer.

The renderer asks the same questions the parser asks ("would this line read back as a
heading? does this item body look like it has a lead-in?") so that it can escape exactly the
lines that would otherwise change meaning. Every check here looks at one bounded line with
anchored, backtracking-free patterns, so parsing stays linear in the input size.
"""

from __future__ import annotations

import re
from typing import Literal

from ..model import SectionKind
from .banners import is_banner
from .chrome import is_chrome, is_contents_label, is_crumbs, strip_notice
from .date_lines import date_line, is_time_line
from .header_line import header_fields
from .heading_form import heading_form, is_body_text
from .headings import classify_heading, heading_kind, split_inline_heading
from .metadata import is_meta_label, name_line, read_attribution

__all__ = [
    "ESCAPE",
    "ITEM",
    "bare_headline",
    "edit_link",
    "glued_edit",
    "heading_alone",
    "inline_heading",
    "is_chrome",
    "is_url_line",
    "item_match",
    "markdown_heading",
    "nav_side",
    "needs_escape",
    "split_lead",
]

#: A line starting with this character is text, whatever it looks like (one is removed).
ESCAPE = "\\"

#: ``1.`` ``1)`` ``(1)`` numbers (group 1 or 2), a bullet (group 3) or a lower-case letter
#: ``a.`` ``b)`` (group 4), then space or end.
#: Item markers; a bullet no word starts with may be run into its item ("►Brazilian ...").
ITEM = re.compile(
    r"(?:(\d{1,9})[.)]|\((\d{1,9})\)|([•◦▪‣*·○■►▶▸–-])|([a-z])[.)])"
    r"(?:\s+|$|(?<=[•▪■►▶▸])(?=[A-Z0-9\"“‘(]))"
)
#: Digits of an item number that needs no list before it (see ``item_match``).
_SHORT_NUMBER = 3

#: A Markdown heading pasted as text: "## Key Points" (closing hashes allowed).
_MD_HEADING = re.compile(r"#{1,6}[ \t]+([^#\n]{1,100}?)[ \t]*#*")
_WIKI_HEADING = re.compile(r"(={1,6})[ \t]*([^=\s][^=\n]{0,99}?)[ \t]*\1")

_URL_PREFIXES = ("http://", "https://", "mailto:", "/", "./", "../", "#")
_PAGE_SUFFIXES = (".html", ".htm", "/")

Side = Literal["prev", "next"]

_NAV_LABELS: dict[str, Side] = {
    "previous": "prev",
    "prev": "prev",
    "previous post": "prev",
    "previous article": "prev",
    "older post": "prev",
    "next": "next",
    "next post": "next",
    "next article": "next",
    "newer post": "next",
}
_NAV_DECOR = "←‹«<→›»> \t"

_SENTENCE_END = re.compile(r"[a-z]{3}[.!?]\s")
_SMALL_WORDS = frozenset(
    (  # noqa: SIM905 - a word list reads better as one string
        "a an the and or but nor for of on in at to by with from as vs via per into over under "
        "versus against after before than"
    ).split()
)
_OPENERS = "\"'“‘«(["
_MAX_LEAD_CHARS = 80
_MAX_LEAD_WORDS = 10
_MAX_SIBLING_LEAD_WORDS = 4  # a lower-case lead-in among lead-ins: a short phrase only
_CLAUSE_WORDS = 6  # a longer lead-in with a comma, in sentence case, is a clause of a sentence
_MAX_HEADING_CHARS = 60
_MAX_HEADING_WORDS = 6


def item_match(
    line: str, *, follows: int | None, letter: int | None = None
) -> re.Match[str] | None:
    """The item marker opening ``line``, if any; ``follows`` is the number of the item just
    before it (None when the line does not directly follow a numbered item) and ``letter``
    the position of the lettered item just before it ("a." is 1).

    Numbers up to 999 always count. A longer number (up to nine digits) counts only as the
    next number of its list, so item 20,000 is an item but a hard-wrapped sentence ending
    "... in\n2024. The" stays prose. A letter counts when it is "a" or the next letter of a
    lettered list. The renderer escapes every paragraph ``ITEM`` matches.
    """
    match = ITEM.match(line)
    if match is not None and match.group(4):
        position = ord(match.group(4)) - ord("a") + 1
        return match if position == 1 or (letter is not None and position == letter + 1) else None
    number = match and (match.group(1) or match.group(2))
    if not number or len(number) <= _SHORT_NUMBER:
        return match
    return match if follows is not None and int(number) == follows + 1 else None


def nav_side(line: str) -> Side | None:
    """``"prev"``/``"next"`` when the line is only a navigation label (e.g. "Previous")."""
    if len(line) > 24:
        return None
    return _NAV_LABELS.get(" ".join(line.strip(_NAV_DECOR).lower().split()))


def is_url_line(line: str) -> bool:
    """True when a line is only a link target: an absolute URL, or a relative page path
    (``/x``, ``./x``, ``x.html``, ``x/``), as written under a navigation title."""
    if not line or any(c.isspace() for c in line):
        return False
    if line[:8].lower().startswith(_URL_PREFIXES):
        return True
    path = line.split("#", 1)[0].split("?", 1)[0].lower()
    return path.endswith(_PAGE_SUFFIXES)


def bare_headline(title: str) -> str:
    """A headline without a bullet before it (a breadcrumb's or a menu's last entry) or
    Markdown's bold around it ("**Ciberseguridad en 2024**"): marks of the copy, no words."""
    bare = title.lstrip("•▪►· ") if title[:1] in "•▪►·" else title
    if bare.startswith("**") and bare.endswith("**") and "**" not in bare[2:-2]:
        bare = bare[2:-2].strip()
    return bare or title


def markdown_heading(line: str) -> str | None:
    """The text of a line written as a Markdown heading ("## Key Points") or a wiki's
    ("== Approaches ==", "= Policy analysis =", the marks equal on both sides), else None."""
    pattern = _MD_HEADING if line.startswith("#") else _WIKI_HEADING
    match = pattern.fullmatch(line.strip()) if line.startswith(("#", "=")) else None
    text = match.groups()[-1] if match is not None else ""
    return text.strip() if sum(c.isalpha() for c in text) >= 2 else None


def _starts_capital(text: str) -> bool:
    stripped = text.lstrip(_OPENERS)
    return bool(stripped) and (stripped[0].isupper() or stripped[0].isdigit())


def _title_case(text: str) -> bool:
    """Every word but small ones (of, and, the, ...) starts with a capital or a digit."""
    for word in text.split():
        word = word.lstrip(_OPENERS)
        if word and word[0].isalpha() and word[0].islower() and word.lower() not in _SMALL_WORDS:
            return False
    return True


def _heading_like(label: str) -> bool:
    """A short Title Case phrase without sentence punctuation: an unknown heading."""
    if not 0 < len(label) <= _MAX_HEADING_CHARS or len(label.split()) > _MAX_HEADING_WORDS:
        return False
    if any(c in label for c in ".!?;:"):
        return False
    return _starts_capital(label) and _title_case(label)


def heading_alone(line: str, *, at_start: bool) -> tuple[str, SectionKind] | None:
    """(label, kind) when a whole line is a heading.

    Known labels count with or without a colon (without one only at a paragraph start);
    other Title Case phrases count when they end with a colon and start a paragraph, and
    get the kind ``other``.
    """
    if line.endswith(":"):
        label = line[:-1].rstrip()
        if not label or len(label) > _MAX_LEAD_CHARS:
            return None
        kind = classify_heading(label)
        if kind is not None:
            return label, kind
        if at_start and _heading_like(label):
            return label, heading_kind(label) or SectionKind.OTHER
        return None
    if at_start and len(line) <= _MAX_HEADING_CHARS:
        kind = classify_heading(line)
        if kind is not None:
            return line, kind
    return None


#: The words a sentence opens with when a copy ran the heading above it into it ("Summary
#: This joint advisory ...", "Technical Details The incident ..."), and the nouns a heading
#: of several words ends with for it to be read as one without being a known label.
_RUN_IN_OPENERS = frozenset(("The", "This", "These", "Our", "We"))
_RUN_IN_NOUNS = frozenset(
    (  # noqa: SIM905 - a word list reads better as one string
        "details overview summary findings analysis background recommendations mitigations "
        "takeaways judgments judgements assessment implications context indicators"
    ).split()
)
_MAX_RUN_IN_WORDS = 4
_MIN_RUN_IN_REST = 6


def _run_in(text: str) -> tuple[str, str] | None:
    """(label, rest) for a heading run into its paragraph without a colon: a known label,
    or a Title Case phrase ending in a heading's noun, then a capitalised sentence opener
    ("This", "The") and prose. Only such openers count: "Summary judgments were ..." and
    "Background checks found ..." go on in lower case and stay sentences."""
    words = text[:160].split(" ")
    for count in range(1, min(_MAX_RUN_IN_WORDS, len(words) - 1) + 1):
        label_words = words[:count]
        if not label_words[-1].isalpha() or not label_words[-1][0].isupper():
            return None
        if words[count] not in _RUN_IN_OPENERS:
            continue
        label = " ".join(label_words)
        rest = text[len(label) + 1 :]
        known = classify_heading(label) is not None
        if len(rest.split()) < _MIN_RUN_IN_REST or not is_body_text(rest):
            return None
        if known or (count >= 2 and label_words[-1].lower() in _RUN_IN_NOUNS):
            return label, rest
        return None
    return None


def inline_heading(text: str) -> tuple[str, str] | None:
    """(label, rest) for ``"Overview: The ..."``: a known label, a colon, then text; or a
    heading run into its paragraph without one (:func:`_run_in`)."""
    head = text[:120]  # labels are short; never hand a huge line to the regex
    split = split_inline_heading(head)
    if split is None:
        return _run_in(text)
    label, rest_of_head = split
    rest = text[len(head) - len(rest_of_head) :]
    return (label, rest) if rest.strip() else None


def _lead_colon(body: str) -> int:
    """Index of the first colon outside brackets within a lead-in's reach, or -1."""
    depth = 0
    for index, char in enumerate(body[: _MAX_LEAD_CHARS + 1]):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(0, depth - 1)
        elif char == ":" and depth == 0:
            return index
    return -1


_BOLD_LEAD = re.compile(r"\*\*([^*]{1,120}?)(?::\*\*|\*\*:)\s+(?=\S)")


def split_lead(body: str, *, among_leads: bool = False) -> tuple[str, str]:
    """(lead, rest) of an item body: the text before the first colon when it is title-like.

    A lead-in is short (at most 10 words), starts with a capital or a digit, holds no
    sentence break, and the colon is followed by a space. When the rest starts lower case or
    there is no rest, the lead must be Title Case, so "Officials said: no decision" stays one
    sentence and "Full report, made up of:" introduces what follows. A lead in Markdown's
    bold marks, as pasted text keeps them ("**Friedrich Ratzel:** The ..."), loses them.
    ``among_leads`` is for an item of a list whose other items have lead-ins, or all of
    whose items open with a phrase and a colon: a short phrase counts in any case when one
    side of the colon is capitalised ("country-Specific factors: Every country ...", a
    glossary's "Policy or decision briefing: a short briefing ...").
    """
    bold = _BOLD_LEAD.match(body)
    if bold is not None:
        lead, rest = split_lead(f"{bold.group(1)}: {body[bold.end() :]}")
        if lead:
            return lead, rest
    idx = _lead_colon(body)
    if idx <= 0:
        return "", body
    if idx + 1 < len(body) and not body[idx + 1].isspace():
        return "", body  # 10:45, https://...
    lead, rest = body[:idx].strip(), body[idx + 1 :].strip()
    if not lead or len(lead.split()) > _MAX_LEAD_WORDS:
        return "", body
    if ";" in lead or _SENTENCE_END.search(lead + " "):
        return "", body
    if ", " in lead and len(lead.split()) > _CLAUSE_WORDS and not _title_case(lead):
        return "", body  # "When proposing a change, ask yourself: ...": a sentence's clauses
    if among_leads and len(lead.split()) <= _MAX_SIBLING_LEAD_WORDS and rest:
        return (lead, rest) if _starts_capital(lead) or _starts_capital(rest) else ("", body)
    if not _starts_capital(lead):
        return "", body
    linked = rest.startswith(("http://", "https://", "www."))  # a link's label over its address
    if (not rest or rest[0].islower()) and not linked and not _title_case(lead):
        return "", body  # "made up of:" over a nested list introduces it, it leads nothing
    return lead, rest


#: A wiki's section edit link glued to its heading ("Overview[edit]", "Process [edit source]").
_EDIT_LINK = re.compile(r"\s?\[\s?edit(?: source)?\s?\]$")
#: The link run into a heading of two words or more without its brackets ("Strategic
#: ReviewEdit"); one word glued to "Edit" is as likely a name ("MarsEdit") and stays.
_GLUED_EDIT = re.compile(r"(?<=[a-z])Edit$")
#: The pilcrow Sphinx and MkDocs themes print after a heading as its permalink, or the
#: "#" other themes print there ("Table of Contents#"; not the "#" of "C#" or "F#").
_ANCHOR_MARK = re.compile(r"\s?¶$|(?<!\b[A-Z])#$")


def edit_link(line: str) -> str:
    """The line without a wiki edit link or a documentation theme's permalink mark at its
    end ("Advisory Structure¶", "Table of Contents#") when what is left has a heading's
    form (and is no item), else the line as it is."""
    if line.endswith(("¶", "#")):
        match = _ANCHOR_MARK.search(line)
    elif line.endswith("Edit"):
        match = _GLUED_EDIT.search(line) if " " in line else None
    else:
        match = _EDIT_LINK.search(line) if line.endswith("]") else None
    if match is None or match.start() == 0 or ITEM.match(line) is not None:
        return line
    rest = line[: match.start()]
    return rest if heading_form(rest) is not None or is_contents_label(rest) else line


def needs_escape(text: str) -> bool:
    """True when a paragraph with this text, written at a block start, would read back as
    something else (a heading, an item, a quote, navigation, a link line, chrome, a
    breadcrumb trail, a date, a byline, a header line, authors' names, a marking banner or
    other metadata)."""
    return (
        text.startswith((ESCAPE, ">"))
        or markdown_heading(text) is not None
        or ITEM.match(text) is not None
        or nav_side(text) is not None
        or heading_alone(text, at_start=True) is not None
        or is_url_line(text)
        or inline_heading(text) is not None
        or is_chrome(text)
        or strip_notice(text) != text
        or is_crumbs(text)
        or heading_form(text) is not None
        or edit_link(text) != text
        or date_line(text) is not None
        or is_time_line(text)
        or read_attribution(text) is not None
        or header_fields(text) is not None
        or name_line(text) is not None
        or is_meta_label(text)
        or is_banner(text)
    )


_ONE_WORD_EDIT = re.compile(r"([A-Z][a-z]+)Edit")


def glued_edit(title: str, below: list[str]) -> str:
    """A one-word wiki headline with its "Edit" link glued on ("BriefingEdit") loses the
    link when the text under it names the word alone and never the glued whole: one word
    glued to "Edit" may be a name ("MarsEdit"), which its article would name in full."""
    match = _ONE_WORD_EDIT.fullmatch(title)
    if match is None:
        return title
    words = set(re.findall(r"\w+", " ".join(below).lower()))
    stem = match.group(1).lower()
    return match.group(1) if stem in words and title.lower() not in words else title
