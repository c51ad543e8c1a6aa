"""Footnotes and image captions in Markdown, filled in as the blocks are read.

markdown-it's footnote plugin turns ``[^label]`` into ``footnote_ref`` tokens and a
definition into ``footnote_reference_open``/``close`` block tokens (its core rule that moves
definitions to the end never runs: :class:`~.inline.Tokens` runs only the block rules).
:class:`Notes` hooks into the document's inline tokens as each block makes them: it gives
each reference its note's content (``meta["note"]``), reads the caption of every image from
its title (written as inline Markdown, so it may carry formatting and note references:
``meta["caption"]``), and afterwards gives the content of definitions nobody referenced,
which the parser keeps as paragraphs rather than losing them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ...model import Inline, Text, normalize_inlines
from .inline import Tokens, inlines

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

__all__ = ["Notes", "install"]

#: Notes referenced from inside notes: their content joins the outer note (notes do not
#: nest), up to this depth.
_MAX_NESTED = 2


def install(md: MarkdownIt) -> None:
    """Footnotes on ``md`` (mdit-py-plugins)."""
    from mdit_py_plugins.footnote import footnote_plugin

    md.use(footnote_plugin)


def _definitions(blocks: list[Token]) -> dict[str, list[Token]]:
    """Each definition's block tokens by label, in document order."""
    defs: dict[str, list[Token]] = {}
    label: str | None = None
    for tok in blocks:
        if tok.type == "footnote_reference_open":
            label = str(tok.meta.get("label"))
            defs[label] = []
        elif tok.type == "footnote_reference_close":
            label = None
        elif label is not None:
            defs[label].append(tok)
    return defs


class Notes:
    """The notes of one document: installed on its :class:`Tokens` (``doc.annotate``)."""

    def __init__(self, doc: Tokens) -> None:
        self.doc = doc
        self.env: dict[str, Any] = doc.env
        self.defs = _definitions(doc.blocks)
        self.used: set[str] = set()
        self.cache: dict[tuple[str, int], tuple[Inline, ...]] = {}
        doc.annotate = lambda tokens: self.annotate(tokens, 0)

    def children(self, tok: Token) -> list[Token]:
        """A block's inline tokens without the top-level hook (the caller annotates them)."""
        hook, self.doc.annotate = self.doc.annotate, None
        try:
            return self.doc.children(tok)
        finally:
            self.doc.annotate = hook

    def content(self, tok: Token, depth: int) -> tuple[Inline, ...]:
        label = tok.meta.get("label")
        if label is None:  # an inline note ``^[text]``
            entries = self.env.get("footnotes", {}).get("list", {})
            entry = entries.get(int(tok.meta.get("id", -1)), {})
            children = list(entry.get("tokens", []))
            self.annotate(children, depth + 1)
            return normalize_inlines(inlines(children))
        label = str(label)
        self.used.add(label)
        key = (label, depth)
        if key not in self.cache:
            self.cache[key] = ()  # a definition that references itself
            self.cache[key] = self.definition(self.defs.get(label, []), depth + 1)
        return self.cache[key]

    def definition(self, tokens: list[Token], depth: int) -> tuple[Inline, ...]:
        parts: list[Inline] = []
        for tok in tokens:
            if tok.type != "inline":
                continue
            children = self.children(tok)
            self.annotate(children, depth)
            content = inlines(children)
            if content and parts:
                parts.append(Text(text=" "))
            parts.extend(content)
        return normalize_inlines(parts)

    def annotate(self, tokens: list[Token], depth: int) -> None:
        for tok in tokens:
            if tok.type == "footnote_ref":
                tok.meta["note"] = self.content(tok, depth) if depth <= _MAX_NESTED else ()
            elif tok.type == "image":
                self.annotate(list(tok.children or []), depth)
                title = str(tok.attrs.get("title") or "")
                tok.meta["caption"] = self.caption(title, depth) if title else ()

    def caption(self, title: str, depth: int) -> tuple[Inline, ...]:
        hook, self.doc.annotate = self.doc.annotate, None
        try:
            children = self.doc.parse_inline(title)
        finally:
            self.doc.annotate = hook
        self.annotate(children, depth)
        return normalize_inlines(inlines(children))

    def unreferenced(self) -> list[tuple[Inline, ...]]:
        """The content of the definitions nobody referenced (read after every block)."""
        return [
            content
            for label, defs in self.defs.items()
            if label not in self.used and (content := self.definition(defs, 1))
        ]
