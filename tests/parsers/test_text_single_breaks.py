"""parse_text on pages pasted with a line per paragraph and no blank line anywhere: a
heading stacked over its subheading, numbered steps, a contents label over prose. Each test
is one rule with a control that the rule must not reach."""

from __future__ import annotations

from briefkit import ItemList, SectionKind, parse_text
from briefs import kept_text

TITLE = "Security Posture"
# a paragraph a line, as such pages paste: lines longer than any hard-wrapped text's
BODY = (
    "The ministry confirmed the order on Monday and said more would follow once the review of "
    "every regional office was complete."
)
MORE = (
    "Officials expect the first results of the review before the end of the year, and the "
    "full report early in the next one."
)


def _heads(text: str) -> list[str | None]:
    return [s.heading for s in parse_text(text).sections]


def test_a_heading_stacked_over_a_subheading_heads_both() -> None:
    text = f"{TITLE}\n{BODY}\nComponents of Posture\nTechnical Controls\n{MORE}\n"
    assert _heads(text) == [None, "Components of Posture", "Technical Controls"]
    brief = parse_text(text)
    assert brief.sections[1].blocks == ()
    assert [b.text for b in brief.sections[2].blocks] == [MORE]


def test_two_title_case_lines_under_an_unfinished_line_stay_rows() -> None:
    # under a line that ends no sentence (a list's label), the two lines are its rows
    text = f"{TITLE}\n{BODY}\nSee the guides on\nTechnical Controls\nAccess Reviews\n{MORE}\n"
    brief = parse_text(text)
    assert "Technical Controls" not in _heads(text)
    assert "Technical Controls" in kept_text(brief)
    # with blank lines, a line tight under another is a row, as before
    spaced = f"{TITLE}\n\n{BODY}\n\nComponents of Posture\nTechnical Controls\n{MORE}\n"
    assert "Technical Controls" not in _heads(spaced)


def test_numbered_lines_each_over_prose_are_steps_whatever_their_case() -> None:
    text = f"{TITLE}\n{BODY}\n1. Preparation\n{BODY}\n2. Detection and triage\n{MORE}\n"
    brief = parse_text(text)
    assert [s.heading for s in brief.sections] == [None, "Preparation", "Detection and triage"]
    assert not any(isinstance(b, ItemList) for s in brief.sections for b in s.blocks)


def test_one_numbered_sentence_case_line_over_prose_stays_an_item() -> None:
    brief = parse_text(f"{TITLE}\n{BODY}\n1. Detection and triage\n{MORE}\n")
    lists = [b for s in brief.sections for b in s.blocks if isinstance(b, ItemList)]
    assert [i.text for lst in lists for i in lst.items] == ["Detection and triage"]


def test_a_contents_label_over_prose_under_the_headline_heads_it() -> None:
    prose = f"{BODY} {MORE}"
    text = f"{TITLE}\nTable of Contents\n{prose}\nWhy It Matters\n{MORE}\n"
    brief = parse_text(text)
    assert [(s.kind, s.heading) for s in brief.sections] == [
        (SectionKind.OTHER, "Table of Contents"),
        (SectionKind.OTHER, "Why It Matters"),
    ]
    assert [b.text for b in brief.sections[0].blocks] == [prose]


def test_a_contents_label_over_its_entries_stays_chrome() -> None:
    brief = parse_text(f"{TITLE}\nTable of Contents\n- Why It Matters\n- Outlook\n{BODY}\n")
    assert [s.heading for s in brief.sections] == [None]
    lists = [b for b in brief.sections[0].blocks if isinstance(b, ItemList)]
    assert lists[0].items[0].text == "Why It Matters"
    assert "Table of Contents" not in brief.model_dump_json()


def test_lead_in_lines_under_a_colon_ended_paragraph_are_its_items() -> None:
    intro = "What sets an alert off is a mix of data feeds and fixed thresholds:"
    lines = [
        "Risk Thresholds: Limits set beforehand from supplier risk scores.",
        "Trigger Events: Occurrences like late deliveries or a breach of compliance.",
    ]
    brief = parse_text(f"{TITLE}\n{BODY}\n{intro}\n" + "\n".join(lines) + f"\n\n{MORE}\n")
    blocks = brief.sections[0].blocks
    assert isinstance(blocks[2], ItemList)
    assert [(i.lead, i.text) for i in blocks[2].items] == [
        tuple(line.split(": ", 1)) for line in lines
    ]
    # one such line, or lines under a paragraph that announces nothing, stay paragraphs
    for text in (
        f"{TITLE}\n{BODY}\n{intro}\n{lines[0]}\n\n{MORE}\n",
        f"{TITLE}\n{BODY}\n" + "\n".join(lines) + f"\n\n{MORE}\n",
    ):
        brief = parse_text(text)
        assert not any(isinstance(b, ItemList) for s in brief.sections for b in s.blocks)


