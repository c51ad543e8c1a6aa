"""What every command shares: one-line messages on stderr, never a traceback.

Messages go through :func:`fail`, :func:`warn`, :func:`note` and :func:`detail`, which honour
the ``-q``/``-v`` given before the command: errors and warnings always show, notes unless
``-q``, details only with ``-v``. The ``error``/``warning`` tags are coloured only when
stderr is a terminal (click strips the codes otherwise) and never when ``NO_COLOR`` is set.

An exception briefkit did not mean to raise is a bug, not the user's mistake:
:func:`internal_error` says so in one line, with how to report it, and exits with
:data:`INTERNAL_ERROR`; the traceback is printed only with ``-v``.
"""

from __future__ import annotations

import functools
import os
import traceback
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import NoReturn, ParamSpec, TypeVar

import click

from ..errors import BriefkitError

__all__ = [
    "INTERNAL_ERROR",
    "QUIET",
    "VERBOSE",
    "detail",
    "fail",
    "friendly_errors",
    "internal_error",
    "note",
    "set_verbosity",
    "verbosity",
    "warn",
]

P = ParamSpec("P")
R = TypeVar("R")

#: Verbosity levels: -1 with ``--quiet``, 0 by default, 1 with ``--verbose``.
QUIET, VERBOSE = -1, 1
_KEY = "briefkit.verbosity"
#: Exit status of an unexpected exception (a bug): ``EX_SOFTWARE`` of ``sysexits.h``.
INTERNAL_ERROR = 70


def set_verbosity(ctx: click.Context, level: int) -> None:
    """Remember the verbosity for every command run under ``ctx``."""
    ctx.meta[_KEY] = level


def verbosity() -> int:
    """The verbosity of the running command (0 outside a command, e.g. in tests)."""
    ctx = click.get_current_context(silent=True)
    level = ctx.meta.get(_KEY, 0) if ctx is not None else 0
    return int(level)


def _color() -> bool | None:
    """False when NO_COLOR is set (https://no-color.org); else click decides (a terminal)."""
    return False if os.environ.get("NO_COLOR") else None


def _tagged(tag: str, colour: str, message: str) -> None:
    label = click.style(tag, fg=colour, bold=True)
    click.echo(f"briefkit: {label}: {_one_line(message)}", err=True, color=_color())


def fail(message: str) -> NoReturn:
    """Print one error line to stderr and exit with status 1."""
    _tagged("error", "red", message)
    raise SystemExit(1)


def internal_error(exc: BaseException) -> NoReturn:
    """Report an exception briefkit did not mean to raise and exit with INTERNAL_ERROR."""
    if verbosity() >= VERBOSE:
        text = "".join(traceback.format_exception(exc))
        click.echo(text.rstrip("\n"), err=True)
    what = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    _tagged(
        "error",
        "red",
        f"internal error ({what}). This is a bug in briefkit, not a problem with your "
        "input: please report it with the command, the input file and the output of the "
        "same command run with 'briefkit -v', which adds the traceback.",
    )
    raise SystemExit(INTERNAL_ERROR)


def warn(message: str) -> None:
    """Print one warning line to stderr (shown even with ``--quiet``)."""
    _tagged("warning", "yellow", message)


def note(message: str) -> None:
    """Print an informational line to stderr, unless ``--quiet``."""
    if verbosity() > QUIET:
        click.echo(f"briefkit: {message}", err=True)


def detail(message: str) -> None:
    """Print a line to stderr only with ``--verbose``."""
    if verbosity() >= VERBOSE:
        click.echo(f"briefkit: {message}", err=True)


def _one_line(message: str) -> str:
    return " ".join(str(message).split())


@contextmanager
def _warnings_as_lines() -> Iterator[None]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        # A library's unclosed file (WeasyPrint's colour profile for PDF/A) is for its
        # developers, not a problem with the user's brief.
        warnings.simplefilter("ignore", ResourceWarning)
        try:
            yield
        finally:
            for item in caught:
                warn(str(item.message))


def friendly_errors(func: Callable[P, R]) -> Callable[P, R]:
    """Turn briefkit's and the file system's errors into one line and exit status 1.

    With ``--verbose`` the line also names the error class (``ParseError``, ``LimitError``...).
    """

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            with _warnings_as_lines():
                return func(*args, **kwargs)
        except BriefkitError as exc:
            kind = f"{type(exc).__name__}: " if verbosity() >= VERBOSE else ""
            fail(f"{kind}{exc}")
        except OSError as exc:
            where = f"{exc.filename}: " if exc.filename else ""
            fail(f"{where}{exc.strerror or exc}")

    return wrapper
