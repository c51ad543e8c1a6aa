"""The heading pass of the text parser: which one-line units head sections.

It runs last in :func:`.resolve.resolve`, once chrome, teasers and repeated titles are
settled, because a line's place decides it:

- a line with a heading's form is a heading when body text, a list, a details block or
  another heading follows it; sentence-case lines only when prose follows (or a list, after
  a finished paragraph); a question that is not in Title Case, over the first prose with no
  heading after it, is a standfirst;
- an unindented numbered line whose text is a heading is a numbered section heading when it
  is followed by body text rather than by the next item;
- the entries of a listing head sections: a line over its "Key: value" fields and then
  prose, a "Key: Name" line on the pattern of the other headings, and parallel "Theme
  highlight: X" lines; a variant of the headline is text only when stacked under it;
- a chart's or table's title ("Unemployment Rate, 2000-2006") heads no section, nor do
  three or more headline-shaped lines in a row (a list of links) or a row of a list.
"""

from __future__ import annotations

import re
from itertools import pairwise

from ...model import SectionKind
from ...syntax.date_lines import date_line, is_date_range
from ...syntax.heading_form import colon_headline, heading_form, is_body_text, section_number
from ...syntax.headings import classify_heading, heading_kind
from .units import Unit, is_blankless

__all__ = ["GLYPHS", "SPACED_GAP", "settle_headings"]

#: Bullet glyphs a PDF copies alone or after a heading.
GLYPHS = "●•▪■◦‣·○►"
_NAME_WORDS = 5  # a short name after a key's colon ("Regional Overview: Europe")
_DETAILS_MIN = 2
_DETAILS_REACH = 64
_PAIR_KEY_WORDS = 4
_PAIR_VALUE_WORDS = 12


def _next(units: list[Unit], i: int) -> int | None:
    return next((j for j in range(i + 1, len(units)) if units[j].kind != "chrome"), None)


def _next_kept(units: list[Unit], i: int) -> int | None:
    """The next unit that is not chrome, looking past a date printed under a heading."""
    j = _next(units, i)
    if j is not None and units[j].single and _date(units[j].text):
        return _next(units, j) or j
    return j


def _date(text: str) -> bool:
    return date_line(text) is not None or is_date_range(text)


def _row(unit: Unit, before: Unit | None) -> bool:
    """A short line directly under another short line, or a question right under another
    question (a checklist's): a row of a list, not a heading."""
    if not unit.tight or before is None or not before.single:
        return False
    if before.text.endswith("?") and unit.text.endswith("?"):
        return True
    return (
        not is_body_text(before.text)
        and not before.text.endswith(":")
        and not _date(before.text)  # a date line is the entry's above, not a row
    )


def _stacked(units: list[Unit], i: int, nxt: Unit) -> bool:
    """A Title Case line over prose, under another such line that follows a finished
    paragraph: a subheading under its heading ("Technical Controls" under "Components of
    Security Posture"), where a page pasted with no blank line stacks the two."""
    if i < 2 or not _prose(nxt):
        return False
    above, before = units[i - 2], units[i - 1]
    return (
        _prose(above)
        and _ends_sentence(above.text)
        and before.single
        and heading_form(before.text) in ("title", "caps")
    )


def _asked(label: str, form: str, nxt: Unit, before: Unit) -> bool:
    """A Title Case question tight under a heading-shaped line and over prose ("What Does
    a Level 3 Advisory Mean?" under "Understanding Level 3 Advisories"): a heading, not the
    second row of a list, which a question over a paragraph does not continue."""
    return (
        form == "question"
        and _shaped(label)
        and is_body_text(nxt.text)
        and heading_form(before.text) in ("title", "caps")
    )


def _details(units: list[Unit], j: int) -> bool:
    """A block of "Key: value" lines starting at unit ``j`` (after a blank line)."""
    if units[j].tight:
        return False
    run = [units[j]]
    for unit in units[j + 1 : j + _DETAILS_REACH]:
        if not unit.tight or unit.kind != "para":
            break
        run.append(unit)
    pairs = sum(1 for u in run if ": " in u.text)
    return len(run) >= _DETAILS_MIN and pairs * 2 >= len(run)


