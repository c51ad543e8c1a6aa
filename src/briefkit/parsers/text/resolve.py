"""Second pass of the text parser: decide what units are, now that their neighbours are known.

:mod:`.units` classifies each line on its own; some answers depend on what stands
around it, so this pass (a few linear sweeps over the units) settles them:

- weak chrome ("Search", "Twitter", "Email Address") is chrome only next to other chrome or
  to navigation; alone it stays text, except a "Contents" label over a list or over two
  blank lines (its entries did not copy); a photo's
  credit over the copyright line that repeats it, and a drop cap over its text, are chrome;
- a quoted sentence alone on its line with a dashed attribution is an epigraph, a quote;
- a short line directly above a button ("Find Out More", "Download now") is its teaser;
- lines opening with a lead-in under a paragraph ending with a colon are its items;
- a short sentence-case label with a colon over a list ("Key actions:") heads it;
- a related-links box ("Related Content:" and the headline-shaped lines under it) is chrome;
- a line printed twice on consecutive lines (an image's alt text over the same caption) is
  kept once;
- the headline repeated under the title is dropped;
- then :mod:`.heading_pass` decides which lines head sections.
"""

from __future__ import annotations

import re
from itertools import pairwise

from ...model import SectionKind
from ...syntax.chrome import (
    chrome_strength,
    is_contents_label,
    is_cta,
    is_menu_prompt,
    is_related_label,
)
from ...syntax.date_lines import date_line
from ...syntax.heading_form import heading_form, is_body_text
from ...syntax.headings import heading_kind
from ...syntax.image_chrome import is_credit
from ...syntax.text import split_lead
from .heading_pass import GLYPHS, SPACED_GAP, settle_headings
from .units import Unit, is_blankless

__all__ = ["resolve"]

_TEASER_WORDS = 14
_RELATED_WORDS = 14
_DATED_TEASER_WORDS = 45
_READ_MORE = (
    "read more",
    "read more...",
    "read more…",
    "read more »",
    "read more >",
)  # a related link's teaser line under its date
_REPEAT_REACH = 8
_VARIANT_WORDS = 5
_ANNOUNCERS = (" here:", " below:", " this link:", " the link below:")


def resolve(units: list[Unit], title: str) -> list[Unit]:
    """Settle weak chrome, teasers, related boxes, repeated titles and headings in place."""
    _lost_contents(units)
    _contents_headings(units)
    _widget_buttons(units)
    _menu_entries(units)
    _weak_chrome(units)
    _credits(units)
    _doubled_lines(units)
    _epigraphs(units)
    _bullet_marks(units)
    _teasers(units)
    _announced_links(units)
    _announced_items(units)
    _list_labels(units)
    _related_boxes(units)
    _repeated_title(units, title)
    settle_headings(units, title)
    return units


def _dropped(unit: Unit) -> bool:
    return unit.kind in ("chrome", "nav")


def _weak_chrome(units: list[Unit]) -> None:
    for order in (range(len(units)), range(len(units) - 1, -1, -1)):
        for i in order:
            unit = units[i]
            if unit.kind != "weak":
                continue
            near = [units[j] for j in (i - 1, i + 1) if 0 <= j < len(units)]
            if any(_dropped(n) for n in near):
                unit.kind = "chrome"
    for i, unit in enumerate(units):
        listed = i + 1 < len(units) and units[i + 1].kind == "item"
        if unit.kind == "weak" and listed and is_contents_label(unit.text):
            unit.kind = "chrome"  # "CONTENTS" over the list of a page's parts
        if unit.kind == "weak":
            unit.kind = "para"
            unit.after_nav = i > 0 and units[i - 1].kind == "nav"


#: A contents label ("Contents", "Table of Contents", a site's "Teaching Contents").
_CONTENTS_LABEL = re.compile(r"(?:[A-Z][a-z]+ )?(?:Table of )?Contents:?", re.IGNORECASE)


#: A doubled line is dropped only when it says something: two "Yes" cells or two "Remote
#: Code Execution" cells of a flattened table are each content.
_DOUBLED_WORDS = 4


