"""Finding indicator tokens in text: one pattern, then checks that keep prose out.

The pattern finds candidates in one left-to-right pass (URLs before the hosts inside them,
e-mail addresses before their domains); each candidate is then refanged and checked: a
domain must end in a known top-level domain (``tlds.txt``), an IPv4 address has four
octets without leading zeros and is not a version number, an IPv6 address must parse, a
hash is hex of exactly 32, 40 or 64 digits with letters and digits both. Tokens written
without defanging meet stricter tests than defanged ones, since defanging is deliberate:
"report.zip" or "Kyiv.In" (a missing space) are file names and typos, "report[.]zip" is not.
"""

from __future__ import annotations

import functools
import ipaddress
import re
from dataclasses import dataclass
from importlib.resources import files
from urllib.parse import urlsplit

__all__ = ["Token", "fang", "is_ip", "scan"]

_DOT = r"(?:\.|\[\.\]|\(\.\)|\{\.\}|\[dot\]|\(dot\))"
_AT = r"(?:@|\[@\]|\(@\)|\[at\]|\(at\))"
_COLON = r"(?::|\[:\])"
_LABEL = r"[a-z0-9][a-z0-9-]*+"  # possessive: a word is read once; _label() checks the rest
_DOMAIN = rf"{_LABEL}(?:{_DOT}{_LABEL})+"
_OCTET = r"(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)"
_IPV4 = rf"{_OCTET}(?:{_DOT}{_OCTET}){{3}}"
_SCHEME = r"(?:h[tx]{2}ps?|f[tx]p|sftp)(?:://|\[://\]|\[:\]//|:\[//\])"
_PATH = r"(?:[/?#](?:\[\.\]|[^\s<>\"'`{}|\\^\[\]])*)?"

# One shared look-behind first: most positions are inside a word, and fail there at once.
_PATTERN = re.compile(
    r"(?<!\w)(?:"
    rf"(?P<url>{_SCHEME}(?:{_DOMAIN}|{_IPV4}|\[[0-9a-f:.]+\])(?::\d{{1,5}})?{_PATH})"
    rf"|(?P<email>(?<![.%+-])[a-z0-9][a-z0-9._%+-]{{0,63}}+{_AT}{_DOMAIN}(?![\w-]))"
    rf"|(?P<ipv4>(?<!\.){_IPV4}(?![\w-]|\.\d|\[\.\]\d))"
    r"|(?P<ipv6>(?<![:\[])(?:[0-9a-f]{0,4}(?::|\[:\])){2,7}[0-9a-f]{1,4}(?![\w:]|\[:\]))"
    r"|(?P<hash>[0-9a-f]{32,64}+(?!\w))"
    r"|(?P<cve>(?<!-)cve-\d{4}-\d{4,7}(?!\w))"
    rf"|(?P<domain>(?<![.@/:\-\]]){_DOMAIN}(?![\w-]|{_AT}))"
    r")",
    re.IGNORECASE,
)
_MARKERS = re.compile(
    r"\[\.\]|\(\.\)|\{\.\}|\[dot\]|\(dot\)|\[@\]|\(@\)|\[at\]|\(at\)|\[:\]", re.IGNORECASE
)
_MARKER_VALUE = {"@": "@", "a": "@", "A": "@", ":": ":"}
_SCHEME_FIX = re.compile(r"\A(h[tx]{2}ps?|f[tx]p|sftp)(://|\[://\]|\[:\]//|:\[//\])", re.I)
_TRAILING = ".,;:!?'\"”’»)"
_VERSION_BEFORE = re.compile(
    r"(?:version|ver\.?|release|build|firmware|kernel|update|patch|v)\s*$", re.IGNORECASE
)
#: Country-code domains that are also common file extensions ("setup.py", "notes.md"):
#: a two-label name ending in one counts only when it is defanged or inside a URL.
_FILE_LIKE = frozenset(
    ["py", "rs", "sh", "zip", "mov", "md", "pl", "so", "cc", "ps", "pm", "mk", "am", "in", "ml"]
)
_HASH_TYPES = {32: "md5", 40: "sha1", 64: "sha256"}


@dataclass(frozen=True, slots=True)
class Token:
    """One indicator as written in a text."""

    type: str
    value: str
    """Refanged and normalised (lower-case host, hash and e-mail; upper-case CVE id)."""
    written: str
    fanged: str
    """The written form with the defanging removed and nothing else changed."""
    start: int
    end: int

    @property
    def defanged(self) -> bool:
        """Whether the written form was defanged."""
        return self.written != self.fanged


