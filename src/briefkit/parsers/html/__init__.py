"""HTML briefs: blog pages (Squarespace items, AMP pages, generic articles) and briefkit's own.

briefkit's own output (``<article class="brief">``) is read back literally, field by field,
so ``parse_html(render_html(b)) == b``. Any other page goes through content finding, heading
and lead-in recognition, metadata and navigation reading (see :mod:`.page`).

Parsing is sandboxed: libxml2 runs with network access off, no DTD or entity declared in the
document is processed (XHTML entity bombs and external entities stay unexpanded text), and
every walk over the tree is iterative. Bad input raises :class:`~briefkit.ParseError` (a
:class:`~briefkit.LimitError` past a parser limit), never another exception type.
"""

from __future__ import annotations

from pydantic import ValidationError

from ...errors import FormatError, LimitError, ParseError
from ...model import Brief
from ...safety import href_scheme
from ..detect import decode
from .dom import load_document
from .inline import LinkResolver
from .own import find_own_article, read_own
from .page import read_page

__all__ = ["parse_html"]


def parse_html(html: str | bytes, *, base_url: str | None = None) -> Brief:
    """A brief from an HTML page or fragment.

    ``base_url`` is the page's address: relative links (and navigation hrefs) are made
    absolute against it, else against the page's canonical URL, else left relative (only an
    http or https base is used). Links with unsafe schemes (``javascript:``, ``data:``, ...)
    are removed and their text kept.
    """
    if not isinstance(html, (str, bytes)):
        raise FormatError(f"parse_html() takes str or bytes, not {type(html).__name__}")
    text = decode(html) if isinstance(html, bytes) else html
    base = base_url if base_url and href_scheme(base_url) in ("http", "https") else None
    try:
        doc = load_document(text)
        own = find_own_article(doc)
        if own is not None:
            return read_own(own, doc, LinkResolver(base))
        return read_page(doc, base)
    except ValidationError as exc:
        from .. import validation_message

        raise ParseError(validation_message(exc), element="html") from None
    except RecursionError:
        raise LimitError("the page nests too deeply", element="html") from None
