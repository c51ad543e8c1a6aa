"""The image sandbox: where a renderer that embeds pictures (PDF, DOCX) may get their bytes.

Rendering fetches nothing the caller did not allow:

- a ``data:`` image is its own bytes;
- a relative ``src`` is read only from the folder the caller names (``resources=``),
  resolved inside it: no absolute path, no ``..``, no symlink that leads out, no file larger
  than ``MAX_IMAGE_BYTES``;
- an ``http(s)`` image is fetched only when ``allow_fetch`` lets its URL through (the PDF
  renderer's rule), without redirects, within ``MAX_IMAGE_BYTES`` and a timeout;
- anything else, and any bytes that are no accepted image or declare more than
  ``MAX_IMAGE_PIXELS`` pixels, gives None and an :class:`~briefkit.ImageWarning`: the
  renderer then shows the figure's alt text and caption instead, never a broken image.
"""

from __future__ import annotations

import os
import posixpath
import warnings
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..errors import ImageWarning
from ..images import ImageInfo, decode_data_uri, sniff, too_large
from ..limits import MAX_IMAGE_BYTES
from ..safety import href_scheme
from ._policy import AllowFetch, make_policy

__all__ = ["Picture", "Pictures"]

_TIMEOUT = 10.0


@dataclass(frozen=True, slots=True)
class Picture:
    """An image's bytes and what its header says."""

    data: bytes
    info: ImageInfo


class Pictures:
    """Loads figure images under the rules above; one per render, caching by ``src``."""

    def __init__(
        self, resources: str | os.PathLike[str] | None = None, allow_fetch: AllowFetch = None
    ) -> None:
        self.root = Path(resources).resolve() if resources is not None else None
        self.policy = make_policy(allow_fetch)
        self._cache: dict[str, Picture | None] = {}

    def load(self, src: str) -> Picture | None:
        """The picture ``src`` names, or None (with a warning saying why)."""
        if src not in self._cache:
            try:
                data = self._bytes(src)
                picture = self._check(data)
            except _Refused as refusal:
                warnings.warn(
                    f"image {_short(src)} not embedded ({refusal}): shown as its alt text",
                    ImageWarning,
                    stacklevel=2,
                )
                picture = None
            self._cache[src] = picture
        return self._cache[src]

    def _bytes(self, src: str) -> bytes:
        if src.startswith("data:"):
            data = decode_data_uri(src)
            if data is None:
                raise _Refused("not a base64 data: image")
            return data
        scheme = href_scheme(src)
        if scheme in ("http", "https"):
            return self._fetch(src)
        if scheme is not None:
            raise _Refused(f"{scheme}: images are never loaded")
        return self._file(src)

    def _file(self, src: str) -> bytes:
        if self.root is None:
            raise _Refused("a relative image needs resources= naming its folder")
        path = unquote(urlsplit(src).path)
        parts = path.split("/")
        if not path or path.startswith("/") or "\\" in path or "\x00" in path or ".." in parts:
            raise _Refused("the path leaves the resources folder")
        target = Path(os.path.realpath(self.root / posixpath.normpath(path)))
        if target != self.root and self.root not in target.parents:
            raise _Refused("the path leads out of the resources folder")
        try:
            if not target.is_file():
                raise _Refused("no such file in the resources folder")
            if target.stat().st_size > MAX_IMAGE_BYTES:
                raise _Refused(f"larger than {MAX_IMAGE_BYTES} bytes (MAX_IMAGE_BYTES)")
            return target.read_bytes()
        except OSError as exc:
            raise _Refused(f"unreadable: {exc.strerror or exc}") from None

    def _fetch(self, url: str) -> bytes:
        if not self.policy(url):
            raise _Refused("remote images load only through allow_fetch")
        # imported here: urllib.request brings http.client, ssl and email (some 15 ms of
        # start-up) that a render without an allowed remote image never needs
        import urllib.error
        import urllib.request

        class NoRedirect(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *args: object, **kwargs: object) -> None:
                return None  # an allowed server must not send the renderer elsewhere

        opener = urllib.request.build_opener(NoRedirect)
        request = urllib.request.Request(url, headers={"User-Agent": "briefkit"})
        try:
            with opener.open(request, timeout=_TIMEOUT) as response:
                if response.status != 200:
                    raise _Refused(f"HTTP {response.status}")
                data: bytes = response.read(MAX_IMAGE_BYTES + 1)
        except (urllib.error.URLError, OSError, ValueError) as exc:
            raise _Refused(f"fetch failed: {exc}") from None
        if len(data) > MAX_IMAGE_BYTES:
            raise _Refused(f"larger than {MAX_IMAGE_BYTES} bytes (MAX_IMAGE_BYTES)")
        return data

    @staticmethod
    def _check(data: bytes) -> Picture:
        info = sniff(data)
        if info is None:
            raise _Refused("not a PNG, JPEG, GIF, WebP or SVG image")
        if too_large(info):
            raise _Refused(f"{info.width}x{info.height} pixels is more than MAX_IMAGE_PIXELS")
        return Picture(data, info)


class _Refused(Exception):
    """Why an image is not embedded."""


def _short(src: str) -> str:
    return repr(src[:60] + "…") if len(src) > 60 else repr(src)
