"""DOCX content outside plain runs reaches the model: never lost, never read twice.

The class is "text inside markup the reader did not know": text boxes (DrawingML and VML),
``mc:AlternateContent`` (one branch only), equations (OMML, as linear text), ruby, and any
wrapper element a producer adds. Deleted text (``w:del``) is the one thing not read. The
property test wraps random words in random layers of such markup and asks for every word
exactly once, in order.
"""

from __future__ import annotations

import io
import zipfile

import pytest
from hypothesis import given
from hypothesis import strategies as st

import briefkit
from briefs import seed_shaped
from security.test_properties import budget

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
M = "http://schemas.openxmlformats.org/officeDocument/2006/math"
NS = (
    f'xmlns:w="{W}" xmlns:mc="{MC}" xmlns:m="{M}" xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:x="urn:example:unknown-producer"'
)


def docx(*paragraphs: str) -> bytes:
    """A Word document (briefkit's package) whose body is a title and ``paragraphs``."""
    body = "<w:p><w:pPr><w:pStyle w:val='Title'/></w:pPr><w:r><w:t>Title</w:t></w:r></w:p>"
    document = f"<w:document {NS}><w:body>{body}{''.join(paragraphs)}</w:body></w:document>"
    out = io.BytesIO()
    data = briefkit.render_docx(seed_shaped())
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as copy:
        for info in source.infolist():
            blob = source.read(info)
            copy.writestr(info, document.encode() if info.filename == "word/document.xml" else blob)
    return out.getvalue()


def run(text: str) -> str:
    return f"<w:r><w:t xml:space='preserve'>{text}</w:t></w:r>"


def para(*inner: str) -> str:
    return f"<w:p>{''.join(inner)}</w:p>"


def text_of(data: bytes) -> str:
    brief = briefkit.parse(data, format="docx")
    return "\n".join(s.text for s in brief.sections)


def vml_box(*paragraphs: str) -> str:
    inner = "".join(paragraphs)
    return f"<w:r><w:pict><v:shape><v:textbox><w:txbxContent>{inner}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"  # noqa: E501


def drawing_box(*paragraphs: str) -> str:
    inner = "".join(paragraphs)
    return (
        "<w:r><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx>"
        f"<w:txbxContent>{inner}</w:txbxContent>"
        "</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>"
    )


def alternate(choice: str, fallback: str) -> str:
    return (
        f"<mc:AlternateContent><mc:Choice Requires='wps'>{choice}</mc:Choice>"
        f"<mc:Fallback>{fallback}</mc:Fallback></mc:AlternateContent>"
    )


def test_text_boxes_follow_their_paragraph_once() -> None:
    box = para(run("In the box."))
    both = alternate(drawing_box(box), vml_box(box))  # Word writes every text box twice
    text = text_of(docx(para(run("Before "), both, run("after.")), para(run("Next paragraph."))))
    assert text.count("In the box.") == 1
    assert text.index("Before after.") < text.index("In the box.") < text.index("Next paragraph.")


def test_a_text_box_in_a_text_box_is_read() -> None:
    inner = para(run("Inner box."))
    outer = para(run("Outer box."), vml_box(inner))
    text = text_of(docx(para(run("Anchor."), drawing_box(outer))))
    assert text.index("Anchor.") < text.index("Outer box.") < text.index("Inner box.")


@pytest.mark.parametrize(
    ("choice", "fallback", "expected"),
    [
        (run("New symbol"), run("Old symbol"), "New symbol"),
        ("<w:r><w:drawing/></w:r>", run("Only in fallback"), "Only in fallback"),
        (run("Only in choice"), "", "Only in choice"),
    ],
)
def test_one_branch_of_alternate_content_is_read(choice: str, fallback: str, expected: str) -> None:
    text = text_of(docx(para(run("A "), alternate(choice, fallback), run(" z"))))
    assert expected in text
    assert ("Old symbol" in text) is (expected == "Old symbol")


