"""HTML output: a standalone page or an ``<article>`` fragment, from a Jinja2 template.

The markup is a contract: ``parse_html`` reads it back into an equal Brief, the PDF renderer
lays it out with its print stylesheet, and user templates build on the same context. Inside
``<article class="brief">`` everything is literal: a parser must not apply heading or
lead-in heuristics there, only the classes and attributes below.

Fragment (``standalone=False`` returns exactly this)::

    <article class="brief" lang="LANGUAGE" data-slug="SLUG"
             itemscope itemtype="https://schema.org/Article">
      <header class="brief-header">
        <p class="brief-marking marking-tlp-amber">TLP:AMBER</p>          (marking)
        <h1 class="brief-title" itemprop="headline">TITLE</h1>
        <p class="brief-meta">                                           (any of these)
          <span class="brief-published">Published <time itemprop="datePublished"
                datetime="ISO">12 September 2024</time></span>
          <span class="brief-updated">Updated <time itemprop="dateModified" datetime="ISO">..
          <span class="brief-authors">By <span class="brief-author" itemprop="author">A</span>,
                <span class="brief-author" itemprop="author">B</span></span>
          <span class="brief-publisher" itemprop="publisher">PUBLISHER</span>
          <span class="brief-category" itemprop="articleSection">CATEGORY</span>
        </p>
        <ul class="brief-tags"><li class="brief-tag" itemprop="keywords">TAG</li>...</ul>
        <meta itemprop="description" content="SUMMARY">                 (summary)
        <link itemprop="url" href="URL">                                (url)
      </header>
      <section class="brief-section kind-KIND" data-kind="KIND">       (one per section)
        <h2 class="brief-heading">HEADING</h2>                          (only if heading)
        <p>INLINE</p>                                                   Paragraph
        <ol class="brief-list"> / <ul class="brief-list">               ItemList(ordered)
          <li><strong class="lead">LEAD:</strong> INLINE</li>           Item with a lead
          <li>INLINE</li>                                               Item without one
        <blockquote class="brief-quote"><p>INLINE</p></blockquote>      Quote
        <table class="brief-table">                                     Table
          <caption>INLINE</caption>                                     (only if caption)
          <thead><tr><th scope="col" class="align-right">INLINE</th>..  header rows
          <tbody><tr><td class="align-right">INLINE</td>...</tr></tbody> other rows
        </table>
        <figure class="brief-figure">                                   Figure
          <img src="SRC" alt="ALT" width="W" height="H">                (width/height if set)
          <figcaption>INLINE</figcaption>                               (only if caption)
        </figure>
      </section>
      <section class="brief-notes" role="doc-endnotes" ...>             (if any notes)
        <h2 class="brief-notes-heading" id="brief-notes-heading">Notes</h2>
        <ol><li id="fn-N">INLINE <a href="#fnref-N" class="brief-backlink"
              role="doc-backlink" aria-label="Back to reference N">↩</a></li>...</ol>
      </section>
      <nav class="brief-nav" aria-label="Series navigation">          (prev or next)
        <a class="brief-prev" rel="prev" href="HREF">                   (<span> without href)
          <span class="brief-nav-label">Previous</span>
          <span class="brief-nav-title">TITLE</span>                    (only if title)
        </a>
        <a class="brief-next" rel="next" href="HREF">... Next ...</a>
      </nav>
    </article>

Reading it back:

- Attributes and text are escaped HTML; every string in the model is one line, so text is
  read with whitespace collapsed and stripped. ``lang``/``data-slug`` are omitted when unset.
- Dates: ``time[datetime]`` holds the value exactly as the model serialises it to JSON
  (``2024-02-14`` for a date, ``2024-02-15T09:30:00Z`` for a datetime).
- The lead-in's colon is INSIDE ``strong.lead`` and is always added by the renderer: strip
  exactly one trailing ``:``. Only ``strong.lead`` is a lead-in; an item body may itself
  start with ``<strong>``. One space separates the lead from a non-empty body.
- Inline content is only ``strong``, ``em`` and ``a[href]`` (external links also carry
  ``rel="noopener noreferrer"``), nested to any depth, with no whitespace added between
  nodes. HTML cannot nest links, so a link inside a link is written as its text only.
- Empty blocks are kept: ``<p></p>``, ``<li></li>``, ``<ol class="brief-list"></ol>``, a
  ``section`` without children.
- Marking: the text of ``p.brief-marking``; its class ``marking-<slug>`` is for styling.
- Annotations (``annotate=True`` only): ``<mark class="lint lint-SEVERITY" data-lint="CODES"
  title="...">`` around the characters of tradecraft findings inside any text, and
  ``data-lint``/``title`` attributes on the ``li``, ``h2`` (or ``section``), ``h1`` a
  finding is about. A reader skips them: ``mark`` is transparent, the attributes carry no
  content (see :mod:`.annotations`).
- Notes: a Note is ``<sup class="brief-noteref"><a href="#fn-N" id="fnref-N"
  role="doc-noteref">N</a></sup>`` where it is referenced, numbered in reading order; its
  content is ``li#fn-N`` of the notes list without the backlink (and the space before it).
- Tables: every column's alignment is the ``align-*`` class of its cells (none: unknown);
  rows are padded, so every row has the table's width.
- A figure whose ``data:`` image the renderer will not hand a browser (not an accepted
  image, or a pixel bomb) is ``<figure class="brief-figure brief-figure-missing"
  data-src="SRC" data-width data-height><p class="brief-figure-alt">ALT</p>...``.

A standalone page wraps the fragment in ``<html lang><body><main>`` (``lang``: the brief's
language, else the renderer's ``default_language``; only the article's ``lang`` is the
brief's) with a ``<head>`` holding ``<meta charset>``, ``<title>``, ``<link rel=canonical>``,
``<link rel=prev|next title href>`` (when
hrefs exist), ``description``, ``author`` (one per author), ``keywords``, ``dcterms.created``
/ ``dcterms.modified`` (W3C-DTF, read by WeasyPrint for PDF metadata: a datetime without a
zone is written as its date), ``article:*`` and ``og:*``
properties, ``briefkit:slug`` / ``briefkit:marking``, the packaged stylesheet inline and a
JSON-LD ``Article``, and for a marked brief a print-only ``@page`` rule that repeats the
marking in the margins of every printed page. Nothing is fetched: no external stylesheet,
script or font.
"""

