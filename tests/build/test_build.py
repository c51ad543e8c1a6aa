"""Bundles: ordering, linking, index, failures, up-to-date skips, executors, interruption."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from collections import Counter
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from lxml import html as lxml_html

import briefkit
from briefkit import (
    Brief,
    BriefLink,
    BuildProgress,
    FormatError,
    Section,
    SectionKind,
    build_bundle,
    registry,
)
from briefkit.build import MANIFEST
from briefkit.errors import RenderError
from briefkit.registry import RendererInfo
from briefs import long_brief, minimal, para, rich_brief, seed_shaped

D = dt.date


def scraped_series(n: int) -> list[Brief]:
    """``n`` briefs as a scraper saves them: canonical urls, dates, and prev/next pointers
    by title and href (with the usual variations in how hrefs are written)."""
    base = seed_shaped()
    out = []
    for i in range(n):
        url = f"https://blog.example.org/briefs/{i:03d}-item"
        prev = (
            BriefLink(title=f"Brief {i - 1}: Harbour Report", href=f"/briefs/{i - 1:03d}-item/")
            if i
            else BriefLink(title="An Older Brief Not Downloaded", href="/briefs/old")
        )
        nxt = (
            BriefLink(
                title=f"Brief {i + 1}: Harbour Report",
                href=f"http://BLOG.example.org/briefs/{i + 1:03d}-item?ref=nav",
            )
            if i + 1 < n
            else None
        )
        out.append(
            base.model_copy(
                update={
                    "title": f"Brief {i}: Harbour Report",
                    "url": url,
                    "published": D(2024, 1, 1) + dt.timedelta(days=i),
                    "prev": prev,
                    "next": nxt,
                }
            )
        )
    return out


def write_scrambled(folder: Path, briefs: list[Brief], seed: int = 1) -> dict[str, Path]:
    """Each brief as JSON under a random file name; title -> path."""
    folder.mkdir(parents=True, exist_ok=True)
    names = [f"page-{n:05d}.json" for n in random.Random(seed).sample(range(10000), len(briefs))]
    paths = {}
    for brief, name in zip(briefs, names, strict=True):
        (folder / name).write_text(brief.to_json(), "utf-8")
        paths[brief.title] = folder / name
    return paths


def outputs(folder: Path, ext: str) -> list[Path]:
    """The visible files of ``folder`` ending in ``ext`` (not the manifest, not temp files)."""
    return sorted(p for p in folder.glob(f"*{ext}") if not p.name.startswith("."))


def load(path: Path) -> Brief:
    return Brief.from_json(path.read_bytes())


def index_entries(outdir: Path) -> list[tuple[str, list[str]]]:
    """(title, format hrefs) of each entry of index.html, in order."""
    tree = lxml_html.parse(str(outdir / "index.html"))
    return [
        (li.xpath("string(.//*[@class='title'])"), li.xpath(".//p[@class='formats']/a/@href"))
        for li in tree.xpath("//ol[@class='series']/li")
    ]


def relative_targets(page: Path) -> list[str]:
    """Every relative URL an HTML file refers to (links, stylesheets, images, scripts)."""
    tree = lxml_html.parse(str(page))
    urls = tree.xpath("//@href | //@src")
    out = []
    for url in urls:
        parts = urlsplit(str(url))
        if not parts.scheme and not parts.netloc and parts.path:
            out.append(parts.path)
    return out


def works(fmt: str) -> bool:
    """True once the renderer for ``fmt`` is implemented."""
    try:
        briefkit.render(minimal(), fmt)
    except NotImplementedError:
        return False
    return True


def parses(fmt: str, brief: Brief) -> bool:
    try:
        briefkit.parse(briefkit.render(brief, fmt), format=fmt)
    except NotImplementedError:
        return False
    return True


# --- order, links, index ----------------------------------------------------------------


def test_scrambled_scraped_folder_builds_in_series_order(tmp_path: Path) -> None:
    series = scraped_series(12)
    write_scrambled(tmp_path / "in", series)
    out = tmp_path / "out"
    result = build_bundle([tmp_path / "in"], out, formats=("json",), jobs=1)
    assert result.ok, result.failures
    assert result.problems == []
    slugs = [briefkit.slugify(b.title) for b in series]
    assert [load(p).title for p in result.order] == [b.title for b in series]
    for i, slug in enumerate(slugs):
        brief = load(out / f"{slug}.json")
        assert brief.slug == slug
        assert brief.url == series[i].url
        assert brief.sections == series[i].sections
        if i:
            assert brief.prev == BriefLink(title=series[i - 1].title, href=f"{slugs[i - 1]}.json")
        else:
            assert brief.prev is None  # its scraped prev pointed outside the set
        if i + 1 < len(series):
            assert brief.next == BriefLink(title=series[i + 1].title, href=f"{slugs[i + 1]}.json")
        else:
            assert brief.next is None
    assert index_entries(out) == [
        (b.title, [f"{s}.json"]) for b, s in zip(series, slugs, strict=True)
    ]
    assert sorted(p.name for p in result.written) == sorted(
        [f"{s}.json" for s in slugs] + ["index.html"]
    )


def test_every_relative_link_of_every_html_file_resolves(tmp_path: Path) -> None:
    series = scraped_series(8)
    write_scrambled(tmp_path / "in", series, seed=5)
    out = tmp_path / "out"
    result = build_bundle(tmp_path / "in", out, formats=("html", "json"), jobs=1)
    assert result.ok, result.failures
    pages = outputs(out, ".html")
    assert len(pages) == len(series) + 1
    checked = 0
    for page in pages:
        for target in relative_targets(page):
            assert (out / target).is_file(), f"{page.name} links to missing {target}"
            checked += 1
    assert checked >= 2 * (len(series) - 1) + 2 * len(series)  # navs + index entries
    first = lxml_html.parse(str(out / f"{briefkit.slugify(series[0].title)}.html"))
    assert first.xpath("//a[@rel='prev']") == []  # the outside-the-set prev is dropped
    assert first.xpath("//a[@rel='next']/@href") == [f"{briefkit.slugify(series[1].title)}.html"]


def test_without_links_dates_decide_and_without_dates_file_names(tmp_path: Path) -> None:
    dated = [
        minimal().model_copy(update={"title": f"Dated {d}", "published": D(2024, 5, d)})
        for d in (3, 1, 2)
    ]
    for i, brief in enumerate(dated):
        (tmp_path / "dated" / f"{i}.json").parent.mkdir(exist_ok=True)
        (tmp_path / "dated" / f"{i}.json").write_text(brief.to_json())
    result = build_bundle(tmp_path / "dated", tmp_path / "o1", formats=("json",), jobs=1)
    assert [load(p).title for p in result.order] == ["Dated 1", "Dated 2", "Dated 3"]

    undated = tmp_path / "undated"
    undated.mkdir()
    for name in ("10-c", "2-b", "1-a"):
        brief = minimal().model_copy(update={"title": f"Note {name}"})
        (undated / f"{name}.json").write_text(brief.to_json())
    result = build_bundle(undated, tmp_path / "o2", formats=("json",), jobs=1)
    assert [p.name for p in result.order] == ["1-a.json", "2-b.json", "10-c.json"]


@pytest.mark.parametrize(
    ("order", "expected"),
    [
        ("given", ["B", "C", "A"]),
        ("title", ["A", "B", "C"]),
        ("published", ["C", "A", "B"]),
        ("name", ["A", "B", "C"]),
    ],
)
def test_explicit_orders(tmp_path: Path, order: str, expected: list[str]) -> None:
    dates = {"A": D(2024, 2, 1), "B": D(2024, 3, 1), "C": D(2024, 1, 1)}
    files = []
    for title in ("B", "C", "A"):
        path = tmp_path / f"{title.lower()}.json"
        path.write_text(
            minimal().model_copy(update={"title": title, "published": dates[title]}).to_json()
        )
        files.append(path)
    result = build_bundle(files, tmp_path / "out", formats=("json",), order=order, jobs=1)
    assert [load(p).title for p in result.order] == expected


def test_chain_problems_are_reported_and_the_build_goes_on(tmp_path: Path) -> None:
    a = minimal().model_copy(update={"title": "A", "next": BriefLink(title="C")})
    b = minimal().model_copy(update={"title": "B", "next": BriefLink(title="C")})
    c = minimal().model_copy(update={"title": "C"})
    for brief in (a, b, c):
        (tmp_path / f"{brief.title}.json").write_text(brief.to_json())
    result = build_bundle(tmp_path, tmp_path / "out", formats=("json",), jobs=1)
    assert result.ok
    assert [p.kind for p in result.problems] == [briefkit.LinkProblemKind.FORK]
    assert len(outputs(tmp_path / "out", ".json")) == 3


def test_duplicate_titles_get_distinct_files(tmp_path: Path) -> None:
    for i in range(3):
        brief = minimal().model_copy(update={"published": D(2024, 1, 1 + i)})
        (tmp_path / f"{i}.json").write_text(brief.to_json())
    out = tmp_path / "out"
    build_bundle(tmp_path, out, formats=("json",), jobs=1)
    slug = briefkit.slugify(minimal().title)
    assert [p.name for p in outputs(out, ".json")] == [
        f"{slug}-2.json",
        f"{slug}-3.json",
        f"{slug}.json",
    ]
    assert load(out / f"{slug}-2.json").next == BriefLink(
        title=minimal().title, href=f"{slug}-3.json"
    )


def test_index_escapes_everything_and_shows_date_and_judgement(tmp_path: Path) -> None:
    title = 'Alerts <script>alert("x")</script> & “Quotes”'
    words = " ".join(f"point{i}" for i in range(120))
    judgement = Section(kind=SectionKind.JUDGEMENT, blocks=(para(f"<i>Bold</i> claim: {words}"),))
    brief = seed_shaped().model_copy(
        update={
            "title": title,
            "published": dt.datetime(2024, 6, 1, 8, tzinfo=dt.UTC),
            "sections": (judgement,),
        }
    )
    (tmp_path / "in.json").write_text(brief.to_json())
    out = tmp_path / "out"
    build_bundle(tmp_path / "in.json", out, formats=("json",), jobs=1, title="<b>Series</b>")
    tree = lxml_html.parse(str(out / "index.html"))
    assert tree.xpath("//script") == []
    assert tree.xpath("//b | //i") == []
    assert tree.xpath("string(//h1)") == "<b>Series</b>"
    assert tree.xpath("string(//*[@class='title'])") == title
    assert tree.xpath("//time/@datetime") == ["2024-06-01"]
    shown = tree.xpath("string(//p[@class='judgement'])")
    assert shown.startswith("<i>Bold</i> claim: point0 point1")
    assert shown.endswith(" …")  # shortened at a word
    assert len(shown) <= 290
    assert shown[:-2] == f"<i>Bold</i> claim: {words}"[: len(shown) - 2]


def test_inputs_of_every_parsed_format_in_one_folder(tmp_path: Path) -> None:
    briefs = {
        "json": minimal().model_copy(update={"title": "From JSON", "published": D(2024, 1, 1)}),
        "html": rich_brief().model_copy(
            update={"title": "From HTML", "published": D(2024, 1, 2), "next": None}
        ),
        "markdown": seed_shaped().model_copy(
            update={
                "title": "From Markdown",
                "published": D(2024, 1, 3),
                "prev": None,
                "next": None,
            }
        ),
        "text": seed_shaped().model_copy(
            update={"title": "From Text", "published": D(2024, 1, 4), "prev": None, "next": None}
        ),
    }
    usable = {f: b for f, b in briefs.items() if works(f) and parses(f, b)}
    if len(usable) < 2:
        pytest.skip("fewer than two formats both render and parse yet")
    ext = {"json": "json", "html": "html", "markdown": "md", "text": "txt"}
    for fmt, brief in usable.items():
        data = briefkit.render(brief, fmt)
        target = tmp_path / "in" / f"brief.{ext[fmt]}"
        target.parent.mkdir(exist_ok=True)
        target.write_bytes(data if isinstance(data, bytes) else data.encode())
    result = build_bundle(tmp_path / "in", tmp_path / "out", formats=("json",), jobs=1)
    assert result.ok, result.failures
    for brief in usable.values():
        assert load(tmp_path / "out" / f"{briefkit.slugify(brief.title)}.json").title == brief.title
    assert [e[0] for e in index_entries(tmp_path / "out")] == [b.title for b in usable.values()]


# --- failures ---------------------------------------------------------------------------


def test_bad_inputs_are_reported_and_the_rest_is_written(tmp_path: Path) -> None:
    series = scraped_series(6)
    write_scrambled(tmp_path / "in", series)
    (tmp_path / "in" / "broken.json").write_text('{"title": "Half a brief", "sections": [')
    (tmp_path / "in" / "empty.json").write_text("")
    (tmp_path / "in" / "wrong.json").write_text('{"title": ""}')
    out = tmp_path / "out"
    result = build_bundle(
        [tmp_path / "in", tmp_path / "missing.json"], out, formats=("json",), jobs=2
    )
    assert not result.ok
    failed = sorted(Path(f.path).name for f in result.failures)
    assert failed == ["broken.json", "empty.json", "missing.json", "wrong.json"]
    assert all(f.reason for f in result.failures)
    assert "title" in next(f.reason for f in result.failures if f.path.endswith("wrong.json"))
    assert len(outputs(out, ".json")) == len(series)
    assert [e[0] for e in index_entries(out)] == [b.title for b in series]
    # the bad inputs are left out of the chain: neighbours link past them
    assert load(out / f"{briefkit.slugify(series[-1].title)}.json").next is None


def _picky_renderer(brief: Brief) -> str:
    """A plugin renderer that refuses some briefs and has a bug with others."""
    if "Refused" in brief.title:
        raise RenderError("this brief is not wanted", format="picky", brief=brief.title)
    if "Buggy" in brief.title:
        raise ValueError("renderer bug")
    return brief.title + "\n"


def test_a_format_that_fails_does_not_stop_the_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    info = RendererInfo("picky", _picky_renderer, extension=".picky")
    monkeypatch.setitem(registry._renderers, "picky", info)
    for i, title in enumerate(("Fine One", "Refused Two", "Buggy Three")):
        brief = minimal().model_copy(update={"title": title, "published": D(2024, 1, 1 + i)})
        (tmp_path / f"{i}.json").write_text(brief.to_json())
    out = tmp_path / "out"
    # jobs=1 renders in this process, where the plugin is registered
    result = build_bundle(tmp_path, out, formats=("json", "picky"), jobs=1)
    failures = {(Path(f.path).name, f.format): f.reason for f in result.failures}
    assert failures == {
        ("1.json", "picky"): "[picky] 'Refused Two': this brief is not wanted",
        ("2.json", "picky"): "ValueError: renderer bug",
    }
    assert [p.name for p in outputs(out, ".json")] == [
        "buggy-three.json",
        "fine-one.json",
        "refused-two.json",
    ]
    assert [p.name for p in outputs(out, ".picky")] == ["fine-one.picky"]
    assert index_entries(out) == [
        ("Fine One", ["fine-one.json", "fine-one.picky"]),
        ("Refused Two", ["refused-two.json"]),
        ("Buggy Three", ["buggy-three.json"]),
    ]
    # failed outputs are not recorded as up to date: a rerun tries them again
    again = build_bundle(tmp_path, out, formats=("json", "picky"), jobs=1)
    assert len(again.failures) == 2
    assert again.written == []


def test_bad_arguments_raise(tmp_path: Path) -> None:
    with pytest.raises(FormatError, match="unknown output format"):
        build_bundle([], tmp_path, formats=("nope",))
    with pytest.raises(FormatError, match="unknown order"):
        build_bundle([], tmp_path, order="random")
    with pytest.raises(FormatError, match="no output format"):
        build_bundle([], tmp_path, formats=())


# --- up to date -------------------------------------------------------------------------


def test_rerun_skips_up_to_date_outputs_and_redoes_what_changed(tmp_path: Path) -> None:
    series = scraped_series(5)
    paths = write_scrambled(tmp_path / "in", series)
    out = tmp_path / "out"
    first = build_bundle(tmp_path / "in", out, formats=("json", "html"), jobs=1)
    assert len(first.written) == 11
    assert (out / MANIFEST).is_file()
    second = build_bundle(tmp_path / "in", out, formats=("json", "html"), jobs=1)
    assert second.written == []
    assert len(second.skipped) == 11
    # retitle the middle brief: it and both neighbours (whose links show its title) change
    middle = series[2].model_copy(update={"title": "A New Middle"})
    time.sleep(0.01)
    paths[series[2].title].write_text(middle.to_json())
    third = build_bundle(tmp_path / "in", out, formats=("json", "html"), jobs=1)
    stems = sorted({p.stem for p in third.written})
    expected = sorted(
        {briefkit.slugify(t) for t in (series[1].title, "A New Middle", series[3].title)}
        | {"index"}
    )
    assert stems == expected
    assert load(out / f"{briefkit.slugify(series[1].title)}.json").next == BriefLink(
        title="A New Middle", href="a-new-middle.json"
    )
    forced = build_bundle(tmp_path / "in", out, formats=("json", "html"), jobs=1, force=True)
    assert len(forced.written) == 10  # the index is unchanged, so it is left alone
    assert forced.skipped == [out / "index.html"]


def test_renderer_options_reach_the_renderer_and_count_for_up_to_date(tmp_path: Path) -> None:
    write_scrambled(tmp_path / "in", scraped_series(2))
    out = tmp_path / "out"
    compact = {"json": {"indent": None}}
    first = build_bundle(tmp_path / "in", out, formats=("json",), jobs=1, options=compact)
    assert len(first.written) == 3
    assert all(len(p.read_text().splitlines()) == 1 for p in outputs(out, ".json"))
    same = build_bundle(tmp_path / "in", out, formats=("json",), jobs=1, options=compact)
    assert same.written == []
    indented = build_bundle(tmp_path / "in", out, formats=("json",), jobs=1)
    assert sorted(p.suffix for p in indented.written) == [".json", ".json"]
    assert all(len(p.read_text().splitlines()) > 1 for p in outputs(out, ".json"))


def test_a_deleted_or_older_output_is_rebuilt(tmp_path: Path) -> None:
    series = scraped_series(3)
    write_scrambled(tmp_path / "in", series)
    out = tmp_path / "out"
    build_bundle(tmp_path / "in", out, formats=("json",), jobs=1)
    victim = out / f"{briefkit.slugify(series[0].title)}.json"
    victim.unlink()
    stale = out / f"{briefkit.slugify(series[1].title)}.json"
    os.utime(stale, ns=(0, 0))
    result = build_bundle(tmp_path / "in", out, formats=("json",), jobs=1)
    assert sorted(result.written) == sorted([victim, stale])
    assert victim.is_file()


# --- executors and progress -------------------------------------------------------------


def test_process_pool_and_inline_builds_are_identical(tmp_path: Path) -> None:
    series = scraped_series(30)
    write_scrambled(tmp_path / "in", series)
    options: dict[str, Any] = {"formats": ("json", "html"), "title": "Harbour Reports"}
    one = build_bundle(tmp_path / "in", tmp_path / "one", jobs=1, **options)
    two = build_bundle(tmp_path / "in", tmp_path / "two", jobs=2, **options)
    assert one.ok
    assert two.ok
    names = sorted(p.name for p in (tmp_path / "one").iterdir() if p.name != MANIFEST)
    assert names == sorted(p.name for p in (tmp_path / "two").iterdir() if p.name != MANIFEST)
    for name in names:
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()


def test_any_executor_can_run_the_build_and_stays_open(tmp_path: Path) -> None:
    write_scrambled(tmp_path / "in", scraped_series(6))
    events: list[BuildProgress] = []
    with ThreadPoolExecutor(max_workers=3) as pool:
        result = build_bundle(
            tmp_path / "in",
            tmp_path / "out",
            formats=("json",),
            executor=pool,
            progress=events.append,
        )
        assert pool.submit(sum, [1, 2]).result() == 3  # not shut down by the build
    assert result.ok
    scans = [e for e in events if e.stage == "scan"]
    renders = [e for e in events if e.stage == "render"]
    assert [e.done for e in scans] == list(range(1, 7))
    assert [e.done for e in renders] == list(range(1, 7))
    assert {e.total for e in scans + renders} == {6}
    assert all(e.ok and e.item for e in events)


class _LosingExecutor(ThreadPoolExecutor):
    """An executor that loses the tasks holding some inputs (``times`` times per input and
    stage), as a dask cluster does when a worker dies with them: their futures fail with
    an error that says nothing about the input."""

    def __init__(self, names: set[str], times: int) -> None:
        super().__init__(max_workers=2)
        self.names, self.times = names, times
        self.lost: Counter[tuple[str, str]] = Counter()

    def submit(self, fn: Any, /, *args: Any, **kwargs: Any) -> Future[Any]:
        items = args[0] if args and isinstance(args[0], list) else []
        paths = [Path(getattr(i, "path", None) or i.source.path).name for i in items]
        stage = getattr(fn, "__name__", str(fn))
        doomed = [n for n in paths if n in self.names and self.lost[stage, n] < self.times]
        if not doomed:
            return super().submit(fn, *args, **kwargs)
        self.lost.update((stage, n) for n in doomed)
        lost: Future[Any] = Future()
        lost.set_exception(ValueError("too many values to unpack (expected 3)"))
        return lost


def test_tasks_an_executor_loses_are_run_again(tmp_path: Path) -> None:
    """A lost task's inputs are run again, one by one: every input is scanned and rendered
    once, every output written, none reported failed."""
    write_scrambled(tmp_path / "in", scraped_series(12))
    names = sorted(p.name for p in (tmp_path / "in").iterdir())
    events: list[BuildProgress] = []
    with _LosingExecutor(set(names[:3]), times=2) as pool:
        result = build_bundle(
            tmp_path / "in",
            tmp_path / "out",
            formats=("html",),
            executor=pool,
            jobs=1,
            progress=events.append,
        )
    assert sum(pool.lost.values()) == 2 * 3 * 2  # two stages, three inputs, twice each
    assert result.ok, result.failures
    assert len(result.written) == 12 + 1
    for stage in ("scan", "render"):
        assert sorted(Path(e.item or "").name for e in events if e.stage == stage) == names
    assert all(e.ok for e in events)


def test_a_task_lost_every_time_fails_its_inputs_only(tmp_path: Path) -> None:
    """Lost three times (the first try and two reruns), an input fails with the
    executor's error; the others are built."""
    write_scrambled(tmp_path / "in", scraped_series(3))
    names = sorted(p.name for p in (tmp_path / "in").iterdir())
    with _LosingExecutor({names[0]}, times=3) as pool:
        result = build_bundle(
            tmp_path / "in", tmp_path / "out", formats=("html",), executor=pool, jobs=1
        )
    assert [(Path(f.path).name, f.reason) for f in result.failures] == [
        (names[0], "ValueError: too many values to unpack (expected 3)")
    ]
    assert sorted(p.name for p in result.order) == names[1:]


