"""``briefkit lint``: analytic tradecraft findings, one line each, like a compiler's.

Each finding prints as ``file:section:item: CODE message`` (see
:func:`briefkit.tradecraft.place` for the middle two); ``--json`` prints them as a list with
every field of :class:`briefkit.tradecraft.Finding` plus ``file`` and ``place``. Exit status
1 when any finding is an error (whatever ``--severity`` shows) or an input cannot be read.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

import briefkit
from briefkit import tradecraft
from briefkit.build import collect_inputs

from ._common import friendly_errors

__all__ = ["COMMANDS", "lint"]

_RANK = {"info": 0, "warning": 1, "error": 2}
_EPILOG = """\b
Examples:
  briefkit lint brief.txt                     every finding, info included
  briefkit lint briefs/ --severity warning    warnings and errors only
  briefkit lint brief.docx --scale phia       against the UK PHIA yardstick
  briefkit lint brief.md --json               findings as JSON

\b
Codes and how to fix each: the "Tradecraft checks" page of the documentation.
Exit status: 1 if any finding is an error or an input cannot be read, else 0.
"""


@click.command(epilog=_EPILOG, short_help="Report tradecraft findings; exit 1 on errors.")
@click.argument(
    "inputs", nargs=-1, required=True, metavar="FILE...", type=click.Path(path_type=Path)
)
@click.option(
    "--scale",
    type=click.Choice(tradecraft.SCALES),
    default="icd203",
    show_default=True,
    help="The estimative yardstick: ICD 203, the UK PHIA yardstick, or Kent's words.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the findings as a JSON list.")
@click.option(
    "--severity",
    type=click.Choice(tuple(_RANK)),
    default="info",
    show_default=True,
    help="Show findings of this severity and worse.",
)
@friendly_errors
def lint(inputs: tuple[Path, ...], scale: str, as_json: bool, severity: str) -> None:
    """Report tradecraft findings in FILE... (files or folders); exit 1 on errors.

    Estimative language against a yardstick, confidence levels, Admiralty grades of the
    evidence and TLP 2.0 markings.
    """
    files, missing = collect_inputs(inputs)
    unreadable = [(f.path, f.reason) for f in missing]
    shown: list[dict[str, Any]] = []
    errors = 0
    tally = tradecraft.Counts()
    for path in files:
        try:
            brief = briefkit.parse(path)
        except briefkit.BriefkitError as exc:
            unreadable.append((str(path), str(exc).removeprefix(f"{path}: ")))
            continue
        findings = tradecraft.check(brief, scale=scale)
        counts = tradecraft.count(findings)
        tally = tradecraft.Counts(*(a + b for a, b in zip(tally, counts, strict=True)))
        errors += counts.errors
        for finding in findings:
            if _RANK[finding.severity] >= _RANK[severity]:
                data = finding.model_dump(mode="json")
                shown.append(
                    {"file": str(path), "place": tradecraft.place(brief, finding.where), **data}
                )
    if as_json:
        click.echo(json.dumps(shown, indent=2, ensure_ascii=False))
    else:
        for f in shown:
            click.echo(f"{f['file']}:{f['place']}: {f['code']} {f['message']}")
    for name, reason in unreadable:
        click.echo(f"briefkit: error: {name}: {reason}", err=True)
    if not as_json:
        checked = len(files) + len(missing) - len(unreadable)
        tail = f"; {len(unreadable)} unreadable" if unreadable else ""
        click.echo(f"{checked} file(s) checked: {tally}{tail}", err=True)
    if errors or unreadable:
        raise SystemExit(1)


COMMANDS = (lint,)
