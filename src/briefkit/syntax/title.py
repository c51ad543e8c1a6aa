"""Which line is the title, and what stands around it: the head of a copied page.

Above a brief's title a copied page carries the site's furniture: its name ("MERIDIAN
WATCH", then "View Original"), a tagline, page anchors and search boxes, breadcrumbs, a
kicker or category label ("Policy Paper", "Maritime"), a date, a byline, or the page title
with the site's name after a dash followed by the headline itself. Under the title come
dates, bylines, a reading time, author names and a repeated headline (read by
:mod:`.title_tail`). Dates, bylines, site names and kickers are read into metadata; the
rest is dropped as chrome.

Everything here is conservative: a line is skipped only when it is recognised; the first
line that is not becomes the title. Only the first ``_SCAN`` non-blank lines are looked at.
"""

from __future__ import annotations

import re
from typing import Any

from ..errors import ParseError
from .chrome import chrome_strength, is_counter
from .crumbs import crumb_end, over_crumbs
from .date_lines import date_line, is_time_line
from .head_shapes import (
    KICKER,
    KICKER_WORDS,
    KINDS,
    PIECE_TYPES,
    Head,
    headline_shaped,
    kicker_like,
    kind_label,
    record_date,
    set_once,
    skippable,
    title_like,
)
from .header_bullets import bullet_run, read_bullet_run
from .header_line import header_fields, signs
from .heading_form import heading_form, is_attribute_line, is_body_text
from .headline_lines import (
    alt_text,
    asks_about,
    bulleted_date,
    check_title,
    has_sibling,
    in_series,
    label_line,
    logo_letters,
    names_series,
    opens_body,
    split_run_in,
    vocabulary_label,
)
from .headline_score import rehead
from .masthead import (
    SITE_LINES,
    after_view_original,
    blog_name,
    is_tagline,
    masthead,
    over_buttons,
    piped_masthead,
    site_name,
)
from .metadata import byline, name_line, read_attribution, read_meta_line
from .site_suffix import site_suffix
from .text import (
    ESCAPE,
    bare_headline,
    edit_link,
    glued_edit,
    heading_alone,
    markdown_heading,
    nav_side,
)

__all__ = ["KICKER", "Head", "candidates", "read_head"]

_SCAN = 40
#: A section number opening a line ("1. Introduction ..."): a section's heading, no headline.
_SECTION_NUMBER = re.compile(r"(?:\d{1,2}|[IVX]{1,4})\.\s+[A-Z]")
#: Labels over the headline ("Featured"): what stands above them is the site's header.
_FEATURE_LABEL = re.compile(r"featured(?: (?:post|article|story))?|editor'?s (?:pick|choice)", re.I)


def read_head(lines: list[str], start: int, *, rescore: bool = True) -> Head:
    """Find the title at or after line ``start`` (0-based, the first non-blank line): the
    rules' choice, unless the headline scorer clearly prefers another line (``rescore``). A
    title written as is (not escaped) loses a Markdown mark ("# Conflict handling"), and a
    headline the copy ran into its first paragraph is split off it (``Head.opening``)."""
    cands = candidates(lines, start)
    head = _find_head(lines, cands)
    if rescore:
        head = rehead(lines, cands, head)
    if not lines[head.line].lstrip().startswith(ESCAPE):
        head.title = edit_link(markdown_heading(head.title) or bare_headline(head.title))
        head.title = glued_edit(head.title, lines[head.line + 1 : head.line + 1 + _SCAN])
        run_in = split_run_in(head.title)
        if run_in is not None:
            head.title, head.opening = run_in
    return head


def candidates(lines: list[str], start: int) -> list[tuple[int, str]]:
    """The lines the title is looked for among: the first non-blank ones, stripped."""
    found = [(i, lines[i].strip()) for i in range(start, min(len(lines), start + 4 * _SCAN))]
    return [(i, t) for i, t in found if t][:_SCAN]


