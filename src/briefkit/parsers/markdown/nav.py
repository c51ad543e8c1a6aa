"""The navigation tail: trailing ``Previous: [title](href)`` / ``Next: ...`` paragraphs.

After a ``---`` rule a title without a link counts too; without the rule only linked lines
do, so a closing sentence that happens to start with "Next" stays content. An unsafe href
is dropped and its title kept.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ...model import BriefLink, plain_text
from ...safety import clean_text, collapse_space, is_safe_href
from ...syntax.markdown import NAV, nav_label
from .blocks import Node
from .inline import inlines

if TYPE_CHECKING:
    from markdown_it.token import Token

__all__ = ["take_nav"]


def _nav_lines(tokens: Sequence[Token]) -> list[tuple[str, BriefLink, bool]] | None:
    """A paragraph of ``Previous: [title](href)`` lines: (label, link, written as a link).

    A line ends at a line break outside any link: a link's text may be hard-wrapped
    (``[a long`` / ``title](href)``), and its break is a space in the title.
    """
    lines: list[list[Token]] = [[]]
    depth = 0
    for tok in tokens:
        depth += tok.nesting if tok.type in ("link_open", "link_close") else 0
        if tok.type in ("softbreak", "hardbreak") and depth <= 0:
            lines.append([])
        else:
            lines[-1].append(tok)
    out: list[tuple[str, BriefLink, bool]] = []
    for line in lines:
        entry = _nav_line(line)
        if entry is None:
            return None
        out.append(entry)
    return out


def _nav_line(tokens: Sequence[Token]) -> tuple[str, BriefLink, bool] | None:
    opens = [k for k, t in enumerate(tokens) if t.type == "link_open"]
    if not opens:
        text = plain_text(inlines(tokens))
        label = nav_label(text)
        match = NAV.match(text)
        if label is None or match is None or not text[match.end() :].startswith(":"):
            return None
        title = collapse_space(clean_text(text[match.end() + 1 :])).strip()
        return (label, BriefLink(title=title), False) if title else None
    if len(opens) != 1:
        return None
    k = opens[0]
    close = next((j for j in range(k, len(tokens)) if tokens[j].type == "link_close"), None)
    if close is None:
        return None
    before = plain_text(inlines(tokens[:k]))
    match = NAV.match(before)
    if match is None or before[match.end() :].strip() not in ("", ":"):
        return None
    if plain_text(inlines(tokens[close + 1 :])).strip():
        return None
    label = nav_label(before)
    assert label is not None
    href = clean_text(str(tokens[k].attrs.get("href", ""))).strip()
    title = "" if tokens[k].markup == "autolink" else plain_text(inlines(tokens[k + 1 : close]))
    title = collapse_space(clean_text(title)).strip()
    if not is_safe_href(href):
        href = ""
    if not (title or href):
        return None
    return label, BriefLink(title=title or None, href=href or None), True


def take_nav(nodes: list[Node]) -> dict[str, BriefLink]:
    """Remove the trailing navigation run (and the rule before it) from ``nodes``."""
    found: dict[str, BriefLink] = {}
    all_links = True
    k = len(nodes)
    while k > 0 and nodes[k - 1].kind == "paragraph" and nodes[k - 1].tokens is not None:
        lines = _nav_lines(nodes[k - 1].tokens or [])
        if lines is None or any(label in found for label, _, _ in lines):
            break
        if len({label for label, _, _ in lines}) != len(lines):
            break
        for label, link, is_link in lines:
            found[label] = link
            all_links = all_links and is_link
        k -= 1
    if k > 0 and nodes[k - 1].kind == "rule":
        del nodes[k - 1 :]
        return found
    if found and all_links:
        del nodes[k:]
        return found
    return {}
