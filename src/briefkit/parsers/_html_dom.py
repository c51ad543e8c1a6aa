"""Loading HTML safely and the small DOM helpers the HTML parser modules share.

Parsing goes through libxml2's HTML parser with network access off. XHTML is read by the
same parser after its XML declaration and DOCTYPE (with any internal subset) are cut off, so
no entity declared in the document is ever expanded and no external entity is ever loaded: a
reference such as ``&lol9;`` stays the literal text it is. libxml2 refuses documents nested
deeper than 256 elements (without its "huge" option, which stays off); that refusal becomes a
:class:`~briefkit.LimitError` instead of a silently truncated tree, as does an element with
more attributes than :data:`~briefkit.limits.MAX_HTML_ATTRIBUTES` (checked before parsing,
because libxml2 compares every attribute of an element with every other). Every walk here is
iterative, so no input depth can exhaust Python's stack.
"""

from __future__ import annotations

import bisect
import re
import threading
from collections.abc import Callable, Iterator

from lxml import etree

from ..errors import LimitError, ParseError
from ..limits import MAX_HTML_ATTRIBUTES, MAX_HTML_DEPTH
from ..safety import clean_text, collapse_space

__all__ = [
    "Element",
    "attr_tokens",
    "classes",
    "has_class",
    "iter_skipping",
    "load_document",
    "plain",
    "tag_of",
    "text_length",
]

Element = etree._Element

_local = threading.local()
_NONE: frozenset[str] = frozenset()

# The XML declaration and the DOCTYPE, internal subset included (quoted strings may hold
# "]" or ">"), with any comments or whitespace around them.
_PROLOG = re.compile(
    r"""\A(?:\s+|<\?xml[^>]*>|<!--.*?-->)*"""
    r"""(?:<!doctype(?:[^\[>"']|"[^"]*"|'[^']*')*"""
    r"""(?:\[(?:[^\]"']|"[^"]*"|'[^']*')*\])?\s*>)?""",
    re.IGNORECASE | re.DOTALL,
)


_RAW_TAGS = ("script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes")
# A start tag with more than MAX_HTML_ATTRIBUTES attributes, tokenized as HTML does (and
# libxml2 2.14 with it): after the tag name, any run of space and "/", then a name (any
# characters but space, "/" and ">"; quotes and "<" included), then perhaps "=" and a value,
# quoted (to the closing quote or the end) or bare (to space or ">"). Possessive and atomic,
# so no attempt backtracks: one linear scan of the input.
_ATTRIBUTE = (
    r"""[\t\n\f\r /]*+[^\t\n\f\r />][^\t\n\f\r />=]*+"""
    r"""(?:[\t\n\f\r ]*+=[\t\n\f\r ]*+(?:"[^"]*+"?|'[^']*+'?|[^\t\n\f\r >]*+))?+"""
)
_CROWDED_TAG = re.compile(
    rf"<[A-Za-z][^\t\n\f\r />]*(?>(?:{_ATTRIBUTE}){{{MAX_HTML_ATTRIBUTES + 1}}})"
)


#: Where markup is text: raw-text elements (to their end tag) and comments.
_RAW_OPENER = re.compile(rf"<({'|'.join(_RAW_TAGS)})(?=[\t\n\f\r />])|<!--", re.IGNORECASE)


def _raw_regions(text: str) -> list[tuple[int, int]]:
    """The spans of ``text`` that are raw text or comments, in order, from one scan."""
    regions: list[tuple[int, int]] = []
    start = 0
    lower = text.lower()
    while (opener := _RAW_OPENER.search(text, start)) is not None:
        closer = "-->" if opener.group(1) is None else f"</{opener.group(1).lower()}"
        end = lower.find(closer, opener.end())
        end = len(text) if end < 0 else end + len(closer)
        regions.append((opener.start(), end))
        start = end
    return regions


def _crowded_tag(text: str) -> int | None:
    """Where a start tag with too many attributes begins, else None. A match inside a
    script, style, comment or another element whose content is text is no tag (the spans
    of those are found only when the fast scan matches, which ordinary pages never make
    it do)."""
    start = 0
    regions: list[tuple[int, int]] | None = None
    while (found := _CROWDED_TAG.search(text, start)) is not None:
        at = found.start()
        regions = regions if regions is not None else _raw_regions(text)
        index = bisect.bisect_right(regions, (at, len(text) + 1)) - 1
        if index < 0 or not regions[index][0] < at < regions[index][1]:
            return at
        start = regions[index][1]
    return None


