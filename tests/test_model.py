"""The model: validation, canonical inline form, convenience accessors, JSON and schema."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from briefkit import (
    Brief,
    BriefLink,
    Emphasis,
    Inline,
    Item,
    ItemList,
    Link,
    Paragraph,
    Quote,
    Section,
    SectionKind,
    Strong,
    Text,
)
from briefkit.model import inline_depth, normalize_inlines, plain_text
from briefkit.safety import clean_text, collapse_space


def t(text: str) -> Text:
    return Text(text=text)


def sample() -> Brief:
    return Brief(
        title="Grain Corridor Talks Stall Over Inspection Rules",
        url="https://example.test/briefs/grain-corridor",
        published="2025-03-04",
        updated="2025-03-05T10:30:00+01:00",
        authors=["A. Analyst", "B. Writer"],
        tags=["trade", "black sea"],
        marking="TLP:CLEAR",
        sections=[
            Section(
                kind="judgement",
                heading="Analytic Judgement",
                blocks=[Paragraph(content=[t("Talks will likely stall.")])],
            ),
            Section(
                kind="evidence",
                heading="Supporting Evidence",
                blocks=[
                    ItemList(
                        items=[
                            Item(lead="Port Data", body=[t("Loadings fell by a third.")]),
                            Item(lead="Statements", body=[t("Both sides hardened positions.")]),
                        ]
                    ),
                ],
            ),
            Section(
                kind="implications",
                heading="Implications",
                blocks=[Paragraph(content=[t("Prices rise.")]), Quote(content=[t("We wait.")])],
            ),
        ],
        prev=BriefLink(title="Earlier Brief", href="/briefs/earlier"),
        next=BriefLink(title="Later Brief"),
    )


def test_convenience_accessors() -> None:
    brief = sample()
    assert brief.judgement is not None
    assert brief.judgement.text == "Talks will likely stall."
    assert [i.lead for i in brief.evidence] == ["Port Data", "Statements"]
    assert brief.implications is brief.section(SectionKind.IMPLICATIONS)
    assert brief.section("outlook") is None
    assert brief.sections[1].text == (
        "Port Data: Loadings fell by a third.\nStatements: Both sides hardened positions."
    )


def test_dates_keep_their_precision() -> None:
    brief = sample()
    assert brief.published == dt.date(2025, 3, 4)
    assert isinstance(brief.updated, dt.datetime)
    assert brief.updated.utcoffset() == dt.timedelta(hours=1)


def test_json_round_trip_and_hashable() -> None:
    brief = sample()
    again = Brief.from_json(brief.to_json())
    assert again == brief
    assert hash(again) == hash(brief)
    assert json.loads(brief.to_json())["sections"][1]["blocks"][0]["type"] == "list"


def test_schema_is_published() -> None:
    schema = Brief.model_json_schema()
    assert schema["required"] == ["title"]
    kinds = schema["$defs"]["SectionKind"]["enum"]
    assert set(kinds) == {k.value for k in SectionKind}
    assert {"Paragraph", "ItemList", "Quote", "Link", "Strong", "Emphasis"} <= set(schema["$defs"])


def test_models_are_frozen() -> None:
    brief = sample()
    with pytest.raises(ValidationError):
        brief.title = "other"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"title": "   "}, "non-empty title"),
        ({"title": "x", "url": "javascript:alert(1)"}, "unsafe link"),
        ({"title": "x", "prev": {}}, "title or an href"),
        ({"title": "x", "next": {"href": " JaVaScRiPt:alert(1)"}}, "unsafe link"),
        ({"title": "x", "sections": [{"kind": "nonsense"}]}, "kind"),
    ],
)
def test_validation_errors_are_clear(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        Brief.model_validate(kwargs)


@pytest.mark.parametrize(
    "href",
    [
        "javascript:alert(1)",
        "JAVASCRIPT:x",
        " java\tscript:x",
        "vbscript:x",
        "data:text/html,x",
        "file:///etc/passwd",
        "\x01javascript:x",
        "jar:http://x",
    ],
)
def test_unsafe_link_schemes_rejected(href: str) -> None:
    with pytest.raises(ValidationError):
        Link(href=href, children=[t("x")])


@pytest.mark.parametrize(
    "href",
    [
        "https://example.test/a?b=c#d",
        "http://x.test",
        "mailto:desk@example.test",
        "/relative/path",
        "sibling.html",
        "#frag",
        "//cdn.example.test/x",
    ],
)
def test_safe_links_kept(href: str) -> None:
    assert Link(href=href, children=[t("x")]).href == href


def test_inline_canonical_form() -> None:
    content = normalize_inlines(
        [
            t("  Officials\n said "),
            Strong(children=[t(" very ")]),
            t("  clearly "),
            Emphasis(children=[]),
            Link(href="https://x.test", children=[t("here ")]),
            t("."),
        ]
    )
    assert content == (
        t("Officials said "),
        Strong(children=[t("very")]),
        t(" clearly "),
        Link(href="https://x.test", children=[t("here")]),
        t(" ."),
    )


@pytest.mark.parametrize(
    ("pieces", "expected"),
    [
        (["a ", " b", "\n\tc"], "a b c"),
        (["a", "", "b"], "ab"),
        (["  ", " "], ""),
        (["a\u00a0", "\u2003b"], "a b"),
    ],
)
def test_adjacent_text_merges_into_one_text(pieces: list[str], expected: str) -> None:
    merged = normalize_inlines([t(p) for p in pieces])
    assert merged == ((t(expected),) if expected else ())


def test_unvalidated_text_merges_as_if_one_piece_at_a_time() -> None:
    """Text built without validation may hold a character cleaning drops; merged piece by
    piece, the spaces around it collapse (joining everything first would leave two)."""
    raw = Text.model_construct(text="a \u202e ")
    assert normalize_inlines([raw, t("b")], strip=False) == (t("a b"),)
    assert normalize_inlines([raw], strip=False) == (t("a  "),)


_PIECES = st.lists(
    st.one_of(
        st.text(alphabet=" \nab\u00a0", max_size=4).map(t),
        st.text(alphabet=" a", max_size=4).map(lambda s: Strong(children=[t(s)])),
    ),
    max_size=6,
)


@given(_PIECES, st.data())
def test_normalising_is_a_left_fold(pieces: list[Inline], data: st.DataObject) -> None:
    """Normalising a prefix first and then the rest gives the same canonical form."""
    cut = data.draw(st.integers(0, len(pieces)))
    whole = normalize_inlines(pieces, strip=False)
    prefix = normalize_inlines(pieces[:cut], strip=False)
    assert normalize_inlines([*prefix, *pieces[cut:]], strip=False) == whole
    assert normalize_inlines(whole, strip=False) == whole


@given(st.lists(st.tuples(st.booleans(), st.text(alphabet=" \n\x00\u202eab", max_size=4))))
def test_a_run_of_text_is_merged_one_piece_at_a_time(pieces: list[tuple[bool, str]]) -> None:
    """Validated or not, adjacent text ends up as if each piece were appended in turn and
    the result collapsed and cleaned after every step."""
    nodes = [Text.model_construct(text=s) if raw else t(s) for raw, s in pieces]
    expected = None
    for node in nodes:
        if node.text:
            step = node.text if expected is None else expected + node.text
            expected = clean_text(collapse_space(step))
    merged = normalize_inlines(nodes, strip=False)
    assert merged == (() if expected is None else (t(expected),))


def test_equal_content_equal_briefs_whatever_the_spacing() -> None:
    a = Paragraph(content=[t("a "), Strong(children=[t("b")]), t(" c")])
    b = Paragraph(content=[t("a"), Strong(children=[t(" b ")]), t("c")])
    assert a == b


def test_text_is_cleaned_of_characters_xml_cannot_hold() -> None:
    para = Paragraph(content=[t("a\x00b\x0bc\ud800d\u202eevil\u202c")])
    assert para.text == "abcdevil"
    brief = Brief(title="Ti\x07tle")
    assert brief.title == "Title"


def test_plain_text_is_iterative() -> None:
    node: Text | Strong = t("deep")
    for _ in range(5000):
        node = Strong.model_construct(children=(node,))
    assert plain_text([node]) == "deep"


def test_heading_empty_becomes_none_and_link_title_optional() -> None:
    assert Section(heading="  ").heading is None
    assert BriefLink(href="/x").title is None


def test_nested_links_keep_their_text_not_their_target() -> None:
    outer = Link(
        href="https://a.test",
        children=[
            t("see "),
            Strong(children=[Link(href="/b", children=[t("inner")])]),
            Link(href="/c", children=[t(" more")]),
        ],
    )
    assert outer.children == (t("see "), Strong(children=[t("inner")]), t(" more"))
    assert outer.text == "see inner more"


@pytest.mark.parametrize("depth", [10, 64, 65, 1000])
def test_formatting_deeper_than_the_limit_becomes_text(depth: int) -> None:
    node: Text | Strong | Emphasis = t("core")
    for level in range(depth):
        node = Strong(children=[node]) if level % 2 else Emphasis(children=[node])
    para = Paragraph(content=[t("before "), node, t(" after")])
    assert para.text == "before core after"
    assert inline_depth(para.content) == min(depth, 64)
    brief = Brief(title="deep", sections=[Section(blocks=[para])])
    assert Brief.from_json(brief.to_json()) == brief
