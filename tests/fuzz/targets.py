"""What the fuzzer feeds each parser, and what counts as a finding.

One target per input format. Each takes the fuzzer's bytes, parses them and, when a brief
comes back, renders it to the text formats and round-trips it through JSON. A finding is
anything but a :class:`~briefkit.BriefkitError` escaping, or a brief that does not survive
its own JSON: exactly the promise ``docs/security.md`` makes about ``parse()``.

The DOCX target builds a valid package around the fuzzed bytes (the first byte chooses
which part they replace), so the mutations reach the XML readers instead of stopping at
the zip's checksum; a few inputs are passed as raw archives too.
"""

from __future__ import annotations

import contextlib
import io
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"

#: The parts of a Word document the DOCX target may replace with fuzzed bytes.
DOCX_PARTS = (
    "word/document.xml",
    "word/styles.xml",
    "word/numbering.xml",
    "word/_rels/document.xml.rels",
    "docProps/core.xml",
    "docProps/custom.xml",
    "customXml/item1.xml",
    "_rels/.rels",
)


def _check(brief: object) -> None:
    import briefkit
    from briefkit import BriefkitError

    assert isinstance(brief, briefkit.Brief)
    assert briefkit.Brief.from_json(brief.to_json()) == brief, "JSON round trip changed it"
    for fmt in ("html", "markdown", "text", "json"):
        with contextlib.suppress(BriefkitError):
            briefkit.render(brief, fmt)


def _parse(data: bytes, fmt: str) -> None:
    import briefkit
    from briefkit import BriefkitError

    try:
        brief = briefkit.parse(data, format=fmt)
    except BriefkitError:
        return
    _check(brief)


def _docx_base() -> dict[str, bytes]:
    import briefkit
    from briefs import rich_brief

    with zipfile.ZipFile(io.BytesIO(briefkit.render_docx(rich_brief()))) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


_BASE: dict[str, bytes] = {}


def docx_package(data: bytes) -> bytes:
    """A Word document whose part ``DOCX_PARTS[data[0]]`` is ``data[1:]``; raw bytes when
    the first byte is past the list."""
    if not _BASE:
        _BASE.update(_docx_base())
    if not data or data[0] >= len(DOCX_PARTS):
        return data[1:]
    parts = dict(_BASE)
    parts[DOCX_PARTS[data[0]]] = data[1:]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
        for name, blob in parts.items():
            archive.writestr(name, blob)
    return out.getvalue()


def _docx(data: bytes) -> None:
    import briefkit
    from briefkit import BriefkitError

    try:
        brief = briefkit.parse(docx_package(data), format="docx")
    except BriefkitError:
        return
    _check(brief)
    briefkit.render_docx(brief)  # what a DOCX brings back, the DOCX writer takes


TARGETS: dict[str, Callable[[bytes], None]] = {
    "text": lambda data: _parse(data, "text"),
    "markdown": lambda data: _parse(data, "markdown"),
    "html": lambda data: _parse(data, "html"),
    "json": lambda data: _parse(data, "json"),
    "docx": _docx,
}


def seeds(fmt: str) -> Iterator[bytes]:
    """Starting inputs: the project's fixtures and examples, and rendered sample briefs."""
    import briefkit
    from briefs import all_briefs

    suffixes = {
        "text": (".txt",),
        "markdown": (".md",),
        "html": (".html", ".xhtml"),
        "json": (".json",),
        "docx": (".docx",),
    }[fmt]
    for folder in (FIXTURES, ROOT / "examples"):
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix in suffixes and path.stat().st_size < 200_000:
                data = path.read_bytes()
                yield _as_docx_input(data) if fmt == "docx" else data
    for brief in all_briefs():
        if fmt == "docx":
            yield _as_docx_input(briefkit.render_docx(brief))
        else:
            out = briefkit.render(brief, fmt)
            yield out.encode() if isinstance(out, str) else out


def _as_docx_input(docx: bytes) -> bytes:
    """The DOCX target's input for a real document: its body part, selector 0."""
    try:
        with zipfile.ZipFile(io.BytesIO(docx)) as archive:
            return b"\x00" + archive.read("word/document.xml")
    except (zipfile.BadZipFile, KeyError):
        return b"\xff" + docx
