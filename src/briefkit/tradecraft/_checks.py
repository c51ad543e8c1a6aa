"""``check``: every rule of the tradecraft table applied to one brief.

Sentence by sentence, each text gives its terms (standard on the chosen yardstick, or of
another one), its hedges, confidence levels and probability percentages; what the rules need
across the brief (rows used, judgements qualified, any confidence at all) is gathered on the
way and judged at the end. Findings come back in reading order.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..errors import FormatError
from ..markings import Marking, parse_markings
from ..model import Brief, SectionKind
from . import _match as m
from ._findings import Finding, Location, make
from ._grades import find_grades
from ._sentences import sentences
from ._terms import SCALE_NAMES, SCALES, TERMS, Term, terms_of
from ._texts import Piece, pieces

__all__ = ["check"]

_LABELS = "TLP:CLEAR, TLP:GREEN, TLP:AMBER, TLP:AMBER+STRICT or TLP:RED"
_PART_ORDER = {"marking": 0, "brief": 1, "section": 2, "heading": 3, "item": 4, "lead": 5}


def _pct(low: float, high: float) -> str:
    def one(v: float) -> str:
        return f"{v:g}"

    return f"{one(low)} %" if low == high else f"{one(low)}–{one(high)} %"


def _own(found: dict[str, Term]) -> Term:
    """The term a form stands for on the first yardstick (in ``SCALES`` order) that has it."""
    return next(found[s] for s in SCALES if s in found)


def _nearest(scale: str, term: Term) -> Term:
    """The term of ``scale`` whose band is centred nearest to ``term``'s (ICD: row 1)."""
    centre = (term.low + term.high) / 2
    candidates = [t for t in TERMS if t.scale == scale and t.row in (None, 1)]
    return min(candidates, key=lambda t: abs((t.low + t.high) / 2 - centre))


@dataclass
class _State:
    """What the rules across the brief need, gathered while reading."""

    rows: list[tuple[int, Finding]] = field(default_factory=list)  # ICD row, its EST-TERM
    qualified: set[int] = field(default_factory=set)  # sections with an estimative term
    hedged: dict[int, list[str]] = field(default_factory=dict)  # section -> hedges used
    confidence: bool = False
    disclaimer: bool = False
    estimates: bool = False


