"""Indicators: extraction spec tables, defang/refang tables with the prose traps, idempotence,
locations, and the defang step renderers apply."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import briefkit
from briefkit import ioc
from briefkit.model import Brief, BriefLink, Link, Paragraph, Section, SectionKind, Strong, Text
from briefkit.passages import passages

FIXTURES = Path(__file__).parent / "fixtures" / "interchange"

EXTRACT = [
    ("see http://evil.example.com/a.php?x=1.", [("url", "http://evil.example.com/a.php?x=1")]),
    ("hxxps://browser-update[.]com/u.php", [("url", "https://browser-update.com/u.php")]),
    ("hXXp://Bad-Host[.]NET/Path", [("url", "http://bad-host.net/Path")]),
    ("http[:]//bad.org and hxxps[://]x.io", [("url", "http://bad.org"), ("url", "https://x.io")]),
    ("(at https://a.example.com/x_(y))", [("url", "https://a.example.com/x_(y)")]),
    ("cdn-telemetry[.]net", [("domain", "cdn-telemetry.net")]),
    ("evil(.)com or evil[dot]com", [("domain", "evil.com")]),
    ("Booking.com said", [("domain", "booking.com")]),
    ("WWW.EVIL.COM", [("domain", "www.evil.com")]),
    ("report[.]zip", [("domain", "report.zip")]),
    ("185.220.101.4", [("ipv4", "185.220.101.4")]),
    ("185.220.101[.]4", [("ipv4", "185.220.101.4")]),
    ("2001:db8::1", [("ipv6", "2001:db8::1")]),
    ("2a03:2880:f10c:83:face:b00c:0:25de", [("ipv6", "2a03:2880:f10c:83:face:b00c:0:25de")]),
    ("mail billing[@]nordic-invoices[.]eu", [("email", "billing@nordic-invoices.eu")]),
    ("Bob.Smith@Example.COM", [("email", "bob.smith@example.com")]),
    ("d41d8cd98f00b204e9800998ecf8427e", [("md5", "d41d8cd98f00b204e9800998ecf8427e")]),
    (
        "DA39A3EE5E6B4B0D3255BFEF95601890AFD80709",
        [("sha1", "da39a3ee5e6b4b0d3255bfef95601890afd80709")],
    ),
    (
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        [("sha256", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")],
    ),
    ("cve-2024-3400 and CVE-2023-44487", [("cve", "CVE-2024-3400"), ("cve", "CVE-2023-44487")]),
]

#: Prose that looks a little like indicators and must never be found, defanged or refanged.
TRAPS = [
    "As U.S. and U.K. officials, including Antony Blinken, signal a shift in policy.",
    "the US DOT issued guidance",
    "The rules were published on 13.09.2024 and revised on 01.02.03.04.",
    "Version 1.2.3.4 of the toolkit; Chrome 120.0.6099.109; v10.0.19041.1",
    "Install setup.py, read notes.md, run main.rs; the report.pdf is attached.",
    "Officials met in Kyiv.In the morning they flew to Moscow. ASP.NET and Node.js too.",
    "e.g. this, i.e. that, No. 5, St. Petersburg, 3.14 per cent, 1.5bn dollars.",
    "At 12:30:45 or 10::30 the std::string was reset; see [.] above; meet [at] noon.",
    "https://example.test/x and mailto:desk@example.test and http://localhost:8080/",
    "a hash-like 12345678901234567890123456789012 and abcdefabcdefabcdefabcdefabcdefab",
    "The B52 bomber; the A1 road; Section 3(b)(ii).",
]

DEFANG = [
    ("http://evil.example.com/a.php", "hxxp://evil[.]example[.]com/a.php"),
    ("https://evil.co.uk/", "hxxps://evil[.]co[.]uk/"),
    ("ftp://files.evil.net/x", "fxp://files[.]evil[.]net/x"),
    ("evil.co.uk", "evil[.]co[.]uk"),
    ("185.220.101.4", "185[.]220[.]101[.]4"),
    ("2001:db8::1", "2001[:]db8[:][:]1"),
    ("bob@evil.com", "bob[@]evil[.]com"),
    ("d41d8cd98f00b204e9800998ecf8427e", "d41d8cd98f00b204e9800998ecf8427e"),
    ("CVE-2024-3400", "CVE-2024-3400"),
    (
        "C2 at 185.220.101.4, payload http://x.io/a.",
        "C2 at 185[.]220[.]101[.]4, payload hxxp://x[.]io/a.",
    ),
]

REFANG = [
    ("hxxp://evil[.]example[.]com/a.php", "http://evil.example.com/a.php"),
    ("hXXps://evil[.]com", "https://evil.com"),
    ("evil(.)com", "evil.com"),
    ("evil[dot]com", "evil.com"),
    ("evil{.}com", "evil.com"),
    ("http[:]//evil.com", "http://evil.com"),
    ("hxxps[://]evil.com", "https://evil.com"),
    ("bob[@]evil[.]com", "bob@evil.com"),
    ("bob(at)evil(.)com", "bob@evil.com"),
    ("1.2.3[.]4", "1.2.3.4"),
    ("2001[:]db8[:][:]1", "2001:db8::1"),
    ("U.S. and U.K. officials saw evil[.]com", "U.S. and U.K. officials saw evil.com"),
]


def _found(text: str) -> list[tuple[str, str]]:
    return [(i.type, i.value) for i in ioc.extract_text(text)]


@pytest.mark.parametrize(("text", "expected"), EXTRACT)
def test_extraction_spec(text: str, expected: list[tuple[str, str]]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize("text", TRAPS)
def test_prose_traps_are_never_indicators(text: str) -> None:
    assert _found(text) == []
    assert ioc.defang(text) == text
    assert ioc.refang(text) == text


@pytest.mark.parametrize(("value", "defanged"), DEFANG)
def test_defang_spec(value: str, defanged: str) -> None:
    assert ioc.defang(value) == defanged
    assert ioc.defang(defanged) == defanged  # idempotent
    assert ioc.refang(defanged) == value


@pytest.mark.parametrize(("defanged", "value"), REFANG)
def test_refang_spec(defanged: str, value: str) -> None:
    assert ioc.refang(defanged) == value
    assert ioc.refang(value) == value  # idempotent


def test_defanging_every_dot_leaves_no_live_host() -> None:
    # a library that defangs one dot only leaves "evil.co[.]uk": still a host under co.uk
    assert "." not in ioc.defang("evil.co.uk").replace("[.]", "")


_PIECES = st.sampled_from(
    [
        "http://evil.example.com/a.php",
        "hxxps://x[.]io/p",
        "evil.co.uk",
        "185.220.101.4",
        "1.2.3[.]4",
        "bob@evil.com",
        "bob[@]evil[.]com",
        "2001:db8::1",
        "U.S.",
        "U.K. officials",
        "13.09.2024",
        "version 1.2.3.4",
        "the US DOT",
        "setup.py",
        "d41d8cd98f00b204e9800998ecf8427e",
        "CVE-2024-3400",
        "(see",
        "here).",
        ",",
        "and",
    ]
)


@given(st.lists(_PIECES, max_size=12).map(" ".join))
def test_defang_and_refang_are_idempotent_and_inverse(text: str) -> None:
    defanged = ioc.defang(text)
    assert ioc.defang(defanged) == defanged
    refanged = ioc.refang(text)
    assert ioc.refang(refanged) == refanged
    assert ioc.refang(defanged) == refanged
    assert [(i.type, i.value) for i in ioc.extract_text(defanged)] == _found(text)


def test_locations_point_at_the_written_token() -> None:
    brief = briefkit.parse(FIXTURES / "loader-campaign.md")
    texts = {p.path: p.text for p in passages(brief)}
    found = ioc.extract(brief)
    assert found
    for indicator in found:
        for where in indicator.locations:
            written = texts[where.path][where.start : where.end]
            assert ioc.refang(written).lower().startswith(indicator.value.lower()[:8])
    by_value = {i.value: i for i in found}
    email = by_value["billing@nordic-invoices.eu"]
    assert email.written == "billing[@]nordic-invoices[.]eu"
    assert email.was_defanged
    assert email.locations[0].section == "Supporting Evidence"
    assert "https://research.example.com/posts/baltic-loader" not in by_value  # a citation
    assert not any("2.4.1.7" in v for v in by_value)  # a version number


def _brief(*content: object, url: str | None = "https://desk.example.org/briefs/x") -> Brief:
    return Brief(
        title="Test",
        url=url,
        sections=(
            Section(
                kind=SectionKind.EVIDENCE,
                heading="Evidence",
                blocks=(Paragraph(content=tuple(content)),),  # type: ignore[arg-type]
            ),
        ),
        prev=BriefLink(title="Before", href="https://desk.example.org/briefs/before"),
        next=BriefLink(title="After", href="https://other.example.net/after"),
    )


def _link(href: str, text: str) -> Link:
    return Link(href=href, children=(Text(text=text),))


MIXED = _brief(
    Text(text="The loader fetched "),
    _link("http://update-check.net/a.exe", "http://update-check.net/a.exe"),
    Text(text=", then "),
    _link("http://185.220.101.4/gate", "the gate"),
    Text(text=" and "),
    Strong(children=(_link("https://cdn-telemetry.net/", "cdn-telemetry.net"),)),
    Text(text="; "),
    _link("https://news.example.com/story", "Reuters reported"),
    Text(text=", "),
    _link("https://desk.example.org/briefs/y", "our earlier brief"),
    Text(text=" and "),
    _link("https://partner.example.net/feed", "the partner feed"),
    Text(text=" at partner.example.net."),
)


def _links(brief: Brief) -> list[str]:
    found: list[str] = []
    stack: list[object] = [n for s in brief.sections for b in s.blocks for n in b.content]  # type: ignore[union-attr]
    while stack:
        node = stack.pop()
        if isinstance(node, Link):
            found.append(node.href)
        if hasattr(node, "children"):
            stack.extend(node.children)
    return sorted(found)


def test_auto_unlinks_indicators_and_keeps_citations_and_own_site() -> None:
    out = ioc.defang_brief(MIXED)
    assert _links(out) == [
        "https://desk.example.org/briefs/y",
        "https://news.example.com/story",
    ]
    text = out.sections[0].blocks[0].text  # type: ignore[union-attr]
    assert "hxxp://update-check[.]net/a.exe" in text
    assert "the gate (hxxp://185[.]220[.]101[.]4/gate)" in text
    assert "cdn-telemetry[.]net" in text
    assert "(hxxps" not in text.split("Reuters")[0][-40:]
    assert "partner[.]example[.]net." in text
    assert out.prev == MIXED.prev
    assert out.next == MIXED.next


def test_the_live_list_keeps_hosts_and_prefixes() -> None:
    out = ioc.defang_brief(MIXED, live=["partner.example.net", "http://185.220.101.4/gate"])
    assert "https://partner.example.net/feed" in _links(out)
    assert "http://185.220.101.4/gate" in _links(out)
    assert "partner.example.net." in out.sections[0].blocks[0].text  # type: ignore[union-attr]


def test_all_unlinks_every_absolute_link_and_off_changes_nothing() -> None:
    out = ioc.defang_brief(MIXED, "all")
    assert _links(out) == []
    text = out.sections[0].blocks[0].text  # type: ignore[union-attr]
    assert "Reuters reported (hxxps://news[.]example[.]com/story)" in text
    assert out.prev is not None
    assert out.prev.href is None
    assert out.prev.title == "Before"
    assert ioc.defang_brief(MIXED, "off") is MIXED
    assert ioc.defang_brief(out, "all") == out  # idempotent


def test_a_brief_without_indicators_is_returned_as_it_is() -> None:
    brief = briefkit.parse(FIXTURES / "clean-brief.txt")
    assert ioc.defang_brief(brief) is brief
    assert ioc.extract(brief) == ()


def test_an_unknown_mode_is_a_render_error() -> None:
    with pytest.raises(briefkit.RenderError, match="defang"):
        ioc.defang_brief(MIXED, "some")
