"""A bundle on a real dask cluster: ``dask scheduler`` and two ``dask worker`` processes on
loopback, each its own process with its own working folder, and one worker killed with
SIGKILL in the middle of the build.

The workers share no storage with the build: a preload script makes each refuse (and log)
any attempt to open, list, rename or remove anything in the input or the output folder, as
if they ran on machines that cannot see them. The build must still finish with every
output, each put in place exactly once by this process (which counts every rename into the
output folder: every output lands by a rename), and the files must equal those of an
undisturbed local build. Every wait is bounded. Outside CI the test skips when dask is
missing; in CI it fails.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

import briefkit
from briefkit import BuildProgress, build_bundle
from briefkit.build import MANIFEST
from briefkit.model import Brief, BriefLink, ItemList, Section, SectionKind
from briefs import item, para

try:
    from dask.distributed import Client
except ImportError:  # pragma: no cover - depends on the environment
    if os.environ.get("CI"):
        pytest.fail("dask is required in CI: pip install -e '.[test]'", pytrace=False)
    pytest.skip("dask is not installed (pip install -e '.[test]')", allow_module_level=True)

COUNT = 200
DASK = Path(sys.executable).with_name("dask")
_RENAMED: list[str] = []
_WATCHED: list[str] = []  # the folder whose renames are counted, while a build runs


def _audit(event: str, args: tuple[object, ...]) -> None:
    if event == "os.rename" and _WATCHED and str(args[1]).startswith(_WATCHED[0]):
        _RENAMED.append(os.path.basename(str(args[1])))


sys.addaudithook(_audit)

#: A dask worker's preload: no file of the build may be touched from the worker.
_GUARD = """
import os
import sys

FORBIDDEN = tuple(os.environ["GUARDED_FOLDERS"].split(os.pathsep))
LOG = os.environ["GUARD_LOG"]
EVENTS = {"open", "os.listdir", "os.scandir", "os.rename", "os.remove", "os.mkdir"}


def _touches(value):
    if not isinstance(value, (str, bytes, os.PathLike)):
        return False
    path = os.path.abspath(os.fsdecode(value))
    return any(path == f or path.startswith(f + os.sep) for f in FORBIDDEN)


def _hook(event, args):
    if event in EVENTS and any(_touches(a) for a in args):
        with open(LOG, "a", encoding="utf-8") as log:
            log.write(f"{event} {args!r}\\n")
        raise PermissionError(f"this worker may not touch {args[0]!r}")