from __future__ import annotations

import functools
import html
import json
import os
import re
from collections.abc import Callable, Iterable
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..._version import __version__
from ...errors import TemplateError
from ...ioc import defang_brief
from ...model import Brief, Emphasis, Inline, Link, Note, Strong, Text
from ...safety import href_scheme
from ...syntax.dates import display_date, w3c_date
from .._figures import Pictures
from .._labels import label_colour
from .._language import DEFAULT_LANGUAGE, check_default, declared_language
from .._policy import AllowFetch, make_policy
from .media import Spot, figure_html, notes_html, table_html

if TYPE_CHECKING:
    import jinja2

    from ..annotations import Annotations, Marks

__all__ = ["inline_html", "render_html", "stylesheet", "w3c_date"]

_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"}
_JSON_UNSAFE = re.compile("[<>&]")
_NON_WORD = re.compile(r"[^a-z0-9]+")


_CLOSE_LINK = "</a>"


def inline_html(
    nodes: Iterable[Inline], marks: Marks | None = None, notes: list[Note] | None = None
) -> str:
    """Inline nodes as escaped HTML, iteratively (the model allows any nesting depth).

    HTML cannot nest links (a parser would split the outer one), so a link inside a link
    keeps its text but not its own ``<a>``: the outer link wins. ``marks`` draws tradecraft
    findings into the text (``annotate=True``). A note becomes a numbered reference to
    ``#fn-N`` and is appended to ``notes``, whose list the page shows at its end (a note
    inside a link, which a Brief never holds, gets its number without a link).
    """
    notes = [] if notes is None else notes
    out: list[str] = []
    stack: list[Inline | str] = list(reversed(tuple(nodes)))
    open_links = 0
    while stack:
        node = stack.pop()
        if isinstance(node, str):
            out.append(node)
            if node is _CLOSE_LINK:
                open_links -= 1
        elif isinstance(node, Text):
            out.append(marks.text(node.text) if marks else html.escape(node.text, quote=False))
        elif isinstance(node, Note):
            notes.append(node)
            out.append(_note_ref(len(notes), linked=not open_links))
        else:
            if isinstance(node, Strong):
                out.append("<strong>")
                stack.append("</strong>")
            elif isinstance(node, Emphasis):
                out.append("<em>")
                stack.append("</em>")
            elif isinstance(node, Link) and not open_links:
                rel = ' rel="noopener noreferrer"' if _is_external(node.href) else ""
                out.append(f'<a href="{html.escape(node.href)}"{rel}>')
                stack.append(_CLOSE_LINK)
                open_links += 1
            stack.extend(reversed(node.children))
    return "".join(out)


