"""DOCX briefs: briefkit's own Word documents back into equal briefs, other documents by style.

The package is read with :mod:`zipfile` and lxml, not python-docx, within the limits of
:mod:`briefkit.limits` (see :mod:`._docx_package`). Paragraph styles give the structure
(``Title``, ``Heading N`` or an outline level, list numbering, ``Quote``); briefkit's own
documents add custom properties, section bookmarks and a nesting hint (see
:mod:`briefkit.renderers.docx`), so they read back into the brief they were made from.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

from ...errors import ParseError
from ...model import (
    Block,
    Brief,
    BriefLink,
    Item,
    ItemList,
    Paragraph,
    Quote,
    Section,
    SectionKind,
    Strong,
    Text,
    normalize_inlines,
)
from ...safety import is_safe_href
from ...syntax import ooxml as ox
from ...syntax import runs
from ...syntax.dates import iso_date, printed_date
from ...syntax.headings import classify_heading, split_inline_heading
from .body import Para, Reader
from .compat import choose_alternatives
from .media import Media
from .notes import read_notes, restore
from .package import Numbering, Package, Styles, target

__all__ = ["parse_docx"]

_PREFIX = "briefkit."
_NAV = re.compile(
    r"^(previous|next)(?:\s+(?:brief|post|article|page|story))?\s*(?::\s*(.*))?$", re.IGNORECASE
)
_SEPARATORS = re.compile(r"[\s;,]+")


def parse_docx(data: bytes) -> Brief:
    """A brief from a Word document (bytes of a .docx)."""
    package = Package(data)
    main = package.main_part()
    document = package.xml(main, required=True)
    if document.tag != ox.w("document"):
        raise ParseError("not a Word document: the main part is not WordprocessingML", element=main)
    choose_alternatives(document)
    rels = package.rels(main)
    styles = Styles(package.xml(target(rels, "/styles")))
    numbering = Numbering(package.xml(target(rels, "/numbering")))
    custom = package.custom_properties()
    own = _PREFIX + "format" in custom
    hint = package.hint(rels) if own else {}
    reader = Reader(styles, numbering, rels, own)
    body = document.find("w:body", ox.NS)
    paras = reader.paragraphs(body) if body is not None else []
    if not any(p.text or p.role in ("list", "table") or p.pictures for p in paras):
        raise ParseError("the document is empty: no text in its body", element=main)
    core = package.core_properties()
    meta = _metadata(core, custom, own)
    if not own and "marking" not in meta:
        meta.update(package.marking(rels))
    shapes = hint.get("shapes")
    notes = read_notes(
        package, rels, styles, numbering, own, shapes if isinstance(shapes, dict) else {}
    )
    media = Media(package, rels, own, hint.get("figures"))
    return _Assembler(paras, meta, numbering, own, hint, notes, media).brief()


# --- metadata ---------------------------------------------------------------------------


def _fits(full: str | None, core: str) -> bool:
    """True when a custom property holds the full value of a (possibly cut) core property."""
    return bool(full) and ox.fit_core(full or "") == core


def _same_words(a: str, b: str) -> bool:
    """Equal up to separators: editors re-join keyword and author lists their own way."""
    return _SEPARATORS.sub(" ", a).strip().casefold() == _SEPARATORS.sub(" ", b).strip().casefold()


def _iso(value: str | None) -> dt.date | None:
    return iso_date(value) if value else None


def _names(custom: str | None, core: str) -> list[str]:
    if custom:
        try:
            names = json.loads(custom)
        except (ValueError, RecursionError):
            names = None
        if (
            isinstance(names, list)
            and all(isinstance(n, str) for n in names)
            and _same_words(ox.fit_core("; ".join(names)), core)
        ):
            return names
    separator = ";" if ";" in core else ","
    return [n.strip() for n in core.split(separator) if n.strip()]


def _metadata(core: dict[str, str], custom: dict[str, str], own: bool) -> dict[str, Any]:
    def c(name: str) -> str | None:
        return custom.get(_PREFIX + name)

    meta: dict[str, Any] = {
        "authors": _names(c("authors"), core.get("creator", "")),
        "tags": _names(c("tags"), core.get("keywords", "")),
    }
    for name, core_name in (("category", "category"), ("language", "language"),
                            ("summary", "subject"), ("title", "title")):  # fmt: skip
        full = c(name)
        meta[name] = full if _fits(full, core.get(core_name, "")) else core.get(core_name) or None
    if own:  # other editors fill in dc:language from the proofing language
        meta["language"] = c("language")
        for name in ("url", "slug", "publisher", "marking"):
            if c(name):
                meta[name] = c(name)
        meta["published"], meta["updated"] = _iso(c("published")), _iso(c("updated"))
        if meta.get("url") and not is_safe_href(meta["url"]):
            del meta["url"]
    else:  # core "created" is when the file was made, not when the brief was published
        meta["summary"] = meta["summary"] or core.get("description") or None
    return meta


# --- assembling the brief ---------------------------------------------------------------


class _Assembler:
    """Sections from paragraphs: headings (or briefkit's bookmarks) start them, lists group."""

    def __init__(
        self, paras: list[Para], meta: dict[str, Any], numbering: Numbering, own: bool,
        hint: dict[str, Any], notes: dict[str, Any], media: Media,
    ) -> None:  # fmt: skip
        self.paras = paras
        self.notes = notes
        self.media = media
        self.pending: Para | None = None  # a caption waiting for the table below it
        self.numbering = numbering
        self.meta = meta
        self.own = own
        # The hint is the input's too: only values of the types briefkit writes are used.
        shapes = hint.get("shapes")
        self.shapes: dict[str, Any] = shapes if isinstance(shapes, dict) else {}
        titled = hint.get("titled")
        self.titled = (
            {t for t in titled if isinstance(t, str)} if isinstance(titled, list) else set()
        )
        self.containers = 0
        self.list_key: tuple[str, str, bool] | None = None  # definition, numId, ordered
        self.items: list[Item] = []  # the items of the list that ends self.blocks
        self.sections: list[Section] = []
        self.current: dict[str, Any] | None = None
        self.blocks: list[Block] = []
        self.nav: dict[str, BriefLink] = {}

    def brief(self) -> Brief:
        paras = [p for p in self.paras if p.role != "skip"]
        title = self._title(paras)
        summary = None
        for para in paras:
            if para.role == "subtitle" and para.text:
                summary, para.role = para.text, "skip"
                break
        if not self.own:
            paras = self._foreign_nav(paras)
        level = min((p.level for p in paras if p.role == "heading" and p.text), default=1)
        for para in paras:
            self._media_para(para, level)
        self._flush_caption()
        self._close()
        meta = {k: v for k, v in self.meta.items() if v not in (None, [], "")}
        meta.pop("title", None)
        if summary:
            meta["summary"] = summary
        return Brief(
            title=title, sections=tuple(self.sections), prev=self.nav.get("previous"),
            next=self.nav.get("next"), **meta,
        )  # fmt: skip

    def _title(self, paras: list[Para]) -> str:
        for para in paras:
            if para.role == "title" and para.text:
                para.role = "skip"
                return para.text
        fallback = self.meta.get("title")
        first = next((p for p in paras if p.role not in ("skip", "nav") and p.text), None)
        usable = first is not None and first.role in ("heading", "body")
        if first is not None and usable and (not fallback or first.text == fallback):
            first.role = "skip"
            return first.text
        if fallback:
            return str(fallback)
        raise ParseError("the document has no title")

    def _media_para(self, para: Para, level: int) -> None:
        """Captions, tables and pictures; everything else goes to :meth:`_para`."""
        if para.role == "table":
            caption = self._inlines(self.pending.segs) if self.pending is not None else ()
            self.pending = None
            self._bookmarks(para)
            self._add(self.media.table(para, caption, self._inlines))
            return
        self._flush_caption()
        if para.role == "caption" and para.segs:
            self._bookmarks(para)
            if self.media.wants_caption(self.blocks[-1] if self.blocks else None):
                figure = self.blocks[-1]
                self.blocks[-1] = figure.model_copy(update={"caption": self._inlines(para.segs)})
                self.media.captioned()
            else:
                self.pending = para
            return
        if para.role == "figure" or (para.pictures and para.role not in ("skip", "title")):
            text_first = para.role != "figure" and para.text
            if text_first:
                self._para(para, level)
            else:
                self._bookmarks(para)
            for block in self.media.figures(para):
                self._add(block)
            self.media.placed(self.blocks[-1] if self.blocks else None)
            return
        self._para(para, level)

    def _flush_caption(self) -> None:
        if self.pending is not None:
            para, self.pending = self.pending, None
            self._add(Paragraph(content=self._inlines(para.segs)))

    def _bookmarks(self, para: Para) -> None:
        for kind, _empty in para.bookmarks:
            self._close()
            self.current = {"kind": SectionKind(kind), "heading": None}
        para.bookmarks = []

    def _para(self, para: Para, level: int) -> None:
        if para.role == "skip" or (para.role == "heading" and not para.text and not para.bookmarks):
            return
        if para.role == "nav":
            self._nav(para)
            return
        if para.role == "date":
            published = printed_date(para.text)
            if published and not self.meta.get("published"):
                self.meta["published"] = published
                return
        for kind, empty in para.bookmarks:
            self._close()
            self.current = {"kind": SectionKind(kind), "heading": None}
            if empty:
                return
        if para.role == "heading" and para.level <= level:
            if not para.bookmarks:
                self._close()
                self.current = {"kind": classify_heading(para.text) or SectionKind.OTHER}
            self.current = {**(self.current or {}), "heading": self._heading(para.text)}
            return
        if para.role == "heading":  # a sub-heading: kept as a bold paragraph
            self._add(Paragraph(content=(Strong(children=(Text(text=para.text),)),)))
            return
        if not self.own and para.role == "body" and self._foreign_heading(para):
            return
        if para.role == "list":
            self._item(para)
        elif para.role == "quote" and (para.text or self.own):
            self._add(Quote(content=self._inlines(para.segs)))
        elif para.text or self.own:
            self._add(Paragraph(content=self._inlines(para.segs)))

    def _heading(self, text: str) -> str:
        return text if self.own else text.rstrip(":").strip()

    def _foreign_heading(self, para: Para) -> bool:
        """A known label on its own ("Summary:") or opening a bold run ("Overview: ...")."""
        if len(para.text) <= 60 and classify_heading(para.text):
            self._close()
            self.current = {
                "kind": classify_heading(para.text),
                "heading": self._heading(para.text),
            }
            return True
        raw = "".join(s.text for s in para.segs)
        split = split_inline_heading(raw)
        if split and para.segs[0].bold:
            self._close()
            self.current = {"kind": classify_heading(split[0]), "heading": split[0]}
            rest = _drop(para.segs, len(raw) - len(split[1]))
            if "".join(s.text for s in rest).strip():
                self._add(Paragraph(content=self._inlines(rest)))
            return True
        return False

    def _item(self, para: Para) -> None:
        lead, segs = para.lead, para.segs
        if lead is not None:
            lead = lead.strip()
            lead = lead[:-1] if lead.endswith(":") else lead
        elif not self.own:
            lead, segs = _foreign_lead(segs)
        item = Item(lead=lead or "", body=self._inlines(segs))
        last = self.blocks[-1] if self.blocks else None
        key = (self.numbering.definition.get(para.num, para.num), para.num, para.ordered)
        previous = self.list_key
        restarts = para.num in self.numbering.restarts and (previous and previous[1]) != para.num
        if (
            isinstance(last, ItemList)
            and previous is not None
            and (previous[0], previous[2]) == (key[0], key[2])
            and not restarts
        ):
            self.items.append(item)  # built into the list once, when it ends (linear)
        else:
            self._add(ItemList(ordered=para.ordered, items=(item,)))
            self.items = [item]
        self.list_key = key

    def _inlines(self, segs: list[runs.Seg]) -> tuple[Any, ...]:
        index = str(self.containers)
        self.containers += 1
        if index in self.shapes:
            shaped = runs.apply_shape(self.shapes[index], segs)
            if shaped is not None:
                return restore(shaped, self.notes)
        return restore(normalize_inlines(runs.group(segs)), self.notes)

    def _add(self, block: Block) -> None:
        if self.current is None:
            self.current = {"kind": SectionKind.OTHER, "heading": None}
        self._end_list()
        self.blocks.append(block)
        self.list_key = None

    def _end_list(self) -> None:
        """Give the list that ends ``self.blocks`` all its items."""
        last = self.blocks[-1] if self.blocks else None
        if isinstance(last, ItemList) and len(self.items) > len(last.items):
            self.blocks[-1] = last.model_copy(update={"items": tuple(self.items)})
        self.items = []

    def _close(self) -> None:
        self._end_list()
        if self.current is not None:
            self.sections.append(Section(**self.current, blocks=tuple(self.blocks)))
        self.current, self.blocks = None, []

    def _nav(self, para: Para) -> None:
        match = _NAV.match(para.text)
        if not match:
            self._add(Paragraph(content=self._inlines(para.segs)))
            return
        label = match.group(1).lower()
        title = (match.group(2) or "").strip() or None
        href = next((s.href for s in para.segs if s.href), None)
        key = "prev" if label == "previous" else "next"
        if title and title == href and key not in self.titled:
            title = None
        if title or href:
            self.nav[label] = BriefLink(title=title, href=href)

    def _foreign_nav(self, paras: list[Para]) -> list[Para]:
        """Previous/next lines at the end of someone else's document: "Next: <title>", or a
        label on its own line (perhaps twice, as copied web pages have it) before the title."""

        def before(j: int) -> int:
            j -= 1
            while j >= 0 and not paras[j].text:
                j -= 1
            return j

        def label_alone(j: int) -> str | None:
            match = _NAV.match(paras[j].text) if j >= 0 and paras[j].role == "body" else None
            return match.group(1) if match and not (match.group(2) or "").strip() else None

        found: list[Para] = []
        cut = len(paras)
        j = before(cut)
        while j >= 0 and paras[j].role == "body":
            match = _NAV.match(paras[j].text)
            if match and (match.group(2) or "").strip():
                found.append(paras[j])
                cut, j = j, before(j)
                continue
            label = None if match else label_alone(before(j))
            if label is None:
                break
            paras[j].segs = [runs.Seg(f"{label}: "), *paras[j].segs]
            found.append(paras[j])
            cut = before(j)
            while label_alone(before(cut)) and paras[before(cut)].text.lower() == label.lower():
                cut = before(cut)
            j = before(cut)
        for para in found:
            para.role = "nav"
        return paras[:cut] + found[::-1]


def _drop(segs: list[runs.Seg], count: int) -> list[runs.Seg]:
    """``segs`` without their first ``count`` characters."""
    out: list[runs.Seg] = []
    for seg in segs:
        if count >= len(seg.text):
            count -= len(seg.text)
            continue
        out.append(runs.Seg(seg.text[count:], seg.bold, seg.italic, seg.href, seg.link))
        count = 0
    return out


def _foreign_lead(segs: list[runs.Seg]) -> tuple[str, list[runs.Seg]]:
    """A bold opening that ends in a colon ("**Lead:** body" or "**Lead**: body")."""
    bold = ""
    index = 0
    while index < len(segs) and segs[index].bold and not segs[index].href:
        bold += segs[index].text
        index += 1
    rest = segs[index:]
    if bold.strip().endswith(":"):
        return bold.strip()[:-1].strip(), rest
    if bold.strip() and rest and rest[0].text.lstrip().startswith(":"):
        first = rest[0]
        trimmed = first.text.lstrip()[1:]
        return bold.strip(), [
            runs.Seg(trimmed, first.bold, first.italic, first.href, first.link),
            *rest[1:],
        ]
    return "", segs
