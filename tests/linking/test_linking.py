"""Series linking: ordering, prev/next, chain reconstruction, link checks, slugs."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import random
from array import array
from dataclasses import dataclass

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import briefkit
from briefkit import Brief, BriefLink, LinkError
from briefkit.build.series import Digests, Series, Spool, record
from briefkit.build.work import Pointer, Scanned, digest_keys
from briefkit.linking import (
    ChainResult,
    LinkProblemKind,
    chain_from_links,
    check_links,
    href_key,
    insert_brief,
    link_series,
    order_indices,
    order_key,
    remove_brief,
    slugify,
    title_key,
    unique_slugs,
)
from briefkit.linking.chains import chain_order, chain_positions
from briefkit.packed import Strings, sorted_positions
from briefs import minimal, seed_shaped

K = LinkProblemKind
D = dt.date


def mk(
    title: str,
    *,
    url: str | None = None,
    published: dt.date | dt.datetime | None = None,
    prev: BriefLink | None = None,
    next: BriefLink | None = None,
    slug: str | None = None,
) -> Brief:
    """A real brief (judgement section and all) with the given identity and pointers."""
    return minimal().model_copy(
        update={
            "title": title,
            "url": url,
            "published": published,
            "prev": prev,
            "next": next,
            "slug": slug,
        }
    )


def link(title: str | None = None, href: str | None = None) -> BriefLink:
    return BriefLink(title=title, href=href)


def titles(briefs: list[Brief]) -> list[str]:
    return [b.title for b in briefs]


def scraped(n: int, *, site: str = "https://blog.example.org") -> list[Brief]:
    """A scraped archive: ``Part i`` points back and forth by title and by href, each href
    written a little differently from the target's canonical url."""
    variants = [
        lambda i: f"{site}/briefs/part-{i}",
        lambda i: f"http://BLOG.example.org/briefs/part-{i}/",
        lambda i: f"{site}/briefs/part-{i}?utm_source=feed",
        lambda i: f"{site}/briefs/part-{i}#top",
        lambda i: f"/briefs/part-{i}",
    ]
    out = []
    for i in range(n):
        prev = link(f"Part {i - 1}", variants[i % 5](i - 1)) if i else None
        nxt = link(f"Part {i + 1}", variants[(i + 2) % 5](i + 1)) if i + 1 < n else None
        url = f"{site}/briefs/part-{i}"
        out.append(mk(f"Part {i}", url=url, published=D(2024, 1, 1 + i), prev=prev, next=nxt))
    return out


# --- keys -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("https://example.org/a/b", "http://example.org/a/b"),
        ("https://Example.ORG/a/b", "https://example.org/a/b/"),
        ("https://example.org/a/b?x=1&y=2", "https://example.org/a/b#section"),
        ("https://example.org/a%20b", "https://example.org/a b"),
        ("https://example.org:443/a", "https://example.org/a"),
    ],
)
def test_href_key_treats_variants_as_the_same_page(a: str, b: str) -> None:
    assert href_key(a) == href_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("https://example.org/a/b", "https://example.org/a/c"),
        ("https://example.org/a", "https://other.org/a"),
        ("https://example.org:8080/a", "https://example.org/a"),
        ("https://example.org/A", "https://example.org/a"),  # paths are case-sensitive
    ],
)
def test_href_key_keeps_different_pages_apart(a: str, b: str) -> None:
    assert href_key(a) != href_key(b)


def test_href_key_resolves_relative_links_against_a_base() -> None:
    assert href_key("../c", "https://example.org/a/b/") == href_key("https://example.org/a/c")
    assert href_key("/x/y/") == "/x/y"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The “Grey Zone” Problem", 'the "grey zone" problem'),
        ("Moscow’s  Offer", "Moscow's Offer"),
        ("  Red Sea\tShipping ", "red sea shipping"),
        ("2023–2024 Outlook", "2023-2024 outlook"),
        ("ＦＵＬＬ width", "full width"),
    ],
)
def test_title_key_folds_quotes_space_dashes_and_case(a: str, b: str) -> None:
    assert title_key(a) == title_key(b)


# --- link_series ------------------------------------------------------------------------


