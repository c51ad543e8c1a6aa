"""HTML parser on real-page shapes: golden pages, structure, lead-ins, links, title, metadata,
navigation and content finding."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import briefkit
from briefkit import Brief, BriefLink, SectionKind, parse_html
from briefkit.model import (
    Emphasis,
    Figure,
    ItemList,
    Link,
    Paragraph,
    Quote,
    Strong,
    Table,
    Text,
)

FIXTURES = Path(__file__).parents[2] / "fixtures" / "html"
SHARED = Path(__file__).parents[4] / "shared" / "samples"
K = SectionKind
PAGES = sorted(p for p in FIXTURES.iterdir() if p.suffix in (".html", ".xhtml"))


def outline(brief: Brief) -> list[tuple[str, str | None, list[str]]]:
    """(kind, heading, block summaries): ``p:text``, ``q:text``, ``ol:lead|body`` ..."""
    out = []
    for section in brief.sections:
        blocks = []
        for block in section.blocks:
            if isinstance(block, ItemList):
                tag = "ol" if block.ordered else "ul"
                blocks.extend(f"{tag}:{i.lead}|{i.text}" for i in block.items)
            elif isinstance(block, Table):
                blocks.append(f"table:{block.text}")
            elif isinstance(block, Figure):
                blocks.append(f"fig:{block.src}|{block.text}")
            else:
                blocks.append(f"{'q' if isinstance(block, Quote) else 'p'}:{block.text}")
        out.append((section.kind.value, section.heading, blocks))
    return out


def page(body: str, head: str = "", lang: str = "en") -> str:
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">{head}</head>'
        f"<body>{body}</body></html>"
    )


def article(content: str, head: str = "") -> str:
    return page(f"<article><h1>Test Brief</h1>{content}</article>", head)


# --- golden pages -----------------------------------------------------------------------


def test_every_fixture_has_its_expected_brief() -> None:
    assert len(PAGES) >= 8
    for path in PAGES:
        assert path.with_name(path.stem + ".expected.json").is_file(), path.name


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_golden_page(path: Path) -> None:
    expected = Brief.from_json(path.with_name(path.stem + ".expected.json").read_bytes())
    assert parse_html(path.read_bytes()) == expected
    assert parse_html(path.read_text(encoding="utf-8")) == expected
    assert briefkit.parse(path) == expected  # routed by extension


def test_squarespace_item_with_h3_headings() -> None:
    brief = parse_html((FIXTURES / "squarespace-h3.html").read_bytes())
    assert [(s.kind, s.heading) for s in brief.sections] == [
        (K.JUDGEMENT, "Analytic Judgement"),
        (K.EVIDENCE, "Supporting Evidence"),
        (K.IMPLICATIONS, "Implications"),
    ]
    assert [i.lead for i in brief.evidence] == [
        "Reservoir Levels",
        "Thermal Backup",
        "Import Limits",
    ]
    link = brief.evidence[0].body[1]
    assert link == Link(
        href="https://meridian.example/data/reservoir-watch",
        children=(Text(text="the desk's reservoir tracker"),),
    )
    assert brief.authors == ("Tomás Ibarra",)  # not the site, which files itself as author
    assert brief.publisher == "MERIDIAN RISK DESK"
    assert brief.tags == ("energy", "climate-risk", "latin-america")  # class order kept
    assert brief.category == "Americas"  # the category link's text beats the class slug
    assert brief.published == dt.datetime(2025, 3, 4, 12, 30, tzinfo=dt.UTC)
    assert brief.prev == BriefLink(
        title="Caspian Gas Swap Deal Tests Sanctions Enforcement",
        href="https://meridian.example/briefs/caspian-gas-swap-deal",
    )
    text = brief.to_json()
    for chrome in ("Comments", "Stay Informed", "Methodology", "Previous", "3/4/25"):
        assert chrome not in text


def test_squarespace_item_with_paragraph_headings() -> None:
    brief = parse_html((FIXTURES / "squarespace-pstrong.html").read_bytes())
    assert outline(brief) == [
        (
            "judgement",
            "Key Judgement",
            [
                "p:A coordinated strike by dock workers in Rotterdam, Antwerp and Hamburg will "
                "probably last into next month, because the unions have built strike funds and "
                "the port operators have not moved on pay."
            ],
        ),
        (
            "evidence",
            "Evidence",
            [
                "ul:Union Funds|The largest union voted to release its reserve fund, enough to "
                "pay members for several weeks.",
                "ul:Operator Position|Terminal owners have repeated that automation plans are "
                "not negotiable.",
                "ul:|Container dwell times at the three ports have doubled since the first "
                "stoppage.",
                "fig:https://meridian.example/img/cranes.jpg|Idle cranes",  # an image block
            ],
        ),
        (
            "implications",
            "Implications",
            [
                "p:Shippers will divert cargo to French and Polish ports where possible. "
                "Retailers relying on just-in-time deliveries face empty shelves for some "
                "imported goods.",
                "p:A settlement would still leave a backlog that takes weeks to clear.",
            ],
        ),
    ]
    assert brief.authors == ("Ines Vogt", "Piet de Groot")
    assert brief.slug == "north-sea-port-strikes"
    assert brief.next is None


# --- the shared samples (reference pages; absent outside the development checkout) -------


def shared(name: str) -> bytes:
    path = SHARED / name
    if not path.is_file():
        pytest.skip(f"shared sample {name} not available")
    return path.read_bytes()


def test_shared_squarespace_sample() -> None:
    brief = parse_html(shared("squarespace-blog-item.html"))
    assert brief.title == "Baltic Cable Incidents Point to Deliberate Hybrid Pressure"
    assert [(s.kind, s.heading, len(s.blocks)) for s in brief.sections] == [
        (K.JUDGEMENT, "Analytic Judgement", 1),
        (K.EVIDENCE, "Supporting Evidence", 1),
        (K.IMPLICATIONS, "Implications", 1),
    ]
    assert [i.lead for i in brief.evidence] == ["Anchor-Drag Pattern", "Vessel Behaviour", "Timing"]
    assert brief.evidence[1].body[1] == Link(
        href="https://example.org/reports/ais-gaps",
        children=(Text(text="a public maritime tracking report"),),
    )
    para = brief.sections[0].blocks[0]
    assert isinstance(para, Paragraph)
    assert para.content[1] == Emphasis(children=(Text(text="most likely"),))
    site = "https://northwatch.example/strategic-intelligence/"
    assert brief.url == site + "baltic-cable-incidents-hybrid-pressure"
    assert brief.slug == "baltic-cable-incidents-hybrid-pressure"
    assert brief.published == dt.datetime.fromisoformat("2024-12-02T09:14:00-05:00")
    assert brief.updated == dt.datetime.fromisoformat("2024-12-02T09:20:41-05:00")
    assert brief.authors == ("Mara Lindqvist",)
    assert brief.publisher == "NORTHWATCH ANALYTICS"
    assert brief.category == "Europe"
    assert brief.tags == ("baltic", "hybrid-warfare")
    assert brief.summary is not None
    assert brief.summary.startswith("Analytic Judgement: Repeated")
    assert brief.language == "en-US"
    assert brief.prev == BriefLink(
        title="Arctic Shipping: The Quiet Competition for the Northern Sea Route",
        href=site + "arctic-shipping-route-competition",
    )
    assert brief.next == BriefLink(
        title="Sahel Juntas Face a Security Gap as Foreign Contractors Draw Down",
        href=site + "sahel-juntas-wagner-drawdown",
    )
    for chrome in ("Subscribe", "Sign up", "All rights reserved", "Previous", "12/2/24"):
        assert chrome not in brief.to_json()


def test_shared_amp_sample() -> None:
    brief = parse_html(shared("squarespace-amp.html"))
    assert brief.title == "Sahel Juntas Face a Security Gap as Foreign Contractors Draw Down"
    assert [(s.kind, s.heading, len(s.blocks)) for s in brief.sections] == [
        (K.OVERVIEW, "Overview", 1),
        (K.ANALYSIS, "Analysis", 3),
    ]
    last = brief.sections[1].blocks[2]
    assert isinstance(last, Paragraph)
    assert last.content[0] == Text(text="Further reading: ")
    assert brief.authors == ()  # the JSON-LD author is the site itself
    assert brief.publisher == "NORTHWATCH ANALYTICS"
    assert brief.published == dt.datetime.fromisoformat("2024-12-09T08:00:00-05:00")
    assert (
        brief.url
        == "https://northwatch.example/strategic-intelligence/sahel-juntas-wagner-drawdown"
    )
    assert brief.language == "en"
    assert "View Original" not in brief.to_json()
    assert "NORTHWATCH" not in "".join(s.text for s in brief.sections)


# --- structure --------------------------------------------------------------------------

STRUCTURE = [
    (
        "h2-h4 headings, known and unknown",
        "<h2>Bottom Line</h2><p>a</p><h3>Regional Reactions:</h3><p>b</p><h4>Outlook</h4><p>c</p>",
        [
            ("judgement", "Bottom Line", ["p:a"]),
            ("other", "Regional Reactions", ["p:b"]),
            ("outlook", "Outlook", ["p:c"]),
        ],
    ),
    (
        "h3 > strong",
        "<h3><strong>Key Judgments:</strong></h3><p>a</p>",
        [("judgement", "Key Judgments", ["p:a"])],
    ),
    (
        "paragraph of bold text ending in a colon, any label",
        "<p><strong>Why It Matters:</strong></p><p>a</p><p><b>Analysis</b>:</p><p>b</p>",
        [("other", "Why It Matters", ["p:a"]), ("analysis", "Analysis", ["p:b"])],
    ),
    (
        "vocabulary label and colon alone in a paragraph, in any formatting",
        "<p><em>Analysis:</em></p><p>a</p><p>Outlook:</p><p>b</p>",
        [("analysis", "Analysis", ["p:a"]), ("outlook", "Outlook", ["p:b"])],
    ),
    (
        "bold vocabulary label without a colon",
        "<p><strong>Implications</strong></p><p>a</p>",
        [("implications", "Implications", ["p:a"])],
    ),
    (
        "bold text that is no heading stays a paragraph",
        "<h2>Analysis</h2><p><strong>Ports are closed</strong></p><p><strong>Note:</strong> x</p>",
        [("analysis", "Analysis", ["p:Ports are closed", "p:Note: x"])],
    ),
    (
        "inline heading, colon inside or outside the strong, or unbolded",
        "<p><strong>Overview:</strong> a</p><p>more</p><p><b>Background</b>: b</p>"
        "<p>Assessment: c</p>",
        [
            ("overview", "Overview", ["p:a", "p:more"]),
            ("background", "Background", ["p:b"]),
            ("judgement", "Assessment", ["p:c"]),
        ],
    ),
    (
        "strong heading and a line break",
        "<p><strong>Implications:</strong><br>a<br>b</p><p><b>Why It Matters:</b><br/>c</p>",
        [("implications", "Implications", ["p:a b"]), ("other", "Why It Matters", ["p:c"])],
    ),
    (
        "several heading lines in one paragraph",
        "<p><b>Overview:</b><br>a<br><b>Outlook:</b><br>b</p>",
        [("overview", "Overview", ["p:a"]), ("outlook", "Outlook", ["p:b"])],
    ),
    (
        "colon phrases that are not headings stay text",
        "<h2>Analysis</h2><p>Officials said: talks resume.</p>"
        "<p>764: The Dark Nexus</p><p><strong>Officials said:</strong> talks resume.</p>",
        [
            (
                "analysis",
                "Analysis",
                [
                    "p:Officials said: talks resume.",
                    "p:764: The Dark Nexus",
                    "p:Officials said: talks resume.",
                ],
            )
        ],
    ),
    (
        "text before the first heading",
        "<p>intro</p><h2>Evidence</h2><ol><li>x</li></ol>",
        [("other", None, ["p:intro"]), ("evidence", "Evidence", ["ol:|x"])],
    ),
    (
        "heading with nothing under it",
        "<h2>Background</h2><h2>Analysis</h2><p>a</p>",
        [("background", "Background", []), ("analysis", "Analysis", ["p:a"])],
    ),
    (
        "quotes, loose text, tables, figures and definition lists keep their text",
        "<h2>Analysis</h2><blockquote><p>q1</p><p>q2</p>q3</blockquote>loose<br><br>text"
        "<table><tr><td>cell 1</td><td><p>cell 2</p></td></tr></table><dl><dt>t</dt><dd>d</dd></dl>"
        "<pre>code   here</pre><figure><img src=x.png><figcaption>cap</figcaption></figure>",
        [
            (
                "analysis",
                "Analysis",
                [
                    "q:q1",
                    "q:q2",
                    "q:q3",
                    "p:loose",
                    "p:text",
                    "table:cell 1 | cell 2",
                    "p:t",
                    "p:d",
                    "p:code here",
                    "fig:x.png|cap",
                ],
            )
        ],
    ),
    (
        "empty and whitespace-only paragraphs vanish",
        "<h2>Analysis</h2><p> </p><p>&nbsp;</p><p>a</p><p><strong> </strong></p>",
        [("analysis", "Analysis", ["p:a"])],
    ),
]


@pytest.mark.parametrize(("why", "content", "expected"), STRUCTURE, ids=[s[0] for s in STRUCTURE])
def test_structure(why: str, content: str, expected: list[object]) -> None:
    assert outline(parse_html(article(content))) == expected


# --- lists and lead-ins -----------------------------------------------------------------

ITEMS = [
    ("<li><strong>Lead:</strong> body</li>", ("Lead", "body")),
    ("<li><b>Lead</b>: body</li>", ("Lead", "body")),
    ("<li><p><strong>Lead:</strong> body</p></li>", ("Lead", "body")),
    ("<li><strong>Lead in two words</strong> then body</li>", ("Lead in two words", "then body")),
    ("<li><strong>Only bold</strong></li>", ("", "Only bold")),
    ("<li><strong>Lead:</strong></li>", ("Lead", "")),
    ("<li>No lead: just text</li>", ("", "No lead: just text")),
    ("<li>Body with <strong>bold</strong> inside</li>", ("", "Body with bold inside")),
    ("<li><p>one</p><p>two</p></li>", ("", "one two")),
]


@pytest.mark.parametrize(("li", "expected"), ITEMS)
def test_lead_ins(li: str, expected: tuple[str, str]) -> None:
    brief = parse_html(article(f"<h2>Evidence</h2><ol>{li}</ol>"))
    (item,) = brief.evidence
    assert (item.lead, item.text) == expected


def test_lists_ordered_unordered_and_nested_items_kept_in_order() -> None:
    brief = parse_html(
        article(
            "<h2>Evidence</h2><ul><li>a<ul><li>a1</li><li>a2</li></ul></li><li>b</li></ul>"
            "<ol><li>c</li><li></li></ol>"
        )
    )
    lists = brief.sections[0].blocks
    assert [(b.ordered, [i.text for i in b.items]) for b in lists if isinstance(b, ItemList)] == [
        (False, ["a", "a1", "a2", "b"]),
        (True, ["c"]),
    ]


def test_inline_formatting_is_kept() -> None:
    brief = parse_html(
        article(
            "<h2>Analysis</h2><p>A <strong>bold <em>and italic</em></strong> <i>word</i>, "
            "<b>b</b>, <span>plain</span> <u>u</u><sup>1</sup>.</p>"
        )
    )
    para = brief.sections[0].blocks[0]
    assert isinstance(para, Paragraph)
    assert para.content == (
        Text(text="A "),
        Strong(children=(Text(text="bold "), Emphasis(children=(Text(text="and italic"),)))),
        Text(text=" "),
        Emphasis(children=(Text(text="word"),)),
        Text(text=", "),
        Strong(children=(Text(text="b"),)),
        Text(text=", plain u1."),
    )


def test_redundant_nested_formatting_is_flattened() -> None:
    brief = parse_html(article("<h2>Analysis</h2><p><b>x <strong>y <b>z</b></strong></b></p>"))
    para = brief.sections[0].blocks[0]
    assert isinstance(para, Paragraph)
    assert para.content == (Strong(children=(Text(text="x y z"),)),)


# --- links ------------------------------------------------------------------------------

LINKS = [
    # (href, base_url, canonical, expected href or None when the link is removed)
    ("/x", None, None, "/x"),
    ("x.html", "https://site.example/a/b", None, "https://site.example/a/x.html"),
    ("/x", None, "https://canon.example/p/q", "https://canon.example/x"),
    ("/x", "https://given.example/", "https://canon.example/p", "https://given.example/x"),
    ("#note", "https://site.example/a", None, "https://site.example/a#note"),
    ("https://other.example/y", "https://site.example/", None, "https://other.example/y"),
    ("mailto:desk@example.org", None, None, "mailto:desk@example.org"),
    ("//cdn.example/z", "https://site.example/", None, "https://cdn.example/z"),
    ("//cdn.example/z", None, None, "https://cdn.example/z"),  # never a bare //host path
    ("/\t/cdn.example/z", None, None, "https://cdn.example/z"),  # tabs vanish, as in browsers
    ("javascript:alert(1)", None, None, None),
    ("JaVaScRiPt:alert(1)", "https://site.example/", None, None),
    ("  javascript:alert(1)", None, None, None),
    ("java\tscript:alert(1)", None, None, None),
    ("&#106;avascript:alert(1)", None, None, None),
    ("data:text/html,hi", None, None, None),
    ("file:///etc/passwd", None, None, None),
    ("vbscript:msgbox(1)", None, None, None),
    ("", None, None, None),
    ("x.html", "file:///home/", None, "x.html"),  # only http(s) bases are used
]


@pytest.mark.parametrize(("href", "base", "canonical", "expected"), LINKS)
def test_links(href: str, base: str | None, canonical: str | None, expected: str | None) -> None:
    head = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    html = article(f'<h2>Analysis</h2><p>See <a href="{href}">the note</a>.</p>', head)
    para = parse_html(html, base_url=base).sections[0].blocks[0]
    assert isinstance(para, Paragraph)
    assert para.text == "See the note."  # the text stays whatever happens to the link
    links = [n for n in para.content if isinstance(n, Link)]
    assert [link.href for link in links] == ([expected] if expected else [])


# --- title ------------------------------------------------------------------------------

TITLES = [
    (
        "<title>Page — SITE</title>",
        "<article><h1>Heading One</h1><p>x</p></article>",
        "Heading One",
    ),
    (
        '<meta property="og:site_name" content="Site"><title>The Brief | Site</title>',
        "<main><p>x</p></main>",
        "The Brief",
    ),
    ('<meta property="og:title" content="From OG — Desk">', "<main><p>x</p></main>", "From OG"),
    (
        "<title>Iran — Outlook for 2025 — Harbour Desk</title>",
        "<main><p>x</p></main>",
        "Iran — Outlook for 2025",
    ),
    (
        '<meta property="og:site_name" content="Desk"><title>A — B</title>',
        "<main><p>x</p></main>",
        "A — B",
    ),  # a suffix that is not the known site stays
    (
        "<title>T</title>",
        '<header><h1 class="logo">Site Logo</h1></header><main><p>x</p></main>',
        "T",
    ),  # the site's h1 outside the article is no title
    ("", "<main><h2>Grain Prices Rise</h2><p>x</p></main>", "Grain Prices Rise"),
]


@pytest.mark.parametrize(("head", "body", "expected"), TITLES)
def test_title(head: str, body: str, expected: str) -> None:
    brief = parse_html(page(body, head))
    assert brief.title == expected
    assert expected not in [s.heading for s in brief.sections]


def test_title_h1_inside_content_is_not_repeated_as_a_heading() -> None:
    brief = parse_html(page("<main><h1>T</h1><p>x</p><h1>Second H1</h1><p>y</p></main>"))
    assert brief.title == "T"
    assert outline(brief) == [("other", None, ["p:x"]), ("other", "Second H1", ["p:y"])]


# --- metadata ---------------------------------------------------------------------------

BODY = "<article><h1>T</h1><p>x</p></article>"
META = [
    (
        '<meta property="article:published_time" content="2024-05-06T07:08:09Z">',
        "published",
        dt.datetime(2024, 5, 6, 7, 8, 9, tzinfo=dt.UTC),
    ),
    ('<meta itemprop="datePublished" content="2024-05-06">', "published", dt.date(2024, 5, 6)),
    (
        '<script type="application/ld+json">{"@type":"Article","datePublished":"2024-05-06"}'
        "</script>",
        "published",
        dt.date(2024, 5, 6),
    ),
    ('<meta property="article:published_time" content="not a date">', "published", None),
    (
        '<meta property="article:modified_time" content="2024-05-07">',
        "updated",
        dt.date(2024, 5, 7),
    ),
    (
        '<meta name="author" content="Ana Ruiz"><meta name="author" content="Bo Lind">',
        "authors",
        ("Ana Ruiz", "Bo Lind"),
    ),
    (
        '<meta property="og:site_name" content="Desk"><meta name="author" content="Desk">',
        "authors",
        (),
    ),
    (
        '<script type="application/ld+json">{"@type":"Article","author":{"@type":"Person",'
        '"name":"Ana Ruiz"},"publisher":{"@type":"Organization","name":"Desk"}}</script>',
        "publisher",
        "Desk",
    ),
    ('<meta property="article:section" content="Asia">', "category", "Asia"),
    (
        '<meta property="article:tag" content="a"><meta property="article:tag" content="b">',
        "tags",
        ("a", "b"),
    ),
    (
        '<script type="application/ld+json">{"@type":"BlogPosting","keywords":["x","y"]}</script>',
        "tags",
        ("x", "y"),
    ),
    ('<meta name="description" content="  A short\n summary. ">', "summary", "A short summary."),
    ('<meta name="description" content="">', "summary", None),
    ('<link rel="canonical" href="/briefs/one/">', "url", "/briefs/one/"),
    ('<link rel="canonical" href="javascript:alert(1)">', "url", None),
    ('<meta property="og:url" content="https://s.example/b/two.html">', "slug", "two"),
    ('<meta name="briefkit:marking" content="TLP:GREEN">', "marking", "TLP:GREEN"),
]


@pytest.mark.parametrize(("head", "field", "expected"), META)
def test_metadata(head: str, field: str, expected: object) -> None:
    assert getattr(parse_html(page(BODY, head)), field) == expected


def test_metadata_from_the_page_body() -> None:
    body = (
        '<article class="hentry tag-grain tag-black-sea category-europe"><h1>T</h1>'
        '<p class="byline">By <a rel="author" href="/a">Ana Ruiz</a></p>'
        '<time datetime="2024-03-02">2 March</time><div class="entry-content"><p>x</p></div>'
        "</article>"
    )
    brief = parse_html(page(body, lang="de-CH"))
    assert (brief.authors, brief.tags, brief.category) == (
        ("Ana Ruiz",),
        ("grain", "black-sea"),
        "europe",
    )
    assert brief.published == dt.date(2024, 3, 2)
    assert brief.language == "de-CH"


def test_base_url_is_the_url_when_the_page_names_none() -> None:
    brief = parse_html(page(BODY), base_url="https://s.example/briefs/grain")
    assert (brief.url, brief.slug) == ("https://s.example/briefs/grain", "grain")
    assert parse_html(page(BODY)).url is None


# --- navigation -------------------------------------------------------------------------

NAV = [
    (
        '<link rel="prev" href="/p" title="Prev Title"><link rel="next" href="/n">',
        "",
        BriefLink(title="Prev Title", href="https://s.example/p"),
        BriefLink(href="https://s.example/n"),
    ),
    (
        "",
        '<a rel="prev" href="/p">« Previous</a><a rel="next" href="/n">Next: Later Brief »</a>',
        BriefLink(href="https://s.example/p"),
        BriefLink(title="Later Brief", href="https://s.example/n"),
    ),
    (
        "",
        '<a rel="next" href="/n"><span>Next</span><span>Next Steps in the Gulf</span></a>',
        None,
        BriefLink(title="Next Steps in the Gulf", href="https://s.example/n"),
    ),
    (
        '<link rel="next" href="/n" title="From Head">',
        '<div class="nav-next"><a href="/n">From Body</a></div>',
        None,
        BriefLink(title="From Body", href="https://s.example/n"),
    ),
    (
        '<link rel="next" href="/elsewhere" title="Other">',
        '<a rel="next" href="/n">Next</a>',
        None,
        BriefLink(href="https://s.example/n"),  # titles from a different href are not mixed in
    ),
    (
        '<link rel="prev" href="javascript:alert(1)" title="Kept Title">',
        "",
        BriefLink(title="Kept Title"),
        None,
    ),
]


@pytest.mark.parametrize(("head", "body", "prev", "next_"), NAV)
def test_navigation(head: str, body: str, prev: BriefLink | None, next_: BriefLink | None) -> None:
    brief = parse_html(page(BODY + body, head), base_url="https://s.example/b")
    assert (brief.prev, brief.next) == (prev, next_)


def test_navigation_hrefs_stay_relative_without_a_base() -> None:
    brief = parse_html(page(BODY, '<link rel="next" href="/n" title="N">'))
    assert brief.next == BriefLink(title="N", href="/n")


# --- content finding --------------------------------------------------------------------


def test_sidebar_teaser_article_is_not_the_content() -> None:
    body = (
        "<main><h1>Real Title</h1><p>" + "Real content sentence. " * 20 + "</p>"
        "<h2>Implications</h2><p>More real content.</p></main>"
        "<aside><article><h2>Most read</h2><p>Teaser.</p></article></aside>"
    )
    brief = parse_html(page(body))
    assert brief.title == "Real Title"
    assert [s.heading for s in brief.sections] == [None, "Implications"]
    assert "Teaser" not in brief.to_json()


def test_content_split_over_several_blocks_is_all_kept() -> None:
    blocks = "".join(
        f'<div class="sqs-block html-block"><div class="sqs-html-content"><p>part {n}</p></div>'
        "</div>"
        for n in range(1, 4)
    )
    body = f'<article><h1>T</h1><div class="blog-item-content">{blocks}</div></article>'
    assert outline(parse_html(page(body))) == [
        ("other", None, ["p:part 1", "p:part 2", "p:part 3"])
    ]


def test_several_squarespace_blocks_without_a_blog_wrapper_are_all_kept() -> None:
    blocks = "".join(
        f'<div class="sqs-block"><div class="sqs-html-content"><p>part {n}</p></div></div>'
        for n in range(1, 4)
    )
    footer = '<footer><div class="sqs-html-content"><p>Footer text</p></div></footer>'
    body = f'<main><div class="page-section"><h1>T</h1>{blocks}</div></main>{footer}'
    assert outline(parse_html(page(body))) == [
        ("other", None, ["p:part 1", "p:part 2", "p:part 3"])
    ]


def test_chrome_inside_the_article_is_dropped_but_text_around_it_kept() -> None:
    content = (
        "<h2>Analysis</h2><p>one</p>"
        '<div class="share">Share on social</div>'
        '<div class="newsletter-block"><p>Subscribe now</p><form><input></form></div>'
        "<p>two <a href='https://s.example/'>View Original</a></p>"
        '<div id="comments"><p>Nice post</p></div>'
        '<p style="display: none">hidden</p><p aria-hidden="true">hidden too</p>'
        "<nav><a href='/'>Home</a></nav><p>three</p>"
        "<aside><p>A callout box inside the article is content.</p></aside>"
    )
    assert outline(parse_html(article(content))) == [
        (
            "analysis",
            "Analysis",
            ["p:one", "p:two", "p:three", "p:A callout box inside the article is content."],
        )
    ]


def test_a_chrome_class_around_most_of_the_article_is_not_dropped() -> None:
    content = '<div class="related"><h2>Analysis</h2><p>' + "Kept text. " * 30 + "</p></div>"
    brief = parse_html(article(content))
    assert brief.sections[0].heading == "Analysis"


def test_densest_block_when_the_page_has_no_article_markup() -> None:
    body = (
        '<div id="menu"><a href="/">Home</a> <a href="/x">Archive</a></div>'
        '<div id="wrap"><div id="story"><h1>Story</h1><p>' + "Words here. " * 30 + "</p>"
        "<p>Second paragraph.</p></div>"
        '<div id="links"><a href="/a">Link A</a></div></div>'
    )
    brief = parse_html(page(body))
    assert brief.title == "Story"
    assert outline(brief)[0][2][1:] == ["p:Second paragraph."]
    assert "Archive" not in brief.to_json()
    assert "Link A" not in brief.to_json()


# --- routing ----------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".html", ".htm", ".xhtml"])
def test_parse_routes_by_extension(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"brief{suffix}"
    path.write_text(article("<h2>Analysis</h2><p>x</p>"), encoding="utf-8")
    assert briefkit.parse(path).title == "Test Brief"


@pytest.mark.parametrize(
    "content",
    [
        article("<p>x</p>"),
        '<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body>'
        "<article><h1>Test Brief</h1><p>x</p></article></body></html>",
        "<article><h1>Test Brief</h1><p>x</p></article>",
    ],
)
def test_parse_sniffs_html(content: str) -> None:
    assert briefkit.parse(content).title == "Test Brief"
    assert briefkit.parse(content.encode()).title == "Test Brief"
