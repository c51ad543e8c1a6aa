"""Places and organisations: the seed's, spec tables (aliases, demonyms, capitals,
possessives, ambiguity, phrases that are not places) and one test per row of the table."""

from __future__ import annotations

from pathlib import Path

import pytest

import briefkit
from briefkit import entities
from briefkit.passages import passages

SEED_DIR = Path(__file__).parents[2] / "shared" / "seed"
FIXTURES = Path(__file__).parent / "fixtures" / "interchange"


def _codes(text: str) -> list[tuple[str, bool]]:
    return [(e.code, e.ambiguous) for e in entities.tag_text(text)]


@pytest.mark.skipif(not SEED_DIR.is_dir(), reason="the shared seed brief is not available")
def test_the_seed_names_exactly_these() -> None:
    brief = briefkit.parse(sorted(SEED_DIR.glob("*.txt"))[0])
    found = entities.tag(brief)
    countries = {e.code for e in found if e.kind == "country"}
    organisations = {e.code for e in found if e.kind == "organisation"}
    assert countries == {"RU", "UA", "IR", "KP", "US", "GB"}
    assert organisations == {"NATO"}
    assert not any(e.ambiguous for e in found)
    texts = {p.path: p.text for p in passages(brief)}
    for entity in found:
        for mention in entity.mentions:
            assert texts[mention.path][mention.start : mention.end] == mention.text
    us = next(e for e in found if e.code == "US")
    assert {m.text for m in us.mentions} == {"U.S."}


SPEC = [
    ("U.S. and U.K. officials", [("US", False), ("GB", False)]),
    ("the United States' allies and the USA", [("US", False)]),
    ("Britain and Great Britain", [("GB", False)]),
    ("Ukraine's air defence and Ukrainians abroad", [("UA", False)]),
    ("Ukraine’s long-range missiles", [("UA", False)]),
    ("the DPRK's launches and Pyongyang's reply", [("KP", False)]),
    ("Moscow said; the Kremlin denied", [("RU", False)]),
    ("Kyiv and Tehran", [("UA", False), ("IR", False)]),
    ("pro-Russian groups and anti-NATO protests", [("RU", False), ("NATO", False)]),
    ("NATO's summit and the North Atlantic Treaty Organization", [("NATO", False)]),
    ("the EU, the UN and the IAEA", [("EU", False), ("UN", False), ("IAEA", False)]),
    ("the UN Security Council met", [("UNSC", False)]),
    ("South Korea and North Korea", [("KR", False), ("KP", False)]),
    ("Georgia's parliament", [("GE", True)]),
    ("Georgia's parliament in Tbilisi", [("GE", False)]),
    ("Jordan signed", [("JO", True)]),
    ("talks in Washington", [("US", True)]),
    ("Papua New Guinea and Equatorial Guinea", [("PG", False), ("GQ", False)]),
    ("New Mexico, New Jersey and Latin America", []),
    ("the Indian Ocean and the South China Sea", []),
    ("Native American and Latin American voters", []),
    ("us and them; the russian doll", []),
    ("iran.example.com", []),
    ("Eastern Europe and the West", []),
]


@pytest.mark.parametrize(("text", "expected"), SPEC)
def test_spec(text: str, expected: list[tuple[str, bool]]) -> None:
    assert _codes(text) == expected


def test_the_fixture_without_indicators_still_has_places() -> None:
    brief = briefkit.parse(FIXTURES / "clean-brief.txt")
    assert [e.code for e in entities.tag(brief)] == ["DE", "PL", "US", "EU"]


def _rows() -> list[tuple[str, str, str]]:
    table = entities.table()
    return sorted((kind, code, name) for (kind, code), name in table.names.items())


@pytest.mark.parametrize(("kind", "code", "name"), _rows())
def test_every_row_finds_its_name(kind: str, code: str, name: str) -> None:
    if kind == "country":
        assert len(code) == 2
        assert code.isupper()
    found = entities.tag_text(f"A statement about {name} today.")
    assert [(e.kind, e.code) for e in found] == [(kind, code)]


def test_the_table_ships_in_the_package() -> None:
    from importlib.resources import files

    assert (files("briefkit.entities") / "places.tsv").is_file()
    assert len(entities.table().names) > 250
