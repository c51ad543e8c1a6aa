"""Last touches on the PDF objects, after WeasyPrint has built them and before they are written."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

__all__ = ["finisher"]


def finisher(*, open_outline: bool) -> Callable[[Any, Any], None]:
    """A WeasyPrint ``finisher``: with ``open_outline``, viewers open the bookmarks panel.

    A long brief or a series is navigated by its bookmarks, so the panel should be there
    when the file opens (``/PageMode /UseOutlines``); a one-page brief opens without it.
    """

    def finish(document: Any, pdf: Any) -> None:
        if open_outline and "Outlines" in pdf.catalog:
            pdf.catalog["PageMode"] = "/UseOutlines"

    return finish
