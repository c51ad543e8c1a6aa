"""Which formats a request asks for: ``?from=``/``Content-Type`` in, ``?to=``/``Accept`` out.

Everything comes from the format registry, so a format a plugin registers (STIX, MISP...)
is served like the built-in ones: by name (``?to=stix``), by extension (``?to=json``) and by
its renderer's media type in ``Accept``. An input's ``Content-Type`` is matched against the
media type of the renderer of the same name (a format briefkit both reads and writes), with
a few common aliases; anything else is detected from the content, or named with ``?from=``.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..registry import (
    find_parser,
    find_renderer,
    parser_for_extension,
    parsers,
    renderer_for_extension,
    renderers,
)
from .problems import ServerProblem

__all__ = [
    "OPTION_FORMATS",
    "input_media_types",
    "render_options",
    "source_format",
    "target_format",
]

#: Content types that say nothing about the format: detect it from the content.
_UNSPECIFIC = {"", "application/octet-stream", "*/*", "application/x-www-form-urlencoded"}
#: Other names of input media types.
_ALIASES = {
    "application/xhtml+xml": "html",
    "text/x-markdown": "markdown",
    "text/x-web-markdown": "markdown",
}
#: The request options a renderer takes: option -> the formats it applies to. Nothing that
#: names a file or a URL (templates, stylesheets, fetching) can come from a request.
_DOCUMENTS = ("html", "docx", "pdf", "markdown", "text")
OPTION_FORMATS: dict[str, tuple[str, ...]] = {
    "fragment": ("html",),
    "page_size": ("docx", "pdf"),
    "default_language": ("html", "docx", "pdf"),
    "toc": ("docx", "pdf"),
    "tagged": ("pdf",),
    "pdf_variant": ("pdf",),
    "defang": (*_DOCUMENTS, "stix", "misp"),
    "live": (*_DOCUMENTS, "stix", "misp"),
    "annotate": ("html",),
    "scale": ("html",),
    "published": ("stix", "misp"),
    "publisher": ("stix",),
}


def input_media_types() -> dict[str, str]:
    """Media type -> parser name, for every parser with a media type."""
    table = dict(_ALIASES)
    outputs = renderers()
    for name in parsers():
        info = outputs.get(name)
        if info is not None and info.media_type != "application/octet-stream":
            table.setdefault(info.media_type, name)
    return {media: name for media, name in table.items() if name in parsers()}


def _by_name_or_extension(given: str, *, output: bool) -> str | None:
    if (find_renderer if output else find_parser)(given) is not None:
        return given
    ext = f".{given.lower().lstrip('.')}"
    info = renderer_for_extension(ext) if output else parser_for_extension(ext)
    return info.name if info is not None else None


def source_format(given: str | None, content_type: str | None) -> str | None:
    """The parser to use, or None to detect it from the content."""
    if given:
        name = _by_name_or_extension(given, output=False)
        if name is None:
            raise ServerProblem("bad-request", f"unknown input format {given!r} (GET /formats)")
        return name
    media = (content_type or "").split(";", 1)[0].strip().lower()
    if media in _UNSPECIFIC:
        return None
    name = input_media_types().get(media)
    if name is None:
        raise ServerProblem(
            "unsupported-media-type",
            f"no input format has the media type {media!r}; name one with ?from= "
            "or send application/octet-stream to have it detected",
        )
    return name


def _accepted(accept: str) -> list[str]:
    """The media ranges of an Accept header, most preferred first (q=0 dropped)."""
    ranges: list[tuple[float, int, str]] = []
    for position, part in enumerate(accept.split(",")):
        media, *params = (p.strip() for p in part.split(";"))
        quality = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if media and quality > 0:
            ranges.append((-quality, position, media.lower()))
    return [media for _, _, media in sorted(ranges)]


def target_format(given: str | None, accept: str | None) -> str:
    """The renderer to use: ``?to=`` (name or extension), else the best Accept match, else
    HTML."""
    if given:
        name = _by_name_or_extension(given, output=True)
        if name is None:
            raise ServerProblem("bad-request", f"unknown output format {given!r} (GET /formats)")
        return name
    if not accept:
        return "html"
    outputs = renderers()
    for media in _accepted(accept):
        if media == "*/*":
            return "html"
        for name, info in outputs.items():
            kind = info.media_type.lower()
            if kind == media or (media.endswith("/*") and kind.startswith(media[:-1])):
                return name
    raise ServerProblem(
        "not-acceptable",
        f"no output format matches Accept: {accept}; name one with ?to= (GET /formats)",
    )


def render_options(target: str, given: Mapping[str, object]) -> dict[str, object]:
    """Renderer keyword arguments from the request's options (``None`` or a false
    ``fragment`` means not given), each checked against the formats it applies to."""
    options: dict[str, object] = {}
    for option, value in given.items():
        if value is None or (option in ("fragment", "annotate") and not value):
            continue
        if target not in OPTION_FORMATS[option]:
            formats = " and ".join(OPTION_FORMATS[option])
            raise ServerProblem("bad-request", f"{option} applies to {formats} output only")
        if option == "fragment":
            options["standalone"] = False
        else:
            options[option] = value
    return options