def _find_head(lines: list[str], cands: list[tuple[int, str]]) -> Head:
    meta: dict[str, Any] = {}
    skipped: list[str] = []
    last_date: tuple[int, str] | None = None
    dated_above = False  # the line above was the date: a date header sits over the headline
    k = after_view_original(cands, meta) or _after_feature_label(cands)
    twice = _repeated_headline(cands)
    while k < len(cands):
        index, text = cands[k]
        label: str | None = None  # a series or section label over the headline (_label_kind)
        if text[0] == ESCAPE:
            if not text[1:].strip():
                raise ParseError("the title line holds only a backslash", line=index + 1)
            return Head(text[1:].lstrip(), index, meta, index + 1)
        if k == twice:
            check_title(text, index)  # the headline, printed twice near the top
            return Head(text, index, meta, index + 1)
        plain = twice is not None and k < twice and not skippable(text)
        if plain and not header_fields(text) and _above_headline(text, meta):
            skipped.append(text)  # the site's name or a kicker over that headline
            k += 1
            continue
        if vocabulary_label(text) and _dated_under(cands, k) and not meta.get(KICKER):
            meta[KICKER] = text  # "ASSESSMENTS" over a headline and its date: the kicker
            skipped.append(text)
            k += 1
            continue
        if nav_side(text) is not None or vocabulary_label(text):
            check_title(text, index)
            return Head(text, index, meta, index + 1)
        tight = k > 0 and cands[k - 1][0] == index - 1
        if tight and (logo_letters(text) or _masthead_tagline(cands, k, meta)):
            skipped.append(text)  # the logo's letters or the tagline under the site's name
            k += 1
            continue
        if k + 1 < len(cands) and crumb_end(text) == cands[k + 1][1]:
            index, text = cands[k + 1]  # a breadcrumb trail ends in the page's own title
            check_title(text, index)
            return Head(text, index, meta, index + 1)
        end = crumb_end(text)
        if end and k + 1 < len(cands) and is_body_text(cands[k + 1][1]) and headline_shaped(end):
            # a trail over the body with no headline line: it ends in the page's title
            return Head(end, index, meta, index + 1)
        if _around_headline(cands, k) and not meta.get("publisher"):
            meta["publisher"] = text  # the source's name printed above and below the headline
            skipped.append(text)
            k += 1
            continue
        run = bullet_run(cands, k)
        if run > k:
            read_bullet_run([t for _, t in cands[k:run]], meta)
            skipped += [t for _, t in cands[k:run]]
            k = run
            continue
        after = next((j for j in range(k + 1, len(cands)) if not skippable(cands[j][1])), None)
        following = None if after is None else cands[after][1]
        below = cands[after + 1][1] if after is not None and after + 1 < len(cands) else ""
        dated = date_line(text)
        was_dated, dated_above = dated_above, False
        if dated is not None:
            record_date(meta, dated)
            if dated.publisher:
                set_once(meta, "publisher", dated.publisher)
            last_date = (index, text)
            dated_above = True
        elif is_time_line(text):
            dated_above = was_dated
        elif byline(text):
            set_once(meta, "authors", tuple(byline(text) or ()))
        elif (fields := header_fields(text)) and any(fields.values()):
            for name, found in fields.items():  # "ProductMay 18, 2026·6 min read" over it
                set_once(meta, name, found)
            dated_above = "published" in fields or "updated" in fields
        elif (said := read_attribution(text)) is not None and said[0] == "publisher":
            set_once(meta, "publisher", said[1])  # "Published daily by the Lowy Institute"
        elif skippable(text) or (following is not None and alt_text(text, following)):
            pass
        elif (pair := read_meta_line(text)) is not None and pair[0] in ("category", "tags"):
            set_once(meta, *pair)  # a blog theme's "Categories: Uncategorized" over it
        elif _tight_below(cands, k) and logo_letters(cands[k + 1][1]):
            pass  # the site's banner, its logo's letters under it
        elif following is not None and (site := site_suffix(text, following)) is not None:
            set_once(meta, "publisher", site)
        elif k == 0 and following is not None and blog_name(text) and headline_shaped(following):
            set_once(meta, "publisher", text)  # "SANS Digital Forensics Blog" over the headline
        elif k > 0 and following is not None and text == following and name_line(text):
            set_once(meta, "authors", tuple(name_line(text) or ()))  # an author box: name, link
        elif following is not None and text == following:
            check_title(text, index)  # the headline printed twice: a title, not a kicker
            return Head(text, index, meta, index + 1)
        elif k + 1 < len(cands) and is_counter(cands[k + 1][1]):
            check_title(text, index)  # over "Displaying 31 - 40 of 611 articles": a listing's
            return Head(text, index, meta, index + 1)
        elif (
            last_date is not None
            and (heading_form(text) == "caps" or " " not in text)
            and kicker_like(text)
            and has_sibling(lines, index, text)
        ):
            # No headline: a date, then a first section in capitals or of one word ("AFRICA")
            return Head(last_date[1], last_date[0], meta, last_date[0] + 1)
        elif (
            following is not None
            and not meta.get("publisher")
            and (piped := piped_masthead(text)) is not None
            and title_like(following)
            and not following.startswith(piped[0])
        ):
            set_once(meta, "publisher", piped[0])  # "Corvus Insights Blog | Smart Cyber Insurance"
            set_once(meta, "summary", piped[1])
        elif masthead(cands, k) and not meta.get("publisher") and not meta.get("summary"):
            meta["publisher"], meta["summary"] = text, cands[k + 1][1]  # name over tagline
            skipped.append(text)
            k += 1
            text = cands[k][1]
        elif (
            following is not None
            and not meta.get("publisher")
            and over_buttons(text, cands[k + 1][1] if _tight_below(cands, k) else "", below)
            and headline_shaped(following)
        ):
            meta["publisher"] = text  # the site's name over its back link, the headline dated
        elif was_dated:
            check_title(text, index)
            return Head(text, index, meta, index + 1)
        elif (
            following is not None
            and kicker_like(text)
            and not byline(cands[k + 1][1])  # a byline stands under a headline, not a kicker
            and not (name_line(following) and signs(below))  # nor an author's name
            and not over_crumbs(cands, after)  # nor a breadcrumb trail, nor a listing's entry
            and not (after is not None and in_series(lines, cands[after][0], following))
            and not asks_about(following, text)
            and not opens_body(following)  # "Definition", "Introduction": the body's start
            # the headline runs the line on: the line is the title ("Report" over "Report
            # ... released" is the kind of piece all the same)
            and (not following.startswith(text + " ") or text.lower() in KINDS)
            and (
                headline_shaped(following)
                # a lower-case label, or any kicker over a headline with its date under it
                or ((label_line(text) or date_line(below)) and title_like(following))
                or (bulleted_date(following) and title_like(below))
                # under the page's header ("Rechercher"), over a headline in any case
                or (_under_header(skipped) and title_like(following) and is_body_text(below))
                or _printed_twice(cands, after)
                # under a section's link ("Blog"), or as the kind of piece ("Report"),
                # whatever case the headline is in
                or (str(meta.get(KICKER, "")).lower() in PIECE_TYPES and title_like(following))
                or (kind_label(text) and (title_like(following) or label_line(following)))
            )
        ) or (following is not None and (label := _label_kind(cands, k, following, below))):
            top = all(chrome_strength(t) for t in skipped)
            # over the page's buttons ("Print", "Send by email") the line is the masthead
            above = after is not None and after > k + 1
            above = above and all(chrome_strength(t) for _, t in cands[k + 1 : after])
            # (a name is capitalised: "Regional forecast" over them is the section's label)
            above = above and heading_form(text) != "sentence"
            named = heading_form(text) == "caps" or site_name(text) or above
            named = named and not kind_label(text)  # "Report": the kind, no site
            named = named and label != "series"  # the series the headline names again
            field = "publisher" if top and named else KICKER
            seen = text in skipped or text in meta.get("authors", ())  # said already
            if str(meta.get(field, "")).lower() in PIECE_TYPES:
                meta.pop(field)  # "Blog" over "Thought Leadership": the section's link
            taken = meta.get(field) or (field == KICKER and meta.get("category"))
            if taken and not seen and text.split()[-1].lower() not in PIECE_TYPES:
                # a second kicker (under a "Category:" field too) has nowhere to go: it is
                # the headline (a label naming the kind of piece, "Commentary", is furniture)
                check_title(text, index)
                return Head(text, index, meta, index + 1)
            set_once(meta, field, text)
        elif (
            following is not None
            and is_tagline(text)
            and heading_form(following) in ("title", "caps")
            and heading_alone(following, at_start=True) is None  # not a section heading
            and not _SECTION_NUMBER.match(following)
            and not is_attribute_line(following)  # "From: Captive Intelligence": a field
            and not name_line(following)  # the authors under the headline
            and _body_after(cands, k, following)
        ):
            # A site tagline above a Title Case headline; "Name: tagline" names the site.
            # Either may be a sentence of the piece's own (a standfirst printed above the
            # headline), so it is kept: as the publisher, else as the summary, else the title.
            name, colon, _ = text.partition(": ")
            names = colon and heading_form(name) in ("title", "caps") and len(name.split()) <= 4
            free = [f for f in ("publisher", "summary")[0 if names else 1 :] if not meta.get(f)]
            if not free:
                check_title(text, index)
                return Head(text, index, meta, index + 1)
            meta[free[0]] = text
        else:
            check_title(text, index)  # no rule speaks for it: the scorer may overrule it
            return Head(text, index, meta, index + 1, guessed=True)
        skipped.append(text)
        k += 1
    if last_date is not None:
        return Head(last_date[1], last_date[0], meta, last_date[0] + 1)
    index, text = cands[0]
    check_title(text, index)
    return Head(text, index, {}, index + 1, guessed=True)