def _note_ref(number: int, *, linked: bool) -> str:
    if not linked:
        return f'<sup class="brief-noteref">{number}</sup>'
    return (
        f'<sup class="brief-noteref"><a href="#fn-{number}" id="fnref-{number}"'
        f' role="doc-noteref">{number}</a></sup>'
    )


def _is_external(href: str) -> bool:
    return href_scheme(href) is not None or href.lstrip().startswith("//")


@functools.cache
def stylesheet() -> str:
    """The packaged screen stylesheet (``styles/brief.css``)."""
    return (files("briefkit.renderers") / "styles" / "brief.css").read_text(encoding="utf-8")


def css_string(text: str) -> str:
    """``text`` as a quoted CSS string that cannot end its string or its ``<style>`` early:
    everything but letters, digits, space and ``:+-._`` is written as a hex escape."""
    out = []
    for char in text:
        if (char.isalnum() and char.isascii()) or char in " :+-._":
            out.append(char)
        else:
            out.append(f"\\{ord(char):06x}")
    return '"' + "".join(out) + '"'


def _marking_box(marking: str) -> str:
    """Declarations for the marking in a printed page's margin: 12 pt bold, right-aligned,
    TLP colours on black (other markings black on white)."""
    colour = label_colour(marking)
    # A badge sized to its text (capitals are about 1.1 ch wide), not a band across the
    # whole margin; a marking too long for that wraps inside the margin.
    width = f"calc({min(len(marking), 48) * 1.1:.1f}ch + 5mm)"
    paint = "color: #000; border: 1px solid #000;"
    if colour:
        paint = f"color: {colour}; background: #000;"
    return (
        "font: bold 12pt 'DejaVu Sans', Arial, sans-serif; letter-spacing: 0.04em; "
        f"text-align: right; vertical-align: middle; {paint} padding: 0 2mm; "
        f"width: {width}; max-width: 100%; height: 8mm; margin: auto 0;"
    )


def _json_ld(brief: Brief, data: dict[str, Any]) -> str:
    """A schema.org Article as JSON that cannot end its ``<script>`` element early."""
    doc: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": brief.title,
        "name": brief.title,
    }
    optional: dict[str, Any] = {
        "url": brief.url,
        "mainEntityOfPage": brief.url,
        "description": brief.summary,
        "datePublished": data["published"],
        "dateModified": data["updated"],
        "author": [{"@type": "Person", "name": a} for a in brief.authors],
        "publisher": brief.publisher and {"@type": "Organization", "name": brief.publisher},
        "articleSection": brief.category,
        "keywords": list(brief.tags),
        "inLanguage": brief.language,
    }
    doc.update((k, v) for k, v in optional.items() if v)
    text = json.dumps(doc, ensure_ascii=False, indent=1)
    return _JSON_UNSAFE.sub(lambda m: _JSON_ESCAPES[m.group()], text)


