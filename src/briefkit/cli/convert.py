"""``briefkit convert`` and ``briefkit schema``.

Like pandoc, the output format comes from ``-t`` or else from the output file's extension,
and ``-`` means stdin or stdout. Unlike pandoc, which concatenates its inputs, several
inputs (or several formats, ``-t pdf,docx``) are converted one by one into a folder
(``-o out/``) in one process, which pays the start-up once. Files are written atomically
through :func:`briefkit.render` and a conversion never overwrites its own input.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Any

import click

import briefkit
from briefkit.registry import (
    find_parser,
    find_renderer,
    parser_for_extension,
    renderer_for_extension,
)

from ._common import detail, fail, friendly_errors, note
from ._options import SCALES, document_options, render_options

__all__ = ["COMMANDS", "convert", "schema"]

_EPILOG = """\b
Examples:
  briefkit convert brief.txt -o brief.pdf
  briefkit convert page.html -o brief.docx
  briefkit convert - -f text -t html < brief.txt > brief.html
  briefkit convert brief.txt -t json            (JSON on stdout)
  briefkit convert notes.md -o brief.html --fragment
  briefkit convert brief.txt -o brief.docx --reference-doc house-style.docx
  briefkit convert brief.txt -o brief.pdf --page-size Letter --stylesheet print.css
  briefkit convert a.txt b.html c.md -o out/ -t pdf,docx   (out/a.pdf, out/a.docx, ...)
  briefkit -v convert brief.docx -o brief.md    (say what was read, and timings)
  briefkit convert brief.txt -o brief.stix.json --published 2024-09-13
  briefkit convert brief.txt -o brief.pdf --default-language en-GB --toc
  briefkit convert brief.txt -o brief.pdf --pdf-variant pdf/a-3b --untagged

\b
With several inputs or formats, or -o ending in /, every output goes into that folder
as NAME.EXT; an input that fails is reported at the end (exit status 1) and the
others are still converted.
"""


def output_format(output: str, to: str | None) -> str:
    """The format named by ``-t`` (a name, or an extension such as ``md``), or the one the
    output file's extension calls for."""
    if to:
        return to if find_renderer(to) else _by_extension(f".{to.lower()}") or to
    if output == "-":
        return "html"
    path = Path(output)
    found = _by_extension("".join(path.suffixes[-2:]).lower()) or _by_extension(path.suffix.lower())
    if found is None:
        fail(
            f"cannot tell the output format from {output!r}; name it with -t "
            "(see 'briefkit formats')"
        )
    return found


def _by_extension(suffix: str) -> str | None:
    """The output format whose files end in ``suffix`` (``.htm`` and ``.markdown`` too)."""
    renderer = renderer_for_extension(suffix)
    if renderer is not None:
        return renderer.name
    parser = parser_for_extension(suffix)  # .htm, .markdown, .text
    return parser.name if parser is not None and find_renderer(parser.name) else None


def input_format(name: str | None) -> str | None:
    """The parser named by ``-f``: a format name, or an extension such as ``md`` or ``txt``."""
    if name is None or find_parser(name):
        return name
    info = parser_for_extension(f".{name.lower()}")
    return info.name if info else name


def same_file(a: Path, b: Path) -> bool:
    """True when ``a`` and ``b`` name the same file (through links too)."""
    try:
        return a.resolve() == b.resolve() or (b.exists() and os.path.samefile(a, b))
    except OSError:
        return False


