"""The rendering step that keeps a brief's quoted indicators from being one click away.

:func:`defang_brief` takes a Brief and gives a Brief, so every renderer applies the same
rule by calling it first, and none of them needs to know what an indicator is. Modes:

- ``"auto"`` (the renderers' default): every URL, domain, IP address and e-mail address the
  brief quotes is written defanged, and a link to one (its text is an indicator, its
  target is a bare IP address, or its target is a URL or host the text quotes) becomes
  plain defanged text. Links whose text is prose (citations) stay live, and so do relative
  links, links to the brief's own site (the host of ``brief.url``), the prev/next links
  and whatever the caller's ``live`` list names.
- ``"all"``: every absolute link, citations and prev/next included, becomes text (followed
  by its defanged target when the text does not show it); only relative links and the
  ``live`` list stay live. Every network indicator is defanged, the brief's own too.
- ``"off"``: the brief as it is.

``live`` entries are hosts (``example.org`` covers its subdomains) or URL prefixes
(``https://example.org/reports/``, matched at a path boundary).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlsplit

from ..errors import RenderError
from ..model import (
    Brief,
    BriefLink,
    Cell,
    Figure,
    Inline,
    Item,
    ItemList,
    Link,
    Row,
    Section,
    Table,
    Text,
)
from ..passages import passages
from ..safety import href_scheme
from ._fang import NETWORK, defang_text, defang_token, site
from ._scan import Token, fang, is_ip, scan

__all__ = ["DefangMode", "Policy", "defang_brief"]

DefangMode = Literal["auto", "all", "off"]
_MODES = ("auto", "all", "off")


@dataclass
class Policy:
    """Which links and indicators stay live for one brief."""

    brief: Brief
    mode: DefangMode
    own: str | None
    live: tuple[str, ...]
    _quoted: frozenset[str] | None = None

    @classmethod
    def for_brief(cls, brief: Brief, mode: str, live: Iterable[str] = ()) -> Policy:
        if mode not in _MODES:
            raise RenderError(
                f"defang must be 'auto', 'all' or 'off', not {mode!r}",
                brief=brief.title,
                option="defang",
            )
        if isinstance(live, str):
            live = (live,)
        own = _host(brief.url) if brief.url else None
        return cls(brief, mode, site(own) if own else None, tuple(live))  # type: ignore[arg-type]

    @property
    def quoted(self) -> frozenset[str]:
        """Refanged URLs, hosts and addresses the brief's text quotes (read on first use:
        only a link that is neither relative nor kept by a rule needs them)."""
        if self._quoted is None:
            found: set[str] = set()
            for passage in passages(self.brief):
                for token in scan(passage.text):
                    if token.type in NETWORK:
                        found.update(_keys(token.type, token.value))
            self._quoted = frozenset(found)
        return self._quoted

    def keeps_host(self, host: str, url: str | None = None) -> bool:
        """Whether an indicator on ``host`` (or at ``url``) stays live."""
        host = site(host)
        for entry in self.live:
            if "://" in entry:
                if url and _under(url, entry):
                    return True
            elif _same_site(host, site(entry)):
                return True
        return self.mode == "auto" and self.own is not None and _same_site(host, self.own)

    def keeps_token(self, token: Token) -> bool:
        return self.keeps_host(_token_host(token), token.value if token.type == "url" else None)

    def keeps_link(self, link: Link) -> bool:
        """Whether ``link`` stays a link."""
        href = link.href
        scheme = href_scheme(href)
        if scheme is None and not href.lstrip().startswith("//"):
            return True  # relative: the brief's own bundle
        host = _host(href) or ""
        if self.keeps_host(host, href):
            return True
        if self.mode == "all":
            return False
        if any(t.type in NETWORK for t in scan(link.text)):
            return False  # the link's text is (or holds) an indicator
        if is_ip(host):
            return False
        address = href[7:].split("?")[0].lower() if scheme == "mailto" else None
        keys = {address} if address else {site(host), _url_key(href)}
        return not (keys & self.quoted)


def defang_brief(brief: Brief, mode: str = "auto", live: Iterable[str] = ()) -> Brief:
    """``brief`` as renderers should show it under ``mode`` (see the module docstring).

    Returns ``brief`` itself when nothing needs to change, so the common case costs one scan.
    """
    if mode == "off":
        return brief
    policy = Policy.for_brief(brief, mode, live)
    sections = tuple(_section(s, policy) for s in brief.sections)
    update: dict[str, object] = {}
    if any(new is not old for new, old in zip(sections, brief.sections, strict=True)):
        update["sections"] = sections
    for name in ("title", "summary"):
        value = getattr(brief, name)
        if value and (new := _text(value, policy)) != value:
            update[name] = new
    if mode == "all":
        for name in ("prev", "next"):
            link = getattr(brief, name)
            if link is not None and (new_link := _nav(link, policy)) is not link:
                update[name] = new_link
    return brief.model_copy(update=update) if update else brief


def _text(text: str, policy: Policy) -> str:
    return defang_text(text, policy.keeps_token)


def _section(section: Section, policy: Policy) -> Section:
    heading = section.heading and _text(section.heading, policy)
    blocks = []
    changed = heading != section.heading
    for block in section.blocks:
        new: object
        if isinstance(block, ItemList):
            items = tuple(_item(i, policy) for i in block.items)
            same = all(a is b for a, b in zip(items, block.items, strict=True))
            new = block if same else ItemList(ordered=block.ordered, items=items)
        elif isinstance(block, Table):
            new = _table(block, policy)
        elif isinstance(block, Figure):
            alt, caption = _text(block.alt, policy), _inlines(block.caption, policy)
            same = alt == block.alt and caption is block.caption
            new = block if same else block.model_copy(update={"alt": alt, "caption": caption})
        else:
            content = _inlines(block.content, policy)
            new = block if content is block.content else type(block)(content=content)
        changed = changed or new is not block
        blocks.append(new)
    if not changed:
        return section
    return Section(kind=section.kind, heading=heading, blocks=tuple(blocks))


def _table(table: Table, policy: Policy) -> Table:
    """The table with its caption and cells defanged (the same table when nothing changes)."""
    caption = _inlines(table.caption, policy)
    rows = []
    for row in table.rows:
        cells = tuple(_cell(c, policy) for c in row.cells)
        same = all(a is b for a, b in zip(cells, row.cells, strict=True))
        rows.append(row if same else Row(cells=cells, header=row.header))
    if caption is table.caption and all(a is b for a, b in zip(rows, table.rows, strict=True)):
        return table
    return Table(caption=caption, rows=tuple(rows), align=table.align)


def _cell(cell: Cell, policy: Policy) -> Cell:
    content = _inlines(cell.content, policy)
    return cell if content is cell.content else Cell(content=content)


def _item(item: Item, policy: Policy) -> Item:
    lead = _text(item.lead, policy) if item.lead else item.lead
    body = _inlines(item.body, policy)
    if lead == item.lead and body is item.body:
        return item
    return Item(lead=lead, body=body)


def _inlines(nodes: tuple[Inline, ...], policy: Policy) -> tuple[Inline, ...]:
    """``nodes`` rewritten, or the same tuple when nothing changes (recursive: the model caps
    inline nesting at 64 levels)."""
    out: list[Inline] = []
    changed = False
    for node in nodes:
        if isinstance(node, Text):
            text = _text(node.text, policy)
            out.append(node if text == node.text else Text(text=text))
        elif isinstance(node, Link) and not policy.keeps_link(node):
            out.extend(_inlines(node.children, policy))
            if not _shows(node):
                out.append(Text(text=f" ({_defanged_href(node.href)})"))
            changed = True
            continue
        else:
            children = _inlines(node.children, policy)
            if children is node.children:
                out.append(node)
            elif isinstance(node, Link):
                out.append(Link(href=node.href, children=children))
            else:
                out.append(type(node)(children=children))
        changed = changed or out[-1] is not node
    return tuple(out) if changed else nodes


def _nav(link: BriefLink, policy: Policy) -> BriefLink:
    if not link.href or policy.keeps_link(Link(href=link.href)):
        return link
    return BriefLink(title=link.title or _defanged_href(link.href), href=None)


def _shows(link: Link) -> bool:
    """Whether the link's text already shows its target (so dropping the target loses
    nothing): the text, refanged, is the URL, its host or its address."""
    shown = fang(link.text.strip()).lower().rstrip("/")
    href = link.href.lower().rstrip("/")
    if href.startswith("mailto:"):
        return shown == href[7:]
    host = _host(link.href) or ""
    bare = href.split("://", 1)[-1]
    return shown in (href, bare) or (shown in (host, site(host)) and bare.rstrip("/") == host)


def _defanged_href(href: str) -> str:
    if href.lower().startswith("mailto:"):
        return defang_token("email", href[7:])
    return defang_token("url", href) if "://" in href else href


def _host(url: str) -> str | None:
    try:
        return urlsplit(url if "//" in url else f"//{url}").hostname
    except ValueError:
        return None


def _token_host(token: Token) -> str:
    if token.type == "url":
        return _host(token.value) or ""
    if token.type == "email":
        return token.value.rpartition("@")[2]
    return token.value


def _keys(kind: str, value: str) -> set[str]:
    if kind == "url":
        return {_url_key(value), site(_host(value) or "")}
    if kind == "email":
        return {value}
    return {site(value)}


def _url_key(url: str) -> str:
    return url.split("://", 1)[-1].lower().rstrip("/")


def _same_site(host: str, other: str) -> bool:
    return bool(other) and (host == other or host.endswith("." + other))


def _under(url: str, prefix: str) -> bool:
    if not url.startswith(prefix):
        return False
    return len(url) == len(prefix) or prefix.endswith("/") or url[len(prefix)] in "/?#"
