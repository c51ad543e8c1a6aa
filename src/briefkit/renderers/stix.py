"""STIX 2.1 output: a bundle a threat-intelligence platform (OpenCTI, ...) imports as a report.

The bundle holds the ``report`` (title as ``name``, the judgement as ``description``, the
brief as HTML in ``x_opencti_content``, tags as ``labels``, ``url`` as an external
reference, ``confidence``, ``lang``), an ``identity`` for the publisher as
``created_by_ref``, the official TLP 2.0 ``marking-definition`` objects, a ``location`` for
every country the brief names, an ``identity`` for every organisation, an ``indicator``
with a STIX pattern for every URL, domain, address and hash it quotes and a
``vulnerability`` for every CVE id (a brief that names none of these gets a ``note`` with
its text, since ``object_refs`` may not be empty). Places and indicators come from
:mod:`briefkit.entities` and :mod:`briefkit.ioc`; ambiguous names and indicators on the
brief's own site are left out.

Everything is written with plain dicts (``stix2`` is only used by the tests, to read the
bundle back). Ids are deterministic, so the same brief gives byte-identical output: the
report's is OpenCTI's formula (uuid5 of the lower-cased name and the published timestamp
in the STIX namespace), so importing a brief again updates the report instead of adding a
second one; the other objects use the formulas OpenCTI uses for their kinds. Timestamps
come from the brief's dates, never from the clock, so a brief without a publication date
is a :class:`~briefkit.RenderError` unless the caller passes ``published=``.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

from ..entities import tag
from ..errors import RenderError
from ..ioc import Indicator, extract
from ..markings import parse_markings
from ..model import Brief
from ..tradecraft import stix_confidence

__all__ = ["STIX_NAMESPACE", "canonical_json", "render_stix", "report_id", "stix_timestamp"]

#: The STIX 2.1 namespace for deterministic ids (the one OpenCTI uses for its own ids).
STIX_NAMESPACE = uuid.UUID("00abedb4-aa42-466c-9c01-fed23315a9b7")

_PATTERNS = {
    "url": "[url:value = '{}']",
    "domain": "[domain-name:value = '{}']",
    "ipv4": "[ipv4-addr:value = '{}']",
    "ipv6": "[ipv6-addr:value = '{}']",
    "email": "[email-addr:value = '{}']",
    "md5": "[file:hashes.MD5 = '{}']",
    "sha1": "[file:hashes.'SHA-1' = '{}']",
    "sha256": "[file:hashes.'SHA-256' = '{}']",
}
_OBSERVABLE = {
    "url": "Url",
    "domain": "Domain-Name",
    "ipv4": "IPv4-Addr",
    "ipv6": "IPv6-Addr",
    "email": "Email-Addr",
    "md5": "StixFile",
    "sha1": "StixFile",
    "sha256": "StixFile",
}


def canonical_json(value: Any) -> str:
    """JSON with sorted keys and no spaces (RFC 8785 for the strings and lists ids hash)."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _id(kind: str, data: dict[str, Any]) -> str:
    return f"{kind}--{uuid.uuid5(STIX_NAMESPACE, canonical_json(data))}"


def stix_timestamp(value: dt.date) -> str:
    """A date or datetime as a STIX timestamp in UTC with milliseconds (naive means UTC)."""
    if not isinstance(value, dt.datetime):
        value = dt.datetime(value.year, value.month, value.day, tzinfo=dt.UTC)
    elif value.tzinfo is None or value.utcoffset() is None:
        value = value.replace(tzinfo=dt.UTC)
    value = value.astimezone(dt.UTC)
    return value.strftime("%Y-%m-%dT%H:%M:%S.") + f"{value.microsecond // 1000:03d}Z"


def report_id(name: str, published: str) -> str:
    """OpenCTI's id of a report: uuid5 of ``{"name": lower-cased name, "published": ts}``."""
    return _id("report", {"name": name.lower().strip(), "published": published})


