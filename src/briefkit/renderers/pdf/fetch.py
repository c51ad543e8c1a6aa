"""The PDF renderer's URL fetcher: WeasyPrint reads nothing the caller did not allow.

WeasyPrint's own fetcher opens ``file:``, ``http(s):``, ``ftp:`` and ``data:`` URLs on behalf
of the document it lays out: an ``<img>``, a stylesheet link, ``@import``, ``url()``, an
``<object>``, or ``<a rel="attachment">`` (which embeds the file into the PDF). A brief is
untrusted input, and a caller's template or stylesheet may be too, so this fetcher refuses
every URL except briefkit's own packaged assets (``briefkit-asset:NAME``), the figures the
renderer itself loaded through the image sandbox (``briefkit-figure:N``), and what the
caller listed in ``allow_fetch``: URL prefixes matched at a path boundary, or a predicate.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Callable, Mapping
from importlib import resources
from typing import Any

from .._policy import AllowFetch, make_policy

__all__ = [
    "ASSET_SCHEME",
    "FIGURE_SCHEME",
    "AllowFetch",
    "FetchRefused",
    "make_fetcher",
    "make_policy",
]


#: Scheme of briefkit's packaged assets (files under ``renderers/styles/``).
ASSET_SCHEME = "briefkit-asset:"
#: Scheme of the figures a PDF render loaded itself (see :mod:`.media`).
FIGURE_SCHEME = "briefkit-figure:"
_ASSET_NAME = re.compile(r"[a-z0-9][a-z0-9_-]*\.(css|svg|png)")
_ASSET_TYPES = {"css": "text/css", "svg": "image/svg+xml", "png": "image/png"}

log = logging.getLogger("briefkit.pdf")


class FetchRefused(ValueError):
    """Raised inside WeasyPrint for a refused URL; it logs it and leaves the resource out."""


def _asset(url: str) -> tuple[bytes, str] | None:
    """The bytes and media type of a packaged asset URL, or None if ``url`` is not one."""
    if not url.startswith(ASSET_SCHEME):
        return None
    name = url[len(ASSET_SCHEME) :]
    if not _ASSET_NAME.fullmatch(name):
        return None
    return _read_asset(name)


@functools.cache
def _read_asset(name: str) -> tuple[bytes, str] | None:
    path = resources.files("briefkit.renderers").joinpath("styles", name)
    if not path.is_file():
        return None
    return path.read_bytes(), _ASSET_TYPES[name.rsplit(".", 1)[1]]


def make_fetcher(
    allow_fetch: AllowFetch, figures: Mapping[str, tuple[bytes, str]] | None = None
) -> Any:
    """A WeasyPrint ``URLFetcher`` enforcing ``allow_fetch`` (WeasyPrint must be importable);
    ``figures`` maps the ``briefkit-figure:N`` URLs of this render to (bytes, media type)."""
    return _fetcher_class()(make_policy(allow_fetch), figures or {})


@functools.cache
def _fetcher_class() -> type[Any]:
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class SandboxFetcher(URLFetcher):  # type: ignore[misc]
        """Refuses by default; delegates allowed URLs to a redirect-free stock fetcher."""

        def __init__(
            self, policy: Callable[[str], bool], figures: Mapping[str, tuple[bytes, str]]
        ) -> None:
            # The stock __init__ builds urllib handlers (and an SSL context) that a render
            # which fetches nothing never needs: build them only on the first allowed URL.
            self._policy = policy
            self._figures = figures
            self._fail_on_errors = False
            self._delegate: Any = None
            self.refused: list[str] = []

        def fetch(self, url: str, headers: dict[str, str] | None = None) -> Any:
            if not isinstance(url, str):
                raise FetchRefused(f"briefkit refused to fetch {url!r} (not a URL)")
            asset = _asset(url) or self._figures.get(url)
            if asset is not None:
                body, media_type = asset
                return URLFetcherResponse(url, body, {"Content-Type": media_type})
            if not self._policy(url):
                self.refused.append(url)
                log.info("refused to fetch %s", url[:200])
                raise FetchRefused(f"briefkit refused to fetch {url[:200]} (not in allow_fetch)")
            if self._delegate is None:
                # No redirects: an allowed server must not bounce WeasyPrint elsewhere.
                self._delegate = URLFetcher(allow_redirects=False)
            return self._delegate.fetch(url, headers)

        def open(self, url: Any, data: Any = None, timeout: Any = None) -> Any:
            target = url if isinstance(url, str) else getattr(url, "full_url", "")
            return self.fetch(target)

        def __call__(self, url: str) -> Any:
            return self.fetch(url)

    return SandboxFetcher