_TWICE_REACH = 6  # candidates: where a headline printed twice is looked for
_TWICE_GAP = 4  # candidates between the two copies at most


def _repeated_headline(cands: list[tuple[int, str]]) -> int | None:
    """The candidate (after the first) of a headline-shaped line printed again a few lines
    under it (as an image's alt text, a breadcrumb's end or the article's own heading), if
    any: the page's headline, whatever stands above it."""
    texts = [t for _, t in cands]
    for k, text in enumerate(texts[:_TWICE_REACH]):
        if k == 0 or text == texts[0]:
            continue  # the first line: the title already, unless what follows says otherwise
        if (
            len(text.split()) > 1
            and text in texts[k + 1 : k + 1 + _TWICE_GAP]
            and title_like(text)
            and heading_form(text) is not None
            and " | " not in text  # a listing card's "News | 1 min"
            and not is_attribute_line(text)  # "Source: Harrier Analytics"
            and not name_line(text)  # the author's name, in a card and a byline
            # the source's name above and below the headline (not the headline around a date)
            and not (_around_headline(cands, k) and headline_shaped(texts[k + 1]))
            and not any(is_body_text(t) for t in texts[:k])  # a header over it, no body
        ):
            return k
    return None


def _above_headline(text: str, meta: dict[str, Any]) -> bool:
    """Place a line above a headline printed twice: a kicker, else the site's name; False
    when both are taken or the line is body text (it is the title then, as before)."""
    if read_attribution(text) is not None:
        return False  # "Published daily by the Lowy Institute": read as it says
    named = heading_form(text) == "caps" or site_name(text)  # "HALBERD": the site's name
    if kicker_like(text) and not named and not meta.get(KICKER):
        meta[KICKER] = text
    elif not meta.get("publisher") and not is_body_text(text):
        meta["publisher"] = text
    elif not meta.get(KICKER) and len(text.split()) <= KICKER_WORDS:
        meta[KICKER] = text  # "Situation assessment" under the site's name
    else:
        return False
    return True