_LINK_RUN = 3
_DIVIDER_CHARS = 3


def _fields(units: list[Unit], j: int, tight: bool) -> bool:
    """Two or more short "Key: value" lines under the line before ``j`` (tight under it, or
    each after a blank line), then prose after a blank line ("Sectors: all" / "Key Risks:
    civil unrest" / the story; "Date: ..." / "Location: ..." / the report): the fields of
    the entry that line heads."""
    if j >= len(units) or units[j].tight != tight:
        return False
    k, end = j, min(len(units), j + _DETAILS_REACH)  # a bounded look: parsing stays linear
    while k < end and units[k].tight == tight and units[k].single and _pair(units[k]):
        k += 1
    return k - j >= _DETAILS_MIN and k < len(units) and not units[k].tight and _prose(units[k])


def _entry(units: list[Unit], i: int, keys: set[str]) -> bool:
    """A line too weak in form to be a heading alone that heads an entry all the same:
    "Region: a headline" over its fields, or "Regional Overview: Europe" (one word after
    the colon) where other headings start with the same "Regional Overview:" and prose
    follows it."""
    text = units[i].text
    if colon_headline(text) and _fields(units, i + 1, tight=True):
        return True
    key, colon, tail = text.partition(": ")
    if not colon or key not in keys or not tail[:1].isupper() or len(tail.split()) > _NAME_WORDS:
        return False
    j = _next_kept(units, i)
    return j is not None and _prose(units[j]) and heading_form(tail) in ("title", "caps")


#: A chart's or table's title ends with the years it covers ("Unemployment Rate, 2000-2006")
#: or opens with its number ("Figure 17.4 An Accident Report Form", "Table 2: Incidents").
_YEARS_TAIL = re.compile(r", (?:19|20)\d{2}(?: ?[-–] ?(?:19|20)?\d{2})?$")
_NUMBERED_CAPTION = re.compile(r"(?:figure|fig\.|table|exhibit|chart|map|graph) \d", re.I)


def _link_lists(units: list[Unit]) -> set[int]:
    """Indexes of units in runs of three or more headline-shaped one-line paragraphs with
    nothing between them: the stories of a round-up or a list of links, not headings."""
    listed: set[int] = set()
    run: list[int] = []
    for i, unit in enumerate([*units, None]):
        if unit is not None and unit.kind == "chrome" and not _divider(unit.text):
            continue  # (a divider line, "—------", ends a run: it parts what it stands between)
        label = _label(unit) if unit is not None and unit.kind == "para" else None
        if label is not None and not (":" in label and heading_form(label) == "sentence"):
            run.append(i)  # ("Key: a sentence" reads as a field of a details block)
            continue
        if len(run) >= _LINK_RUN and not _spaced(units, run):
            listed.update(run)
        run = []
    return listed


SPACED_GAP = 3  # lines from one to the next: two blank lines or more between them


def _spaced(units: list[Unit], run: list[int]) -> bool:
    """Every line of the run stands two blank lines or more from the next: the headings of
    sections whose content did not copy (a status widget's), not a list of links."""
    return all(units[b].line - units[a].line >= SPACED_GAP for a, b in pairwise(run))


def _divider(text: str) -> bool:
    """A line of dashes, stars or underscores that parts a page."""
    return len(text) >= _DIVIDER_CHARS and not text.strip("-–—_*=~·•. ")


#: Last words of a job title ("Regional Security Fellow") printed under an author's name.
_ROLES = frozenset(
    (  # noqa: SIM905
        "fellow analyst director editor researcher professor correspondent manager officer "
        "chief president partner associate consultant adviser advisor specialist lecturer"
    ).split()
)


def _role(label: str) -> bool:
    words = label.split()
    return 2 <= len(words) <= 5 and words[-1].lower() in _ROLES


def _shaped(label: str) -> bool:
    """A question in Title Case or capitals ("What Does the Order Change?")."""
    return heading_form(label.rstrip("?")) in ("title", "caps")


