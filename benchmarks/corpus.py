"""A deterministic corpus of realistic briefs for the benchmarks.

Every brief is built from templated sentences with a seeded random generator, so the same
seed gives byte-identical files on every machine and timings compare across runs. A brief
is first a :class:`BriefSpec` (plain data, no briefkit types), then written as the plain text
copied from a blog page, as a blog-style HTML page (with the site chrome a scraper meets) or
as Markdown with YAML front matter (the input pandoc and briefkit both read).

Sizes run from a short brief (one evidence item) to 40 evidence items; ``seed`` matches a
typical published brief (three items, about 2.6 kB of text).
"""

from __future__ import annotations

import datetime as dt
import html
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "SIZES",
    "BriefSpec",
    "Span",
    "make_brief",
    "series",
    "to_html",
    "to_markdown",
    "to_text",
    "write_series",
]

#: Size classes used by the per-stage benchmarks: evidence items and sentences per part.
SIZES: dict[str, tuple[int, int]] = {
    "short": (1, 2),
    "seed": (3, 4),
    "long": (12, 4),
    "max": (40, 4),
}

#: One run of inline text: ("text", words), ("em", words) or ("link", words, href).
Span = tuple[str, ...]
Para = tuple[Span, ...]

_ACTORS = (
    "Officials in {place}",
    "The defence ministry of {place}",
    "Analysts tracking {topic}",
    "Diplomats from {place}",
    "Regional security services",
    "Independent monitoring groups",
    "Shipping insurers",
    "Energy traders",
    "Opposition lawmakers in {place}",
    "Satellite imagery providers",
)
_VERBS = ("reported", "warned", "confirmed", "signalled", "suggested", "acknowledged")
_SUBJECTS = (
    "the dispute over {topic}",
    "pressure on {topic}",
    "the pace of {topic}",
    "coordination between {place} and {other}",
    "the new posture in {place}",
    "funding for {topic}",
)
_PREDICATES = (
    "has accelerated since the start of the quarter",
    "is likely to intensify before the next summit",
    "now depends on decisions taken in {other}",
    "has exposed gaps in allied planning",
    "remains below the threshold of open confrontation",
    "could reshape the balance of influence in the region",
    "is straining budgets that were already stretched",
)
_CLAUSES = (
    "according to figures released this week",
    "although the evidence remains partial",
    "which raises the cost of any miscalculation",
    "while talks in {other} continue without progress",
    "a shift that few observers expected a year ago",
    "despite repeated public denials",
    "and neighbouring states have begun to respond",
)
_OPENERS = (
    "This development",
    "The pattern",
    "Taken together, the reporting",
    "The available reporting",
    "Such a shift",
)
_JUDGEMENTS = (
    "points to a deliberate strategy rather than a series of isolated incidents",
    "makes a negotiated settlement less likely in the near term",
    "will probably force a review of existing commitments",
    "increases the risk of escalation along the border",
    "suggests that deterrence is weakening faster than planners assumed",
)
_PLACES = (
    "Warsaw",
    "Ankara",
    "Tallinn",
    "Nairobi",
    "Manila",
    "Bogota",
    "Hanoi",
    "Tbilisi",
    "Accra",
    "Santiago",
    "Oslo",
    "Jakarta",
    "Rabat",
    "Almaty",
    "Canberra",
    "Dakar",
)
_TOPICS = (
    "undersea cables",
    "grain corridors",
    "rare earth exports",
    "drone production",
    "border fortifications",
    "port access",
    "satellite launches",
    "naval patrols",
    "cyber intrusions",
    "sanctions enforcement",
    "arms transfers",
    "election interference",
    "pipeline security",
    "migration routes",
    "fisheries disputes",
    "air defence stocks",
)
_LEADS = (
    "Shift in Posture",
    "Financial Pressure",
    "Diplomatic Signals",
    "Military Movements",
    "Public Statements",
    "Supply Disruption",
    "Legal Measures",
    "Regional Reaction",
    "Intelligence Reporting",
    "Economic Leverage",
    "Information Operations",
    "Alliance Cohesion",
)
_TITLE_FORMS = (
    "{Place} Raises the Stakes Over {Topic}",
    "{Topic} Becomes a Flashpoint Between {Place} and {Other}",
    "Why {Place} Is Quietly Rethinking {Topic}",
    "{Place} and {Other} Trade Warnings as {Topic} Tensions Grow",
    "New Pressure on {Topic}: What {Place} Wants",
    "{Topic} After the {Place} Talks",
)
_CATEGORIES = ("Europe", "Asia-Pacific", "Africa", "Americas", "Middle East", "Global")
_AUTHORS = ("Ines Moreau", "Tomasz Wrona", "Ada Okafor", "Kenji Arata", "Lena Brandt")
_SITE = "MERIDIAN RISK DESK"
_HOST = "https://meridian-risk.example"


