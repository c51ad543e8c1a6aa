"""The model's inline content and the field types every model shares: text, strong,
emphasis, links and notes, and the rules that make two equal readings compare equal
(whitespace collapsed, adjacent text merged, edge spaces moved out, depth capped)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator

from ..images import check_src
from ..limits import MAX_INLINE_DEPTH
from ..safety import clean_text, collapse_space, is_safe_href


def _clean_line(value: str) -> str:
    return collapse_space(clean_text(value)).strip()


def _check_href(value: str) -> str:
    value = clean_text(value).strip()
    if not is_safe_href(value):
        raise ValueError(f"unsafe link {value[:60]!r}: only http, https, mailto and relative links")
    return value


#: A single line of text: cleaned of characters XML cannot hold, whitespace collapsed.
Line = Annotated[str, AfterValidator(_clean_line)]
#: A link target: http(s), mailto or relative; other schemes are rejected.
Href = Annotated[str, AfterValidator(_check_href)]
#: An optional line: empty (or all whitespace) is None.
OptionalLine = Annotated[Line | None, AfterValidator(lambda value: value or None)]
#: A figure's image: http(s), relative, or a base64 data: image (see ``images.check_src``).
Src = Annotated[str, AfterValidator(check_src)]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=False)


# --- inline content ---------------------------------------------------------------------


class Text(_Frozen):
    """Plain text."""

    type: Literal["text"] = "text"
    text: Annotated[str, AfterValidator(clean_text)]

    @property
    def plain(self) -> str:
        return self.text


class _Container(_Frozen):
    children: tuple[Inline, ...] = ()

    @field_validator("children", mode="after")
    @classmethod
    def _normalize(cls, value: tuple[Inline, ...]) -> tuple[Inline, ...]:
        return normalize_inlines(value, strip=False)

    @property
    def text(self) -> str:
        """The plain text of the children."""
        return plain_text(self.children)

    @property
    def plain(self) -> str:
        return self.text


class Strong(_Container):
    """Strong importance, rendered bold."""

    type: Literal["strong"] = "strong"


class Emphasis(_Container):
    """Stress emphasis, rendered italic."""

    type: Literal["emphasis"] = "emphasis"


class Link(_Container):
    """A hyperlink; ``href`` is http(s), mailto or relative."""

    type: Literal["link"] = "link"
    href: Href

    @field_validator("children", mode="after")
    @classmethod
    def _no_nested_links(cls, value: tuple[Inline, ...]) -> tuple[Inline, ...]:
        """A link inside a link cannot be expressed in HTML, DOCX or Markdown: keep its text."""
        return normalize_inlines(_unlink(value), strip=False)


class Note(_Container):
    """A footnote or endnote: ``children`` is the note's text, the node marks where it is
    referenced. Notes do not nest (a note inside a note keeps its text, not its own mark),
    and a note's content has no outer whitespace."""

    type: Literal["note"] = "note"

    @field_validator("children", mode="after")
    @classmethod
    def _no_nested_notes(cls, value: tuple[Inline, ...]) -> tuple[Inline, ...]:
        if any(_holds_note(n) for n in value):
            value = _unnote(value)
        return normalize_inlines(value)


Inline = Annotated[Text | Strong | Emphasis | Link | Note, Field(discriminator="type")]

# The containers name ``Inline`` before it exists, so their first build was deferred. Build
# them now, once each, before any other model: every model after this reuses their finished
# schemas instead of generating the inline union again (one pass instead of seven).
for _model in (Strong, Emphasis, Link, Note):
    _model.model_rebuild()
del _model


def plain_text(nodes: Iterable[Inline]) -> str:
    """The text of inline nodes with all formatting removed (iterative: depth is unbounded).

    A note's text is not part of the text it annotates, so notes are left out (and the
    spaces around one left out collapse).
    """
    out: list[str] = []
    stack: list[Inline] = list(reversed(tuple(nodes)))
    noted = False
    while stack:
        node = stack.pop()
        if isinstance(node, Text):
            out.append(node.text)
        elif isinstance(node, Note):
            noted = True
        else:
            stack.extend(reversed(node.children))
    return collapse_space("".join(out)) if noted else "".join(out)


