"""The hostile corpus (``tests/fixtures/hostile/``): what each file is and what it must give.

Placeholders (``{{LOOPBACK}}``, ``{{SECRET_URL}}``, ...) are filled in by exact string
replacement, so any other template syntax in a fixture stays content.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

import briefkit
from briefkit import Brief

__all__ = ["CASES", "FIXTURES", "Case", "Hostile", "keep_words", "parse_or_skip", "render_or_skip"]

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "hostile"
_KEEP = re.compile(r"\bkept\d+\b")


@dataclass(frozen=True)
class Case:
    """One corpus entry.

    ``payload`` is a regex for hostile strings that must reach no output (None when the
    hostile strings are prose, as in plain text); ``must_parse`` says a Brief is expected
    (otherwise a BriefkitError is acceptable too); ``keep`` says the ``keptNN`` words must
    survive; ``isolate`` runs the case in a memory-capped subprocess (expansion bombs).
    """

    name: str
    payload: str | None = r"PWNED"
    must_parse: bool = True
    keep: bool = True
    isolate: bool = False

    def __str__(self) -> str:
        return self.name


CASES = [
    Case("scripts-and-handlers.html"),
    Case("unsafe-links.html"),
    Case("embeds-and-styles.html"),
    Case("svg-and-math.html"),
    Case("template-syntax.html", payload=None),
    Case("template-syntax.txt", payload=None),
    Case("template-syntax.md", payload=None),
    Case("control-and-bidi.txt", payload=None),
    Case("unsafe-markdown.md", payload=r"PWNED-(md-\d+|frontmatter-url)"),
    Case("unsafe-front-matter.md", payload=r"PWNED-frontmatter"),
    Case("python-yaml-tags.md", payload=None, must_parse=False),
    Case("external-entities.xhtml", must_parse=False),
    Case("external-dtd.xhtml", must_parse=False),
    Case("quadratic-blowup.xhtml", must_parse=False),
    Case("hostile.docx"),
    Case("xxe.docx", must_parse=False),
    Case("entity-bomb.xhtml", must_parse=False, isolate=True),
    Case("entity-bomb.docx", must_parse=False, isolate=True),
    Case("yaml-alias-bomb.md", payload=None, must_parse=False, isolate=True),
    Case("images-and-notes.html"),
    Case("table-50000-cells.html", payload=None, must_parse=False, keep=False),
    Case("table-50000-cells.md", payload=None, must_parse=False, keep=False),
]


def _table_html() -> bytes:
    """A page whose one table has 50,000 cells (250 rows of 200), beyond MAX_TABLE_CELLS."""
    row = "<tr>" + "".join(f"<td>c{k}</td>" for k in range(200)) + "</tr>\n"
    return (
        "<!DOCTYPE html><html><head><title>Huge Table</title></head><body><article>"
        "<h1>Huge Table</h1><p>Before the table.</p><table>" + row * 250 + "</table>"
        "</article></body></html>"
    ).encode()


def _table_markdown() -> bytes:
    """A pipe table of 50,000 cells (1,000 rows of 50)."""
    header = "| " + " | ".join(f"h{k}" for k in range(50)) + " |\n"
    rule = "|" + "---|" * 50 + "\n"
    row = "| " + " | ".join(f"c{k}" for k in range(50)) + " |\n"
    return ("# Huge Table\n\n" + header + rule + row * 999).encode()


#: Corpus entries built in code (too large to keep as files).
GENERATED = {"table-50000-cells.html": _table_html, "table-50000-cells.md": _table_markdown}


@dataclass(frozen=True)
class Hostile:
    """The corpus with placeholders filled in, written to ``folder`` on demand."""

    folder: Path
    values: dict[str, str]

    def fill(self, data: bytes) -> bytes:
        for key, value in self.values.items():
            data = data.replace(key.encode(), value.encode())
        return data

    def path(self, name: str) -> Path:
        """The filled-in fixture ``name`` on disk (``hostile.docx`` is zipped from ``docx/``)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        dest = self.folder / Path(name).name
        if name.endswith(".docx"):
            source = FIXTURES / "docx"
            with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as archive:
                for part in sorted(source.rglob("*")):
                    if part.is_file():
                        data = part.read_bytes()
                        if part.name == "document.xml":
                            data = _docx_variant(name, data)
                        data = self.fill(data)
                        archive.writestr(part.relative_to(source).as_posix(), data)
        elif name in GENERATED:
            dest.write_bytes(GENERATED[name]())
        else:
            dest.write_bytes(self.fill((FIXTURES / name).read_bytes()))
        return dest

    def source_text(self, name: str) -> str:
        """The fixture's text before filling in (every part, for the DOCX)."""
        if name.endswith(".docx"):
            parts = sorted((FIXTURES / "docx").rglob("*.xml"))
            return "\n".join(p.read_text(encoding="utf-8") for p in parts)
        if name in GENERATED:
            return GENERATED[name]().decode("utf-8")
        return (FIXTURES / name).read_bytes().decode("utf-8", "replace")


