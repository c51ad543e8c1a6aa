"""Text and URL hygiene shared by the model, the parsers and the renderers.

The model calls these on every string it stores, so anything that made it into a
:class:`~briefkit.model.Brief` is safe to write into XML (DOCX, HTML, PDF) and carries only
links a reader can follow without risk.
"""

from __future__ import annotations

import re
from urllib.parse import SplitResult, unquote, urljoin, urlsplit

__all__ = [
    "SAFE_SCHEMES",
    "SIBLING_SUFFIXES",
    "clean_text",
    "collapse_space",
    "document_href",
    "href_scheme",
    "is_safe_href",
    "join_url",
    "split_url",
]

#: Schemes a link may carry; anything else (javascript:, data:, file:, vbscript:, ...) is dropped.
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})

# Characters XML 1.0 cannot hold (C0 controls but tab/newline/CR, lone surrogates, U+FFFE/F),
# plus bidi overrides/isolates, which can disguise text (Trojan Source) and carry no content.
_UNSAFE_CHARS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff\u202a-\u202e\u2066-\u2069]"
)
_SPACE = re.compile(r"\s+")
# Browsers ignore ASCII whitespace and controls anywhere in a scheme ("java\tscript:").
_SCHEME_NOISE = re.compile(r"[\x00-\x20\x7f]+")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
# URL parsers drop tabs and newlines anywhere and C0 controls and spaces at the ends.
_URL_TABS = re.compile(r"[\t\n\r]+")
_URL_EDGES = "".join(chr(c) for c in range(0x21))


def clean_text(text: str) -> str:
    """Remove characters XML cannot hold and invisible bidi controls; keep everything else."""
    if text.isascii() and text.isprintable():
        return text
    return _UNSAFE_CHARS.sub("", text)


def collapse_space(text: str) -> str:
    """Collapse every run of whitespace (newlines included) to one space."""
    return _SPACE.sub(" ", text)


def href_scheme(href: str) -> str | None:
    """The lower-cased scheme of ``href`` as a browser would see it, or None if relative."""
    match = _SCHEME.match(_SCHEME_NOISE.sub("", href))
    return match.group(1).lower() if match else None


def is_safe_href(href: str) -> bool:
    """True for http(s) and mailto links and for relative references; False for the rest.

    A relative reference that spells a scheme in percent-escapes (``%6Aavascript:``) is
    refused too: browsers leave it relative, but Word and PDF viewers may unescape it.
    """
    if not href.strip() or "\\" in href:
        return False
    return all(
        scheme is None or scheme in SAFE_SCHEMES
        for scheme in (href_scheme(href), href_scheme(unquote(href)))
    )


def split_url(href: str) -> SplitResult | None:
    """``href``'s parts, or None when no URL parser would accept it.

    :func:`urllib.parse.urlsplit` raises ``ValueError`` for a broken IPv6 literal
    (``http://[::1``), and its ``port`` for a port out of range or not a number; a link
    in a document may be any of these, so callers get None instead.
    """
    try:
        parts = urlsplit(href)
        parts.port  # noqa: B018 -- validated here, once, for every caller
    except ValueError:
        return None
    return parts


def join_url(base: str | None, href: str) -> str | None:
    """``href`` resolved against ``base`` (None: as it is), or None when either is broken."""
    if not base:
        return href if split_url(href) is not None else None
    if split_url(base) is None or split_url(href) is None:
        return None
    try:
        return urljoin(base, href)
    except ValueError:
        return None


def document_href(href: str, base: str | None = None) -> str | None:
    """The target a link may have in a document a reader opens locally (DOCX, PDF), or None.

    Word and PDF viewers resolve a relative target against the document's own location, so
    ``//host/x`` would be a network share (Windows sends credentials there) and ``/x`` a
    local file. ``//host/x`` becomes ``https://host/x`` (the base's scheme if it has one);
    ``/x`` is resolved against ``base`` when that is an http(s) URL, else dropped; a target
    that turns unsafe once percent-decoded, or starts with a slash only once decoded
    (``%2F%2Fhost``), is dropped.

    Any other relative target would open a local file too (``../../calc.exe``), so only
    a sibling document stays relative: a file with one of
    :data:`SIBLING_SUFFIXES` in the document's folder or below, never climbing out with
    ``..`` (a bundle's prev/next links are these). The rest is resolved against an http(s)
    ``base``, else dropped. ``#fragment`` links stay: they point into the document itself.
    """
    href = _URL_TABS.sub("", href).strip(_URL_EDGES)
    decoded = unquote(href)
    if not is_safe_href(href) or not is_safe_href(decoded):
        return None
    if decoded.startswith("/") and not href.startswith("/"):
        return None
    web_base = base if base and href_scheme(base) in ("http", "https") else None
    if href.startswith("//"):
        return join_url(web_base or "https:", href)
    if href.startswith("/"):
        return join_url(web_base, href) if web_base else None
    if href_scheme(href) is not None or href.startswith("#") or _sibling(decoded):
        return href
    return join_url(web_base, href) if web_base else None


#: What a relative link in a DOCX or PDF may open: the documents briefkit writes.
SIBLING_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".pdf", ".docx", ".txt", ".md", ".json"})


def _sibling(decoded: str) -> bool:
    """True for ``name.pdf``, ``sub/name.html#x``: a document beside or below this one."""
    path = decoded.split("#", 1)[0].split("?", 1)[0]
    segments = path.split("/")
    if not path or ".." in segments or ":" in path:
        return False
    name = segments[-1].lower()
    return any(name.endswith(suffix) and len(name) > len(suffix) for suffix in SIBLING_SUFFIXES)
