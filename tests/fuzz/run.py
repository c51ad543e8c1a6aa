"""Coverage-guided fuzzing of one parser with atheris (libFuzzer) for a bounded time.

    python tests/fuzz/run.py FORMAT [--seconds N] [--corpus DIR]

FORMAT is ``text``, ``markdown``, ``html``, ``json`` or ``docx``. The corpus folder
(default ``.fuzz/FORMAT`` at the repository root, ignored by git) is seeded from the
project's fixtures and examples and keeps every input that reached new code, so each run
starts where the last one stopped, as hypothesis does with its example database. An input
that makes something other than a ``BriefkitError`` escape is written as
``.fuzz/FORMAT-crash-<sha1>`` and the run exits non-zero; ``--replay FILE`` runs one input
again and prints the traceback. ``tests/security/test_fuzz.py`` (marked ``nightly``) runs
every format through this script.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]  # targets, and the tests' briefs module

from targets import ROOT, TARGETS, seeds  # noqa: E402


def _seed(corpus: Path, fmt: str) -> None:
    corpus.mkdir(parents=True, exist_ok=True)
    for data in seeds(fmt):
        name = "seed-" + hashlib.sha1(data).hexdigest()
        if not (corpus / name).exists():
            (corpus / name).write_bytes(data)


def main(argv: list[str] | None = None) -> int:
    args = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    args.add_argument("format", choices=sorted(TARGETS))
    args.add_argument("--seconds", type=int, default=60)
    args.add_argument("--corpus", type=Path)
    args.add_argument("--replay", type=Path, help="run one input and show its traceback")
    opts = args.parse_args(argv)
    warnings.simplefilter("ignore")
    if opts.replay:
        TARGETS[opts.format](opts.replay.read_bytes())
        print("no finding")
        return 0

    import atheris

    with atheris.instrument_imports(include=["briefkit"]):
        import briefkit.parsers.docx
        import briefkit.parsers.html
        import briefkit.parsers.json
        import briefkit.parsers.markdown
        import briefkit.parsers.text
        import briefkit.renderers.docx
        import briefkit.renderers.html
        import briefkit.renderers.markdown
        import briefkit.renderers.text  # noqa: F401

    corpus = opts.corpus or ROOT / ".fuzz" / opts.format
    _seed(corpus, opts.format)
    crash = ROOT / ".fuzz" / f"{opts.format}-crash-"
    libfuzzer = [
        sys.argv[0],
        f"-max_total_time={opts.seconds}",
        f"-artifact_prefix={crash}",
        "-max_len=65536",
        "-timeout=120",
        "-rss_limit_mb=4096",
        "-print_final_stats=1",
        str(corpus),
    ]
    atheris.Setup(libfuzzer, TARGETS[opts.format])
    atheris.Fuzz()
    return 0


if __name__ == "__main__":
    sys.exit(main())
