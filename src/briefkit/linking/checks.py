"""Checking the links of a set of briefs: every problem, reported in a stable order."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..model import Brief
from ..syntax import dates
from .keys import href_key, slugify, title_key
from .matching import follow_pointers
from .problems import LinkProblem, LinkProblemKind, Side, describe, problem

__all__ = ["check_links"]

_Targets = dict[Side, dict[int, int]]


def check_links(briefs: Sequence[Brief]) -> list[LinkProblem]:
    """Every problem with the links of a set of briefs, in a stable order: dangling,
    self, ambiguous and one-way pointers, forks, cycles, duplicate titles, slugs and urls,
    and neighbours whose dates run backwards."""
    problems: list[LinkProblem] = []
    targets: _Targets = {"prev": {}, "next": {}}
    for i, side, target in follow_pointers(briefs, problems, report_dangling=True):
        targets[side][i] = target
    problems += _one_way(briefs, targets)
    problems += _forks(briefs, targets)
    problems += _cycles(briefs, targets)
    problems += _duplicates(briefs)
    problems += _date_order(briefs, targets["next"])
    return problems


def _one_way(briefs: Sequence[Brief], targets: _Targets) -> list[LinkProblem]:
    out = []
    back: dict[Side, Side] = {"next": "prev", "prev": "next"}
    for side in ("next", "prev"):
        for a, b in sorted(targets[side].items()):
            if targets[back[side]].get(b) == a:
                continue
            there = briefs[b].next if side == "prev" else briefs[b].prev
            says = f"points at {describe(there)}" if there else "is missing"
            message = (
                f"{side} of {briefs[a].title!r} is {briefs[b].title!r}, "
                f"but the {back[side]} of {briefs[b].title!r} {says}"
            )
            out.append(problem(LinkProblemKind.ONE_WAY, briefs, (a, b), message, side))
    return out


def _forks(briefs: Sequence[Brief], targets: _Targets) -> list[LinkProblem]:
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
                    problem(LinkProblemKind.FORK, briefs, (b, *sorted(group)), message, side)
                )
    return out


def _cycles(briefs: Sequence[Brief], targets: _Targets) -> list[LinkProblem]:
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
                    out.append(problem(LinkProblemKind.CYCLE, briefs, cycle, message, side))
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
                out.append(problem(kind, briefs, group, message))
    return out


def _date_order(briefs: Sequence[Brief], nexts: dict[int, int]) -> list[LinkProblem]:
    out = []
    for a, b in sorted(nexts.items()):
        pa, pb = briefs[a].published, briefs[b].published
        if pa is not None and pb is not None and dates.instant(pb) < dates.instant(pa):
            message = (
                f"{briefs[b].title!r} ({pb.isoformat()}) follows {briefs[a].title!r} "
                f"({pa.isoformat()}) but was published before it"
            )
            out.append(problem(LinkProblemKind.DATE_ORDER, briefs, (a, b), message, "next"))
    return out
