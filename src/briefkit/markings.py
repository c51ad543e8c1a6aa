"""Handling markings: FIRST's TLP 2.0 and the Permissible Actions Protocol (PAP).

One table serves every side that needs a marking's facts: the renderers (colours), the
interchange formats (STIX 2.1 marking-definition ids, MISP tags) and the tradecraft checks
(is the label valid, is it written in its standard form). It imports nothing of briefkit, so
parsers, renderers and analysis code may all use it.

``parse_marking("tlp:amber+strict")`` reads what a brief states; ``Marking.problems`` says how
the written form departs from the standard (spaces, lower case, the TLP 1.0 name WHITE), and
``most_restrictive`` picks the label that governs a compilation of briefs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

__all__ = [
    "TLP_EXTENSION_ID",
    "TLP_MARKING_CREATED",
    "Marking",
    "marking_for_stix_id",
    "most_restrictive",
    "parse_marking",
    "parse_markings",
]

TLP_EXTENSION_ID = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d"
"""The OASIS ``tlp-2.0`` property extension that STIX 2.1 marking definitions carry."""

TLP_MARKING_CREATED = "2022-10-01T00:00:00.000Z"
"""The ``created`` timestamp of every official TLP 2.0 marking definition."""


@dataclass(frozen=True, slots=True)
class _Level:
    colour: str  # text colour on black, as #RRGGBB
    rank: int  # 0 = no restriction; higher is more restrictive
    stix_id: str | None = None


_TLP: dict[str, _Level] = {
    "CLEAR": _Level("#FFFFFF", 0, "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487"),
    "GREEN": _Level("#33FF00", 1, "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb"),
    "AMBER": _Level("#FFC000", 2, "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421"),
    "AMBER+STRICT": _Level(
        "#FFC000", 3, "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003"
    ),
    "RED": _Level("#FF2B2B", 4, "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1"),
}
_PAP: dict[str, _Level] = {
    "CLEAR": _Level("#FFFFFF", 0),
    "GREEN": _Level("#33FF00", 1),
    "AMBER": _Level("#FFC000", 2),
    "RED": _Level("#FF2B2B", 4),
}
_ALIASES = {"WHITE": "CLEAR"}  # TLP 1.0's name for CLEAR

# A protocol prefix, an optional colon, then the level; spaces are tolerated so that a
# mis-written label is still recognised (and reported by ``problems``).
_LABEL = re.compile(
    r"(?<![A-Za-z0-9])(?P<scheme>TLP|PAP)\s*(?P<colon>:?)\s*"
    r"(?P<level>AMBER\s*\+\s*STRICT|[A-Z]+(?::[A-Z0-9]+)*)(?![A-Za-z0-9+])",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Marking:
    """One marking as written in a brief, with the standard's facts when it is a valid one."""

    scheme: str
    """``"TLP"`` or ``"PAP"``."""
    level: str
    """The canonical level (``"AMBER+STRICT"``), or the level as written when not standard."""
    written: str
    """The marking exactly as it stands in the source."""
    span: tuple[int, int] | None = field(default=None, compare=False)
    """Where ``written`` stands in the text it was read from (not part of equality)."""

    @property
    def valid(self) -> bool:
        """Whether this is a label of TLP 2.0 (WHITE counts: it has a 2.0 equivalent) or PAP."""
        return self.level in (_TLP if self.scheme == "TLP" else _PAP)

    @property
    def label(self) -> str:
        """The standard form, ``TLP:AMBER+STRICT``: capitals, no spaces, WHITE named CLEAR."""
        return f"{self.scheme}:{self.level}"

    @property
    def colour(self) -> str | None:
        """The label's text colour on black (#RRGGBB), or None when not a standard label."""
        level = self._level()
        return level.colour if level else None

    @property
    def rank(self) -> int:
        """How restrictive the label is, 0 (CLEAR) to 4 (RED); -1 when not standard."""
        level = self._level()
        return level.rank if level else -1

    @property
    def stix_id(self) -> str | None:
        """The official STIX 2.1 marking-definition id (TLP 2.0 only)."""
        level = self._level()
        return level.stix_id if level else None

    @property
    def stix_definition(self) -> dict[str, object] | None:
        """The official TLP 2.0 STIX 2.1 marking-definition object (TLP only), as a dict."""
        stix_id = self.stix_id
        if stix_id is None:
            return None
        return {
            "type": "marking-definition",
            "spec_version": "2.1",
            "id": stix_id,
            "created": TLP_MARKING_CREATED,
            "name": self.label,
            "extensions": {
                TLP_EXTENSION_ID: {
                    "extension_type": "property-extension",
                    "tlp_2_0": self.level.lower(),
                }
            },
        }

    @property
    def misp_tag(self) -> str | None:
        """The MISP taxonomy tag, ``tlp:amber+strict`` or ``PAP:GREEN`` (MISP's own casing)."""
        if not self.valid:
            return None
        if self.scheme == "TLP":
            return f"tlp:{self.level.lower()}"
        return f"PAP:{self.level}"

    @property
    def problems(self) -> tuple[str, ...]:
        """How the written form departs from the standard; empty for a well-written label."""
        if not self.valid:
            return (f"{self.written!r} is not a {self.scheme} 2.0 label",)
        found: list[str] = []
        if any(c.isspace() for c in self.written):
            found.append("a label must not contain spaces")
        if self.written != self.written.upper():
            found.append("a label should be written in capitals")
        if ":" not in self.written:
            found.append("the protocol and the level are separated by a colon")
        if re.search(r"WHITE", self.written, re.IGNORECASE):
            found.append("TLP:WHITE is the TLP 1.0 name; TLP 2.0 calls it TLP:CLEAR")
        return tuple(found)

    def _level(self) -> _Level | None:
        return (_TLP if self.scheme == "TLP" else _PAP).get(self.level)


def parse_markings(text: str) -> tuple[Marking, ...]:
    """Every TLP or PAP marking written in ``text``, in order ("TLP:AMBER PAP:GREEN" gives two)."""
    found: list[Marking] = []
    for match in _LABEL.finditer(text):
        scheme = match["scheme"].upper()
        level = re.sub(r"\s+", "", match["level"]).upper()
        if not match["colon"] and level not in _TLP and level not in _ALIASES:
            continue  # "tlp green" is a mis-written label; "pap smear" is not a label at all
        found.append(Marking(scheme, _ALIASES.get(level, level), match.group(0), match.span()))
    return tuple(found)


def parse_marking(text: str) -> Marking | None:
    """The first TLP marking in ``text`` (else the first PAP marking), or None."""
    markings = parse_markings(text)
    return next((m for m in markings if m.scheme == "TLP"), markings[0] if markings else None)


def marking_for_stix_id(stix_id: str) -> Marking | None:
    """The TLP 2.0 marking whose official STIX marking-definition id is ``stix_id``, or None."""
    for level, facts in _TLP.items():
        if facts.stix_id == stix_id:
            return Marking("TLP", level, f"TLP:{level}")
    return None


def most_restrictive(markings: Iterable[Marking | str | None]) -> Marking | None:
    """The TLP marking that governs a compilation: the most restrictive valid one, or None.

    Strings are read with :func:`parse_marking`; markings that are not valid TLP 2.0 labels
    are ignored here (the tradecraft checks report them).
    """
    best: Marking | None = None
    for item in markings:
        marking = parse_marking(item) if isinstance(item, str) else item
        if marking is None or marking.scheme != "TLP" or not marking.valid:
            continue
        if best is None or marking.rank > best.rank:
            best = marking
    return best
