"""What every command shares: one-line errors and warnings on stderr, never a traceback."""

from __future__ import annotations

import functools
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import NoReturn, ParamSpec, TypeVar

import click

from ..errors import BriefkitError

__all__ = ["fail", "friendly_errors", "note", "warn"]

P = ParamSpec("P")
R = TypeVar("R")


def fail(message: str) -> NoReturn:
    """Print one error line to stderr and exit with status 1."""
    click.echo(f"briefkit: error: {_one_line(message)}", err=True)
    raise SystemExit(1)


def warn(message: str) -> None:
    click.echo(f"briefkit: warning: {_one_line(message)}", err=True)


def note(message: str) -> None:
    click.echo(f"briefkit: {message}", err=True)


def _one_line(message: str) -> str:
    return " ".join(str(message).split())


@contextmanager
def _warnings_as_lines() -> Iterator[None]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            yield
        finally:
            for item in caught:
                warn(str(item.message))


def friendly_errors(func: Callable[P, R]) -> Callable[P, R]:
    """Turn briefkit's and the file system's errors into one line and exit status 1."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            with _warnings_as_lines():
                return func(*args, **kwargs)
        except BriefkitError as exc:
            fail(str(exc))
        except OSError as exc:
            where = f"{exc.filename}: " if exc.filename else ""
            fail(f"{where}{exc.strerror or exc}")

    return wrapper
