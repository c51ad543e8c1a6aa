"""Atomic writes with and without fsync: the same all-or-nothing file either way."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefkit.fileio import atomic_write, write_if_changed


@pytest.mark.parametrize("durable", [True, False])
def test_atomic_write_replaces_whole_files_with_or_without_fsync(
    tmp_path: Path, durable: bool
) -> None:
    dest = tmp_path / "new" / "brief.html"
    assert atomic_write(dest, "first", durable=durable) == dest
    assert dest.read_text("utf-8") == "first"
    assert dest.stat().st_mode & 0o777 == 0o644
    dest.chmod(0o600)
    atomic_write(dest, "zweite Fassung, überarbeitet".encode(), durable=durable)
    assert dest.read_text("utf-8") == "zweite Fassung, überarbeitet"
    assert dest.stat().st_mode & 0o777 == 0o600  # a replaced file keeps its permissions
    with pytest.raises(TypeError):
        atomic_write(dest, 123, durable=durable)  # type: ignore[arg-type]
    assert dest.read_text("utf-8") == "zweite Fassung, überarbeitet"
    assert [p.name for p in dest.parent.iterdir()] == ["brief.html"]  # no temp file left


def test_write_if_changed_streams_and_leaves_an_unchanged_file_alone(tmp_path: Path) -> None:
    dest = tmp_path / "index.html"
    assert write_if_changed(dest, (f"<li>{i}</li>\n" for i in range(10_000))) is True
    first = dest.stat()
    again = write_if_changed(dest, (f"<li>{i}</li>\n" for i in range(10_000)), durable=False)
    assert again is False
    assert dest.stat().st_ino == first.st_ino  # not replaced
    assert write_if_changed(dest, ["<li>changed</li>\n", b"<li>bytes</li>\n"]) is True
    assert dest.read_text("utf-8") == "<li>changed</li>\n<li>bytes</li>\n"
    assert [p.name for p in tmp_path.iterdir()] == ["index.html"]  # no temp file left
