"""The ``briefkit`` command: a thin layer over the public API.

:func:`run` is the installed command. ``briefkit --version`` and ``briefkit --help`` on their
own are answered here without importing click: the help is the group's own, 80 columns wide,
written ahead of time into :mod:`._help_text` (a test holds it equal to what click prints),
so the two commands people type to see whether briefkit is there cost little more than
Python starting. Anything else, and the help on a narrower terminal, goes to the click group
:data:`main` (:mod:`._main`), which imports a command's module only when that command runs.

Exit status: 0 on success, 1 when briefkit refuses or fails (bad input, unwritable output),
2 for a usage mistake (unknown option, missing argument), 70 for a bug (an exception
briefkit did not mean to raise: one line, the traceback only with ``-v``). ``-q``/``-v``
before the command set how much goes to stderr for every command (see :mod:`._common`).
"""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False  # typing itself is not imported: the answers below should not wait for it
if TYPE_CHECKING:
    from typing import Any

    from ._main import main
del TYPE_CHECKING

__all__ = ["main", "run"]

_VERSION = ("--version", "-V")
_HELP = ("--help", "-h")


def _columns() -> int:
    """The terminal width click would see (``shutil.get_terminal_size``'s rule, without
    importing shutil): ``COLUMNS`` if it is a positive number, else stdout's terminal, else 80."""
    try:
        columns = int(os.environ.get("COLUMNS", ""))
    except ValueError:
        columns = 0
    if columns > 0:
        return columns
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns or 80  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        return 80


def _answer(args: list[str]) -> str | None:
    """What ``briefkit ARGS`` prints when it needs no click, else None."""
    if len(args) != 1 or "_BRIEFKIT_COMPLETE" in os.environ:  # completion is click's
        return None
    if args[0] in _VERSION:
        from .._version import __version__

        return f"briefkit {__version__}\n"
    # click names the program after the command's file and wraps at the terminal's width
    # (at most 80 columns): the text written ahead of time is right only for that case
    if args[0] in _HELP and os.path.basename(sys.argv[0]) == "briefkit" and _columns() >= 80:
        from ._help_text import TEXT

        return TEXT
    return None


def run() -> Any:
    """The installed ``briefkit`` command."""
    answer = _answer(sys.argv[1:])
    if answer is None:
        from ._main import main

        return main()
    sys.stdout.write(answer)
    sys.stdout.flush()
    return 0


def __getattr__(name: str) -> Any:
    """:data:`main` (the click group) and the group module's other names, loaded on first use."""
    import importlib

    try:
        return getattr(importlib.import_module("._main", __name__), name)
    except AttributeError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
