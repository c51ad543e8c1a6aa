"""``briefkit build``: a folder of briefs becomes a linked bundle with an index.

A thin layer over :func:`briefkit.build_bundle`: a rich progress bar on a terminal, plain
lines otherwise (logs, CI), every failure on stderr at the end and exit status 1 if any.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

import briefkit

from ._common import fail, friendly_errors, note, warn
from ._options import SCALES, document_options, render_options

if TYPE_CHECKING:
    from briefkit.build import BuildProgress

#: ``briefkit.build.ORDERS`` (a test holds them equal), named here so that reading the
#: command line imports no build package: the workers' forkserver starts first and imports
#: the model and renderers while this process does.
ORDERS = ("auto", "given", "name", "published", "title", "links")

__all__ = ["COMMANDS", "build"]

_EPILOG = """\b
Examples:
  briefkit build archive/ -o site/
  briefkit build a.html b.html c.html -o out --order given --formats html,pdf
  briefkit build scraped/ -o out --series-pdf -j 4
  briefkit build briefs/ -o site/ --lint      tradecraft counts on the index page
  briefkit build briefs/ -o site/ --default-language en-GB --page-size Letter --toc
"""


@contextmanager
def _progress(quiet: bool) -> Iterator[Callable[[BuildProgress], None]]:
    """A progress callback: a rich bar on a terminal, one plain line per brief otherwise."""
    if quiet:
        yield lambda _: None
        return
    if not sys.stderr.isatty():

        def line(event: BuildProgress) -> None:
            if event.stage == "render" or not event.ok:
                mark = "" if event.ok else " (failed)"
                click.echo(f"{event.stage} {event.done}/{event.total} {event.item}{mark}", err=True)

        yield line
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    columns = ("{task.description}", BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True)) as bar:
        tasks = {
            "scan": bar.add_task("reading  ", total=None),
            "render": bar.add_task("rendering", total=None, visible=False),
        }

        def update(event: BuildProgress) -> None:
            bar.update(tasks[event.stage], completed=event.done, total=event.total, visible=True)

        yield update


def _preload(formats: tuple[str, ...], jobs: int | None) -> None:
    """Have the forkserver import what every worker needs (the build's worker module and
    the built-in renderers of ``formats``) and warm those renderers up once, before it
    forks the workers, instead of each worker doing it again; and start it now, so that
    it does so while this process imports the build. Process-wide, so done here in the
    command's own process and not by ``build_bundle``, which may run inside someone
    else's."""
    import multiprocessing
    from multiprocessing import forkserver

    from briefkit.registry import find_renderer

    if "forkserver" not in multiprocessing.get_all_start_methods():
        return
    modules = ["briefkit.build.work"]
    for name in formats:
        info = find_renderer(name)
        target = info.target if info is not None else None
        if isinstance(target, str) and target.startswith("briefkit."):
            modules.append(target.partition(":")[0])
    # last: renders a sample with the renderers just imported, so workers start warm
    multiprocessing.set_forkserver_preload([*modules, "briefkit.build.prewarm"])
    if (jobs or os.cpu_count() or 1) > 1:  # one job runs in this process: no workers
        forkserver.ensure_running()


@click.command(
    epilog=_EPILOG, short_help="Render files and folders as a linked series with an index."
)
@click.argument(
    "inputs", nargs=-1, required=True, metavar="INPUT...", type=click.Path(path_type=Path)
)
@click.option(
    "-o",
    "--output",
    "outdir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder to write the bundle into (created if missing).",
)
@click.option(
    "--formats",
    default="html,docx,pdf",
    show_default=True,
    help="Comma-separated output formats (see 'briefkit formats').",
)
@click.option(
    "--order",
    type=click.Choice(ORDERS),
    default="auto",
    show_default=True,
    help="Series order; auto = the briefs' own links, else dates, else file names.",
)
@click.option("-j", "--jobs", type=click.IntRange(min=1), help="Worker processes [default: CPUs].")
@click.option("--series-pdf", is_flag=True, help="Also write series.pdf with every brief.")
@click.option("--force", is_flag=True, help="Rewrite outputs even when up to date.")
@click.option("--title", help="Title of the index page [default: the folder's name].")
@click.option(
    "--lint", is_flag=True, help="Check each brief's tradecraft; counts go on the index page."
)
@click.option(
    "--scale",
    type=click.Choice(SCALES),
    default="icd203",
    show_default=True,
    help="The estimative yardstick --lint checks against.",
)
@document_options
@click.option("-q", "--quiet", is_flag=True, help="No progress, only problems and failures.")
@friendly_errors
def build(
    inputs: tuple[Path, ...],
    outdir: Path,
    formats: str,
    order: str,
    jobs: int | None,
    series_pdf: bool,
    force: bool,
    title: str | None,
    lint: bool,
    scale: str,
    quiet: bool,
    **document: Any,
) -> None:
    """Render INPUT files and folders into OUTDIR as a linked series with an index.html."""
    names = tuple(f.strip() for f in formats.split(",") if f.strip())
    options = render_options(names, **document)
    _preload(names, jobs)
    try:
        with _progress(quiet) as progress:
            result = briefkit.build_bundle(
                inputs,
                outdir,
                formats=names,
                order=order,
                jobs=jobs,
                series_pdf=series_pdf,
                force=force,
                title=title,
                options=options,
                progress=progress,
                lint=scale if lint else None,
            )
    except KeyboardInterrupt:
        note("interrupted: finished files are complete and kept; run again to go on")
        raise SystemExit(130) from None
    if not result.order and not result.failures:
        warn("no input files found (files inside the output folder are never read as input)")
    for problem in result.problems:
        warn(str(problem))
    if not quiet:
        note(
            f"{len(result.order)} briefs: {len(result.written)} files written, "
            f"{len(result.skipped)} up to date, in {outdir}"
        )
    if lint and not quiet:
        from briefkit.tradecraft import Counts

        total = Counts(*(sum(c[k] for c in result.lint.values()) for k in range(3)))
        flagged = sum(1 for c in result.lint.values() if c.errors or c.warnings)
        note(
            f"tradecraft: {total} in {flagged} of {len(result.lint)} briefs "
            "(briefkit lint lists them)"
        )
    if result.failures:
        for failure in result.failures:
            click.echo(f"briefkit: failed: {failure}", err=True)
        fail(f"{len(result.failures)} failure(s); the other outputs were written")


COMMANDS = (build,)
