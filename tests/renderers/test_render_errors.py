"""Whose fault a RenderError is: the brief's, an option's (named), or the renderer's own.

A service decides its answer from these (``briefkit serve``: 422 for the brief or an
option, 500 only for ``internal``), so every refusal the built-in renderers make is checked
here to name the option it refuses and to say it is not internal.
"""

from __future__ import annotations

from typing import Any

import pytest

import briefkit
from briefkit.errors import RenderError
from briefs import seed_shaped

DATED = {"published": "2024-09-13"}
#: (format, renderer options, the option the refusal names; None: the brief is at fault)
CASES: list[tuple[str, dict[str, Any], str | None]] = [
    ("html", {"default_language": "en_GB"}, "default_language"),
    ("docx", {"default_language": ""}, "default_language"),
    ("pdf", {"default_language": "1234"}, "default_language"),
    ("docx", {"page_size": "A9"}, "page_size"),
    ("pdf", {"page_size": "A9"}, "page_size"),
    ("pdf", {"pdf_variant": "pdf/z-9"}, "pdf_variant"),
    ("pdf", {"pdf_variant": "pdf/ua-1", "tagged": False}, "tagged"),
    ("pdf", {"allow_fetch": "https://x.example/"}, "allow_fetch"),
    ("pdf", {"allow_fetch": ["x.example/"]}, "allow_fetch"),
    ("text", {"defang": "some"}, "defang"),
    ("stix", {"published": "soon"}, "published"),
    ("stix", {**DATED, "confidence": 101}, "confidence"),
    ("misp", {"published": "13.09.2024"}, "published"),
    ("misp", {**DATED, "threat_level": 9}, "threat_level"),
    ("misp", {**DATED, "analysis": -1}, "analysis"),
    ("stix", {}, None),
    ("misp", {}, None),
]


@pytest.mark.parametrize(("fmt", "options", "option"), CASES)
def test_a_refusal_names_its_option_and_is_not_internal(
    fmt: str, options: dict[str, Any], option: str | None
) -> None:
    with pytest.raises(RenderError) as caught:
        briefkit.render(seed_shaped(), fmt, **options)
    assert caught.value.option == option
    assert caught.value.internal is False
    assert caught.value.message


def test_the_message_is_unchanged_by_the_new_fields() -> None:
    error = RenderError("no date", format="stix", brief="T", option="published")
    assert str(error) == "[stix] 'T': no date"
    assert (error.option, error.internal) == ("published", False)
    assert RenderError("x", internal=True).internal is True