def test_link_series_given_order_sets_neighbours_title_and_url() -> None:
    a = mk("A", url="https://ex.org/a")
    b = mk("B", url="https://ex.org/b")
    c = mk("C")
    out = link_series([a, b, c])
    assert titles(out) == ["A", "B", "C"]
    assert out[0].prev is None
    assert out[0].next == link("B", "https://ex.org/b")
    assert out[1].prev == link("A", "https://ex.org/a")
    assert out[1].next == link("C")  # no url: title only
    assert out[2].next is None
    assert out[2].prev == link("B", "https://ex.org/b")


def test_link_series_replaces_stale_pointers_and_leaves_input_untouched() -> None:
    original = [seed_shaped(), mk("Second")]
    before = [b.model_copy() for b in original]
    out = link_series(original)
    assert out[0].prev is None  # seed_shaped's own prev pointed outside the set
    assert out[0].next == link("Second")
    assert original == before
    assert out[0].sections == original[0].sections


def test_link_series_published_order_is_stable_and_puts_undated_last() -> None:
    briefs = [
        mk("undated-1"),
        mk("late", published=D(2024, 5, 1)),
        mk("tie-first", published=D(2024, 3, 1)),
        mk("undated-2"),
        mk("tie-second", published=dt.datetime(2024, 3, 1, 0, 0)),
        mk("early-aware", published=dt.datetime(2024, 2, 29, 23, 30, tzinfo=dt.UTC)),
        mk("early", published=D(2024, 1, 1)),
    ]
    out = link_series(briefs, order="published")
    assert titles(out) == [
        "early",
        "early-aware",
        "tie-first",
        "tie-second",
        "late",
        "undated-1",
        "undated-2",
    ]


def test_link_series_title_order_folds_case_and_quotes() -> None:
    briefs = [mk("beta"), mk("“Alpha”"), mk("Beta"), mk("alpha two")]
    out = link_series(briefs, order="title")
    assert titles(out) == ["“Alpha”", "alpha two", "beta", "Beta"]


def test_link_series_takes_hrefs_from_a_function_or_a_mapping() -> None:
    a, b = mk("A", url="https://ex.org/a"), mk("B", url="https://ex.org/b")
    by_function = link_series([a, b], href=lambda x: slugify(x.title) + ".html")
    assert by_function[0].next == link("B", "b.html")
    assert by_function[1].prev == link("A", "a.html")
    by_mapping = link_series([a, b], href={a: "first.docx"})
    assert by_mapping[1].prev == link("A", "first.docx")
    assert by_mapping[0].next == link("B")  # not in the mapping: title only


def test_link_series_edge_cases() -> None:
    assert link_series([]) == []
    single = link_series([seed_shaped()])
    assert single[0].prev is None
    assert single[0].next is None


def test_link_series_refuses_unknown_orders_and_unsafe_hrefs() -> None:
    with pytest.raises(LinkError, match="unknown order"):
        link_series([mk("A")], order="random")
    with pytest.raises(LinkError, match="bad href"):
        link_series([mk("A"), mk("B")], href=lambda _: "javascript:alert(1)")


# --- insert / remove --------------------------------------------------------------------


def test_insert_brief_relinks_only_its_neighbours() -> None:
    series = link_series([mk("A"), mk("B"), mk("C"), mk("D")])
    out = insert_brief(series, mk("X"), 2)
    assert titles(out) == ["A", "B", "X", "C", "D"]
    assert out[1].next == link("X")
    assert out[2].prev == link("B")
    assert out[2].next == link("C")
    assert out[3].prev == link("X")
    assert out[0] == series[0]
    assert out[4] == series[3]
    assert out == link_series(out)  # the result is a consistent series


@pytest.mark.parametrize(
    ("index", "expected"),
    [
        (0, ["X", "A", "B"]),
        (2, ["A", "B", "X"]),
        (-1, ["A", "X", "B"]),
    ],
)
def test_insert_brief_positions(index: int, expected: list[str]) -> None:
    out = insert_brief(link_series([mk("A"), mk("B")]), mk("X"), index)
    assert titles(out) == expected
    assert out == link_series(out)


def test_remove_brief_joins_the_neighbours() -> None:
    series = link_series([mk("A"), mk("B"), mk("C")])
    for target in (1, series[1]):
        out = remove_brief(series, target)
        assert titles(out) == ["A", "C"]
        assert out[0].next == link("C")
        assert out[1].prev == link("A")
    assert titles(remove_brief(series, 0)) == ["B", "C"]
    assert remove_brief(series, 0)[0].prev is None
    assert remove_brief(series, -1)[-1].next is None


