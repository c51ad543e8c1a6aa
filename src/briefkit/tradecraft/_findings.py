"""What a check reports: a finding, where it is, and the table of codes and severities.

Severity follows what the rule says and how sure the check can be. An **error** is text
that breaks a "must" of its standard and that the check reads reliably: a confidence level
and a likelihood in one sentence, a percentage the term's band excludes, a bottom line with
no likelihood at all, a grade that does not exist, a marking that is not TLP 2.0. A
**warning** is what a standard asks for or recommends but the text leaves out or bends
(hedges, another yardstick's words, mixed rows, no confidence, no grade, a mis-written
label). **info** only reports a standard term and its band.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal, NamedTuple

from pydantic import BaseModel, ConfigDict

from ..model import SectionKind

__all__ = ["CODES", "Code", "Counts", "Finding", "Location", "Part", "Severity", "count"]

Severity = Literal["error", "warning", "info"]
#: Severities from the most to the least serious.
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")

#: What the location's span lies in, or what a finding without a span is about.
Part = Literal[
    "text",
    "lead",
    "heading",
    "marking",
    "item",
    "section",
    "brief",
    "caption",
    "cell",
    "alt",
    "note",
]


class Code(NamedTuple):
    """One finding code: its severity, what it means and the rule it comes from."""

    severity: Severity
    summary: str
    rule: str


#: Every code ``check`` emits.
CODES: dict[str, Code] = {
    "EST-TERM": Code(
        "info", "a standard estimative term, with its probability band", "ICD 203 §D.6.e(2)(a)"
    ),
    "EST-MIXED-ROWS": Code(
        "warning",
        "terms from both rows of ICD 203's table, with no disclaimer that they mean the same",
        "ICD 203 §D.6.e(2)(a)",
    ),
    "EST-CONF-LIKELIHOOD": Code(
        "error",
        "a confidence level and a degree of likelihood in the same sentence",
        "ICD 203 §D.6.e(2)(b)",
    ),
    "EST-HEDGE": Code(
        "warning",
        "a hedge (may, could, ...) in a sentence that states no probability",
        "ICD 203 §D.6.e(2)",
    ),
    "EST-OTHER-SCALE": Code(
        "warning",
        "a term of another yardstick than the one checked against",
        "ICD 203 §D.6.e(2)(a); PHIA yardstick; Kent",
    ),
    "EST-NUMBER": Code(
        "error",
        "a percentage outside its term's band, or in a gap of the PHIA yardstick",
        "ICD 203 §D.6.e(2)(a); PHIA yardstick; Kent",
    ),
    "EST-JUDGEMENT-UNQUALIFIED": Code(
        "error", "a judgement section with no estimative term at all", "ICD 203 §D.6.e(2)(a)"
    ),
    "EST-NO-CONFIDENCE": Code(
        "warning", "judgements, but no confidence level anywhere", "ICD 203 §D.6.e(2)(b)"
    ),
    "EST-CONF-NONSTANDARD": Code(
        "warning",
        "'medium confidence': the standard levels are low, moderate and high",
        "ICD 203 §D.6.e(2)(b)",
    ),
    "SRC-UNGRADED": Code(
        "warning", "an evidence item without an Admiralty grade", "Admiralty (NATO) system"
    ),
    "SRC-BAD-GRADE": Code(
        "error", "a grade that is not A–F followed by 1–6", "Admiralty (NATO) system"
    ),
    "MARK-INVALID": Code("error", "a marking that is not a TLP 2.0 or PAP label", "FIRST TLP 2.0"),
    "MARK-FORM": Code(
        "warning",
        "a TLP label written with spaces, in lower case, or as TLP:WHITE",
        "FIRST TLP 2.0",
    ),
}


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Location(_Frozen):
    """Where a finding is: the section, block and item, and the span in that text.

    ``section`` and ``block`` index ``brief.sections`` and that section's ``blocks``;
    ``item`` indexes the list's ``items``. ``part`` names the text the span lies in —
    ``text`` (a paragraph's or item body's plain text), ``lead`` (an item's lead-in),
    ``heading``, ``marking`` (``brief.marking``), a table's ``caption`` (``item`` 0) or
    ``cell`` (``item`` 1 + the cell's index, row by row), a figure's ``alt`` or
    ``caption``, or a ``note`` (``item`` its number in the block) — or, for a finding about
    a whole item,
    section or brief, that (``item``, ``section``, ``brief``; then ``start``/``end`` are None).
    """

    section: int | None = None
    kind: SectionKind | None = None
    block: int | None = None
    item: int | None = None
    part: Part = "text"
    start: int | None = None
    end: int | None = None


class Finding(_Frozen):
    """One thing a tradecraft check found in a brief."""

    code: str
    """One of :data:`CODES`, e.g. ``EST-HEDGE``."""
    severity: Severity
    message: str
    """What is wrong and how to fix it, in one line."""
    where: Location
    text: str = ""
    """The sentence the finding is in (empty for a finding about a whole item or section)."""
    quote: str = ""
    """Exactly the characters ``where.start:where.end`` of that text."""
    term: str | None = None
    """The estimative term concerned, in its standard form (``almost certain``)."""
    band: tuple[int, int] | None = None
    """The term's probability band in percent, on the yardstick it belongs to."""


class Counts(NamedTuple):
    """How many findings of each severity."""

    errors: int = 0
    warnings: int = 0
    infos: int = 0

    def __str__(self) -> str:
        parts = [(self.errors, "error"), (self.warnings, "warning"), (self.infos, "info")]
        return ", ".join(
            f"{n} {word}{'s' if n != 1 and word != 'info' else ''}" for n, word in parts
        )


def count(findings: Iterable[Finding]) -> Counts:
    """The number of errors, warnings and infos among ``findings``."""
    tally = dict.fromkeys(SEVERITIES, 0)
    for finding in findings:
        tally[finding.severity] += 1
    return Counts(tally["error"], tally["warning"], tally["info"])


def make(code: str, message: str, where: Location, **fields: object) -> Finding:
    """A finding of ``code`` with the severity the table gives it."""
    return Finding.model_validate(
        {
            "code": code,
            "severity": CODES[code].severity,
            "message": message,
            "where": where,
            **fields,
        }
    )
