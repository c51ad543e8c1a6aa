"""STIX 2.1 in: reports back to briefs (title, date, marking, body), detection and errors."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import stix2

import briefkit
from briefkit.model import SectionKind
from briefkit.parsers.stix import parse_stix, parse_stix_reports

FIXTURES = Path(__file__).parents[1] / "fixtures" / "interchange"


@pytest.mark.parametrize("name", ["loader-campaign.md", "phishing-kit.txt"])
def test_round_trip_keeps_title_date_marking_and_body(name: str) -> None:
    brief = briefkit.parse(FIXTURES / name)
    back = briefkit.parse(briefkit.render(brief, "stix"), format="stix")
    assert back.title == brief.title
    assert back.published == brief.published
    assert back.marking == brief.marking
    assert back.language == brief.language
    assert back.url == brief.url
    assert back.tags == brief.tags
    assert [s.kind for s in back.sections] == [s.kind for s in brief.sections]
    assert back.evidence[0].lead == brief.evidence[0].lead


def test_a_bundle_built_with_stix2_and_tlp_1_markings() -> None:
    author = stix2.Identity(name="Harbour CERT", identity_class="organization")
    place = stix2.Location(country="NO")
    report = stix2.Report(
        name="Port Systems Probed",
        published="2024-03-04T10:30:00Z",
        description="Scanning of port systems rose.\n\nNo intrusion was confirmed.",
        object_refs=[place.id],
        created_by_ref=author.id,
        object_marking_refs=[stix2.TLP_GREEN, stix2.TLP_RED],
        labels=["ports"],
        external_references=[{"source_name": "cert", "url": "https://cert.example.org/p"}],
    )
    bundle = stix2.Bundle(author, place, report, stix2.TLP_GREEN, stix2.TLP_RED)
    brief = parse_stix(bundle.serialize())
    assert brief.title == "Port Systems Probed"
    assert brief.published == dt.datetime(2024, 3, 4, 10, 30, tzinfo=dt.UTC)
    assert brief.marking == "TLP:RED"  # the most restrictive
    assert brief.publisher == "Harbour CERT"
    assert brief.url == "https://cert.example.org/p"
    assert brief.judgement is not None
    assert [p.text for p in brief.judgement.paragraphs] == [
        "Scanning of port systems rose.",
        "No intrusion was confirmed.",
    ]


def _bundle(*objects: dict[str, object]) -> str:
    return json.dumps({"type": "bundle", "id": "bundle--1", "objects": list(objects)})


def test_every_report_and_choosing_one() -> None:
    one = {
        "type": "report",
        "id": "report--a",
        "name": "First",
        "published": "2024-01-01T00:00:00Z",
    }
    two = {
        "type": "report",
        "id": "report--b",
        "name": "Second",
        "published": "2024-01-02T00:00:00Z",
    }
    data = _bundle(one, two)
    assert [b.title for b in parse_stix_reports(data)] == ["First", "Second"]
    assert parse_stix(data).title == "First"
    assert parse_stix(data, report="report--b").published == dt.date(2024, 1, 2)
    assert briefkit.parse(data, format="stix", report="Second").title == "Second"


def test_detection_by_content_and_extension(tmp_path: Path) -> None:
    data = briefkit.render(briefkit.parse(FIXTURES / "phishing-kit.txt"), "stix")
    assert briefkit.parse(data).title.startswith("Phishing Kit")
    for name in ("x.stix.json", "x.json"):
        path = tmp_path / name
        path.write_text(data, encoding="utf-8")
        assert briefkit.parse(path).marking == "TLP:GREEN"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("{not json", "not JSON"),
        ('{"type": "indicator"}', "not a STIX bundle"),
        (_bundle({"type": "identity", "id": "identity--1", "name": "x"}), "no report"),
        (_bundle({"type": "report", "id": "report--1"}), "needs a name"),
        (_bundle({"type": "report", "name": "x", "published": "yesterday"}), "timestamp"),
    ],
)
def test_bad_bundles_are_parse_errors(data: str, message: str) -> None:
    with pytest.raises(briefkit.ParseError, match=message):
        briefkit.parse(data, format="stix")


def test_content_without_a_judgement_gets_the_description() -> None:
    report = {
        "type": "report",
        "name": "Body Only",
        "published": "2024-01-01T00:00:00Z",
        "description": "The bottom line.",
        "x_opencti_content": "<h2>Analysis</h2><p>Ships were delayed.</p>",
    }
    brief = parse_stix(_bundle(report))
    assert brief.sections[0].kind is SectionKind.JUDGEMENT
    assert brief.sections[0].text == "The bottom line."
    assert "Ships were delayed." in brief.sections[-1].text
