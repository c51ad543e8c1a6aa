"""The ``briefkit`` command: a thin layer over the public API.

Each command module exports ``COMMANDS``; adding one is one line in ``_MODULES``. Exit
status: 0 on success, 1 when briefkit refuses or fails (bad input, unwritable output), 2 for
a usage mistake (unknown option, missing argument).
"""

from __future__ import annotations

import importlib

import click

from .._version import __version__

__all__ = ["main"]

#: Command modules, registered in this order.
_MODULES = (
    "convert",
    "formats",
    "build",
    "check",
)


@click.group(
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog="Exit status: 0 success, 1 error (one line on stderr), 2 usage error.",
)
@click.version_option(
    __version__, "-V", "--version", prog_name="briefkit", message="%(prog)s %(version)s"
)
def main() -> None:
    """Parse analytic briefs and render them as HTML, DOCX, PDF, text, Markdown or JSON."""


for _name in _MODULES:
    for _command in importlib.import_module(f"{__name__}.{_name}").COMMANDS:
        main.add_command(_command)
