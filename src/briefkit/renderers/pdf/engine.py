"""WeasyPrint, imported on first use and kept warm between renders.

Importing WeasyPrint costs about half a second, parsing the print stylesheet a few
milliseconds and building a ``FontConfiguration`` more: none of that belongs in
``import briefkit`` or in every call. The module is imported once (``functools.cache``);
the font configuration and the parsed stylesheets are built lazily once per thread and
reused, because a ``CSS`` object is tied to the font configuration it was parsed with and
Pango font maps are not meant to be shared between threads.
"""

from __future__ import annotations

import functools
import importlib
import os
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from types import ModuleType
from typing import Any

from ...errors import RenderError, TemplateError
from .fetch import AllowFetch, make_fetcher
from .finish import finisher
from .sanitize import sanitize

__all__ = ["PAGE_SIZES", "parse_html", "pdf_variants", "weasyprint", "write_pdf"]

#: Page sizes ``render_pdf(page_size=...)`` accepts (case-insensitive), as CSS ``size`` values.
PAGE_SIZES = {"a4": "A4", "letter": "letter"}

_local = threading.local()


@functools.cache
def weasyprint() -> ModuleType:
    """The ``weasyprint`` module, imported once, on the first PDF."""
    module = importlib.import_module("weasyprint")
    _remember_page_references(importlib.import_module("pydyf").PDF)
    return module


def _remember_page_references(pdf_class: Any) -> None:
    """Make ``page_references`` cost nothing when no page was added since the last read.

    pydyf builds the tuple of every page's reference anew each time the property is read,
    and WeasyPrint reads it once per tagged element and per link, so a tagged PDF of a
    thousand pages spent most of its time there (quadratic in pages). The replacement
    returns the same tuple, rebuilt only when the page list has grown.
    """
    original = pdf_class.__dict__.get("page_references")
    build = original.fget if isinstance(original, property) else None
    if build is None or getattr(build, "remembered", False):
        return

    def page_references(self: Any) -> tuple[bytes, ...]:
        kids = self.pages["Kids"]
        cached: tuple[int, tuple[bytes, ...]] | None = self.__dict__.get("_page_references")
        if cached is None or cached[0] != len(kids):
            cached = (len(kids), build(self))
            self.__dict__["_page_references"] = cached
        return cached[1]

    page_references.remembered = True  # type: ignore[attr-defined]
    pdf_class.page_references = property(page_references)


@functools.cache
def pdf_variants() -> frozenset[str]:
    """The PDF variants WeasyPrint knows (``pdf/a-3b``, ``pdf/ua-1``, ...)."""
    return frozenset(importlib.import_module("weasyprint.pdf").VARIANTS)


@functools.cache
def _print_css_text() -> str:
    return resources.files("briefkit.renderers").joinpath("styles", "print.css").read_text("utf-8")


@dataclass
class _Warm:
    """One thread's reusable WeasyPrint objects."""

    fonts: Any
    sheets: dict[str, Any] = field(default_factory=dict)
    user_sheets: dict[tuple[str, int, int], Any] = field(default_factory=dict)

    def css(self, key: str, text: str) -> Any:
        sheet = self.sheets.get(key)
        if sheet is None:
            sheet = _parse_css(text, self.fonts, None, None)
            self.sheets[key] = sheet
        return sheet


def _warm() -> _Warm:
    state: _Warm | None = getattr(_local, "state", None)
    if state is None:
        from weasyprint.text.fonts import FontConfiguration

        state = _Warm(fonts=FontConfiguration())
        _local.state = state
    return state


def _parse_css(text: str, fonts: Any, base_url: str | None, allow_fetch: AllowFetch) -> Any:
    return weasyprint().CSS(
        string=text, base_url=base_url, font_config=fonts, url_fetcher=make_fetcher(allow_fetch)
    )


def _user_sheet(state: _Warm, path: str | os.PathLike[str], allow_fetch: AllowFetch) -> Any:
    """The caller's stylesheet file, parsed in the sandbox (cached while unchanged)."""
    file = Path(path)
    try:
        if not file.is_file():
            raise FileNotFoundError("not a file")
        stat = file.stat()
        key = (str(file.resolve()), stat.st_mtime_ns, stat.st_size)
        if allow_fetch is None and key in state.user_sheets:
            return state.user_sheets[key]
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise TemplateError(f"cannot read stylesheet {str(file)!r}: {exc}", format="pdf") from None
    sheet = _parse_css(text, state.fonts, file.resolve().as_uri(), allow_fetch)
    if allow_fetch is None:  # what @import loads depends on allow_fetch: cache only the sandbox
        if len(state.user_sheets) >= 16:
            state.user_sheets.clear()
        state.user_sheets[key] = sheet
    return sheet


def write_pdf(
    html: str,
    *,
    page_size: str,
    stylesheet: str | os.PathLike[str] | None,
    allow_fetch: AllowFetch,
    pdf_variant: str | None,
    tagged: bool = True,
    open_outline: bool = False,
    figures: Mapping[str, tuple[bytes, str]] | None = None,
) -> bytes:
    """Lay ``html`` out with the print stylesheet (and the caller's) and return the PDF;
    ``figures`` are the images the renderer loaded itself (``briefkit-figure:N``).

    Tagged by default: without a variant the PDF is written as PDF/UA-1; a ``pdf/a-*``
    variant gets the structure tree too unless ``tagged`` is False.
    """
    size = PAGE_SIZES.get(page_size.lower()) if isinstance(page_size, str) else None
    if size is None:
        raise RenderError(
            f"unknown page size {page_size!r}; use one of: A4, Letter",
            format="pdf",
            option="page_size",
        )
    if pdf_variant is not None and pdf_variant not in pdf_variants():
        known = ", ".join(sorted(pdf_variants()))
        raise RenderError(
            f"unknown pdf_variant {pdf_variant!r}; use one of: {known}",
            format="pdf",
            option="pdf_variant",
        )
    if pdf_variant is None and tagged:
        pdf_variant = "pdf/ua-1"
    elif pdf_variant is not None and pdf_variant.startswith("pdf/ua") and not tagged:
        raise RenderError(
            f"{pdf_variant} is always tagged: drop tagged=False", format="pdf", option="tagged"
        )
    state = _warm()
    sheets = [
        state.css("print", _print_css_text()),
        state.css(f"size-{size}", f"@page {{ size: {size} }}"),
    ]
    if stylesheet is not None:
        sheets.append(_user_sheet(state, stylesheet, allow_fetch))
    options = {"pdf_variant": pdf_variant, "pdf_tags": tagged}
    document = parse_html(html, allow_fetch, figures).render(
        font_config=state.fonts, stylesheets=sheets, **options
    )
    _drop_attachments(document)
    pdf: bytes = document.write_pdf(finisher=finisher(open_outline=open_outline), **options)
    return pdf


def parse_html(
    html: str, allow_fetch: AllowFetch, figures: Mapping[str, tuple[bytes, str]] | None = None
) -> Any:
    """WeasyPrint's ``HTML`` for ``html``, its tree sanitised before anything is laid out."""
    document = weasyprint().HTML(string=html, url_fetcher=make_fetcher(allow_fetch, figures))
    sanitize(document.etree_element)
    document.base_url = None  # a <base> was removed: relative URLs resolve to nothing
    return document


def _drop_attachments(document: Any) -> None:
    """Nothing is embedded, whatever the HTML asked for: the last of three guards."""
    document.metadata.attachments = []
    for page in document.pages:
        page.links = [link for link in page.links if link[0] != "attachment"]
