"""TLP 2.0 and PAP markings: the table, the written-form checks, the governing label."""

from __future__ import annotations

import pytest

from briefkit.markings import (
    TLP_EXTENSION_ID,
    marking_for_stix_id,
    most_restrictive,
    parse_marking,
    parse_markings,
)

_ID = "marking-definition--"
OFFICIAL = [
    (
        "TLP:CLEAR",
        "#FFFFFF",
        _ID + "94868c89-83c2-464b-929b-a1a8aa3c8487",
        "tlp:clear",
    ),
    (
        "TLP:GREEN",
        "#33FF00",
        _ID + "bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
        "tlp:green",
    ),
    (
        "TLP:AMBER",
        "#FFC000",
        _ID + "55d920b0-5e8b-4f79-9ee9-91f868d9b421",
        "tlp:amber",
    ),
    (
        "TLP:AMBER+STRICT",
        "#FFC000",
        _ID + "939a9414-2ddd-4d32-a0cd-375ea402b003",
        "tlp:amber+strict",
    ),
    ("TLP:RED", "#FF2B2B", _ID + "e828b379-4e03-4974-9ac4-e53a884c97c1", "tlp:red"),
]


@pytest.mark.parametrize(("label", "colour", "stix_id", "tag"), OFFICIAL)
def test_every_tlp_label_maps_to_its_official_facts(
    label: str, colour: str, stix_id: str, tag: str
) -> None:
    marking = parse_marking(label)
    assert marking is not None
    assert marking.valid
    assert marking.label == label
    assert marking.colour == colour
    assert marking.stix_id == stix_id
    assert marking.misp_tag == tag
    assert marking.problems == ()


def test_extension_id_is_the_oasis_one() -> None:
    assert TLP_EXTENSION_ID == "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d"


@pytest.mark.parametrize(
    ("written", "label", "problem"),
    [
        ("tlp:amber", "TLP:AMBER", "capitals"),
        ("TLP: AMBER", "TLP:AMBER", "spaces"),
        ("TLP:AMBER + STRICT", "TLP:AMBER+STRICT", "spaces"),
        ("TLP:WHITE", "TLP:CLEAR", "TLP 1.0"),
        ("TLP GREEN", "TLP:GREEN", "colon"),
    ],
)
def test_miswritten_labels_are_recognised_and_reported(
    written: str, label: str, problem: str
) -> None:
    marking = parse_marking(written)
    assert marking is not None
    assert marking.valid
    assert marking.label == label
    assert any(problem in p for p in marking.problems)


@pytest.mark.parametrize("written", ["TLP:EX:CHR", "TLP:ORANGE", "PAP:BLUE"])
def test_labels_outside_the_standard_are_invalid(written: str) -> None:
    marking = parse_marking(written)
    assert marking is not None
    assert not marking.valid
    assert marking.colour is None
    assert marking.stix_id is None
    assert marking.misp_tag is None
    assert marking.problems


@pytest.mark.parametrize("text", ["", "no marking here", "a pap smear", "the TLPS unit"])
def test_text_without_a_label_gives_none(text: str) -> None:
    assert parse_marking(text) is None


def test_several_markings_in_one_line() -> None:
    markings = parse_markings("Distribution: TLP:AMBER PAP:GREEN")
    assert [m.label for m in markings] == ["TLP:AMBER", "PAP:GREEN"]
    assert markings[1].misp_tag == "PAP:GREEN"
    assert markings[1].stix_id is None
    assert parse_marking("PAP:RED, TLP:GREEN").label == "TLP:GREEN"  # type: ignore[union-attr]


def test_most_restrictive_governs_a_compilation() -> None:
    governing = most_restrictive(["TLP:GREEN", None, "TLP:AMBER+STRICT", "TLP:AMBER", "TLP:EX:CHR"])
    assert governing is not None
    assert governing.label == "TLP:AMBER+STRICT"
    assert most_restrictive(["TLP:CLEAR", "TLP:WHITE"]).label == "TLP:CLEAR"  # type: ignore[union-attr]
    assert most_restrictive(["PAP:RED", "nothing"]) is None
    assert most_restrictive([]) is None


@pytest.mark.parametrize(("label", "colour", "stix_id", "tag"), OFFICIAL)
def test_stix_definitions_and_the_reverse_lookup(
    label: str, colour: str, stix_id: str, tag: str
) -> None:
    marking = parse_marking(label)
    assert marking is not None
    definition = marking.stix_definition
    assert definition is not None
    assert definition["id"] == stix_id
    assert definition["created"] == "2022-10-01T00:00:00.000Z"
    assert definition["extensions"] == {
        TLP_EXTENSION_ID: {"extension_type": "property-extension", "tlp_2_0": label[4:].lower()}
    }
    back = marking_for_stix_id(stix_id)
    assert back is not None
    assert back.label == label
    assert marking_for_stix_id("marking-definition--00000000-0000-0000-0000-000000000000") is None
    pap = parse_marking("PAP:GREEN")
    assert pap is not None
    assert pap.stix_definition is None