def _parser() -> etree.HTMLParser:
    """One parser per thread: lxml parsers are cheap to reuse but not thread-safe.

    A plain :class:`lxml.etree.HTMLParser`, not :mod:`lxml.html`'s: that one looks up a
    Python element class for every element proxy, and the parser uses no
    ``HtmlElement``-only method.
    """
    parser: etree.HTMLParser | None = getattr(_local, "parser", None)
    if parser is None:
        parser = etree.HTMLParser(
            no_network=True, remove_comments=True, remove_pis=True, huge_tree=False
        )
        _local.parser = parser
    return parser


def load_document(text: str) -> Element:
    """The root ``<html>`` element of ``text``; ParseError if there is no document at all."""
    text = clean_text(text.lstrip("\ufeff"))
    prolog = _PROLOG.match(text)
    if prolog and prolog.end():
        text = text[prolog.end() :]
    if not text.strip():
        raise ParseError("empty document: no HTML content", element="html")
    crowded = _crowded_tag(text)
    if crowded is not None:
        raise LimitError(
            f"an element has more than {MAX_HTML_ATTRIBUTES} attributes (MAX_HTML_ATTRIBUTES); "
            "the HTML parser's cost grows with the square of that number",
            line=text.count("\n", 0, crowded) + 1,
            element="html",
        )
    parser = _parser()
    try:
        root = etree.fromstring(text, parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise ParseError(f"unreadable HTML: {exc}", element="html") from None
    if root is None:
        raise ParseError("unreadable HTML: Document is empty", element="html")
    for entry in parser.error_log:
        if "depth" in entry.message.lower():
            raise LimitError(
                f"the page's nesting depth exceeds {MAX_HTML_DEPTH} elements "
                "(MAX_HTML_DEPTH); content past that point cannot be read",
                line=entry.line,
                element="html",
            )
        if entry.type_name == "ERR_RESOURCE_LIMIT":
            what = entry.message.split(",")[0].strip()
            raise LimitError(
                f"the page exceeds a parser limit ({what}); content past that point cannot be read",
                line=entry.line,
                element="html",
            )
    return root


def tag_of(el: Element) -> str:
    """The tag name, or "" for comments and other non-element nodes.

    libxml2's HTML parser already lower-cases tag names (ASCII letters, as HTML does), so
    no ``.lower()`` is needed: this is called for nearly every element, several times.
    """
    tag = el.tag
    return tag if isinstance(tag, str) else ""


def attr_tokens(el: Element, name: str) -> frozenset[str]:
    """The whitespace-separated tokens of an attribute, lower-cased (``rel``, ``class``)."""
    value = el.get(name)
    return frozenset(value.lower().split()) if value else _NONE


def classes(el: Element) -> frozenset[str]:
    """The element's class tokens, lower-cased."""
    return attr_tokens(el, "class")


def has_class(el: Element, *names: str) -> bool:
    """True when the element carries any of ``names`` as a class token."""
    return bool(el.get("class")) and not classes(el).isdisjoint(names)


def iter_skipping(root: Element, skip: Callable[[Element], bool]) -> Iterator[Element]:
    """Descendants of ``root`` in document order, not entering elements ``skip`` accepts."""
    walker = etree.iterwalk(root, events=("start",))
    for _event, el in walker:
        if el is not root and skip(el):
            walker.skip_subtree()
            continue
        yield el


def _texts(root: Element, skip: Callable[[Element], bool] | None) -> Iterator[str]:
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        if event == "start":
            if el is not root and (not isinstance(el.tag, str) or (skip and skip(el))):
                walker.skip_subtree()
            elif el.text and isinstance(el.tag, str):
                yield el.text
        elif el is not root and el.tail:
            yield el.tail


def plain(
    root: Element, skip: Callable[[Element], bool] | None = None, *, limit: int | None = None
) -> str:
    """The element's text, whitespace collapsed and stripped (optionally skipping subtrees);
    with ``limit``, only about that many characters from its start are read."""
    if limit is None:
        return collapse_space("".join(_texts(root, skip))).strip()
    parts: list[str] = []
    size = 0
    for text in _texts(root, skip):
        parts.append(text)
        size += len(text)
        if size >= limit:
            break
    return collapse_space("".join(parts)).strip()[:limit]


def text_length(root: Element, skip: Callable[[Element], bool] | None = None) -> int:
    """How much non-space text the element holds, skipping what ``skip`` accepts."""
    return sum(len(t.strip()) for t in _texts(root, skip))
