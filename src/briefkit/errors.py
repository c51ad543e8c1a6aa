"""The exceptions briefkit raises on purpose.

Every error a caller can provoke with bad input is a :class:`BriefkitError`, so a service can
catch one class and be sure it saw every expected failure.
"""

from __future__ import annotations

__all__ = [
    "BriefkitError",
    "FormatError",
    "ImageWarning",
    "LimitError",
    "LinkError",
    "ParseError",
    "RenderError",
    "TemplateError",
]


class BriefkitError(Exception):
    """Base class of every error briefkit raises on purpose."""


class ParseError(BriefkitError, ValueError):
    """Input could not be read as a brief; says where (line or element path) and why."""

    def __init__(
        self,
        message: str,
        *,
        source: str | None = None,
        line: int | None = None,
        element: str | None = None,
    ) -> None:
        self.message = message
        self.source = source
        self.line = line
        self.element = element
        super().__init__(self._describe())

    def _describe(self) -> str:
        where = [part for part in (self.source,) if part]
        if self.line is not None:
            where.append(f"line {self.line}")
        if self.element:
            where.append(f"at {self.element}")
        return f"{', '.join(where)}: {self.message}" if where else self.message


class LimitError(ParseError):
    """Input exceeds a configured safety limit (size, nesting depth, item count)."""


class RenderError(BriefkitError):
    """A brief could not be rendered; says which brief and which format.

    Whose fault it is decides what a service answers, so the error says: ``option`` names
    the renderer option whose value was refused (``default_language``, ``pdf_variant``...);
    ``internal`` is True only when the renderer itself failed (the PDF engine raised, a
    plugin returned no document), not the brief or the options. Every other RenderError is
    about the caller's brief or options: a STIX report of an undated brief, say.
    """

    def __init__(
        self,
        message: str,
        *,
        format: str | None = None,
        brief: str | None = None,
        option: str | None = None,
        internal: bool = False,
    ) -> None:
        self.message = message
        self.format = format
        self.brief = brief
        self.option = option
        self.internal = internal
        prefix = " ".join(p for p in (format and f"[{format}]", brief and repr(brief)) if p)
        super().__init__(f"{prefix}: {message}" if prefix else message)


class TemplateError(RenderError):
    """A user-supplied template or reference document is unusable (e.g. lacks a style)."""


class FormatError(BriefkitError, ValueError):
    """An unknown or undetectable input or output format."""


class LinkError(BriefkitError, ValueError):
    """A series operation was asked to do something impossible (e.g. unknown brief)."""


class ImageWarning(UserWarning):
    """A figure's image was not embedded (not allowed, missing, or unsafe to decode): the
    document shows the figure's alt text and caption in its place."""