def render_stix(
    brief: Brief,
    *,
    published: dt.date | str | None = None,
    publisher: str | None = None,
    confidence: int | None = None,
    defang: str = "auto",
    live: Iterable[str] = (),
) -> str:
    """The brief as a STIX 2.1 bundle (JSON text).

    - ``published``: the publication date to use when the brief has none (a date, a
      datetime or an ISO string).
    - ``publisher``: the publisher's name to use when the brief has none (the report's
      ``created_by_ref``; without either, the authors, else the host of ``brief.url``).
    - ``confidence``: 0-100; by default :func:`briefkit.tradecraft.stix_confidence`.
    - ``defang`` / ``live``: how ``x_opencti_content`` shows quoted indicators, as for
      :func:`~briefkit.render_html`.
    """
    when = _published(brief, published)
    created = stix_timestamp(when)
    modified = stix_timestamp(brief.updated) if brief.updated else created
    modified = max(created, modified)
    common = {"spec_version": "2.1", "created": created, "modified": modified}
    objects: list[dict[str, Any]] = []
    markings = _markings(brief)
    marking_refs = [m["id"] for m in markings]
    creator = _creator(brief, publisher, common)
    extra: dict[str, Any] = {"object_marking_refs": marking_refs} if marking_refs else {}
    if creator:
        extra["created_by_ref"] = creator["id"]
    refs = [*_places(brief, common, extra), *_indicators(brief, common, extra, created)]
    rid = report_id(brief.title, created)
    if not refs:  # object_refs must not be empty: refer to the brief's text as a note
        refs = [_note(brief, rid, common, extra, defang, live)]
    report = _report(brief, common, extra, created, [o["id"] for o in refs], confidence)
    report.update(_content(brief, defang, live))
    objects = [*markings, *([creator] if creator else []), report]
    objects.extend(o for o in refs if o is not creator)
    bundle = {"type": "bundle", "id": _id("bundle", {"report": report["id"]}), "objects": objects}
    return json.dumps(bundle, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def _published(brief: Brief, given: dt.date | str | None) -> dt.date:
    if brief.published is not None:
        return brief.published
    if isinstance(given, str):
        try:
            return dt.datetime.fromisoformat(given.replace("Z", "+00:00"))
        except ValueError:
            raise RenderError(
                f"published={given!r} is not an ISO date or datetime",
                format="stix",
                option="published",
            ) from None
    if given is None:
        raise RenderError(
            "the brief has no publication date, which a STIX report requires; "
            "pass published= (for example published='2024-09-13')",
            format="stix",
            brief=brief.title,
        )
    return given


def _markings(brief: Brief) -> list[dict[str, Any]]:
    """The TLP 2.0 definitions of the brief's marking, or a statement marking for any other
    marking text (a marking is never dropped silently)."""
    if not brief.marking:
        return []
    found = [m.stix_definition for m in parse_markings(brief.marking) if m.scheme == "TLP"]
    tlp = [d for d in found if d is not None]
    if tlp:
        return tlp
    definition = {"statement": brief.marking}
    return [
        {
            "type": "marking-definition",
            "spec_version": "2.1",
            "id": _id("marking-definition", {"definition": definition}),
            "created": "1970-01-01T00:00:00.000Z",
            "definition_type": "statement",
            "definition": definition,
            "name": brief.marking,
        }
    ]


def _identity(name: str, identity_class: str, common: dict[str, Any]) -> dict[str, Any]:
    data = {"name": name.lower().strip(), "identity_class": identity_class}
    return {
        "type": "identity",
        "id": _id("identity", data),
        **common,
        "name": name,
        "identity_class": identity_class,
    }


def _creator(brief: Brief, given: str | None, common: dict[str, Any]) -> dict[str, Any] | None:
    name = brief.publisher or (given.strip() if given else None)
    if name:
        return _identity(name, "organization", common)
    if len(brief.authors) == 1:
        return _identity(brief.authors[0], "individual", common)
    if brief.authors:
        return _identity(", ".join(brief.authors), "group", common)
    host = urlsplit(brief.url).hostname if brief.url else None
    return _identity(host, "organization", common) if host else None


def _places(brief: Brief, common: dict[str, Any], extra: dict[str, Any]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for entity in tag(brief):
        if entity.ambiguous:
            continue
        if entity.kind == "organisation":
            out.append({**_identity(entity.name, "organization", common), **extra})
            continue
        data = {"name": entity.name.lower(), "x_opencti_location_type": "Country"}
        location = {
            "type": "location",
            "id": _id("location", data),
            **common,
            "name": entity.name,
            "country": entity.code,
            "x_opencti_location_type": "Country",
        }
        out.append({**location, **extra})
    return out


def _indicators(
    brief: Brief, common: dict[str, Any], extra: dict[str, Any], valid_from: str
) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for found in extract(brief, own_site=False):
        if found.type == "cve":
            out.append(_vulnerability(found, common, extra))
            continue
        pattern = _PATTERNS[found.type].format(_quote(found.value))
        indicator = {
            "type": "indicator",
            "id": _id("indicator", {"pattern": pattern}),
            **common,
            "name": found.value,
            "pattern": pattern,
            "pattern_type": "stix",
            "valid_from": valid_from,
            "x_opencti_main_observable_type": _OBSERVABLE[found.type],
        }
        out.append({**indicator, **extra})
    return out


def _vulnerability(
    found: Indicator, common: dict[str, Any], extra: dict[str, Any]
) -> dict[str, Any]:
    return {
        "type": "vulnerability",
        "id": _id("vulnerability", {"name": found.value.lower()}),
        **common,
        "name": found.value,
        "external_references": [{"source_name": "cve", "external_id": found.value}],
        **extra,
    }


def _note(
    brief: Brief,
    rid: str,
    common: dict[str, Any],
    extra: dict[str, Any],
    defang: str,
    live: Iterable[str],
) -> dict[str, Any]:
    """A note holding the brief as text, for a report that names nothing else: STIX (and
    the consumers that break on empty reports) needs at least one object in ``object_refs``,
    and the brief's own text is what it is about."""
    from .text import render_text

    return {
        "type": "note",
        "id": _id("note", {"report": rid}),
        **common,
        "abstract": brief.title,
        "content": render_text(brief, defang=defang, live=live),
        "object_refs": [rid],
        **extra,
    }


def _quote(value: str) -> str:
    """A value as a STIX pattern string literal's content."""
    return value.replace("\\", "\\\\").replace("'", "\\'")


def _report(
    brief: Brief,
    common: dict[str, Any],
    extra: dict[str, Any],
    published: str,
    refs: list[str],
    confidence: int | None,
) -> dict[str, Any]:
    report: dict[str, Any] = {
        "type": "report",
        "id": report_id(brief.title, published),
        **common,
        "name": brief.title,
        "published": published,
        "report_types": ["threat-report"],
        "object_refs": refs,
        **extra,
    }
    judgement = brief.judgement
    description = (judgement.text if judgement else None) or brief.summary
    if description:
        report["description"] = description
    if brief.tags:
        report["labels"] = list(brief.tags)
    level = confidence if confidence is not None else stix_confidence(brief)
    if level is not None:
        if not 0 <= level <= 100:
            raise RenderError(
                f"confidence must be 0-100, not {level}", format="stix", option="confidence"
            )
        report["confidence"] = level
    if brief.language:
        report["lang"] = brief.language
    if brief.url:
        source = brief.publisher or "briefkit"
        report["external_references"] = [{"source_name": source, "url": brief.url}]
    return report


def _content(brief: Brief, defang: str, live: Iterable[str]) -> dict[str, Any]:
    from .html import render_html

    return {"x_opencti_content": render_html(brief, standalone=False, defang=defang, live=live)}
