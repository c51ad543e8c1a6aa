"""``briefkit formats``: which parsers and renderers are installed, plugins included."""

from __future__ import annotations

import json
from typing import Any

import click

import briefkit

from ._common import friendly_errors

__all__ = ["COMMANDS", "formats"]


_EPILOG = """\b
Examples:
  briefkit formats
  briefkit formats --json | jq '.output | keys'

\b
Formats from installed plugins (entry-point groups briefkit.parsers and
briefkit.renderers) are listed with the built-in ones.
"""


@click.command(epilog=_EPILOG, short_help="List the input and output formats briefkit knows.")
@click.option("--json", "as_json", is_flag=True, help="Print the list as JSON.")
@friendly_errors
def formats(as_json: bool) -> None:
    """List the input and output formats briefkit knows."""
    inputs: dict[str, dict[str, Any]] = {
        name: {"extensions": list(info.extensions), "description": info.description}
        for name, info in sorted(briefkit.input_formats().items())
    }
    outputs: dict[str, dict[str, Any]] = {
        name: {"extension": info.extension, "description": info.description}
        for name, info in sorted(briefkit.output_formats().items())
    }
    if as_json:
        click.echo(json.dumps({"input": inputs, "output": outputs}, indent=2))
        return
    click.echo("Input formats (-f):")
    for name, data in inputs.items():
        click.echo(f"  {name:<10} {' '.join(data['extensions']):<20} {data['description']}")
    click.echo("Output formats (-t):")
    for name, data in outputs.items():
        click.echo(f"  {name:<10} {data['extension']:<20} {data['description']}")


COMMANDS = (formats,)
