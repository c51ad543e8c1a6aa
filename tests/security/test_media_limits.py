"""A 50,000-cell table is refused by every parser with a clear error, never built."""

from __future__ import annotations

import io
import json
import zipfile

import docx
import pytest

import briefkit
from briefkit import LimitError, ParseError
from briefkit.limits import MAX_TABLE_CELLS
from security.corpus import GENERATED

ROWS, COLUMNS = 250, 200
assert ROWS * COLUMNS == 50_000 > MAX_TABLE_CELLS


@pytest.mark.parametrize("name", sorted(GENERATED))
def test_a_50000_cell_table_is_a_limit_error(name: str) -> None:
    fmt = "html" if name.endswith(".html") else "markdown"
    with pytest.raises(LimitError, match=r"MAX_TABLE_(CELLS|COLUMNS)"):
        briefkit.parse(GENERATED[name](), format=fmt)


def test_a_50000_cell_word_table_is_a_limit_error() -> None:
    document = docx.Document()
    document.add_paragraph("Huge Table", style="Title")
    document.add_paragraph("Before the table.")
    out = io.BytesIO()
    document.save(out)
    cell = "<w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc>"
    table = "<w:tbl>" + ("<w:tr>" + cell * COLUMNS + "</w:tr>") * ROWS + "</w:tbl>"
    source = zipfile.ZipFile(io.BytesIO(out.getvalue()))
    patched = io.BytesIO()
    with zipfile.ZipFile(patched, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                data = data.replace(b"<w:sectPr", table.encode() + b"<w:sectPr", 1)
            archive.writestr(info, data)
    with pytest.raises(LimitError, match=r"MAX_TABLE_(CELLS|COLUMNS)"):
        briefkit.parse(patched.getvalue(), format="docx")


def test_a_50000_cell_json_table_is_refused() -> None:
    row = {"cells": [{"content": [{"type": "text", "text": "x"}]}] * 50}
    brief = {
        "title": "Huge Table",
        "sections": [{"blocks": [{"type": "table", "rows": [row] * 1000}]}],
    }
    with pytest.raises(ParseError, match="MAX_TABLE_CELLS"):
        briefkit.parse(json.dumps(brief), format="json")
