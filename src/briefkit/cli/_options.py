"""The renderer options ``convert`` and ``build`` share, and their mapping onto keywords.

Each flag applies to the formats whose renderer takes the keyword; :func:`render_options`
turns the flags into keyword arguments per format and makes a flag that applies to none of
the formats asked for a usage error rather than silently ignored. Values the renderers
would refuse (a language that is no BCP 47 tag, an unknown PDF variant, ``--untagged``
with a PDF/UA variant) are usage errors here, before anything is read or written. Nothing
heavy is imported until a flag is actually given, so ``--help`` stays quick.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

__all__ = ["DEFANGING", "SCALES", "document_options", "render_options"]

F = TypeVar("F", bound=Callable[..., Any])

#: ``briefkit.tradecraft.SCALES`` (a test holds them equal), named here so that reading a
#: command line that offers ``--scale`` imports no tradecraft checks and no model.
SCALES = ("icd203", "phia", "kent")

#: The formats whose output shows a brief to a reader, where defanging applies.
DEFANGING = ("html", "docx", "pdf", "markdown", "text", "stix", "misp")

#: flag as messages name it, the command's parameter, the renderer keyword, the formats
#: whose renderer takes it.
_FLAGS: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("--fragment", "fragment", "standalone", ("html",)),
    ("--template", "template", "template", ("html", "pdf")),
    ("--page-size", "page_size", "page_size", ("docx", "pdf")),
    ("--reference-doc", "reference_doc", "template", ("docx",)),
    ("--stylesheet", "stylesheet", "stylesheet", ("pdf",)),
    ("--default-language", "default_language", "default_language", ("html", "docx", "pdf")),
    ("--toc/--no-toc", "toc", "toc", ("docx", "pdf")),
    ("--tagged/--untagged", "tagged", "tagged", ("pdf",)),
    ("--pdf-variant", "pdf_variant", "pdf_variant", ("pdf",)),
    ("--defang", "defang", "defang", DEFANGING),
    ("--live", "live", "live", DEFANGING),
    ("--annotate", "annotate", "annotate", ("html",)),
    ("--scale", "scale", "scale", ("html",)),
    ("--published", "published", "published", ("stix", "misp")),
    ("--publisher", "publisher", "publisher", ("stix",)),
    ("--resources", "resources", "resources", ("docx", "pdf")),
    ("--allow-fetch", "allow_fetch", "allow_fetch", ("html", "docx", "pdf")),
)


def _language(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    from ..renderers._language import well_formed

    if not well_formed(value):
        raise click.BadParameter(
            f"{value!r} is not a BCP 47 language tag (such as en, en-GB, fr-CA, zh-Hant)"
        )
    return value


def _variant(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:  # WeasyPrint's own list; it is imported for the PDF anyway
        from ..renderers.pdf.engine import pdf_variants

        known = pdf_variants()
    except (ImportError, OSError):  # no PDF engine: rendering will say so
        return value
    if value not in known:
        raise click.BadParameter(f"{value!r} is not one of {', '.join(sorted(known))}")
    return value


def document_options(func: F) -> F:
    """The document options of ``convert`` and ``build``: paper, language, contents list,
    PDF tagging and variant, defanging."""
    decorators = (
        click.option(
            "--page-size",
            type=click.Choice(["A4", "Letter"], case_sensitive=False),
            help="DOCX, PDF: paper size (default A4, or the reference document's).",
        ),
        click.option(
            "--default-language",
            metavar="TAG",
            callback=_language,
            help="HTML, DOCX, PDF: the language declared for a brief that has none "
            "(a BCP 47 tag; default en).",
        ),
        click.option(
            "--toc/--no-toc",
            default=None,
            help="DOCX, PDF: a contents list after the title block (default: only for a "
            "brief of 1,200 words in three or more headed sections).",
        ),
        click.option(
            "--tagged/--untagged",
            default=None,
            help="PDF: --untagged writes no structure tree (smaller, not accessible; not "
            "with a pdf/ua variant). Default: tagged.",
        ),
        click.option(
            "--pdf-variant",
            metavar="NAME",
            callback=_variant,
            help="PDF: a variant such as pdf/a-3b or pdf/ua-2 (default: pdf/ua-1).",
        ),
        click.option(
            "--defang",
            type=click.Choice(["auto", "all", "off"]),
            help="How quoted indicators show: auto (default) unlinks and defangs them, all "
            "every link, off none.",
        ),
        click.option(
            "--live",
            metavar="HOST|URL",
            multiple=True,
            help="A host (covering its subdomains) or URL prefix whose links stay live "
            "whatever --defang says; repeatable.",
        ),
    )
    for decorator in reversed(decorators):
        func = decorator(func)
    return func


def render_options(fmt: str | tuple[str, ...], **flags: Any) -> dict[str, Any]:
    """Renderer keyword arguments from the command's parameters (``page_size``,
    ``fragment``, ``reference_doc``...; None means not given), each checked against the
    formats it applies to.

    Given several formats, the result holds each format's own options by name, and a flag
    is a usage error only when it applies to none of them.
    """
    wanted = (fmt,) if isinstance(fmt, str) else fmt
    if flags.get("tagged") is False and str(flags.get("pdf_variant") or "").startswith("pdf/ua"):
        raise click.UsageError(f"{flags['pdf_variant']} is always tagged: drop --untagged")
    options: dict[str, dict[str, Any]] = {name: {} for name in wanted}
    for flag, param, key, formats in _FLAGS:
        value = flags.get(param)
        if param in ("fragment", "annotate"):
            value = (param == "annotate") if value else None
        elif param == "live":
            value = tuple(value) if value else None
        elif param == "allow_fetch":
            value = list(value) if value else None
        if value is None:
            continue
        if not any(name in formats for name in wanted):
            raise click.UsageError(f"{flag} applies to {' and '.join(formats)} output only")
        for name in wanted:
            if name in formats:
                options[name][key] = value
    return options[fmt] if isinstance(fmt, str) else options