def _doubled_lines(units: list[Unit]) -> None:
    """The second of two one-line paragraphs that say the same, the second on the line right
    under the first: the copy printed the line twice (an image's alt text over its caption),
    so its words are kept once. With a blank line between, a page may repeat a paragraph."""
    for before, unit in pairwise(units):
        if (
            unit.single
            and unit.tight
            and before.single
            and len(unit.parts[0].split()) >= _DOUBLED_WORDS
            and " ".join(unit.text.split()) == " ".join(before.text.split())
        ):
            unit.kind = "chrome"


def _lost_contents(units: list[Unit]) -> None:
    """A contents label two blank lines or more over the next line stands where its
    entries did not copy: it is the page's furniture, not a heading."""
    for i in range(len(units) - 1):
        unit = units[i]
        alone = unit.single or (unit.kind == "weak" and len(unit.raw) == 1)
        if (
            alone
            and _spaced_over(unit, units[i + 1])
            and _CONTENTS_LABEL.fullmatch(unit.text.strip())
        ):
            unit.kind = "chrome"


def _spaced_over(unit: Unit, nxt: Unit) -> bool:
    """Two blank lines or more between the unit and the next."""
    return nxt.line - unit.line >= SPACED_GAP


_CONTENTS_HEADING = re.compile(r"(?:table|list) of contents?", re.IGNORECASE)


def _contents_headings(units: list[Unit]) -> None:
    """ "Table of Contents" over a paragraph of prose, after a blank line (or in a text with
    none), is a guide's section about tables of contents, not the label of a contents list
    (which stands over its entries, a list or a headline-shaped line): it heads that
    section."""
    blankless = is_blankless(units)
    for i in range(len(units) - 1):
        unit, nxt = units[i], units[i + 1]
        if unit.kind != "chrome" or len(unit.raw) != 1 or nxt.kind != "para":
            continue
        if (nxt.tight and not blankless) or _spaced_over(unit, nxt):
            continue  # (its entries did not copy: see _lost_contents)
        prose = len(nxt.text.split()) >= _CONTENTS_PROSE and nxt.text.endswith(".")
        if prose and _CONTENTS_HEADING.fullmatch(unit.text.strip()):
            unit.kind, unit.parts, unit.section = "head", [unit.text.strip()], SectionKind.OTHER


_CONTENTS_PROSE = 12  # words: a paragraph, not an entry of the contents


def _widget_buttons(units: list[Unit]) -> None:
    """A list right under a chrome line whose every item is chrome too (a "Text Size"
    widget's "-", "+" and "reset") is the widget's buttons, not a list of the brief's."""
    for i, unit in enumerate(units):
        if unit.kind != "chrome":
            continue
        end = i + 1
        while end < len(units) and units[end].kind == "item" and len(units[end].raw) == 1:
            end += 1
        items = units[i + 1 : end]
        if len(items) >= 2 and all(chrome_strength(item.text) for item in items):
            for item in items:
                item.kind = "chrome"


_MENU_WORDS = 4  # an icon menu's label: "Detect and Identify"


def _menu_entries(units: list[Unit]) -> None:
    """The short labels under a menu's instruction ("Click the icons to navigate." over
    "Define", "Define", "Assess" ...) are its entries, up to the first line of text: chrome,
    when there are two or more of them."""
    for i, unit in enumerate(units):
        if not unit.single or not is_menu_prompt(unit.text):
            continue
        end = i + 1
        while end < len(units) and _menu_label(units[end]):
            end += 1
        if end - i > 2:
            for entry in units[i:end]:
                entry.kind = "chrome"


def _menu_label(unit: Unit) -> bool:
    return (
        unit.kind in ("para", "head")
        and len(unit.raw) == 1
        and len(unit.text.split()) <= _MENU_WORDS
        and heading_form(unit.text) in ("title", "caps")
    )


def _credits(units: list[Unit]) -> None:
    """A photo's credit directly over the copyright line that repeats it is chrome too, and
    so is a drop cap: one capital letter alone over the text that starts with it."""
    for i in range(len(units) - 1):
        unit, nxt = units[i], units[i + 1]
        if unit.single and nxt.kind == "chrome" and nxt.tight and is_credit(unit.text, nxt.text):
            unit.kind = "chrome"
        capital = len(unit.text) == 1 and unit.text.isupper()
        if capital and unit.single and nxt.kind != "chrome" and nxt.text[:1] == unit.text:
            unit.kind = "chrome"