def _context(
    brief: Brief,
    standalone: bool,
    allow: Callable[[str], bool],
    local: Pictures | None,
    findings: Annotations | None = None,
) -> dict[str, Any]:
    """Everything a template needs; user templates get the same names.

    ``where`` arguments are ``(section, block, item)`` indexes, used only to find the
    annotations of that text; without annotations the helpers give the plain markup.
    """
    from markupsafe import Markup, escape

    notes: list[Note] = []  # filled as the template renders inline content, in reading order

    def inline(
        nodes: Iterable[Inline],
        where: tuple[int, int, int | None] | None = None,
        part: str = "text",
    ) -> Any:
        marks = findings.marks(*where, part) if findings and where else None
        return Markup(inline_html(nodes, marks, notes))

    def spot(where: tuple[int, int] | None) -> Spot | None:
        """The inline writer of each text of block ``where`` (only when annotating)."""
        if findings is None or where is None:
            return None
        return lambda item, part: lambda nodes: inline(nodes, (*where, item), part)

    def marked(text: str, where: tuple[int, int | None, int | None], part: str) -> Any:
        marks = findings.marks(*where, part) if findings else None
        return Markup(marks.text(text)) if marks else escape(text)

    def lint(section: int | None, block: int | None = None, item: int | None = None) -> Any:
        if findings is None:
            return Markup("")
        part = "item" if item is not None else "section" if section is not None else "brief"
        return Markup(findings.attributes(section, block, item, part))

    data = brief.model_dump(mode="json", include={"published", "updated"})
    marking = brief.marking and "marking-" + _NON_WORD.sub("-", brief.marking.lower()).strip("-")
    return {
        "brief": brief,
        "standalone": standalone,
        "published_iso": data["published"],
        "updated_iso": data["updated"],
        "published_w3c": brief.published and w3c_date(brief.published),
        "updated_w3c": brief.updated and w3c_date(brief.updated),
        "published_text": brief.published and display_date(brief.published),
        "updated_text": brief.updated and display_date(brief.updated),
        "marking_class": marking or None,
        "marking_css": Markup(css_string(brief.marking or "")),
        "marking_box": Markup(_marking_box(brief.marking or "")),
        "json_ld": Markup(_json_ld(brief, data)),
        "css": Markup(stylesheet()),
        "generator": f"briefkit {__version__}",
        "inline": inline,
        "lead": lambda text, where: marked(text, where, "lead"),
        "heading": lambda text, section: marked(text, (section, None, None), "heading"),
        "marking_text": lambda text: Markup(findings.marking(text)) if findings else escape(text),
        "lint": lint,
        "table": lambda block, where=None: Markup(table_html(block, inline, spot(where))),
        "figure": lambda block, where=None: Markup(
            figure_html(block, inline, allow, local, spot(where))
        ),
        "notes_section": lambda: Markup(notes_html(notes, inline_html)),
    }