def notes_in(nodes: Iterable[Inline]) -> Iterator[Note]:
    """The notes of an inline sequence in reading order (they never nest)."""
    stack: list[Inline] = list(reversed(tuple(nodes)))
    while stack:
        node = stack.pop()
        if isinstance(node, Note):
            yield node
        elif not isinstance(node, Text):
            stack.extend(reversed(node.children))


def _holds_note(node: Inline) -> bool:
    return next(notes_in((node,)), None) is not None


def _unnote(nodes: tuple[Inline, ...]) -> tuple[Inline, ...]:
    """``nodes`` with every note replaced by its content (notes cannot nest)."""
    out: list[Inline] = []
    for node in nodes:
        if isinstance(node, Note):
            out.extend(node.children)
        elif isinstance(node, Text) or not _holds_note(node):
            out.append(node)
        else:
            out.append(node.model_copy(update={"children": _unnote(node.children)}))
    return tuple(out)


def _split_notes(nodes: tuple[Inline, ...]) -> tuple[tuple[Inline, ...], list[Note]]:
    """(``nodes`` without their notes, the notes): for moving notes out of a link."""
    kept: list[Inline] = []
    notes: list[Note] = []
    for node in nodes:
        if isinstance(node, Note):
            notes.append(node)
        elif isinstance(node, Text) or not _holds_note(node):
            kept.append(node)
        else:
            inner, found = _split_notes(node.children)
            kept.append(type(node).model_validate({**dict(node), "children": inner}))
            notes.extend(found)
    return tuple(kept), notes


def _hoist_notes(nodes: Iterable[Inline]) -> list[Inline]:
    """A note inside a link moves to just after it: no format can reference a note from
    inside a link (HTML cannot nest the two anchors), so that is its canonical place."""
    out: list[Inline] = []
    for node in nodes:
        if isinstance(node, Link) and _holds_note(node):
            kept, notes = _split_notes(node.children)
            out.append(Link(href=node.href, children=kept))
            out.extend(notes)
        else:
            out.append(node)
    return out


def normalize_inlines(nodes: Iterable[Inline], *, strip: bool = True) -> tuple[Inline, ...]:
    """Canonical form of an inline sequence.

    Whitespace runs collapse to one space, empty nodes vanish, adjacent text merges, and
    spaces at the edges of strong/emphasis/link move outside them. With ``strip`` the
    sequence's own outer whitespace is removed (block level).
    """
    if not isinstance(nodes, tuple):
        nodes = tuple(nodes)
    if any(type(n) is Link for n in nodes):
        nodes = _hoist_notes(nodes)
    out: list[Inline] = []
    # Adjacent text not yet in ``out``: one Text per run, built once when the run ends (a
    # run that is one Text already in canonical form is that Text, unchanged).
    run: list[str] = []
    sole: Text | None = None

    def add_text(text: str) -> None:
        if text:
            run.append(text)

    def end_run() -> None:
        nonlocal sole
        if run:
            if len(run) == 1 and sole is not None and _canonical_text(run[0]):
                out.append(sole)
            else:
                out.append(_merged_text(run))
            run.clear()
        sole = None

    for node in nodes:
        if isinstance(node, Text):
            if node.text:
                sole = node if not run and type(node) is Text else None
                run.append(node.text)
            continue
        children = node.children  # already normalised by its own validator
        if not children:
            continue
        lead = trail = ""
        first, last = children[0], children[-1]
        if isinstance(first, Text) and first.text[:1] == " ":
            lead = " "
        if isinstance(last, Text) and last.text[-1:] == " ":
            trail = " "
        if lead or trail:
            children = _trim_edges(children, lead=bool(lead), trail=bool(trail))
            if not children:
                add_text(" ")
                continue
            node = node.model_copy(update={"children": children})
        add_text(lead)
        end_run()
        out.append(node)
        add_text(trail)
    end_run()
    if strip:
        out = list(_trim_edges(tuple(out), lead=True, trail=True))
    return tuple(out)


