"""Series of briefs: ordering, prev/next pointers, chain reconstruction and link checks.

Scraped briefs point at their neighbours by title and by URL, written however the site
wrote them that day (``http`` or ``https``, trailing slash or not, curly or straight quotes).
Everything here matches pointers through :func:`href_key` and :func:`title_key`, so one
notion of "the same brief" serves ordering, rebuilding and checking. Briefs are frozen:
every function returns new briefs and leaves its input untouched.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from enum import StrEnum
from typing import Literal, overload
from urllib.parse import unquote, urljoin, urlsplit

from pydantic import BaseModel, ConfigDict, ValidationError

from .errors import LinkError
from .model import Brief, BriefLink

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
Side = Literal["prev", "next"]
#: Where a neighbour's href comes from: a function of the brief or a mapping keyed by brief.
HrefSource = Callable[[Brief], str | None] | Mapping[Brief, str]


# --- keys -------------------------------------------------------------------------------

_QUOTES = str.maketrans(
    dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u00b4`", "'")
    | dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"')
    | dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-")
)
_SPACE = re.compile(r"\s+")


def title_key(title: str) -> str:
    """A title as compared between briefs: quotes, dashes, whitespace and case folded."""
    text = unicodedata.normalize("NFKC", title).translate(_QUOTES)
    return _SPACE.sub(" ", text).strip().casefold()


def href_key(href: str, base: str | None = None) -> str:
    """A link as compared between briefs: ``//host/path`` without scheme, query, fragment or
    trailing slash, host lower-cased, path unquoted. Relative links resolve against ``base``
    when given; otherwise the key is the bare path."""
    href = href.strip()
    if base:
        href = urljoin(base, href)
    parts = urlsplit(href)
    path = unquote(parts.path).rstrip("/") or "/"
    if parts.scheme == "mailto":
        return "mailto:" + path.casefold()
    host = (parts.hostname or "").casefold()
    if parts.port and parts.port not in (80, 443):
        host += f":{parts.port}"
    return f"//{host}{path}" if host else path


def _path_of(key: str) -> str:
    """The path part of an href key (``//host/path`` -> ``/path``)."""
    if key.startswith("//"):
        slash = key.find("/", 2)
        return key[slash:] if slash >= 0 else "/"
    return key


# --- problems ---------------------------------------------------------------------------


class LinkProblemKind(StrEnum):
    """What is wrong with the links of a series."""

    DANGLING = "dangling"  # points at no brief of the set
    ONE_WAY = "one-way"  # A.next is B, but B.prev is not A (or the reverse)
    CYCLE = "cycle"  # following next (or prev) pointers comes back
    SELF_LINK = "self-link"  # a brief points at itself
    FORK = "fork"  # two briefs claim the same neighbour, or one brief two
    AMBIGUOUS = "ambiguous"  # a pointer matches several briefs
    DUPLICATE_TITLE = "duplicate-title"
    DUPLICATE_SLUG = "duplicate-slug"
    DUPLICATE_URL = "duplicate-url"
    DATE_ORDER = "date-order"  # next published before its predecessor


class LinkProblem(BaseModel):
    """One problem: its kind, the briefs involved (positions in the input and titles), which
    pointer (``prev``/``next``) when one is at fault, and a sentence for people."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: LinkProblemKind
    briefs: tuple[int, ...]
    titles: tuple[str, ...]
    link: Side | None = None
    message: str

    def __str__(self) -> str:
        return f"{self.kind}: {self.message}"


def _problem(
    kind: LinkProblemKind,
    briefs: Sequence[Brief],
    idx: Iterable[int],
    message: str,
    link: Side | None = None,
) -> LinkProblem:
    positions = tuple(idx)
    titles = tuple(briefs[i].title for i in positions)
    return LinkProblem(kind=kind, briefs=positions, titles=titles, link=link, message=message)


# --- matching pointers to briefs --------------------------------------------------------


class _Index:
    """Lookup of briefs by href key, path and title key."""

    def __init__(self, briefs: Sequence[Brief]) -> None:
        self.by_href: dict[str, list[int]] = {}
        self.by_path: dict[str, list[int]] = {}
        self.by_title: dict[str, list[int]] = {}
        for i, brief in enumerate(briefs):
            if brief.url:
                key = href_key(brief.url)
                self.by_href.setdefault(key, []).append(i)
                self.by_path.setdefault(_path_of(key), []).append(i)
            self.by_title.setdefault(title_key(brief.title), []).append(i)

    def resolve(self, link: BriefLink, base: str | None) -> list[int]:
        """Every brief the link may mean: by href first, then by title; [] if none."""
        if link.href:
            key = href_key(link.href, base)
            found = self.by_href.get(key) or (
                self.by_path.get(key, []) if not key.startswith("//") else []
            )
            if found:
                return found
        if link.title:
            return self.by_title.get(title_key(link.title), [])
        return []


def _describe(link: BriefLink) -> str:
    return repr(link.title or link.href)


# --- ordering and linking ---------------------------------------------------------------


def _when(value: dt.date | dt.datetime) -> dt.datetime:
    """A comparable instant: dates at midnight, aware times in UTC without tzinfo."""
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.UTC).replace(tzinfo=None)
        return value
    return dt.datetime.combine(value, dt.time.min)


def order_indices(briefs: Sequence[Brief], order: str = "given") -> list[int]:
    """Positions of ``briefs`` in series order: as given, by publication date (undated
    last) or by title; stable, so equal keys keep their input order."""
    positions = list(range(len(briefs)))
    if order == "given":
        return positions
    if order == "published":
        far = dt.datetime.max

        def date_key(i: int) -> tuple[bool, dt.datetime]:
            published = briefs[i].published
            return (published is None, far if published is None else _when(published))

        return sorted(positions, key=date_key)
    if order == "title":
        return sorted(positions, key=lambda i: title_key(briefs[i].title))
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


# --- slugs ------------------------------------------------------------------------------

_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_RESERVED = frozenset(
    {"con", "prn", "aux", "nul"} | {f"com{i}" for i in range(10)} | {f"lpt{i}" for i in range(10)}
)


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
    taken = {slugify(r) for r in reserved}
    out: list[str] = []
    for item in items:
        base = item if isinstance(item, str) else (item.slug or item.title)
        slug = slugify(base)
        candidate, n = slug, 1
        while candidate in taken:
            n += 1
            candidate = f"{slug}-{n}"
        taken.add(candidate)
        out.append(candidate)
    return out


# --- rebuilding chains ------------------------------------------------------------------


class ChainResult(Sequence[list[Brief]]):
    """What :func:`chain_from_links` found: the chains (longest first), each also as input
    positions in ``indices``, and the ambiguities it refused to guess in ``problems``.

    It is a sequence of chains, so ``for chain in chain_from_links(briefs)`` works.
    """

    def __init__(
        self, chains: list[list[Brief]], indices: list[list[int]], problems: list[LinkProblem]
    ) -> None:
        self.chains = chains
        self.indices = indices
        self.problems = problems

    @overload
    def __getitem__(self, index: int) -> list[Brief]: ...
    @overload
    def __getitem__(self, index: slice) -> list[list[Brief]]: ...
    def __getitem__(self, index: int | slice) -> list[Brief] | list[list[Brief]]:
        return self.chains[index]

    def __len__(self) -> int:
        return len(self.chains)

    def __iter__(self) -> Iterator[list[Brief]]:
        return iter(self.chains)

    def __repr__(self) -> str:
        sizes = [len(c) for c in self.chains]
        return f"ChainResult(chains={sizes}, problems={len(self.problems)})"

    @property
    def order(self) -> list[int]:
        """Every input position, chain after chain."""
        return [i for chain in self.indices for i in chain]


def _edges(
    briefs: Sequence[Brief], index: _Index, problems: list[LinkProblem]
) -> dict[tuple[int, int], set[Side]]:
    """Successor edges (a -> b) with the pointers that claim them ("next" from a, "prev"
    from b); self links and ambiguous pointers are reported and left out."""
    edges: dict[tuple[int, int], set[Side]] = {}
    for i, brief in enumerate(briefs):
        for side in ("prev", "next"):
            link: BriefLink | None = getattr(brief, side)
            if link is None:
                continue
            found = index.resolve(link, brief.url)
            if len(found) > 1:
                problems.append(
                    _problem(
                        LinkProblemKind.AMBIGUOUS,
                        briefs,
                        dict.fromkeys((i, *found)),
                        f"{side} of {brief.title!r} ({_describe(link)}) matches "
                        f"{len(found)} briefs; not followed",
                        side,
                    )
                )
                continue
            if not found:
                continue
            if found[0] == i:
                problems.append(
                    _problem(
                        LinkProblemKind.SELF_LINK,
                        briefs,
                        (i,),
                        f"{side} of {brief.title!r} points at itself",
                        side,
                    )
                )
                continue
            edge = (i, found[0]) if side == "next" else (found[0], i)
            edges.setdefault(edge, set()).add(side)
    return edges


def _settle_forks(
    briefs: Sequence[Brief],
    edges: dict[tuple[int, int], set[Side]],
    problems: list[LinkProblem],
) -> dict[int, int]:
    """One successor at most per brief and one predecessor at most per brief.

    Where several edges compete, an edge both ends agree on wins if it is the only such
    one; otherwise none is kept (the chain breaks there). Either way it is reported.
    """
    kept = dict.fromkeys(edges, True)
    for end in (0, 1):  # 0: several successors of one brief; 1: several predecessors
        groups: dict[int, list[tuple[int, int]]] = {}
        for edge in edges:
            groups.setdefault(edge[end], []).append(edge)
        for node, group in sorted(groups.items()):
            if len(group) < 2:
                continue
            mutual = [e for e in group if len(edges[e]) == 2]
            winner = mutual[0] if len(mutual) == 1 else None
            for edge in group:
                kept[edge] = kept[edge] and edge == winner
            others = sorted({e[1 - end] for e in group})
            what = "next" if end == 0 else "previous"
            names = ", ".join(repr(briefs[o].title) for o in others)
            verdict = (
                f"kept {briefs[winner[1 - end]].title!r}, whose links agree both ways"
                if winner
                else "the chain is broken there"
            )
            problems.append(
                _problem(
                    LinkProblemKind.FORK,
                    briefs,
                    (node, *others),
                    f"{briefs[node].title!r} has several {what} briefs ({names}); {verdict}",
                    "next" if end == 0 else "prev",
                )
            )
    return {a: b for (a, b), ok in kept.items() if ok}


def chain_from_links(briefs: Sequence[Brief]) -> ChainResult:
    """Rebuild series order from the briefs' own prev/next pointers.

    Pointers match by href (see :func:`href_key`; relative ones resolve against the
    pointing brief's ``url``), falling back to the title (:func:`title_key`). Each brief
    lands in exactly one chain; gaps make several chains, returned longest first (ties in
    input order). Forks, cycles, self links and pointers matching several briefs are never
    guessed through: the chain breaks there and the result's ``problems`` say why.
    """
    problems: list[LinkProblem] = []
    succ = _settle_forks(briefs, _edges(briefs, _Index(briefs), problems), problems)
    pred = {b: a for a, b in succ.items()}
    seen: set[int] = set()
    chains: list[list[int]] = []

    def walk(start: int) -> list[int]:
        chain = [start]
        seen.add(start)
        node = succ.get(start)
        while node is not None and node not in seen:
            chain.append(node)
            seen.add(node)
            node = succ.get(node)
        return chain

    for i in range(len(briefs)):
        if i not in pred and i not in seen:
            chains.append(walk(i))
    for i in range(len(briefs)):  # what is left lies on cycles
        if i in seen:
            continue
        cycle = [i]
        node = succ[i]
        while node != i:
            cycle.append(node)
            node = succ[node]
        start = _cycle_start(briefs, cycle)
        chains.append(walk(start))
        names = " -> ".join(repr(briefs[c].title) for c in chains[-1])
        problems.append(
            _problem(
                LinkProblemKind.CYCLE,
                briefs,
                chains[-1],
                f"links form a cycle ({names} -> back); broken before {briefs[start].title!r}",
                "next",
            )
        )
    chains.sort(key=lambda c: (-len(c), c[0]))
    return ChainResult([[briefs[i] for i in c] for c in chains], chains, problems)


def _cycle_start(briefs: Sequence[Brief], cycle: list[int]) -> int:
    """Where to open a cycle: its earliest-published brief, else its first in input order."""
    dated = [i for i in cycle if briefs[i].published is not None]
    if dated:
        return min(dated, key=lambda i: (_when(briefs[i].published or dt.date.min), i))
    return min(cycle)


# --- checking ---------------------------------------------------------------------------


def check_links(briefs: Sequence[Brief]) -> list[LinkProblem]:
    """Every problem with the links of a set of briefs, in a stable order: dangling,
    self, ambiguous and one-way pointers, forks, cycles, duplicate titles, slugs and urls,
    and neighbours whose dates run backwards."""
    index = _Index(briefs)
    problems: list[LinkProblem] = []
    targets: dict[Side, dict[int, int]] = {"prev": {}, "next": {}}
    for i, brief in enumerate(briefs):
        for side in ("prev", "next"):
            link: BriefLink | None = getattr(brief, side)
            if link is None:
                continue
            found = index.resolve(link, brief.url)
            if not found:
                message = f"{side} of {brief.title!r} ({_describe(link)}) matches no brief"
                problems.append(_problem(LinkProblemKind.DANGLING, briefs, (i,), message, side))
            elif len(found) > 1:
                message = (
                    f"{side} of {brief.title!r} ({_describe(link)}) matches {len(found)} briefs"
                )
                problems.append(
                    _problem(
                        LinkProblemKind.AMBIGUOUS, briefs, dict.fromkeys((i, *found)), message, side
                    )
                )
            elif found[0] == i:
                message = f"{side} of {brief.title!r} points at itself"
                problems.append(_problem(LinkProblemKind.SELF_LINK, briefs, (i,), message, side))
            else:
                targets[side][i] = found[0]
    problems += _one_way(briefs, targets)
    problems += _forks(briefs, targets)
    problems += _cycles(briefs, targets)
    problems += _duplicates(briefs)
    problems += _date_order(briefs, targets["next"])
    return problems


def _one_way(briefs: Sequence[Brief], targets: dict[Side, dict[int, int]]) -> list[LinkProblem]:
    out = []
    back: dict[Side, Side] = {"next": "prev", "prev": "next"}
    for side in ("next", "prev"):
        for a, b in sorted(targets[side].items()):
            if targets[back[side]].get(b) == a:
                continue
            there = briefs[b].next if side == "prev" else briefs[b].prev
            says = f"points at {_describe(there)}" if there else "is missing"
            message = (
                f"{side} of {briefs[a].title!r} is {briefs[b].title!r}, "
                f"but the {back[side]} of {briefs[b].title!r} {says}"
            )
            out.append(_problem(LinkProblemKind.ONE_WAY, briefs, (a, b), message, side))
    return out


def _forks(briefs: Sequence[Brief], targets: dict[Side, dict[int, int]]) -> list[LinkProblem]:
    out = []
    for side in ("next", "prev"):
        claimants: dict[int, list[int]] = {}
        for a, b in targets[side].items():
            claimants.setdefault(b, []).append(a)
        for b, group in sorted(claimants.items()):
            if len(group) > 1:
                names = ", ".join(repr(briefs[a].title) for a in sorted(group))
                message = f"{names} all give {briefs[b].title!r} as their {side}"
                out.append(
                    _problem(LinkProblemKind.FORK, briefs, (b, *sorted(group)), message, side)
                )
    return out


def _cycles(briefs: Sequence[Brief], targets: dict[Side, dict[int, int]]) -> list[LinkProblem]:
    out = []
    found: set[frozenset[int]] = set()
    for side in ("next", "prev"):
        step = targets[side]
        state: dict[int, int] = {}  # 1: on the current path, 2: done
        for start in range(len(briefs)):
            path: list[int] = []
            node: int | None = start
            while node is not None and node not in state:
                state[node] = 1
                path.append(node)
                node = step.get(node)
            if node is not None and state[node] == 1:
                cycle = path[path.index(node) :]
                if frozenset(cycle) not in found:
                    found.add(frozenset(cycle))
                    names = " -> ".join(repr(briefs[c].title) for c in cycle)
                    message = f"following {side} links loops: {names} -> back"
                    out.append(_problem(LinkProblemKind.CYCLE, briefs, cycle, message, side))
            for p in path:
                state[p] = 2
    return out


def _duplicates(briefs: Sequence[Brief]) -> list[LinkProblem]:
    out = []
    checks: tuple[tuple[LinkProblemKind, str, Callable[[Brief], str | None]], ...] = (
        (LinkProblemKind.DUPLICATE_TITLE, "title", lambda b: title_key(b.title)),
        (LinkProblemKind.DUPLICATE_SLUG, "slug", lambda b: b.slug and slugify(b.slug)),
        (LinkProblemKind.DUPLICATE_URL, "url", lambda b: b.url and href_key(b.url)),
    )
    for kind, what, key in checks:
        groups: dict[str, list[int]] = {}
        for i, brief in enumerate(briefs):
            value = key(brief)
            if value:
                groups.setdefault(value, []).append(i)
        for group in groups.values():
            if len(group) > 1:
                shown = getattr(briefs[group[0]], what)
                message = f"{len(group)} briefs share the {what} {shown!r}"
                out.append(_problem(kind, briefs, group, message))
    return out


def _date_order(briefs: Sequence[Brief], nexts: dict[int, int]) -> list[LinkProblem]:
    out = []
    for a, b in sorted(nexts.items()):
        pa, pb = briefs[a].published, briefs[b].published
        if pa is not None and pb is not None and _when(pb) < _when(pa):
            message = (
                f"{briefs[b].title!r} ({pb.isoformat()}) follows {briefs[a].title!r} "
                f"({pa.isoformat()}) but was published before it"
            )
            out.append(_problem(LinkProblemKind.DATE_ORDER, briefs, (a, b), message, "next"))
    return out