def _printed_twice(cands: list[tuple[int, str]], k: int | None) -> bool:
    """The candidate at ``k`` is printed twice, one line under the other ("Security
    assessment" over itself): the page's title and its heading, so a headline."""
    return (
        k is not None
        and k + 1 < len(cands)
        and cands[k + 1][1] == cands[k][1]
        and title_like(cands[k][1])
    )


def _around_headline(cands: list[tuple[int, str]], k: int) -> bool:
    """A line printed again right under the next one ("UNOCHA - United Nations ..." above
    and below "Today's top news: ..."): the source's name around the headline."""
    if k + 2 >= len(cands):
        return False
    text, headline, again = cands[k][1], cands[k + 1][1], cands[k + 2][1]
    if again != text or headline == text or text.endswith("?"):
        return False
    # printed exactly twice, in any case: a headline printed again and again is no name
    twice = [t.lower() for _, t in cands].count(text.lower()) == 2
    # ("When experts conflict", a logo's alt text, the headline again, "Posted ... by ...":
    # what is dated or signed under its second copy is the headline)
    signed = k + 3 < len(cands) and (date_line(cands[k + 3][1]) or signs(cands[k + 3][1]))
    return twice and title_like(text) and title_like(headline) and not signed


def _masthead_tagline(cands: list[tuple[int, str]], k: int, meta: dict[str, Any]) -> bool:
    """A line in capitals right under the site's name in capitals, over a title-like line:
    the masthead's tagline ("NORTHWATCH" / "INTELLIGENCE FOR DECISION MAKERS")."""
    text = cands[k][1]
    return (
        meta.get("publisher") == cands[k - 1][1]
        and heading_form(text) == "caps"
        and k + 1 < len(cands)
        and title_like(cands[k + 1][1])
    )


