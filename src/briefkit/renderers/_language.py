"""The language a document declares: the brief's, else one default shared by every format.

A brief parsed from copied text or Markdown usually has no language. Screen readers,
hyphenation, spell checkers and the PDF/UA and WCAG checks all need one, and the three
document formats must not disagree (HTML said nothing, DOCX said en-GB, PDF wrote an empty
``/Lang``). So HTML, DOCX and PDF declare :data:`DEFAULT_LANGUAGE` when the brief has none,
and ``default_language=`` on each renderer overrides it. The brief itself is not changed:
``brief.language`` stays ``None``, and reading the document back gives ``None`` again.
"""

from __future__ import annotations

import re

from ..errors import RenderError

__all__ = ["DEFAULT_LANGUAGE", "check_default", "declared_language", "well_formed"]

#: What HTML, DOCX and PDF declare for a brief without a language (BCP 47: English, no region).
DEFAULT_LANGUAGE = "en"

# BCP 47's shape (RFC 5646 section 2.1), without checking the registry: a primary subtag of
# 2-3 letters (or 4-8 for registered ones) and subtags of 1-8 letters or digits.
_TAG = re.compile(r"[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*")


def well_formed(tag: str | None) -> bool:
    """True when ``tag`` looks like a BCP 47 language tag (``en``, ``en-GB``, ``zh-Hant-TW``)."""
    return bool(tag) and _TAG.fullmatch(tag or "") is not None


def check_default(default: str, *, format: str) -> str:
    """``default`` if it is a language tag, else a :class:`RenderError` saying why."""
    if not isinstance(default, str) or not well_formed(default):
        raise RenderError(
            f"default_language must be a BCP 47 language tag such as 'en' or 'en-GB', "
            f"got {default!r}",
            format=format,
            option="default_language",
        )
    return default


def declared_language(language: str | None, default: str) -> str:
    """The language a document declares for a brief whose language is ``language``.

    A language that is not a well-formed tag (the model allows any one-line text) would
    make the document invalid, so the default is declared instead.
    """
    return language if language and well_formed(language) else default
