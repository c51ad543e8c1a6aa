"""Markdown briefs: briefkit's own Markdown output and the Markdown analysts write by hand.

The document is read with markdown-it-py (CommonMark, raw HTML off so ``<script>`` stays
text, no linkify) and YAML front matter with a safe loader. The title is the front
matter's ``title`` or a leading ``# Title``; every later heading starts a section whose kind
comes from the shared heading vocabulary (front matter ``kinds`` overrides it). A paragraph
opening with a bold vocabulary label (``**Overview:** text``) starts a section too, and a
list item opening with ``**Lead:**`` or ``**Lead**:`` gets a lead-in. Only ``**`` bold counts
for both, so the renderer can write ``__Label:__`` when such text is ordinary content. A
trailing ``Previous: [title](href)`` / ``Next: ...`` run (after a ``---`` rule, which also
allows titles without links) becomes the brief's neighbours; front matter ``prev`` / ``next``
(``{title: ..., href: ...}``) are used when there is no such tail. Unsafe links, in the body
or the front matter, are dropped and their text kept.

The token stream is walked iteratively; nothing recurses on the input's nesting. The pieces:
``_md_frontmatter`` (YAML), ``_md_inline`` (markdown-it and inline content), ``_md_blocks``
(top-level blocks), ``_md_nav`` (the navigation tail), ``_md_syntax`` (rules shared with the
Markdown renderer).
"""

from __future__ import annotations

from pydantic import ValidationError

from ...errors import LimitError, ParseError
from ...model import Block, Brief, Figure, Inline, Paragraph, Section, Table
from ...safety import clean_text, collapse_space
from ...syntax.markdown import implied_kind, inline_heading, lead_in, nav_label
from .blocks import Node, top_nodes
from .frontmatter import MAX_FRONT_MATTER, metadata, section_kinds, split_front_matter
from .inline import MAX_NESTING, Tokens
from .nav import take_nav
from .notes import Notes
from .tables import FIGURE_CAPTION, apply_hints, caption_of

__all__ = [
    "MAX_FRONT_MATTER",
    "implied_kind",
    "inline_heading",
    "lead_in",
    "nav_label",
    "parse_markdown",
]


# --- the brief ----------------------------------------------------------------------------


def _sections(nodes: list[Node]) -> list[Section]:
    sections: list[Section] = []
    heading: str | None = None
    blocks: list[Block] = []
    started = False

    def flush() -> None:
        if started:
            sections.append(Section(kind=implied_kind(heading), heading=heading, blocks=blocks))

    for node in nodes:
        if node.kind == "heading":
            flush()
            heading, blocks, started = node.text or None, [], True
            continue
        if node.kind == "paragraph":
            split = inline_heading(node.content) if node.bold_lead else None
            if split is not None:
                flush()
                heading, blocks, started = split[0], [], True
                if split[1]:
                    blocks.append(Paragraph(content=split[1]))
                continue
            block: Block | None = Paragraph(content=node.content) if node.content else None
        else:
            block = node.block
        if block is not None:
            blocks.append(block)
            started = True
    flush()
    return sections


def _media(
    nodes: list[Node], front: dict[str, object], unreferenced: list[tuple[Inline, ...]]
) -> list[Node]:
    """Table captions joined to their tables, front matter hints applied, and footnote
    definitions nobody referenced kept as paragraphs at the end."""
    out: list[Node] = []
    for node in nodes:
        last = out[-1] if out else None
        if last is not None and isinstance(last.block, Table) and node.kind == "paragraph":
            caption = caption_of(node.source, node.content)
            if caption is not None:
                last.block = last.block.model_copy(update={"caption": caption})
                continue
        if last is not None and isinstance(last.block, Figure) and node.kind == "paragraph":
            caption = caption_of(node.source, node.content, FIGURE_CAPTION)
            if caption is not None:
                last.block = last.block.model_copy(update={"caption": caption})
                continue
        out.append(node)
    blocks = [n.block for n in out if n.kind == "block" and n.block is not None]
    hinted = iter(apply_hints(blocks, front))
    for node in out:
        if node.kind == "block" and node.block is not None:
            node.block = next(hinted)
    line = out[-1].line if out else 1
    out.extend(Node("block", line, block=Paragraph(content=c)) for c in unreferenced)
    return out


def parse_markdown(text: str) -> Brief:
    """A brief from Markdown with optional YAML front matter.

    Raises :class:`~briefkit.ParseError` when there is no title, the front matter is not a
    YAML mapping, or a field is invalid; :class:`~briefkit.LimitError` when the front matter
    or the nesting is beyond the limits.
    """
    from .. import validation_message

    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    front, body, offset = split_front_matter(text)
    meta = metadata(front)
    kinds = section_kinds(front)
    doc = Tokens(body, offset)
    notes = Notes(doc)
    for tok in doc.blocks:
        if tok.nesting == 1 and tok.level >= MAX_NESTING - 2:
            line = (tok.map[0] if tok.map else 0) + offset + 1
            raise LimitError("lists and quotes nest too deeply", line=line)
    nodes = top_nodes(doc, offset)
    unreferenced = notes.unreferenced()
    while nodes and nodes[0].kind == "rule":
        nodes.pop(0)  # a rule is decoration, and may come before the title
    title = meta.get("title")
    first = nodes[0] if nodes else None
    if first is not None and first.kind == "heading":
        if title is None and first.level == 1:
            title = first.text
            nodes.pop(0)
        elif title is not None and collapse_space(title).strip() == first.text:
            nodes.pop(0)
    if not title or not collapse_space(clean_text(title)).strip():
        raise ParseError(
            "no title: start the document with '# Title' or set 'title:' in front matter",
            line=first.line if first else offset + 1,
        )
    nav = take_nav(nodes)
    nodes = _media(nodes, front, unreferenced)
    sections = _sections(nodes)
    if kinds is not None:
        if len(kinds) != len(sections):
            raise ParseError(
                f"front matter 'kinds' lists {len(kinds)} kinds but the document has "
                f"{len(sections)} sections",
                line=1,
            )
        sections = [s.model_copy(update={"kind": k}) for s, k in zip(sections, kinds, strict=True)]
    meta.update(
        title=title,
        sections=tuple(sections),
        prev=nav.get("prev", meta.get("prev")),
        next=nav.get("next", meta.get("next")),
    )
    try:
        return Brief(**meta)
    except ValidationError as exc:
        raise ParseError(validation_message(exc)) from None
