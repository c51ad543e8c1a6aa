"""``briefkit convert --resources / --allow-fetch``: figures' images from where the user said."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from click.testing import CliRunner, Result

from briefkit.cli import main
from pictures import png


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args])


def brief_with_image(folder: Path) -> Path:
    (folder / "charts").mkdir()
    (folder / "charts" / "calls.png").write_bytes(png(40, 20))
    source = folder / "brief.md"
    source.write_text(
        "# Calls at Djibouti\n\n![Calls per day](charts/calls.png)\n\nFigure: Calls per day\n",
        encoding="utf-8",
    )
    return source


def media(path: Path) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(path.read_bytes())) as archive:
        return [n for n in archive.namelist() if n.startswith("word/media/")]


def test_resources_names_the_folder_images_are_read_from(tmp_path: Path) -> None:
    source = brief_with_image(tmp_path)
    without = run("convert", source, "-o", tmp_path / "plain.docx", "-q")
    assert without.exit_code == 0, without.output
    assert media(tmp_path / "plain.docx") == []
    done = run("convert", source, "-o", tmp_path / "out.docx", "--resources", tmp_path, "-q")
    assert done.exit_code == 0, done.output
    assert len(media(tmp_path / "out.docx")) == 1


def test_image_options_only_apply_where_they_mean_something(tmp_path: Path) -> None:
    source = brief_with_image(tmp_path)
    result = run("convert", source, "-o", tmp_path / "out.txt", "--resources", tmp_path)
    assert result.exit_code == 2
    assert "--resources applies to docx and pdf output only" in result.output
    bad = run("convert", source, "-o", tmp_path / "out.pdf", "--allow-fetch", "example.org")
    assert bad.exit_code == 1
    assert "not an absolute URL" in bad.output