def _forbid_files(folder: str) -> None:
    """Make this worker refuse to open anything under ``folder`` (an audit hook)."""

    def hook(event: str, args: tuple[object, ...]) -> None:
        if event == "open" and str(args[0]).startswith(folder):
            raise PermissionError(f"a worker opened {args[0]}")

    sys.addaudithook(hook)


_RENAMED: list[str] = []
_WATCHED: list[str] = []  # the folder whose renames this process counts, while a build runs


def _count_renames(event: str, args: tuple[object, ...]) -> None:
    if event == "os.rename" and _WATCHED and str(args[1]).startswith(_WATCHED[0]):
        _RENAMED.append(Path(str(args[1])).name)


sys.addaudithook(_count_renames)


def _renames_into(out: Path, build: Any) -> tuple[Any, Counter[str]]:
    """Run ``build()`` and count, by file name, the renames this process makes into
    ``out`` (every output is put in place by a rename), the manifest's left out."""
    _RENAMED.clear()
    _WATCHED.append(str(out) + os.sep)
    try:
        result = build()
    finally:
        _WATCHED.clear()
    return result, Counter(name for name in _RENAMED if name != MANIFEST)


def test_workers_need_no_access_to_the_files(tmp_path: Path) -> None:
    """Inputs go to the workers as bytes and documents come back as bytes: workers that
    cannot open a single file of the build (as on a cluster without shared storage) still
    build it, and this process puts every output in place, once."""
    write_scrambled(tmp_path / "in", scraped_series(12))
    out = tmp_path / "out"
    context = multiprocessing.get_context("fork")
    guard = {"initializer": _forbid_files, "initargs": (str(tmp_path),)}
    with ProcessPoolExecutor(2, context, **guard) as pool:
        result, renamed = _renames_into(
            out,
            lambda: build_bundle(
                tmp_path / "in", out, formats=("html", "docx"), executor=pool, jobs=2
            ),
        )
        an_input = next((tmp_path / "in").iterdir())
        with pytest.raises(PermissionError):  # the guard is real: a worker cannot read one
            pool.submit(an_input.read_bytes).result()
    assert result.ok, result.failures
    assert len(result.written) == len(set(result.written)) == 2 * 12 + 1
    assert sorted(renamed) == sorted(p.name for p in result.written)
    assert set(renamed.values()) == {1}


