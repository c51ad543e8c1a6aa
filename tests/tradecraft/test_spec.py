"""The spec table: sentences an analyst might write, and what each check finds in them.

Every row is checked on all three yardsticks. A row with one string expects the same codes
on each; a row with a dict gives them per scale (``icd203``, ``phia``, ``kent``). Only the
findings located in the sentence's own block count: those about the whole brief (no
confidence level anywhere) are the business of other tests.
"""

from __future__ import annotations

import pytest

from tradecraft_cases import codes_at_block, in_evidence, in_paragraph

SCALES = ("icd203", "phia", "kent")

# Each term row: (icd203, phia, kent).
Row = tuple[str, str | tuple[str, str, str]]

PARAGRAPHS: list[Row] = [
    # traps: nothing to find
    ("Operators used remote access tools to reach the network.", ""),
    ("Both sides agreed on confidence-building measures at the border.", ""),
    ("B-52 bombers flew over the Baltic on Tuesday.", ""),
    ("The convoy took the A1 road north of the city.", ""),
    ("Elections are scheduled for May 2025.", ""),
    ("Theresa May met the delegation in Brussels.", ""),
    ("The navy displayed its military might off the coast.", ""),
    ("Certain officials declined to comment.", ""),
    ("It is impossible to verify the footage independently.", ""),
    ("The likelihood of a ceasefire was discussed at length.", ""),
    ("The village is remote and hard to supply.", ""),
    ("Investor confidence remained high after the announcement.", ""),
    ("High-confidence reporting shows the unit moved.", ""),
    ("We have moderate confidence in this assessment.", ""),
    (
        "Exports fell by 40 % even though a blockade was unlikely.",
        ("EST-TERM", "EST-TERM", "EST-OTHER-SCALE"),
    ),
    ("Inflation will likely exceed 10 % this year.", ("EST-TERM", "EST-TERM", "EST-OTHER-SCALE")),
    # ICD 203 row 1
    ("Moscow will likely respond within days.", ("EST-TERM", "EST-TERM", "EST-OTHER-SCALE")),
    (
        "A direct clash is very unlikely before the summit.",
        ("EST-TERM", "EST-OTHER-SCALE", "EST-OTHER-SCALE"),
    ),
    ("The ceasefire is unlikely to hold.", ("EST-TERM", "EST-TERM", "EST-OTHER-SCALE")),
    (
        "There is a roughly even chance that talks resume.",
        ("EST-TERM", "EST-OTHER-SCALE", "EST-OTHER-SCALE"),
    ),
    ("The regime will almost certainly retaliate.", "EST-TERM"),
    ("Tehran is almost certain to deny involvement.", "EST-TERM"),
    (
        "There is almost no chance of a negotiated exit this year.",
        ("EST-TERM", "EST-OTHER-SCALE", "EST-OTHER-SCALE"),
    ),
    (
        "Victory is very likely for the incumbent.",
        ("EST-TERM", "EST-OTHER-SCALE", "EST-OTHER-SCALE"),
    ),
    ("LIKELY, the strikes will continue.", ("EST-TERM", "EST-TERM", "EST-OTHER-SCALE")),
    # ICD 203 row 2
    (
        "Sanctions relief is highly improbable in the near term.",
        ("EST-TERM", "EST-OTHER-SCALE", "EST-OTHER-SCALE"),
    ),
    ("An early election is improbable.", ("EST-TERM", "EST-OTHER-SCALE", "EST-OTHER-SCALE")),
    ("A breakthrough has roughly even odds.", ("EST-TERM", "EST-OTHER-SCALE", "EST-OTHER-SCALE")),
    ("A second wave of strikes is probable.", ("EST-TERM", "EST-OTHER-SCALE", "EST-TERM")),
    ("The group probably moved its leadership abroad.", "EST-TERM"),
    ("Renewed shelling is highly probable.", ("EST-TERM", "EST-OTHER-SCALE", "EST-OTHER-SCALE")),
    ("Further defections are nearly certain.", ("EST-TERM", "EST-OTHER-SCALE", "EST-OTHER-SCALE")),
    (
        "There is only a remote chance of a full withdrawal.",
        ("EST-TERM", "EST-TERM", "EST-OTHER-SCALE"),
    ),
    ("The chance of a settlement is remote.", ("EST-TERM", "EST-OTHER-SCALE", "EST-OTHER-SCALE")),
    (
        "A remote possibility remains that the talks collapse.",
        ("EST-TERM", "EST-OTHER-SCALE", "EST-OTHER-SCALE"),
    ),
    # PHIA and Kent
    (
        "Escalation is highly unlikely while talks continue.",
        ("EST-OTHER-SCALE", "EST-TERM", "EST-OTHER-SCALE"),
    ),
    (
        "A snap offensive is a realistic possibility.",
        ("EST-OTHER-SCALE", "EST-TERM", "EST-OTHER-SCALE"),
    ),
    (
        "The pipeline is highly likely to reopen.",
        ("EST-OTHER-SCALE", "EST-TERM", "EST-OTHER-SCALE"),
    ),
    (
        "We judge the chances about even that the vote passes.",
        ("EST-OTHER-SCALE", "EST-OTHER-SCALE", "EST-TERM"),
    ),
    (
        "The junta will probably not survive the year.",
        ("EST-OTHER-SCALE", "EST-OTHER-SCALE", "EST-TERM"),
    ),
    (
        "The deal will almost certainly not be signed.",
        ("EST-OTHER-SCALE", "EST-OTHER-SCALE", "EST-TERM"),
    ),
    ("Defeat of the rebels is certain.", ("EST-OTHER-SCALE", "EST-OTHER-SCALE", "EST-TERM")),
    (
        "A reversal of the decision is impossible.",
        ("EST-OTHER-SCALE", "EST-OTHER-SCALE", "EST-TERM"),
    ),
    # hedges
    ("We can\u2019t rule out a further test.", "EST-HEDGE"),
    ("Analysts cannot rule out sabotage.", "EST-HEDGE"),
    ("The port could reopen next week.", "EST-HEDGE"),
    ("The militia may have crossed the river.", "EST-HEDGE"),
    ("Officials might announce new tariffs.", "EST-HEDGE"),
    ("The strike was possibly a warning shot.", "EST-HEDGE"),
    ("Perhaps the envoy will return.", "EST-HEDGE"),
    ("The dispute is potentially destabilising.", "EST-HEDGE"),
    ("A serious possibility of unrest exists in the capital.", "EST-HEDGE"),
    ("Talks may stall and could collapse.", "EST-HEDGE EST-HEDGE"),
    (
        "The delay could likely be explained by weather.",
        ("EST-TERM", "EST-TERM", "EST-OTHER-SCALE"),
    ),
    ("The attack may come soon (30 %).", ""),
    # numbers
    ("Retaliation is likely (70 %).", ("EST-TERM", "EST-TERM", "EST-OTHER-SCALE")),
    (
        "Retaliation is likely (90 %).",
        ("EST-NUMBER EST-TERM", "EST-NUMBER EST-TERM", "EST-NUMBER EST-OTHER-SCALE"),
    ),
    ("Retaliation is likely (78 %).", ("EST-TERM", "EST-NUMBER EST-TERM", "EST-OTHER-SCALE")),
    ("We see a 37 % chance of a new offensive.", ("", "EST-NUMBER", "")),
    ("There is a 52 per cent chance the vote fails.", ("", "EST-NUMBER", "")),
    ("There is a 45 percent chance the vote fails.", ""),
    (
        "A deal is unlikely, with a probability of 60 %.",
        ("EST-NUMBER EST-TERM", "EST-NUMBER EST-TERM", "EST-NUMBER EST-OTHER-SCALE"),
    ),
    ("A deal is unlikely (25\u201335 %).", ("EST-TERM", "EST-TERM", "EST-OTHER-SCALE")),
    (
        "A deal is unlikely (10 to 30 %).",
        ("EST-NUMBER EST-TERM", "EST-NUMBER EST-TERM", "EST-NUMBER EST-OTHER-SCALE"),
    ),
    # confidence
    (
        "We assess with high confidence that Moscow will likely escalate.",
        (
            "EST-CONF-LIKELIHOOD EST-TERM",
            "EST-CONF-LIKELIHOOD EST-TERM",
            "EST-CONF-LIKELIHOOD EST-OTHER-SCALE",
        ),
    ),
    ("With low confidence, we judge a coup almost certain.", "EST-CONF-LIKELIHOOD EST-TERM"),
    ("We have medium confidence in this judgement.", "EST-CONF-NONSTANDARD"),
    ("Confidence level: Medium.", "EST-CONF-NONSTANDARD"),
    (
        "Confidence level: high. The strikes will very likely continue.",
        ("EST-TERM", "EST-OTHER-SCALE", "EST-OTHER-SCALE"),
    ),
    # sentence splitting at U.S. and U.K.
    (
        "With high confidence, U.S. Navy planners judge a response likely.",
        (
            "EST-CONF-LIKELIHOOD EST-TERM",
            "EST-CONF-LIKELIHOOD EST-TERM",
            "EST-CONF-LIKELIHOOD EST-OTHER-SCALE",
        ),
    ),
    (
        "With high confidence, U.K. Defence Ministry staff call a strike likely.",
        (
            "EST-CONF-LIKELIHOOD EST-TERM",
            "EST-CONF-LIKELIHOOD EST-TERM",
            "EST-CONF-LIKELIHOOD EST-OTHER-SCALE",
        ),
    ),
    (
        "High confidence applies to the U.S. Navy data. A strike is likely.",
        ("EST-TERM", "EST-TERM", "EST-OTHER-SCALE"),
    ),
    # ICD 203 rows mixed, with and without a disclaimer
    (
        "A strike is likely. The ministry will probably resign.",
        ("EST-MIXED-ROWS EST-TERM EST-TERM", "EST-TERM EST-TERM", "EST-OTHER-SCALE EST-TERM"),
    ),
    (
        "Its estimative terms mean the same probabilities whichever row they come from. "
        "A strike is likely. The ministry will probably resign.",
        ("EST-TERM EST-TERM", "EST-TERM EST-TERM", "EST-OTHER-SCALE EST-TERM"),
    ),
    # markings written in the text
    ("This annex is released as TLP:AMBER+STRICT.", ""),
    ("This annex is released as tlp:amber.", "MARK-FORM"),
    ("This annex is released as TLP: GREEN.", "MARK-FORM"),
    ("Earlier versions were marked TLP:WHITE.", "MARK-FORM"),
    ("Handle as TLP:EX:CHR only.", "MARK-INVALID"),
    ("Actions are permitted under PAP:GREEN.", ""),
]