@functools.cache
def tlds() -> frozenset[str]:
    """The known top-level domains (``tlds.txt``)."""
    text = (files(__package__) / "tlds.txt").read_text(encoding="utf-8")
    return frozenset(
        word for line in text.splitlines() if not line.startswith("#") for word in line.split()
    )


def fang(written: str) -> str:
    """``written`` without defanging markers: ``hxxp://a[.]b`` is ``http://a.b``."""
    text = _MARKERS.sub(lambda m: _MARKER_VALUE.get(m.group()[1], "."), written)

    def scheme(m: re.Match[str]) -> str:
        word = m.group(1).lower()
        if word == "sftp":
            return "sftp://"
        return "ftp://" if word[0] == "f" else "https://" if word.endswith("s") else "http://"

    return _SCHEME_FIX.sub(scheme, text, count=1)


def scan(text: str) -> list[Token]:
    """Every indicator token in ``text``, in order, checked (see the module docstring)."""
    found: list[Token] = []
    for match in _PATTERN.finditer(text):
        kind = match.lastgroup or ""
        start, end = match.span()
        written = match.group()
        if kind == "url":
            written = _trim(written)
            end = start + len(written)
        token = _check(kind, written, text, start, end)
        if token is not None:
            found.append(token)
    return found


def _trim(url: str) -> str:
    """A URL without the punctuation that ends the sentence around it."""
    while url and url[-1] in _TRAILING:
        if url[-1] == ")" and url.count("(") >= url.count(")"):
            break
        url = url[:-1]
    return url


def _check(kind: str, written: str, text: str, start: int, end: int) -> Token | None:
    fanged = fang(written)
    plain = fanged == written  # not defanged at all
    value: str | None = None
    if kind == "url":
        value = _url(fanged)
    elif kind == "email":
        local, _, domain = fanged.rpartition("@")
        if not local.startswith(".") and _domain(domain, plain=False):
            value = fanged.lower()
    elif kind == "ipv4":
        if plain and _VERSION_BEFORE.search(text, max(0, start - 24), start):
            return None
        value = fanged
    elif kind == "ipv6":
        value = _ipv6(fanged)
    elif kind == "hash":
        lowered = fanged.lower()
        kind = _HASH_TYPES.get(len(lowered), "")
        if kind and not lowered.isdigit() and any(c.isdigit() for c in lowered):
            value = lowered
    elif kind == "cve":
        value = fanged.upper()
    elif kind == "domain" and _domain(fanged, plain=plain):
        value = fanged.lower()
    return Token(kind, value, written, fanged, start, end) if value else None


def _domain(name: str, *, plain: bool) -> bool:
    labels = name.split(".")
    tld = labels[-1]
    if len(labels) < 2 or tld.lower() not in tlds():
        return False
    if any(len(label) > 63 or label.endswith("-") for label in labels):
        return False
    if not plain:
        return True
    # Written as is: a domain in prose is lower case ("Booking.com"), or all capitals with a
    # subdomain ("WWW.EXAMPLE.COM"); "ASP.NET", "Kyiv.In" and "notes.md" are not domains.
    if name.isupper():
        return len(labels) > 2
    return tld.islower() and not (len(labels) == 2 and tld in _FILE_LIKE)


def _url(fanged: str) -> str | None:
    try:
        parts = urlsplit(fanged)
        host = parts.hostname or ""
    except ValueError:
        return None
    if not (_domain(host, plain=False) or is_ip(host)):
        return None
    scheme = parts.scheme.lower()
    rest = fanged[len(parts.scheme) + 3 :]
    netloc_end = len(parts.netloc)
    return f"{scheme}://{rest[:netloc_end].lower()}{rest[netloc_end:]}"


def is_ip(host: str) -> bool:
    """Whether ``host`` is an IPv4 or IPv6 address (a URL host without its brackets)."""
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def _ipv6(fanged: str) -> str | None:
    try:
        address = ipaddress.IPv6Address(fanged)
    except ValueError:
        return None
    groups = [g for g in fanged.split(":") if g]
    # "12::30" or "::1" in prose are more likely times or code than addresses.
    if not any(len(g) >= 3 for g in groups) or len(groups) < 2:
        return None
    return address.compressed
