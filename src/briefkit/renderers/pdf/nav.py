"""Previous/Next links laid out as one link box each, as PDF/UA wants.

In the HTML markup the whole ``<a class="brief-prev">`` wraps two block spans (label and
title). Laid out, that is one link annotation for the block and one per span, and the
block's is outside the Link structure element: veraPDF fails rule 7.18.5-1. In the PDF's
HTML the link moves inside: ``<div class="brief-prev"><span class="brief-nav-label">Previous
</span><span class="brief-nav-title"><a href>TITLE</a></span></div>`` (the label is the link
text when there is no title). The HTML page keeps the markup it documents.
"""

from __future__ import annotations

from lxml import etree

from .toc import has_class

__all__ = ["inline_nav_links"]


def inline_nav_links(root: etree._Element) -> None:
    """Rewrite every ``nav.brief-nav > a`` under ``root`` so the link holds only text."""
    for nav in [n for n in root.iter("nav") if has_class(n, "brief-nav")]:
        for link in [c for c in nav if c.tag == "a" and c.get("href") is not None]:
            spans = [c for c in link if c.tag == "span"]
            target = next((s for s in spans if has_class(s, "brief-nav-title")), None)
            if target is None:
                target = next((s for s in spans if has_class(s, "brief-nav-label")), None)
            if target is None:
                continue
            holder = etree.Element("div", {"class": link.get("class") or ""})
            holder.tail = link.tail
            inner = etree.Element("a", {"href": link.get("href") or ""})
            if link.get("rel"):
                inner.set("rel", link.get("rel") or "")
            inner.text, target.text = target.text, None
            inner.extend(list(target))
            target.append(inner)
            holder.extend(list(link))
            link.addprevious(holder)
            nav.remove(link)