sys.addaudithook(_hook)
"""


def _series(folder: Path) -> None:
    """COUNT linked briefs, written as text, Markdown and JSON in turn, in scrambled order."""
    folder.mkdir()
    titles = [f"Harbour Throughput Note {i + 1}" for i in range(COUNT)]
    for i, title in enumerate(titles):
        brief = Brief(
            title=title,
            published=dt.date(2024, 1, 1) + dt.timedelta(days=i),
            sections=(
                Section(
                    kind=SectionKind.JUDGEMENT,
                    heading="Analytic Judgement",
                    blocks=(para(f"Berth use in week {i + 1} stayed within its usual range."),),
                ),
                Section(
                    kind=SectionKind.EVIDENCE,
                    heading="Supporting Evidence",
                    blocks=(ItemList(items=(item("Queues", f"Ships waited {i % 9} hours."),)),),
                ),
            ),
            prev=BriefLink(title=titles[i - 1]) if i else None,
            next=BriefLink(title=titles[i + 1]) if i + 1 < COUNT else None,
        )
        name = f"{(i * 7919) % COUNT:04d}"
        fmt, ext = [("text", ".txt"), ("markdown", ".md"), ("json", ".json")][i % 3]
        (folder / f"{name}{ext}").write_text(briefkit.render(brief, fmt), encoding="utf-8")


def _wait_for(check: object, what: str, timeout: float = 120.0) -> object:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check() if callable(check) else None
        if value:
            return value
        time.sleep(0.1)
    pytest.fail(f"gave up after {timeout:.0f} s waiting for {what}")


@pytest.fixture
def cluster(tmp_path: Path) -> Iterator[tuple[str, dict[str, subprocess.Popen[bytes]]]]:
    """A scheduler and two workers on 127.0.0.1, as separate processes; the workers may not
    touch ``in/`` or ``out/`` under ``tmp_path`` (attempts go to ``<worker>/guard.log``)."""
    procs: list[subprocess.Popen[bytes]] = []
    guard = tmp_path / "guard.py"
    guard.write_text(textwrap.dedent(_GUARD), encoding="utf-8")
    folders = os.pathsep.join(str(tmp_path / name) for name in ("in", "out"))
    sched_file = tmp_path / "scheduler.json"
    common = ("--no-dashboard",)
    scheduler = ("--scheduler-file", str(sched_file))
    procs.append(
        subprocess.Popen(
            [DASK, "scheduler", "--host", "127.0.0.1", "--port", "0", *common, *scheduler],
            cwd=tmp_path,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    )
    try:
        _wait_for(sched_file.is_file, "the scheduler file")
        address = _wait_for(lambda: json.loads(sched_file.read_text() or "{}").get("address"), "it")
        workers: dict[str, subprocess.Popen[bytes]] = {}
        # One thread, and no nanny: the process we start is the worker itself.
        one = ("--host", "127.0.0.1", "--nthreads", "1", "--no-nanny", "--preload", str(guard))
        for name in ("w1", "w2"):
            home = tmp_path / name
            home.mkdir()
            log = {"GUARDED_FOLDERS": folders, "GUARD_LOG": str(home / "guard.log")}
            where = ("--name", name, "--local-directory", str(home))
            workers[name] = subprocess.Popen(
                [DASK, "worker", str(address), *where, *common, *one],
                cwd=home,
                env=os.environ | log,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            procs.append(workers[name])
        yield str(address), workers
    finally:
        for proc in reversed(procs):
            if proc.poll() is None:
                proc.terminate()
        for proc in procs:
            try:
                proc.wait(30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(10)


def test_a_real_cluster_survives_a_killed_worker(
    cluster: tuple[str, dict[str, subprocess.Popen[bytes]]], tmp_path: Path
) -> None:
    address, workers = cluster
    _series(tmp_path / "in")
    out = tmp_path / "out"
    events: list[BuildProgress] = []
    killed: list[int] = []

    def kill_one(event: BuildProgress) -> None:
        events.append(event)
        if not killed and event.stage == "render" and event.done == 40:
            killed.append(workers["w1"].pid)
            workers["w1"].send_signal(signal.SIGKILL)

    with Client(address, timeout=60) as client:
        client.wait_for_workers(2, timeout=120)
        an_input = next((tmp_path / "in").iterdir())
        with pytest.raises(PermissionError):  # the guard is real: a worker cannot read one
            client.submit(an_input.read_bytes, pure=False).result(timeout=60)
        for home in ("w1", "w2"):  # the refusal was logged by whichever worker ran it
            (tmp_path / home / "guard.log").unlink(missing_ok=True)
        _RENAMED.clear()
        _WATCHED.append(str(out) + os.sep)
        try:
            result = build_bundle(
                tmp_path / "in",
                out,
                formats=("html", "text"),
                title="Harbour Notes",
                executor=client.get_executor(),
                jobs=2,
                progress=kill_one,
            )
        finally:
            _WATCHED.clear()
        assert killed
        assert workers["w1"].wait(30) == -signal.SIGKILL
        assert len(client.scheduler_info()["workers"]) == 1  # the build finished on one
    assert result.ok, result.failures
    assert result.problems == []
    names = sorted(p.name for p in (tmp_path / "in").iterdir())
    for stage in ("scan", "render"):  # each input reported once: none lost, none doubled
        done = sorted(Path(e.item or "").name for e in events if e.stage == stage)
        assert done == names, stage
    expected = 2 * COUNT + 1  # html and text of each brief, and the index
    assert len(result.written) == len(set(result.written)) == expected
    renamed = Counter(name for name in _RENAMED if name != MANIFEST)
    assert sorted(renamed) == sorted(p.name for p in result.written)
    assert set(renamed.values()) == {1}, "an output was put in place more than once"
    attempts = [h / "guard.log" for h in (tmp_path / "w1", tmp_path / "w2")]
    assert not [p.read_text("utf-8") for p in attempts if p.exists()]
    reference = tmp_path / "reference"
    local = build_bundle(
        tmp_path / "in", reference, formats=("html", "text"), title="Harbour Notes", jobs=1
    )
    assert local.ok
    for path in reference.iterdir():
        if path.name != MANIFEST:
            assert (out / path.name).read_bytes() == path.read_bytes(), path.name
    first = briefkit.parse(out / f"{briefkit.slugify('Harbour Throughput Note 1')}.html")
    assert first.prev is None
    assert first.next is not None
    assert first.next.href == f"{briefkit.slugify('Harbour Throughput Note 2')}.html"
