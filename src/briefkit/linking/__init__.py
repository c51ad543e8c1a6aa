"""Series of briefs: ordering, prev/next pointers, chain reconstruction and link checks.

This module is the public face of the series tools and holds the ordering and relinking
itself; how briefs are compared and named (:func:`href_key`, :func:`title_key`,
:func:`slugify`), rebuilding chains (:func:`chain_from_links`) and checking links
(:func:`check_links`) live in private modules next to it and are re-exported here. Briefs
are frozen: every function returns new briefs and leaves its input untouched.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Literal

from pydantic import ValidationError

from ..errors import LinkError
from ..model import Brief, BriefLink
from ..syntax import dates
from .chains import ChainResult, chain_from_links
from .checks import check_links
from .keys import href_key, slugify, title_key, unique_slugs
from .problems import Linkable, LinkProblem, LinkProblemKind

__all__ = [
    "ChainResult",
    "HrefSource",
    "LinkProblem",
    "LinkProblemKind",
    "chain_from_links",
    "check_links",
    "href_key",
    "insert_brief",
    "link_series",
    "order_indices",
    "remove_brief",
    "slugify",
    "title_key",
    "unique_slugs",
]

Order = Literal["given", "published", "title"]
#: Where a neighbour's href comes from: a function of the brief or a mapping keyed by brief.
HrefSource = Callable[[Brief], str | None] | Mapping[Brief, str]


def order_indices(briefs: Sequence[Linkable], order: str = "given") -> list[int]:
    """Positions of ``briefs`` in series order: as given, by publication date (undated
    last) or by title; stable, so equal keys keep their input order. Only each brief's
    ``published`` and ``title`` are read, so lighter records with those fields do too."""
    positions = list(range(len(briefs)))
    if order == "given":
        return positions
    return sorted(positions, key=order_key(briefs, order))


def order_key(briefs: Sequence[Linkable], order: str) -> Callable[[int], Any]:
    """What :func:`order_indices` sorts positions by, for ``published`` or ``title``
    (a caller with many briefs sorts with it in chunks, not all keys at once)."""
    if order == "published":
        far = dt.datetime.max

        def date_key(i: int) -> tuple[bool, dt.datetime]:
            published = briefs[i].published
            return (published is None, far if published is None else dates.instant(published))

        return date_key
    if order == "title":
        return lambda i: title_key(briefs[i].title)
    raise LinkError(f"unknown order {order!r}: expected 'given', 'published' or 'title'")


def _href_for(brief: Brief, href: HrefSource | None) -> str | None:
    if href is None:
        return brief.url
    if isinstance(href, Mapping):
        return href.get(brief)
    return href(brief)


def _link_to(brief: Brief, href: HrefSource | None) -> BriefLink:
    target = _href_for(brief, href)
    try:
        return BriefLink(title=brief.title, href=target)
    except ValidationError as exc:
        raise LinkError(
            f"bad href {target!r} for {brief.title!r}: {exc.errors()[0]['msg']}"
        ) from None


def _relink(series: list[Brief], positions: Iterable[int], href: HrefSource | None) -> list[Brief]:
    """Reset prev/next of the briefs at ``positions`` from their neighbours in ``series``."""
    out = list(series)
    for i in sorted(set(positions)):
        if not 0 <= i < len(series):
            continue
        prev = _link_to(series[i - 1], href) if i > 0 else None
        nxt = _link_to(series[i + 1], href) if i + 1 < len(series) else None
        out[i] = series[i].model_copy(update={"prev": prev, "next": nxt})
    return out


def link_series(
    briefs: Sequence[Brief], *, order: Order | str = "given", href: HrefSource | None = None
) -> list[Brief]:
    """The briefs in ``order`` with prev/next pointing at their neighbours (title and href).

    The first brief gets no prev and the last no next. Hrefs come from each neighbour's
    ``url`` unless ``href`` (a function of the brief or a mapping keyed by brief) supplies
    them, as a bundle does with the relative paths of its files.
    """
    series = [briefs[i] for i in order_indices(briefs, order)]
    return _relink(series, range(len(series)), href)


def insert_brief(
    series: Sequence[Brief], brief: Brief, index: int, *, href: HrefSource | None = None
) -> list[Brief]:
    """``series`` with ``brief`` inserted before position ``index`` (``len`` appends) and
    the pointers of it and its two neighbours reset; the other briefs are unchanged."""
    if not -len(series) <= index <= len(series):
        raise LinkError(f"cannot insert at {index} in a series of {len(series)}")
    if index < 0:
        index += len(series)  # list.insert semantics: -1 goes before the last brief
    out = [*series[:index], brief, *series[index:]]
    return _relink(out, (index - 1, index, index + 1), href)


def remove_brief(
    series: Sequence[Brief], target: int | Brief, *, href: HrefSource | None = None
) -> list[Brief]:
    """``series`` without ``target`` (a position or a brief), its neighbours now pointing
    at each other."""
    if isinstance(target, Brief):
        try:
            index = list(series).index(target)
        except ValueError:
            raise LinkError(f"{target.title!r} is not in the series") from None
    else:
        if not -len(series) <= target < len(series):
            raise LinkError(f"no brief at position {target} in a series of {len(series)}")
        index = target % len(series)
    out = [*series[:index], *series[index + 1 :]]
    return _relink(out, (index - 1, index), href)