def test_a_vocabulary_label_in_sentence_case_heads_the_list_under_it() -> None:
    items = "- Premiums rose for every vessel class.\n- Insurers priced in the diversions.\n"
    for label in ("Key takeaways", "Bottom line"):
        brief = parse_text(f"{TITLE}\n{BODY}\n{label}\n{items}")
        assert [(s.kind, s.heading) for s in brief.sections] == [
            (SectionKind.OTHER, None),
            (SectionKind.JUDGEMENT, label),
        ]
        assert isinstance(brief.sections[1].blocks[0], ItemList)
    # a sentence-case line that is no label stays a paragraph over the list
    brief = parse_text(f"{TITLE}\n{BODY}\nSome examples\n{items}")
    assert [s.heading for s in brief.sections] == [None]
    assert [getattr(b, "text", None) for b in brief.sections[0].blocks[:2]] == [
        BODY,
        "Some examples",
    ]


def test_text_copied_one_word_a_line_joins_and_splits_where_a_sentence_ends() -> None:
    words = "as the United Nations steps in. Typical truces hold for weeks."
    brief = parse_text(f"{TITLE}\n\n{BODY}\n\n" + "\n".join(words.split()) + "\n")
    assert [b.text for b in brief.sections[0].blocks] == [
        BODY,
        "as the United Nations steps in.",
        "Typical truces hold for weeks.",
    ]
    # one-word lines in capitals, a menu's, are no prose column and stay lines of their own
    brief = parse_text(f"{TITLE}\n\n{BODY}\n\nHome\nAbout\nServices\nContact\n")
    assert "Home About Services Contact" not in kept_text(brief)


def test_questions_one_under_another_are_rows_not_headings() -> None:
    text = (
        "Personal Risk at Protests\n"
        "Going to a protest means weighing the risks carefully.\n"
        "2. Assess Your Personal Risk Factors\n"
        "Legal Considerations:\n"
        "Could an arrest cause you trouble over your job or your status?\n"
        "Does the place you live have anti-protest laws or intensive surveillance?\n"
        "Do you know what your rights are if you are detained?\n"
        "Health & Safety:\n"
        "Could the conditions set off a medical issue you have?\n"
    )
    brief = parse_text(text)
    assert [s.heading for s in brief.sections] == [
        None,
        "Assess Your Personal Risk Factors",
        "Legal Considerations",
        "Health & Safety",
    ]
    assert len(brief.sections[2].blocks) == 3


def test_the_last_item_of_a_numbered_list_over_a_heading_stays_an_item() -> None:
    text = (
        "Insider Threat Programmes\n"
        "The programme runs in three steps, each with its own team.\n"
        "1. Define\n"
        "2. Detect\n"
        "3. Assess\n"
        "Recommendations:\n"
        "Human resources, counsel and security sit on the team.\n"
    )
    brief = parse_text(text)
    assert [s.heading for s in brief.sections] == [None, "Recommendations"]
    assert isinstance(brief.sections[0].blocks[-1], ItemList)


def test_sentence_case_lines_each_over_a_list_head_a_series() -> None:
    """With no blank line anywhere, two sentence-case lines each over a list after a
    finished paragraph or item are headings (one alone stays text: see above)."""
    items = "- Premiums rose for every vessel class.\n- Insurers priced in the diversions.\n"
    text = f"{TITLE}\n{BODY}\nPatch acceleration moves\n{items}Detection and resilience\n{items}"
    assert _heads(text) == [None, "Patch acceleration moves", "Detection and resilience"]
    # a line over a paragraph is no such heading: it needs its list
    text = f"{TITLE}\n{BODY}\nPatch acceleration moves\n{MORE}\nDetection and resilience\n{items}"
    assert "Detection and resilience" not in _heads(text)


def test_a_heading_run_into_its_paragraph_takes_the_kind_its_words_name() -> None:
    """A heading run into its paragraph ("Broader Implications The day's events ...") is
    classified as one alone on its line is, by the labels it is made of."""
    text = f"{TITLE}\n{BODY}\nBroader Implications The day's events show the weak points.\n"
    brief = parse_text(text)
    assert [(s.kind, s.heading) for s in brief.sections] == [
        (SectionKind.OTHER, None),
        (SectionKind.IMPLICATIONS, "Broader Implications"),
    ]
