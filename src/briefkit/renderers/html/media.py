"""HTML for tables, figures and the notes list (the markup contract is in ``html.py``).

Tables put header rows in ``<thead>`` with ``<th scope="col">`` (PDF repeats them on every
page), column alignment as an ``align-*`` class on every cell of the column. A figure is a
``<figure>`` with its ``<img alt>``. The page must not make its reader's browser load what
the caller did not allow either, so the image is shown only when it is:

- a ``data:`` image that is an accepted image within ``MAX_IMAGE_PIXELS`` (embedded);
- a relative path that stays in the page's folder (no ``..``, not absolute): the image
  next to the page, which ``briefkit build`` copies there (with ``resources``, only when
  that folder holds it as an accepted image);
- an http(s) URL that ``allow_fetch`` lets through.

Otherwise the figure shows its alt text (with an :class:`~briefkit.ImageWarning`), keeping
``src`` in ``data-src`` so that nothing is lost and the page reads back the same.
"""

from __future__ import annotations

import html
import warnings
from collections.abc import Callable, Sequence
from urllib.parse import unquote, urlsplit

from ...errors import ImageWarning
from ...images import decode_data_uri, sniff, too_large
from ...model import Figure, Inline, Note, Table
from ...safety import href_scheme
from .._figures import Pictures

__all__ = ["Spot", "figure_html", "notes_html", "table_html"]

InlineHtml = Callable[[tuple[Inline, ...]], str]
#: The inline writer for one text of a block, by its tradecraft location within the block
#: (``item``, ``part``): it draws that text's findings (``annotate=True``).
Spot = Callable[[int | None, str], InlineHtml]


def _attr(value: str) -> str:
    return html.escape(value, quote=True)


def table_html(table: Table, inline: InlineHtml, spot: Spot | None = None) -> str:
    """A ``table.brief-table`` with its caption, header rows and body rows; with ``spot``,
    the caption and each cell are written with their own findings drawn in."""
    classes = [f' class="align-{a.value}"' if a else "" for a in table.align]
    classes += [""] * (table.width - len(classes))
    out = ['<table class="brief-table">']
    if table.caption:
        caption = spot(0, "caption") if spot else inline
        out.append(f"<caption>{caption(table.caption)}</caption>")
    header = [r for r in table.rows if r.header]
    body = table.rows[len(header) :]
    item = 0  # tradecraft's item of a cell: 1 + its index, row by row (0 is the caption)
    for group, rows, cell in (("thead", header, "th"), ("tbody", body, "td")):
        if not rows:
            continue
        out.append(f"<{group}>")
        scope = ' scope="col"' if cell == "th" else ""
        for row in rows:
            cells = []
            for c, cls in zip(row.cells, classes, strict=True):
                item += 1
                write = spot(item, "cell") if spot else inline
                cells.append(f"<{cell}{scope}{cls}>{write(c.content)}</{cell}>")
            out.append(f"<tr>{''.join(cells)}</tr>")
        out.append(f"</{group}>")
    out.append("</table>")
    return "\n".join(out)


def _refusal(src: str, allow: Callable[[str], bool], local: Pictures | None) -> str | None:
    """Why the page must not show ``src`` (see the module docstring), or None."""
    if src.startswith("data:"):
        data = decode_data_uri(src)
        info = sniff(data) if data is not None else None
        if info is None or too_large(info):
            return "not an accepted image, or more pixels than MAX_IMAGE_PIXELS"
        return None
    scheme = href_scheme(src)
    if scheme is None:
        path = unquote(urlsplit(src).path)
        if path.startswith("/") or ".." in path.split("/"):
            return "a relative path outside the page's folder"
        if local is not None:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", ImageWarning)
                if local.load(src) is None:
                    return "no such image in the resources folder"
        return None
    if not allow(src):
        return "remote images are shown only through allow_fetch"
    return None


def figure_html(
    figure: Figure,
    inline: InlineHtml,
    allow: Callable[[str], bool],
    local: Pictures | None = None,
    spot: Spot | None = None,
) -> str:
    """A ``figure.brief-figure``: the image (or its alt text) and the caption; ``allow``
    says which remote images the page may show, ``local`` where its relative ones are."""
    size = "".join(
        f' {name}="{value}"'
        for name, value in (("width", figure.width), ("height", figure.height))
        if value
    )
    refusal = _refusal(figure.src, allow, local)
    if refusal is not None:
        shown = figure.src if len(figure.src) <= 60 else figure.src[:60] + "…"
        warnings.warn(
            f"image {shown!r} not shown ({refusal}): the page shows its alt text",
            ImageWarning,
            stacklevel=4,
        )
    if refusal is None:
        body = f'<img src="{_attr(figure.src)}" alt="{_attr(figure.alt)}"{size}>'
        out = [f'<figure class="brief-figure">{body}']
    else:
        data = size.replace(" width=", " data-width=").replace(" height=", " data-height=")
        out = [
            f'<figure class="brief-figure brief-figure-missing" data-src="{_attr(figure.src)}"'
            f'{data}><p class="brief-figure-alt">{html.escape(figure.alt)}</p>'
        ]
    if figure.caption:
        caption = spot(None, "caption") if spot else inline
        out.append(f"<figcaption>{caption(figure.caption)}</figcaption>")
    out.append("</figure>")
    return "".join(out)


def notes_html(notes: Sequence[Note], inline: InlineHtml) -> str:
    """The numbered notes, each linking back to where it is referenced (empty without notes)."""
    if not notes:
        return ""
    out = [
        '<section class="brief-notes" role="doc-endnotes" aria-labelledby="brief-notes-heading">',
        '<h2 class="brief-notes-heading" id="brief-notes-heading">Notes</h2>',
        "<ol>",
    ]
    for number, note in enumerate(notes, 1):
        back = (
            f' <a href="#fnref-{number}" class="brief-backlink" role="doc-backlink"'
            f' aria-label="Back to reference {number}">\u21a9</a>'
        )
        out.append(f'<li id="fn-{number}">{inline(note.children)}{back}</li>')
    out += ["</ol>", "</section>"]
    return "\n".join(out)
