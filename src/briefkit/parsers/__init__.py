"""Parsers: every input format becomes a :class:`~briefkit.model.Brief`.

:func:`parse` is the front door: it reads a path or takes content, detects the format and
calls the registered parser. Strings are always content, never file names: pass a
:class:`pathlib.Path` to read a file, so untrusted text can never make briefkit open one.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..errors import BriefkitError, FormatError, LimitError, ParseError
from ..limits import MAX_BYTES
from ..model import Brief
from ..registry import get_parser, parser_for_extension
from .detect import decode, sniff_format

__all__ = ["DEFAULT_MAX_BYTES", "parse", "validation_message"]

#: Inputs larger than this are refused unless the caller raises ``max_bytes``.
DEFAULT_MAX_BYTES = MAX_BYTES


def validation_message(exc: ValidationError) -> str:
    """One readable line from a pydantic error: field path and reason for each problem."""
    parts = []
    for err in exc.errors(include_url=False):
        where = ".".join(str(p) for p in err["loc"]) or "brief"
        parts.append(f"{where}: {err['msg']}")
    return "; ".join(parts)


def _suffix(path: Path) -> str:
    """The last two suffixes (``.stix.json``), which name formats that share an extension."""
    return "".join(path.suffixes[-2:])


def parse(
    source: str | bytes | os.PathLike[str],
    *,
    format: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    **options: Any,
) -> Brief:
    """Parse a brief from a path (``pathlib.Path``), text (``str``) or raw bytes.

    ``format`` names a registered parser (``text``, ``html``, ``markdown``, ``json``,
    ``docx`` or a plugin's); without it the format is detected from the file extension and
    the content. Raises :class:`~briefkit.ParseError` (or a subclass) for any bad input.
    """
    name: str | None = None
    data: str | bytes
    if isinstance(source, os.PathLike):
        path = Path(source)
        name = str(path)
        try:
            size = path.stat().st_size
            if size > max_bytes:
                raise LimitError(
                    f"input is {size} bytes, more than max_bytes={max_bytes}", source=name
                )
            data = path.read_bytes()
        except OSError as exc:
            raise ParseError(f"cannot read file: {exc.strerror or exc}", source=name) from None
        if format is None:
            info = parser_for_extension(_suffix(path)) or parser_for_extension(path.suffix)
            format = info.name if info else None
    elif isinstance(source, (str, bytes)):
        data = source
    else:
        raise FormatError(f"parse() takes a path, str or bytes, not {type(source).__name__}")
    if len(data) > max_bytes:
        raise LimitError(
            f"input is {len(data)} bytes/characters, more than max_bytes={max_bytes}", source=name
        )
    if format in (None, "json"):  # a ".json" file may be a STIX bundle
        sniffed = sniff_format(data)
        format = sniffed if format is None or sniffed == "stix" else format
    info = get_parser(format)
    payload: str | bytes
    if info.binary:
        if isinstance(data, str):
            raise ParseError(f"{format} input must be bytes or a path, not str", source=name)
        payload = data
    else:
        payload = decode(data, source=name) if isinstance(data, bytes) else data
    try:
        brief = info.load()(payload, **options)
    except BriefkitError as exc:
        if isinstance(exc, ParseError) and name and not exc.source:
            exc.source = name
            exc.args = (exc._describe(),)
        raise
    except ValidationError as exc:
        raise ParseError(validation_message(exc), source=name) from None
    except RecursionError:
        raise LimitError("input nests too deeply", source=name) from None
    if not isinstance(brief, Brief):
        raise FormatError(f"parser {format!r} returned {type(brief).__name__}, not a Brief")
    return brief