def test_own_workers_hand_documents_back_and_this_process_puts_them_in_place(
    tmp_path: Path,
) -> None:
    """The build's own worker processes leave each document in a temporary file; this
    process renames each into place exactly once, and nothing temporary is left."""
    write_scrambled(tmp_path / "in", scraped_series(12))
    out = tmp_path / "out"
    result, renamed = _renames_into(
        out, lambda: build_bundle(tmp_path / "in", out, formats=("html", "json"), jobs=2)
    )
    assert result.ok, result.failures
    assert sorted(renamed) == sorted(p.name for p in result.written)
    assert len(renamed) == 2 * 12 + 1
    assert set(renamed.values()) == {1}
    assert not [p for p in out.iterdir() if p.name.endswith(".part")]


def test_progress_reports_failed_inputs(tmp_path: Path) -> None:
    (tmp_path / "good.json").write_text(minimal().to_json())
    (tmp_path / "bad.json").write_text("[]")
    events: list[BuildProgress] = []
    build_bundle(tmp_path, tmp_path / "out", formats=("json",), jobs=1, progress=events.append)
    bad = [e for e in events if not e.ok]
    assert [(e.stage, Path(e.item or "").name) for e in bad] == [("scan", "bad.json")]


def test_output_folder_inside_the_input_folder_is_not_read_back(tmp_path: Path) -> None:
    write_scrambled(tmp_path, scraped_series(3))
    first = build_bundle(tmp_path, tmp_path / "site", formats=("json",), jobs=1)
    second = build_bundle(tmp_path, tmp_path / "site", formats=("json",), jobs=1)
    assert len(first.order) == len(second.order) == 3