def _prose(unit: Unit) -> bool:
    return unit.kind == "para" and (len(unit.raw) > 1 or is_body_text(unit.text))


def _label(unit: Unit) -> str | None:
    """The heading text of a one-line paragraph or an unindented numbered item, if it has
    a heading's form (section numbers removed)."""
    if unit.kind == "para":
        if not unit.single or unit.after_nav:
            return None
        text = unit.text
        numbered = section_number(text)
        if numbered is not None:
            text = numbered[1]
    elif unit.kind == "item":
        if unit.number is None or unit.indent or len(unit.raw) != 1 or unit.letter is not None:
            return None
        text = unit.text
        if text.startswith("\\"):
            return None
        if text.endswith(":") and classify_heading(text) is not None:
            return text[:-1].rstrip()
    else:
        return None
    form = heading_form(text)
    if form is None or sum(c.isalpha() for c in text) < 2:
        return None
    if unit.kind == "item" and form == "sentence":
        return None
    return text.rstrip(GLYPHS + " ") or text


_STEPS_MIN = 2  # one numbered sentence-case line alone stays an item


def _numbered_steps(units: list[Unit], blankless: bool) -> set[int]:
    """Indexes of numbered headings of any case ("1. Start with the operational snapshot"
    over its paragraph, "2. Separate facts from follow-up" over the next): unindented
    one-line items, a blank line around each (or none anywhere in the text), numbered one
    after another, each over prose. Two or more make a run of steps; one alone stays an
    item."""
    found: list[int] = []
    for i, unit in enumerate(units):
        if unit.kind != "item" or unit.number is None or unit.indent:
            continue
        if len(unit.raw) != 1 or unit.letter is not None or not _step_form(unit.text):
            continue  # ("1. Preparation" heads in Title Case; a run of steps may open so)
        j = _next_kept(units, i)
        spaced = blankless or (not unit.tight and j is not None and not units[j].tight)
        if j is not None and spaced and units[j].kind == "para" and _prose(units[j]):
            found.append(i)
    numbers = [units[i].number for i in found]
    steps = len(found) >= _STEPS_MIN and all(
        b == a + 1 for a, b in pairwise(n or 0 for n in numbers)
    )
    return set(found) if steps else set()


_KEYED_STEP_WORDS = 14
_SENTENCE_BREAK = re.compile(r"[.!?;:]\s")


def _step_form(text: str) -> bool:
    """A numbered step's text: a heading's form, or a short key and colon over a phrase in
    any case ("The baseline: first-term tariffs and their carryover"), no sentence."""
    if heading_form(text) is not None:
        return True
    key, colon, rest = text.partition(": ")
    return (
        bool(colon and rest)
        and heading_form(key) is not None
        and len(text.split()) <= _KEYED_STEP_WORDS
        and text[-1] not in ".!?:;"
        and not _SENTENCE_BREAK.search(rest)
    )


def _pair(unit: Unit) -> bool:
    """A short "Key: value" line, as in a details block."""
    key, colon, value = unit.text.partition(": ")
    short = len(key.split()) <= _PAIR_KEY_WORDS and len(value.split()) <= _PAIR_VALUE_WORDS
    return unit.kind == "para" and bool(colon) and short


_DASH_PAIR = re.compile(r"\s[–—-]\s")


def _dash_pair(text: str) -> bool:
    """A short "Key – value" line, the dashed form of a field, as in a table's two columns."""
    parts = _DASH_PAIR.split(text)
    return len(parts) == 2 and all(0 < len(p.split()) <= _PAIR_KEY_WORDS * 2 for p in parts)


def _variant(label: str, title: str) -> bool:
    """A variant of the headline ("Risk: Planning ..." under "Risk: Managing ..."), as pages
    stack for search engines: text, not a heading."""
    prefix, colon, _ = title.partition(":")
    return bool(colon) and len(prefix.split()) >= 2 and label.startswith(prefix + ":")


_CLOSERS = "\"'”’)»"


def _ends_sentence(text: str) -> bool:
    """Ends with a full stop, "!" or "?", also inside a closing quote or bracket (….”)."""
    return text.rstrip(_CLOSERS).endswith((".", "!", "?", "…"))


