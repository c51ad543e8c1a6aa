"""``briefkit ioc``: the table, JSON and CSV, stdin, and usage errors."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from click.testing import CliRunner

from briefkit.cli import main

FIXTURE = Path(__file__).parent / "fixtures" / "interchange" / "phishing-kit.txt"


def _run(*args: str, stdin: bytes | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), input=stdin)
    return result.exit_code, result.output


def test_table_shows_values_defanged() -> None:
    code, out = _run("ioc", str(FIXTURE))
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split()[:2] == ["domain", "tax-refund-portal[.]top"]
    assert "ipv4    103[.]75[.]190[.]12  (Supporting Evidence)" in lines
    assert "http://" not in out


def test_json_and_csv_hold_refanged_values() -> None:
    code, out = _run("ioc", str(FIXTURE), "--json")
    assert code == 0
    records = json.loads(out)
    assert [r["type"] for r in records] == ["domain", "ipv4", "url", "ipv6", "sha1"]
    url = records[2]
    assert url["value"] == "http://collect-form.xyz/post.php"
    assert url["written"] == "hxxp://collect-form[.]xyz/post.php"
    assert url["locations"][0]["section"] == "Supporting Evidence"
    code, out = _run("ioc", str(FIXTURE), "--csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows[1] == {
        "type": "ipv4",
        "value": "103.75.190.12",
        "defanged": "103[.]75[.]190[.]12",
        "count": "1",
        "sections": "Supporting Evidence",
    }


def test_stdin_and_errors() -> None:
    code, out = _run("ioc", "-", "-f", "text", stdin=FIXTURE.read_bytes())
    assert code == 0
    assert "sha1" in out
    code, out = _run("ioc", str(FIXTURE), "--json", "--csv")
    assert code == 2
    code, out = _run("ioc", "missing-file.txt")
    assert code == 1
    assert "missing-file.txt" in out
