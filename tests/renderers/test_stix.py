"""STIX 2.1 output, read back by the stix2 library: ids, markings, places, indicators."""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

import pytest
import stix2
from stix2.canonicalization.Canonicalize import canonicalize

import briefkit
from briefkit.markings import parse_marking
from briefkit.renderers.stix import render_stix

ROOT = Path(__file__).parents[2]
SEED_DIR = ROOT.parent / "shared" / "seed"
FIXTURES = ROOT / "tests" / "fixtures" / "interchange"
EXAMPLES = ROOT / "examples" / "briefs"
BRIEFS = sorted(FIXTURES.iterdir()) + sorted(EXAMPLES.iterdir())


def _seed() -> briefkit.Brief:
    if not SEED_DIR.is_dir():
        pytest.skip("the shared seed brief is not available")
    return briefkit.parse(sorted(SEED_DIR.glob("*.txt"))[0])


def _objects(bundle: str, kind: str) -> list[dict[str, Any]]:
    return [o for o in json.loads(bundle)["objects"] if o["type"] == kind]


def _opencti_report_id(name: str, published: str) -> str:
    data = canonicalize({"name": name.lower().strip(), "published": published}, utf8=False)
    return "report--" + str(uuid.uuid5(uuid.UUID("00abedb4-aa42-466c-9c01-fed23315a9b7"), data))


@pytest.mark.parametrize("path", BRIEFS, ids=lambda p: p.name)
def test_every_fixture_and_example_is_a_bundle_stix2_accepts(path: Path) -> None:
    brief = briefkit.parse(path)
    bundle = briefkit.render(brief, "stix", published="2024-01-15", publisher="Example Desk")
    parsed = stix2.parse(bundle, allow_custom=True)
    report = next(o for o in parsed.objects if o.type == "report")
    assert report.name == brief.title
    assert report.object_refs
    ids = {o.id for o in parsed.objects}
    assert set(report.object_refs) <= ids
    published = _objects(bundle, "report")[0]["published"]
    assert report.id == _opencti_report_id(report.name, published)


def test_the_seed_bundle() -> None:
    brief = _seed()
    with pytest.raises(briefkit.RenderError, match="publication date"):
        briefkit.render(brief, "stix")
    bundle = briefkit.render(brief, "stix", published="2024-09-13")
    assert bundle == briefkit.render(brief, "stix", published="2024-09-13")  # byte-identical
    parsed = stix2.parse(bundle, allow_custom=True)
    report = next(o for o in parsed.objects if o.type == "report")
    assert report.id == _opencti_report_id(brief.title, "2024-09-13T00:00:00.000Z")
    assert report.description.startswith("Vladimir Putin")
    locations = {o.country for o in parsed.objects if o.type == "location"}
    assert locations == {"RU", "UA", "IR", "KP", "US", "GB"}
    identities = {o.name for o in parsed.objects if o.type == "identity"}
    assert identities == {"North Atlantic Treaty Organization"}
    assert not [o for o in parsed.objects if o.type == "indicator"]
    assert "<article" in report.x_opencti_content


@pytest.mark.parametrize(
    "label", ["TLP:CLEAR", "TLP:GREEN", "TLP:AMBER", "TLP:AMBER+STRICT", "TLP:RED"]
)
def test_every_tlp_label_becomes_its_official_definition(label: str) -> None:
    brief = briefkit.parse(FIXTURES / "loader-campaign.md").model_copy(update={"marking": label})
    bundle = render_stix(brief)
    stix2.parse(bundle, allow_custom=True)
    marking = parse_marking(label)
    assert marking is not None
    definitions = _objects(bundle, "marking-definition")
    assert definitions == [marking.stix_definition]
    ext = definitions[0]["extensions"]["extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d"]
    assert ext == {"extension_type": "property-extension", "tlp_2_0": label[4:].lower()}
    assert definitions[0]["created"] == "2022-10-01T00:00:00.000Z"
    for obj in json.loads(bundle)["objects"]:
        if obj["type"] not in ("marking-definition", "identity") or obj.get("created_by_ref"):
            assert obj["object_marking_refs"] == [marking.stix_id], obj["type"]


