"""Rebuilding series order from the briefs' own prev/next pointers.

As when hundreds of scraped pages land in an unordered folder: each page names its
neighbours, and the chains they form are the series. Where the pointers disagree (forks,
cycles, ambiguous matches) the chain breaks and the reason is reported, never guessed.
"""

from __future__ import annotations

import datetime as dt
from array import array
from collections.abc import Iterator, Sequence
from typing import overload

from ..model import Brief
from ..packed import sorted_positions
from ..syntax import dates
from .matching import LinkKeys, follow_pointers
from .problems import Linkable, LinkProblem, LinkProblemKind, problem

__all__ = ["ChainResult", "chain_from_links", "chain_order", "chain_positions"]


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


def _targets(
    briefs: Sequence[Linkable], keys: LinkKeys | None, problems: list[LinkProblem]
) -> tuple[array[int], array[int]]:
    """The brief each next and each prev pointer means (-1: none, or not followed: self
    links and ambiguous pointers are reported and left out)."""
    nxt, prv = array("q", [-1]) * len(briefs), array("q", [-1]) * len(briefs)
    pointers = follow_pointers(
        briefs, problems, report_dangling=False, ambiguous_note="; not followed", keys=keys
    )
    for i, side, target in pointers:
        (nxt if side == "next" else prv)[i] = target
    return nxt, prv


def _settle_forks(
    briefs: Sequence[Linkable], nxt: array[int], prv: array[int], problems: list[LinkProblem]
) -> array[int]:
    """The successor of each brief (-1: none), one at most each way: an edge a -> b is
    claimed by a's next or b's prev (or both).

    Where several edges compete at a brief, an edge both ends agree on wins if it is the
    only such one; otherwise none is kept (the chain breaks there). Either way it is
    reported. The edges are kept as two arrays, not a table of pairs.
    """
    dropped: set[tuple[int, int]] = set()
    # 0: several successors of one brief (its next, and every prev naming it);
    # 1: several predecessors (its prev, and every next naming it)
    for end, own, other in ((0, nxt, prv), (1, prv, nxt)):
        first = array("q", own)
        forks: dict[int, list[int]] = {}
        for b, a in enumerate(other):
            if a >= 0 and first[a] != b:
                if first[a] < 0:
                    first[a] = b
                else:
                    forks.setdefault(a, [])
        del first
        for b, a in enumerate(other):  # every claimant of the forks, in position order
            if a in forks and own[a] != b:
                forks[a].append(b)
        for node, claimed in sorted(forks.items()):
            winner = own[node] if own[node] >= 0 and other[own[node]] == node else None
            group = ([own[node]] if own[node] >= 0 else []) + claimed
            edges = [(node, b) if end == 0 else (b, node) for b in group]
            dropped.update(e for e in edges if winner is None or e[1 - end] != winner)
            others = sorted(set(group))
            what = "next" if end == 0 else "previous"
            names = ", ".join(repr(briefs[o].title) for o in others)
            verdict = (
                f"kept {briefs[winner].title!r}, whose links agree both ways"
                if winner is not None
                else "the chain is broken there"
            )
            problems.append(
                problem(
                    LinkProblemKind.FORK,
                    briefs,
                    (node, *others),
                    f"{briefs[node].title!r} has several {what} briefs ({names}); {verdict}",
                    "next" if end == 0 else "prev",
                )
            )
    succ = array("q", [-1]) * len(briefs)
    for a, b in enumerate(nxt):
        if b >= 0 and (a, b) not in dropped:
            succ[a] = b
    for b, a in enumerate(prv):
        if a >= 0 and (a, b) not in dropped:
            succ[a] = b
    return succ


def chain_from_links(briefs: Sequence[Brief]) -> ChainResult:
    """Rebuild series order from the briefs' own prev/next pointers.

    Pointers match by href (see :func:`~briefkit.linking.href_key`; relative ones resolve
    against the pointing brief's ``url``), falling back to the title
    (:func:`~briefkit.linking.title_key`). Each brief lands in exactly one chain; gaps make
    several chains, returned longest first (ties in input order). Forks, cycles, self links
    and pointers matching several briefs are never guessed through: the chain breaks there
    and the result's ``problems`` say why.
    """
    chains, problems = chain_positions(briefs)
    return ChainResult([[briefs[i] for i in c] for c in chains], chains, problems)


def chain_positions(
    briefs: Sequence[Linkable], keys: LinkKeys | None = None
) -> tuple[list[list[int]], list[LinkProblem]]:
    """:func:`chain_from_links` as input positions only: the chains (longest first) and
    the problems, from any records with a brief's title, url, published, prev and next
    (``keys``: their keys, if not the strings computed from them; see
    :mod:`~briefkit.linking.matching`)."""
    flat, starts, problems = chain_order(briefs, keys)
    ends = [*starts[1:], len(flat)] if starts else []
    return [list(flat[a:b]) for a, b in zip(starts, ends, strict=True)], problems


def chain_order(
    briefs: Sequence[Linkable], keys: LinkKeys | None = None
) -> tuple[array[int], array[int], list[LinkProblem]]:
    """:func:`chain_positions` as arrays: every position, chain after chain (longest
    first), where each chain starts in it, and the problems. Nothing is kept per brief
    but a few numbers, so a bundle orders 10,000 briefs in little memory."""
    problems: list[LinkProblem] = []
    nxt, prv = _targets(briefs, keys, problems)
    succ = _settle_forks(briefs, nxt, prv, problems)
    del nxt, prv
    has_pred = bytearray(len(briefs))
    for b in succ:
        if b >= 0:
            has_pred[b] = 1
    seen = bytearray(len(briefs))
    flat, starts = array("q"), array("q")

    def walk(start: int) -> None:
        starts.append(len(flat))
        node = start
        while node >= 0 and not seen[node]:
            flat.append(node)
            seen[node] = 1
            node = succ[node]

    for i in range(len(briefs)):
        if not has_pred[i] and not seen[i]:
            walk(i)
    for i in range(len(briefs)):  # what is left lies on cycles
        if seen[i]:
            continue
        cycle = [i]
        node = succ[i]
        while node != i:
            cycle.append(node)
            node = succ[node]
        start = _cycle_start(briefs, cycle)
        walk(start)
        chain = flat[starts[-1] :]
        names = " -> ".join(repr(briefs[c].title) for c in chain)
        problems.append(
            problem(
                LinkProblemKind.CYCLE,
                briefs,
                chain,
                f"links form a cycle ({names} -> back); broken before {briefs[start].title!r}",
                "next",
            )
        )
    ends = array("q", starts[1:])
    ends.append(len(flat))
    # longest first, ties by their first brief (the order chains were found in)
    ranked = sorted_positions(len(starts), lambda c: (starts[c] - ends[c], flat[starts[c]]))
    order, bounds = array("q"), array("q")
    for c in ranked:
        bounds.append(len(order))
        order.extend(flat[starts[c] : ends[c]])
    return order, bounds, problems


def _cycle_start(briefs: Sequence[Linkable], cycle: list[int]) -> int:
    """Where to open a cycle: its earliest-published brief, else its first in input order."""
    dated = [i for i in cycle if briefs[i].published is not None]
    if dated:
        return min(dated, key=lambda i: (dates.instant(briefs[i].published or dt.date.min), i))
    return min(cycle)
