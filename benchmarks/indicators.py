"""``python -m benchmarks.indicators``: how fast a large brief's indicators are found.

Builds a deterministic brief of about ``--size-kb`` kilobytes of prose (the target is a
100 KB brief's indicators in under 50 ms) with indicators planted in it, written as they are
and defanged, among the prose traps (abbreviations with dots, dates, version numbers), then
times each step that reads every passage: extraction, the renderers' defang step, refanging
the text, the place tagger and the STIX export. Each step is warmed up, then timed over
``--repeats`` calls; the median wall and CPU times are reported, with the number of
indicators found, which must equal the number planted (the script exits 1 otherwise).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable, Sequence

from briefkit import entities, ioc
from briefkit.model import Brief, Item, ItemList, Paragraph, Section, SectionKind, Text
from briefkit.renderers.stix import render_stix

_PROSE = [
    "U.S. and U.K. officials met on 13.09.2024 to discuss version 1.2.3.4 of the rules.",
    "Analysts in Kyiv and Moscow expect the talks to stall before the winter.",
    "The operators reused hosting, which made them easy to track across campaigns.",
    "A report.pdf and a setup.py were found, e.g. in the archive, at 12:30:45.",
    "The US DOT issued guidance; Chrome 120.0.6099.109 was patched last month.",
    "NATO's response, the EU's sanctions and Iran's denials followed within days.",
]
_TLDS = ["com", "net", "org", "io", "ru", "top", "xyz", "info"]


def _indicator(rng: random.Random, n: int) -> tuple[str, str]:
    """One planted indicator: (written form, refanged value); unique by ``n``."""
    host = f"host{n}-{rng.choice(['cdn', 'api', 'mail', 'update'])}.{rng.choice(_TLDS)}"
    kind = n % 6
    if kind == 0:
        value = f"http://{host}/p{n}.php"
        return ioc.defang(value) if n % 2 else value, value
    if kind == 1:
        return host.replace(".", "[.]"), host
    if kind == 2:
        value = f"10.{n // 65536 % 256}.{n // 256 % 256}.{n % 256}"
        return value.replace(".", "[.]", 1) if n % 2 else value, value
    if kind == 3:
        value = f"{rng.getrandbits(128):032x}"
        return value, value
    if kind == 4:
        value = f"user{n}@{host}"
        return value.replace("@", "[@]"), value
    value = f"CVE-2024-{10000 + n}"
    return value, value


def build(size_kb: int, seed: int = 1) -> tuple[Brief, set[str]]:
    """A brief of about ``size_kb`` KB and the set of indicator values planted in it."""
    rng = random.Random(seed)
    items: list[Item] = []
    planted: set[str] = set()
    size = n = 0
    while size < size_kb * 1024:
        written, value = _indicator(rng, n)
        planted.add(value)
        body = f"{rng.choice(_PROSE)} The actor used {written}. {rng.choice(_PROSE)}"
        items.append(Item(lead=f"Finding {n + 1}", body=(Text(text=body),)))
        size += len(body)
        n += 1
    sections = (
        Section(
            kind=SectionKind.JUDGEMENT,
            heading="Analytic Judgement",
            blocks=(Paragraph(content=(Text(text=_PROSE[1]),)),),
        ),
        Section(
            kind=SectionKind.EVIDENCE,
            heading="Supporting Evidence",
            blocks=(ItemList(items=tuple(items)),),
        ),
    )
    brief = Brief(title="A Large Brief", published="2024-09-13", sections=sections)
    return brief, planted


def _time(call: Callable[[], object], repeats: int) -> tuple[float, float]:
    call()  # warm-up: compiled patterns, loaded tables
    wall: list[float] = []
    cpu: list[float] = []
    for _ in range(repeats):
        w, c = time.perf_counter(), time.process_time()
        call()
        wall.append(time.perf_counter() - w)
        cpu.append(time.process_time() - c)
    return statistics.median(wall) * 1000, statistics.median(cpu) * 1000


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.indicators", description=__doc__)
    parser.add_argument("--size-kb", type=int, default=100, help="size of the brief's prose")
    parser.add_argument("--repeats", type=int, default=30, help="timed calls per step")
    args = parser.parse_args(argv)
    brief, planted = build(args.size_kb)
    text = "\n".join(item.text for item in brief.evidence)
    found = {i.value for i in ioc.extract(brief)}
    steps: list[tuple[str, Callable[[], object], str]] = [
        ("ioc.extract(brief)", lambda: ioc.extract(brief), "< 50 ms"),
        ("ioc.extract_text(text)", lambda: ioc.extract_text(text), ""),
        ("ioc.defang_brief(brief)", lambda: ioc.defang_brief(brief), ""),
        ("ioc.refang(text)", lambda: ioc.refang(text), ""),
        ("entities.tag(brief)", lambda: entities.tag(brief), ""),
        ("render_stix(brief)", lambda: render_stix(brief), ""),
    ]
    print(
        f"brief: {len(text) / 1024:.0f} KB of prose, {len(planted)} indicators planted, "
        f"{len(found)} found"
    )
    print()
    print("| step | median wall ms | median CPU ms | target |")
    print("|---|---:|---:|---|")
    for name, call, target in steps:
        wall, cpu = _time(call, args.repeats)
        print(f"| `{name}` | {wall:.1f} | {cpu:.1f} | {target} |")
    if found != planted:
        missing, extra = sorted(planted - found)[:5], sorted(found - planted)[:5]
        print(f"found differs from planted: missing {missing}, extra {extra}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