def test_insert_and_remove_refuse_impossible_positions() -> None:
    series = link_series([mk("A"), mk("B")])
    with pytest.raises(LinkError):
        insert_brief(series, mk("X"), 5)
    with pytest.raises(LinkError):
        remove_brief(series, 2)
    with pytest.raises(LinkError, match="not in the series"):
        remove_brief(series, mk("Z"))


# --- slugs ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Red Sea Shipping Insurance Costs Climb", "red-sea-shipping-insurance-costs-climb"),
        ("764: The Dark Nexus of Online Extremism", "764-the-dark-nexus-of-online-extremism"),
        ("Moscow’s Offer to Kyiv", "moscows-offer-to-kyiv"),
        ("Zürich, São Paulo & Kraków", "zurich-sao-paulo-krakow"),
        ("  --Already -- slugged--  ", "already-slugged"),
        ("北京", "brief"),
        ("", "brief"),
        ("CON", "con-brief"),
        ("<script>alert(1)</script>", "script-alert-1-script"),
    ],
)
def test_slugify(title: str, slug: str) -> None:
    assert slugify(title) == slug


def test_slugify_cuts_long_titles_at_a_word() -> None:
    slug = slugify("word " * 40)
    assert len(slug) <= 80
    assert slug.endswith("word")
    assert slugify("x" * 200) == "x" * 80


@given(st.text())
def test_slugify_is_always_a_safe_file_stem(title: str) -> None:
    slug = slugify(title)
    assert slug
    assert slug.isascii()
    assert all(c.isalnum() or c == "-" for c in slug)
    assert slug == slugify(title)


def test_unique_slugs_suffixes_repeats_and_avoids_reserved_names() -> None:
    items: list[Brief | str] = [
        mk("Same Title"),
        mk("Same title"),
        mk("Other", slug="same-title-2"),
        mk("Index"),
        "Same Title",
    ]
    assert unique_slugs(items, reserved={"index"}) == [
        "same-title",
        "same-title-2",
        "same-title-2-2",
        "index-2",
        "same-title-3",
    ]


# --- chain_from_links -------------------------------------------------------------------


def test_chain_from_links_rebuilds_a_scrambled_scraped_archive() -> None:
    series = scraped(25)
    shuffled = series[:]
    random.Random(7).shuffle(shuffled)
    result = chain_from_links(shuffled)
    assert isinstance(result, ChainResult)
    assert len(result) == 1
    assert titles(result[0]) == titles(series)
    assert result.problems == []
    assert [shuffled[i] for i in result.order] == series


def test_chain_from_links_follows_title_only_pointers_with_typography_noise() -> None:
    a = mk("The “Grey Zone” Problem", next=link("Moscow's  offer"))
    b = mk("Moscow’s Offer", prev=link('the "grey zone" problem'), next=link("CODA"))
    c = mk("Coda")  # no pointers of its own: reached from b
    result = chain_from_links([c, b, a])
    assert [titles(chain) for chain in result] == [[a.title, b.title, c.title]]


def test_chain_from_links_needs_only_one_side_of_each_link() -> None:
    briefs = [mk("A", next=link("B")), mk("C", prev=link("B")), mk("B")]
    assert titles(chain_from_links(briefs)[0]) == ["A", "B", "C"]


def test_chain_from_links_resolves_relative_hrefs_against_the_brief_url() -> None:
    a = mk("A", url="https://ex.org/s/a/", next=link(href="../b/"))
    b = mk("B", url="https://ex.org/s/b", prev=link(href="../a"))
    assert titles(chain_from_links([b, a])[0]) == ["A", "B"]


def test_chain_from_links_prefers_href_over_a_misleading_title() -> None:
    a = mk("A", url="https://ex.org/a", next=link("Stale Title", "https://ex.org/b"))
    b = mk("B", url="https://ex.org/b")
    stale = mk("Stale Title")
    result = chain_from_links([stale, b, a])
    assert [titles(c) for c in result] == [["A", "B"], ["Stale Title"]]


def test_gaps_make_several_chains_longest_first() -> None:
    series = scraped(9)
    missing = {2, 6}  # pages that were never downloaded
    kept = [b for i, b in enumerate(series) if i not in missing]
    random.Random(3).shuffle(kept)
    result = chain_from_links(kept)
    assert [titles(c) for c in result] == [
        ["Part 3", "Part 4", "Part 5"],
        ["Part 0", "Part 1"],
        ["Part 7", "Part 8"],
    ]
    assert result.problems == []  # pointers out of the set are gaps, not ambiguities


