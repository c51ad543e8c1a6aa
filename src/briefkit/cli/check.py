"""``briefkit check``: structure and link problems of a set of briefs, as text or JSON.

Exit status 1 when there is any problem (after ``--ignore``), so the command can guard a
publishing pipeline. Link problems come from :func:`briefkit.check_links`; structure
problems are inputs that do not parse and briefs without content or without a judgement.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

import briefkit
from briefkit.build import collect_inputs
from briefkit.linking import LinkProblemKind

from ._common import friendly_errors

__all__ = ["COMMANDS", "check"]

#: Structure problems, next to the link problem kinds.
STRUCTURE_KINDS = ("unreadable", "empty", "no-judgement")
KINDS = STRUCTURE_KINDS + tuple(k.value for k in LinkProblemKind)


def structure_problems(brief: briefkit.Brief) -> list[tuple[str, str]]:
    """``(kind, message)`` for a brief without content or without a judgement (the server's
    ``/check`` reports the same)."""
    if not any(s.blocks for s in brief.sections):
        return [("empty", f"{brief.title!r} has no content under its title")]
    if brief.judgement is None:
        return [("no-judgement", f"{brief.title!r} has no judgement (bottom line) section")]
    return []


@click.command(short_help="Report structure and link problems; exit 1 if any.")
@click.argument(
    "inputs", nargs=-1, required=True, metavar="INPUT...", type=click.Path(path_type=Path)
)
@click.option("--json", "as_json", is_flag=True, help="Print the problems as JSON.")
@click.option(
    "--ignore",
    multiple=True,
    type=click.Choice(KINDS),
    help="A kind of problem not to report (repeatable), e.g. dangling for a partial set.",
)
@friendly_errors
def check(inputs: tuple[Path, ...], as_json: bool, ignore: tuple[str, ...]) -> None:
    """Report structure and link problems of INPUT files and folders; exit 1 if any."""
    files, missing = collect_inputs(inputs)
    problems: list[dict[str, Any]] = [
        {"kind": "unreadable", "files": [f.path], "titles": [], "message": f.reason}
        for f in missing
    ]
    briefs: list[briefkit.Brief] = []
    paths: list[str] = []
    for path in files:
        try:
            brief = briefkit.parse(path)
        except briefkit.BriefkitError as exc:
            message = str(exc).removeprefix(f"{path}: ")
            problems.append(
                {"kind": "unreadable", "files": [str(path)], "titles": [], "message": message}
            )
            continue
        briefs.append(brief)
        paths.append(str(path))
        for kind, message in structure_problems(brief):
            problems.append(
                {"kind": kind, "files": [str(path)], "titles": [brief.title], "message": message}
            )
    for problem in briefkit.check_links(briefs):
        data = problem.model_dump(mode="json")
        data["files"] = [paths[i] for i in data.pop("briefs")]
        problems.append(data)
    problems = [p for p in problems if p["kind"] not in ignore]
    if as_json:
        report = {"ok": not problems, "files": len(files), "problems": problems}
        click.echo(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        for p in problems:
            click.echo(f"{', '.join(p['files'])}: {p['kind']}: {p['message']}")
        click.echo(
            f"{len(files)} file(s) checked, {len(problems) or 'no'} problem(s)",
            err=bool(problems),
        )
    if problems:
        raise SystemExit(1)


COMMANDS = (check,)