EVIDENCE: list[Row] = [
    ("Officials confirmed the deployment (B2).", ""),
    ("Officials confirmed the deployment [F6].", ""),
    ("Officials confirmed the deployment, graded C3.", ""),
    ("Satellite images show new revetments. A-1", ""),
    ("Officials confirmed the deployment (B7).", "SRC-BAD-GRADE"),
    ("Officials confirmed the deployment (G2).", "SRC-BAD-GRADE"),
    ("B-52 bombers flew over the Baltic on Tuesday.", "SRC-UNGRADED"),
    ("The convoy took the A1 road north of the city.", "SRC-UNGRADED"),
    ("The ministry said the column was hit by a B-2.", "SRC-UNGRADED"),
    (
        "Reporting suggests the unit will likely redeploy (C3).",
        ("EST-TERM", "EST-TERM", "EST-OTHER-SCALE"),
    ),
]


def _expected(row: Row, scale: str) -> list[str]:
    codes = row[1] if isinstance(row[1], str) else row[1][SCALES.index(scale)]
    return sorted(codes.split())


def test_the_table_is_big_enough() -> None:
    assert len(PARAGRAPHS) + len(EVIDENCE) >= 60


@pytest.mark.parametrize("scale", SCALES)
@pytest.mark.parametrize("row", PARAGRAPHS, ids=[r[0][:48] for r in PARAGRAPHS])
def test_paragraph_sentence(row: Row, scale: str) -> None:
    assert codes_at_block(in_paragraph(row[0]), scale) == _expected(row, scale)


@pytest.mark.parametrize("scale", SCALES)
@pytest.mark.parametrize("row", EVIDENCE, ids=[r[0][:48] for r in EVIDENCE])
def test_evidence_item(row: Row, scale: str) -> None:
    assert codes_at_block(in_evidence(row[0]), scale) == _expected(row, scale)
