"""YAML front matter at the top of a pasted text: a Markdown export's or a static site's
source ("---", "title: ...", "date: ...", "---"), read as the Markdown parser reads it.

A text is no Markdown file, so the block is taken only when it reads: a rule, a mapping that
names a brief field, a closing rule within ``_MAX_LINES``. Anything else (a rule over prose,
YAML that does not load) stays text, so no word of it is lost.
"""

from __future__ import annotations

from typing import Any

from ...errors import BriefkitError
from ..markdown.frontmatter import metadata, split_front_matter

__all__ = ["take_front_matter"]

_MAX_LINES = 200
_REACH = 40  # the lines under the front matter where the page prints its headline
_RULES = ("---", "...")
#: The keys that make a block the brief's front matter rather than a rule over text.
_FIELDS = frozenset(
    ("title", "date", "author", "authors", "published", "updated", "tags", "categories")
)


def take_front_matter(lines: list[str], start: int) -> dict[str, Any]:
    """The brief fields of front matter opening at ``lines[start]``, or {}. Its lines are
    blanked in place (the line count stays, for the line numbers errors give), and a title
    it names that the text does not print is written where the closing rule stood, for
    the title finder to read."""
    if lines[start].strip() != "---":
        return {}
    reach = range(start + 1, min(len(lines), start + _MAX_LINES))
    end = next((i for i in reach if lines[i].strip() in _RULES), None)
    if end is None:
        return {}
    try:
        front, _, _ = split_front_matter("\n".join(lines[start : end + 1]) + "\n")
        if not _FIELDS & front.keys():
            return {}
        meta = metadata(front)
    except BriefkitError:  # not YAML, or fields of the wrong type: the lines stay text
        return {}
    lines[start : end + 1] = [""] * (end + 1 - start)
    title = meta.pop("title", None)
    if title and not _printed(title, lines[end + 1 : end + 1 + _REACH]):
        lines[end] = title
    return {key: value for key, value in meta.items() if value not in (None, ())}


def _printed(title: str, lines: list[str]) -> bool:
    """Whether the text under the front matter prints the title (as a "# " heading, say):
    then the title finder reads it there, past the site's furniture above it."""
    key = " ".join(title.split()).casefold()
    return any(" ".join(line.strip("#*_ \t").split()).casefold() == key for line in lines)
