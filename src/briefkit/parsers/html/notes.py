"""Footnotes in HTML: references become :class:`~briefkit.Note` nodes, their list goes.

A reference is a fragment link to an element of the page that is marked as one
(``role="doc-noteref"``, a ``footnote-ref`` class, Word's ``#_ftnN``/``#_ednN``) or is a short
marker (``1``, ``[2]``, ``*``) in or around a ``<sup>``. The note is the list item holding
the target (or the paragraph, for Word's exported notes); its content is read without the
links back to the reference and without a leading marker repeating the reference's.

Notes that were referenced are removed from the body where they were listed, and so is
the container that held only them (``div.footnotes``, pandoc's ``section`` with its ``hr``,
a ``Notes`` heading directly above or inside it). A listed note nobody references stays
content.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ...model import Inline, Note, normalize_inlines
from .dom import Element, classes, plain, tag_of, text_length

__all__ = ["Notes"]

ConvertNote = Callable[[Element, Callable[[Element], bool]], tuple[Inline, ...]]

_MARKER = re.compile(r"[\[(]?\s*(?:\d{1,3}|[a-z]|[ivx]{1,4}|[*†‡§¶])\s*[\])]?\.?")
_WORD_NOTE = re.compile(r"_(ftn|edn)\d+")
_REF_CLASSES = frozenset({"footnote-ref", "footnote-reference", "footnote", "fn-ref", "noteref"})
_BACK_CLASSES = frozenset(
    {"footnote-back", "footnote-backref", "reversefootnote", "brief-backlink", "fn-back"}
)
_BACK_TEXT = frozenset({"↩", "↩︎", "↑", "^", "back", "return"})
_NOTE_BLOCKS = ("li", "p", "div", "aside", "dd", "section")
_HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
_NOTES_HEADINGS = frozenset({"notes", "note", "footnotes", "endnotes"})


def _targets(root: Element) -> dict[str, Element]:
    """Elements by ``id``, and ``<a name>`` anchors (Word's notes use those)."""
    out: dict[str, Element] = {}
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        ident = el.get("id")
        if ident:
            out.setdefault(ident, el)
        if el.tag == "a" and el.get("name"):
            out.setdefault(str(el.get("name")), el)
    return out


def _note_block(target: Element) -> Element:
    if target.tag in ("li", "p", "aside", "dd", "section") or target.tag == "div":
        return target
    for anc in target.iterancestors():
        if anc.tag in _NOTE_BLOCKS:
            return anc
    return target


class Notes:
    """The footnote references of a page and the notes they point to.

    ``ref(el)`` is the Note an ``<a>`` references (None for any other link) and
    ``listed(el)`` whether an element belongs to a notes list the body must leave out.
    ``convert(el, skip)`` reads inline content, leaving out what ``skip`` accepts.
    """

    def __init__(self, root: Element, convert: ConvertNote, *, strip_markers: bool = True) -> None:
        self.convert = convert
        self.strip_markers = strip_markers
        self.targets = _targets(root)
        self._refs: dict[Element, Element] = {}
        self._notes: dict[Element, tuple[Inline, ...]] = {}
        self.skipped: set[Element] = set()
        for a in root.iter("a"):
            note = self._note_for(a)
            if note is not None:
                self._refs[a] = note
        for note in set(self._refs.values()):
            self.skipped.add(note)
        self._skip_containers()

    def _note_for(self, a: Element) -> Element | None:
        href = str(a.get("href", ""))
        if not href.startswith("#") or len(href) < 2:
            return None
        target = self.targets.get(href[1:])
        if target is None:
            return None
        marker = plain(a)
        role = str(a.get("role", "")).lower()
        word = bool(_WORD_NOTE.fullmatch(href[1:]))
        marked = role == "doc-noteref" or not classes(a).isdisjoint(_REF_CLASSES) or word
        in_sup = any(e.tag == "sup" for e in a.iter()) or (
            (parent := a.getparent()) is not None and parent.tag == "sup"
        )
        if not _MARKER.fullmatch(marker) or not (marked or in_sup):
            return None
        block = _note_block(target)
        if block is a or any(anc is block for anc in a.iterancestors()):
            return None  # the "note" holds its own reference: not a note list
        return block

    def _skip_containers(self) -> None:
        """Skip a container left empty by its notes, with a Notes heading above it."""
        pending = {p for n in self.skipped if (p := n.getparent()) is not None}
        while pending:
            container = pending.pop()
            if container in self.skipped or container.tag in ("body", "html", "article", "main"):
                continue
            headings = {
                el
                for el in container.iter(*_HEADINGS)
                if plain(el).rstrip(":").casefold() in _NOTES_HEADINGS
            }
            if _text_besides(container, self.skipped | headings):
                continue
            self.skipped.add(container)
            self.skipped.update(headings)
            before = container.getprevious()
            while before is not None and not isinstance(before.tag, str):
                before = before.getprevious()
            if (
                before is not None
                and before.tag in _HEADINGS
                and plain(before).rstrip(":").casefold() in _NOTES_HEADINGS
            ):
                self.skipped.add(before)
            parent = container.getparent()
            if parent is not None:
                pending.add(parent)

    def listed(self, el: Element) -> bool:
        return el in self.skipped

    def ref(self, a: Element) -> Note | None:
        block = self._refs.get(a)
        if block is None:
            return None
        content = self._notes.get(block)
        if content is None:
            content = self._content(block, a)
            self._notes[block] = content
        return Note(children=content) if content else None

    def _content(self, block: Element, ref: Element) -> tuple[Inline, ...]:
        back = {"#" + str(v) for v in (ref.get("id"), ref.get("name")) if v}
        for anc in ref.iterancestors():
            if anc.get("id"):
                back.add("#" + str(anc.get("id")))
            if anc.tag not in ("sup", "span"):
                break

        def backlink(el: Element) -> bool:
            if tag_of(el) != "a":
                return False
            return (
                str(el.get("href", "")) in back
                or str(el.get("role", "")).lower() == "doc-backlink"
                or not classes(el).isdisjoint(_BACK_CLASSES)
                or plain(el).casefold() in _BACK_TEXT
            )

        content = normalize_inlines(self.convert(block, backlink))
        if self.strip_markers and content:
            content = _without_marker(content, plain(ref))
        return content


def _text_besides(container: Element, gone: set[Element]) -> int:
    """How much text ``container`` holds outside ``gone`` and its rules."""
    return text_length(container, lambda el: el in gone or el.tag == "hr")


def _without_marker(content: tuple[Inline, ...], marker: str) -> tuple[Inline, ...]:
    """Content without a leading copy of the reference's marker ("1.", "[1]")."""
    from ...model import Text

    first = content[0]
    if not isinstance(first, Text):
        return content
    bare = marker.strip("[]() .")
    match = re.match(r"\s*[\[(]?\s*" + re.escape(bare) + r"\s*[\])]?\.?\s+", first.text)
    if not bare or match is None:
        return content
    return normalize_inlines((Text(text=first.text[match.end() :]), *content[1:]))
