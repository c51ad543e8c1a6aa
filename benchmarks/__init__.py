"""Reproducible speed and memory measurements of briefkit, with a pandoc comparison.

Run ``python -m benchmarks`` from the repository root; see docs/performance.md.
"""
