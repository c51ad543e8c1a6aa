"""markdown-it-py, configured for briefs, and its inline tokens turned into model inlines.

CommonMark with raw HTML off (``<script>`` stays text) and no linkify, plus GFM pipe tables
and footnotes (mdit-py-plugins). Links come through exactly as written and briefkit judges
them itself: an unsafe link keeps its text and loses its target. Images are never fetched;
an image inside text is its alt text (an image alone in a paragraph is a figure, see
:mod:`.tables`). A footnote reference becomes a Note with the content :mod:`.notes` gave
it.

markdown-it keeps half a kilobyte per token, and dense Markdown (``- *a*`` lines) makes a
token of every two bytes, so a whole document's tokens took 800 bytes per input byte.
:class:`Tokens` keeps only the block tokens; the inline tokens of a block are made when it
is read and dropped after, and every token but a closing one counts against
:data:`MAX_TOKENS`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from ...errors import LimitError
from ...limits import MAX_NODES
from ...model import Emphasis, Inline, Link, Note, Strong, Text, normalize_inlines
from ...safety import clean_text, is_safe_href

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

__all__ = ["MAX_NESTING", "MAX_TOKENS", "Tokens", "alt_text", "inlines", "markdown"]

#: Block nesting markdown-it may build; deeper input is refused instead of being cut off.
MAX_NESTING = 40
#: Opening and leaf tokens (closing ones are not counted) one document may make, block and
#: inline: about two per part of the brief.
MAX_TOKENS = 2 * MAX_NODES
_TEXT = ("text", "text_special", "code_inline", "html_inline")


@functools.cache
def markdown() -> MarkdownIt:
    """The shared reader (markdown-it is imported on the first Markdown parse)."""
    from markdown_it import MarkdownIt

    class _Reader(MarkdownIt):
        """Links come through exactly as written: briefkit judges their safety itself."""

        def validateLink(self, url: str) -> bool:
            return True

        def normalizeLink(self, url: str) -> str:
            return url

        def normalizeLinkText(self, link: str) -> str:
            return link

    from .notes import install

    reader = _Reader("commonmark", {"html": False, "linkify": False, "maxNesting": MAX_NESTING})
    reader.enable("table")
    install(reader)
    return reader


class _Budgeted(list["Token"]):
    """A token list that refuses to grow once the document's budget is spent."""

    def __init__(self, owner: Tokens) -> None:
        super().__init__()
        self.owner = owner

    def append(self, token: Token) -> None:
        if token.nesting >= 0:  # an opening or a leaf token makes a part; a closing one none
            self.owner.left -= 1
        if self.owner.left < 0:
            # A block rule sets a token's map after pushing it: the last mapped one is near.
            mapped = next((t.map for t in (token, *self[-8:][::-1]) if t.map), None)
            line = (mapped[0] + 1 + self.owner.offset) if mapped else None
            raise LimitError(
                f"the document has more than {MAX_TOKENS} Markdown elements "
                f"(about {MAX_TOKENS // 2} parts of a brief)",
                line=line,
            )
        super().append(token)


class Tokens:
    """One document's block tokens, and each block's inline tokens on demand; ``offset``
    is the number of lines before ``text`` (front matter), for the lines errors name."""

    def __init__(self, text: str, offset: int = 0) -> None:
        from markdown_it.rules_core import StateCore, block, normalize

        self.left = MAX_TOKENS
        self.offset = offset
        self.env: dict[str, object] = {}
        #: Called with every block's new inline tokens (the notes reader fills in notes).
        self.annotate: Callable[[list[Token]], None] | None = None
        state = StateCore(text, markdown(), self.env)
        state.tokens = _Budgeted(self)  # (not an argument: StateCore replaces an empty list)
        normalize(state)
        block(state)
        self.blocks: list[Token] = state.tokens

    def children(self, inline: Token) -> list[Token]:
        """The inline tokens of an ``inline`` block token, made anew (not kept on it)."""
        md = markdown()
        # No inline token is made without consuming a character, so content within the
        # budget cannot overspend it: then a plain list (cheaper) is charged afterwards.
        out: list[Token] = [] if len(inline.content) <= self.left else _Budgeted(self)
        try:
            md.inline.parse(inline.content, md, self.env, out)
        except LimitError as exc:  # inline tokens have no line: the block's is the place
            if exc.line is None and inline.map:
                exc.line = inline.map[0] + 1 + self.offset
                exc.args = (exc._describe(),)
            raise
        if not isinstance(out, _Budgeted):
            self.left -= sum(1 for t in out if t.nesting >= 0)
        if self.annotate is not None:
            self.annotate(out)
        return out

    def parse_inline(self, text: str) -> list[Token]:
        """Inline tokens of ``text`` that is no block of the document (an image title)."""
        md = markdown()
        out: list[Token] = _Budgeted(self)
        md.inline.parse(text, md, self.env, out)
        if self.annotate is not None:
            self.annotate(out)
        return out


def inlines(tokens: Sequence[Token]) -> tuple[Inline, ...]:
    """Model inlines from markdown-it inline tokens (a flat open/close stream)."""
    stack: list[tuple[str, str, list[Inline]]] = [("", "", [])]
    text: list[str] = []  # adjacent text, breaks and escapes: one Text node
    for tok in tokens:
        kind = tok.type
        if kind in _TEXT:
            text.append(tok.content)
            continue
        if kind in ("softbreak", "hardbreak"):
            text.append(" ")
            continue
        if text:
            stack[-1][2].append(Text(text="".join(text)))
            text = []
        if kind == "image":
            stack[-1][2].append(Text(text=alt_text(tok)))
        elif kind == "footnote_ref" and tok.meta.get("note"):
            stack[-1][2].append(Note(children=tok.meta["note"]))
        elif kind in ("strong_open", "em_open", "link_open"):
            stack.append((kind, str(tok.attrs.get("href", "")), []))
        elif kind in ("strong_close", "em_close", "link_close") and len(stack) > 1:
            _close(stack)
    if text:
        stack[-1][2].append(Text(text="".join(text)))
    while len(stack) > 1:
        _close(stack)
    return normalize_inlines(stack[0][2])


def _close(stack: list[tuple[str, str, list[Inline]]]) -> None:
    kind, href, children = stack.pop()
    parent = stack[-1][2]
    if kind == "strong_open":
        parent.append(Strong(children=tuple(children)))
    elif kind == "em_open":
        parent.append(Emphasis(children=tuple(children)))
    elif is_safe_href(clean_text(href).strip()):
        parent.append(Link(href=href, children=tuple(children)))
    else:
        parent.extend(children)  # an unsafe link keeps its text, loses its target


def alt_text(image: Token) -> str:
    """An image's alternative text (images are never fetched; their alt text is content)."""
    out: list[str] = []
    pending: list[Token] = list(reversed(image.children or []))
    while pending:
        tok = pending.pop()
        if tok.type == "image":
            pending.extend(reversed(tok.children or []))
        elif tok.type in _TEXT:
            out.append(tok.content)
        elif tok.type in ("softbreak", "hardbreak"):
            out.append(" ")
    return "".join(out)
