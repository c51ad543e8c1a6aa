"""Who wrote a page: names from its bylines, without "By", roles, dates and buttons.

A byline is an element linked or marked as the author (``rel=author``,
``itemprop=author``) or named like one (a class or id word ``author``, ``byline`` or
``writer``, by the same word matching the chrome rules use; not an author's biography,
photo or description). The bylines of the article itself come first: those inside the
element that holds the content area (its ``article``), then the rest of the page. From a
byline the names are its links when they read as names (author pages), else its text cut
at the first date, separator or ordinary lower-case word, and split at "and", commas and
semicolons. What is left must look like a name: one to five words, each capitalised or a
particle (``de``, ``van``, ``bin``), or a short run of a script without capitals.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from lxml import etree

from .chrome import name_words
from .dom import Element, attr_tokens, plain, tag_of

__all__ = ["byline_names", "dom_authors"]

_BYLINE_WORDS = frozenset({"author", "authors", "byline", "bylines", "writer", "writers"})
_NOT_BYLINE_WORDS = frozenset(
    {
        "about",
        "avatar",
        "bio",
        "biography",
        "description",
        "desc",
        "img",
        "image",
        "photo",
        "pic",
        "picture",
        "thumb",
        "thumbnail",
        "title",
    }
)
_SKIP_TAGS = frozenset({"meta", "link", "script", "style", "noscript", "template", "img"})
_PREFIX = re.compile(
    r"^\s*(?:(?:written|posted|reported|words|story|text)\s+)?"
    r"(?:by|par|por|von|door|av|di)\b\s*:?\s*",
    re.IGNORECASE,
)
#: Where the names of a byline end: digits (dates, times, counts), separators, buttons,
#: and a month name before a number.
_STOP = re.compile(
    r"[|•·—–\n@]|\s-\s|\d|\b(?:updated|published|posted|follow|email|e-mail|twitter)\b|"
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+\d",
    re.IGNORECASE,
)
_JOINERS = ("and", "und", "et")
_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\bund\b|\bet\b|、|/)\s*", re.IGNORECASE)
_PARTICLES = frozenset(
    {"al", "bin", "da", "das", "de", "del", "della", "den", "der", "di", "do", "dos", "du"}
    | {"el", "la", "le", "st", "ten", "ter", "van", "von", "zu"}
)
#: Job titles that follow names in bylines ("Jane Roe, Staff Writer").
_ROLES = frozenset(
    {
        "chief",
        "columnist",
        "contributor",
        "contributing",
        "correspondent",
        "editor",
        "editors",
        "photographer",
        "producer",
        "reporter",
        "senior",
        "staff",
        "writer",
    }
)
_MAX_WORDS = 5
_MAX_NAME = 60
_MAX_BYLINES = 50


def _word_ok(word: str) -> bool:
    bare = word.strip("().'’\"")
    if not bare:
        return False
    if bare.casefold() in _PARTICLES:
        return True
    return bare[0].isupper() and not any(c.isdigit() for c in bare)


def _uncased(text: str) -> bool:
    return not any(c.isupper() or c.islower() for c in text)


def _name(part: str, *, single: bool) -> str | None:
    """``part`` if it reads as a person's name (one word only with ``single``)."""
    part = part.strip(" .,:;-–—[]\"'")
    if not part or len(part) > _MAX_NAME or any(c.isdigit() for c in part):
        return None
    if _uncased(part):
        return part if len(part) <= 20 else None
    words = part.split()
    if len(words) > _MAX_WORDS or (len(words) == 1 and not single):
        return None
    if any(w.strip("().").casefold() in _ROLES for w in words):
        return None
    if not all(_word_ok(w) for w in words):
        return None
    if all(w.strip("().").casefold() in _PARTICLES for w in words):
        return None
    return part


def _leading_names(text: str) -> str:
    """The start of ``text`` up to the first word that cannot be part of a name."""
    kept: list[str] = []
    for word in text.split():
        if (
            _uncased(word)
            or _word_ok(word)
            or word in (",", "&", ";", "/")
            or word.lower() in _JOINERS
        ):
            kept.append(word)
        else:
            break
    return " ".join(kept)


def byline_names(text: str, *, single: bool = False) -> list[str]:
    """The names a byline's text gives ("By Ana Ruiz and Li Wei | 2 May" → two names);
    one-word names only with ``single`` (a byline's "Staff" or "Username" is no name)."""
    text = " ".join(text.split())
    text = _PREFIX.sub("", text)
    stop = _STOP.search(text)
    if stop:
        text = text[: stop.start()]
    text = _leading_names(text)
    names = (_name(p, single=single) for p in _SPLIT.split(text))
    return [n for n in names if n]


def _is_byline(el: Element) -> bool:
    tag = tag_of(el)
    if not tag or tag in _SKIP_TAGS:
        return False
    if "author" in attr_tokens(el, "rel") or "author" in attr_tokens(el, "itemprop"):
        return True
    names = f"{el.get('class') or ''} {el.get('id') or ''}".lower()
    if "author" not in names and "byline" not in names and "writer" not in names:
        return False  # most elements: no need to split names into words
    words = name_words(el)
    return not words.isdisjoint(_BYLINE_WORDS) and words.isdisjoint(_NOT_BYLINE_WORDS)


def _bylines(root: Element) -> Iterator[Element]:
    """Outermost bylines under ``root``, in document order (bounded in number)."""
    found = 0
    walker = etree.iterwalk(root, events=("start",))
    for _event, el in walker:
        if not isinstance(el.tag, str) or el.tag in _SKIP_TAGS:
            walker.skip_subtree()
        elif _is_byline(el):
            walker.skip_subtree()
            found += 1
            yield el
            if found >= _MAX_BYLINES:
                return


def _names_in(el: Element) -> list[str]:
    links = [a for a in el.iter("a") if a is not el]
    if tag_of(el) == "a":
        links = [el]
    from_links = [n for a in links for n in byline_names(plain(a))][:10]
    if from_links:
        return from_links
    inner = [p for p in el.iter() if p is not el and attr_tokens(p, "itemprop") & {"name"}]
    if inner:
        return [n for p in inner for n in byline_names(plain(p))][:10]
    text = plain(el)
    return byline_names(text) if len(text) <= 200 else []


def dom_authors(scopes: Iterable[Element]) -> list[str]:
    """Names from the first byline in ``scopes`` (searched in turn) that has any."""
    seen: set[Element] = set()
    for scope in scopes:
        for el in _bylines(scope):
            if el in seen:
                continue
            seen.add(el)
            names = _names_in(el)
            if names:
                return names
    return []