_XXE = b"""<!DOCTYPE w:document [
  <!ENTITY xxe SYSTEM "{{SECRET_URL}}">
  <!ENTITY xxepath SYSTEM "{{SECRET_PATH}}">
  <!ENTITY xxehttp SYSTEM "{{LOOPBACK}}/beacon/docx-xxe-PWNED">
  <!ENTITY % remote SYSTEM "{{LOOPBACK}}/beacon/docx-parameter-PWNED.dtd">
  %remote;
]>
"""


def _docx_variant(name: str, document: bytes) -> bytes:
    """``document.xml`` with external entities (``xxe.docx``) or a billion laughs."""
    head, sep, body = document.partition(b"<w:document ")
    if name == "xxe.docx":
        body = body.replace(
            b"<w:body>", b"<w:body><w:p><w:r><w:t>&xxe;&xxepath;&xxehttp;</w:t></w:r></w:p>"
        )
        return head + _XXE + sep + body
    if name == "entity-bomb.docx":
        levels = ['<!ENTITY lol0 "lol">'] + [
            f'<!ENTITY lol{i} "' + f"&lol{i - 1};" * 10 + '">' for i in range(1, 10)
        ]
        dtd = "<!DOCTYPE w:document [\n" + "\n".join(levels) + "\n]>\n"
        body = body.replace(b"<w:body>", b"<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>")
        return head + dtd.encode() + sep + body
    return document


def keep_words(text: str) -> list[str]:
    """The ``keptNN`` words of a fixture, in order."""
    return list(dict.fromkeys(_KEEP.findall(text)))


def _not_written(exc: NotImplementedError, what: str) -> None:
    pytest.skip(f"{what} is not written yet (raises NotImplementedError)")


def parse_or_skip(source: Any, **options: Any) -> Brief:
    """``briefkit.parse``; a parser still being written skips the test instead of failing."""
    try:
        return briefkit.parse(source, **options)
    except NotImplementedError as exc:
        _not_written(exc, f"the parser for {options.get('format') or source!r}")
        raise


def render_or_skip(brief: Brief, fmt: str, **options: Any) -> str | bytes:
    """``briefkit.render``; a renderer still being written skips the test."""
    try:
        return briefkit.render(brief, fmt, **options)
    except NotImplementedError as exc:
        _not_written(exc, f"the {fmt} renderer")
        raise


_ISOLATED = """
import json, resource, sys, warnings
from pathlib import Path
limit = int(sys.argv[3])
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
warnings.simplefilter("ignore")
import briefkit
out = Path(sys.argv[2])
result = {"parsed": False, "error": None, "renders": {}}
try:
    brief = briefkit.parse(Path(sys.argv[1]))
except NotImplementedError:
    result["error"] = "NotImplementedError"
except briefkit.BriefkitError as exc:
    result["error"] = "BriefkitError: " + str(exc)[:300]
except BaseException as exc:
    result["error"] = "ESCAPED " + type(exc).__name__ + ": " + str(exc)[:300]
else:
    result["parsed"] = True
    try:
        (out / "brief.json").write_text(brief.to_json())
    except BaseException as exc:
        result["error"] = "ESCAPED from to_json() " + type(exc).__name__ + ": " + str(exc)[:300]
    for fmt in sys.argv[4].split(","):
        try:
            data = briefkit.render(brief, fmt)
        except NotImplementedError:
            result["renders"][fmt] = "NotImplementedError"
            continue
        except BaseException as exc:
            result["renders"][fmt] = type(exc).__name__ + ": " + str(exc)[:300]
            continue
        (out / fmt).write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        result["renders"][fmt] = "ok"
print(json.dumps(result))
"""

#: Address-space cap of an isolated run: an expansion bomb hits it instead of the machine.
MEMORY_CAP = 3 * 1024**3
#: How long an isolated run may take before it counts as hung (a guard, not a benchmark).
HANG_GUARD_SECONDS = 300


def run_isolated(path: Path, out: Path, formats: tuple[str, ...]) -> dict[str, Any]:
    """Parse ``path`` and render it in a subprocess capped at :data:`MEMORY_CAP` bytes."""
    out.mkdir(parents=True, exist_ok=True)
    cmd = [sys.executable, "-c", _ISOLATED, str(path), str(out), str(MEMORY_CAP), ",".join(formats)]
    try:
        done = subprocess.run(
            cmd, capture_output=True, text=True, timeout=HANG_GUARD_SECONDS, env=dict(os.environ)
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"{path.name}: still running after {HANG_GUARD_SECONDS} s (hang or blow-up)")
    if done.returncode != 0 or not done.stdout.strip():
        pytest.fail(f"{path.name}: subprocess died ({done.returncode}): {done.stderr[-2000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result