def test_tlp_white_is_written_as_clear_and_other_markings_as_statements() -> None:
    brief = briefkit.parse(FIXTURES / "phishing-kit.txt")
    white = _objects(
        render_stix(brief.model_copy(update={"marking": "TLP:WHITE"})), "marking-definition"
    )
    assert white[0]["id"] == "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487"
    other = render_stix(brief.model_copy(update={"marking": "Internal use only"}))
    stix2.parse(other, allow_custom=True)
    (statement,) = _objects(other, "marking-definition")
    assert statement["definition"] == {"statement": "Internal use only"}


def test_indicators_get_patterns_stix2_validates() -> None:
    brief = briefkit.parse(FIXTURES / "loader-campaign.md")
    bundle = render_stix(brief)
    parsed = stix2.parse(bundle, allow_custom=True)
    patterns = {o.pattern for o in parsed.objects if o.type == "indicator"}
    assert patterns == {
        "[url:value = 'https://browser-update-check.com/chrome/update.php']",
        "[url:value = 'http://185.220.101.47/gate/a.bin']",
        "[domain-name:value = 'cdn-telemetry.net']",
        "[file:hashes.'SHA-256' = "
        "'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855']",
        "[file:hashes.MD5 = '44d88612fea8a8f36de82e1278abb02f']",
        "[email-addr:value = 'billing@nordic-invoices.eu']",
    }
    (vulnerability,) = [o for o in parsed.objects if o.type == "vulnerability"]
    assert vulnerability.name == "CVE-2023-4966"
    report = next(o for o in parsed.objects if o.type == "report")
    assert report.confidence == 50  # "with moderate confidence"
    assert report.lang == "en"
    assert report.labels == ["loader", "energy", "phishing"]
    assert report.external_references[0].url == brief.url
    creator = next(o for o in parsed.objects if o.id == report.created_by_ref)
    assert creator.name == "North Sea Threat Desk"
    # the brief's own site is not an indicator, and the HTML body has no live indicator link
    assert not any("desk.example.org" in p for p in patterns)
    assert 'href="http://185.220.101.47' not in report.x_opencti_content


def test_stated_confidence_levels() -> None:
    brief = briefkit.parse(FIXTURES / "phishing-kit.txt")
    report = _objects(render_stix(brief), "report")[0]
    assert report["confidence"] == 85  # "Confidence level: High"
    low = brief.model_copy(update={"title": "x"})
    bundle = render_stix(low, confidence=15)
    assert _objects(bundle, "report")[0]["confidence"] == 15
    with pytest.raises(briefkit.RenderError, match="confidence"):
        render_stix(brief, confidence=101)


def test_a_brief_naming_nothing_refers_to_a_note_with_its_text() -> None:
    brief = briefkit.parse(EXAMPLES / "fertiliser-chokepoints.md")
    bundle = render_stix(brief, published="2024-01-01")
    parsed = stix2.parse(bundle, allow_custom=True)
    (report,) = [o for o in parsed.objects if o.type == "report"]
    (note,) = [o for o in parsed.objects if o.type == "note"]
    assert report.object_refs == [note.id]
    assert note.object_refs == [report.id]
    assert "Concentrated Exporters" in note.content
    assert "created_by_ref" not in report  # no publisher, author or URL to name
    named = render_stix(brief, published="2024-01-01", publisher="Desk")
    assert _objects(named, "identity")[0]["name"] == "Desk"


def test_cli_writes_stix_json_by_extension(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from briefkit.cli import main

    out = tmp_path / "loader.stix.json"
    result = CliRunner().invoke(
        main, ["convert", str(FIXTURES / "loader-campaign.md"), "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    stix2.parse(out.read_text(encoding="utf-8"), allow_custom=True)
    undated = CliRunner().invoke(
        main, ["convert", str(FIXTURES / "clean-brief.txt"), "-o", str(tmp_path / "c.stix.json")]
    )
    assert undated.exit_code == 1
    assert "published=" in undated.output
    dated = CliRunner().invoke(
        main,
        ["convert", str(FIXTURES / "clean-brief.txt"), "-t", "stix", "--published", "2024-09-13"],
    )
    assert dated.exit_code == 0
    assert '"type": "bundle"' in dated.output
