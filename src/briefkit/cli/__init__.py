"""The ``briefkit`` command: a thin layer over the public API.

Each command module exports ``COMMANDS``; adding one is one line in ``_MODULES``. Exit
status: 0 on success, 1 when briefkit refuses or fails (bad input, unwritable output), 2 for
a usage mistake (unknown option, missing argument), 70 for a bug (an exception briefkit did
not mean to raise: one line, the traceback only with ``-v``). ``-q``/``-v`` before the
command set how much goes to stderr for every command (see :mod:`._common`).
"""

from __future__ import annotations

import importlib

import click

from .._version import __version__
from ._common import QUIET, VERBOSE, internal_error, set_verbosity

__all__ = ["main"]

#: Command modules, registered in this order.
_MODULES = (
    "convert",
    "formats",
    "build",
    "check",
    "ioc",
    "lint",
)

_EPILOG = """\b
Examples:
  briefkit convert brief.txt -o brief.pdf     format from the output's extension
  briefkit convert page.html -t markdown      Markdown on stdout
  briefkit build briefs/ -o site/             a linked series with an index page
  briefkit check briefs/                      link and structure problems
  briefkit lint brief.txt                     estimative language, grades, markings
  briefkit formats                            what can be read and written
  briefkit ioc report.html --csv              the indicators a brief quotes
  briefkit COMMAND --help                     options and examples of one command

\b
Exit status: 0 success, 1 error (one line on stderr), 2 usage error,
70 internal error (a bug: please report it; -v shows the traceback).
Colours appear only on a terminal; NO_COLOR=1 turns them off there too.
Shell completion: eval "$(_BRIEFKIT_COMPLETE=bash_source briefkit)"
(zsh_source and fish_source for zsh and fish).
"""


class _Main(click.Group):
    """The command group, and the last line of defence: whatever a command lets escape that
    is neither click's nor an exit becomes one line and exit status 70 (see
    :func:`~._common.internal_error`)."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except Exception as exc:
            internal_error(exc)


@click.group(cls=_Main, context_settings={"help_option_names": ["-h", "--help"]}, epilog=_EPILOG)
@click.version_option(
    __version__, "-V", "--version", prog_name="briefkit", message="%(prog)s %(version)s"
)
@click.option("-q", "--quiet", is_flag=True, help="Print only warnings and errors.")
@click.option("-v", "--verbose", is_flag=True, help="Also print what was read and timings.")
@click.pass_context
def main(ctx: click.Context, quiet: bool, verbose: bool) -> None:
    """Parse analytic briefs and render them as HTML, DOCX, PDF, text, Markdown or JSON."""
    if quiet and verbose:
        raise click.UsageError("--quiet and --verbose exclude each other")
    set_verbosity(ctx, QUIET if quiet else VERBOSE if verbose else 0)
    if quiet:
        # Commands with their own --quiet (convert, build) take it from here by default.
        defaults = dict(ctx.default_map or {})
        for name, command in main.commands.items():
            if any(param.name == "quiet" for param in command.params):
                defaults[name] = {"quiet": True, **defaults.get(name, {})}
        ctx.default_map = defaults


for _name in _MODULES:
    for _command in importlib.import_module(f"{__name__}.{_name}").COMMANDS:
        main.add_command(_command)
