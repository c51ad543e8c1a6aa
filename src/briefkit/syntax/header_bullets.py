"""Bulleted lines over a copied page's headline: a post's header ("• Report" over
"• 30 September 2019": its kicker and date) or the site's menu of short labels (dropped).
The title finder asks :func:`bullet_run` where such a run ends and :func:`read_bullet_run`
what it says."""

from __future__ import annotations

from typing import Any

from .chrome import chrome_strength
from .date_lines import date_line
from .head_shapes import KICKER, kicker_like, set_once, title_like
from .heading_form import is_body_text
from .metadata import byline
from .text import ITEM

__all__ = ["bullet_run", "read_bullet_run"]

#: A menu's label is short: past this many words a bulleted line is content.
_MENU_WORDS = 8


def bullet_run(cands: list[tuple[int, str]], k: int) -> int:
    """The end of a run of short bulleted lines at candidate ``k`` that stands over a
    headline-like line, else ``k``: a post's header when it holds a date, the site's menu
    when it is three or more labels or interface lines."""
    end, inner = k, []
    while end < len(cands):
        match = ITEM.match(cands[end][1])
        rest = cands[end][1][match.end() :] if match is not None and match.group(3) else ""
        label = len(rest.split()) <= _MENU_WORDS and not is_body_text(rest)
        if not rest or not (label or chrome_strength(rest)) or byline(rest):
            break  # a byline is read under the title, as before
        inner.append(rest)
        end += 1
    dated = any(date_line(t) is not None for t in inner)
    if end >= len(cands) or not title_like(cands[end][1]) or not (dated or len(inner) >= 3):
        return k
    return end


def read_bullet_run(texts: list[str], meta: dict[str, Any]) -> None:
    """Bullets above the headline: with a date they are the post's header (its date and
    kicker, "• Report" / "• 30 September 2019"); without one, the site's menu (dropped)."""
    inner = [t[m.end() :] if (m := ITEM.match(t)) is not None else t for t in texts]
    dates = [d for d in map(date_line, inner) if d is not None]
    if not dates:
        return
    set_once(meta, "published", dates[0].date)
    for text in inner:
        if date_line(text) is None and kicker_like(text):
            set_once(meta, KICKER, text)
