"""The layout's rules, held by reading the source: who may import whom, module size, the
public list in ``briefkit/__init__.py``, and what the built wheel and first uses load."""

from __future__ import annotations

import ast
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import briefkit

SRC = Path(briefkit.__file__).parent
ROOT = Path(__file__).resolve().parents[1]

#: The modules below everything: the model and what it needs, the errors, the registry,
#: the packed columns.
#: ``images`` reads image headers and holds the rule for a figure's source, which the model
#: validates with.
CORE = {
    "model",
    "errors",
    "limits",
    "safety",
    "images",
    "fileio",
    "registry",
    "markings",
    "_version",
    "packed",
}
#: What reads a brief's content without parsing or rendering it: a walk over its text with
#: paths, and the analysers built on it (indicators, places). Renderers may use them (the
#: defang step, STIX and MISP); they never import a parser or a renderer.
ANALYSIS = {"passages", "ioc", "entities", "tradecraft"}
#: Top-level part of briefkit -> the parts it may import (its own part always allowed).
ALLOWED: dict[str, set[str]] = {
    "model": {"limits", "safety", "images"},
    "images": {"limits", "safety"},
    "errors": set(),
    "limits": set(),
    "safety": set(),
    "fileio": set(),
    "markings": set(),
    # packed columns for what keeps something per item of a large set (standard library only)
    "packed": set(),
    "registry": {"errors"},
    "_version": set(),
    # errors too: the text title reader a writer asks back raises ParseError.
    # markings too: a line that is only a TLP label is a banner, whoever reads or writes it.
    "syntax": {"model", "safety", "limits", "errors", "markings"},
    "passages": {"model"},
    "ioc": CORE | {"passages"},
    "entities": CORE | {"passages"},
    "tradecraft": CORE | {"passages"},
    "parsers": CORE | {"syntax"},
    "renderers": CORE | {"syntax"} | ANALYSIS,
    "linking": CORE | {"syntax"},
    "build": CORE | {"syntax", "parsers", "renderers", "linking"} | ANALYSIS,
    "cli": CORE
    | {"syntax", "parsers", "renderers", "linking", "build", "server", "__init__"}
    | ANALYSIS,
    # The HTTP face of the library: it serves the registry's formats and the checks.
    "server": CORE | {"parsers", "renderers", "linking", "cli", "__init__"} | ANALYSIS,
    # The package face names everything, lazily.
    "__init__": CORE | {"syntax", "parsers", "renderers", "linking", "build"} | ANALYSIS,
}
#: Modules allowed over the size limit, with the size they may not grow past. An entry
#: must be removed once its module fits (test_the_size_allowances_are_still_needed).
LONG_ALLOWED: dict[str, int] = {}
MAX_LINES = 500


