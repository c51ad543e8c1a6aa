"""Inline content to Word runs and back, shared by the DOCX writer and reader.

Word stores a paragraph as a flat row of formatted runs; the model stores a tree.
:func:`flatten` turns a model inline tree into formatted segments (what Word stores),
:func:`group` rebuilds the canonical tree from segments, and shapes record the nesting of
trees that the canonical grouping would not reproduce. The writer and the reader use the
same functions, so the two sides cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..limits import MAX_INLINE_DEPTH
from ..model import Emphasis, Inline, Link, Strong, Text, normalize_inlines

__all__ = ["Seg", "apply_shape", "flatten", "group", "shape_of"]


@dataclass(frozen=True, slots=True)
class Seg:
    """A stretch of text with one formatting: what a Word run (inside a hyperlink) holds.

    ``link`` numbers the ``w:hyperlink`` element the text sits in (-1: none), so two
    neighbouring links to the same address stay two links.
    """

    text: str
    bold: bool = False
    italic: bool = False
    href: str | None = None
    link: int = -1


def flatten(nodes: Iterable[Inline]) -> list[Seg]:
    """The segments Word stores for an inline tree (iterative: depth is unbounded)."""
    out: list[Seg] = []
    counter = 0
    # (node, bold, italic, href, number of the Link node)
    stack: list[tuple[Inline, bool, bool, str | None, int]] = [
        (n, False, False, None, -1) for n in reversed(tuple(nodes))
    ]
    while stack:
        node, bold, italic, href, link = stack.pop()
        if isinstance(node, Text):
            if node.text:
                out.append(Seg(node.text, bold, italic, href, link))
            continue
        if isinstance(node, Strong):
            bold = True
        elif isinstance(node, Emphasis):
            italic = True
        elif isinstance(node, Link):
            href, link = node.href, counter
            counter += 1
        stack.extend((c, bold, italic, href, link) for c in reversed(node.children))
    return _renumber(out)


def _renumber(segs: list[Seg]) -> list[Seg]:
    """Number hyperlink elements as a reader meets them: a new one whenever the link changes."""
    out: list[Seg] = []
    element = -1
    previous = -1
    for seg in segs:
        if seg.link < 0:
            previous = -1
            out.append(seg)
            continue
        if seg.link != previous:
            element += 1
            previous = seg.link
        out.append(Seg(seg.text, seg.bold, seg.italic, seg.href, element))
    return out


_ORDER = {"l": 0, "s": 1, "e": 2}
Key = tuple[Any, ...]


def _keys(seg: Seg) -> tuple[Key, ...]:
    keys: list[Key] = []
    if seg.href is not None:
        keys.append(("l", seg.link, seg.href))
    if seg.bold:
        keys.append(("s",))
    if seg.italic:
        keys.append(("e",))
    return tuple(keys)


def group(segs: Sequence[Seg]) -> tuple[Inline, ...]:
    """The canonical inline tree for segments: formatting that starts earlier or runs longer
    encloses the rest; links, then strong, then emphasis when they tie."""
    keys = [_keys(s) for s in segs]

    def span(key: Key, start: int) -> int:
        end = start
        while end < len(keys) and key in keys[end]:
            end += 1
        return end - start

    root: list[Any] = []
    stack: list[tuple[Key, list[Any]]] = []
    for index, seg in enumerate(segs):
        wanted = keys[index]
        depth = 0
        while depth < len(stack) and stack[depth][0] in wanted:
            depth += 1
        del stack[depth:]
        open_keys = {k for k, _ in stack}
        missing = sorted(
            (k for k in wanted if k not in open_keys),
            key=lambda k: (-span(k, index), _ORDER[k[0]]),
        )
        for key in missing:
            children: list[Any] = []
            (stack[-1][1] if stack else root).append((key, children))
            stack.append((key, children))
        (stack[-1][1] if stack else root).append(seg.text)
    return _build(root)


def _build(items: list[Any]) -> tuple[Inline, ...]:
    out: list[Inline] = []
    for entry in items:
        if isinstance(entry, str):
            out.append(Text(text=entry))
            continue
        key, children = entry
        inner = _build(children)
        if key[0] == "l":
            out.append(Link(href=key[2], children=inner))
        elif key[0] == "s":
            out.append(Strong(children=inner))
        else:
            out.append(Emphasis(children=inner))
    return normalize_inlines(out, strip=False)


def shape_of(nodes: Iterable[Inline]) -> list[Any]:
    """The nesting of an inline tree without its text: text is its length (JSON-ready)."""
    out: list[Any] = []
    for node in nodes:
        if isinstance(node, Text):
            out.append(len(node.text))
        elif isinstance(node, Link):
            out.append(["l", node.href, *shape_of(node.children)])
        else:
            out.append(["s" if isinstance(node, Strong) else "e", *shape_of(node.children)])
    return out


def apply_shape(shape: Any, segs: Sequence[Seg]) -> tuple[Inline, ...] | None:
    """Rebuild the tree ``shape`` describes from the text of ``segs``; None when they do not
    fit together (the document was edited), so the caller keeps the canonical tree."""
    text = "".join(s.text for s in segs)
    pos = 0

    def build(items: Any, depth: int = 0) -> list[Inline]:
        nonlocal pos
        if depth > MAX_INLINE_DEPTH:
            raise ValueError("hint nests too deeply")
        out: list[Inline] = []
        for item in items:
            if isinstance(item, int):
                out.append(Text(text=text[pos : pos + item]))
                pos += item
            elif item[0] == "l":
                out.append(Link(href=item[1], children=tuple(build(item[2:], depth + 1))))
            elif item[0] == "s":
                out.append(Strong(children=tuple(build(item[1:], depth + 1))))
            else:
                out.append(Emphasis(children=tuple(build(item[1:], depth + 1))))
        return out

    try:
        nodes = normalize_inlines(build(shape))
    except (TypeError, ValueError, IndexError, KeyError):
        return None
    if pos != len(text):
        return None
    if normalize_inlines(group(flatten(nodes))) != normalize_inlines(group(segs)):
        return None
    return nodes
