"""Sentence splitting: abbreviations of single letters and common titles do not end one."""

from __future__ import annotations

import pytest

from briefkit.tradecraft._sentences import sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One. Two.", ["One.", "Two."]),
        (
            "U.S. and U.K. officials met. They agreed.",
            ["U.S. and U.K. officials met.", "They agreed."],
        ),
        (
            "The U.S. Navy sailed. So did the U.K. Royal Navy.",
            ["The U.S. Navy sailed.", "So did the U.K. Royal Navy."],
        ),
        ("Mr. Lammy and Gen. Smith spoke. Next.", ["Mr. Lammy and Gen. Smith spoke.", "Next."]),
        ("Is it over? Not yet! Wait.", ["Is it over?", "Not yet!", "Wait."]),
        ("He said \u201cno.\u201d Then he left.", ["He said \u201cno.\u201d", "Then he left."]),
        ("Growth was 3.5 per cent. Fine.", ["Growth was 3.5 per cent.", "Fine."]),
        ("e.g. this one. and lower case goes on.", ["e.g. this one. and lower case goes on."]),
        ("No full stop at the end", ["No full stop at the end"]),
        ("  Spaces around.  ", ["Spaces around."]),
        ("", []),
    ],
)
def test_sentences(text: str, expected: list[str]) -> None:
    assert [text[a:b] for a, b in sentences(text)] == expected
