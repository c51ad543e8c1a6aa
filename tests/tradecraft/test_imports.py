"""``briefkit.tradecraft`` reads only the model and its leaf modules: parsers and renderers
may both use it, and it uses neither."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "briefkit" / "tradecraft"
ALLOWED = {"model", "errors", "safety", "limits", "markings"}


@pytest.mark.parametrize("module", sorted(PACKAGE.glob("*.py")), ids=lambda p: p.name)
def test_tradecraft_imports_only_the_model_and_leaf_modules(module: Path) -> None:
    tree = ast.parse(module.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level:
            if node.level == 1:
                continue  # within tradecraft
            top = (node.module or "").split(".")[0]
            where = f"{module.name}: from {'.' * node.level}{node.module}"
            assert node.level == 2, where
            assert top in ALLOWED, where
        elif isinstance(node, ast.ImportFrom | ast.Import):
            names = (
                [node.module] if isinstance(node, ast.ImportFrom) else [a.name for a in node.names]
            )
            assert not any(n and n.startswith("briefkit") for n in names), module.name
