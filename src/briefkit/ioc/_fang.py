"""Defanging and refanging: only indicator tokens change, never the prose around them."""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import urlsplit

from ._scan import Token, scan

__all__ = ["NETWORK", "defang_text", "defang_token", "refang_text"]

#: The indicator types that point at infrastructure, the ones a reader could click on.
NETWORK = frozenset({"url", "domain", "ipv4", "ipv6", "email"})
_SCHEMES = {"http": "hxxp", "https": "hxxps", "ftp": "fxp", "sftp": "sfxp"}


def defang_token(kind: str, fanged: str) -> str:
    """The conventional defanged form of one (fanged) indicator of ``kind``.

    Every dot of a host becomes ``[.]`` (a single one would leave ``evil.co.uk`` half
    live), ``http`` becomes ``hxxp``, ``@`` becomes ``[@]`` and an IPv6 address's colons
    ``[:]``; paths, hashes and CVE ids stay as they are.
    """
    if kind in ("domain", "ipv4"):
        return fanged.replace(".", "[.]")
    if kind == "ipv6":
        return fanged.replace(":", "[:]")
    if kind == "email":
        local, _, domain = fanged.rpartition("@")
        return f"{local}[@]{domain.replace('.', '[.]')}"
    if kind == "url":
        scheme, sep, rest = fanged.partition("://")
        netloc_len = len(urlsplit(fanged).netloc)
        netloc, path = rest[:netloc_len], rest[netloc_len:]
        if not netloc.startswith("["):  # a bracketed IPv6 host is left readable
            netloc = netloc.replace(".", "[.]")
        return f"{_SCHEMES.get(scheme.lower(), scheme)}{sep}{netloc}{path}"
    return fanged


def _replace(text: str, tokens: list[Token], new: Callable[[Token], str | None]) -> str:
    out: list[str] = []
    last = 0
    for token in tokens:
        replacement = new(token)
        if replacement is None or replacement == token.written:
            continue
        out.append(text[last : token.start])
        out.append(replacement)
        last = token.end
    if not out:
        return text
    out.append(text[last:])
    return "".join(out)


def defang_text(
    text: str,
    keep: Callable[[Token], bool] | None = None,
    tokens: list[Token] | None = None,
) -> str:
    """``text`` with every network indicator defanged (except those ``keep`` accepts)."""
    found = scan(text) if tokens is None else tokens

    def new(token: Token) -> str | None:
        if token.type not in NETWORK or (keep is not None and keep(token)):
            return None
        return defang_token(token.type, token.fanged)

    return _replace(text, found, new)


def refang_text(text: str) -> str:
    """``text`` with every defanged indicator token restored; everything else untouched."""
    return _replace(text, scan(text), lambda token: token.fanged)


_WWW = re.compile(r"\Awww\d?\.")


def site(host: str) -> str:
    """A host without its ``www.``: the name a site goes by."""
    return _WWW.sub("", host.lower().rstrip("."))