#: "“Unlocking complexity means ...” — John Paul Lederach": a quotation in marks, then a
#: spaced dash and a name of up to six words with no sentence in it.
_EPIGRAPH = re.compile(r"[“\"][^“”\"]{8,400}[”\"] ?[—–]{1,2} ?[A-Z][\w.'’-]*(?: [\w.'’-]+){0,5}")


def _epigraphs(units: list[Unit]) -> None:
    """A line that is only a quotation and who said it is an epigraph: a quote."""
    for unit in units:
        if unit.kind == "para" and unit.single and _EPIGRAPH.fullmatch(unit.text):
            unit.kind = "quote"


def _bullet_marks(units: list[Unit]) -> None:
    """A line of bullet glyphs alone ("●●", as PDFs copy) marks the paragraph under it as a
    bulleted item."""
    for i in range(len(units) - 1):
        mark, nxt = units[i], units[i + 1]
        if mark.kind != "chrome" or nxt.kind != "para":
            continue
        # (a dash or star alone on its line marks the line right under it: "-" / "Relevance:
        # Every team ...", as a copy prints a list whose markers sit apart from the items)
        alone = mark.text in ("-", "*", "–") and nxt.tight
        if alone or mark.text.strip(GLYPHS + " ") == "":
            nxt.kind, nxt.ordered = "item", False


def _teasers(units: list[Unit]) -> None:
    for i in range(len(units) - 1):
        unit, nxt = units[i], units[i + 1]
        if (
            unit.single
            and nxt.kind == "chrome"
            and nxt.tight
            and is_cta(nxt.text)
            and len(unit.text.split()) <= _TEASER_WORDS
            and not unit.text.endswith((".", "!", "?", ";", "…"))
        ):
            unit.kind = "chrome"


def _announced_links(units: list[Unit]) -> None:
    """A button announced by the paragraph above it ("... please let us know here:")."""
    for i in range(1, len(units)):
        before, unit = units[i - 1], units[i]
        if (
            before.kind == "para"
            and before.text.lower().endswith(_ANNOUNCERS)
            and unit.single
            and heading_form(unit.text) in ("title", "caps")
        ):
            unit.kind = "chrome"


def _announced_items(units: list[Unit]) -> None:
    """Lines that each open with a lead-in and a colon ("Risk Thresholds: Limits set ..."),
    two or more one under the other right under a paragraph ending with a colon, are the
    items it announces, pasted without their bullets."""
    for i, unit in enumerate(units):
        if unit.kind != "para" or unit.escaped or not unit.text.endswith(":"):
            continue
        end = i + 1
        while end < len(units) and _lead_line(units[end]):
            end += 1
        if end - (i + 1) >= _MIN_ANNOUNCED:
            for item in units[i + 1 : end]:
                item.kind = "item"


_MIN_ANNOUNCED = 2


#: Words a sentence running on into its list ends with ("... advisories include:", "Carry
#: out a review when:"), or holds ("Rappelons que ..."): no label.
_RUNNING_ON = frozenset(
    (  # noqa: SIM905 - a word list reads better as one string
        "a an the and or but to of for in on at by with from as if when where while that "
        "which who whom whose than then so such these this those here below following "
        "follows include includes including are is was were be been will can may might "
        "should must would could do does like about into via que qui"
    ).split()
)
_LIST_LABEL_WORDS = 4


def _list_labels(units: list[Unit]) -> None:
    """A short sentence-case label ending in a colon over a list of two or more items
    ("Key actions:" over its bullets) heads a section, as a Title Case one already does; a
    line that runs on into the list ("Severe weather advisories include:") stays text."""
    for i, unit in enumerate(units[:-1]):
        if not unit.single or not unit.text.endswith(":") or not _list_under(units, i):
            continue
        label = unit.text[:-1].rstrip()
        words = label.lower().split()
        if not 0 < len(words) <= _LIST_LABEL_WORDS or not label[0].isupper():
            continue
        if any(c in label for c in ",.;!?()") or any(w in _RUNNING_ON for w in words):
            continue
        unit.kind = "head"
        unit.parts = [label]
        unit.section = heading_kind(label) or SectionKind.OTHER