def test_chain_from_links_breaks_cycles_at_the_earliest_brief_and_reports_them() -> None:
    a = mk("A", published=D(2024, 1, 2), next=link("B"))
    b = mk("B", published=D(2024, 1, 3), next=link("C"))
    c = mk("C", published=D(2024, 1, 1), next=link("A"))
    result = chain_from_links([a, b, c])
    assert [titles(ch) for ch in result] == [["C", "A", "B"]]
    assert [p.kind for p in result.problems] == [K.CYCLE]
    assert set(result.problems[0].titles) == {"A", "B", "C"}
    assert "cycle" in result.problems[0].message


def test_chain_from_links_undated_cycle_opens_at_the_first_input() -> None:
    a, b = mk("A", next=link("B")), mk("B", next=link("A"))
    result = chain_from_links([b, a])
    assert [titles(ch) for ch in result] == [["B", "A"]]
    assert [p.kind for p in result.problems] == [K.CYCLE]


def test_fork_without_agreement_breaks_the_chain_and_is_reported() -> None:
    a = mk("A", next=link("C"))
    b = mk("B", next=link("C"))
    c = mk("C", next=link("D"))
    d = mk("D")
    result = chain_from_links([a, b, c, d])
    assert sorted(titles(ch) for ch in result) == [["A"], ["B"], ["C", "D"]]
    (problem,) = result.problems
    assert problem.kind is K.FORK
    assert set(problem.titles) == {"A", "B", "C"}
    assert "broken" in problem.message


def test_fork_keeps_the_link_both_sides_agree_on() -> None:
    a = mk("A", next=link("C"))
    b = mk("B", next=link("C"))
    c = mk("C", prev=link("B"))
    result = chain_from_links([a, b, c])
    assert sorted(titles(ch) for ch in result) == [["A"], ["B", "C"]]
    assert [p.kind for p in result.problems] == [K.FORK]
    assert "kept 'B'" in result.problems[0].message


def test_brief_claiming_two_successors_is_a_fork_too() -> None:
    a = mk("A", next=link("B"))
    b = mk("B")
    c = mk("C", prev=link("A"))
    result = chain_from_links([a, b, c])
    assert sorted(titles(ch) for ch in result) == [["A"], ["B"], ["C"]]
    assert [p.kind for p in result.problems] == [K.FORK]


def test_ambiguous_and_self_pointers_are_reported_not_followed() -> None:
    a = mk("A", next=link("Twin"))
    t1, t2 = mk("Twin"), mk("twin")
    s = mk("Self", next=link("self"))
    result = chain_from_links([a, t1, t2, s])
    assert all(len(ch) == 1 for ch in result)
    assert sorted(p.kind for p in result.problems) == sorted([K.AMBIGUOUS, K.SELF_LINK])


# Random pointer graphs: whatever the links say, every brief lands in exactly one chain and
# consecutive briefs of a chain are linked by a pointer of one of them.
graphs = st.integers(min_value=0, max_value=12).flatmap(
    lambda n: st.tuples(
        st.just(n),
        st.lists(st.one_of(st.none(), st.integers(0, max(n - 1, 0))), min_size=n, max_size=n),
        st.lists(st.one_of(st.none(), st.integers(0, max(n - 1, 0))), min_size=n, max_size=n),
    )
)


@settings(max_examples=200, deadline=None)
@given(graphs)
def test_chain_from_links_partitions_any_pointer_graph(
    graph: tuple[int, list[int | None], list[int | None]],
) -> None:
    n, prevs, nexts = graph
    briefs = [
        mk(
            f"B{i}",
            prev=link(f"B{prevs[i]}") if prevs[i] is not None else None,
            next=link(f"B{nexts[i]}") if nexts[i] is not None else None,
        )
        for i in range(n)
    ]
    result = chain_from_links(briefs)
    assert sorted(result.order) == list(range(n))
    assert [len(c) for c in result] == sorted((len(c) for c in result), reverse=True)
    for chain in result.indices:
        for a, b in itertools.pairwise(chain):
            assert nexts[a] == b or prevs[b] == a


# --- check_links ------------------------------------------------------------------------


def kinds(briefs: list[Brief]) -> list[LinkProblemKind]:
    return sorted(p.kind for p in check_links(briefs))


def test_a_linked_series_has_no_problems() -> None:
    series = link_series(
        [mk(f"Part {i}", url=f"https://ex.org/{i}", published=D(2024, 1, i)) for i in (1, 2, 3)]
    )
    assert check_links(series) == []
    assert check_links(scraped(6)) == []


