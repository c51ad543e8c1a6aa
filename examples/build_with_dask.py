"""Build a bundle on a dask cluster instead of local processes.

``build_bundle`` takes any ``concurrent.futures.Executor``. The inputs go to the workers as
bytes and the rendered documents come back as bytes, written here, so the workers need no
shared file system: a cluster on other machines works the same way. Here a ``LocalCluster``
stands in for the cluster (``Client("tcp://scheduler:8786")`` for a real one); without dask
the same call runs on a ``ProcessPoolExecutor``.

    python examples/build_with_dask.py                    # a generated demo series
    python examples/build_with_dask.py briefs/ -o site/   # your own files and folders

Install dask with ``pip install "dask[distributed]"``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import ExitStack
from pathlib import Path

import briefkit
from briefkit import Brief, Item, ItemList, Paragraph, Section, SectionKind, Text


def demo_series(folder: Path, count: int = 12) -> Path:
    """Write ``count`` short dated briefs as JSON into ``folder``; returns the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        brief = Brief(
            title=f"Port Traffic Note {i + 1}",
            published=dt.date(2024, 1, 1) + dt.timedelta(weeks=i),
            sections=(
                Section(
                    kind=SectionKind.JUDGEMENT,
                    heading="Analytic Judgement",
                    blocks=(
                        Paragraph(
                            content=(Text(text=f"Container traffic in week {i + 1} held steady."),)
                        ),
                    ),
                ),
                Section(
                    kind=SectionKind.EVIDENCE,
                    heading="Supporting Evidence",
                    blocks=(
                        ItemList(
                            items=(
                                Item(lead="Berths", body=(Text(text="No berth stood idle."),)),
                                Item(lead="Queues", body=(Text(text="Waiting times fell."),)),
                            )
                        ),
                    ),
                ),
            ),
        )
        (folder / f"note-{i + 1:03d}.json").write_text(brief.to_json(), "utf-8")
    return folder


def executor(stack: ExitStack, workers: int) -> Executor:
    """A dask executor on a local cluster if dask is installed, else a process pool."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        print("dask is not installed: falling back to a local ProcessPoolExecutor")
        return stack.enter_context(ProcessPoolExecutor(max_workers=workers))
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, dashboard_address=None)  # type: ignore[no-untyped-call]
    client = stack.enter_context(Client(stack.enter_context(cluster)))  # type: ignore[no-untyped-call]
    print(f"running on dask: {len(client.scheduler_info()['workers'])} workers")
    dask_executor: Executor = client.get_executor()
    return dask_executor


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="*", type=Path, help="files and folders of briefs")
    parser.add_argument("-o", "--output", type=Path, help="output folder")
    parser.add_argument("--formats", default="html,pdf", help="comma-separated formats")
    parser.add_argument("-j", "--workers", type=int, default=2, help="worker processes")
    args = parser.parse_args()

    with ExitStack() as stack:
        scratch = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        inputs = args.inputs or [demo_series(scratch / "in")]
        outdir = args.output or Path("bundle-demo")
        result = briefkit.build_bundle(
            inputs,
            outdir,
            formats=tuple(args.formats.split(",")),
            executor=executor(stack, args.workers),
            jobs=args.workers,  # sizes the batches and how many are in flight
        )
    print(f"{len(result.written)} written, {len(result.skipped)} up to date in {outdir}")
    for failure in result.failures:
        print(f"failed: {failure}", file=sys.stderr)
    return 0 if result.ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
