"""MISP output: ``{"Event": {...}}`` in MISP's core format, the shape MISP imports.

The event's ``info`` is the title (one line, at most 256 characters), ``date`` the
publication date, ``distribution`` follows the TLP marking (CLEAR: all communities, GREEN:
connected communities, AMBER and AMBER+STRICT: this community, RED or none: this
organisation only), tags carry the TLP and PAP labels, the Admiralty grades of the evidence
(``admiralty-scale:...``) and the countries the brief names (``misp-galaxy:country``), the
brief as Markdown is an ``EventReport``, and each indicator it quotes is an attribute
(network and payload indicators with ``to_ids`` set; CVE ids and the brief's own URL
without). UUIDs are deterministic: the event's is the STIX report's, so both exports of a
brief name the same thing.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Iterable
from typing import Any

from ..entities import tag
from ..errors import RenderError
from ..ioc import extract
from ..markings import parse_markings
from ..model import Brief
from ..tradecraft import grades
from .stix import STIX_NAMESPACE, canonical_json, report_id, stix_timestamp

__all__ = ["render_misp"]

#: MISP attribute type, category and to_ids for each indicator type.
_ATTRIBUTES = {
    "url": ("url", "Network activity", True),
    "domain": ("domain", "Network activity", True),
    "ipv4": ("ip-dst", "Network activity", True),
    "ipv6": ("ip-dst", "Network activity", True),
    "email": ("email-src", "Payload delivery", True),
    "md5": ("md5", "Payload delivery", True),
    "sha1": ("sha1", "Payload delivery", True),
    "sha256": ("sha256", "Payload delivery", True),
    "cve": ("vulnerability", "External analysis", False),
}
_DISTRIBUTION = {"CLEAR": "3", "GREEN": "2", "AMBER": "1", "AMBER+STRICT": "1", "RED": "0"}
_INHERIT = "5"  # an attribute or report shares the event's distribution


def render_misp(
    brief: Brief,
    *,
    published: dt.date | str | None = None,
    threat_level: int = 4,
    analysis: int = 2,
    distribution: int | None = None,
    defang: str = "auto",
    live: Iterable[str] = (),
) -> str:
    """The brief as a MISP event (JSON text).

    - ``published``: the date to use when the brief has none (MISP requires one).
    - ``threat_level``: 1 high, 2 medium, 3 low, 4 undefined (the default).
    - ``analysis``: 0 initial, 1 ongoing, 2 complete (the default: a published brief).
    - ``distribution``: 0-3, overriding the one the marking implies.
    - ``defang`` / ``live``: how the EventReport's Markdown shows quoted indicators.
    """
    when = brief.published or _fallback_date(brief, published)
    date = when.date() if isinstance(when, dt.datetime) else when
    stamp = stix_timestamp(when)
    event_uuid = report_id(brief.title, stamp).split("--", 1)[1]
    event: dict[str, Any] = {
        "uuid": event_uuid,
        "info": _info(brief.title),
        "date": date.isoformat(),
        "threat_level_id": _choice("threat_level", threat_level, range(1, 5)),
        "analysis": _choice("analysis", analysis, range(3)),
        "distribution": _distribution(brief, distribution),
        "published": False,
        "timestamp": str(int(_utc(brief.updated or when).timestamp())),
        "Tag": [{"name": name} for name in _tags(brief)],
        "Attribute": _attributes(brief, event_uuid),
        "EventReport": [
            {
                "uuid": _uuid(event_uuid, "report"),
                "name": _info(brief.title),
                "content": _markdown(brief, defang, live),
                "distribution": _INHERIT,
            }
        ],
    }
    if brief.publisher:
        event["Orgc"] = {"name": brief.publisher, "uuid": _uuid("orgc", brief.publisher)}
    return json.dumps({"Event": event}, indent=2, ensure_ascii=False) + "\n"


def _fallback_date(brief: Brief, given: dt.date | str | None) -> dt.date:
    if isinstance(given, str):
        try:
            return dt.date.fromisoformat(given[:10])
        except ValueError:
            raise RenderError(
                f"published={given!r} is not an ISO date", format="misp", option="published"
            ) from None
    if given is None:
        raise RenderError(
            "the brief has no publication date, which a MISP event requires; pass published=",
            format="misp",
            brief=brief.title,
        )
    return given


def _utc(value: dt.date) -> dt.datetime:
    if not isinstance(value, dt.datetime):
        return dt.datetime(value.year, value.month, value.day, tzinfo=dt.UTC)
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def _uuid(*parts: str) -> str:
    return str(uuid.uuid5(STIX_NAMESPACE, canonical_json(list(parts))))


def _info(title: str) -> str:
    """MISP's ``info``: one line of at most 256 characters (cut at a word, with an ellipsis)."""
    line = " ".join(title.split())
    if len(line) <= 256:
        return line
    return line[:255].rsplit(" ", 1)[0].rstrip(" ,;:.-") + "…"


def _choice(name: str, value: int, allowed: range) -> str:
    if value not in allowed:
        raise RenderError(
            f"{name} must be {allowed.start}-{allowed.stop - 1}, not {value!r}",
            format="misp",
            option=name,
        )
    return str(value)


def _distribution(brief: Brief, given: int | None) -> str:
    if given is not None:
        return _choice("distribution", given, range(4))
    tlp = [m for m in parse_markings(brief.marking or "") if m.scheme == "TLP" and m.valid]
    return _DISTRIBUTION[tlp[0].level] if tlp else "0"


def _tags(brief: Brief) -> list[str]:
    names = [m.misp_tag for m in parse_markings(brief.marking or "") if m.misp_tag]
    for grade in grades(brief):
        if grade is not None:
            names.extend(grade.misp_tags)
    for entity in tag(brief):
        if entity.kind == "country" and not entity.ambiguous:
            names.append(f'misp-galaxy:country="{entity.name.lower()}"')
    return list(dict.fromkeys(names))


def _attributes(brief: Brief, event_uuid: str) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for found in extract(brief, own_site=False):
        kind, category, to_ids = _ATTRIBUTES[found.type]
        sections = dict.fromkeys(loc.section or "the brief" for loc in found.locations)
        out.append(
            {
                "uuid": _uuid(event_uuid, kind, found.value),
                "type": kind,
                "category": category,
                "value": found.value,
                "to_ids": to_ids,
                "distribution": _INHERIT,
                "comment": "Quoted in " + ", ".join(sections),
            }
        )
    if brief.url:
        out.append(
            {
                "uuid": _uuid(event_uuid, "link", brief.url),
                "type": "link",
                "category": "External analysis",
                "value": brief.url,
                "to_ids": False,
                "distribution": _INHERIT,
                "comment": "The brief as published",
            }
        )
    return out


def _markdown(brief: Brief, defang: str, live: Iterable[str]) -> str:
    from .markdown import render_markdown

    return render_markdown(brief, defang=defang, live=live)
