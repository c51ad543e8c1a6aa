"""YAML front matter: split off the document, read with a safe loader, mapped to brief fields.

Every way the loader can fail (bad YAML, a Python tag, a date such as ``2024-02-30`` that
YAML recognises but Python cannot build) is a ParseError with the line. An unsafe ``url`` or
neighbour ``href`` (``javascript:``, ``file:``...) is dropped and the brief kept, as the HTML
parser does with unsafe links: the field was metadata, the content is still the content.
Strings are Markdown, as pandoc reads them: backslash escapes (``\\<``, ``\\*``) are undone.
A site generator's entries with links (``categories: [{name: Internet, url: ...}]``) give
their names; of a ``categories`` list, the first is the brief's category.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from ...errors import LimitError, ParseError
from ...model import BriefLink, SectionKind
from ...safety import clean_text, collapse_space, is_safe_href
from ...syntax.markdown import unescape

__all__ = ["MAX_FRONT_MATTER", "metadata", "section_kinds", "split_front_matter"]

#: Front matter longer than this (in characters) is refused with a LimitError.
MAX_FRONT_MATTER = 64 * 1024

_FRONT_OPEN = re.compile(r"---[ \t]*\n")
_FRONT_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
_STRING_FIELDS = ("url", "slug", "publisher", "category", "summary", "marking", "language")
_LIST_FIELDS = ("authors", "tags")
_ALIASES = {
    "date": "published",
    "modified": "updated",
    "lastmod": "updated",
    "author": "authors",
    "description": "summary",
    "lang": "language",
    "categories": "category",
    # the names other site generators and exports give the same fields
    "published_at": "published",
    "updated_at": "updated",
    "canonical_url": "url",
    "keywords": "tags",
}


def split_front_matter(text: str) -> tuple[dict[str, Any], str, int]:
    """(front matter, body, number of lines the front matter took)."""
    opening = _FRONT_OPEN.match(text)
    if not opening:
        return {}, text, 0
    closing = _FRONT_CLOSE.search(text, opening.end())
    if closing is None:
        return {}, text, 0  # a lone leading rule, not front matter
    if closing.start() - opening.end() > MAX_FRONT_MATTER:
        raise LimitError(f"front matter is longer than {MAX_FRONT_MATTER} characters", line=1)
    raw = text[opening.end() : closing.start()]
    end = text.find("\n", closing.end())
    body = "" if end < 0 else text[end + 1 :]
    # Characters the model would remove anyway (controls, lone surrogates) are removed
    # first: libyaml refuses them, and they are no reason to lose the brief.
    return _load_yaml(clean_text(raw)), body, raw.count("\n") + 2


@functools.cache
def _loader() -> type[Any]:
    """A safe loader (libyaml's when present: 10x faster) whose value errors carry a line.

    YAML resolves ``2024-02-30`` or ``T25:00`` as a timestamp and then lets Python's
    ValueError escape while building it; here such errors become YAML errors marked with
    the node they came from.
    """
    import yaml

    base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class _Loader(base):  # type: ignore[misc]
        def construct_object(self, node: Any, deep: bool = False) -> Any:
            try:
                return super().construct_object(node, deep)
            except (yaml.YAMLError, RecursionError):
                raise
            except Exception as exc:  # any value the constructor cannot build
                problem = f"invalid value {str(node.value)[:40]!r} ({exc})"
                raise yaml.constructor.ConstructorError(
                    None, None, problem, node.start_mark
                ) from None

    return _Loader


def _load_yaml(raw: str) -> dict[str, Any]:
    import yaml

    try:
        data = yaml.load(raw, Loader=_loader())  # a SafeLoader subclass: no Python tags
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else None
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ParseError(f"front matter is not valid YAML: {reason}", line=line) from None
    except RecursionError:
        raise LimitError("front matter nests too deeply", line=1) from None
    except Exception as exc:  # the loader's own failure: still the input's fault
        raise ParseError(f"front matter cannot be read: {exc}", line=2) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ParseError(
            f"front matter must be a mapping of fields, not {type(data).__name__}", line=2
        )
    return {str(key): value for key, value in data.items()}


def _scalar(name: str, value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, dict) and isinstance(named := value.get("name", value.get("title")), str):
        value = named  # a site generator's entry with its link ("- name: Internet", "url: ...")
    if isinstance(value, str):
        return unescape(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    raise ParseError(f"front matter {name!r} must be text, not {type(value).__name__}", line=1)


def _safe_href(value: str | None) -> str | None:
    """``value`` when it is a link a reader may follow, else None (the field is dropped)."""
    if value is None:
        return None
    href = clean_text(value).strip()
    return href if is_safe_href(href) else None


def _neighbour(value: object) -> BriefLink | None:
    """``prev: {title: ..., href: ...}`` (or just a title); other shapes are ignored."""
    raw_title, raw_href = (
        (value.get("title"), value.get("href", value.get("url")))
        if isinstance(value, dict)
        else (value, None)
    )
    title = ""
    if isinstance(raw_title, (str, int, float)) and not isinstance(raw_title, bool):
        title = collapse_space(clean_text(unescape(str(raw_title)))).strip()
    href = _safe_href(unescape(raw_href)) if isinstance(raw_href, str) else None
    return BriefLink(title=title or None, href=href) if title or href else None


def metadata(front: dict[str, Any]) -> dict[str, Any]:
    """Brief fields from front matter; unknown keys (a site generator's) are ignored."""
    data = {_ALIASES.get(key, key): value for key, value in front.items() if key in _ALIASES}
    data.update({key: value for key, value in front.items() if key not in _ALIASES})
    meta: dict[str, Any] = {}
    if "title" in data:
        meta["title"] = _scalar("title", data["title"])
    if isinstance(data.get("category"), list):  # "categories:": the first names the piece's
        data["category"] = next(iter(data["category"]), None)
    for name in _STRING_FIELDS:
        if name in data:
            meta[name] = _scalar(name, data[name])
    if "url" in meta:
        meta["url"] = _safe_href(meta["url"])
    for name in _LIST_FIELDS:
        value = data.get(name)
        values = value if isinstance(value, list) else [] if value is None else [value]
        meta[name] = tuple(v for v in (_scalar(name, v) for v in values) if v is not None)
    for name in ("published", "updated"):
        if data.get(name) is not None:
            meta[name] = data[name]
    for name in ("prev", "next"):
        link = _neighbour(data.get(name))
        if link is not None:
            meta[name] = link
    return meta


def section_kinds(front: dict[str, Any]) -> list[SectionKind] | None:
    """The ``kinds:`` list, one section kind per section, or None when absent."""
    value = front.get("kinds")
    if value is None:
        return None
    if not isinstance(value, list):
        raise ParseError("front matter 'kinds' must be a list of section kinds", line=1)
    try:
        return [SectionKind(str(v).strip().lower()) for v in value]
    except ValueError:
        known = ", ".join(k.value for k in SectionKind)
        raise ParseError(f"front matter 'kinds' names an unknown kind (known: {known})") from None
