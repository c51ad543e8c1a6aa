"""Session fixtures: the corpus rendered once, each validator run once over all of it."""

from __future__ import annotations

from pathlib import Path

import pytest

from validators.corpus import Rendered, render_all


@pytest.fixture(scope="session")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Rendered]:
    return render_all(tmp_path_factory.mktemp("standards"))


@pytest.fixture(scope="session")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("validators")
