"""The hostile corpus through every parser and every renderer.

For each fixture: parsing fetches nothing and reads no other file; every output (HTML, DOCX,
PDF, text, Markdown, JSON) is inert (no script, handler, unsafe URL, embedded file, active
field); no payload, secret or fetched content reaches it; the content around the removed
parts is kept; template syntax stays literal text.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable
from html import escape
from pathlib import Path

import pytest

import briefkit
from briefkit import Brief, BriefkitError, ParseError
from briefkit.parsers.detect import decode
from security.checks import (
    FORMATS,
    UNSAFE_CHARS,
    contains_secret,
    normalize,
    output_bytes,
    problems,
    visible_text,
)
from security.corpus import (
    CASES,
    FIXTURES,
    Case,
    Hostile,
    keep_words,
    parse_or_skip,
    render_or_skip,
    run_isolated,
)
from security.servers import Loopback, Secret

INLINE = [c for c in CASES if not c.isolate]
ISOLATED = [c for c in CASES if c.isolate]


def _parse(case: Case, hostile: Hostile) -> Brief | None:
    """The parsed brief, or None when a BriefkitError is an acceptable answer."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return parse_or_skip(hostile.path(case.name))
        except BriefkitError:
            if case.must_parse:
                raise
            return None


def check_output(
    case: Case,
    fmt: str,
    output: str | bytes,
    hostile: Hostile,
    loopback: Loopback,
    secret: Secret,
) -> None:
    """Every promise the corpus makes about one rendered output."""
    assert problems(fmt, output) == []
    assert loopback.requests() == []
    assert not contains_secret(fmt, output, secret.text)
    everything = output_bytes(fmt, output).decode("utf-8", "replace")
    shown = visible_text(fmt, output)
    assert loopback.canary not in everything
    if case.payload:
        assert re.findall(case.payload, shown) == []
        assert re.findall(case.payload, everything) == []
    if case.keep:
        text = normalize(shown)
        missing = [w for w in keep_words(hostile.source_text(case.name)) if w not in text]
        assert missing == [], f"content lost around removed parts: {missing}"


@pytest.mark.parametrize("case", INLINE, ids=str)
def test_parsing_is_inert(
    case: Case, hostile: Hostile, loopback: Loopback, secret: Secret, tmp_path: Path
) -> None:
    brief = _parse(case, hostile)
    assert loopback.requests() == []
    assert not Path(hostile.values["{{CANARY_PATH}}"]).exists()
    if brief is None:
        return
    dump = brief.to_json()
    assert secret.text not in dump
    assert loopback.canary not in dump
    if case.payload:
        assert re.findall(case.payload, dump) == []
    if case.keep:
        text = normalize(brief.model_dump_json())
        missing = [w for w in keep_words(hostile.source_text(case.name)) if w not in text]
        assert missing == [], f"content lost around removed parts: {missing}"


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("case", INLINE, ids=str)
def test_every_output_is_inert(
    case: Case, fmt: str, hostile: Hostile, loopback: Loopback, secret: Secret
) -> None:
    brief = _parse(case, hostile)
    if brief is None:
        pytest.skip(f"{case.name} is refused with a BriefkitError: nothing to render")
    loopback.reset()
    check_output(case, fmt, render_or_skip(brief, fmt), hostile, loopback, secret)


@pytest.mark.parametrize("case", ISOLATED, ids=str)
def test_expansion_bombs(
    case: Case, hostile: Hostile, loopback: Loopback, secret: Secret, tmp_path: Path
) -> None:
    """Entity and alias bombs: parsed in a memory-capped process, never expanded."""
    result = run_isolated(hostile.path(case.name), tmp_path / "out", FORMATS)
    assert not (result["error"] or "").startswith("ESCAPED"), result["error"]
    if result["error"] == "NotImplementedError":
        pytest.skip(f"the parser for {case.name} is not written yet")
    assert loopback.requests() == []
    if not result["parsed"]:
        assert not case.must_parse, result["error"]
        return
    assert {
        f: r for f, r in result["renders"].items() if r not in ("ok", "NotImplementedError")
    } == {}
    dump = (tmp_path / "out" / "brief.json").read_text()
    assert "lollollollollol" not in dump
    for fmt, status in result["renders"].items():
        if status == "ok":
            data = (tmp_path / "out" / fmt).read_bytes()
            output = data if fmt in ("docx", "pdf") else data.decode("utf-8")
            check_output(case, fmt, output, hostile, loopback, secret)
            assert "lollollollollol" not in visible_text(fmt, output)


# --- template syntax --------------------------------------------------------------------

LITERALS = [
    "{{ 7*7 }}",
    "{% for x in range(3) %}loop{% endfor %}",
    "{{7*191}}",
    "{# hidden comment #}",
    "{{ brief.title }}",
    "${7*191}",
    "{{ self.__init__.__globals__ }}",
    "{% include '/etc/passwd' %}",
]
EVALUATED = re.compile(r"\b49\b|1337|looplooploop")


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(
    "name", ["template-syntax.html", "template-syntax.txt", "template-syntax.md"]
)
def test_template_syntax_stays_literal(name: str, fmt: str, hostile: Hostile) -> None:
    brief = parse_or_skip(hostile.path(name))
    assert "{{ 7*7 }}" in brief.title
    shown = normalize(visible_text(fmt, render_or_skip(brief, fmt)))
    assert [lit for lit in LITERALS if normalize(lit) not in shown] == []
    assert EVALUATED.findall(shown) == []


# --- characters -------------------------------------------------------------------------


