"""The format registry: parsers and renderers by name, built-in and from plugins.

Built-in formats are registered as ``"module:function"`` strings and imported on first use,
so ``import briefkit`` never pays for python-docx or WeasyPrint. Third-party packages add
formats through the ``briefkit.parsers`` and ``briefkit.renderers`` entry-point groups; an
entry point names either a :class:`ParserInfo` / :class:`RendererInfo` or a plain function
(then the entry point's name is the format name and its extension).
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from .errors import FormatError

__all__ = [
    "ParserInfo",
    "RendererInfo",
    "find_parser",
    "find_renderer",
    "get_parser",
    "get_renderer",
    "parser_for_extension",
    "parsers",
    "register_parser",
    "register_renderer",
    "renderer_for_extension",
    "renderers",
]

F = TypeVar("F", bound=Callable[..., Any])


@dataclass(frozen=True)
class _Info(Generic[F]):
    name: str
    target: str | F
    description: str = ""
    _cache: dict[str, F] = field(default_factory=dict, compare=False, repr=False)

    def load(self) -> F:
        """The callable, imported on first use."""
        if not isinstance(self.target, str):
            return self.target
        if "f" not in self._cache:
            module, _, attr = self.target.partition(":")
            self._cache["f"] = getattr(importlib.import_module(module), attr)
        return self._cache["f"]


@dataclass(frozen=True)
class ParserInfo(_Info[Callable[..., Any]]):
    """A parser: ``func(source, **options) -> Brief``; ``binary`` parsers take bytes."""

    extensions: tuple[str, ...] = ()
    binary: bool = False


@dataclass(frozen=True)
class RendererInfo(_Info[Callable[..., Any]]):
    """A renderer: ``func(brief, **options) -> str | bytes``; ``binary`` renderers give bytes."""

    extension: str = ""
    binary: bool = False
    media_type: str = "application/octet-stream"


_parsers: dict[str, ParserInfo] = {}
_renderers: dict[str, RendererInfo] = {}
_plugins_loaded = False
_lock = threading.RLock()  # re-entrant: a plugin may list formats while it loads


def register_parser(info: ParserInfo) -> ParserInfo:
    """Add (or replace) a parser."""
    _parsers[info.name] = info
    return info


def register_renderer(info: RendererInfo) -> RendererInfo:
    """Add (or replace) a renderer."""
    _renderers[info.name] = info
    return info


def _load_plugins() -> None:
    global _plugins_loaded
    with _lock:
        if _plugins_loaded:
            return
        _plugins_loaded = True
        # Imported here: a conversion between built-in formats never needs it.
        from importlib.metadata import entry_points

        for group, kind in (("briefkit.parsers", ParserInfo), ("briefkit.renderers", RendererInfo)):
            known = _parsers if kind is ParserInfo else _renderers
            for ep in entry_points(group=group):
                if ep.name in known:
                    continue  # built-ins win; a plugin cannot silently replace them
                try:
                    obj = ep.load()
                except Exception as exc:  # a broken plugin must not break briefkit
                    _warn(f"briefkit plugin {ep.value!r} failed to load: {exc}")
                    continue
                info: ParserInfo | RendererInfo
                if isinstance(obj, kind):
                    info = obj
                elif not callable(obj):
                    _warn(
                        f"briefkit plugin {ep.value!r} is neither a function nor a {kind.__name__}"
                    )
                    continue
                elif kind is ParserInfo:
                    info = ParserInfo(ep.name, obj, _summary(obj), extensions=(f".{ep.name}",))
                else:
                    info = RendererInfo(ep.name, obj, _summary(obj), extension=f".{ep.name}")
                if info.name in known:
                    continue  # nor under another entry-point name
                if isinstance(info, ParserInfo):
                    register_parser(info)
                else:
                    register_renderer(info)


def _summary(func: Callable[..., Any]) -> str:
    """The first line of a plugin function's docstring, as its format description."""
    doc = (getattr(func, "__doc__", None) or "").strip()
    return doc.splitlines()[0] if doc else ""


def _warn(message: str) -> None:
    import warnings

    warnings.warn(message, stacklevel=4)


def parsers() -> dict[str, ParserInfo]:
    """Every known parser by name, plugins included."""
    _load_plugins()
    return dict(_parsers)


def renderers() -> dict[str, RendererInfo]:
    """Every known renderer by name, plugins included."""
    _load_plugins()
    return dict(_renderers)