@pytest.mark.parametrize(
    ("briefs", "expected"),
    [
        pytest.param([mk("A", next=link("Nowhere"))], [K.DANGLING], id="dangling-title"),
        pytest.param(
            [mk("A", prev=link(href="https://ex.org/gone"))], [K.DANGLING], id="dangling-href"
        ),
        pytest.param([mk("A", next=link("B")), mk("B")], [K.ONE_WAY], id="one-way-next"),
        pytest.param([mk("A"), mk("B", prev=link("A"))], [K.ONE_WAY], id="one-way-prev"),
        pytest.param(
            [mk("A", next=link("B")), mk("B", prev=link("C")), mk("C", next=link("B"))],
            [K.FORK, K.ONE_WAY],
            id="fork",
        ),
        pytest.param([mk("A", next=link("a"))], [K.SELF_LINK], id="self"),
        pytest.param(
            [
                mk("A", next=link("B"), prev=link("B")),
                mk("B", next=link("A"), prev=link("A")),
            ],
            [K.CYCLE],  # one problem per cycle, whichever pointers close it
            id="two-cycle",
        ),
        pytest.param([mk("Same"), mk("same ")], [K.DUPLICATE_TITLE], id="duplicate-title"),
        pytest.param(
            [mk("A", slug="x"), mk("B", slug="X")], [K.DUPLICATE_SLUG], id="duplicate-slug"
        ),
        pytest.param(
            [mk("A", url="https://ex.org/p"), mk("B", url="http://EX.org/p/")],
            [K.DUPLICATE_URL],
            id="duplicate-url",
        ),
        pytest.param(
            [mk("A", next=link("Twin")), mk("Twin"), mk("Twin")],
            [K.AMBIGUOUS, K.DUPLICATE_TITLE],
            id="ambiguous",
        ),
        pytest.param(
            [
                mk("A", published=D(2024, 3, 1), next=link("B")),
                mk("B", published=D(2024, 2, 1), prev=link("A")),
            ],
            [K.DATE_ORDER],
            id="date-order",
        ),
    ],
)
def test_check_links_finds(briefs: list[Brief], expected: list[LinkProblemKind]) -> None:
    assert kinds(briefs) == sorted(expected)


def test_check_links_cycle_through_three_briefs() -> None:
    briefs = [mk("A", next=link("B")), mk("B", next=link("C")), mk("C", next=link("A"))]
    problems = check_links(briefs)
    cycles = [p for p in problems if p.kind is K.CYCLE]
    assert len(cycles) == 1
    assert sorted(cycles[0].briefs) == [0, 1, 2]
    assert cycles[0].link == "next"


def test_link_problems_name_the_briefs_and_serialise() -> None:
    briefs = [mk("Alpha", next=link("Beta")), mk("Beta")]
    (problem,) = check_links(briefs)
    assert problem.kind is K.ONE_WAY
    assert problem.briefs == (0, 1)
    assert problem.titles == ("Alpha", "Beta")
    assert problem.link == "next"
    assert "'Alpha'" in problem.message
    assert "'Beta'" in problem.message
    data = problem.model_dump(mode="json")
    assert data["kind"] == "one-way"
    assert str(problem).startswith("one-way: ")


def test_date_order_compares_dates_with_aware_datetimes() -> None:
    briefs = link_series(
        [
            mk("A", published=dt.datetime(2024, 3, 1, 12, tzinfo=dt.UTC)),
            mk("B", published=D(2024, 3, 1)),
        ]
    )
    assert kinds(briefs) == [K.DATE_ORDER]


def test_public_names_are_exported() -> None:
    for name in (
        "LinkProblem",
        "LinkProblemKind",
        "ChainResult",
        "insert_brief",
        "remove_brief",
        "unique_slugs",
    ):
        assert name in briefkit.__all__
        assert getattr(briefkit, name) is getattr(briefkit.linking, name)


@dataclass(frozen=True)
class _Record:
    """A light record with the fields ordering reads, as a bundle's scan records have."""

    title: str
    url: str | None
    published: dt.date | None
    prev: BriefLink | None
    next: BriefLink | None


