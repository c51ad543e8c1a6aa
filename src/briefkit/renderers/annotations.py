"""Tradecraft findings drawn into the HTML page (``render_html(brief, annotate=True)``).

A finding with a span becomes ``<mark class="lint lint-SEVERITY" data-lint="CODE"
title="CODE: message">`` around exactly the characters it quotes; where findings overlap, the
overlap is one mark carrying all their codes, so marks never nest, and a span that crosses
formatting is split at each element edge. A finding about a whole item, section or the brief
puts ``data-lint`` and ``title`` on the ``li``, the section's heading (the ``section`` when it
has none) or the title. Tooltips are attribute text, escaped; nothing runs.

``<mark>`` is transparent to the HTML parser and attributes it does not know are ignored, so
an annotated page reads back as the same brief.
"""

from __future__ import annotations

import html
import itertools
from collections import defaultdict
from collections.abc import Iterable, Sequence

from ..tradecraft import Finding

__all__ = ["Annotations", "Marks"]

_RANK = {"error": 2, "warning": 1, "info": 0}
Key = tuple[int | None, int | None, int | None, str]


def _worst(findings: Sequence[Finding]) -> str:
    return max((f.severity for f in findings), key=_RANK.__getitem__)


def _attributes(findings: Sequence[Finding]) -> str:
    codes = " ".join(dict.fromkeys(f.code for f in findings))
    tip = "\n".join(f"{f.code}: {f.message}" for f in findings)
    return f' data-lint="{html.escape(codes)}" title="{html.escape(tip)}"'


class Marks:
    """The marks of one text, written piece by piece as the renderer emits its text nodes."""

    def __init__(self, findings: Sequence[Finding]) -> None:
        self.spans = [
            (f.where.start, f.where.end, f)
            for f in findings
            if f.where.start is not None and f.where.end is not None
        ]
        self.pos = 0

    def text(self, chunk: str) -> str:
        """``chunk`` (the next characters of the text) escaped, with its marks."""
        start, end = self.pos, self.pos + len(chunk)
        self.pos = end
        live = [(a, b, f) for a, b, f in self.spans if a < end and start < b]
        if not live:
            return html.escape(chunk, quote=False)
        cuts = {start, end} | {c for a, b, _ in live for c in (a, b) if start < c < end}
        out: list[str] = []
        for a, b in itertools.pairwise(sorted(cuts)):
            piece = html.escape(chunk[a - start : b - start], quote=False)
            over = [f for x, y, f in live if x <= a and b <= y]
            if over:
                out.append(f'<mark class="lint lint-{_worst(over)}"{_attributes(over)}>')
                out.extend((piece, "</mark>"))
            else:
                out.append(piece)
        return "".join(out)


class Annotations:
    """The findings of one brief, by the text or element they belong to."""

    def __init__(self, findings: Iterable[Finding]) -> None:
        self.spans: dict[Key, list[Finding]] = defaultdict(list)
        self.whole: dict[Key, list[Finding]] = defaultdict(list)
        for f in findings:
            w = f.where
            key = (w.section, w.block, w.item, w.part)
            (self.spans if w.start is not None else self.whole)[key].append(f)

    def marks(
        self, section: int | None, block: int | None, item: int | None, part: str
    ) -> Marks | None:
        found = self.spans.get((section, block, item, part))
        return Marks(found) if found else None

    def attributes(
        self, section: int | None, block: int | None, item: int | None, part: str
    ) -> str:
        """``data-lint``/``title`` for a finding about a whole item, section or the brief."""
        found = self.whole.get((section, block, item, part))
        return _attributes(found) if found else ""

    def marking(self, text: str) -> str:
        """The marking's text, escaped, with its marks."""
        found = self.spans.get((None, None, None, "marking"))
        return Marks(found).text(text) if found else html.escape(text, quote=False)
