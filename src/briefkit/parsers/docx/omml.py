"""Equations (Office Math, OMML) as linear text, so their content reaches the model.

The model has no mathematics, so an equation becomes the linear form people type
(``(a+b)/c``, ``x^2``, ``√(x)``, ``∑_(i=1)^n i``). Every character of the equation is kept;
constructs without a linear form of their own (accents, boxes, phantoms) keep their text.
The walk is iterative, like every parser's.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

__all__ = ["M_NS", "is_math", "math_text"]

M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"
_MATH = {f"{{{M_NS}}}oMath", f"{{{M_NS}}}oMathPara"}
_TEXT = {f"{{{M_NS}}}t", "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"}


def is_math(tag: Any) -> bool:
    """True for an equation element (``m:oMath`` or ``m:oMathPara``)."""
    return tag in _MATH


def _local(node: Any) -> str:
    tag = node.tag
    if not isinstance(tag, str) or not tag.startswith(f"{{{M_NS}}}"):
        return ""
    return etree.QName(tag).localname


def _prop(node: Any, prop: str, name: str, default: str) -> str:
    """An ``m:val`` of a construct's property element (``m:dPr/m:begChr``...)."""
    found = node.find(f"m:{prop}/m:{name}", {"m": M_NS})
    if found is None:
        return default
    value = found.get(f"{{{M_NS}}}val")
    return default if value is None else value


def _wrap(text: str) -> str:
    """A part of a construct, parenthesised when it is more than one character."""
    if len(text) <= 1 or (text.startswith("(") and text.endswith(")")):
        return text
    return f"({text})"


def _script(mark: str, text: str) -> str:
    return f"{mark}{_wrap(text)}" if text else ""


def _combine(node: Any, parts: list[tuple[str, str]]) -> str:
    """The linear text of ``node`` from its children's: (local name, text) each."""
    kind = _local(node)
    if node.tag in _TEXT:
        return str(node.text or "")

    def part(name: str) -> str:
        return "".join(text for local, text in parts if local == name)

    everything = "".join(text for _, text in parts)
    if kind == "f":
        return f"{_wrap(part('num'))}/{_wrap(part('den'))}"
    if kind == "sSup":
        return part("e") + _script("^", part("sup"))
    if kind == "sSub":
        return part("e") + _script("_", part("sub"))
    if kind == "sSubSup":
        return part("e") + _script("_", part("sub")) + _script("^", part("sup"))
    if kind == "sPre":
        return _script("_", part("sub")) + _script("^", part("sup")) + part("e")
    if kind == "rad":
        return f"{part('deg')}√{_wrap(part('e'))}"
    if kind == "d":
        begin, end = _prop(node, "dPr", "begChr", "("), _prop(node, "dPr", "endChr", ")")
        separator = _prop(node, "dPr", "sepChr", "|")
        return begin + separator.join(text for local, text in parts if local == "e") + end
    if kind == "nary":
        sign = _prop(node, "naryPr", "chr", "∫")
        body = part("e")
        return sign + _script("_", part("sub")) + _script("^", part("sup")) + " " + body
    if kind == "func":
        body = part("e")
        return part("fName") + ("" if body.startswith("(") else " ") + body
    if kind == "limLow":
        return part("e") + _script("_", part("lim"))
    if kind == "limUpp":
        return part("e") + _script("^", part("lim"))
    if kind in ("eqArr", "mr"):
        return (", " if kind == "mr" else "; ").join(text for local, text in parts if local == "e")
    if kind == "m":
        return "[" + "; ".join(text for local, text in parts if local == "mr") + "]"
    if kind == "oMathPara":
        return " ".join(text for local, text in parts if local == "oMath")
    return everything


def math_text(root: Any) -> str:
    """The linear text of an equation element (``m:oMath`` or ``m:oMathPara``)."""
    frames: list[tuple[Any, Any, list[tuple[str, str]]]] = [(root, iter(root), [])]
    while True:
        node, children, parts = frames[-1]
        child = next(children, None)
        if child is not None:
            if isinstance(child.tag, str):
                frames.append((child, iter(child), []))
            continue
        frames.pop()
        text = _combine(node, parts)
        if not frames:
            return text
        frames[-1][2].append((_local(node), text))
