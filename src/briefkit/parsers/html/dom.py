"""Loading HTML safely and the small DOM helpers the HTML parser modules share.

Parsing goes through libxml2's HTML parser with network access off. XHTML is read by the
same parser after its XML declaration and DOCTYPE (with any internal subset) are cut off, so
no entity declared in the document is ever expanded and no external entity is ever loaded: a
reference such as ``&lol9;`` stays the literal text it is. libxml2 refuses documents nested
deeper than 256 elements (without its "huge" option, which stays off); that refusal becomes a
:class:`~briefkit.LimitError` instead of a silently truncated tree, as does an element with
more attributes than :data:`~briefkit.limits.MAX_HTML_ATTRIBUTES` (checked before parsing,
because libxml2 compares every attribute of an element with every other). A :class:`Budget`
counts the parts of a brief a page is read into against :data:`~briefkit.limits.MAX_NODES`.
Every walk here is iterative, so no input depth can exhaust Python's stack.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator

from lxml import etree

from ...errors import LimitError, ParseError
from ...limits import MAX_HTML_ATTRIBUTES, MAX_HTML_DEPTH, MAX_NODES
from ...safety import clean_text, collapse_space

__all__ = [
    "Budget",
    "Element",
    "attr_tokens",
    "classes",
    "has_class",
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


# A start tag with more than MAX_HTML_ATTRIBUTES attributes, found the way HTML (and libxml2
# 2.14 with it) tokenizes: after a tag name, any run of space and "/", then an attribute name
# (any characters but space, "/" and ">"; quotes and "<" included), perhaps "=" and a value,
# quoted (to the closing quote or the end) or bare (to space or ">"). The page is read once,
# tag after tag, skipping comments and the text of raw-text elements (scripts, styles, ...),
# where markup is no markup; every part is possessive or atomic, so nothing is read twice.
_WS = r"\t\n\f\r "
_ATTRIBUTE = (
    rf"[{_WS}/]*+[^{_WS}/>][^{_WS}/>=]*+"
    rf"""(?:[{_WS}]*+=[{_WS}]*+(?:"[^"]*+"?|'[^']*+'?|[^{_WS}>]*+))?+"""
)
_TAG_REST = rf"[^{_WS}/>]*+(?:{_ATTRIBUTE}){{0,{MAX_HTML_ATTRIBUTES}}}+[{_WS}/]*+(?:>|\Z)"
_RAW_TAGS = ("script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes")
_RAW_TEXT = "|".join(
    rf"<(?i:{tag})(?![^{_WS}/>]){_TAG_REST}(?:[^<]++|<(?!/(?i:{tag})))*+(?:</(?i:{tag})|\Z)"
    for tag in _RAW_TAGS
)
# No capturing groups: Python's re mishandles them inside possessive repeats.
_CROWDED_PAGE = re.compile(
    rf"(?>(?:[^<]++|<!--(?:[^-]++|-(?!->))*+(?:-->|\Z)|{_RAW_TEXT}"
    rf"|<[A-Za-z]{_TAG_REST}|<(?![A-Za-z]))*+)(?=<[A-Za-z])"
)


class Budget:
    """The parts of a brief (blocks, list items, runs of text, formatting and links) one
    reading of a page may still make; spent as they are read, so a page of a million tiny
    paragraphs is refused at the limit instead of after it has filled memory."""

    __slots__ = ("left", "limit")

    def __init__(self, limit: int | None = None) -> None:
        self.limit = MAX_NODES if limit is None else limit
        self.left = self.limit

    def spend(self, count: int, el: Element) -> None:
        self.left -= count
        if self.left < 0:
            self.refuse(el)

    def refuse(self, el: Element) -> None:
        """Raise the LimitError, naming the element being read and its line."""
        line = el.sourceline
        raise LimitError(
            f"the page has more than {self.limit} parts of a brief (blocks, list items, runs "
            "of text and formatting; MAX_NODES)",
            line=line if isinstance(line, int) else None,
            element=str(el.getroottree().getpath(el)),
        )


def _crowded_tag(text: str) -> int | None:
    """Where the first start tag with too many attributes begins, else None."""
    found = _CROWDED_PAGE.match(text)
    return found.end() if found else None


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
    """True when the element carries any of ``names`` (lower case) as a class token.

    Called for most elements of a page, most of which carry none of the names: a substring
    test rules those out before the class is split into tokens.
    """
    value = el.get("class")
    if not value:
        return False
    value = value.lower()
    for name in names:
        if name in value:
            return not frozenset(value.split()).isdisjoint(names)
    return False


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


def text_length(root: Element, skip: Callable[[Element], bool] | None = None) -> int:
    """How much non-space text the element holds, skipping what ``skip`` accepts."""
    return sum(len(t.strip()) for t in _texts(root, skip))


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
