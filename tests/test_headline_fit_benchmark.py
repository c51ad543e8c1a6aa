"""``python -m benchmarks.headline_fit``: its fit learns the labelled headlines of the
pages it is given (a conditional logit, so in-sample it must beat taking the first line),
and its report prints the weights and the table (no timing is asserted)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import headline_fit, text_corpus  # noqa: E402

from benchmark_runs import run_benchmark  # noqa: E402


def test_the_fit_learns_the_labelled_headlines() -> None:
    data = headline_fit.pages(text_corpus.load(sets=["tuned"])[:60])
    assert len(data) >= 50  # nearly every headline is among its page's candidates
    first = sum(p.headline == 0 for p in data)
    weights = headline_fit.fit(data, iters=60)
    learnt = sum(headline_fit.top_candidate(p, weights) == p.headline for p in data)
    assert learnt > first
    assert learnt > sum(
        headline_fit.top_candidate(p, dict.fromkeys(weights, 0.0)) == p.headline for p in data
    )


def test_the_report_prints_weights_and_the_table() -> None:
    printed = run_benchmark("benchmarks.headline_fit", "--no-cv", "--iters", "5")
    assert printed.startswith("WEIGHTS: dict[str, float] = {")
    assert '    "overlap": ' in printed
    assert "| held_out |" in printed