def _list_under(units: list[Unit], i: int) -> bool:
    """Two or more items right under unit ``i``: a list, where one item may be its text."""
    return all(j < len(units) and units[j].kind == "item" for j in (i + 1, i + 2))


def _lead_line(unit: Unit) -> bool:
    return unit.single and unit.tight and bool(split_lead(unit.text)[0])


def _related_boxes(units: list[Unit]) -> None:
    i = 0
    while i < len(units):
        unit = units[i]
        opens_box = unit.kind in ("para", "head", "chrome") and not unit.escaped
        # a "Read more" tight under a paragraph is that paragraph's link, not a box's label
        linked = unit.tight and i > 0 and units[i - 1].kind == "para"
        linked = linked and unit.raw[0].strip().lower() in _READ_MORE
        if opens_box and not linked and len(unit.raw) == 1 and is_related_label(unit.raw[0]):
            unit.kind = "chrome"
            i += 1
            dated = False  # the last link was a teaser's date: its teaser line follows
            while i < len(units) and (
                units[i].kind == "chrome"
                or _related_link(units[i])
                or (dated and _teaser(units[i]))
            ):
                dated = units[i].single and date_line(units[i].text) is not None
                units[i].kind = "chrome"
                i += 1
            continue
        i += 1


def _related_link(unit: Unit) -> bool:
    """A headline-shaped line of a related-links box, or a teaser's date."""
    if not unit.single and unit.kind != "head":
        return False
    text = unit.text
    if date_line(text) is not None:
        return True
    shaped = heading_form(text.rstrip("?")) in ("title", "caps")
    return len(text.split()) <= _RELATED_WORDS and shaped


def _teaser(unit: Unit) -> bool:
    """A related link's teaser under its date: one line that ends without a full stop."""
    return (
        unit.single
        and len(unit.text.split()) <= _DATED_TEASER_WORDS
        and unit.text[-1:] not in ".!?:"
    )


def _repeated_title(units: list[Unit], title: str) -> None:
    """The headline again near the top, once or more (pages print it in the header, the
    breadcrumb and the article): as written, or cut off or run on by a few words ("...
    Assessment And Briefing Relate" under "... Assessment And Brief")."""
    key = title.lower().split()
    case = heading_form(title.rstrip("?"))
    prose = False
    for unit in units[:_REPEAT_REACH]:
        same = unit.single and not unit.after_nav
        same = same and _same_headline(unit.text.lower().split(), key)
        # past the first prose, the headline in sentence case for Title Case heads a section
        # ("What is incident response?" under "What is Incident Response?")
        recased = prose and heading_form(unit.text.rstrip("?")) != case
        if (same and not recased) or (unit.kind == "head" and unit.text == title):
            unit.kind = "chrome"  # (a Markdown "# " heading: the headline as written only)
        # a sentence, not just a block of lines (a header's label and value lines are none)
        prose = prose or (unit.kind == "para" and is_body_text(unit.text))


def _same_headline(words: list[str], title: list[str]) -> bool:
    if words == title:
        return True
    shorter = min(len(words), len(title))
    shared = next((n for n, (a, b) in enumerate(zip(words, title, strict=False)) if a != b), None)
    if shared is not None and shared < shorter - 1:
        return False  # another line that opens like the headline: no copy of it
    if shared is not None:  # only the shorter one's last word differs: cut off inside it
        cut, whole = (words, title) if len(words) <= len(title) else (title, words)
        if not whole[shared].startswith(cut[shared].rstrip(".…")) or shorter == len(whole):
            return False  # ("Brief" of "Briefing" is cut off; "aa…" under "aaa…" is no copy)
    shared = shorter if shared is None else shared
    longer = max(len(words), len(title))
    return shared >= _VARIANT_WORDS and shared * 5 >= 4 * longer and not words[-1].endswith(".")