def settle_headings(units: list[Unit], title: str) -> None:
    """Backwards, so that a heading directly over another heading is seen as one.

    A heading over a heading needs a blank line between the two (label and value lines of
    a page's header stand one under the other); a sentence-case heading needs a blank line
    above it and prose under it; a "Key: value" line under another is a pair, not a heading.
    """
    long_title = is_body_text(title)  # a sentence for a title: what follows is no subtitle
    listed = _link_lists(units)
    # no blank line anywhere: lines tight one under the other tell nothing of a page's header
    blankless = is_blankless(units)
    steps = _numbered_steps(units, blankless)
    list_heads = _list_heads(units) if blankless else set()
    first_prose = next((i for i, u in enumerate(units) if _prose(u)), len(units))
    later = False  # a heading follows
    keys: set[str] = set()  # the parts before the colon of "Key: Title" headings found
    asked: set[int] = set()  # questions tight under the heading they follow (see _asked)
    for i in range(len(units) - 1, -1, -1):
        unit = units[i]
        if unit.kind == "head":
            later = True
        label = _label(unit) or (unit.text if i in steps else None)
        if label is None:
            continue
        if _YEARS_TAIL.search(label) or _NUMBERED_CAPTION.match(label):
            continue  # the title of a chart or a table, not of a section
        j = _next_kept(units, i)
        if j is None:
            continue
        nxt = units[j]
        form = heading_form(label) or "title"
        if form == "sentence" and classify_heading(label) is not None:
            form = "title"  # a label of the vocabulary in sentence case: "Key takeaways"
        before = units[i - 1] if i > 0 else None
        if ":" in label and unit.tight and before is not None and _pair(before):
            continue
        if nxt.tight and _dash_pair(unit.text) and _dash_pair(nxt.text):
            continue  # "UK Military Terminology – Stand To" over "Civilian Terminology – ..."
        question = unit.kind == "para" and before is not None and _asked(label, form, nxt, before)
        stacked = blankless and _stacked(units, i, nxt)
        if (i == 0 and unit.tight and not long_title) or (
            unit.kind == "para" and _row(unit, before) and not question and not stacked
        ):
            continue  # a subtitle right under a headline, or a row of a list
        if i in listed:
            continue  # one of three or more headline-shaped lines in a row: a list of links
        if (i < first_prose and _variant(label, title)) or (i == 0 and _role(label)):
            continue  # a variant of the headline stacked under it, or the author's role
        dated = j != _next(units, i)
        if dated and "," in label:
            continue  # "U.S. Embassy, Jakarta" over a date: a dateline
        prose = _prose(nxt)
        parted = any(_divider(units[x].text) for x in range(i + 1, j))
        # over a heading, with a blank line or the heading's date between the two
        # (with no blank line anywhere, a numbered line over a heading heads too, unless it
        # ends a list: "2. Assess Your Personal Risk Factors" over "Legal Considerations:")
        alone = unit.kind == "para" or (before is None or before.kind != "item")
        spaced = not nxt.tight or (blankless and alone and form != "sentence")
        chained = nxt.kind == "head" and (spaced or dated or j in asked) and not parted
        if form == "question" and i <= first_prose and not later and not _shaped(label):
            continue  # a plain question over the first prose, no heading after: a standfirst
        if form == "sentence" and i == 0 and prose and _deck(label, units, title):
            continue  # a sentence-case deck under a Title Case headline, over the first prose
        if form == "sentence":
            pasted = unit.loose and before is not None and _ends_sentence(before.text)
            # over prose, or over a heading of its own (a heading for a run of headings)
            ok = (prose and (not unit.tight or pasted)) or (chained and not unit.tight)
            ok = ok or i in steps
            # over a list, between blank lines after a finished paragraph ("Some definitions"),
            # or one of two or more such lines in text with no blank line at all
            ok = ok or i in list_heads
            ok = ok or (
                nxt.kind == "item"
                and not unit.tight
                and not nxt.tight
                and before is not None
                and _prose(before)
                and _ends_sentence(before.text)
            )
        elif unit.kind == "item":
            # a numbered label of the vocabulary over bullets ("2. Competing Hypotheses"
            # over "• Hypothesis A: ..."): a numbered section over its list
            bulleted = nxt.kind == "item" and not nxt.ordered and not nxt.tight
            ok = prose or chained or (bulleted and heading_kind(label) is not None)
        else:
            ok = prose or chained or nxt.kind in ("item", "quote") or _details(units, j)
            # over fields each after a blank line (tight under it, a Title Case line is the
            # first row of a details block: "Initial Publish Date" over "Last Updated: ...")
            ok = ok or (not unit.tight and _fields(units, i + 1, tight=False))
        if ok:
            if question and unit.tight:
                asked.add(i)
            later = True
            unit.kind = "head"
            unit.parts = [label]
            unit.section = heading_kind(label) or SectionKind.OTHER
            key, colon, _ = label.partition(": ")
            if colon:
                keys.add(key)
    parallel = _parallel_labels(units)
    for i, unit in enumerate(units):  # then the entries too weak in form to head alone
        if unit.single and not unit.tight and _label(unit) is None:
            if i in parallel:
                kind = heading_kind(unit.text) or SectionKind.OTHER
                unit.kind, unit.parts, unit.section = "head", [unit.text], kind
            elif _entry(units, i, keys):
                unit.kind, unit.parts, unit.section = "head", [unit.text], SectionKind.OTHER