@pytest.mark.parametrize(
    ("omml", "linear"),
    [
        ("<m:r><m:t>E=mc</m:t></m:r><m:sSup><m:e><m:r><m:t>2</m:t></m:r></m:e>"
         "<m:sup><m:r><m:t>x</m:t></m:r></m:sup></m:sSup>", "E=mc2^x"),
        ("<m:f><m:num><m:r><m:t>a+b</m:t></m:r></m:num><m:den><m:r><m:t>c</m:t></m:r></m:den>"
         "</m:f>", "(a+b)/c"),
        ("<m:rad><m:deg/><m:e><m:r><m:t>x</m:t></m:r></m:e></m:rad>", "√x"),
        ("<m:nary><m:naryPr><m:chr m:val='∑'/></m:naryPr><m:sub><m:r><m:t>i=1</m:t></m:r>"
         "</m:sub><m:sup><m:r><m:t>n</m:t></m:r></m:sup><m:e><m:r><m:t>i</m:t></m:r></m:e>"
         "</m:nary>", "∑_(i=1)^n i"),
        ("<m:d><m:e><m:r><m:t>x</m:t></m:r></m:e><m:e><m:r><m:t>y</m:t></m:r></m:e></m:d>",
         "(x|y)"),
        ("<m:unknownConstruct><m:r><m:t>kept</m:t></m:r></m:unknownConstruct>", "kept"),
    ],
)  # fmt: skip
def test_equations_are_read_as_linear_text(omml: str, linear: str) -> None:
    text = text_of(docx(para(run("Formula: "), f"<m:oMath>{omml}</m:oMath>", run(" holds."))))
    assert f"Formula: {linear} holds." in text


def test_a_display_equation_paragraph_is_read() -> None:
    math = "<m:oMathPara><m:oMath><m:r><m:t>y=2x</m:t></m:r></m:oMath></m:oMathPara>"
    assert "y=2x" in text_of(docx(para(math)))


def test_ruby_keeps_base_and_guide() -> None:
    ruby = (
        "<w:r><w:ruby><w:rubyPr/><w:rt><w:r><w:t>kanji</w:t></w:r></w:rt>"
        "<w:rubyBase><w:r><w:t>漢字</w:t></w:r></w:rubyBase></w:ruby></w:r>"
    )
    assert "漢字(kanji)" in text_of(docx(para(run("Word: "), ruby)))


def test_unknown_wrappers_are_read_and_deletions_are_not() -> None:
    text = text_of(
        docx(
            para("<x:wrapper><x:deeper>", run("Wrapped words."), "</x:deeper></x:wrapper>"),
            "<x:blockWrapper>" + para(run("Wrapped paragraph.")) + "</x:blockWrapper>",
            para(run("Kept "), "<w:del><w:r><w:delText>gone</w:delText></w:r></w:del>", run("x")),
        )
    )
    assert "Wrapped words." in text
    assert "Wrapped paragraph." in text
    assert "gone" not in text


# --- the property: every word once, in order -------------------------------------------

WRAPPERS = [
    lambda x: f"<w:ins w:id='1' w:author='a'>{x}</w:ins>",
    lambda x: f"<w:smartTag w:element='x'>{x}</w:smartTag>",
    lambda x: f"<w:customXml w:element='x'>{x}</w:customXml>",
    lambda x: f"<w:sdt><w:sdtPr/><w:sdtContent>{x}</w:sdtContent></w:sdt>",
    lambda x: f"<x:unknown>{x}</x:unknown>",
    lambda x: alternate(x, ""),
    lambda x: alternate("<w:r><w:drawing/></w:r>", x),
    lambda x: f"<w:hyperlink w:anchor='a'>{x}</w:hyperlink>",
]


@given(
    st.lists(
        st.tuples(
            st.from_regex(r"[A-Za-z]{3,8}", fullmatch=True),
            st.lists(st.integers(0, len(WRAPPERS) - 1), max_size=3),
        ),
        min_size=1,
        max_size=8,
    )
)
@budget(60)
def test_every_wrapped_word_is_read_once_in_order(words: list[tuple[str, list[int]]]) -> None:
    inner = []
    for k, (word, layers) in enumerate(words):
        xml = run(f"w{k}{word} ")
        for layer in layers:
            xml = WRAPPERS[layer](xml)
        inner.append(xml)
    text = text_of(docx(para(*inner)))
    positions = [text.find(f"w{k}{word}") for k, (word, _) in enumerate(words)]
    assert all(p >= 0 for p in positions), (positions, text)
    assert positions == sorted(positions)
    assert all(text.count(f"w{k}{word}") == 1 for k, (word, _) in enumerate(words))


