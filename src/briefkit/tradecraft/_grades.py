"""Admiralty (NATO) source grades: the two tables and reading a grade out of a statement.

A grade is a reliability letter (A–F, the source) and a credibility digit (1–6, the
information), written after the statement it grades: "(B2)", "[F6]", "(B-2)", "graded C3",
"Grade: A1", or a bare "B-2" ending the text. A bare "B52" or "the A1 road" is not a grade:
outside brackets or a "grade" keyword a code counts only in the hyphenated form at the very
end, and a letter followed by two digits ("B-52") never does. MISP tags use the
``admiralty-scale`` taxonomy; STIX 2.1 Appendix A maps credibility 1–5 to 90/70/50/30/10.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict

__all__ = [
    "CREDIBILITY",
    "CREDIBILITY_STIX",
    "RELIABILITY",
    "Grade",
    "GradeMatch",
    "find_grades",
    "read_grade",
]

#: Source reliability, by letter.
RELIABILITY: dict[str, str] = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "cannot be judged",
}
#: Information credibility, by digit.
CREDIBILITY: dict[int, str] = {
    1: "confirmed by other sources",
    2: "probably true",
    3: "possibly true",
    4: "doubtful",
    5: "improbable",
    6: "cannot be judged",
}
#: STIX 2.1 confidence of a credibility digit; 6 ("cannot be judged") has none.
CREDIBILITY_STIX: dict[int, int | None] = {1: 90, 2: 70, 3: 50, 4: 30, 5: 10, 6: None}


class Grade(BaseModel):
    """An Admiralty grade as a brief states it, with what STIX and MISP make of it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    written: str
    """The grade exactly as it stands in the text, e.g. ``(B2)``."""
    reliability: str
    """The source's reliability letter, A–F."""
    credibility: int
    """The information's credibility digit, 1–6."""

    @property
    def code(self) -> str:
        """The canonical code, ``B2``."""
        return f"{self.reliability}{self.credibility}"

    @property
    def reliability_text(self) -> str:
        return RELIABILITY[self.reliability]

    @property
    def credibility_text(self) -> str:
        return CREDIBILITY[self.credibility]

    @property
    def stix_confidence(self) -> int | None:
        """STIX 2.1 confidence from the credibility digit (Appendix A); None for 6."""
        return CREDIBILITY_STIX[self.credibility]

    @property
    def misp_tags(self) -> tuple[str, str]:
        """The two MISP ``admiralty-scale`` taxonomy tags of this grade."""
        return (
            f'admiralty-scale:source-reliability="{self.reliability.lower()}"',
            f'admiralty-scale:information-credibility="{self.credibility}"',
        )


@dataclass(frozen=True, slots=True)
class GradeMatch:
    """A grade-shaped code in a text: valid (``grade`` set) or not (``grade`` None)."""

    start: int
    end: int
    written: str
    grade: Grade | None


# Bracketed or after a keyword any capital and digit is read, so "(G2)" or "graded B7" is
# found and reported; bare, only a valid hyphenated code after the statement's last
# punctuation and ending the text counts ("... in May. B-2", not "flown by a B-2.").
def _code(n: int) -> str:
    return rf"(?P<letter{n}>[A-Z])\s?[-/]?\s?(?P<digit{n}>\d)(?!\d)"


_GRADE = re.compile(
    rf"[(\[]\s?{_code(1)}\s?[)\]]"
    rf"|(?<![\w-])(?i:graded|grade|admiralty(?:\s+(?:grade|code))?)\s?:?\s?{_code(2)}(?![\w-])"
    r"|(?<=[.;:,\u2013\u2014)]\s)(?P<letter3>[A-F])-(?P<digit3>[1-6])(?=[\s.;)\]]*$)"
)


_KEYWORD = re.compile(r"(?i:grade|admiralty)")


def find_grades(text: str) -> tuple[GradeMatch, ...]:
    """Every grade-shaped code in ``text``, valid or not, in order."""
    if not any(c in text for c in "([-") and not _KEYWORD.search(text):
        return ()  # the common case, decided without the full pattern
    found: list[GradeMatch] = []
    for match in _GRADE.finditer(text):
        n = next(i for i in (1, 2, 3) if match[f"letter{i}"])
        letter, digit = match[f"letter{n}"], int(match[f"digit{n}"])
        grade = None
        if letter in RELIABILITY and digit in CREDIBILITY:
            grade = Grade(written=match.group(0), reliability=letter, credibility=digit)
        found.append(GradeMatch(match.start(), match.end(), match.group(0), grade))
    return tuple(found)


def read_grade(text: str) -> Grade | None:
    """The first valid grade written in ``text``, or None."""
    return next((m.grade for m in find_grades(text) if m.grade is not None), None)
