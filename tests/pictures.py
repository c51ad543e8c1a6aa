"""Images built in code for the tests: real PNGs, a PNG bomb, SVG with and without script."""

from __future__ import annotations

import base64
import struct
import zlib

__all__ = ["SVG_SCRIPT", "data_uri", "png", "png_bomb", "svg"]


def _chunk(kind: bytes, body: bytes) -> bytes:
    crc = zlib.crc32(kind + body) & 0xFFFFFFFF
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)


def png(width: int = 120, height: int = 60, rgb: tuple[int, int, int] = (31, 95, 139)) -> bytes:
    """A decodable truecolour PNG of one colour with a lighter diagonal band."""
    rows = []
    for y in range(height):
        row = bytearray([0])
        for x in range(width):
            band = abs(x * height - y * width) < width * height // 8
            row += bytes(min(255, c + 90) for c in rgb) if band else bytes(rgb)
        rows.append(bytes(row))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(b"".join(rows), 9))
        + _chunk(b"IEND", b"")
    )


def png_bomb(side: int = 60_000) -> bytes:
    """A PNG of ``side`` x ``side`` grey pixels (3.6 gigapixels): a few kilobytes on disk.

    The image data is a zlib stream of the first rows only; the header alone is what makes
    it a bomb, which is all a reader should need to refuse it.
    """
    header = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)
    rows = zlib.compress(b"\x00" * (side + 1) * 64, 9)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", rows)
        + _chunk(b"IEND", b"")
    )


def svg(body: str = '<rect width="120" height="60" fill="#1f5f8b"/>') -> bytes:
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="60" viewBox="0 0 120 60">'
        f"{body}</svg>"
    ).encode()


#: An SVG that would run script and fetch a page if anything executed it.
SVG_SCRIPT = svg(
    '<rect width="120" height="60" fill="#8b1f1f"/>'
    "<script>document.title='PWNED-SVG';"
    "var e=document.createElementNS('http://www.w3.org/1999/xhtml','div');"
    "e.id='pwned-svg';document.documentElement.appendChild(e);"
    "fetch('/beacon/svg-script-PWNED')</script>"
    '<image href="/beacon/svg-image-PWNED.png" width="10" height="10"/>'
)


def data_uri(data: bytes, media_type: str = "image/png") -> str:
    return f"data:{media_type};base64,{base64.b64encode(data).decode('ascii')}"
