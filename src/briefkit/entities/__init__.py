"""The countries and major organisations a brief names, from a small table shipped as data.

``tag(brief)`` finds countries (ISO 3166-1 alpha-2 codes) by their names, common aliases
("U.S.", "U.K.", "DPRK"), demonyms ("Ukrainian") and the capitals and seats that stand for
their governments ("Moscow", "the Kremlin"), and organisations such as NATO, the EU, the UN
and the IAEA, each with the spans where it is named. Possessives ("Ukraine's") are found
with the span on the name. Names that often mean something else (Georgia the state, Jordan
the person) are found but flagged ``ambiguous``; phrases that contain a name without naming
the place ("New Mexico", "Latin America", "Indian Ocean") are skipped.

Nothing is downloaded and no model runs: ``places.tsv`` beside this module is the whole
knowledge, matched case-sensitively (names are proper nouns), longest name first.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib.resources import files
from typing import Any

from ..model import Brief
from ..passages import passages

__all__ = ["Entity", "Mention", "table", "tag", "tag_text"]


@dataclass(frozen=True, slots=True)
class Mention:
    """One place where an entity is named: a passage path and a span of its plain text."""

    path: str
    start: int
    end: int
    text: str
    """The name as written ("U.K.", "Kyiv", "Ukrainian")."""
    ambiguous: bool = False


@dataclass(frozen=True, slots=True)
class Entity:
    """A country or an organisation a brief names, with every mention."""

    kind: str
    """``"country"`` or ``"organisation"``."""
    code: str
    """ISO 3166-1 alpha-2 for a country (``"RU"``); the table's id for an organisation."""
    name: str
    """The table's name ("Russia", "North Atlantic Treaty Organization")."""
    mentions: tuple[Mention, ...]

    @property
    def ambiguous(self) -> bool:
        """True when every mention is by an ambiguous name (needs a person to confirm)."""
        return all(m.ambiguous for m in self.mentions)


@dataclass(frozen=True, slots=True)
class _Name:
    kind: str
    code: str
    name: str
    ambiguous: bool


@dataclass(frozen=True)
class _Table:
    entries: dict[str, _Name | None]  # written name -> entity; None for [not] phrases
    names: dict[tuple[str, str], str]  # (kind, code) -> display name
    pattern: re.Pattern[str]


def _plural(demonym: str) -> list[str]:
    return [demonym, demonym + "s"] if demonym.endswith(("an", "i", "e")) else [demonym]


@functools.cache
def table() -> _Table:
    """The parsed ``places.tsv`` and one pattern of every name in it, longest first."""
    text = (files(__package__) / "places.tsv").read_text(encoding="utf-8")
    entries: dict[str, _Name | None] = {}
    names: dict[tuple[str, str], str] = {}
    kinds = {"[countries]": "country", "[organisations]": "organisation", "[not]": ""}
    kind = ""
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line in kinds:
            kind = kinds[line]
            continue
        if not kind:
            entries[line.strip()] = None
            continue
        code, name, *lists = line.split("\t")
        names[(kind, code)] = name.rstrip("?")
        written = [name]
        for column, cell in enumerate(lists):
            for word in filter(None, cell.split("|")):
                if kind == "country" and column == 1:  # demonyms: "Russian", "Russians"
                    flag = "?" if word.endswith("?") else ""
                    written.extend(w + flag for w in _plural(word.rstrip("?")))
                else:
                    written.append(word)
        for word in written:
            entries.setdefault(word.rstrip("?"), _Name(kind, code, name, word.endswith("?")))
    pattern = re.compile(r"(?<![\w.@/])" + _trie(entries) + r"(?![\w@])")
    return _Table(entries, names, pattern)


def _trie(words: Iterable[str]) -> str:
    """One regex matching any of ``words``, longest first, with shared prefixes factored
    out: the engine then tries one branch per character instead of every name in turn."""
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        branches = [re.escape(c) + build(child) for c, child in sorted(node.items()) if c]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:  # a name ends here: the longer ones are tried first
            return f"(?:{body})?"
        return body

    return build(root)


def tag_text(text: str, *, path: str = "text") -> tuple[Entity, ...]:
    """The entities named in ``text``, in order of first mention."""
    return _entities([(path, text)])


def tag(brief: Brief) -> tuple[Entity, ...]:
    """The entities ``brief`` names (title, summary, headings and body), in order of first
    mention, each with all its mentions."""
    return _entities([(p.path, p.text) for p in passages(brief)])


def _entities(texts: list[tuple[str, str]]) -> tuple[Entity, ...]:
    known = table()
    found: dict[tuple[str, str], list[Mention]] = {}
    for path, text in texts:
        for match in known.pattern.finditer(text):
            entry = known.entries[match.group()]
            if entry is None:
                continue  # "New Mexico" is not Mexico
            mention = Mention(path, match.start(), match.end(), match.group(), entry.ambiguous)
            found.setdefault((entry.kind, entry.code), []).append(mention)
    return tuple(
        Entity(kind, code, known.names[(kind, code)], tuple(mentions))
        for (kind, code), mentions in found.items()
    )