@dataclass(frozen=True)
class BriefSpec:
    """One brief as plain data: what every writer below turns into a file."""

    title: str
    slug: str
    published: dt.date
    author: str
    category: str
    tags: tuple[str, ...]
    judgement: tuple[Para, ...]
    evidence: tuple[tuple[str, Para], ...]  # (lead-in, body)
    implications: tuple[Para, ...]
    prev: tuple[str, str] | None  # (title, slug)
    next: tuple[str, str] | None

    @property
    def url(self) -> str:
        return f"{_HOST}/briefs/{self.slug}"


def _slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")


def _fill(rng: random.Random, form: str) -> str:
    place, other = rng.sample(_PLACES, 2)
    topic = rng.choice(_TOPICS)
    return form.format(
        place=place,
        other=other,
        topic=topic,
        Place=place,
        Other=other,
        Topic=topic.title(),
    )


def _sentence(rng: random.Random) -> str:
    if rng.random() < 0.3:
        form = f"{rng.choice(_OPENERS)} {rng.choice(_JUDGEMENTS)}, {rng.choice(_CLAUSES)}."
    else:
        form = (
            f"{rng.choice(_ACTORS)} {rng.choice(_VERBS)} that {rng.choice(_SUBJECTS)} "
            f"{rng.choice(_PREDICATES)}, {rng.choice(_CLAUSES)}."
        )
    return _fill(rng, form)


def _paragraph(rng: random.Random, sentences: int, *, markup: bool) -> Para:
    """Sentences as spans; with ``markup`` some words become emphasis or a link."""
    spans: list[Span] = []
    for k in range(sentences):
        text = _sentence(rng) + ("" if k == sentences - 1 else " ")
        roll = rng.random() if markup else 1.0
        if roll < 0.15:
            head, _, tail = text.partition(" that ")
            stressed, comma, rest = tail.partition(",")
            if tail and comma:
                spans += [("text", head + " that "), ("em", stressed), ("text", comma + rest)]
                continue
        elif roll < 0.3:
            words = text.split(" ")
            cut = max(1, len(words) - 4)
            href = f"https://reports.example.org/{rng.randrange(10_000):04d}"
            spans += [("text", " ".join(words[:cut]) + " "), ("link", " ".join(words[cut:]), href)]
            continue
        spans.append(("text", text))
    return tuple(spans)


def _titles(rng: random.Random, count: int) -> list[str]:
    seen: set[str] = set()
    titles: list[str] = []
    while len(titles) < count:
        title = _fill(rng, rng.choice(_TITLE_FORMS))
        if title in seen:
            title = f"{title} (Part {sum(t.startswith(title) for t in titles) + 2})"
        if title not in seen:
            seen.add(title)
            titles.append(title)
    return titles


