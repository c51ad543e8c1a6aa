"""Safety limits on untrusted input, in one place.

Each limit bounds the memory or time a single hostile input can cost; going beyond one
raises :class:`~briefkit.LimitError` (a :class:`~briefkit.ParseError`) naming the limit,
never a ``RecursionError`` or ``MemoryError``. ``docs/security.md`` lists them for users.
"""

from __future__ import annotations

__all__ = [
    "MAX_BYTES",
    "MAX_DOCX_ENTRIES",
    "MAX_DOCX_PART_BYTES",
    "MAX_DOCX_TOTAL_BYTES",
    "MAX_HTML_ATTRIBUTES",
    "MAX_HTML_DEPTH",
    "MAX_IMAGE_BYTES",
    "MAX_IMAGE_PIXELS",
    "MAX_INLINE_DEPTH",
    "MAX_NODES",
    "MAX_TABLE_CELLS",
    "MAX_TABLE_COLUMNS",
]

#: Size of one input (bytes, or characters for a str); ``parse(max_bytes=...)`` overrides it.
MAX_BYTES = 32 * 1024 * 1024
#: Element nesting of an HTML page: libxml2's own limit without its "huge" option.
MAX_HTML_DEPTH = 256
#: Attributes of one HTML element: libxml2 checks each new attribute against all earlier
#: ones, so one element with tens of thousands of them costs seconds to parse.
MAX_HTML_ATTRIBUTES = 1000
#: Nesting of inline formatting (strong/emphasis/link) a brief can carry: pydantic cannot
#: serialise much deeper models, so parsers flatten formatting below this depth.
MAX_INLINE_DEPTH = 64
#: Parts (blocks, list items, runs of inline content) one brief may be read into. Each costs
#: about half a kilobyte in the model, so markup-dense input (``- *a*`` lines) cost hundreds
#: of bytes per input byte; this bounds it (a 20,000-item brief is far below it). Every
#: parser but JSON's (whose input is the model itself) counts it while reading.
MAX_NODES = 500_000
#: Zip entries of a DOCX, and the inflated size of one part and of all parts, checked
#: against the sizes the archive declares before anything is decompressed.
MAX_DOCX_ENTRIES = 10_000
MAX_DOCX_PART_BYTES = 64 * 1024 * 1024
MAX_DOCX_TOTAL_BYTES = 128 * 1024 * 1024
#: Cells of one table (rows times columns, once ragged rows are padded) and its columns.
MAX_TABLE_CELLS = 10_000
MAX_TABLE_COLUMNS = 64
#: Bytes of one image: a ``data:`` image in the model, or one a renderer reads or fetches.
MAX_IMAGE_BYTES = 8 * 1024 * 1024
#: Pixels of one image, read from its header before anything decodes it (a PNG bomb is a
#: few kilobytes that inflate to gigabytes): a larger one is shown as its alt text.
MAX_IMAGE_PIXELS = 50_000_000