# --- characters of symbol fonts (w:sym, and text typed in Symbol or Wingdings) ------------


def sym(font: str | None, char: str | None) -> str:
    attrs = (f" w:font='{font}'" if font is not None else "") + (
        f" w:char='{char}'" if char is not None else ""
    )
    return f"<w:r><w:t xml:space='preserve'>[</w:t><w:sym{attrs}/><w:t>]</w:t></w:r>"


@pytest.mark.parametrize(
    ("font", "char", "expected"),
    [
        ("Symbol", "F0B7", "•"),  # the bullet Word's own bulleted lists use
        ("Symbol", "F061", "α"),
        ("Symbol", "F057", "Ω"),
        ("Symbol", "0044", "Δ"),  # written without the private-use offset
        ("Symbol", "F0AE", "→"),
        ("Symbol", "F0DE", "⇒"),
        ("Symbol", "F0A3", "≤"),
        ("Symbol", "F031", "1"),
        ("symbol ", "f070", "π"),  # font names and hex digits in any case
        ("Wingdings", "F0FC", "✓"),
        ("Wingdings", "F0FB", "✗"),
        ("Wingdings", "F0FE", "☑"),
        ("Wingdings", "F0FD", "☒"),
        ("Wingdings", "F0A7", "▪"),  # Word's square bullet
        ("Wingdings", "F0D8", "⮚"),  # Word's arrowhead bullet
        ("Wingdings", "F076", "❖"),
        ("Wingdings", "F06C", "●"),
        ("Wingdings", "F0E8", "🡺"),
        ("Wingdings", "F081", "①"),
        ("WINGDINGS", "F08C", "❶"),
    ],
)
def test_symbol_font_characters_are_read_as_unicode(font: str, char: str, expected: str) -> None:
    assert f"[{expected}]" in text_of(docx(para(sym(font, char))))


@pytest.mark.parametrize(
    ("font", "char", "expected"),
    [
        ("Wingdings", "F021", "\uf021"),  # a pencil, but which one is not certain: kept
        ("Wingdings 2", "F050", "\uf050"),  # another font's table: kept as written
        ("Webdings", "F0FC", "\uf0fc"),
        ("MT Extra", "F06C", "\uf06c"),
        (None, "F0B7", "\uf0b7"),
        ("Symbol", "F0FF", "\uf0ff"),  # Symbol has no such character
        ("Symbol", "2022", "•"),  # already Unicode
        ("Symbol", None, "\ufffd"),  # no character at all: still marked
        ("Symbol", "zz", "\ufffd"),
        ("Symbol", "0001", "\ufffd"),  # a control character XML cannot hold
        ("Symbol", "D800", "\ufffd"),  # a surrogate
        ("Symbol", "110000", "\ufffd"),  # beyond Unicode
        ("Symbol", "202E", "\ufffd"),  # a bidi override briefkit never lets through
    ],
)
def test_other_symbols_are_kept_as_written(
    font: str | None, char: str | None, expected: str
) -> None:
    assert f"[{expected}]" in text_of(docx(para(sym(font, char))))


def test_text_typed_in_a_symbol_font_maps_its_private_use_codes() -> None:
    def in_font(font: str, text: str) -> str:
        return (
            f"<w:r><w:rPr><w:rFonts w:ascii='{font}' w:hAnsi='{font}'/></w:rPr>"
            f"<w:t xml:space='preserve'>{text}</w:t></w:r>"
        )

    text = text_of(
        docx(
            para(
                in_font("Symbol", "\uf0b7 one \uf061"), run(" and "), in_font("Wingdings", "\uf0fc")
            ),
            para(in_font("Symbol", "abc"), run(" \uf0b7 plain")),
        )
    )
    assert "• one α and ✓" in text
    assert "abc \uf0b7 plain" in text  # letters typed in Symbol, PUA outside it: as written


@given(font=st.text(max_size=12), char=st.text(max_size=8))
@budget(60)
def test_every_symbol_is_one_character(font: str, char: str) -> None:
    from briefkit.parsers.docx.symbols import symbol_char

    assert len(symbol_char(font, char)) == 1
    assert len(symbol_char(font, f"{abs(hash(char)) % 0x110000:X}")) == 1
