"""``python -m benchmarks.headline_fit``: fit the headline scorer's weights
(:mod:`briefkit.syntax.headline_score`) on the tuned corpus and measure how often the
headline is found, by the title finder's rules alone, by the scorer alone and by the two
together (what ``parse_text`` does), on the tuned briefs (the scorer by five-fold
cross-validation, so no brief is scored by weights fitted on it) and on the held-out ones.

The model is a conditional logit: on each page, the probability that candidate line *k* is
the headline is the softmax of ``w · features(k)`` over the page's candidates; the weights
minimise the mean negative log-likelihood of the labelled headlines (plus a small L2
penalty) by full-batch gradient descent. Pages whose headline is none of the candidates
(a title read off a breadcrumb, or run into its first paragraph) are left out.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
from collections.abc import Sequence
from dataclasses import dataclass

from briefkit import BriefkitError, parse_text
from briefkit.syntax import headline_score
from briefkit.syntax.title import candidates, read_head

from .text_corpus import Case, load

_FOLDS = 5


@dataclass
class Page:
    case: Case
    rows: list[dict[str, float]]  # one per candidate line
    headline: int  # the labelled headline's candidate
    ruled: int | None  # the title finder's rules' candidate


def _plain(text: str) -> str:
    return " ".join(text.replace("**", "").lstrip("#").split())


def pages(cases: Sequence[Case]) -> list[Page]:
    out = []
    for case in cases:
        lines = case.text.replace("\r\n", "\n").split("\n")
        start = next(i for i, line in enumerate(lines) if line.strip())
        cands = candidates(lines, start)[: headline_score.REACH]
        want = _plain(case.expected["title"])
        texts = [_plain(t) for _, t in cands]
        k = next((j for j, t in enumerate(texts) if t == want), None)
        if k is None:
            k = next((j for j, t in enumerate(texts) if want and want in t), None)
        if k is None:
            continue
        try:
            line = read_head(lines, start, rescore=False).line
        except BriefkitError:
            line = -1
        ruled = next((j for j, (i, _) in enumerate(cands) if i == line), None)
        rows = headline_score.table(lines, cands)
        out.append(Page(case, rows, k, ruled))
    return out


def fit(
    data: Sequence[Page], iters: int = 300, rate: float = 0.5, l2: float = 1e-3
) -> dict[str, float]:
    names = list(data[0].rows[0])
    weights = dict.fromkeys(names, 0.0)
    for _ in range(iters):
        grad = dict.fromkeys(names, 0.0)
        for page in data:
            scores = [headline_score.score(row, weights) for row in page.rows]
            top = max(scores)
            exps = [math.exp(s - top) for s in scores]
            total = sum(exps)
            for j, row in enumerate(page.rows):
                coef = exps[j] / total - (j == page.headline)
                for name, value in row.items():
                    if value:
                        grad[name] += coef * value
        for name in names:
            weights[name] -= rate * (grad[name] / len(data) + l2 * weights[name])
    return weights


def top_candidate(page: Page, weights: dict[str, float]) -> int:
    scores = [headline_score.score(row, weights) for row in page.rows]
    return max(range(len(scores)), key=scores.__getitem__)


def cross_validated(data: Sequence[Page], iters: int) -> int:
    """How many headlines the scorer alone finds, each page scored by weights fitted on
    the other folds."""
    order = list(range(len(data)))
    random.Random(1).shuffle(order)
    right = 0
    for fold in range(_FOLDS):
        held = set(order[fold::_FOLDS])
        weights = fit([p for i, p in enumerate(data) if i not in held], iters)
        right += sum(top_candidate(data[i], weights) == data[i].headline for i in held)
    return right


def _parsed_title_right(case: Case) -> bool:
    try:
        return parse_text(case.text).title == case.expected["title"]
    except BriefkitError:
        return False


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks.headline_fit", description=__doc__)
    p.add_argument("--iters", type=int, default=300, help="gradient-descent steps")
    p.add_argument("--no-cv", action="store_true", help="skip the cross-validation")
    args = p.parse_args(argv)
    tuned = pages(load(sets=["tuned"]))
    held = pages(load(sets=["held_out"]))
    weights = fit(tuned, args.iters)
    print("WEIGHTS: dict[str, float] = {")
    for name, value in weights.items():
        print(f'    "{name}": {value:.2f},')
    print("}\n")
    print("| set | pages | rules alone | scorer alone | parse_text (both) |")
    print("|---|---|---|---|---|")
    for name, data in (("tuned", tuned), ("held_out", held)):
        rules = sum(p.ruled == p.headline for p in data)
        alone = (
            "–"
            if name == "tuned" and args.no_cv
            else cross_validated(data, args.iters)
            if name == "tuned"
            else sum(top_candidate(p, weights) == p.headline for p in data)
        )
        both = sum(_parsed_title_right(p.case) for p in data)
        print(f"| {name} | {len(data)} | {rules} | {alone} | {both} |")
    print("\n(tuned: the scorer alone by five-fold cross-validation; the rules were developed")
    print("on these pages, so their count there is no measure of pages they have not seen)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
