"""The ``briefkit`` command group: its options, its help, and the table of its commands.

Each command module exports ``COMMANDS``; adding one is one line in ``_COMMANDS``, which
also holds the line ``briefkit --help`` shows for it. A command's module is imported only
when that command runs (or shows its own help). ``python -m briefkit.cli._main`` writes
:mod:`._help_text`, the help that :func:`briefkit.cli.run` prints without loading click.
"""

from __future__ import annotations

import importlib

import click

from .._version import __version__
from ._common import QUIET, VERBOSE, internal_error, set_verbosity

__all__ = ["main"]

#: Command name -> (module in this package, the one line ``briefkit --help`` shows; the
#: tests hold it equal to the command's own ``short_help``).
_COMMANDS: dict[str, tuple[str, str]] = {
    "convert": ("convert", "Convert briefs to other formats."),
    "schema": ("convert", "Print the JSON schema of a brief."),
    "formats": ("formats", "List the input and output formats briefkit knows."),
    "build": ("build", "Render files and folders as a linked series with an index."),
    "check": ("check", "Report structure and link problems; exit 1 if any."),
    "lint": ("lint", "Report tradecraft findings; exit 1 on errors."),
    "ioc": ("ioc", "List the indicators a brief quotes."),
    "serve": ("serve", "Serve conversions over HTTP."),
}

_EPILOG = """\b
Examples:
  briefkit convert brief.txt -o brief.pdf     format from the output's extension
  briefkit convert page.html -t markdown      Markdown on stdout
  briefkit convert *.txt -o out/ -t html,pdf  many briefs, many formats, one process
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


class _LazyGroup(click.Group):
    """A group that imports a command's module on first use of that command, and the last
    line of defence: whatever a command lets escape that is neither click's nor an exit
    becomes one line and exit status 70 (see :func:`~._common.internal_error`)."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except Exception as exc:
            internal_error(exc)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(_COMMANDS) | set(self.commands))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in _COMMANDS:
            module = importlib.import_module(f".{_COMMANDS[cmd_name][0]}", __package__)
            for command in module.COMMANDS:
                self.add_command(command)
        return self.commands.get(cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The commands and their one-line help, from the table: no module is imported."""
        rows = [
            (
                name,
                _COMMANDS[name][1]
                if name in _COMMANDS
                else self.commands[name].get_short_help_str(),
            )
            for name in self.list_commands(ctx)
        ]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(
    cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]}, epilog=_EPILOG
)
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
    name = ctx.invoked_subcommand
    command = main.get_command(ctx, name) if quiet and name else None
    if command is not None and any(param.name == "quiet" for param in command.params):
        # A command with its own --quiet (convert, build) takes it from here by default.
        defaults = dict(ctx.default_map or {})
        defaults[command.name or ""] = {"quiet": True, **defaults.get(command.name or "", {})}
        ctx.default_map = defaults


def help_text() -> str:
    """``briefkit --help`` as click prints it on a terminal 80 columns wide or wider."""
    ctx = click.Context(main, info_name="briefkit", terminal_width=78, **main.context_settings)
    return ctx.get_help() + "\n"


def _literal(line: str) -> str:
    """``line`` as a string literal in the quotes ruff's formatter would choose."""
    text = repr(line)
    if text.startswith("'") and '"' not in line:
        text = '"' + text[1:-1].replace("\\'", "'") + '"'
    return text


def help_module_text() -> str:
    """The text of :mod:`._help_text`."""
    return (
        "# Generated by `python -m briefkit.cli._main` from the command group: do not edit.\n"
        '"""``briefkit --help``, printed by :func:`briefkit.cli.run` without loading click."""\n'
        "\n"
        "TEXT = (\n"
        + "".join(f"    {_literal(line)}\n" for line in help_text().splitlines(keepends=True))
        + ")\n"
    )


if __name__ == "__main__":
    import sys
    from pathlib import Path

    target = Path(__file__).with_name("_help_text.py")
    target.write_text(help_module_text(), "utf-8")
    sys.stdout.write(f"wrote {target}\n")