def _modules() -> dict[str, Path]:
    """Dotted name -> file, for every module of the package."""
    out = {}
    for path in sorted(SRC.rglob("*.py")):
        parts = ["briefkit", *path.relative_to(SRC).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


MODULES = _modules()


def _imports(name: str, path: Path) -> set[str]:
    """The briefkit modules ``name`` imports anywhere (top level, functions, TYPE_CHECKING)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.split(".")[0] == "briefkit")
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            if module.split(".")[0] != "briefkit":
                continue
            for alias in node.names:  # ``from . import base`` imports a module, not a name
                sub = f"{module}.{alias.name}"
                found.add(sub if sub in MODULES else module)
    return found


def _part(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def test_every_part_imports_only_what_the_layering_allows() -> None:
    broken = []
    for name, path in MODULES.items():
        part = _part(name)
        assert part in ALLOWED, f"{name}: new top-level part {part!r} needs a rule here"
        for target in _imports(name, path):
            other = _part(target)
            if other != part and other not in ALLOWED[part]:
                broken.append(f"{name} imports {target}")
    assert not broken, "\n".join(broken)


@pytest.mark.parametrize(("side", "other"), [("parsers", "renderers"), ("renderers", "parsers")])
def test_parsers_and_renderers_never_import_each_other(side: str, other: str) -> None:
    crossing = [
        f"{name} imports {target}"
        for name, path in MODULES.items()
        if _part(name) == side
        for target in _imports(name, path)
        if _part(target) == other
    ]
    assert not crossing


def test_the_rules_see_imports_inside_functions() -> None:
    """The walk finds lazy imports too: build's render step imports the renderers in a function."""
    assert "briefkit.renderers" in _imports("briefkit.build.work", MODULES["briefkit.build.work"])
    docx = _imports("briefkit.renderers.docx", MODULES["briefkit.renderers.docx"])
    assert "briefkit.renderers.docx.base" in docx


def test_no_module_is_over_the_size_limit() -> None:
    long = {
        str(path.relative_to(SRC)): n
        for path in MODULES.values()
        if (n := len(path.read_text("utf-8").splitlines())) > MAX_LINES
    }
    over = {p: n for p, n in long.items() if n > LONG_ALLOWED.get(p, MAX_LINES)}
    assert not over, over


def test_the_size_allowances_are_still_needed() -> None:
    for rel in LONG_ALLOWED:
        assert len((SRC / rel).read_text("utf-8").splitlines()) > MAX_LINES, rel


def test_no_prefix_named_modules_stand_in_for_a_package() -> None:
    """``parsers/_html_dom.py`` next to ``parsers/html`` is what packages replaced."""
    for directory in {p.parent for p in MODULES.values()}:
        names = {p.stem for p in directory.glob("*.py")} | {
            p.name for p in directory.iterdir() if (p / "__init__.py").exists()
        }
        for stem in names:
            if stem.startswith("_") and not stem.startswith("__"):
                head = stem[1:].split("_")[0]
                assert head not in names, f"{directory.name}/{stem}.py belongs in {head}/"


def _public_face() -> tuple[set[str], dict[str, tuple[str, str]], set[str], list[str]]:
    """From ``briefkit/__init__.py``: the eager names, the TYPE_CHECKING imports as
    name -> (module, attribute), the lazy table's names and ``__all__``."""
    tree = ast.parse((SRC / "__init__.py").read_text("utf-8"))
    eager: set[str] = set()
    typed: dict[str, tuple[str, str]] = {}
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.level:
            eager.update(a.asname or a.name for a in node.names)
        elif isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING":
            for sub in node.body:
                assert isinstance(sub, ast.ImportFrom), ast.unparse(sub)
                if not sub.level:  # ``typing`` for the annotations, not a public name
                    continue
                for a in sub.names:
                    typed[a.asname or a.name] = ("." * sub.level + (sub.module or ""), a.name)
    all_ = list(briefkit.__all__)
    return eager, typed, set(briefkit._LAZY), all_


def test_type_checking_imports_lazy_table_and_all_name_the_same_set() -> None:
    eager, typed, lazy, all_ = _public_face()
    assert set(typed) == lazy, "a lazy name without a type-only import is Any to mypy"
    assert {typed[n] for n in typed} == {briefkit._LAZY[n] for n in lazy}, "targets differ"
    assert sorted(all_) == all_
    assert len(set(all_)) == len(all_)
    assert set(all_) == (eager | lazy) - {"annotations"}


def test_every_public_name_imports() -> None:
    code = "import briefkit as b; print(all(getattr(b, n) is not None for n in b.__all__))"
    assert _run(code) == "True"


def _run(code: str) -> str:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return out.stdout.strip()


_BRIEF = (
    "b = briefkit.Brief(title='T', published='2024-05-02', sections=[briefkit.Section("
    "heading='Key judgements', kind='judgement', blocks=[briefkit.Paragraph("
    "content=[briefkit.Text(text='x')])])])"
)


def _loaded_after(call: str, prefix: str) -> list[str]:
    """The modules under ``prefix`` a fresh process has loaded after ``call``."""
    code = (
        f"import sys, briefkit\n{_BRIEF}\n{call}\n"
        f"print(' '.join(m for m in sys.modules if m.startswith({prefix!r})))"
    )
    return _run(code).split()


@pytest.mark.parametrize(
    ("call", "syntax"),
    [
        ("briefkit.render_text(b)", "briefkit.syntax.text"),
        ("briefkit.render_markdown(b)", "briefkit.syntax.markdown"),
    ],
)
def test_text_writers_load_nothing_from_the_parsers(call: str, syntax: str) -> None:
    assert _loaded_after(call, "briefkit.parsers") == []
    assert syntax in _loaded_after(call, "briefkit.syntax")  # the shared syntax, not a copy


def test_the_docx_reader_loads_nothing_from_the_renderers() -> None:
    data = _run(f"import briefkit\n{_BRIEF}\nprint(briefkit.render_docx(b).hex())")
    call = f"assert briefkit.parse_docx(bytes.fromhex({data!r})).title == 'T'"
    assert _loaded_after(call, "briefkit.renderers") == []
    assert "briefkit.syntax.ooxml" in _loaded_after(call, "briefkit.syntax")


def test_the_wheel_holds_every_module(tmp_path: Path) -> None:
    """Built as a user would get it: a stray ignore rule must not drop a package."""
    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation"]
    subprocess.run(
        [*command, "--quiet", "--wheel-dir", str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("briefkit-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {
        "briefkit/" + str(p.relative_to(SRC)).replace("\\", "/")
        for p in SRC.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    assert expected - names == set()
    assert "briefkit/build/__init__.py" in names


def test_the_readme_tree_names_every_package() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    tree = readme.split("[start:layout]")[1].split("[end:layout]")[0]
    packages = [p.parent for p in SRC.rglob("__init__.py") if p.parent != SRC]
    missing = [p.name for p in packages if f"{p.name}/" not in tree]
    assert not missing, missing