# --- interruption -----------------------------------------------------------------------

_SLOW_BUILD = """
import sys, time
from briefkit import build_bundle

def slow(event):
    time.sleep(0.01)

if __name__ == "__main__":
    build_bundle(sys.argv[1], sys.argv[2], formats=("json", "html"), jobs=2, progress=slow)
"""


def _complete(path: Path) -> bool:
    if path.suffix == ".json":
        load(path)
        return True
    return path.read_text("utf-8").rstrip().endswith("</html>")


def test_killing_a_build_leaves_no_partial_file(tmp_path: Path) -> None:
    series = [
        long_brief(30).model_copy(
            update={"title": f"Survey {i}", "published": D(2024, 1, 1) + dt.timedelta(days=i)}
        )
        for i in range(300)
    ]
    for i, brief in enumerate(series):
        (tmp_path / "in").mkdir(exist_ok=True)
        (tmp_path / "in" / f"{i}.json").write_text(brief.to_json(indent=None))
    out = tmp_path / "out"
    script = tmp_path / "slow_build.py"
    script.write_text(textwrap.dedent(_SLOW_BUILD))
    proc = subprocess.Popen(
        [sys.executable, str(script), str(tmp_path / "in"), str(out)], start_new_session=True
    )
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None:
            if out.is_dir() and len(outputs(out, ".html")) >= 20:
                break
            time.sleep(0.005)
        assert proc.poll() is None, "the build ended before it could be interrupted"
        os.killpg(proc.pid, signal.SIGKILL)
    finally:
        proc.wait()
    visible = [p for p in out.iterdir() if not p.name.startswith(".")]
    assert 20 <= len(visible) < 2 * len(series) + 1
    assert all(p.suffix in {".json", ".html"} for p in visible)
    assert all(_complete(p) for p in visible)
    assert not (out / "index.html").exists()
    # a rerun finishes the job and clears the temporary files the kill left behind
    result = build_bundle(tmp_path / "in", out, formats=("json", "html"), jobs=2)
    assert result.ok
    assert len(result.written) + len(result.skipped) == 2 * len(series) + 1
    assert not [p for p in out.iterdir() if p.name.endswith(".part")]
    assert all(_complete(p) for p in out.iterdir() if not p.name.startswith("."))


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
@pytest.mark.parametrize("stage", ["scan", "render"])
def test_a_killed_worker_is_replaced_and_every_output_still_written(
    tmp_path: Path, stage: str
) -> None:
    """A worker SIGKILLed mid-build (as by the OOM killer) breaks the process pool; the build
    starts a new pool, retries what the dead one held and writes everything, exactly as an
    undisturbed build does."""
    series = scraped_series(40)
    write_scrambled(tmp_path / "in", series)
    options: dict[str, Any] = {"formats": ("json", "html"), "title": "Harbour Reports"}
    killed: set[int] = set()  # the pool's workers when one of them was killed
    at_end: set[int] = set()  # the pool's workers at the last event
    events: list[BuildProgress] = []

    def kill_once(event: BuildProgress) -> None:
        events.append(event)
        workers = {p.pid for p in multiprocessing.active_children() if p.is_alive() and p.pid}
        if not killed and event.stage == stage and event.done == 3:
            assert workers, "no worker process to kill"
            killed.update(workers)
            os.kill(min(workers), signal.SIGKILL)
        at_end.clear()
        at_end.update(workers)

    out = tmp_path / "out"
    result = build_bundle(tmp_path / "in", out, jobs=2, progress=kill_once, **options)
    assert killed
    assert result.ok, result.failures
    assert at_end, "the build ended without worker processes"
    assert at_end.isdisjoint(killed)  # a new pool did the rest
    names = sorted(p.name for p in (tmp_path / "in").iterdir())
    for step in ("scan", "render"):  # every input reported once, none lost or doubled
        assert sorted(Path(e.item or "").name for e in events if e.stage == step) == names
    undisturbed = build_bundle(tmp_path / "in", tmp_path / "ref", jobs=1, **options)
    expected = outputs(tmp_path / "ref", "")
    assert [p.name for p in outputs(out, "")] == [p.name for p in expected]
    assert len(expected) == 2 * len(series) + 1
    for ref in expected:
        assert (out / ref.name).read_bytes() == ref.read_bytes(), ref.name
    assert sorted(result.written) == sorted(out / p.name for p in expected)
    assert undisturbed.ok


