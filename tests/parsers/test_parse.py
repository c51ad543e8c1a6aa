"""The parse() front door: sources, detection, decoding, limits and error types."""

from __future__ import annotations

import codecs
import io
import warnings
import zipfile
from pathlib import Path

import pytest

import briefkit
from briefkit import Brief, DecodingWarning, FormatError, LimitError, ParseError
from briefkit.parsers.detect import decode, sniff_format

JSON_BRIEF = '{"title": "Ports Reopen After Strike", "tags": ["labour"]}'


@pytest.mark.parametrize(
    ("content", "fmt"),
    [
        ("<!DOCTYPE html><html><body><p>x</p></body></html>", "html"),
        ("  <!-- saved page -->\n<html lang='en'><p>x</p></html>", "html"),
        (
            '<?xml version="1.0"?>\n<!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml"/>',
            "html",
        ),
        ("<article><h1>T</h1></article>", "html"),
        (JSON_BRIEF, "json"),
        ("---\ntitle: T\n---\n# T\n", "markdown"),
        ("# Title\n\n## Overview\n\ntext\n", "markdown"),
        ("Title\n\nAnalytic Judgement:\n\ntext\n", "text"),
        ("<b>not really html</b> said the email", "text"),
    ],
)
def test_sniffing(content: str, fmt: str) -> None:
    assert sniff_format(content) == fmt
    assert sniff_format(content.encode()) == fmt


def test_sniffing_docx_zip() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    assert sniff_format(buf.getvalue()) == "docx"


def test_parse_json_from_str_bytes_and_path(tmp_path: Path) -> None:
    path = tmp_path / "b.json"
    path.write_text(JSON_BRIEF, encoding="utf-8")
    expected = Brief(title="Ports Reopen After Strike", tags=["labour"])
    assert briefkit.parse(JSON_BRIEF) == expected
    assert briefkit.parse(JSON_BRIEF.encode()) == expected
    assert briefkit.parse(path) == expected


def test_strings_are_content_never_paths(tmp_path: Path) -> None:
    secret = tmp_path / "secret.json"
    secret.write_text('{"title": "SECRET"}', encoding="utf-8")
    # The path string is read as JSON content, which it is not: no file is opened.
    with pytest.raises(ParseError, match="Invalid JSON"):
        briefkit.parse(str(secret), format="json")


def test_bad_json_names_the_field() -> None:
    with pytest.raises(ParseError, match=r"prev: Value error, a brief link needs"):
        briefkit.parse('{"title": "x", "prev": {}}', format="json")


def test_missing_file_is_a_parse_error(tmp_path: Path) -> None:
    with pytest.raises(ParseError, match=r"missing\.txt: cannot read file"):
        briefkit.parse(tmp_path / "missing.txt")


def test_unknown_format() -> None:
    with pytest.raises(FormatError, match="unknown input format 'rtf'"):
        briefkit.parse("x", format="rtf")


def test_size_limit(tmp_path: Path) -> None:
    with pytest.raises(LimitError, match="max_bytes=10"):
        briefkit.parse(JSON_BRIEF, max_bytes=10)
    path = tmp_path / "big.json"
    path.write_text(JSON_BRIEF)
    with pytest.raises(LimitError):
        briefkit.parse(path, max_bytes=10)


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\n1 0 obj", "a PDF file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "a PNG image"),
        (b"PK\x03\x04\x14\x00\x00\x00", "a zip archive"),
        (b"abc\x00\x00\x00def", "binary data"),
    ],
)
def test_binary_input_is_refused(data: bytes, what: str) -> None:
    with pytest.raises(ParseError, match=f"this is {what}"):
        decode(data)


def test_decoding_boms_utf8_and_declared_charset() -> None:
    assert decode(codecs.BOM_UTF8 + "Überblick".encode()) == "Überblick"
    assert decode("Überblick".encode("utf-16")) == "Überblick"
    assert decode("naïve".encode()) == "naïve"
    latin = '<meta charset="iso-8859-1"><p>caf\xe9</p>'.encode("latin-1")
    assert "café" in decode(latin)


def test_undeclared_non_utf8_is_decoded_with_a_warning() -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        text = decode(b"caf\xe9 \x93quoted\x94")
    assert text == "café “quoted”"
    assert [w.category for w in caught] == [DecodingWarning]


def test_wrong_source_type() -> None:
    with pytest.raises(FormatError):
        briefkit.parse(42)  # type: ignore[arg-type]
