"""The heading vocabulary, where plugin parsers have always imported it from.

It lives in :mod:`briefkit.syntax.headings`, below both parsers and renderers, because the
text and Markdown writers must ask the same questions of a heading as the readers do.
"""

from __future__ import annotations

from ..syntax.headings import HEADINGS, classify_heading, heading_kind, split_inline_heading

__all__ = ["HEADINGS", "classify_heading", "heading_kind", "split_inline_heading"]
