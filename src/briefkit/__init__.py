"""briefkit: analytic briefs as structured data and as finished documents.

Parsers turn text, HTML, Markdown, JSON, DOCX and STIX into one model, :class:`Brief`;
renderers turn a Brief into HTML, DOCX, PDF, text, Markdown, JSON, STIX 2.1 and MISP.
:mod:`briefkit.ioc` finds and defangs indicators, :mod:`briefkit.entities` places,
:mod:`briefkit.tradecraft` checks analytic standards. ``import briefkit`` is light: it loads
only the errors; the model (and pydantic with it), each parser, renderer, the linking and
the build modules load on first use of one of their names (PEP 562), so ``briefkit
--version`` loads none of them and a command that converts one brief does not pay for the
rest.
"""

from __future__ import annotations

import importlib

from ._version import __version__
from .errors import (
    BriefkitError,
    FormatError,
    ImageWarning,
    LimitError,
    LinkError,
    ParseError,
    RenderError,
    TemplateError,
)

# Not ``typing.TYPE_CHECKING``: importing typing would cost every ``briefkit`` command, and
# mypy reads any constant of that name the same way.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from .build import BuildFailure, BuildProgress, BuildResult, build_bundle
    from .linking import (
        ChainResult,
        LinkProblem,
        LinkProblemKind,
        chain_from_links,
        check_links,
        insert_brief,
        link_series,
        remove_brief,
        slugify,
        unique_slugs,
    )
    from .model import (
        Alignment,
        Block,
        Brief,
        BriefLink,
        Cell,
        Emphasis,
        Figure,
        Inline,
        Item,
        ItemList,
        Link,
        Note,
        Paragraph,
        Quote,
        Row,
        Section,
        SectionKind,
        Strong,
        Table,
        Text,
    )
    from .parsers import parse
    from .parsers.detect import DecodingWarning
    from .parsers.docx import parse_docx
    from .parsers.html import parse_html
    from .parsers.json import parse_json
    from .parsers.markdown import parse_markdown
    from .parsers.stix import parse_stix
    from .parsers.text import parse_text
    from .registry import ParserInfo, RendererInfo
    from .registry import parsers as input_formats
    from .registry import renderers as output_formats
    from .renderers import render
    from .renderers.docx import render_docx
    from .renderers.html import render_html
    from .renderers.json import render_json
    from .renderers.markdown import render_markdown
    from .renderers.misp import render_misp
    from .renderers.pdf import render_pdf
    from .renderers.stix import render_stix
    from .renderers.text import render_text
del TYPE_CHECKING

#: Public names loaded on first access: name -> (module, attribute in that module).
_LAZY: dict[str, tuple[str, str]] = {
    **{
        name: (".build", name)
        for name in ("BuildFailure", "BuildProgress", "BuildResult", "build_bundle")
    },
    **{
        name: (".linking", name)
        for name in (
            "ChainResult",
            "LinkProblem",
            "LinkProblemKind",
            "chain_from_links",
            "check_links",
            "insert_brief",
            "link_series",
            "remove_brief",
            "slugify",
            "unique_slugs",
        )
    },
    **{
        name: (".model", name)
        for name in (
            "Alignment",
            "Block",
            "Brief",
            "BriefLink",
            "Cell",
            "Emphasis",
            "Figure",
            "Inline",
            "Item",
            "ItemList",
            "Link",
            "Note",
            "Paragraph",
            "Quote",
            "Row",
            "Section",
            "SectionKind",
            "Strong",
            "Table",
            "Text",
        )
    },
    "parse": (".parsers", "parse"),
    "DecodingWarning": (".parsers.detect", "DecodingWarning"),
    "parse_docx": (".parsers.docx", "parse_docx"),
    "parse_html": (".parsers.html", "parse_html"),
    "parse_json": (".parsers.json", "parse_json"),
    "parse_markdown": (".parsers.markdown", "parse_markdown"),
    "parse_stix": (".parsers.stix", "parse_stix"),
    "parse_text": (".parsers.text", "parse_text"),
    "ParserInfo": (".registry", "ParserInfo"),
    "RendererInfo": (".registry", "RendererInfo"),
    "input_formats": (".registry", "parsers"),
    "output_formats": (".registry", "renderers"),
    "render": (".renderers", "render"),
    "render_docx": (".renderers.docx", "render_docx"),
    "render_html": (".renderers.html", "render_html"),
    "render_json": (".renderers.json", "render_json"),
    "render_markdown": (".renderers.markdown", "render_markdown"),
    "render_misp": (".renderers.misp", "render_misp"),
    "render_pdf": (".renderers.pdf", "render_pdf"),
    "render_stix": (".renderers.stix", "render_stix"),
    "render_text": (".renderers.text", "render_text"),
}


def __getattr__(name: str) -> Any:
    """Load a lazy public name (and keep it), or a submodule such as ``briefkit.linking``
    (before names were lazy, importing briefkit made those attributes too)."""
    target = _LAZY.get(name)
    if target is not None:
        value = getattr(importlib.import_module(target[0], __name__), target[1])
        globals()[name] = value
        return value
    from importlib.util import find_spec  # here: ``briefkit --version`` does not need it

    if not name.startswith("__") and find_spec(f"{__name__}.{name}") is not None:
        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


__all__ = [
    "Alignment",
    "Block",
    "Brief",
    "BriefLink",
    "BriefkitError",
    "BuildFailure",
    "BuildProgress",
    "BuildResult",
    "Cell",
    "ChainResult",
    "DecodingWarning",
    "Emphasis",
    "Figure",
    "FormatError",
    "ImageWarning",
    "Inline",
    "Item",
    "ItemList",
    "LimitError",
    "Link",
    "LinkError",
    "LinkProblem",
    "LinkProblemKind",
    "Note",
    "Paragraph",
    "ParseError",
    "ParserInfo",
    "Quote",
    "RenderError",
    "RendererInfo",
    "Row",
    "Section",
    "SectionKind",
    "Strong",
    "Table",
    "TemplateError",
    "Text",
    "__version__",
    "build_bundle",
    "chain_from_links",
    "check_links",
    "input_formats",
    "insert_brief",
    "link_series",
    "output_formats",
    "parse",
    "parse_docx",
    "parse_html",
    "parse_json",
    "parse_markdown",
    "parse_stix",
    "parse_text",
    "remove_brief",
    "render",
    "render_docx",
    "render_html",
    "render_json",
    "render_markdown",
    "render_misp",
    "render_pdf",
    "render_stix",
    "render_text",
    "slugify",
    "unique_slugs",
]
