"""briefkit: analytic briefs as structured data and as finished documents.

Parsers turn text, HTML, Markdown, JSON and DOCX into one model, :class:`Brief`; renderers
turn a Brief into HTML, DOCX, PDF, text, Markdown and JSON. ``import briefkit`` is light:
python-docx and WeasyPrint load only when a DOCX or PDF is actually produced.
"""

from ._version import __version__
from .build import BuildFailure, BuildProgress, BuildResult, build_bundle
from .errors import (
    BriefkitError,
    FormatError,
    LimitError,
    LinkError,
    ParseError,
    RenderError,
    TemplateError,
)
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
    Block,
    Brief,
    BriefLink,
    Emphasis,
    Inline,
    Item,
    ItemList,
    Link,
    Paragraph,
    Quote,
    Section,
    SectionKind,
    Strong,
    Text,
)
from .parsers import parse
from .parsers.detect import DecodingWarning
from .parsers.docx import parse_docx
from .parsers.html import parse_html
from .parsers.json import parse_json
from .parsers.markdown import parse_markdown
from .parsers.text import parse_text
from .registry import ParserInfo, RendererInfo
from .registry import parsers as input_formats
from .registry import renderers as output_formats
from .renderers import render
from .renderers.docx import render_docx
from .renderers.html import render_html
from .renderers.json import render_json
from .renderers.markdown import render_markdown
from .renderers.pdf import render_pdf
from .renderers.text import render_text

__all__ = [
    "Block",
    "Brief",
    "BriefLink",
    "BriefkitError",
    "BuildFailure",
    "BuildProgress",
    "BuildResult",
    "ChainResult",
    "DecodingWarning",
    "Emphasis",
    "FormatError",
    "Inline",
    "Item",
    "ItemList",
    "LimitError",
    "Link",
    "LinkError",
    "LinkProblem",
    "LinkProblemKind",
    "Paragraph",
    "ParseError",
    "ParserInfo",
    "Quote",
    "RenderError",
    "RendererInfo",
    "Section",
    "SectionKind",
    "Strong",
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
    "parse_text",
    "remove_brief",
    "render",
    "render_docx",
    "render_html",
    "render_json",
    "render_markdown",
    "render_pdf",
    "render_text",
    "slugify",
    "unique_slugs",
]