def _dated_under(cands: list[tuple[int, str]], k: int) -> bool:
    """A headline-shaped line under candidate ``k``, and a date under that."""
    return (
        k + 2 < len(cands)
        and headline_shaped(cands[k + 1][1])
        and not vocabulary_label(cands[k + 1][1])
        and date_line(cands[k + 2][1]) is not None
    )


def _under_header(skipped: list[str]) -> bool:
    """Lines of the page's header were skipped above: a search box, a menu's labels."""
    return bool(skipped) and all(chrome_strength(t) for t in skipped)


def _tight_below(cands: list[tuple[int, str]], k: int) -> bool:
    """The candidate after ``k`` is on the very next line."""
    return k + 1 < len(cands) and cands[k + 1][0] == cands[k][0] + 1


def _label_kind(cands: list[tuple[int, str]], k: int, headline: str, below: str) -> str | None:
    """ "series" when candidate ``k`` is a series label the headline names again ("Monthly
    Travel Safety Report" over "Travel Safety Travel Summary – June 2019"), "section" for a
    short section label in sentence case over it, else None."""
    text, dated = cands[k][1], date_line(below) is not None
    if not title_like(headline) or asks_about(headline, text):  # "What is conflict analysis?"
        return None
    if names_series(text, headline) and (
        headline_shaped(headline) or _body_after(cands, k, headline)
    ):
        return "series"
    if (
        _section_label(text, headline, dated)
        and not below[:1].islower()  # the headline is no sentence run on below
        and not headline.startswith(text + " ")  # the headline, and it run on below
        and (dated or _body_after(cands, k, headline))
    ):
        return "section"
    return None


def _section_label(text: str, following: str, dated: bool) -> bool:
    """A short section label in sentence case ("Conflict intelligence", "Statutory
    guidance") over a longer headline (title-like: see ``_label_kind``); one word longer
    over a headline with its date under it ("Making your research accessible")."""
    words = text.split()
    return (
        len(words) <= KICKER_WORDS + dated
        and heading_form(text) == "sentence"
        and len(following.split()) > len(words)
    )


def _after_feature_label(cands: list[tuple[int, str]]) -> int:
    """The candidate after a "Featured" label over a headline among the first few lines."""
    for k, (_, text) in enumerate(cands[: SITE_LINES + 2]):
        label = _FEATURE_LABEL.fullmatch(" ".join(text.split())) is not None
        if label and 0 < k < len(cands) - 1 and title_like(cands[k + 1][1]):
            return k + 1
    return 0


def _body_after(cands: list[tuple[int, str]], k: int, headline: str) -> bool:
    """True when the line after ``headline`` (the next candidate after ``k``) is body text."""
    seen = False
    for _, text in cands[k + 1 :]:
        if seen:
            return is_body_text(text) or heading_alone(text, at_start=True) is not None
        seen = text == headline
    return False
