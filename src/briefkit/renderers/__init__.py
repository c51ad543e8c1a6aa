"""Renderers: a :class:`~briefkit.model.Brief` becomes a finished document.

:func:`render` dispatches by format name through the registry and can write the result
atomically to ``dest``.
"""

from __future__ import annotations

import os
from typing import Any, Literal, overload

from pydantic import ValidationError
from pydantic_core import PydanticSerializationError

from ..errors import BriefkitError, RenderError
from ..fileio import atomic_write
from ..model import Brief
from ..registry import get_renderer

__all__ = ["render"]

#: The built-in formats whose output is bytes and text; a plugin's may be either.
BinaryFormat = Literal["docx", "pdf"]
TextFormat = Literal["html", "text", "json", "markdown"]


@overload
def render(
    brief: Brief,
    format: BinaryFormat,
    *,
    dest: str | os.PathLike[str] | None = None,
    **options: Any,
) -> bytes: ...
@overload
def render(
    brief: Brief,
    format: TextFormat,
    *,
    dest: str | os.PathLike[str] | None = None,
    **options: Any,
) -> str: ...
@overload
def render(
    brief: Brief,
    format: str,
    *,
    dest: str | os.PathLike[str] | None = None,
    **options: Any,
) -> str | bytes: ...
def render(
    brief: Brief,
    format: str,
    *,
    dest: str | os.PathLike[str] | None = None,
    **options: Any,
) -> str | bytes:
    """Render ``brief`` as ``format`` (``html``, ``text``, ``json``, ``markdown``, ``docx``,
    ``pdf`` or a plugin's) and return it; with ``dest``, also write it atomically there."""
    info = get_renderer(format)
    if not isinstance(brief, Brief):
        raise RenderError(f"expected a Brief, got {type(brief).__name__}", format=format)
    try:
        output = info.load()(brief, **options)
    except BriefkitError:
        raise
    except (ValidationError, PydanticSerializationError) as exc:
        raise RenderError(str(exc), format=format, brief=brief.title) from None
    except RecursionError:
        raise RenderError("the brief nests too deeply", format=format, brief=brief.title) from None
    if not isinstance(output, (str, bytes)):
        raise RenderError(
            f"renderer returned {type(output).__name__}",
            format=format,
            brief=brief.title,
            internal=True,
        )
    if dest is not None:
        atomic_write(dest, output)
    return output
