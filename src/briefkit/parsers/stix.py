"""STIX 2.1 input: each report of a bundle becomes a Brief.

A report gives the title (``name``), the publication date (``published``, a date when it is
midnight UTC), the marking (the most restrictive TLP of ``object_marking_refs``, by the
official TLP 2.0 ids, TLP 1.0 definitions or a statement marking in the bundle), the
publisher (``created_by_ref``'s identity), tags (``labels``), the language (``lang``) and
the URL (the first external reference with one). The body is ``x_opencti_content``, parsed
as HTML by the registered HTML parser, when the report has it; ``description`` is the
judgement (a judgement section is added in front when the content has none).

``parse_stix(data)`` returns the first report, or the one ``report=`` names by id or name;
``parse_stix_reports(data)`` returns every report.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from typing import Any

from ..errors import ParseError
from ..markings import Marking, marking_for_stix_id, most_restrictive, parse_marking
from ..model import Brief, Paragraph, Section, SectionKind, Text
from ..registry import get_parser

__all__ = ["parse_stix", "parse_stix_reports"]


def parse_stix(data: str, *, report: str | None = None) -> Brief:
    """The brief of one report of a STIX 2.1 bundle (the first, or the one ``report`` names
    by its id or its name)."""
    objects = _objects(data)
    reports = [(i, o) for i, o in enumerate(objects) if o.get("type") == "report"]
    if report is not None:
        reports = [(i, o) for i, o in reports if report in (o.get("id"), o.get("name"))]
        if not reports:
            raise ParseError(f"the bundle has no report {report!r}")
    if not reports:
        raise ParseError("the STIX bundle holds no report")
    index, first = reports[0]
    return _brief(first, index, _by_id(objects))


def parse_stix_reports(data: str) -> list[Brief]:
    """The brief of every report of a STIX 2.1 bundle, in bundle order."""
    objects = _objects(data)
    by_id = _by_id(objects)
    return [_brief(o, i, by_id) for i, o in enumerate(objects) if o.get("type") == "report"]


def _objects(data: str) -> list[dict[str, Any]]:
    try:
        bundle = json.loads(data)
    except json.JSONDecodeError as exc:
        raise ParseError(f"not JSON: {exc.msg}", line=exc.lineno) from None
    if isinstance(bundle, dict) and bundle.get("type") == "report":
        bundle = {"type": "bundle", "objects": [bundle]}  # a lone report object
    if not isinstance(bundle, dict) or bundle.get("type") != "bundle":
        raise ParseError('not a STIX bundle (expected an object with "type": "bundle")')
    objects = bundle.get("objects")
    if not isinstance(objects, list):
        raise ParseError("the bundle's objects are not a list", element="objects")
    return [o for o in objects if isinstance(o, dict)]


def _by_id(objects: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {o["id"]: o for o in objects if isinstance(o.get("id"), str)}


def _brief(report: dict[str, Any], index: int, by_id: dict[str, dict[str, Any]]) -> Brief:
    where = f"objects[{index}]"
    name = report.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ParseError("a report needs a name", element=f"{where}.name")
    body = _content(report, name, where)
    description = report.get("description")
    sections = list(body.sections) if body else []
    has_judgement = any(s.kind is SectionKind.JUDGEMENT for s in sections)
    if isinstance(description, str) and description.strip() and not has_judgement:
        paragraphs = [p for p in description.split("\n\n") if p.strip()]
        judgement = Section(
            kind=SectionKind.JUDGEMENT,
            heading="Judgement" if sections else None,
            blocks=tuple(Paragraph(content=(Text(text=p),)) for p in paragraphs),
        )
        sections.insert(0, judgement)
    creator = by_id.get(str(report.get("created_by_ref")), {})
    labels = report.get("labels")
    fields: dict[str, Any] = {
        "title": name,
        "published": _date(report.get("published"), f"{where}.published"),
        "marking": _marking(report.get("object_marking_refs"), by_id),
        "publisher": creator.get("name") if isinstance(creator.get("name"), str) else None,
        "tags": tuple(x for x in labels if isinstance(x, str)) if isinstance(labels, list) else (),
        "language": report.get("lang") if isinstance(report.get("lang"), str) else None,
        "url": _url(report.get("external_references")),
        "sections": tuple(sections),
    }
    if body is not None:
        for key in ("authors", "summary", "category", "slug", "prev", "next", "updated"):
            fields[key] = getattr(body, key)
        fields["tags"] = fields["tags"] or body.tags
        fields["url"] = fields["url"] or body.url
    return Brief(**fields)


def _content(report: dict[str, Any], name: str, where: str) -> Brief | None:
    content = report.get("x_opencti_content")
    if not isinstance(content, str) or not content.strip():
        return None
    if "<h1" not in content.lower():  # a platform's body without a title of its own
        content = f"<h1>{html.escape(name)}</h1>\n{content}"
    try:
        brief: Brief = get_parser("html").load()(content)
    except ParseError as exc:
        raise ParseError(exc.message, element=f"{where}.x_opencti_content") from None
    return brief


def _date(value: Any, where: str) -> dt.date | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ParseError("a timestamp must be a string", element=where)
    try:
        stamp = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise ParseError(f"{value!r} is not a STIX timestamp", element=where) from None
    midnight = stamp.time() == dt.time() and stamp.utcoffset() in (None, dt.timedelta())
    return stamp.date() if midnight else stamp


def _marking(refs: Any, by_id: dict[str, dict[str, Any]]) -> str | None:
    if not isinstance(refs, list):
        return None
    found: list[Marking] = []
    statements: list[str] = []
    for ref in refs:
        if not isinstance(ref, str):
            continue
        marking = marking_for_stix_id(ref) or _defined(by_id.get(ref, {}))
        if marking is not None:
            found.append(marking)
            continue
        statement = by_id.get(ref, {}).get("definition", {})
        if isinstance(statement, dict) and isinstance(statement.get("statement"), str):
            statements.append(statement["statement"])
    governing = most_restrictive(found)
    if governing is not None:
        return governing.label
    return statements[0] if statements else None


def _defined(definition: dict[str, Any]) -> Marking | None:
    """The TLP marking a definition in the bundle states (2.0 extension, 1.0 or by name)."""
    for extension in (definition.get("extensions") or {}).values():
        if isinstance(extension, dict) and isinstance(extension.get("tlp_2_0"), str):
            return parse_marking("TLP:" + extension["tlp_2_0"].upper())
    inner = definition.get("definition")
    if definition.get("definition_type") == "tlp" and isinstance(inner, dict):
        return parse_marking("TLP:" + str(inner.get("tlp", "")).upper())
    name = definition.get("name")
    marking = parse_marking(name) if isinstance(name, str) else None
    return marking if marking is not None and marking.scheme == "TLP" else None


def _url(refs: Any) -> str | None:
    if isinstance(refs, list):
        for ref in refs:
            if isinstance(ref, dict) and isinstance(ref.get("url"), str):
                url: str = ref["url"]
                return url
    return None
