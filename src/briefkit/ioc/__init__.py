"""Indicators of compromise in briefs: find them, defang them, refang them.

A brief that quotes an attacker's infrastructure must not hand a reader a live link to it,
and a threat-intelligence platform wants the same indicators as data. This package finds
URLs, domains, IPv4 and IPv6 addresses, e-mail addresses, MD5/SHA-1/SHA-256 hashes and CVE
ids, written as they are or defanged (``hxxp://``, ``[.]``, ``(.)``, ``[dot]``, ``[@]``,
``[:]``), and says where each was found. It changes only indicator tokens: prose such as
"U.S. and U.K. officials", dates like 13.09.2024 and version numbers never match.

- :func:`extract` / :func:`extract_text`: the indicators, each once, with every location.
- :func:`defang` / :func:`refang`: text with its indicator tokens defanged or restored;
  both are idempotent and leave every other character alone.
- :func:`defang_brief`: the step every renderer applies (``defang="auto"|"all"|"off"``).

It imports only the model and its neighbours, so parsers, renderers and the command line
may all use it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..model import Brief, Inline, Link, Text
from ..passages import passages
from ._brief import DefangMode, Policy, defang_brief
from ._fang import NETWORK, defang_text, defang_token, refang_text
from ._scan import fang, scan

__all__ = [
    "NETWORK_TYPES",
    "TYPES",
    "DefangMode",
    "Indicator",
    "Location",
    "defang",
    "defang_brief",
    "extract",
    "extract_text",
    "refang",
]

#: Every indicator type, in the order reports list them.
TYPES = ("url", "domain", "ipv4", "ipv6", "email", "md5", "sha1", "sha256", "cve")
#: The types that point at infrastructure (what defanging applies to).
NETWORK_TYPES = NETWORK


@dataclass(frozen=True, slots=True)
class Location:
    """Where an indicator was found: a passage (see :mod:`briefkit.passages`) and a span of
    its plain text."""

    path: str
    start: int
    end: int
    section: str | None = None
    """The heading of the section it is in, for people."""


@dataclass(frozen=True, slots=True)
class Indicator:
    """One indicator of a brief, with every place it occurs."""

    type: str
    """One of :data:`TYPES`."""
    value: str
    """Refanged and normalised: the value a platform stores."""
    written: str
    """As first written in the brief."""
    locations: tuple[Location, ...]

    @property
    def defanged(self) -> str:
        """The value in its defanged form (hashes and CVE ids are their value)."""
        return defang_token(self.type, self.value)

    @property
    def was_defanged(self) -> bool:
        """Whether the brief first wrote it defanged."""
        return fang(self.written) != self.written


def defang(text: str) -> str:
    """``text`` with every URL, domain, IP and e-mail address defanged (idempotent).

    >>> defang("payload at http://evil.example.com/a.php, C2 185.220.101.4")
    'payload at hxxp://evil[.]example[.]com/a.php, C2 185[.]220[.]101[.]4'
    """
    return defang_text(text)


def refang(text: str) -> str:
    """``text`` with every defanged indicator restored; nothing else changes (idempotent).

    >>> refang("hxxp://evil[.]com and U.S. and U.K. officials on 13.09.2024")
    'http://evil.com and U.S. and U.K. officials on 13.09.2024'
    """
    return refang_text(text)


def extract_text(text: str, *, path: str = "text") -> tuple[Indicator, ...]:
    """The indicators of a piece of text, each once, in order of first appearance."""
    found: dict[tuple[str, str], tuple[str, list[Location]]] = {}
    for token in scan(text):
        entry = found.setdefault((token.type, token.value), (token.written, []))
        entry[1].append(Location(path, token.start, token.end))
    return _indicators(found)


def extract(brief: Brief, *, own_site: bool = True) -> tuple[Indicator, ...]:
    """The indicators ``brief`` quotes, each once, in reading order, with every location.

    Text is read everywhere (title, summary, headings, paragraphs, item lead-ins and
    bodies); a link counts when it is an indicator link (its text is an indicator, or it
    points at a bare IP address or at something the text quotes: see
    :func:`defang_brief`). Citations and relative links do not. With ``own_site=False``
    indicators on the brief's own site (the host of ``brief.url``) are left out.
    """
    policy = Policy.for_brief(brief, "auto")
    found: dict[tuple[str, str], tuple[str, list[Location]]] = {}

    def add(kind: str, value: str, written: str, where: Location) -> None:
        entry = found.setdefault((kind, value), (written, []))
        entry[1].append(where)

    for passage in passages(brief):
        for token in scan(passage.text):
            if own_site or not (token.type in NETWORK and policy.keeps_token(token)):
                where = Location(passage.path, token.start, token.end, passage.section)
                add(token.type, token.value, token.written, where)
        for link, start, end in _links(passage.nodes or ()):
            if policy.keeps_link(link):
                continue
            for token in scan(link.href[7:] if link.href.startswith("mailto:") else link.href):
                if token.start == 0:
                    where = Location(passage.path, start, end, passage.section)
                    add(token.type, token.value, link.href, where)
                    break
    return _indicators(found)


def _indicators(
    found: dict[tuple[str, str], tuple[str, list[Location]]],
) -> tuple[Indicator, ...]:
    return tuple(
        Indicator(kind, value, written, tuple(dict.fromkeys(where)))
        for (kind, value), (written, where) in found.items()
    )


def _links(nodes: tuple[Inline, ...]) -> Iterator[tuple[Link, int, int]]:
    """Each link of ``nodes`` with the span of its text in their plain text."""
    offset = 0
    stack: list[Inline] = list(reversed(nodes))
    ends: list[tuple[int, Link, int]] = []  # (stack depth at which it closes, link, start)
    while stack:
        while ends and len(stack) <= ends[-1][0]:
            _, link, start = ends.pop()
            yield link, start, offset
        node = stack.pop()
        if isinstance(node, Text):
            offset += len(node.text)
            continue
        if isinstance(node, Link):
            ends.append((len(stack), node, offset))
        stack.extend(reversed(node.children))
    for _, link, start in reversed(ends):
        yield link, start, offset
