"""Inline content of an HTML element: strong, emphasis and links, iteratively.

Everything else inline (``span``, ``u``, ``code``, ...) is transparent: its text is kept, its
markup is not. Block elements met inside inline content (a ``p`` inside an ``li``) become a
space so their words do not run together. A ``<br>`` directly in the converted element is kept
as a :data:`BREAK` marker, because "strong heading, line break, text" is a heading shape; a
``<br>`` deeper inside formatting is just a space.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import Final

from lxml import etree

from ...limits import MAX_INLINE_DEPTH
from ...model import Emphasis, Inline, Link, Note, Strong, Text
from ...safety import clean_text, is_safe_href, join_url, split_url
from .dom import Budget, Element

__all__ = ["BREAK", "Break", "LinkResolver", "Raw", "convert_inline", "finish"]


class Break:
    """A line break directly inside the converted element."""

    def __repr__(self) -> str:
        return "BREAK"


BREAK: Final = Break()
#: Unfinished inline content: strings, finished nodes and line breaks.
Raw = str | Text | Strong | Emphasis | Link | Note | Break

_URL_NOISE = re.compile("[\t\n\r]")
_UNBOUNDED = 2**62  # what a conversion given no budget may spend
_FORMATTING = frozenset({"strong", "emphasis", "link"})
_STRONG = frozenset({"strong", "b"})
_EMPHASIS = frozenset({"em", "i"})
#: Elements whose content is not text a reader sees. (libxml2 nests the text that follows
#: ``embed``, ``source``, ``track`` and ``wbr`` inside them, so those stay transparent;
#: ``img`` and ``picture`` hold no text and are read as figures, see :mod:`.tables`.)
NOT_TEXT = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "iframe",
        "object",
        "applet",
        "svg",
        "math",
        "canvas",
        "video",
        "audio",
        "map",
        "area",
        "input",
        "select",
        "textarea",
        "button",
        "head",
        "title",
        "meta",
        "link",
        "base",
        "param",
        "frame",
        "frameset",
        "noembed",
        "noframes",
    }
)
#: Block-level elements: separated by a space when they appear inside inline content.
BLOCKISH = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "main",
        "header",
        "footer",
        "aside",
        "nav",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "ul",
        "ol",
        "li",
        "dl",
        "dt",
        "dd",
        "blockquote",
        "pre",
        "table",
        "tr",
        "td",
        "th",
        "caption",
        "figure",
        "figcaption",
        "address",
        "hr",
        "center",
        "details",
        "summary",
        "form",
        "fieldset",
        "menu",
    }
)


class LinkResolver:
    """Makes hrefs absolute against a base (when there is one) and drops unsafe ones.

    A scraped page's ``//host/path`` links take ``https`` when there is no base
    (``scheme_relative="https"``): left relative, a document viewer may read them as a
    network share.

    A base no URL parser accepts (``http://[::1``, a port out of range) is no base: links
    stay as written rather than all being lost. An href that cannot be resolved against the
    base is dropped (its text stays); without a base hrefs are kept as written.
    """

    def __init__(self, base: str | None, *, scheme_relative: str | None = None) -> None:
        self.base = base if base and split_url(base) is not None else None
        self.scheme_relative = scheme_relative

    def __call__(self, href: str | None) -> str | None:
        """The href to store, or None when the link must go (its text stays)."""
        if href is None:
            return None
        href = _URL_NOISE.sub("", clean_text(href).strip())  # as the URL standard reads it
        if not is_safe_href(href):
            return None
        if self.base:
            joined = join_url(self.base, href)
            if joined is None or not is_safe_href(joined):
                return None
            href = joined
        elif self.scheme_relative and href.startswith("//"):
            href = f"{self.scheme_relative}:{href}"
        return href


def finish(parts: Iterable[Raw]) -> tuple[Inline, ...]:
    """Finished inline nodes from raw parts (line breaks become spaces)."""
    out: list[Inline] = []
    buffer: list[str] = []
    for part in parts:
        if isinstance(part, str):
            buffer.append(part)
        elif isinstance(part, Break):
            buffer.append(" ")
        elif isinstance(part, Text):
            buffer.append(part.text)
        else:
            if buffer:
                out.append(Text(text="".join(buffer)))
                buffer = []
            out.append(part)
    if buffer:
        out.append(Text(text="".join(buffer)))
    return tuple(out)


class _Frame:
    __slots__ = ("href", "kind", "parts")

    def __init__(self, kind: str, href: str | None = None) -> None:
        self.kind = kind  # "strong", "emphasis", "link", "plain", "skip", "root"
        self.href = href
        self.parts: list[Raw] = []

    def node(self) -> Sequence[Raw]:
        if self.kind == "strong":
            return (Strong(children=finish(self.parts)),)
        if self.kind == "emphasis":
            return (Emphasis(children=finish(self.parts)),)
        if self.kind == "link":
            assert self.href is not None
            return (Link(href=self.href, children=finish(self.parts)),)
        return self.parts


def convert_inline(
    root: Element,
    *,
    links: Callable[[str | None], str | None],
    skip: Callable[[Element], bool] = lambda el: False,
    include_root: bool = False,
    stop: frozenset[str] = frozenset(),
    flatten: bool = True,
    notes: Callable[[Element], Note | None] | None = None,
    budget: Budget | None = None,
) -> list[Raw]:
    """The inline content of ``root`` as raw parts (its tail is not included).

    ``include_root`` converts the element itself (a ``strong`` met in loose text) rather than
    only its content; ``stop`` names tags whose subtrees are left out (nested lists, which
    their own items carry). With ``flatten`` formatting already in effect is not nested
    again (``<b><b>x</b></b>`` is one Strong); either way formatting deeper than
    :data:`~briefkit.limits.MAX_INLINE_DEPTH` is kept as its text. ``notes`` says which
    links are footnote references (see :mod:`.notes`): those become Notes. Every run of
    text and every strong, emphasis, link or note made is spent from ``budget``.
    """
    left = budget.left if budget is not None else _UNBOUNDED  # (a local: this loop is hot)
    frames: list[_Frame] = [_Frame("root")]
    open_kinds = dict.fromkeys(_FORMATTING, 0)
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        tag = el.tag
        if not isinstance(tag, str):  # (tag_of, inlined: this runs for every node)
            tag = ""
        if event == "start":
            if el is root and not include_root:
                if el.text:
                    frames[-1].parts.append(el.text)
                    left -= 1
                continue
            if not tag or tag in NOT_TEXT or tag in stop or skip(el):
                walker.skip_subtree()
                frames.append(_Frame("skip"))
                continue
            note = notes(el) if notes is not None and tag == "a" else None
            if note is not None:
                frames[-1].parts.append(note)
                left -= 1 + len(note.children)
                walker.skip_subtree()
                frames.append(_Frame("skip"))
                continue
            if tag == "br":
                in_formatting = any(open_kinds.values())
                frames[-1].parts.append(" " if in_formatting else BREAK)
                frames.append(_Frame("plain"))
                continue
            frame = _frame_for(el, tag, links)
            if frame.kind in open_kinds:
                depth = sum(open_kinds.values())
                if (flatten and open_kinds[frame.kind]) or depth >= MAX_INLINE_DEPTH:
                    frame = _Frame("plain")
                else:
                    open_kinds[frame.kind] += 1
                    left -= 1
            if tag in BLOCKISH:
                frames[-1].parts.append(" ")
                frame.parts.append(" ")
            frames.append(frame)
            if el.text:
                frame.parts.append(el.text)
                left -= 1
            if left < 0 and budget is not None:
                budget.refuse(el)
        else:
            if el is root and not include_root:
                continue
            frame = frames.pop()
            if frame.kind in open_kinds:
                open_kinds[frame.kind] -= 1
            if frame.kind != "skip":
                frames[-1].parts.extend(frame.node())
                if tag in BLOCKISH:
                    frames[-1].parts.append(" ")
            if el.tail and el is not root:
                frames[-1].parts.append(el.tail)
                left -= 1
    if budget is not None:
        budget.left = left
        if left < 0:
            budget.refuse(root)
    return frames[0].parts


def _frame_for(el: Element, tag: str, links: Callable[[str | None], str | None]) -> _Frame:
    if tag in _STRONG:
        return _Frame("strong")
    if tag in _EMPHASIS:
        return _Frame("emphasis")
    if tag == "a":
        href = links(el.get("href"))
        if href is not None:
            return _Frame("link", href)
    return _Frame("plain")