def get_parser(name: str) -> ParserInfo:
    """The parser called ``name``; FormatError if there is none."""
    info = find_parser(name)
    if info is None:
        raise FormatError(f"unknown input format {name!r} (known: {', '.join(sorted(_parsers))})")
    return info


def get_renderer(name: str) -> RendererInfo:
    """The renderer called ``name``; FormatError if there is none."""
    info = find_renderer(name)
    if info is None:
        raise FormatError(
            f"unknown output format {name!r} (known: {', '.join(sorted(_renderers))})"
        )
    return info


def parser_for_extension(ext: str) -> ParserInfo | None:
    """The parser that claims a file extension such as ``.html``, or None.

    Plugins are looked up only when no parser registered so far claims it: built-ins come
    first either way, so the answer is the same, and a built-in extension costs no scan of
    the installed packages' entry points.
    """
    ext = ext.lower()
    found = next((p for p in _parsers.values() if ext in p.extensions), None)
    if found is None and not _plugins_loaded:
        found = next((p for p in parsers().values() if ext in p.extensions), None)
    return found


def renderer_for_extension(ext: str) -> RendererInfo | None:
    """The renderer whose output files carry ``ext``, or None (plugins as for parsers)."""
    ext = ext.lower()
    found = next((r for r in _renderers.values() if r.extension == ext), None)
    if found is None and not _plugins_loaded:
        found = next((r for r in renderers().values() if r.extension == ext), None)
    return found


def find_parser(name: str) -> ParserInfo | None:
    """The parser called ``name``, or None (plugins scanned only for an unknown name)."""
    return _parsers.get(name) or parsers().get(name)


def find_renderer(name: str) -> RendererInfo | None:
    """The renderer called ``name``, or None (plugins scanned only for an unknown name)."""
    return _renderers.get(name) or renderers().get(name)


_B = "briefkit."
for _p in (
    ParserInfo(
        "text",
        _B + "parsers.text:parse_text",
        "Plain text copied from a page or email",
        extensions=(".txt", ".text"),
    ),
    ParserInfo(
        "html",
        _B + "parsers.html:parse_html",
        "Blog, AMP and article pages; briefkit HTML",
        extensions=(".html", ".htm", ".xhtml"),
    ),
    ParserInfo(
        "json",
        _B + "parsers.json:parse_json",
        "briefkit's JSON (the model's schema)",
        extensions=(".json",),
    ),
    ParserInfo(
        "markdown",
        _B + "parsers.markdown:parse_markdown",
        "Markdown briefs",
        extensions=(".md", ".markdown"),
    ),
    ParserInfo(
        "docx",
        _B + "parsers.docx:parse_docx",
        "Word documents (briefkit's own and styled)",
        extensions=(".docx",),
        binary=True,
    ),
    ParserInfo(
        "stix",
        _B + "parsers.stix:parse_stix",
        "STIX 2.1 bundles (one report)",
        extensions=(".stix.json", ".stix"),
    ),
):
    register_parser(_p)
for _r in (
    RendererInfo(
        "html",
        _B + "renderers.html:render_html",
        "Standalone HTML page",
        extension=".html",
        media_type="text/html",
    ),
    RendererInfo(
        "text",
        _B + "renderers.text:render_text",
        "Plain text in the copied-page shape",
        extension=".txt",
        media_type="text/plain",
    ),
    RendererInfo(
        "json",
        _B + "renderers.json:render_json",
        "JSON following Brief's schema",
        extension=".json",
        media_type="application/json",
    ),
    RendererInfo(
        "markdown",
        _B + "renderers.markdown:render_markdown",
        "Markdown with front matter",
        extension=".md",
        media_type="text/markdown",
    ),
    RendererInfo(
        "docx",
        _B + "renderers.docx:render_docx",
        "Word document",
        extension=".docx",
        binary=True,
        media_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    RendererInfo(
        "pdf",
        _B + "renderers.pdf:render_pdf",
        "PDF through WeasyPrint",
        extension=".pdf",
        binary=True,
        media_type="application/pdf",
    ),
    RendererInfo(
        "stix",
        _B + "renderers.stix:render_stix",
        "STIX 2.1 bundle (report, markings, places, indicators)",
        extension=".stix.json",
        media_type="application/stix+json;version=2.1",
    ),
    RendererInfo(
        "misp",
        _B + "renderers.misp:render_misp",
        "MISP event (tags, attributes, report)",
        extension=".misp.json",
        media_type="application/json",
    ),
):
    register_renderer(_r)
