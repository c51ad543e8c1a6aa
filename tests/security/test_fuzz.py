"""Nightly: coverage-guided fuzzing of every parser for a bounded time.

Each format runs ``tests/fuzz/run.py`` (atheris, i.e. libFuzzer) for ``FUZZ_SECONDS``
seconds (default 600) in a subprocess, on a corpus kept in ``.fuzz/`` between runs. A
finding fails the test and names the input file that reproduces it::

    HYPOTHESIS_PROFILE=nightly python -m pytest tests/security/test_fuzz.py
    python tests/fuzz/run.py markdown --replay .fuzz/markdown-crash-<sha1>

Skipped unless the nightly profile is loaded (or ``-m nightly``), like every nightly test,
and when atheris is not installed (``pip install -e '.[fuzz]'``).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RUN = ROOT / "tests" / "fuzz" / "run.py"
FORMATS = ("text", "markdown", "html", "json", "docx")


@pytest.mark.nightly
@pytest.mark.parametrize("fmt", FORMATS)
def test_fuzzing_finds_nothing(fmt: str) -> None:
    pytest.importorskip("atheris", reason="atheris is not installed: pip install -e '.[fuzz]'")
    seconds = int(os.environ.get("FUZZ_SECONDS", "600"))
    before = set((ROOT / ".fuzz").glob(f"{fmt}-crash-*"))
    result = subprocess.run(
        [sys.executable, str(RUN), fmt, "--seconds", str(seconds)],
        capture_output=True,
        text=True,
        timeout=seconds + 600,
        check=False,
    )
    found = sorted(set((ROOT / ".fuzz").glob(f"{fmt}-crash-*")) - before)
    tail = "\n".join(result.stderr.splitlines()[-40:])
    assert not found, f"{fmt}: {[str(p) for p in found]}\n{tail}"
    assert result.returncode == 0, tail