@functools.cache
def _environment() -> jinja2.Environment:
    import jinja2

    return jinja2.Environment(
        loader=jinja2.PackageLoader("briefkit.renderers", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        auto_reload=False,
    )


@functools.cache
def _page() -> jinja2.Template:
    from .page import page_template

    return page_template(_environment())


@functools.lru_cache(maxsize=16)
def _sandbox(folder: str) -> jinja2.Environment:
    """A sandboxed environment for user templates: their folder first, then ours."""
    import jinja2
    from jinja2.sandbox import SandboxedEnvironment

    return SandboxedEnvironment(
        loader=jinja2.ChoiceLoader(
            [
                jinja2.FileSystemLoader(folder),
                jinja2.PackageLoader("briefkit.renderers", "templates"),
            ]
        ),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _user_template(path: Path, brief: Brief) -> jinja2.Template:
    if not path.is_file():
        raise TemplateError(
            f"template {str(path)!r} is not a file", format="html", brief=brief.title
        )
    try:
        source = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise TemplateError(
            f"cannot read template {str(path)!r}: {exc}", format="html", brief=brief.title
        ) from None
    try:
        return _sandbox(str(path.resolve().parent)).from_string(source)
    except Exception as exc:  # a syntax error, or anything else the compiler trips on
        raise TemplateError(
            f"template {str(path)!r}: {_describe(exc)}", format="html", brief=brief.title
        ) from None


def _describe(exc: BaseException) -> str:
    """The reason, with the template line: Jinja2's own, or the template's traceback frame."""
    own_line = getattr(exc, "lineno", None)  # syntax errors carry it and say what they are
    line = own_line
    tb = exc.__traceback__
    while line is None and tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":  # the user's template, compiled
            line = tb.tb_lineno
        tb = tb.tb_next
    reason = str(exc) if own_line else f"{type(exc).__name__}: {exc}"
    return f"line {line}: {reason}" if line else reason


def render_html(
    brief: Brief,
    *,
    standalone: bool = True,
    template: str | os.PathLike[str] | None = None,
    defang: str = "auto",
    live: Iterable[str] = (),
    annotate: bool = False,
    scale: str = "icd203",
    default_language: str = DEFAULT_LANGUAGE,
    allow_fetch: AllowFetch = None,
    resources: str | os.PathLike[str] | None = None,
) -> str:
    """The brief as HTML: a complete page, or with ``standalone=False`` only the ``<article>``.

    ``annotate`` marks every tradecraft finding (:func:`briefkit.tradecraft.check` on
    ``scale``) in place: a highlighted ``<mark>`` with the code and message as its tooltip,
    or ``data-lint``/``title`` on the item, heading or title a finding is about. The
    annotated page reads back as the same brief.

    A page always declares a language (``<html lang>``): the brief's, else
    ``default_language``; the article carries ``lang`` only when the brief has one, so the
    page reads back into the same brief.

    ``template`` is the path of a Jinja2 template (a file, never template text) rendered in a
    sandbox with autoescaping; it may ``{% extends "brief.html.j2" %}`` and override the
    ``head``, ``style``, ``header``, ``sections`` or ``nav`` blocks. Any problem with it, at
    compile time or while it runs (``{{ 1 // 0 }}``, a sandbox refusal, a missing include),
    raises :class:`~briefkit.TemplateError` naming the template, the line and the reason.
    ``defang`` and ``live`` decide which quoted indicators stay links (every renderer takes
    them: see :func:`briefkit.ioc.defang_brief`).

    The page makes its reader's browser load nothing the caller did not allow: a figure
    shows its image when it is a ``data:`` image, a relative path inside the page's folder
    (``briefkit build`` copies those next to the page) or an http(s) URL ``allow_fetch``
    lets through (URL prefixes or a predicate, as for PDF); otherwise it shows its alt
    text, with an :class:`~briefkit.ImageWarning`, and keeps its source in ``data-src``.
    With ``resources`` (the folder the page will sit in), a relative image is shown only
    when that folder holds it; nothing is read otherwise.
    """
    findings = None
    if annotate:
        from ...tradecraft import check
        from ..annotations import Annotations

        findings = Annotations(check(brief, scale=scale))
    local = Pictures(resources) if resources is not None else None
    context = _context(
        defang_brief(brief, defang, live), standalone, make_policy(allow_fetch), local, findings
    )
    context["page_language"] = declared_language(
        brief.language, check_default(default_language, format="html")
    )
    if template is None:
        return _page().render(context)
    compiled = _user_template(Path(template), brief)
    try:
        return compiled.render(context)
    except Exception as exc:  # user code: whatever it raises is a template problem
        raise TemplateError(
            f"template {str(template)!r}: {_describe(exc)}", format="html", brief=brief.title
        ) from None
