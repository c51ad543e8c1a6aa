"""Format detection and byte decoding for :func:`briefkit.parse`.

Detection looks at the file extension first, then at the content. Decoding honours a
byte-order mark, then strict UTF-8, then a charset the document declares; when it must fall
back to Windows-1252 it says so with a :class:`DecodingWarning` instead of guessing silently.
"""

from __future__ import annotations

import codecs
import functools
import io
import re
import warnings
import zipfile

from ..errors import ParseError

__all__ = ["DecodingWarning", "decode", "sniff_format"]


class DecodingWarning(UserWarning):
    """Bytes were decoded with a fallback charset; some characters may be wrong."""


_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@functools.cache
def _declared() -> re.Pattern[bytes]:
    """A charset declaration; compiled on first use: only bytes that are not UTF-8 need it."""
    return re.compile(
        rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.\-]+)""",
        re.IGNORECASE,
    )


_MAGIC = {
    b"%PDF-": "a PDF file",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a zip archive",
    b"\x1f\x8b": "gzip data",
    b"\x7fELF": "an executable",
}
_HTML_START = re.compile(
    r"\A(?:\s|<!--.*?-->)*(?:<!doctype\s+html|<html[\s>]|<\?xml[^>]*>\s*(?:<!--.*?-->\s*)*"
    r"(?:<!doctype\s+html|<html))",
    re.IGNORECASE | re.DOTALL,
)
_HTML_FRAGMENT = re.compile(
    r"\A\s*<(?:head|body|article|main|section|div|p|h[1-6])[\s>]", re.IGNORECASE
)
_STIX = re.compile(r'"type"\s*:\s*"bundle"|"spec_version"\s*:\s*"2\.1"')
_MARKDOWN = re.compile(r"\A(?:---\r?\n.*?\r?\n---\r?\n|\s*#{1,6} \S)", re.DOTALL)


def binary_kind(data: bytes) -> str | None:
    """A description of ``data`` if it is a known binary format or has NUL bytes, else None."""
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            return what
    head = data[:4096]
    if b"\x00" in head and not head.startswith(tuple(b for b, _ in _BOMS[1:])):
        return "binary data"
    return None


def is_docx(data: bytes) -> bool:
    """True when ``data`` is a zip holding a WordprocessingML main document."""
    if not data.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


# Printable ASCII plus what UTF-7 (+ADw-), the escape codecs (\\x3c, \\u003c) and IDNA (xn--)
# would turn into other characters: a declaration is honoured only if this reads unchanged.
_PROBE = bytes(range(0x20, 0x7F)) + b"\t\n\r +ADw- \\x3c \\u003c a.xn--ls8h.b"


def _ascii_compatible(encoding: str) -> bool:
    """True for charsets that read ASCII as ASCII, as a declaration inside the bytes implies.

    A page that declares UTF-16, UTF-7, EBCDIC or a Python-only codec (``unicode_escape``,
    ``idna``, ``undefined``) in ASCII is lying, and honouring it either fails or turns inert
    bytes into markup (``+ADw-script+AD4-`` is ``<script>`` in UTF-7); browsers refuse too.
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return _PROBE.decode(encoding) == _PROBE.decode("ascii")
    except (LookupError, UnicodeError, ValueError):
        return False


def decode(data: bytes, *, source: str | None = None) -> str:
    """Text from bytes: BOM, then strict UTF-8, then the declared charset, then cp1252 (warned)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise ParseError(
                    f"invalid {encoding} after its byte-order mark: {exc.reason}", source=source
                ) from None
    kind = binary_kind(data)
    if kind:
        raise ParseError(f"this is {kind}, not a brief", source=source)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    match = _declared().search(data[:4096])
    if match:
        declared = (match.group(1) or match.group(2)).decode("ascii")
        if _ascii_compatible(declared):
            try:
                return data.decode(declared, errors="replace")
            except (LookupError, UnicodeError, ValueError):
                pass
    warnings.warn(
        f"{source or 'input'}: not valid UTF-8 and no usable charset declared; decoded as "
        "Windows-1252, some characters may be wrong",
        DecodingWarning,
        stacklevel=3,
    )
    return data.decode("cp1252", errors="replace")


def sniff_format(data: str | bytes) -> str:
    """Guess the format of content: ``docx``, ``html``, ``stix``, ``json``, ``markdown`` or
    ``text``."""
    if isinstance(data, bytes):
        if is_docx(data):
            return "docx"
        head = data[:4096].decode("utf-8", errors="ignore").lstrip("\ufeff")
    else:
        head = data[:4096].lstrip("\ufeff")
    if _HTML_START.match(head) or _HTML_FRAGMENT.match(head):
        return "html"
    stripped = head.lstrip()
    if stripped.startswith("{") and _STIX.search(head):
        return "stix"
    if stripped.startswith("{") and '"title"' in head:
        return "json"
    if _MARKDOWN.match(head):
        return "markdown"
    return "text"
