"""A griffe extension for the API reference: Sphinx roles in docstrings become links.

briefkit's docstrings cross-reference with Sphinx roles (``:class:`~briefkit.ParseError```),
which Markdown would show verbatim. This turns a role naming a public object of
``briefkit`` into an mkdocs-autorefs link (``[`ParseError`][briefkit.ParseError]``) and any
other role into inline code, so the strict build never meets an unresolvable reference.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

import briefkit

_ROLE = re.compile(r":(?:py:)?(?:class|func|meth|mod|attr|exc|data|obj):`(~?)([^`]+)`")
_PUBLIC = frozenset(briefkit.__all__)


def _replace(match: re.Match[str]) -> str:
    tilde, target = match.group(1), match.group(2).strip()
    name = target.rsplit(".", 1)[-1]
    shown = name if tilde else target.lstrip(".")
    if target.startswith("briefkit.") and name in _PUBLIC:
        return f"[`{shown}`][briefkit.{name}]"
    return f"`{shown}`"


def convert(text: str) -> str:
    """Docstring text with every Sphinx role replaced."""
    return _ROLE.sub(_replace, text)


class SphinxRoles(griffe.Extension):
    """Rewrites the docstring of every object griffe loads."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = convert(obj.docstring.value)
