"""schema.org JSON-LD blocks of a page: the Article node and the site's own name.

The blocks are untrusted JSON: malformed, deeply nested or huge ones are skipped, never
raised on, and only a bounded number of nodes is looked at.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from .dom import Element

__all__ = ["JsonLd", "names_of", "people_of", "read_json_ld", "strings_of"]

_ARTICLE_TYPES = frozenset(
    {
        "article",
        "newsarticle",
        "blogposting",
        "report",
        "analysisnewsarticle",
        "backgroundnewsarticle",
        "opinionnewsarticle",
        "reportagenewsarticle",
        "scholarlyarticle",
        "techarticle",
        "socialmediaposting",
        "posting",
    }
)
_MAX_NODES = 2000


@dataclass(slots=True)
class JsonLd:
    """The Article node of the page (empty when none) and the site names found."""

    article: dict[str, Any] = field(default_factory=dict)
    site_names: list[str] = field(default_factory=list)


def _types(node: dict[str, Any]) -> set[str]:
    value = node.get("@type")
    values = value if isinstance(value, list) else [value]
    return {v.lower() for v in values if isinstance(v, str)}


def _nodes(data: Any) -> list[dict[str, Any]]:
    """Top-level nodes, those of ``@graph`` lists included (iterative, bounded)."""
    out: list[dict[str, Any]] = []
    stack = [data]
    while stack and len(out) < _MAX_NODES:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(reversed(item[:_MAX_NODES]))
        elif isinstance(item, dict):
            out.append(item)
            graph = item.get("@graph")
            if isinstance(graph, list):
                stack.extend(reversed(graph[:_MAX_NODES]))
    return out


def strings_of(value: Any) -> list[str]:
    """Plain strings from a JSON value that should be a string or a list of strings."""
    values = value if isinstance(value, list) else [value]
    return [v.strip() for v in values if isinstance(v, str) and v.strip()]


def names_of(value: Any, *, people: bool) -> list[str]:
    """Names from ``author``/``publisher`` values: strings or ``{"name": ...}`` nodes.

    With ``people`` organisations are left out (a site credited as author is no author).
    """
    values = value if isinstance(value, list) else [value]
    out: list[str] = []
    for v in values:
        if isinstance(v, str):
            out.extend(strings_of(v))
        elif isinstance(v, dict):
            if people and _types(v) & {"organization", "newsmediaorganization", "website"}:
                continue
            out.extend(strings_of(v.get("name")))
    return out


#: The wrappers pages put around script content for old XHTML parsers: a CDATA section,
#: possibly behind JavaScript comments, and HTML comments.
_WRAPPER = re.compile(
    r"^\s*(?:/\*\s*|//\s*)?(?:<!\[CDATA\[|<!--)(?:\s*\*/)?"
    r"|(?:/\*\s*|//\s*)?(?:\]\]>|-->)(?:\s*\*/)?\s*$"
)


def _unwrap(text: str) -> str:
    return _WRAPPER.sub("", text) if "<!" in text or "]]>" in text or "-->" in text else text


def people_of(value: Any) -> list[str]:
    """Names of the nodes in an ``author`` value typed as a ``Person``."""
    values = value if isinstance(value, list) else [value]
    return [
        name
        for v in values
        if isinstance(v, dict) and "person" in _types(v)
        for name in strings_of(v.get("name"))
    ]


def read_json_ld(doc: Element) -> JsonLd:
    """Every ``application/ld+json`` block of the page, read into one :class:`JsonLd`."""
    found = JsonLd()
    fallback: dict[str, Any] = {}
    for script in doc.iter("script"):
        if str(script.get("type", "")).strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(_unwrap(script.text or ""))
        except (ValueError, RecursionError):
            continue
        for node in _nodes(data):
            types = _types(node)
            if types & _ARTICLE_TYPES and not found.article:
                found.article = node
            elif "headline" in node and not fallback:
                fallback = node
            if "website" in types:
                found.site_names.extend(strings_of(node.get("name")))
            if types & _ARTICLE_TYPES or "headline" in node:
                found.site_names.extend(names_of(node.get("publisher"), people=False))
    if not found.article:
        found.article = fallback
    return found