class _Checker:
    def __init__(self, brief: Brief, scale: str) -> None:
        self.brief = brief
        self.scale = scale
        self.name = SCALE_NAMES[scale]
        self.state = _State()
        self.found: list[Finding] = []

    # --- one text ---------------------------------------------------------------------

    def text(self, piece: Piece) -> None:
        spans = sentences(piece.text)
        starts = [a for a, _ in spans]
        conf = m.confidences(piece.low)
        self.state.confidence = self.state.confidence or bool(conf)
        if not piece.estimative:
            for hit in conf:
                self._nonstandard(piece, spans[self._index(starts, hit.start)], hit)
            return
        hits: tuple[Sequence[Any], ...] = (
            m.terms(piece.low),
            m.hedges(piece.low, piece.text, frozenset(starts)),
            conf,
            m.percents(piece.low),
        )
        buckets: list[tuple[list[Any], ...]] = [([], [], [], []) for _ in spans]
        for kind, found in enumerate(hits):
            for hit in found:
                buckets[self._index(starts, hit.start)][kind].append(hit)
        for sentence, (terms, hedges, confs, percents) in zip(spans, buckets, strict=True):
            self._sentence(piece, sentence, terms, hedges, confs, percents)
        if not self.state.disclaimer and m.disclaims_rows(piece.low):  # cheap when it is not
            self.state.disclaimer = any(m.disclaims_rows(piece.low[a:b]) for a, b in spans)

    @staticmethod
    def _index(starts: Sequence[int], offset: int) -> int:
        return max(0, bisect_right(starts, offset) - 1)

    def _at(self, piece: Piece, start: int, end: int) -> Location:
        return piece.at(start, end)

    def _finding(
        self,
        code: str,
        message: str,
        piece: Piece,
        sentence: tuple[int, int],
        span: tuple[int, int],
        **fields: object,
    ) -> Finding:
        finding = make(
            code,
            message,
            self._at(piece, *span),
            text=piece.text[sentence[0] : sentence[1]],
            quote=piece.text[span[0] : span[1]],
            **fields,
        )
        self.found.append(finding)
        return finding

    def _sentence(
        self,
        piece: Piece,
        sentence: tuple[int, int],
        terms: list[m.Hit],
        hedges: list[m.Hit],
        conf: list[m.ConfidenceHit],
        percents: list[m.PercentHit],
    ) -> None:
        section = piece.section
        resolved = [(hit, terms_of(hit.form)) for hit in terms]
        if terms:
            self.state.qualified.add(section)
            self.state.estimates = True
        for hit, found in resolved:
            self._term(piece, sentence, hit, found)
        for c in conf:
            self._nonstandard(piece, sentence, c)
        if conf and terms:
            c, (hit, found) = conf[0], resolved[0]
            term = found.get(self.scale) or _own(found)
            self._finding(
                "EST-CONF-LIKELIHOOD",
                f"'{piece.text[c.start : c.end]}' and '{piece.text[hit.start : hit.end]}' in one "
                "sentence: state the confidence level in a sentence of its own",
                piece,
                sentence,
                (c.start, c.end),
                term=term.name,
                band=term.band,
            )
        probability = any(p.probability or p.bracketed for p in percents)
        if hedges:
            self.state.estimates = True
            self.state.hedged.setdefault(section, []).extend(h.form for h in hedges)
        if hedges and not terms and not probability:
            for h in hedges:
                self._finding(
                    "EST-HEDGE",
                    f"'{piece.text[h.start : h.end]}' states no probability: use a term of "
                    f"{self.name} instead, or cut the hedge",
                    piece,
                    sentence,
                    (h.start, h.end),
                    term=h.form,
                )
        for p in percents:
            self._percent(piece, sentence, p, resolved)

    def _term(
        self, piece: Piece, sentence: tuple[int, int], hit: m.Hit, found: dict[str, Term]
    ) -> None:
        written = piece.text[hit.start : hit.end]
        term = found.get(self.scale)
        if term is not None:
            row = f", row {term.row}" if term.row else ""
            named = "" if " ".join(written.lower().split()) == term.name else f" ({term.name})"
            finding = self._finding(
                "EST-TERM",
                f"'{written}'{named}: {_pct(term.low, term.high)} ({self.name}{row})",
                piece,
                sentence,
                (hit.start, hit.end),
                term=term.name,
                band=term.band,
            )
            if term.row:
                self.state.rows.append((term.row, finding))
            return
        own = _own(found)
        near = _nearest(self.scale, own)
        self._finding(
            "EST-OTHER-SCALE",
            f"'{written}' is a term of {SCALE_NAMES[own.scale]} ({_pct(own.low, own.high)}), "
            f"not of {self.name}: use '{near.name}' ({_pct(near.low, near.high)})",
            piece,
            sentence,
            (hit.start, hit.end),
            term=own.name,
            band=own.band,
        )

    def _nonstandard(self, piece: Piece, sentence: tuple[int, int], hit: m.ConfidenceHit) -> None:
        if hit.level != "medium":
            return
        self._finding(
            "EST-CONF-NONSTANDARD",
            f"'{piece.text[hit.start : hit.end]}': the confidence levels are low, moderate and "
            "high; write 'moderate'",
            piece,
            sentence,
            (hit.start, hit.end),
        )

    def _percent(
        self,
        piece: Piece,
        sentence: tuple[int, int],
        p: m.PercentHit,
        resolved: list[tuple[m.Hit, dict[str, Term]]],
    ) -> None:
        owner = next(
            (r for r in reversed(resolved) if m.attached(piece.low, r[0].end, p.start)), None
        )
        if owner is None and p.probability and resolved:
            owner = min(
                resolved, key=lambda r: min(abs(r[0].end - p.start), abs(p.end - r[0].start))
            )
        written = piece.text[p.start : p.end]
        if owner is not None:
            hit, found = owner
            term = found.get(self.scale) or _own(found)
            if term.low <= p.low and p.high <= term.high:
                return
            gap = self._gap(p) if term.scale == "phia" else ""
            self._finding(
                "EST-NUMBER",
                f"{written} is outside the band of '{piece.text[hit.start : hit.end]}' "
                f"({_pct(term.low, term.high)} on {SCALE_NAMES[term.scale]})"
                + (f"; it{gap}" if gap else ""),
                piece,
                sentence,
                (p.start, p.end),
                term=term.name,
                band=term.band,
            )
        elif self.scale == "phia" and p.probability and (gap := self._gap(p)):
            self._finding("EST-NUMBER", f"{written}{gap}", piece, sentence, (p.start, p.end))

    @staticmethod
    def _gap(p: m.PercentHit) -> str:
        """Where no PHIA range touches the percentage, the gap it falls in; else ``""``."""
        bands = [t for t in TERMS if t.scale == "phia"]
        if any(t.low <= p.high and p.low <= t.high for t in bands):
            return ""
        a = max((t for t in bands if t.high < p.low), key=lambda t: t.high)
        b = min((t for t in bands if t.low > p.high), key=lambda t: t.low)
        return (
            f" falls in a gap of the PHIA yardstick, between '{a.name}' ({_pct(a.low, a.high)})"
            f" and '{b.name}' ({_pct(b.low, b.high)}): no term covers it"
        )

    # --- the whole brief --------------------------------------------------------------

    def markings(self) -> None:
        written = self.brief.marking
        if written is None:
            return
        where = Location(part="marking")
        found = parse_markings(written)
        if not found:
            self.found.append(
                make(
                    "MARK-INVALID",
                    f"marking '{written}' is not a TLP 2.0 label: use {_LABELS}",
                    where.model_copy(update={"start": 0, "end": len(written)}),
                    text=written,
                    quote=written,
                )
            )
        for marking in found:
            self._marking(marking, written, where)

    def _marking(self, marking: Marking, text: str, where: Location) -> None:
        start, end = marking.span or (0, len(text))
        at = where.model_copy(update={"start": start, "end": end})
        if not marking.valid:
            code, message = (
                "MARK-INVALID",
                f"'{marking.written}' is not a {marking.scheme} 2.0 label",
            )
            if marking.scheme == "TLP":
                message += f": use {_LABELS}"
        elif marking.problems:
            code = "MARK-FORM"
            message = f"'{marking.written}': {'; '.join(marking.problems)}; write {marking.label}"
        else:
            return
        self.found.append(make(code, message, at, text=text, quote=marking.written))

    def text_markings(self, piece: Piece) -> None:
        if "tlp" not in piece.low and "pap" not in piece.low:
            return
        for marking in parse_markings(piece.text):
            self._marking(marking, piece.text, piece.at())

    def grades(self) -> None:
        for si, section in enumerate(self.brief.sections):
            if section.kind is not SectionKind.EVIDENCE:
                continue
            number = 0
            for bi, block in enumerate(section.blocks):
                for ii, item in enumerate(getattr(block, "items", ())):
                    number += 1
                    at = Location(section=si, kind=section.kind, block=bi, item=ii)
                    self._item_grades(at, number, item.lead, item.text)

    def _item_grades(self, at: Location, number: int, lead: str, body: str) -> None:
        found = [("lead", g) for g in find_grades(lead)] + [("text", g) for g in find_grades(body)]
        if any(g.grade is not None for _, g in found):
            return
        for part, g in found:
            text = lead if part == "lead" else body
            spans = sentences(text)
            sentence = next(((a, b) for a, b in spans if a <= g.start < b), (0, len(text)))
            self.found.append(
                make(
                    "SRC-BAD-GRADE",
                    f"'{g.written}' is not an Admiralty grade: a letter A–F (the source's "
                    "reliability) then a digit 1–6 (the information's credibility)",
                    at.model_copy(update={"part": part, "start": g.start, "end": g.end}),
                    text=text[sentence[0] : sentence[1]],
                    quote=g.written,
                )
            )
        if not found:
            named = f" ('{lead}')" if lead else ""
            self.found.append(
                make(
                    "SRC-UNGRADED",
                    f"evidence item {number}{named} has no Admiralty grade: add one after the "
                    "statement, e.g. (B2) for a usually reliable source, probably true",
                    at.model_copy(update={"part": "item"}),
                )
            )

    def brief_rules(self) -> None:
        st = self.state
        if st.rows and not st.disclaimer:
            first = st.rows[0][0]
            example = st.rows[0][1]
            for row, finding in st.rows:
                if row != first:
                    self.found.append(
                        make(
                            "EST-MIXED-ROWS",
                            f"'{finding.quote}' is from row {row} of ICD 203's table and "
                            f"'{example.quote}' from row {first}: keep to one row, or say that "
                            "the terms mean the same probabilities",
                            finding.where,
                            text=finding.text,
                            quote=finding.quote,
                            term=finding.term,
                            band=finding.band,
                        )
                    )
        judgements = [
            i for i, s in enumerate(self.brief.sections) if s.kind is SectionKind.JUDGEMENT
        ]
        for si in judgements:
            if si in st.qualified:
                continue
            hedges = st.hedged.get(si, [])
            only = f", only {', '.join(repr(h) for h in dict.fromkeys(hedges))}" if hedges else ""
            self.found.append(
                make(
                    "EST-JUDGEMENT-UNQUALIFIED",
                    f"the judgement states no likelihood{only}: give the bottom line a term of "
                    f"{self.name}",
                    Location(section=si, kind=SectionKind.JUDGEMENT, part="section"),
                )
            )
        if not st.confidence and (judgements or st.estimates):
            where = (
                Location(section=judgements[0], kind=SectionKind.JUDGEMENT, part="section")
                if judgements
                else Location(part="brief")
            )
            self.found.append(
                make(
                    "EST-NO-CONFIDENCE",
                    "no confidence level is stated: say low, moderate or high confidence, in a "
                    "sentence without a likelihood term",
                    where,
                )
            )


