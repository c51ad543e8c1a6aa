"""What an image is, read from its first bytes without decoding it, and where one may come from.

Parsers and renderers both need to know whether bytes are an image briefkit accepts (PNG,
JPEG, GIF, WebP, SVG) and how many pixels it declares: a PNG bomb is a few kilobytes that
inflate to gigabytes when decoded, and only its header tells. Nothing here decompresses.
The model asks :func:`check_src` whether a figure's ``src`` is one it may hold.
"""

from __future__ import annotations

import base64
import binascii
import re
import struct
from dataclasses import dataclass

from .limits import MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS
from .safety import clean_text, href_scheme, is_safe_href

__all__ = ["ImageInfo", "check_src", "data_uri", "decode_data_uri", "sniff", "too_large"]

#: Media types a figure may carry, by what ``sniff`` calls them.
MEDIA_TYPES = {
    "png": "image/png",
    "jpeg": "image/jpeg",
    "gif": "image/gif",
    "webp": "image/webp",
    "svg": "image/svg+xml",
}
# An SVG document: optional BOM, XML declaration, comments and DOCTYPE, then <svg.
_SVG_START = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!DOCTYPE[^>]*>\s*)?<svg\b",
    re.S,
)
_SVG_TAG = re.compile(rb"<svg\b[^>]*>", re.S)
_SVG_SIZE = re.compile(rb"\s(width|height)\s*=\s*[\"']\s*([0-9.]+)\s*(?:px)?\s*[\"']")
_SOF = frozenset({0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF})


@dataclass(frozen=True, slots=True)
class ImageInfo:
    """An image's kind (``png``, ``jpeg``, ``gif``, ``webp``, ``svg``) and declared size."""

    kind: str
    width: int | None = None
    height: int | None = None

    @property
    def media_type(self) -> str:
        return MEDIA_TYPES[self.kind]


def sniff(data: bytes) -> ImageInfo | None:
    """The kind and pixel size the bytes declare, or None when they are no accepted image."""
    if data.startswith(b"\x89PNG\r\n\x1a\n") and data[12:16] == b"IHDR" and len(data) >= 24:
        width, height = struct.unpack(">II", data[16:24])
        return ImageInfo("png", width, height)
    if data[:6] in (b"GIF87a", b"GIF89a") and len(data) >= 10:
        width, height = struct.unpack("<HH", data[6:10])
        return ImageInfo("gif", width, height)
    if data.startswith(b"\xff\xd8"):
        return ImageInfo("jpeg", *_jpeg_size(data))
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return ImageInfo("webp", *_webp_size(data))
    head = data[:4096]
    if _SVG_START.match(head) and b"<!ENTITY" not in data:  # no entity expansion, ever
        tag = _SVG_TAG.search(head)
        sizes: dict[bytes, bytes] = {
            m.group(1): m.group(2) for m in _SVG_SIZE.finditer(tag.group() if tag else b"")
        }
        return ImageInfo("svg", _number(sizes.get(b"width")), _number(sizes.get(b"height")))
    return None


def _number(value: bytes | None) -> int | None:
    try:
        return round(float(value)) if value else None
    except ValueError:
        return None


def _jpeg_size(data: bytes) -> tuple[int | None, int | None]:
    """Width and height from the first start-of-frame marker (segments are skipped by length)."""
    pos = 2
    while pos + 9 < len(data):
        if data[pos] != 0xFF:
            return None, None
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            pos += 2
            continue
        (length,) = struct.unpack(">H", data[pos + 2 : pos + 4])
        if marker in _SOF:
            height, width = struct.unpack(">HH", data[pos + 5 : pos + 9])
            return width, height
        pos += 2 + length
    return None, None


def _webp_size(data: bytes) -> tuple[int | None, int | None]:
    chunk = data[12:16]
    if chunk == b"VP8X" and len(data) >= 30:
        width = int.from_bytes(data[24:27], "little") + 1
        height = int.from_bytes(data[27:30], "little") + 1
        return width, height
    if chunk == b"VP8L" and len(data) >= 25:
        bits = int.from_bytes(data[21:25], "little")
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    if chunk == b"VP8 " and len(data) >= 30:
        width, height = struct.unpack("<HH", data[26:30])
        return width & 0x3FFF, height & 0x3FFF
    return None, None


def too_large(info: ImageInfo) -> bool:
    """True when the image declares more pixels than ``MAX_IMAGE_PIXELS`` (a raster whose
    size is unreadable counts as too large: nothing can tell what decoding it costs)."""
    if info.kind == "svg":
        return False
    if info.width is None or info.height is None:
        return True
    return info.width * info.height > MAX_IMAGE_PIXELS


def decode_data_uri(src: str) -> bytes | None:
    """The bytes of a base64 ``data:`` URI as the model stores it, else None."""
    head, sep, payload = src.partition(";base64,")
    if not sep or not head.startswith("data:image/"):
        return None
    try:
        return base64.b64decode(payload, validate=True)
    except ValueError:
        return None


def data_uri(data: bytes, info: ImageInfo) -> str:
    """A ``data:`` URI holding ``data`` with the media type its bytes declare."""
    return f"data:{info.media_type};base64,{base64.b64encode(data).decode('ascii')}"


_DATA_IMAGE = re.compile(
    r"data:image/(png|jpeg|gif|webp|svg\+xml);base64,([A-Za-z0-9+/\s]*=?=?\s*)", re.IGNORECASE
)


def check_src(value: str) -> str:
    """A figure's source: http(s), a relative path, or a base64 ``data:`` image of a known type.

    A ``data:`` image is canonicalised (lower-case media type, base64 without whitespace)
    and refused when it is not valid base64 or holds more than ``MAX_IMAGE_BYTES``.
    ``//host/x`` is refused: a document viewer would read it as a network share.
    """
    value = clean_text(value).strip()
    data = _DATA_IMAGE.fullmatch(value)
    if data is not None:
        payload = "".join(data.group(2).split())
        if len(payload) // 4 * 3 > MAX_IMAGE_BYTES:
            raise ValueError(f"data: image larger than {MAX_IMAGE_BYTES} bytes (MAX_IMAGE_BYTES)")
        try:
            base64.b64decode(payload, validate=True)
        except (binascii.Error, ValueError):
            raise ValueError("data: image is not valid base64") from None
        return f"data:image/{data.group(1).lower()};base64,{payload}"
    scheme = href_scheme(value)
    if (
        not is_safe_href(value)
        or scheme not in (None, "http", "https")
        or value.startswith(("//", "/\\"))
    ):
        raise ValueError(
            f"unsafe image source {value[:60]!r}: only http, https, relative paths and "
            "data:image/(png|jpeg|gif|webp|svg+xml);base64"
        )
    return value
