"""Remove from WeasyPrint's own document tree what could make it load or embed a file.

It runs on the tree WeasyPrint parsed (tinyhtml5, an HTML5 parser), after parsing and
before layout, so what is checked is exactly what gets laid out: cleaning a copy parsed by
another parser would disagree with WeasyPrint on markup such as ``<embed>`` (void in HTML5,
a container for libxml2) and either miss elements or drop text. Removed: elements that
load or embed (``object``, ``embed``, ``iframe``, ``base``, media, scripts), ``<link>``
other than ``rel=stylesheet``, ``http-equiv`` meta, the ``attachment`` link type, event
handlers and unsafe link targets, including ``//host`` and ``/path``, which a viewer would
open as a network share or a local file (``_pdf_html`` has already resolved the brief's own
links against its url; what is left here is made safe by the same rule). Their tails (the
text after them) are kept. Loads that remain (images, stylesheets) go through the sandboxed
URL fetcher.
"""

from __future__ import annotations

from xml.etree.ElementTree import Element

from ...safety import document_href, is_safe_href

__all__ = ["sanitize"]

_DROP = frozenset(
    {
        *("script", "noscript", "template", "base", "param"),
        *("object", "embed", "iframe", "frame", "frameset", "applet", "portal"),
        *("audio", "video", "source", "track"),
    }
)
# Attributes that make a link or submit somewhere (loads such as img/src or link/href are
# the fetcher's business, and allow_fetch may let them through).
_LINKS = frozenset({("a", "href"), ("area", "href")})
_SUBMITS = frozenset({("form", "action")})


def sanitize(root: Element) -> None:
    """Clean ``root`` in place (ElementTree API: tinyhtml5's tree, or lxml's)."""
    pairs = [(parent, child) for parent in root.iter() for child in parent]
    for parent, child in pairs:
        tag = child.tag
        if not isinstance(tag, str):  # comments, processing instructions
            continue
        name = _local(tag)
        if (
            name in _DROP
            or (name == "link" and not _is_stylesheet(child))
            or (name == "meta" and child.get("http-equiv") is not None)
        ):
            _remove_keep_tail(parent, child)
        else:
            _clean_attributes(child, name)
    if isinstance(root.tag, str):
        _clean_attributes(root, _local(root.tag))


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1].rsplit(":", 1)[-1].lower()


def _is_stylesheet(element: Element) -> bool:
    return (element.get("rel") or "").lower().split() == ["stylesheet"]


def _clean_attributes(element: Element, tag: str) -> None:
    for attr in list(element.attrib):
        name = _local(str(attr))
        value = element.attrib[attr] or ""
        if name.startswith("on") or name == "srcdoc":
            del element.attrib[attr]
        elif name == "rel":
            tokens = [t for t in value.split() if t.lower() != "attachment"]
            if tokens:
                element.set(attr, " ".join(tokens))
            else:
                del element.attrib[attr]
        elif (tag, name) in _LINKS:
            target = document_href(value)
            if target is None:
                del element.attrib[attr]
            else:
                element.set(attr, target)
        elif ((tag, name) in _SUBMITS or name == "formaction") and not is_safe_href(value):
            del element.attrib[attr]


def _remove_keep_tail(parent: Element, child: Element) -> None:
    children = list(parent)
    try:
        index = children.index(child)
    except ValueError:  # already gone with an ancestor
        return
    if child.tail:
        if index:
            previous = children[index - 1]
            previous.tail = (previous.tail or "") + child.tail
        else:
            parent.text = (parent.text or "") + child.tail
    parent.remove(child)
