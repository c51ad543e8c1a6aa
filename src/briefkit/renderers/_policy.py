"""Which URLs a render may fetch: the caller's ``allow_fetch``, made one predicate.

Every renderer that can show a remote image (HTML, DOCX, PDF) and the PDF renderer's
fetcher take the same ``allow_fetch``: URL prefixes matched at a path boundary, or a
predicate. A URL with ``.`` or ``..`` segments is never allowed (a prefix cannot be escaped),
and a predicate that fails or answers anything but ``True`` refuses.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Callable, Sequence
from urllib.parse import unquote, urlsplit

from ..errors import RenderError

__all__ = ["AllowFetch", "make_policy"]

#: What ``render_pdf(allow_fetch=...)`` accepts: URL prefixes, a predicate, or None (nothing).
AllowFetch = Callable[[str], bool] | Sequence[str] | None

log = logging.getLogger("briefkit.pdf")


def make_policy(allow_fetch: AllowFetch) -> Callable[[str], bool]:
    """A predicate saying whether ``url`` may be fetched, from ``allow_fetch``."""
    if allow_fetch is None:
        return _refuse_all
    if callable(allow_fetch):
        return _guarded(allow_fetch)
    if isinstance(allow_fetch, (str, bytes)):
        raise RenderError(
            "allow_fetch must be a sequence of URL prefixes, not one string",
            format="pdf",
            option="allow_fetch",
        )
    prefixes = tuple(allow_fetch)
    for prefix in prefixes:
        if not isinstance(prefix, str) or not re.match(r"[a-zA-Z][a-zA-Z0-9+.-]*:", prefix):
            raise RenderError(
                f"allow_fetch prefix {prefix!r} is not an absolute URL",
                format="pdf",
                option="allow_fetch",
            )
    return functools.partial(_prefix_allowed, prefixes)


def _refuse_all(url: str) -> bool:
    return False


def _guarded(predicate: Callable[[str], bool]) -> Callable[[str], bool]:
    def allowed(url: str) -> bool:
        if _has_dot_segments(url):
            return False
        try:
            return predicate(url) is True
        except Exception:  # a broken predicate refuses, it never lets a fetch through
            log.warning("allow_fetch predicate failed on %s; refused", url[:200], exc_info=True)
            return False

    return allowed


def _prefix_allowed(prefixes: tuple[str, ...], url: str) -> bool:
    """True when ``url`` starts with a prefix at a boundary (``/``, ``?``, ``#`` or its end).

    ``https://example.org`` then allows ``https://example.org/x`` but not
    ``https://example.org.evil.net/x``; ``..`` segments are never allowed, so a prefix
    cannot be escaped with ``file:///allowed/../../etc/passwd``.
    """
    if _has_dot_segments(url):
        return False
    folded = _fold_scheme(url)
    for prefix in prefixes:
        prefix = _fold_scheme(prefix)
        if not folded.startswith(prefix):
            continue
        rest = folded[len(prefix) :]
        if not rest or prefix[-1] in "/:?#" or rest[0] in "/?#":
            return True
    return False


def _fold_scheme(url: str) -> str:
    scheme, sep, rest = url.partition(":")
    return f"{scheme.lower()}{sep}{rest}"


def _has_dot_segments(url: str) -> bool:
    if url[:5].lower() == "data:":
        return False
    try:
        path = unquote(urlsplit(url).path)
    except ValueError:
        return True
    return any(part in (".", "..") for part in re.split(r"[/\\]", path))
