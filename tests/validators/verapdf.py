"""veraPDF, run by the project's own checker (``PdfCheck.java``) on many PDFs in one JVM."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from validators.tools import program, verapdf_classpath

__all__ = ["Verdict", "validate"]

_SOURCE = Path(__file__).with_name("PdfCheck.java")


@dataclass
class Verdict:
    """veraPDF's answer for one file and profile: compliant, and the rules that failed."""

    path: Path
    flavour: str
    status: str  # compliant, failed, error
    failed: dict[str, tuple[int, str]] = field(default_factory=dict)  # rule -> (count, message)
    detail: str = ""

    @property
    def compliant(self) -> bool:
        return self.status == "compliant"

    def summary(self) -> str:
        rules = ", ".join(f"{r} x{n}" for r, (n, _) in self.failed.items())
        return f"{self.path.name} [{self.flavour}]: {self.status} {rules} {self.detail}".strip()


def validate(jobs: Sequence[tuple[str, Path]], workdir: Path) -> dict[tuple[str, Path], Verdict]:
    """(flavour, file) -> veraPDF's verdict, every file in one run of the JVM.

    Flavours are veraPDF's ids: ``ua1`` for PDF/UA-1, ``3b`` for PDF/A-3B, ...
    """
    classpath = verapdf_classpath()
    javac = program("javac", "default-jdk-headless")
    java = program("java", "default-jdk-headless")
    classes = workdir / "classes"
    classes.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [javac, "-d", str(classes), "-cp", str(classpath[0]), str(_SOURCE)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    args = [str(a) for flavour, path in jobs for a in (flavour, path)]
    done = subprocess.run(
        [java, "-cp", os.pathsep.join(map(str, [*classpath, classes])), "PdfCheck", *args],
        capture_output=True,
        text=True,
        timeout=1800,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    pending = iter(jobs)  # one header line per job, in order
    verdicts: dict[tuple[str, Path], Verdict] = {}
    current: Verdict | None = None
    for line in done.stdout.splitlines():
        if line.startswith("  ") and current is not None:
            rule, count, message = ([*line.strip().split("\t"), "", ""])[:3]
            current.failed[rule] = (int(count or 0), message)
            continue
        _name, status, _count, rest = ([*line.split("\t"), "", "", ""])[:4]
        flavour, path = next(pending)
        current = Verdict(path, flavour, status, detail=rest if status == "error" else "")
        verdicts[(flavour, path)] = current
    return verdicts