@click.command(epilog=_EPILOG, short_help="Convert briefs to other formats.")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option(
    "-o",
    "--output",
    default="-",
    show_default=True,
    help="Output file, - for stdout, or a folder (OUT/) for several inputs or formats.",
)
@click.option(
    "-f", "--from", "from_", metavar="FORMAT", help="Input format or extension (default: detect)."
)
@click.option(
    "-t",
    "--to",
    metavar="FORMAT[,...]",
    help="Output format(s) or extension(s) (default: from -o's).",
)
@click.option("--fragment", is_flag=True, help="HTML: only the <article>, no page around it.")
@click.option(
    "--template",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="HTML, PDF: a Jinja2 template file to render with.",
)
@click.option(
    "--reference-doc",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="DOCX: a Word document whose styles, page setup, headers and footers to use.",
)
@click.option(
    "--stylesheet",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="PDF: a CSS file applied after the packaged print stylesheet.",
)
@document_options
@click.option(
    "--annotate",
    is_flag=True,
    help="HTML: mark each tradecraft finding in the page (see 'briefkit lint').",
)
@click.option(
    "--scale",
    type=click.Choice(SCALES),
    help="HTML with --annotate: the estimative yardstick (default icd203).",
)
@click.option("--published", metavar="DATE", help="STIX, MISP: the date of an undated brief.")
@click.option("--publisher", metavar="NAME", help="STIX: the publisher of a brief naming none.")
@click.option(
    "--resources",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="DOCX, PDF: the folder figures' relative images are read from (inside it only).",
)
@click.option(
    "--allow-fetch",
    multiple=True,
    metavar="PREFIX",
    help="HTML, DOCX, PDF: a URL prefix remote images may come from (repeatable).",
)
@click.option("-q", "--quiet", is_flag=True, help="Say nothing on success.")
@friendly_errors
def convert(
    inputs: tuple[str, ...],
    output: str,
    from_: str | None,
    to: str | None,
    fragment: bool,
    template: Path | None,
    reference_doc: Path | None,
    stylesheet: Path | None,
    annotate: bool,
    scale: str | None,
    published: str | None,
    publisher: str | None,
    resources: Path | None,
    allow_fetch: tuple[str, ...],
    quiet: bool,
    **document: Any,
) -> None:
    """Convert the brief in each INPUT (a file, or - for stdin) to other formats."""
    if scale and not annotate:
        raise click.UsageError("--scale is the yardstick of --annotate: add --annotate")
    flags: dict[str, Any] = {
        "fragment": fragment,
        "template": template,
        "reference_doc": reference_doc,
        "stylesheet": stylesheet,
        "annotate": annotate,
        "scale": scale,
        "published": published,
        "publisher": publisher,
        **document,
        "resources": resources,
        "allow_fetch": allow_fetch,
    }
    from_ = input_format(from_)
    targets = [t.strip() for t in (to or "").split(",") if t.strip()]
    if len(inputs) > 1 or len(targets) > 1 or output.endswith(("/", os.sep)):
        from .many import convert_many

        formats = tuple(dict.fromkeys(output_format(output, t) for t in targets))
        for fmt in formats:
            if find_renderer(fmt) is None:
                fail(f"unknown output format {fmt!r} (see 'briefkit formats')")
        if output == "-" or not formats:
            raise click.UsageError(
                "several inputs or formats need an output folder and the formats: "
                "-o FOLDER/ -t FORMAT[,FORMAT...]"
            )
        if "-" in inputs:
            raise click.UsageError("- (stdin) can only be converted on its own")
        convert_many(
            inputs, Path(output), from_, formats, render_options(formats, **flags), quiet=quiet
        )
        return
    _convert_one(inputs[0], output, from_, to, flags, quiet=quiet)


def _convert_one(
    input: str,
    output: str,
    from_: str | None,
    to: str | None,
    flags: dict[str, Any],
    *,
    quiet: bool,
) -> None:
    """One input to one output file or stdout: the pandoc-like case."""
    fmt = output_format(output, to)
    info = find_renderer(fmt)
    if info is None:
        fail(f"unknown output format {fmt!r} (see 'briefkit formats')")
    options = render_options(fmt, **flags)
    to_stdout = output == "-"
    if not to_stdout and Path(output).is_dir():
        fail(f"{output}: is a directory, not an output file (end it with / to write into it)")
    if to_stdout and info.binary and sys.stdout.isatty():
        fail(f"{fmt} is binary: refusing to write it to a terminal; use -o FILE or redirect")
    started = time.perf_counter()
    if input == "-":
        brief = briefkit.parse(sys.stdin.buffer.read(), format=from_)
    else:
        source = Path(input)
        if not to_stdout and same_file(source, Path(output)):
            fail(f"refusing to overwrite the input file {input!r}")
        brief = briefkit.parse(source, format=from_)
    detail(f"read {input}: {_describe(brief)} in {_ms(started)}")
    started = time.perf_counter()
    if to_stdout:
        result = briefkit.render(brief, fmt, **options)
        data = result.encode("utf-8") if isinstance(result, str) else result
        detail(f"rendered {fmt} ({len(data):,} bytes) in {_ms(started)}")
        stream = sys.stdout.buffer
        stream.write(data)
        stream.flush()
        return
    result = briefkit.render(brief, fmt, dest=output, **options)
    size = len(result.encode("utf-8") if isinstance(result, str) else result)
    detail(f"rendered {fmt} in {_ms(started)}")
    if not quiet:
        note(f"wrote {output} ({fmt}, {size:,} bytes)")


def _describe(brief: briefkit.Brief) -> str:
    """What a brief holds, in a few words, for ``--verbose``."""
    kinds = ", ".join(s.kind.value for s in brief.sections) or "no sections"
    links = [side for side, link in (("prev", brief.prev), ("next", brief.next)) if link]
    return (
        f"{brief.title!r}, sections: {kinds}; {len(brief.evidence)} evidence item(s)"
        f"{'; links: ' + ' and '.join(links) if links else ''}"
    )


def _ms(started: float) -> str:
    return f"{(time.perf_counter() - started) * 1000:.0f} ms"


@click.command(short_help="Print the JSON schema of a brief.")
@click.option("--indent", default=2, show_default=True, help="JSON indentation.")
def schema(indent: int) -> None:
    """Print the JSON schema of a brief (what JSON input and output follow)."""
    click.echo(json.dumps(briefkit.Brief.model_json_schema(), indent=indent, ensure_ascii=False))


COMMANDS = (convert, schema)
