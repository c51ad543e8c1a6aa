"""The ``index.html`` of a bundle: the series in order, with date, judgement and formats
(and, when the build lints, each brief's tradecraft findings by severity)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..fileio import atomic_write
from .work import Scanned

__all__ = ["write_index"]

_INDEX = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem}
li{margin:0 0 1.2rem}.meta{color:#555;font-size:.9em}.formats a{margin-right:.6em}</style>
{% if linted %}<style>.lint .errors{color:#b00020}.lint .warnings{color:#8a6100}</style>
{% endif %}</head><body>
{% macro count(n, word) %}<span class="{{ word }}s" data-count="{{ n }}">{{ n }} {{ word
}}{{ "" if n == 1 or word == "info" else "s" }}</span>{% endmacro -%}
<h1>{{ title }}</h1>
{% if series %}<p>The whole series: <a href="{{ series }}">{{ series }}</a></p>{% endif %}
<ol class="series">
{% for e in entries %}<li>
{% if e.main %}<a class="title" href="{{ e.main }}">{{ e.title }}</a>
{% else %}<span class="title">{{ e.title }}</span>{% endif %}
{% if e.date %}<time class="meta" datetime="{{ e.date }}">{{ e.date }}</time>{% endif %}
{% if e.excerpt %}<p class="judgement">{{ e.excerpt }}</p>{% endif %}
{% if e.lint %}<p class="lint meta">Tradecraft: {{ count(e.lint.errors, "error") }}
{{ count(e.lint.warnings, "warning") }} {{ count(e.lint.infos, "info") }}</p>
{% endif -%}
<p class="formats">{% for fmt, href in e.links %}<a href="{{ href }}">{{ fmt }}</a>{% endfor %}</p>
</li>
{% endfor %}</ol>
</body></html>
"""


def _page(title: str, entries: list[dict[str, Any]], series: str | None) -> str:
    from jinja2 import Environment

    env = Environment(autoescape=True, keep_trailing_newline=True)
    linted = any(e["lint"] is not None for e in entries)
    return env.from_string(_INDEX).render(
        title=title, entries=entries, series=series, linted=linted
    )


def _date(value: dt.date | dt.datetime | None) -> str | None:
    if value is None:
        return None
    return (value.date() if isinstance(value, dt.datetime) else value).isoformat()


def write_index(
    dest: Path,
    title: str,
    ordered: Sequence[Scanned],
    links: Sequence[list[tuple[str, str]]],
    series: str | None,
) -> bool:
    """Write the index page of ``ordered`` (each with its ``(format, href)`` links, the HTML
    one as the title's link) to ``dest``; False, writing nothing, when it is unchanged."""
    entries = [
        {
            "title": s.stub.title,
            "date": _date(s.stub.published),
            "excerpt": s.excerpt,
            "lint": s.lint,
            "links": own,
            "main": dict(own).get("html") or (own[0][1] if own else None),
        }
        for s, own in zip(ordered, links, strict=True)
    ]
    page = _page(title, entries, series)
    try:
        unchanged = dest.read_text("utf-8") == page
    except (OSError, UnicodeDecodeError):
        unchanged = False
    if not unchanged:
        atomic_write(dest, page)
    return not unchanged
