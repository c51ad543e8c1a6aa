"""The top-level blocks of a Markdown document, before sections are formed.

markdown-it's token stream is flat (open/close pairs with a nesting level), so containers
are found by scanning for their closing token, never by recursion. A list or quote becomes
one model block; whatever is nested inside a list item joins the item's body, so no text is
lost.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...model import (
    Block,
    Inline,
    Item,
    ItemList,
    Paragraph,
    Quote,
    Text,
    normalize_inlines,
    plain_text,
)
from ...syntax.markdown import NAV, lead_in
from .inline import Tokens, inlines
from .tables import figure_of, read_table

if TYPE_CHECKING:
    from markdown_it.token import Token

__all__ = ["Node", "top_nodes"]


@dataclass
class Node:
    """One top-level block of the document."""

    kind: str  # heading, paragraph, block, rule
    line: int
    text: str = ""  # heading text
    level: int = 0  # heading level
    content: tuple[Inline, ...] = ()  # paragraph content
    bold_lead: bool = False  # paragraph opens with ``**`` bold
    tokens: list[Token] | None = None  # inline tokens of a paragraph that may be navigation
    block: Block | None = None  # a ready list, quote, table, figure or code paragraph
    source: str = ""  # a paragraph's inline source as written (a table caption's "Table:")


def top_nodes(doc: Tokens, offset: int) -> list[Node]:
    """The top-level blocks; ``offset`` is the number of lines before the body."""
    tokens = doc.blocks
    out: list[Node] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        end = i + 1
        if tok.nesting == 1:
            while not (tokens[end].level == tok.level and tokens[end].nesting == -1):
                end += 1
            end += 1
        line = (tok.map[0] if tok.map else 0) + offset + 1
        if tok.type == "heading_open":
            text = plain_text(inlines(doc.children(tokens[i + 1])))
            out.append(Node("heading", line, text=text, level=int(tok.tag[1:])))
        elif tok.type == "paragraph_open":
            inline = doc.children(tokens[i + 1])
            figure = figure_of(inline)  # a paragraph that is one image
            if figure:
                out.extend(Node("block", line, block=block) for block in figure)
            else:
                out.append(_paragraph(tokens[i + 1], inline, line))
        elif tok.type == "table_open":
            table = read_table(tokens[i:end], line, doc.children)
            if table is not None:
                out.append(Node("block", line, block=table))
        elif tok.type in ("bullet_list_open", "ordered_list_open"):
            out.append(Node("block", line, block=_list(doc, tokens[i:end], tok)))
        elif tok.type == "blockquote_open":
            out.extend(
                Node("block", line, block=Quote(content=c)) for c in _contents(doc, tokens[i:end])
            )
        elif tok.type in ("fence", "code_block"):
            out.append(Node("block", line, block=Paragraph(content=(Text(text=tok.content),))))
        elif tok.type == "hr":
            out.append(Node("rule", line))
        i = end
    return out


def _paragraph(source: Token, inline: list[Token], line: int) -> Node:
    node = Node("paragraph", line, content=inlines(inline), bold_lead=_opens_with_bold(inline))
    if NAV.match(source.content.lstrip("*_ \t")):  # where a tail may begin
        node.tokens = inline
    node.source = source.content
    return node


def _opens_with_bold(inline: Sequence[Token]) -> bool:
    """True when inline tokens start with ``**`` bold (``__`` bold is ordinary content)."""
    first = next((t for t in inline if t.type != "text" or t.content), None)
    return first is not None and first.type == "strong_open" and first.markup == "**"


def _contents(
    doc: Tokens, tokens: Sequence[Token], *, keep_empty: bool = False
) -> list[tuple[Inline, ...]]:
    """The inline content of every paragraph, heading and code block in a token range."""
    out: list[tuple[Inline, ...]] = []
    in_note = 0  # inside a footnote definition: its text is the note's, not this block's
    for tok in tokens:
        if tok.type in ("footnote_reference_open", "footnote_reference_close"):
            in_note += 1 if tok.nesting == 1 else -1
            continue
        if in_note:
            continue
        if tok.type == "inline":
            content = inlines(doc.children(tok))
        elif tok.type in ("fence", "code_block"):
            content = normalize_inlines((Text(text=tok.content),))
        else:
            continue
        if content or keep_empty:
            out.append(content)
    return out


def _list(doc: Tokens, tokens: Sequence[Token], opening: Token) -> ItemList:
    """A list; nested blocks inside an item join its body, so no text is lost."""
    items: list[Item] = []
    depth = opening.level + 1
    start = 0
    for k, tok in enumerate(tokens):
        if tok.level != depth:
            continue
        if tok.type == "list_item_open":
            start = k + 1
        elif tok.type == "list_item_close":
            items.append(_item(doc, tokens[start:k]))
    return ItemList(ordered=opening.type == "ordered_list_open", items=tuple(items))


def _item(doc: Tokens, tokens: Sequence[Token]) -> Item:
    lead = ""
    if tokens and tokens[0].type == "paragraph_open":
        first = doc.children(tokens[1])  # read once: for the lead-in and as content
        parts = [inlines(first), *_contents(doc, tokens[2:], keep_empty=True)]
        split = lead_in(parts[0]) if _opens_with_bold(first) else None
        if split is not None:
            lead, parts[0] = split
    else:
        parts = _contents(doc, tokens, keep_empty=True)
    body: list[Inline] = []
    for part in parts:
        if body and part:
            body.append(Text(text=" "))
        body.extend(part)
    return Item(lead=lead, body=tuple(body))
