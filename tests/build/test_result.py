"""The compact parts of a build's result and the streamed manifest."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import briefkit
from briefkit import Brief, BriefLink, build_bundle
from briefkit.build import MANIFEST, LintCounts, PathList
from briefkit.build.manifest import save_manifest
from briefkit.build.work import name_suffixes
from briefkit.tradecraft import Counts


def test_a_path_list_reads_like_the_list_of_paths_it_replaces(tmp_path: Path) -> None:
    names = ["a.html", "b c.pdf", "ünï.docx", "index.html"]
    packed = PathList(tmp_path)
    for name in names:
        packed.add(name)
    expected = [tmp_path / n for n in names]
    assert isinstance(packed, Sequence)
    assert len(packed) == 4
    assert list(packed) == expected
    assert packed == expected
    assert expected == packed
    assert packed != expected[:3]
    assert packed != tuple(expected)
    assert packed[0] == tmp_path / "a.html"
    assert packed[-1] == tmp_path / "index.html"
    assert packed[1:3] == expected[1:3]
    assert tmp_path / "b c.pdf" in packed
    assert tmp_path / "nope.pdf" not in packed
    assert sorted(packed) == sorted(expected)
    with pytest.raises(IndexError):
        packed[4]
    with pytest.raises(IndexError):
        packed[-5]
    with pytest.raises(TypeError):
        hash(packed)
    assert PathList(tmp_path) == []
    shared = ["x/1.txt", "x/2.txt"]
    view = PathList(strings=shared)
    assert view == [Path("x/1.txt"), Path("x/2.txt")]
    assert "PathList" in repr(view)


def test_a_path_list_keeps_names_that_are_not_utf8(tmp_path: Path) -> None:
    odd = "caf\udce9.html"  # a file name of bytes that are not UTF-8, as os.listdir gives it
    packed = PathList(tmp_path)
    packed.add(odd)
    assert packed[0] == tmp_path / odd


def test_lint_counts_map_paths_to_counts_in_series_order() -> None:
    counts = LintCounts(["b.txt", "a.txt"], [Counts(1, 0, 0), Counts(0, 2, 1)])
    assert isinstance(counts, Mapping)
    assert list(counts) == [Path("b.txt"), Path("a.txt")]
    assert counts[Path("a.txt")] == Counts(0, 2, 1)
    assert list(counts.values()) == [Counts(1, 0, 0), Counts(0, 2, 1)]
    assert len(counts.values()) == 2
    assert next(iter(counts.items())) == (Path("b.txt"), Counts(1, 0, 0))
    assert counts == {Path("a.txt"): Counts(0, 2, 1), Path("b.txt"): Counts(1, 0, 0)}
    assert LintCounts() == {}
    with pytest.raises(KeyError):
        counts[Path("c.txt")]


def _series(folder: Path, n: int, names: list[str] | None = None) -> None:
    """A series linked by titles, written in reverse file order."""
    titles = names or [f"Part {i}" for i in range(n)]
    folder.mkdir()
    for i in range(n):
        brief = Brief(
            title=titles[i],
            summary=f"Summary {i}.",
            prev=BriefLink(title=titles[i - 1]) if i else None,
            next=BriefLink(title=titles[i + 1]) if i + 1 < n else None,
        )
        (folder / f"{n - i:02d}.json").write_text(brief.to_json(), "utf-8")


def test_a_builds_result_holds_paths_as_before(tmp_path: Path) -> None:
    _series(tmp_path / "in", 4)
    out = tmp_path / "out"
    result = build_bundle(tmp_path / "in", out, formats=("json", "html"), jobs=1, lint="icd203")
    assert len(result.written) == 9
    assert all(isinstance(p, Path) and p.parent == out for p in result.written)
    assert {p.name for p in result.written} == {
        *(f"part-{i}.{ext}" for i in range(4) for ext in ("json", "html")),
        "index.html",
    }
    assert all(p.is_file() for p in result.written)
    assert result.order == [tmp_path / "in" / f"{4 - i:02d}.json" for i in range(4)]
    assert list(result.lint) == list(result.order)
    assert all(result.lint[p] == c for p, c in result.lint.items())
    again = build_bundle(tmp_path / "in", out, formats=("json", "html"), jobs=1, lint="icd203")
    assert again.written == []
    assert sorted(again.skipped) == sorted(result.written)


@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=20))
def test_suffixes_are_pathlibs(name: str) -> None:
    path = "folder/" + name.replace("/", "_").replace("\x00", "_")
    assert name_suffixes(path) == (Path(path).suffixes, Path(path).suffix)


@pytest.mark.parametrize("count", [0, 1, 3])
def test_the_streamed_manifest_is_what_json_would_write(tmp_path: Path, count: int) -> None:
    names = sorted(['a "quoted".html', "ünï.pdf", "z\\back.docx", "é\u2028.txt"][:count])
    items = [(name, f"{i:032x}") for i, name in enumerate(names)]
    save_manifest(tmp_path, items, flush=False)
    text = (tmp_path / MANIFEST).read_text("utf-8")
    data = {"briefkit": briefkit.__version__, "outputs": dict(items)}
    assert text == json.dumps(data, indent=1) + "\n"


def test_a_series_pdf_is_listed_in_name_order_in_the_manifest(tmp_path: Path) -> None:
    pytest.importorskip("weasyprint")
    _series(tmp_path / "in", 3, ["Alpha", "Zulu", "Sierra"])  # "series.pdf" sorts between
    out = tmp_path / "out"
    result = build_bundle(tmp_path / "in", out, formats=("json",), jobs=1, series_pdf=True)
    assert result.ok
    text = (out / MANIFEST).read_text("utf-8")
    recorded = json.loads(text)["outputs"]
    assert list(recorded) == sorted(recorded)
    assert list(recorded) == ["alpha.json", "series.pdf", "sierra.json", "zulu.json"]
    assert text == json.dumps(json.loads(text), indent=1) + "\n"