def _order(finding: Finding) -> tuple[int, int, int, int, int, int]:
    w = finding.where
    section = -1 if w.part == "marking" else (10**9 if w.section is None else w.section)
    return (
        section,
        -1 if w.block is None else w.block,
        -1 if w.item is None else w.item,
        _PART_ORDER.get(w.part, 6),
        -1 if w.start is None else w.start,
        -1 if w.end is None else w.end,
    )


def check(brief: Brief, *, scale: str = "icd203") -> tuple[Finding, ...]:
    """Every tradecraft finding in ``brief``, in reading order.

    ``scale`` is the yardstick the estimative language should follow: ``icd203`` (both rows
    of ICD 203's table), ``phia`` (the UK PHIA Probability Yardstick) or ``kent`` (Sherman
    Kent's words of estimative probability). The codes, their severities and the rules they
    come from are in :data:`~briefkit.tradecraft.CODES`; an unknown scale raises
    :class:`~briefkit.FormatError`.
    """
    if scale not in SCALES:
        raise FormatError(f"unknown scale {scale!r}: expected one of {', '.join(SCALES)}")
    checker = _Checker(brief, scale)
    checker.markings()
    for piece in pieces(brief):
        checker.text(piece)
        if piece.part != "heading":
            checker.text_markings(piece)
    if brief.summary:
        summary = m.confidences(m.fold(brief.summary))
        checker.state.confidence = checker.state.confidence or bool(summary)
    checker.grades()
    checker.brief_rules()
    return tuple(sorted(checker.found, key=_order))
