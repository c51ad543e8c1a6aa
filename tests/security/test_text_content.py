"""No text content is lost to the chrome rule: a line is chrome for what it *is*, never
for the word it starts with (issue 15, class 1).

A brief whose paragraphs begin like footer or interface lines ("Comments by the governor
...", "Copyright holders ...", "Share prices ...") keeps every one of them, wherever they
stand: at the end, at the start, in the middle, after the navigation tail, next to real
chrome. What counts as chrome in text is stated in one place,
``briefkit.syntax.chrome``.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import briefkit
from briefkit import Brief, BriefkitError, parse_text

TITLE = "Export Controls Tighten Again"
BODY = "The ministry confirmed the order on Monday and said more would follow."

#: Sentences that open with the words footers, forms and buttons open with.
FOOTER_LIKE = [
    "Comments by the governor were published in full on Tuesday evening.",
    "Copyright holders agreed to license the archive to the commission.",
    "Subscribers to the service reported outages across the north.",
    "Share prices of the three port operators fell by a fifth.",
    "Follow-up talks are planned for the spring in Geneva.",
    "Sign up sheets for the militia were posted in every village.",
    "Newsletter editors in the capital were questioned by police.",
    "Powered by diesel generators, the hospital kept running for a week.",
    "Print runs of the opposition paper were seized at the border.",
    "Search teams found the second vessel on Thursday morning.",
    "Home Office officials declined to comment on the figures.",
    "Related talks between the two navies have stalled since May.",
    "Read more closely, the decree exempts state companies.",
    "Download speeds in the region collapsed after the cable was cut.",
    "Login attempts against the ministry's mail server doubled.",
    "Twitter accounts linked to the campaign were suspended.",
    "Thank you notes from the envoy were read out in parliament.",
    "All rights reserved by the treaty remain with the signatories.",
    "Table of contents pages were missing from the leaked file.",
    "Top of the agenda is the disputed fishing zone.",
    "Back to top form, the exporters expect a record quarter.",
    "Advertisement spending by state firms rose sharply.",
    "Privacy campaigners say the new law goes too far.",
    "Contact groups met in Vienna without a breakthrough.",
    "Previous attempts at a ceasefire collapsed within days.",
    "Next week the court will rule on the appeal.",
    "Subscribe to the bulletin was the only instruction on the leaflet, officials said.",
]
#: Real chrome that may stand next to them (and may be dropped).
CHROME = [
    "Share",
    "Post a Comment",
    "No comments:",
    "Subscribe",
    "© 2024 Harbourline Analysis. All rights reserved.",
    "Search",
    "Find Out More",
    "Related Content:",
    "top of page",
    "Follow us on:",
    "READ FULL REPORT",
]


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def _kept(brief: Brief) -> set[str]:
    return _words(brief.model_dump_json())


@pytest.mark.parametrize("sentence", FOOTER_LIKE)
@pytest.mark.parametrize(
    "layout",
    [
        "{t}\n\nAnalysis:\n\n{b}\n\n{s}\n",  # the last paragraph
        "{t}\n\nAnalysis:\n\n{b}\n\n{s}\n\n{s2}\n",  # the last two
        "{t}\n\n{s}\n\n{b}\n",  # the first paragraph
        "{t}\n\n{b}\n\n{s}\n\n{b}\n",  # in the middle
        "{t}\n\n{b}\n\nNext\n\nA Later Brief\n\n{s}\n",  # after the navigation tail
        "{t}\n\n{b}\n\nShare\n\n{s}\n\nPost a Comment\n",  # between chrome lines
        "{t}\n{b}\n{s}\nShare\n",  # single line breaks, chrome after it
    ],
)
def test_sentences_that_begin_like_footers_are_kept(sentence: str, layout: str) -> None:
    other = FOOTER_LIKE[(FOOTER_LIKE.index(sentence) + 1) % len(FOOTER_LIKE)]
    text = layout.format(t=TITLE, b=BODY, s=sentence, s2=other)
    brief = parse_text(text)
    assert _words(sentence) <= _kept(brief)
    assert _words(other) <= _kept(brief) or "{s2}" not in layout
    found = [b.text for s in brief.sections for b in s.blocks]
    found += [brief.next.title or ""] if brief.next else []
    assert any(sentence in text_ for text_ in found), found


def test_the_chrome_itself_is_still_dropped() -> None:
    text = f"{TITLE}\n\n{BODY}\n\n" + "\n\n".join(CHROME[:7]) + "\n"
    brief = parse_text(text)
    assert [b.text for s in brief.sections for b in s.blocks] == [BODY]


_LETTERS = st.text(st.characters(categories=("Ll",)), min_size=2, max_size=9)
_OPENERS = [s.split()[0] for s in FOOTER_LIKE] + ["Comments", "Copyright", "Subscribe"]
_SENTENCE = st.builds(
    lambda first, words, end: " ".join([first, *words]) + end,
    st.sampled_from(_OPENERS),
    st.lists(_LETTERS, min_size=2, max_size=14),
    st.sampled_from([".", "!", "?", "…"]),
)
_PIECES = st.lists(
    st.one_of(
        _SENTENCE.map(lambda s: ("content", s)),
        st.sampled_from(CHROME).map(lambda c: ("chrome", c)),
    ),
    min_size=1,
    max_size=12,
)


@settings(max_examples=150)
@given(_PIECES, st.sampled_from(["\n\n", "\n"]))
def test_every_sentence_survives_any_chrome_around_it(
    pieces: list[tuple[str, str]], sep: str
) -> None:
    text = TITLE + "\n\n" + sep.join(line for _, line in pieces) + "\n"
    kept = _kept(parse_text(text))
    for kind, line in pieces:
        if kind == "content":
            assert _words(line) <= kept, line


_ANY = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=400)
_LINE_PIECES = st.sampled_from(
    [*CHROME, *FOOTER_LIKE, "Key Takeaways", "1. BLUF (Bottom Line Up Front)", "KJ-1:",
     "March 4, 2024", "By Jane Roe", "Authors: A, B", "Source: https://x.test/a",
     "Category", "Intelligence", "Policy Paper", "AFRICA", "1.1 Scope", "a. first",
     "  • Insight 1 [S, Confidence: Moderate]: x", "Why it matters:", "Previous", "Next",
     "Writer's pictureMara K", "5 min read", "08:30 AM", "```", "\\", "", " "]
)  # fmt: skip


@settings(max_examples=200)
@given(
    st.lists(st.one_of(_ANY, _LINE_PIECES), max_size=30), st.sampled_from(["\n", "\n\n", "\r\n"])
)
def test_arbitrary_text_raises_only_briefkit_errors(lines: list[str], sep: str) -> None:
    """Any text at all: a brief, or a BriefkitError (never another exception)."""
    try:
        brief = parse_text(sep.join(lines))
    except BriefkitError:
        return
    assert Brief.from_json(brief.to_json()) == brief
    briefkit.render_text(brief)