def make_brief(
    rng: random.Random,
    title: str,
    *,
    items: int,
    sentences: int,
    day: int = 0,
    prev: str | None = None,
    next: str | None = None,
) -> BriefSpec:
    """A brief with ``items`` evidence items and paragraphs of about ``sentences`` sentences."""
    body_sentences = max(1, sentences // 2)
    return BriefSpec(
        title=title,
        slug=_slug(title),
        published=dt.date(2023, 1, 2) + dt.timedelta(days=day),
        author=rng.choice(_AUTHORS),
        category=rng.choice(_CATEGORIES),
        tags=tuple(rng.sample(_TOPICS, 2)),
        judgement=(_paragraph(rng, sentences, markup=True),),
        evidence=tuple(
            (rng.choice(_LEADS), _paragraph(rng, body_sentences, markup=True)) for _ in range(items)
        ),
        implications=tuple(
            _paragraph(rng, sentences, markup=False) for _ in range(1 + (items > 8))
        ),
        prev=(prev, _slug(prev)) if prev else None,
        next=(next, _slug(next)) if next else None,
    )


def sized(size: str, count: int, seed: int = 1) -> list[BriefSpec]:
    """``count`` different briefs of one size class from :data:`SIZES` (unlinked)."""
    items, sentences = SIZES[size]
    rng = random.Random(f"{seed}-{size}")
    titles = _titles(rng, count + 2)
    return [
        make_brief(
            rng,
            titles[k + 1],
            items=items,
            sentences=sentences,
            day=k,
            prev=titles[k],
            next=titles[k + 2],
        )
        for k in range(count)
    ]


def series(count: int, seed: int = 1) -> Iterator[BriefSpec]:
    """A linked series of ``count`` briefs of mixed sizes (mostly 3-6 items, up to 40),
    generated lazily so a large corpus is never held in memory."""
    rng = random.Random(f"{seed}-series")
    titles = _titles(rng, count)
    for k, title in enumerate(titles):
        roll = rng.random()
        items = (
            rng.randint(1, 2)
            if roll < 0.15
            else rng.randint(3, 6)
            if roll < 0.9
            else rng.randint(7, 40)
        )
        yield make_brief(
            rng,
            title,
            items=items,
            sentences=rng.randint(3, 5),
            day=k,
            prev=titles[k - 1] if k else None,
            next=titles[k + 1] if k + 1 < count else None,
        )


# --- writers ----------------------------------------------------------------------------


def _plain(para: Para) -> str:
    return "".join(span[1] for span in para)


def to_text(spec: BriefSpec) -> str:
    """The brief as text copied from its blog page (the shape of the real seed)."""
    out = [spec.title, "", "Analytic Judgement:", ""]
    out += [p for para in spec.judgement for p in (_plain(para), "")]
    out += ["Supporting Evidence:", ""]
    for k, (lead, body) in enumerate(spec.evidence, 1):
        out += [f"  {k}. {lead}: {_plain(body)}", ""]
    out.append("Implications:")
    out += [p for para in spec.implications for p in (_plain(para), "")]
    for label, link in (("Previous", spec.prev), ("Next", spec.next)):
        if link:
            out += [label, label, "", link[0], ""]
    return "\n".join(out).rstrip("\n") + "\n"


def _html_inline(para: Para) -> str:
    parts: list[str] = []
    for span in para:
        text = html.escape(span[1], quote=False)
        if span[0] == "em":
            parts.append(f"<em>{text}</em>")
        elif span[0] == "link":
            parts.append(f'<a href="{html.escape(span[2])}" target="_blank">{text}</a>')
        else:
            parts.append(text)
    return "".join(parts)


_HTML_HEAD = """<!doctype html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{title} &mdash; {site}</title>
  <link rel="canonical" href="{url}">
  <meta property="og:site_name" content="{site}">
  <meta property="og:title" content="{title} &mdash; {site}">
  <meta property="og:type" content="article">
  <meta itemprop="datePublished" content="{date}T08:30:00+0000">
  <script src="{host}/assets/site.js" defer></script>
  <script type="application/ld+json">{{"@context":"http://schema.org","@type":"Article",\
"headline":"{title_json}","datePublished":"{date}T08:30:00+0000",\
"author":{{"@type":"Person","name":"{author}"}},"publisher":{{"@type":"Organization",\
"name":"{site}"}}}}</script>
  <link rel="stylesheet" href="{host}/assets/site.css">
</head>
<body class="view-item collection-type-blog">
<header class="site-header"><a href="/">{site}</a>
  <nav><a href="/briefs">Briefs</a> <a href="/about">About</a>
    <a href="/subscribe">Subscribe</a></nav>
</header>
<main role="main">
<article class="entry hentry category-{category_class}">
  <div class="blog-item-meta-wrapper">
    <time class="dt-published" datetime="{date}">{date_shown}</time>
    <a class="blog-author" href="/briefs?author={author_id}">{author}</a>
    <a class="blog-categories" href="/briefs/category/{category_class}">{category}</a>
  </div>
  <h1 class="entry-title">{title}</h1>
  <div class="blog-item-content e-content"><div class="sqs-html-content">
"""

_HTML_TAIL = """  </div></div>
{pagination}
</article>
</main>
<footer><div class="newsletter"><h2>Subscribe</h2><p>Weekly briefs in your inbox.</p>
<form><input type="email" name="email"><button>Sign up</button></form></div>
<p>&copy; 2024 Meridian Risk Desk.</p></footer>
<script>window.siteReady && window.siteReady();</script>
</body>
</html>
"""


def _pagination(spec: BriefSpec) -> str:
    links = []
    for label, cls, link in (("Previous", "prev", spec.prev), ("Next", "next", spec.next)):
        if link:
            links.append(
                f'  <a href="/briefs/{link[1]}" class="item-pagination-link '
                f'item-pagination-link--{cls}"><span><div class="visually-hidden">{label}</div>'
                f'<div class="item-pagination-prev-next">{label}</div>'
                f'<h2 class="item-pagination-title">{html.escape(link[0])}</h2></span></a>'
            )
    if not links:
        return ""
    return '<section class="item-pagination">\n' + "\n".join(links) + "\n</section>"


def to_html(spec: BriefSpec) -> str:
    """The brief as a blog item page: head metadata, JSON-LD, chrome, content, pagination."""
    out = [
        _HTML_HEAD.format(
            title=html.escape(spec.title),
            title_json=spec.title.replace('"', '\\"'),
            site=_SITE,
            url=spec.url,
            host=_HOST,
            date=spec.published.isoformat(),
            date_shown=spec.published.strftime("%d %B %Y"),
            author=spec.author,
            author_id=_slug(spec.author),
            category=html.escape(spec.category),
            category_class=_slug(spec.category),
        )
    ]
    out.append("    <h3><strong>Analytic Judgement:</strong></h3>")
    out += [f"    <p>{_html_inline(p)}</p>" for p in spec.judgement]
    out.append("    <h3><strong>Supporting Evidence:</strong></h3>\n    <ol>")
    for lead, body in spec.evidence:
        out.append(
            f"      <li><p><strong>{html.escape(lead)}:</strong> {_html_inline(body)}</p></li>"
        )
    out.append("    </ol>\n    <h3><strong>Implications:</strong></h3>")
    out += [f"    <p>{_html_inline(p)}</p>" for p in spec.implications]
    out.append(_HTML_TAIL.format(pagination=_pagination(spec)))
    return "\n".join(out)


def _md_inline(para: Para) -> str:
    parts: list[str] = []
    for span in para:
        if span[0] == "em":
            parts.append(f"*{span[1]}*")
        elif span[0] == "link":
            parts.append(f"[{span[1]}]({span[2]})")
        else:
            parts.append(span[1])
    return "".join(parts)


def to_markdown(spec: BriefSpec) -> str:
    """The brief as Markdown with YAML front matter (pandoc takes the title from it)."""
    out = [
        "---",
        f'title: "{spec.title}"',
        f"author: {spec.author}",
        f"date: {spec.published.isoformat()}",
        f"url: {spec.url}",
        f"category: {spec.category}",
        "---",
        "",
        "## Analytic Judgement",
        "",
    ]
    out += [p for para in spec.judgement for p in (_md_inline(para), "")]
    out += ["## Supporting Evidence", ""]
    out += [
        f"{k}. **{lead}:** {_md_inline(body)}" for k, (lead, body) in enumerate(spec.evidence, 1)
    ]
    out += ["", "## Implications", ""]
    out += [p for para in spec.implications for p in (_md_inline(para), "")]
    nav = [(label, link) for label, link in (("Previous", spec.prev), ("Next", spec.next)) if link]
    if nav:
        out += ["---", ""]
        out += [f"{label}: [{link[0]}](/briefs/{link[1]})\n" for label, link in nav]
    return "\n".join(out).rstrip("\n") + "\n"


WRITERS = {"text": (to_text, ".txt"), "html": (to_html, ".html"), "markdown": (to_markdown, ".md")}


def write_series(folder: Path, count: int, *, fmt: str = "text", seed: int = 1) -> Path:
    """Write a linked series of ``count`` briefs into ``folder`` (one file each, streamed);
    ``fmt`` is text, html, markdown or mixed (the three in turn)."""
    folder.mkdir(parents=True, exist_ok=True)
    names = list(WRITERS) if fmt == "mixed" else [fmt]
    for k, spec in enumerate(series(count, seed)):
        writer, ext = WRITERS[names[k % len(names)]]
        (folder / f"{k + 1:05d}-{spec.slug[:60]}{ext}").write_text(writer(spec), "utf-8")
    return folder