@settings(max_examples=100, deadline=None)
@given(graphs, st.randoms(use_true_random=False))
def test_chain_positions_of_light_records_match_chain_from_links(
    graph: tuple[int, list[int | None], list[int | None]], rnd: random.Random
) -> None:
    n, prevs, nexts = graph
    briefs = [
        mk(
            rnd.choice([f"B{i}", "Twin", "twin"]),
            url=rnd.choice([None, f"https://x.example/p/{i}", "https://x.example/p/0"]),
            published=rnd.choice([None, D(2024, 1, 1 + rnd.randrange(5))]),
            prev=link(f"B{prevs[i]}", rnd.choice([None, f"/p/{prevs[i]}"]))
            if prevs[i] is not None
            else None,
            next=link(f"B{nexts[i]}", rnd.choice([None, f"../p/{nexts[i]}"]))
            if nexts[i] is not None
            else None,
        )
        for i in range(n)
    ]
    records = [_Record(b.title, b.url, b.published, b.prev, b.next) for b in briefs]
    result = chain_from_links(briefs)
    chains, problems = chain_positions(records)
    assert chains == result.indices
    assert problems == result.problems
    assert order_indices(records, "published") == order_indices(briefs, "published")
    assert order_indices(records, "title") == order_indices(briefs, "title")


def _spooled(briefs: list[Brief]) -> tuple[Series, Digests, Spool]:
    """The briefs as a bundle keeps them: a spooled record each and the digests of their
    keys, computed by the scan's own code."""
    spool = Spool()
    digests = Digests(len(briefs))
    offsets = array("q")
    for i, b in enumerate(briefs):
        own, keys = digest_keys(b)
        prev, nxt = (Pointer(x.title, x.href) if x else None for x in (b.prev, b.next))
        item = Scanned(f"{i}.txt", b.title, b.published, b.url, b.slug, prev, nxt, "", (0, 0))
        item = dataclasses.replace(item, digests=own, keys=keys)
        offsets.append(spool.add(record(item, ())))
        digests.add(i, item)
    paths = Strings(f"{i}.txt" for i in range(len(briefs)))
    series = Series(spool, paths, array("q", range(len(briefs))), offsets)
    digests.series = series
    return series, digests, spool


_EST = dt.timezone(dt.timedelta(hours=-5))
_variants = st.sampled_from(["Twin", "twin", " TWIN ", "Twin’s", "Twin's", "Twin – x", "Twin - x"])


@settings(max_examples=150, deadline=None)
@given(graphs, st.randoms(use_true_random=False), st.data())
def test_the_digest_path_of_a_bundle_matches_chain_from_links(
    graph: tuple[int, list[int | None], list[int | None]], rnd: random.Random, data: st.DataObject
) -> None:
    """Ordering by digests of the keys (as a bundle does, reading its spooled records)
    gives the chains, the problems (byte for byte) and the orders of the Brief path."""
    n, prevs, nexts = graph
    hosts = ["https://x.example", "http://X.example", "https://y.example:8443"]

    def pointer(target: int | None, forward: bool) -> BriefLink | None:
        if target is None:
            return None
        title = rnd.choice([f"B{target}", data.draw(_variants), None])
        href = rnd.choice(
            [None, f"/p/{target}", f"../p/{target}/", f"{rnd.choice(hosts)}/p/{target}#top"]
        )
        return link(title if title or href else f"B{target}", href)

    briefs = [
        mk(
            rnd.choice([f"B{i}", data.draw(_variants)]),
            url=rnd.choice([None, f"{rnd.choice(hosts)}/p/{i}", "https://x.example/p/0/?q=1"]),
            published=rnd.choice(
                [
                    None,
                    D(2024, 1, 1 + rnd.randrange(3)),
                    dt.datetime(
                        2024, 1, 1, rnd.randrange(24), tzinfo=dt.timezone(dt.timedelta(hours=-5))
                    ),
                ]
            ),
            prev=pointer(prevs[i], False),
            next=pointer(nexts[i], True),
        )
        for i in range(n)
    ]
    series, digests, spool = _spooled(briefs)
    try:
        result = chain_from_links(briefs)
        flat, starts, problems = chain_order(series, digests)
        ends = [*starts[1:], len(flat)] if starts else []
        assert [list(flat[a:b]) for a, b in zip(starts, ends, strict=True)] == result.indices
        assert [p.model_dump_json() for p in problems] == [
            p.model_dump_json() for p in result.problems
        ]
        for order in ("published", "title"):
            ranked = sorted_positions(n, order_key(series, order), chunk=3)
            assert list(ranked) == order_indices(briefs, order)
    finally:
        spool.close()
