"""How briefs of a series are compared and named: title and href keys, instants, slugs.

Scraped briefs point at their neighbours by title and by URL, written however the site
wrote them that day (``http`` or ``https``, trailing slash or not, curly or straight quotes).
Every part of :mod:`briefkit.linking` matches pointers through :func:`href_key` and
:func:`title_key`, so one notion of "the same brief" serves ordering, rebuilding and checking.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from typing import Protocol
from urllib.parse import unquote

from ..model import Brief
from ..safety import join_url, split_url

__all__ = ["Taken", "href_key", "path_of", "slug_stream", "slugify", "title_key", "unique_slugs"]

_QUOTES = str.maketrans(
    dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u00b4`", "'")
    | dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"')
    | dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-")
)
_SPACE = re.compile(r"\s+")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_RESERVED = frozenset(
    {"con", "prn", "aux", "nul"} | {f"com{i}" for i in range(10)} | {f"lpt{i}" for i in range(10)}
)


def title_key(title: str) -> str:
    """A title as compared between briefs: quotes, dashes, whitespace and case folded."""
    text = unicodedata.normalize("NFKC", title).translate(_QUOTES)
    return _SPACE.sub(" ", text).strip().casefold()


def href_key(href: str, base: str | None = None) -> str:
    """A link as compared between briefs: ``//host/path`` without scheme, query, fragment or
    trailing slash, host lower-cased, path unquoted. Relative links resolve against ``base``
    when given; otherwise the key is the bare path. A link no URL parser accepts (a port
    out of range, a broken IPv6 host) is its own key, as written: it matches only itself."""
    href = href.strip()
    joined = join_url(base, href)
    parts = split_url(joined) if joined is not None else None
    if parts is None:
        return "?" + href
    path = unquote(parts.path).rstrip("/") or "/"
    if parts.scheme == "mailto":
        return "mailto:" + path.casefold()
    host = (parts.hostname or "").casefold()
    if parts.port and parts.port not in (80, 443):
        host += f":{parts.port}"
    return f"//{host}{path}" if host else path


def path_of(key: str) -> str:
    """The path part of an href key (``//host/path`` -> ``/path``)."""
    if key.startswith("//"):
        slash = key.find("/", 2)
        return key[slash:] if slash >= 0 else "/"
    return key


def slugify(title: str, *, max_length: int = 80) -> str:
    """A stable ASCII slug for a title: accents dropped, lower case, words joined by ``-``,
    at most ``max_length`` characters cut at a word; ``brief`` when nothing is left."""
    ascii_text = (
        unicodedata.normalize("NFKD", title.translate(_QUOTES))
        .encode("ascii", "ignore")
        .decode("ascii")
        .lower()
        .replace("'", "")
    )
    slug = _NOT_SLUG.sub("-", ascii_text).strip("-")
    if len(slug) > max_length:
        cut = slug[: max_length + 1].rfind("-")
        slug = slug[: cut if cut > 0 else max_length].strip("-")
    if slug in _RESERVED:
        slug += "-brief"
    return slug or "brief"


def unique_slugs(items: Iterable[Brief | str], *, reserved: Iterable[str] = ()) -> list[str]:
    """One slug per brief (its own ``slug`` or its title, slugified) or title, unique in
    the set and outside ``reserved``: repeats get ``-2``, ``-3``... in input order."""
    bases = (item if isinstance(item, str) else (item.slug or item.title) for item in items)
    return list(slug_stream(bases, reserved=reserved))


class Taken(Protocol):
    """The slugs given out so far (a set, or anything with ``add`` and ``in``)."""

    def add(self, slug: str, /) -> None: ...
    def __contains__(self, slug: object, /) -> bool: ...


def slug_stream(
    bases: Iterable[str], *, reserved: Iterable[str] = (), taken: Taken | None = None
) -> Iterator[str]:
    """:func:`unique_slugs` of the strings ``bases``, one at a time; ``taken`` holds the
    slugs given out (a set unless the caller has a smaller one: a bundle of 10,000
    briefs keeps digests, :class:`~briefkit.packed.DigestSet`)."""
    given: Taken = taken if taken is not None else set()
    for r in reserved:
        given.add(slugify(r))
    for base in bases:
        slug = slugify(base)
        candidate, n = slug, 1
        while candidate in given:
            n += 1
            candidate = f"{slug}-{n}"
        given.add(candidate)
        yield candidate