# --- docx and pdf (run once those renderers exist) --------------------------------------


def require(fmt: str) -> None:
    if not works(fmt):
        pytest.skip(f"{fmt} renderer not written yet")


def test_docx_bundle(tmp_path: Path) -> None:
    require("docx")
    import docx

    series = scraped_series(3)
    write_scrambled(tmp_path / "in", series)
    result = build_bundle(tmp_path / "in", tmp_path / "out", formats=("docx",), jobs=1)
    assert result.ok, result.failures
    middle = docx.Document(str(tmp_path / "out" / f"{briefkit.slugify(series[1].title)}.docx"))
    text = "\n".join(p.text for p in middle.paragraphs)
    assert series[1].title in text
    targets = {r.target_ref for r in middle.part.rels.values() if r.is_external}
    assert {
        f"{briefkit.slugify(series[0].title)}.docx",
        f"{briefkit.slugify(series[2].title)}.docx",
    } <= targets


def _pdf_links(path: Path) -> set[str]:
    from pypdf import PdfReader

    links = set()
    for page in PdfReader(str(path)).pages:
        for annot in page.get("/Annots") or []:
            action = annot.get_object().get("/A") or {}
            if "/URI" in action:
                links.add(str(action["/URI"]))
    return links


def test_pdf_bundle_and_series_pdf(tmp_path: Path) -> None:
    require("pdf")
    from pypdf import PdfReader

    series = scraped_series(3)
    write_scrambled(tmp_path / "in", series)
    out = tmp_path / "out"
    result = build_bundle(tmp_path / "in", out, formats=("pdf",), series_pdf=True, jobs=2)
    assert result.ok, result.failures
    slugs = [briefkit.slugify(b.title) for b in series]
    middle = out / f"{slugs[1]}.pdf"
    assert series[1].title in "".join(p.extract_text() for p in PdfReader(str(middle)).pages)
    assert {f"{slugs[0]}.pdf", f"{slugs[2]}.pdf"} <= {Path(u).name for u in _pdf_links(middle)}
    whole = "".join(p.extract_text() for p in PdfReader(str(out / "series.pdf")).pages)
    positions = [whole.rfind(b.title) for b in series]
    assert all(p >= 0 for p in positions)
    tree = lxml_html.parse(str(out / "index.html"))
    assert tree.xpath("//a[@href='series.pdf']")
    again = build_bundle(tmp_path / "in", out, formats=("pdf",), series_pdf=True, jobs=2)
    assert again.written == []
    assert out / "series.pdf" in again.skipped


def test_three_formats_when_available(tmp_path: Path) -> None:
    formats = tuple(f for f in ("html", "docx", "pdf") if works(f))
    series = scraped_series(4)
    write_scrambled(tmp_path / "in", series)
    result = build_bundle(tmp_path / "in", tmp_path / "out", formats=formats, jobs=2)
    assert result.ok, result.failures
    ext = {f: briefkit.output_formats()[f].extension for f in formats}
    for title, links in index_entries(tmp_path / "out"):
        slug = briefkit.slugify(title)
        assert links == [f"{slug}{ext[f]}" for f in formats]
        assert all((tmp_path / "out" / link).stat().st_size > 0 for link in links)


def test_the_executor_example_runs(tmp_path: Path) -> None:
    example = Path(__file__).parents[2] / "examples" / "build_with_dask.py"
    proc = subprocess.run(
        [sys.executable, str(example), "-o", str(tmp_path / "site"), "--formats", "html"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "running on dask" in proc.stdout or "falling back" in proc.stdout
    assert "13 written" in proc.stdout
    assert len(outputs(tmp_path / "site", ".html")) == 13
