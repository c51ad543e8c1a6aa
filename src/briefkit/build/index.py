"""The ``index.html`` of a bundle: the series in order, with date, judgement and formats
(and, when the build lints, each brief's tradecraft findings by severity)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..fileio import write_if_changed
from ..tradecraft import Counts

__all__ = ["IndexEntry", "write_index"]

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


def _date(value: dt.date | dt.datetime | None) -> str | None:
    if value is None:
        return None
    return (value.date() if isinstance(value, dt.datetime) else value).isoformat()


@dataclass(frozen=True)
class IndexEntry:
    """One brief on the index page: title, date, excerpt, ``(format, href)`` links and,
    when the build lints, its findings by severity."""

    title: str
    published: dt.date | dt.datetime | None
    excerpt: str
    links: list[tuple[str, str]]
    lint: Counts | None = None

    @property
    def date(self) -> str | None:
        return _date(self.published)

    @property
    def main(self) -> str | None:
        """The title's link: the HTML file, else the first format's."""
        return dict(self.links).get("html") or (self.links[0][1] if self.links else None)


def write_index(
    dest: Path, title: str, entries: Iterable[IndexEntry], series: str | None, *, linted: bool
) -> bool:
    """Write the index page of ``entries`` (in series order) to ``dest``, streaming it so a
    long series never has its page in memory; False, writing nothing, when it is unchanged.
    ``linted`` adds the styles of the findings' counts (the page is otherwise unchanged)."""
    from jinja2 import Environment

    env = Environment(autoescape=True, keep_trailing_newline=True)
    page = env.from_string(_INDEX).generate(
        title=title, entries=entries, series=series, linted=linted
    )
    return write_if_changed(dest, page)
