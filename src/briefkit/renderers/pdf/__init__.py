"""PDF output: the HTML renderer's markup laid out by WeasyPrint with a print stylesheet.

The pieces live in small modules: ``_pdf_html`` builds the document (metadata head, one
wrapper per brief, the contents page of a series, sanitising), ``_pdf_fetch`` is the URL
fetcher that refuses everything not allowed, ``_pdf_engine`` keeps WeasyPrint and the parsed
stylesheets warm. WeasyPrint is imported on the first PDF, never by ``import briefkit``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence

from ...errors import BriefkitError, RenderError
from ...ioc import defang_brief
from ...model import Brief
from .._language import DEFAULT_LANGUAGE, check_default
from .._toc import wants_toc
from .engine import write_pdf

__all__ = ["render_pdf"]


def render_pdf(
    brief: Brief | Sequence[Brief],
    *,
    page_size: str = "A4",
    stylesheet: str | os.PathLike[str] | None = None,
    allow_fetch: Callable[[str], bool] | Sequence[str] | None = None,
    pdf_variant: str | None = None,
    template: str | os.PathLike[str] | None = None,
    title: str | None = None,
    defang: str = "auto",
    live: Iterable[str] = (),
    tagged: bool = True,
    default_language: str = DEFAULT_LANGUAGE,
    toc: bool | None = None,
    resources: str | os.PathLike[str] | None = None,
) -> bytes:
    """The brief as PDF, or a sequence of briefs as one PDF with a contents page.

    - ``page_size``: ``"A4"`` or ``"Letter"``.
    - ``stylesheet``: path of a CSS file applied after the packaged print stylesheet.
    - ``template``: path of a Jinja2 HTML template, as for :func:`~briefkit.render_html`.
    - ``allow_fetch``: nothing is loaded by default: no image, stylesheet, font or file
      referenced by a template or stylesheet, and never an embedded attachment. Pass URL
      prefixes (``["https://cdn.example.org/assets/"]``, matched at a path boundary) or a
      predicate ``(url) -> bool`` to let WeasyPrint load those URLs.
      Figures' remote images load only through it too.
    - ``resources``: the folder figures' relative images are read from (inside it only);
      without it they show their alt text. ``data:`` images are always embedded.
    - ``pdf_variant``: a WeasyPrint variant such as ``"pdf/a-3b"`` or ``"pdf/ua-1"``; by
      default the PDF is a tagged PDF/UA-1 document.
    - ``tagged``: ``False`` writes no structure tree (a smaller, untagged PDF that is not
      accessible); with a ``pdf/a-*`` variant the document is tagged unless this is False.
    - ``default_language``: the language declared when the briefs have none (``"en"``).
    - ``toc``: a table of contents after the title block; by default only for a long brief
      (1,200 words or more in three or more headed sections).
    - ``title``: the title of a series document (default: the briefs' common category,
      else "Briefs"); a single brief's PDF is titled by the brief.
    - ``defang`` / ``live``: which quoted indicators stay links, as for every renderer
      (see :func:`briefkit.ioc.defang_brief`).

    A series starts with a contents page listing every brief with its page number; each
    brief starts on a new page, has its own bookmarks, and its prev/next links jump to the
    neighbouring brief inside the document.
    """
    series = not isinstance(brief, Brief)
    briefs = [defang_brief(b, defang, live) for b in _as_briefs(brief)]
    name = briefs[0].title if not series else title
    from .._figures import Pictures
    from .html import document_html  # lxml: loaded with the first PDF

    try:
        default_language = check_default(default_language, format="pdf")
        figures: dict[str, tuple[bytes, str]] = {}
        html = document_html(
            briefs,
            series=series,
            template=template,
            title=title,
            default_language=default_language,
            toc=toc,
            pictures=Pictures(resources, allow_fetch),
            figures=figures,
        )
        return write_pdf(
            html,
            page_size=page_size,
            stylesheet=stylesheet,
            allow_fetch=allow_fetch,
            pdf_variant=pdf_variant,
            tagged=tagged,
            open_outline=series or any(wants_toc(b, toc) for b in briefs),
            figures=figures,
        )
    except BriefkitError:
        raise
    except Exception as exc:  # WeasyPrint has no exception hierarchy of its own
        raise RenderError(
            f"{type(exc).__name__}: {exc}", format="pdf", brief=name, internal=True
        ) from exc


def _as_briefs(value: Brief | Sequence[Brief]) -> list[Brief]:
    if isinstance(value, Brief):
        return [value]
    if isinstance(value, (str, bytes)) or not isinstance(value, Sequence):
        raise RenderError(
            f"expected a Brief or a sequence of briefs, got {type(value).__name__}", format="pdf"
        )
    briefs = list(value)
    if not briefs:
        raise RenderError("cannot render an empty series", format="pdf")
    for index, item in enumerate(briefs):
        if not isinstance(item, Brief):
            raise RenderError(
                f"series item {index} is a {type(item).__name__}, not a Brief", format="pdf"
            )
    return briefs
