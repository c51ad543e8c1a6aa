"""Rebuilding series order from the briefs' own prev/next pointers.

As when hundreds of scraped pages land in an unordered folder: each page names its
neighbours, and the chains they form are the series. Where the pointers disagree (forks,
cycles, ambiguous matches) the chain breaks and the reason is reported, never guessed.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import overload

from ..model import Brief
from ..syntax import dates
from .problems import Linkable, LinkProblem, LinkProblemKind, follow_pointers, problem

__all__ = ["ChainResult", "chain_from_links", "chain_positions"]


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


_NEXT, _PREV, _BOTH = 1, 2, 3  # which pointers claim an edge


def _edges(briefs: Sequence[Linkable], problems: list[LinkProblem]) -> dict[tuple[int, int], int]:
    """Successor edges (a -> b) with the pointers that claim them, as bits ("next" from
    a, "prev" from b); self links and ambiguous pointers are reported and left out."""
    edges: dict[tuple[int, int], int] = {}
    pointers = follow_pointers(
        briefs, problems, report_dangling=False, ambiguous_note="; not followed"
    )
    for i, side, target in pointers:
        edge = (i, target) if side == "next" else (target, i)
        edges[edge] = edges.get(edge, 0) | (_NEXT if side == "next" else _PREV)
    return edges


def _settle_forks(
    briefs: Sequence[Linkable],
    edges: dict[tuple[int, int], int],
    problems: list[LinkProblem],
) -> dict[int, int]:
    """One successor at most per brief and one predecessor at most per brief.

    Where several edges compete, an edge both ends agree on wins if it is the only such
    one; otherwise none is kept (the chain breaks there). Either way it is reported.
    """
    dropped: set[tuple[int, int]] = set()
    for end in (0, 1):  # 0: several successors of one brief; 1: several predecessors
        # only the nodes with several edges get a list (a count per node finds them)
        counts = Counter(edge[end] for edge in edges)
        groups: dict[int, list[tuple[int, int]]] = {}
        for edge in edges:
            if counts[edge[end]] > 1:
                groups.setdefault(edge[end], []).append(edge)
        del counts
        for node, group in sorted(groups.items()):
            mutual = [e for e in group if edges[e] == _BOTH]
            winner = mutual[0] if len(mutual) == 1 else None
            dropped.update(edge for edge in group if edge != winner)
            others = sorted({e[1 - end] for e in group})
            what = "next" if end == 0 else "previous"
            names = ", ".join(repr(briefs[o].title) for o in others)
            verdict = (
                f"kept {briefs[winner[1 - end]].title!r}, whose links agree both ways"
                if winner
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
    return {a: b for (a, b) in edges if (a, b) not in dropped}


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


def chain_positions(briefs: Sequence[Linkable]) -> tuple[list[list[int]], list[LinkProblem]]:
    """:func:`chain_from_links` as input positions only: the chains (longest first) and
    the problems, from any records with a brief's title, url, published, prev and next
    (a bundle orders its scan records so, without building a Brief per input)."""
    problems: list[LinkProblem] = []
    succ = _settle_forks(briefs, _edges(briefs, problems), problems)
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
            problem(
                LinkProblemKind.CYCLE,
                briefs,
                chains[-1],
                f"links form a cycle ({names} -> back); broken before {briefs[start].title!r}",
                "next",
            )
        )
    chains.sort(key=lambda c: (-len(c), c[0]))
    return chains, problems


def _cycle_start(briefs: Sequence[Linkable], cycle: list[int]) -> int:
    """Where to open a cycle: its earliest-published brief, else its first in input order."""
    dated = [i for i in cycle if briefs[i].published is not None]
    if dated:
        return min(dated, key=lambda i: (dates.instant(briefs[i].published or dt.date.min), i))
    return min(cycle)
