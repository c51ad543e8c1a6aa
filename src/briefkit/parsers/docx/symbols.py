"""Characters of symbol fonts (Symbol, Wingdings) as the Unicode characters they show.

Word writes a character inserted from a symbol font as ``<w:sym w:font="Wingdings"
w:char="F0FC"/>``, and text typed in such a font as ordinary ``w:t`` text in a run whose
font is that font. Either way the code is one of the font's own, usually moved into the
private-use range U+F020-U+F0FF that Windows gives symbol fonts, and without the font it
shows as a box or as a wrong letter. Codes whose meaning is certain become the Unicode
character: from Symbol (Adobe's Symbol encoding) its punctuation and digits, Greek,
arithmetic and logic signs, arrows and the bullet; from Wingdings its bullets and boxes,
check marks and ballot boxes, circled digits and arrows. Any other code stays the
character as written (a private-use character still says a symbol stood there), so
nothing is lost; a ``w:char`` that is no character at all becomes U+FFFD.
"""

from __future__ import annotations

import re

from ...safety import clean_text

__all__ = ["SYMBOL_FONTS", "font_text", "symbol_char"]

_PRIVATE = 0xF000  # Windows puts a symbol font's codes 0x20-0xFF at U+F020-U+F0FF
_HEX = re.compile(r"[0-9A-Fa-f]{1,6}")


def _table(pairs: str) -> dict[int, str]:
    """``"code=char code=char ..."`` (hex codes) as a table."""
    out: dict[int, str] = {}
    for pair in pairs.split():
        code, _, char = pair.partition("=")
        out[int(code, 16)] = char
    return out


# Adobe's Symbol encoding: ASCII punctuation and digits where Symbol has them too.
_SYMBOL = {c: chr(c) for c in (0x20, 0x21, 0x23, 0x25, 0x26, 0x28, 0x29, 0x2B, 0x2C)}
_SYMBOL |= {c: chr(c) for c in range(0x2E, 0x40)}  # . / 0-9 : ; < = > ?
_SYMBOL |= {c: chr(c) for c in (0x5B, 0x5D, 0x5F, 0x7B, 0x7C, 0x7D)}
# Greek: the letters in Latin order of the keyboard (A=Alpha, C=Chi, F=Phi, J=theta symbol).
_SYMBOL |= dict(zip(range(0x41, 0x5B), "ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ", strict=True))
_SYMBOL |= dict(zip(range(0x61, 0x7B), "αβχδεφγηιϕκλμνοπθρστυϖωξψζ", strict=True))
_SYMBOL |= _table(
    "22=∀ 24=∃ 27=∋ 2A=∗ 2D=− 40=≅ 5C=∴ 5E=⊥ 7E=∼ A1=ϒ A2=′ A3=≤ A4=⁄ A5=∞ A6=ƒ "
    "A7=♣ A8=♦ A9=♥ AA=♠ AB=↔ AC=← AD=↑ AE=→ AF=↓ B0=° B1=± B2=″ B3=≥ B4=× B5=∝ B6=∂ "
    "B7=• B8=÷ B9=≠ BA=≡ BB=≈ BC=… BF=↵ C0=ℵ C1=ℑ C2=ℜ C3=℘ C4=⊗ C5=⊕ C6=∅ C7=∩ C8=∪ "
    "C9=⊃ CA=⊇ CB=⊄ CC=⊂ CD=⊆ CE=∈ CF=∉ D0=∠ D1=∇ D5=∏ D6=√ D7=⋅ D8=¬ D9=∧ DA=∨ DB=⇔ "
    "DC=⇐ DD=⇑ DE=⇒ DF=⇓ E0=◊ E5=∑ F2=∫"
)
# Wingdings: bullets and boxes, check marks and ballot boxes, circled digits, arrows.
_WINGDINGS = _table(
    "6C=● 6E=■ 6F=□ 71=❑ 72=❒ 73=⬧ 74=⧫ 75=◆ 76=❖ 77=⬥ 9F=• A4=◉ A7=▪ A8=◻ "
    "AA=✦ AB=★ D8=⮚ DF=🡨 E0=🡪 E1=🡩 E2=🡫 E8=🡺 EF=⇦ F0=⇨ F1=⇧ F2=⇩ FB=✗ FC=✓ FD=☒ FE=☑"
)
_WINGDINGS |= dict(zip(range(0x80, 0x8B), "⓪①②③④⑤⑥⑦⑧⑨⑩", strict=True))
_WINGDINGS |= dict(zip(range(0x8B, 0x96), "⓿❶❷❸❹❺❻❼❽❾❿", strict=True))

#: Font names (case-folded) whose codes are mapped, and their tables.
SYMBOL_FONTS: dict[str, dict[int, str]] = {"symbol": _SYMBOL, "wingdings": _WINGDINGS}


def _is_char(code: int) -> bool:
    """A character XML can hold and a reader can see (not a control or a surrogate)."""
    return (
        code in (0x9, 0xA, 0xD)
        or 0x20 <= code < 0xD800
        or 0xE000 <= code <= 0xFFFD
        or 0x10000 <= code <= 0x10FFFF
    ) and not 0x7F <= code < 0xA0


def symbol_char(font: str | None, char: str | None) -> str:
    """The text of a ``w:sym``: its ``w:char`` (hex) in ``w:font``, as Unicode."""
    if not char or not _HEX.fullmatch(char.strip()):
        return "\ufffd"
    code = int(char.strip(), 16)
    table = SYMBOL_FONTS.get((font or "").strip().casefold())
    if table is not None:
        mapped = table.get(code - _PRIVATE if _PRIVATE <= code <= _PRIVATE + 0xFF else code)
        if mapped is not None:
            return mapped
    kept = chr(code) if _is_char(code) else ""
    return kept if kept and clean_text(kept) == kept else "\ufffd"


def font_text(font: str | None, text: str) -> str:
    """Text typed in a run whose font is ``font``: its private-use codes of a symbol font
    as Unicode (letters typed in Symbol stay letters: which were meant as Greek is not
    certain)."""
    table = SYMBOL_FONTS.get((font or "").strip().casefold())
    if table is None or not any(_PRIVATE <= ord(c) <= _PRIVATE + 0xFF for c in text):
        return text
    return "".join(
        table.get(ord(c) - _PRIVATE, c) if _PRIVATE <= ord(c) <= _PRIVATE + 0xFF else c
        for c in text
    )
