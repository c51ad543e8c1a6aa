"""MISP output, read back by PyMISP's MISPEvent: fields, tags, attributes, the report."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pymisp
import pytest

import briefkit
from briefkit.renderers.misp import render_misp

ROOT = Path(__file__).parents[2]
SEED_DIR = ROOT.parent / "shared" / "seed"
FIXTURES = ROOT / "tests" / "fixtures" / "interchange"
EXAMPLES = ROOT / "examples" / "briefs"
BRIEFS = sorted(FIXTURES.iterdir()) + sorted(EXAMPLES.iterdir())
if SEED_DIR.is_dir():
    BRIEFS += sorted(SEED_DIR.glob("*.txt"))


def _event(text: str) -> Any:
    event = pymisp.MISPEvent()
    event.load(text)
    return event


@pytest.mark.parametrize("path", BRIEFS, ids=lambda p: p.name)
def test_every_fixture_and_example_is_an_event_pymisp_reads(path: Path) -> None:
    brief = briefkit.parse(path)
    text = briefkit.render(brief, "misp", published="2024-01-15")
    assert text == briefkit.render(brief, "misp", published="2024-01-15")
    event = _event(text)
    assert event.info == brief.title[:256]
    assert "\n" not in event.info
    assert event.date.isoformat() == (
        str(brief.published)[:10] if brief.published else "2024-01-15"
    )
    assert len(event.event_reports) == 1
    assert event.event_reports[0].content.startswith("---\n")  # the brief's Markdown
    raw = json.loads(text)["Event"]
    for key in ("info", "date", "threat_level_id", "analysis", "distribution"):
        assert isinstance(raw[key], str)


def test_tags_attributes_and_distribution() -> None:
    brief = briefkit.parse(FIXTURES / "loader-campaign.md")
    event = _event(render_misp(brief))
    tags = [t.name for t in event.tags]
    assert tags[0] == "tlp:amber"
    assert 'admiralty-scale:source-reliability="c"' in tags
    assert 'admiralty-scale:information-credibility="3"' in tags
    assert 'admiralty-scale:source-reliability="b"' in tags
    assert 'misp-galaxy:country="estonia"' in tags
    assert event.distribution == 1  # AMBER: this community only
    attributes = {(a.type, a.value, a.to_ids) for a in event.attributes}
    assert attributes == {
        ("url", "https://browser-update-check.com/chrome/update.php", True),
        ("url", "http://185.220.101.47/gate/a.bin", True),
        ("domain", "cdn-telemetry.net", True),
        ("sha256", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", True),
        ("md5", "44d88612fea8a8f36de82e1278abb02f", True),
        ("vulnerability", "CVE-2023-4966", False),
        ("email-src", "billing@nordic-invoices.eu", True),
        ("link", "https://desk.example.org/briefs/fake-update-loader", False),
    }
    report = event.event_reports[0].content
    assert "](http://185.220.101.47" not in report  # no live Markdown link to the indicator
    item = briefkit.parse_markdown(report).evidence[1]
    assert "hxxp://185[.]220[.]101[.]47/gate/a.bin" in item.text


@pytest.mark.parametrize(
    ("marking", "distribution"),
    [
        ("TLP:CLEAR", 3),
        ("TLP:GREEN", 2),
        ("TLP:AMBER", 1),
        ("TLP:AMBER+STRICT", 1),
        ("TLP:RED", 0),
        (None, 0),
    ],
)
def test_distribution_follows_the_marking(marking: str | None, distribution: int) -> None:
    brief = briefkit.parse(FIXTURES / "phishing-kit.txt").model_copy(update={"marking": marking})
    event = _event(render_misp(brief))
    assert event.distribution == distribution
    assert [t.name for t in event.tags if t.name.startswith("tlp:")] == (
        [marking.lower()] if marking else []
    )


def test_long_titles_options_and_errors() -> None:
    brief = briefkit.parse(FIXTURES / "phishing-kit.txt")
    long = brief.model_copy(update={"title": "word " * 80})
    info = _event(render_misp(long)).info
    assert len(info) <= 256
    assert info.endswith("…")
    event = _event(render_misp(brief, threat_level=1, analysis=0, distribution=3))
    assert (event.threat_level_id, event.analysis, event.distribution) == (1, 0, 3)
    with pytest.raises(briefkit.RenderError, match="threat_level"):
        render_misp(brief, threat_level=7)
    undated = brief.model_copy(update={"published": None})
    with pytest.raises(briefkit.RenderError, match="publication date"):
        render_misp(undated)
