"""The packed columns a large bundle keeps instead of Python objects per brief, each
checked against the plain structure it stands for."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefkit.build import collect_inputs
from briefkit.build.result import OutputNames, PathList
from briefkit.packed import DigestSet, DigestTable, Strings, digest, sorted_positions

texts = st.text() | st.sampled_from(["", "caf\udce9.txt", "\ud800", "a/b c"])


@given(st.lists(texts, max_size=30))
def test_strings_give_back_exactly_what_was_packed(items: list[str]) -> None:
    packed = Strings(items)
    assert list(packed) == items
    assert len(packed) == len(items)
    assert packed[:] == items
    if items:
        assert packed[-1] == items[-1]
        assert packed[-len(items)] == items[0]
    with pytest.raises(IndexError):
        packed[len(items)]
    with pytest.raises(IndexError):
        packed[-len(items) - 1]


@settings(max_examples=200)
@given(st.lists(st.integers(0, 5)), st.integers(1, 7))
def test_sorted_positions_is_a_stable_sort(keys: list[int], chunk: int) -> None:
    ranked = sorted_positions(len(keys), keys.__getitem__, chunk=chunk)
    assert list(ranked) == sorted(range(len(keys)), key=keys.__getitem__)


@settings(max_examples=200)
@given(st.lists(st.tuples(st.sampled_from("abcde"), st.booleans()), max_size=40))
def test_a_digest_table_finds_what_a_dict_of_lists_finds(items: list[tuple[str, bool]]) -> None:
    digests = b"".join(digest(key) for key, _ in items)
    present = [int(here) for _, here in items]
    table = DigestTable(digests, present)
    expected: dict[str, list[int]] = {}
    for i, (key, here) in enumerate(items):
        if here:
            expected.setdefault(key, []).append(i)
    for key in "abcdef":
        assert table.get(digest(key)) == expected.get(key, [])
    assert table.get("not a digest") == []


def test_a_digest_set_holds_what_a_set_holds() -> None:
    rnd = random.Random(4)
    words = [f"w{rnd.randrange(3000)}" for _ in range(5000)]  # grows several times
    members = DigestSet(words[:2500])
    assert len(members) == len(set(words[:2500]))
    for word in words:
        assert (word in members) == (word in set(words[:2500]))
    assert 3 not in members


def test_output_names_are_the_slugs_and_extensions_in_the_order_added(tmp_path: Path) -> None:
    names = OutputNames(Strings(["a", "b-2"]), [".html", ".pdf"])
    names.add_output(1, 1)
    names.append("index.html")
    names.add_output(0, 0)
    assert list(names) == ["b-2.pdf", "index.html", "a.html"]
    assert PathList(tmp_path, names) == [tmp_path / n for n in names]


def _collect_with_rglob(folder: Path) -> list[Path]:
    """What collect_inputs found with pathlib's rglob, before it walked folders itself."""
    import re

    from briefkit.registry import parser_for_extension

    def natural(path: str) -> list[str | int]:
        return [int(p) if p.isdecimal() else p.casefold() for p in re.split(r"(\d+)", path)]

    found = []
    root = os.path.realpath(folder)
    for p in folder.rglob("*"):
        if (
            not p.is_file()
            or any(part.startswith(".") for part in p.relative_to(folder).parts)
            or parser_for_extension(p.suffix) is None
        ):
            continue
        if os.path.realpath(p).startswith(root + os.sep):
            found.append(str(p))
    seen, out = set(), []
    for name in sorted(found, key=natural):
        if os.path.realpath(name) not in seen:
            seen.add(os.path.realpath(name))
            out.append(Path(name))
    return out


def test_a_folder_is_walked_as_rglob_walks_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "in"
    for name in [
        "b10.txt",
        "b9.md",
        "B01.html",
        "b1.txt",
        "notes.xyz",
        ".hidden.txt",
        "sub/a.txt",
        "sub/deeper/c2.md",
        ".git/d.txt",
        "sub/.cache/e.txt",
    ]:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text("Title\n\nBody.\n", "utf-8")
    (folder / "twin.txt").symlink_to(folder / "b1.txt")  # a duplicate by real path
    (folder / "linked").symlink_to(folder / "sub", target_is_directory=True)  # not entered
    (tmp_path / "outside.txt").write_text("Out\n", "utf-8")
    (folder / "out.txt").symlink_to(tmp_path / "outside.txt")
    for given_as in (folder, Path(os.path.relpath(folder))):
        files, failures = collect_inputs([given_as])
        assert files == _collect_with_rglob(given_as)
        assert [f.path for f in failures] == [str(given_as / "out.txt")]
    monkeypatch.chdir(folder)
    files, _ = collect_inputs(["."])
    assert files == _collect_with_rglob(Path("."))
    assert Path("sub/a.txt") in files


@pytest.mark.parametrize("stop", [None, RuntimeError, KeyboardInterrupt])
def test_the_spool_is_closed_however_the_build_ends(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stop: type[BaseException] | None
) -> None:
    """The records wait in an anonymous temporary file, closed (and so gone) at the end
    of a build, whether it finished, failed or was interrupted in the middle."""
    import briefkit.build
    from briefkit import BuildProgress, build_bundle
    from briefkit.build.series import Spool

    made: list[Spool] = []

    class Watched(Spool):
        def __init__(self) -> None:
            super().__init__()
            made.append(self)

    monkeypatch.setattr(briefkit.build, "Spool", Watched)
    folder = tmp_path / "in"
    folder.mkdir()
    for k in range(3):
        (folder / f"{k}.txt").write_text(f"Brief {k}\n\nBottom line {k}.\n", "utf-8")

    def progress(event: BuildProgress) -> None:
        if stop is not None and event.stage == "render":
            raise stop("stopped")

    if stop is None:
        result = build_bundle(folder, tmp_path / "out", formats=["html"], jobs=1, progress=progress)
        assert len(result.order) == 3
        assert "Brief 2</a>" in (tmp_path / "out" / "index.html").read_text("utf-8")
    else:
        with pytest.raises(stop):
            build_bundle(folder, tmp_path / "out", formats=["html"], jobs=1, progress=progress)
    assert len(made) == 1
    assert made[0]._file.closed
    assert not list(tmp_path.glob("out/.*.part"))