def _with_bad_characters(text: str) -> str:
    """NUL bytes and lone surrogates (only a str can hold them) sprinkled through ``text``."""
    return (
        text.replace("kept01", "\x00kept01\ud800")
        .replace("kept05", "kept05\udfff")
        .replace("Implications", "Impli\x00cations")
        .replace("Previous", "\ud83dPrevious")
    )


_HTML_WRAP = (
    "<!DOCTYPE html><html><head><title>T</title></head><body><article><h1>{title}</h1>"
    "<h2>Analytic Judgement</h2><p>{body}</p></article></body></html>"
)


def _bad_inputs() -> dict[str, tuple[str, str]]:
    text = (FIXTURES / "control-and-bidi.txt").read_bytes().decode("utf-8")
    first, _, rest = text.partition("\r\n")
    html_body = escape(rest).replace("\r\n\r\n", "</p><p>")
    return {
        "text": ("text", _with_bad_characters(text)),
        "html": ("html", _with_bad_characters(_HTML_WRAP.format(title=first, body=html_body))),
        "markdown": (
            "markdown",
            _with_bad_characters(f"# {first}\n\n## Analytic Judgement\n\n{rest}"),
        ),
    }


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("source", ["text", "html", "markdown"])
def test_nul_surrogates_controls_and_bidi_are_cleaned(source: str, fmt: str) -> None:
    in_format, content = _bad_inputs()[source]
    brief = parse_or_skip(content, format=in_format)
    dumped = brief.model_dump_json()
    assert UNSAFE_CHARS.findall(brief.title + plain_strings(brief)) == []
    assert "kept01" in dumped
    assert "kept17" in dumped
    output = render_or_skip(brief, fmt)
    assert problems(fmt, output) == []
    assert "kept01" in normalize(visible_text(fmt, output))


def plain_strings(brief: Brief) -> str:
    """Every string in the brief, joined (what a renderer could copy into its output)."""
    import json

    def walk(value: object) -> list[str]:
        if isinstance(value, dict):
            return [s for v in value.values() for s in walk(v)]
        if isinstance(value, list):
            return [s for v in value for s in walk(v)]
        return [value] if isinstance(value, str) else []

    return "\n".join(walk(json.loads(brief.model_dump_json())))


# --- charsets ---------------------------------------------------------------------------

CHARSETS = sorted(p.name for p in (FIXTURES / "charset").iterdir())
_GARBLED = {"declared-ebcdic.xhtml", "utf16-without-bom.txt", "utf16-bom-odd-length.txt"}


@pytest.mark.parametrize("name", CHARSETS)
def test_wrong_or_missing_charsets(name: str) -> None:
    """Any declared or missing charset gives a Brief or a ParseError, never another error."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            brief = parse_or_skip(FIXTURES / "charset" / name)
        except BriefkitError:
            assert name in _GARBLED | {"utf8-bom-then-latin1.txt"}
            return
    if name not in _GARBLED:
        assert "kept01" in brief.model_dump_json()


@pytest.mark.parametrize("name", ["declared-utf7.html", "declared-unicode-escape.html"])
def test_declared_charset_cannot_create_markup(name: str) -> None:
    """UTF-7 and escape codecs turn inert bytes into ``<script>``: browsers refuse them."""
    data = (FIXTURES / "charset" / name).read_bytes()
    assert b"<script" not in data
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert "<script" not in decode(data)


# --- binary input -----------------------------------------------------------------------

BINARIES = sorted(p.name for p in (FIXTURES / "binary").iterdir())
INPUT_FORMATS = ("text", "html", "markdown", "json", "docx")


@pytest.mark.parametrize("name", BINARIES)
def test_binary_bytes_are_refused(name: str) -> None:
    data = (FIXTURES / "binary" / name).read_bytes()
    with pytest.raises(ParseError):
        parse_or_skip(data)


@pytest.mark.parametrize("fmt", INPUT_FORMATS)
@pytest.mark.parametrize("name", BINARIES)
def test_binary_file_under_any_name_or_format(name: str, fmt: str, tmp_path: Path) -> None:
    """A PDF, zip or image renamed ``.html``, ``.docx``... or forced with ``format=``."""
    data = (FIXTURES / "binary" / name).read_bytes()
    ext = {"text": ".txt", "html": ".html", "markdown": ".md", "json": ".json", "docx": ".docx"}
    path = tmp_path / f"brief{ext[fmt]}"
    path.write_bytes(data)
    with pytest.raises(ParseError):
        parse_or_skip(path)
    with pytest.raises(ParseError):
        parse_or_skip(data, format=fmt)


@pytest.mark.parametrize("fmt", ["text", "html", "markdown", "json"])
@pytest.mark.parametrize("name", BINARIES)
def test_binary_decoded_as_text(name: str, fmt: str) -> None:
    """Binary bytes smuggled in as a str: a Brief or a BriefkitError, nothing else."""
    text = (FIXTURES / "binary" / name).read_bytes().decode("latin-1")
    try:
        brief = parse_or_skip(text, format=fmt)
    except BriefkitError:
        return
    assert "PWNED" not in brief.model_dump_json() or fmt == "text"


def test_direct_parser_functions_refuse_binary() -> None:
    """The public per-format functions answer binary with a ParseError too."""
    pdf = (FIXTURES / "binary" / "javascript.pdf").read_bytes()
    parsers: list[Callable[[bytes], Brief]] = [
        briefkit.parse_docx,
        briefkit.parse_html,
        briefkit.parse_json,
    ]
    for parser in parsers:
        with pytest.raises(ParseError):
            parser(pdf)