def _canonical_text(text: str) -> bool:
    """True when collapsing and cleaning would leave ``text`` as it is: every whitespace
    and unsafe character but the space is unprintable, so this needs no regex."""
    return text.isprintable() and "  " not in text


def _merged_text(parts: list[str]) -> Text:
    """One Text for adjacent pieces of text, equal to merging them one at a time.

    Merging piece by piece collapses whitespace (and drops unsafe characters) after every
    step; joining first and collapsing once gives the same text unless a dropped character
    sat between two spaces, which only text that skipped validation can carry: that case
    replays the steps.
    """
    text = collapse_space("".join(parts))
    if len(parts) > 1 and clean_text(text) != text:
        text = clean_text(collapse_space(parts[0]))
        for part in parts[1:]:
            text = clean_text(collapse_space(text + part))
    return Text(text=text)


def _unlink(nodes: tuple[Inline, ...], depth: int = 0) -> tuple[Inline, ...]:
    """``nodes`` with every nested link replaced by its children (formatting kept).

    Stops at ``MAX_INLINE_DEPTH``: blocks turn anything deeper into plain text anyway.
    """
    if depth >= MAX_INLINE_DEPTH or all(isinstance(n, Text) for n in nodes):
        return nodes
    out: list[Inline] = []
    for node in nodes:
        if isinstance(node, Link):
            out.extend(_unlink(node.children, depth + 1))
        elif isinstance(node, Text):
            out.append(node)
        else:
            out.append(node.model_copy(update={"children": _unlink(node.children, depth + 1)}))
    return tuple(out)


def inline_depth(nodes: Iterable[Inline]) -> int:
    """How deeply strong/emphasis/link nest in ``nodes`` (0 for plain text); iterative."""
    deepest = 0
    stack: list[tuple[Inline, int]] = [(n, 1) for n in nodes]
    while stack:
        node, depth = stack.pop()
        if not isinstance(node, Text):
            deepest = max(deepest, depth)
            stack.extend((child, depth + 1) for child in node.children)
    return deepest


def cap_depth(nodes: tuple[Inline, ...], limit: int = MAX_INLINE_DEPTH) -> tuple[Inline, ...]:
    """``nodes`` with formatting nested deeper than ``limit`` turned into its plain text.

    No real brief nests formatting that deep; hostile input does, and pydantic can neither
    serialise nor compare models nested much deeper. The words are kept, only formatting goes.
    """
    if inline_depth(nodes) <= limit:
        return nodes

    def cut(level: tuple[Inline, ...], remaining: int) -> tuple[Inline, ...]:
        out: list[Inline] = []
        for node in level:
            if isinstance(node, Text):
                out.append(node)
            elif remaining <= 0:
                out.append(Text(text=node.text))
            else:
                fields = {**dict(node), "children": cut(node.children, remaining - 1)}
                out.append(type(node).model_validate(fields))
        return normalize_inlines(out, strip=False)

    return cut(nodes, limit)


def _trim_edges(nodes: tuple[Inline, ...], *, lead: bool, trail: bool) -> tuple[Inline, ...]:
    items = list(nodes)
    if lead and items and isinstance(items[0], Text):
        text = items[0].text.lstrip()
        items[0:1] = [Text(text=text)] if text else []
    if trail and items and isinstance(items[-1], Text):
        text = items[-1].text.rstrip()
        items[-1:] = [Text(text=text)] if text else []
    return tuple(items)


def _block_inlines(value: tuple[Inline, ...]) -> tuple[Inline, ...]:
    return normalize_inlines(cap_depth(value))


#: The inline content of a block (a paragraph, a quote, a list item's body): canonical, its
#: outer whitespace stripped, formatting nested deeper than ``MAX_INLINE_DEPTH`` flattened.
Inlines = Annotated[tuple[Inline, ...], AfterValidator(_block_inlines)]


class _InlineBlock(_Frozen):
    content: Inlines = ()

    @property
    def text(self) -> str:
        """The plain text of the block."""
        return plain_text(self.content)