def _list_heads(units: list[Unit]) -> set[int]:
    """In text with no blank line at all, the sentence-case lines that each stand over a
    list after a finished paragraph or item ("Patch acceleration moves" over its bullets,
    then "Detection and resilience" over the next): two or more make the headings of a
    series; one alone ("Some examples") may be the paragraph that announces its list."""
    found = {
        i
        for i in range(1, len(units) - 1)
        if units[i].single
        and units[i + 1].kind == "item"
        and units[i - 1].kind in ("para", "item")
        and _ends_sentence(units[i - 1].text)
        and heading_form(units[i].text) == "sentence"
    }
    return found if len(found) > 1 else set()


def _deck(line: str, units: list[Unit], title: str) -> bool:
    """A sentence-case first line under a Title Case headline ("Security chiefs confront new
    threats") is its deck where the page's headings are in Title Case: a site that writes
    headings in sentence case opens with one. A line of mixed case ("Presentation Alert for
    U.S. Citizens: What You need too Know") is a heading with odd capitals, no deck."""
    capitals = sum(w[:1].isupper() for w in line.split()[1:])
    if heading_form(title) != "title" or ":" in line or capitals > 1:
        return False
    heads = [u.text for u in units if u.kind == "head"]
    return bool(heads) and all(heading_form(h) in ("title", "caps", "question") for h in heads)


_KEY_WORDS = 3


def _parallel_labels(units: list[Unit]) -> set[int]:
    """Indexes of "Theme highlight: Political violence" lines: a key of two or three words,
    a colon and a capitalised name with no figures, alone between blank lines over prose,
    where another such line ends its key with the same word ("Region highlight: Americas").
    Parallel keys make them the headings of a series; one alone may be a field or a remark,
    and stays text."""
    groups: dict[str, list[int]] = {}
    for i, unit in enumerate(units):
        if unit.kind != "para" or unit.tight or not unit.single:
            continue
        key, colon, tail = unit.text.partition(": ")
        words, names = key.split(), tail.split()
        if not colon or not 1 < len(words) <= _KEY_WORDS or not 0 < len(names) <= _NAME_WORDS:
            continue  # (a one-word key is a field's: "Location: Lat 12.03, Long 51.45")
        if not (key[:1].isupper() and tail[:1].isupper() and all(w.isalpha() for w in words)):
            continue
        if heading_form(tail) is None or any(c.isdigit() for c in tail):
            continue
        j = _next_kept(units, i)
        if _ends_sentence(tail) or j is None or units[j].tight or not _prose(units[j]):
            continue
        groups.setdefault(words[-1].lower(), []).append(i)
    return {i for found in groups.values() if len(found) > 1 for i in found}
