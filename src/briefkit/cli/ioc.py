"""``briefkit ioc``: the indicators a brief quotes, as a table, JSON or CSV.

Values are printed defanged in the table (a terminal turns URLs into links) and refanged in
JSON and CSV, which are data for other tools; both forms are in the JSON.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path
from typing import Any

import click

import briefkit
from briefkit import ioc as indicators

from ._common import friendly_errors
from .convert import input_format

__all__ = ["COMMANDS", "ioc"]

_EPILOG = """\b
Examples:
  briefkit ioc report.html                 a table, values defanged
  briefkit ioc report.md --json | jq '.[] | select(.type == "url") | .value'
  briefkit ioc report.docx --csv > iocs.csv
  briefkit ioc - -f text < pasted.txt
"""


@click.command(epilog=_EPILOG, short_help="List the indicators a brief quotes.")
@click.argument("file", metavar="FILE")
@click.option(
    "-f", "--from", "from_", metavar="FORMAT", help="Input format or extension (default: detect)."
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON (values refanged).")
@click.option("--csv", "as_csv", is_flag=True, help="Print CSV (values refanged).")
@friendly_errors
def ioc(file: str, from_: str | None, as_json: bool, as_csv: bool) -> None:
    """List the URLs, domains, IP and e-mail addresses, hashes and CVE ids in FILE."""
    if as_json and as_csv:
        raise click.UsageError("--json and --csv exclude each other")
    fmt = input_format(from_)
    source: bytes | Path = sys.stdin.buffer.read() if file == "-" else Path(file)
    found = indicators.extract(briefkit.parse(source, format=fmt))
    if as_json:
        click.echo(json.dumps([_record(i) for i in found], indent=2, ensure_ascii=False))
    elif as_csv:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["type", "value", "defanged", "count", "sections"])
        for item in found:
            writer.writerow(
                [item.type, item.value, item.defanged, len(item.locations), _sections(item)]
            )
        click.echo(out.getvalue(), nl=False)
    else:
        for item in found:
            click.echo(f"{item.type:<7} {item.defanged}  ({_sections(item)})")


def _sections(item: indicators.Indicator) -> str:
    return "; ".join(dict.fromkeys(loc.section or loc.path for loc in item.locations))


def _record(item: indicators.Indicator) -> dict[str, Any]:
    return {
        "type": item.type,
        "value": item.value,
        "defanged": item.defanged,
        "written": item.written,
        "locations": [
            {"path": loc.path, "start": loc.start, "end": loc.end, "section": loc.section}
            for loc in item.locations
        ],
    }


COMMANDS = (ioc,)
