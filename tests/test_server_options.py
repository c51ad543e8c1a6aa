"""Renderer options over HTTP, and whose fault a rendering error is.

The server runs as a real process on a loopback port (:mod:`serving`), driven with httpx;
the documents it answers are opened with lxml, python-docx and pypdf to see that an option
took effect. A brief the format cannot take (an undated brief as STIX or MISP) or an option
value the renderer refuses is the request's fault: a 422 problem document with the
library's where and why, never a 500. Only a renderer that itself fails is a 500; that is
checked on the library's own error, since no request can make a built-in renderer fail.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import zipfile
from collections.abc import Iterator
from typing import Any

import lxml.html
import pytest
from lxml import etree
from pypdf import PdfReader

import briefkit
from briefkit import Brief, registry
from briefkit.errors import RenderError
from briefkit.registry import RendererInfo
from briefkit.server.problems import from_library
from briefkit.server.worker import describe
from briefs import long_brief, seed_shaped
from serving import Server, fresh_formats, need_server_stack, running_server

need_server_stack()
import httpx  # noqa: E402  (after the check that it is installed)

PROBLEM = "application/problem+json"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    with running_server("--workers", "1", "--queue", "16") as s:
        yield s


@pytest.fixture(scope="module")
def client(server: Server) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, timeout=120, trust_env=False) as c:
        yield c


def undated() -> Brief:
    brief = seed_shaped()
    assert brief.published is None
    return brief


def render(client: httpx.Client, brief: Brief, query: str) -> httpx.Response:
    return client.post(
        f"/render?{query}", content=brief.to_json(), headers={"Content-Type": "application/json"}
    )


def problem(response: httpx.Response, status: int, kind: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == PROBLEM
    body: dict[str, Any] = response.json()
    assert body["type"] == f"/problems/{kind}"
    assert body["status"] == status
    assert body["where"]
    assert body["why"]
    return body


def docx_part(data: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(name).decode("utf-8")


# --- options take effect ---------------------------------------------------------------


def test_default_language_in_html_docx_and_pdf(client: httpx.Client) -> None:
    brief = undated()
    page = render(client, brief, "to=html&default_language=fr-CA")
    assert page.status_code == 200, page.text
    assert lxml.html.fromstring(page.content).get("lang") == "fr-CA"
    word = render(client, brief, "to=docx&default_language=fr-CA")
    styles = etree.fromstring(docx_part(word.content, "word/styles.xml").encode())
    lang = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert lang is not None
    assert lang.get(f"{W}val") == "fr-CA"
    pdf = render(client, brief, "to=pdf&default_language=fr-CA")
    assert PdfReader(io.BytesIO(pdf.content)).trailer["/Root"]["/Lang"] == "fr-CA"
    body = briefkit.render_text(brief).encode()
    converted = client.post("/convert?from=text&to=html&default_language=de", content=body)
    assert lxml.html.fromstring(converted.content).get("lang") == "de"


def test_toc_tagged_and_pdf_variant(client: httpx.Client) -> None:
    brief = undated()
    toc = render(client, brief, "to=docx&toc=true")
    assert " TOC " in docx_part(toc.content, "word/document.xml")
    document = "word/document.xml"
    long_off = render(client, long_brief(100), "to=docx&toc=false")  # long: one by default
    assert " TOC " not in docx_part(long_off.content, document)
    assert " TOC " in docx_part(render(client, long_brief(100), "to=docx").content, document)
    pdf = PdfReader(io.BytesIO(render(client, brief, "to=pdf&toc=true").content))
    assert "Contents" in pdf.pages[0].extract_text()
    untagged = PdfReader(io.BytesIO(render(client, brief, "to=pdf&tagged=false").content))
    assert "/StructTreeRoot" not in untagged.trailer["/Root"]
    a3b = PdfReader(io.BytesIO(render(client, brief, "to=pdf&pdf_variant=pdf/a-3b").content))
    xmp = a3b.trailer["/Root"]["/Metadata"].get_object().get_data().decode("utf-8")
    assert re.search(r"pdfaid:part(>|=\")3", xmp)


def test_live_and_annotate(client: httpx.Client) -> None:
    quoting = briefkit.parse(
        "# Staging Servers\n\nThe payload was staged at "
        "[files.evil-cdn.net](https://files.evil-cdn.net/drop).\n",
        format="markdown",
    )

    def hrefs(query: str) -> list[str]:
        page = lxml.html.fromstring(render(client, quoting, f"to=html&{query}").content)
        return [str(a.get("href")) for a in page.iter("a")]

    assert "https://files.evil-cdn.net/drop" not in hrefs("defang=auto")
    assert "https://files.evil-cdn.net/drop" in hrefs("live=evil-cdn.net&live=other.example")
    annotated = lxml.html.fromstring(render(client, seed_shaped(), "to=html&annotate=true").content)
    assert annotated.findall(".//mark")
    kent = render(client, seed_shaped(), "to=html&annotate=true&scale=kent")
    assert "Kent" in kent.text
    assert not lxml.html.fromstring(render(client, seed_shaped(), "to=html").content).findall(
        ".//mark"
    )
    assert render(client, seed_shaped(), "to=docx&annotate=true").status_code == 400


def test_formats_list_the_options_each_takes(client: httpx.Client) -> None:
    output = client.get("/formats").json()["output"]
    assert {"default_language", "toc", "tagged", "pdf_variant"} <= set(output["pdf"]["options"])
    assert {"default_language", "toc"} <= set(output["docx"]["options"])
    assert "toc" not in output["html"]["options"]
    assert {"published", "publisher"} <= set(output["stix"]["options"])


# --- the input's fault: 4xx with where and why ---------------------------------------------


def test_an_undated_brief_as_stix_or_misp_is_422_until_published_is_given(
    client: httpx.Client,
) -> None:
    brief = undated()
    for fmt in ("stix", "misp"):
        body = problem(render(client, brief, f"to={fmt}"), 422, "unrenderable")
        assert body["error"] == "RenderError"
        assert body["format"] == fmt
        assert body["where"] == f"[{fmt}] {brief.title}"
        assert "publication date" in body["why"]
        converted = client.post(f"/convert?from=json&to={fmt}", content=brief.to_json())
        assert problem(converted, 422, "unrenderable")["why"] == body["why"]
        dated = render(client, brief, f"to={fmt}&published=2024-09-13")
        assert dated.status_code == 200, dated.text
    stix = json.loads(render(client, brief, "to=stix&published=2024-09-13").content)
    report = next(o for o in stix["objects"] if o["type"] == "report")
    assert report["published"].startswith("2024-09-13")
    misp = json.loads(render(client, brief, "to=misp&published=2024-09-13").content)
    assert misp["Event"]["date"] == "2024-09-13"


@pytest.mark.parametrize(
    ("query", "option", "says"),
    [
        ("to=html&default_language=en_GB", "default_language", "BCP 47"),
        ("to=docx&default_language=%20", "default_language", "BCP 47"),
        ("to=pdf&default_language=1234", "default_language", "BCP 47"),
        ("to=pdf&pdf_variant=pdf/z-9", "pdf_variant", "unknown pdf_variant"),
        ("to=pdf&pdf_variant=pdf/ua-1&tagged=false", "tagged", "always tagged"),
        ("to=stix&published=yesterday", "published", "not an ISO date"),
        ("to=misp&published=13.09.2024", "published", "not an ISO date"),
    ],
)
def test_a_refused_option_value_is_422_naming_the_parameter(
    client: httpx.Client, query: str, option: str, says: str
) -> None:
    body = problem(render(client, undated(), query), 422, "invalid-option")
    assert body["where"] == f"query.{option}"
    assert body["option"] == option
    assert says in body["why"]
    kind = client.get("/problems/invalid-option").json()
    assert kind["status"] == 422


def test_option_shapes_are_checked_before_any_work(client: httpx.Client) -> None:
    body = problem(render(client, undated(), "to=pdf&toc=maybe"), 422, "invalid-request")
    assert body["where"] == "query.toc"
    wrong_format = render(client, undated(), "to=html&tagged=false")
    assert wrong_format.status_code == 400
    assert "tagged applies to pdf output only" in wrong_format.json()["detail"]


@pytest.mark.parametrize("fmt", fresh_formats()["output"])
def test_no_input_problem_is_a_500_in_any_format(client: httpx.Client, fmt: str) -> None:
    """An undated brief, and one with every optional field empty, in every registered
    format: rendered, or refused as the request's fault (4xx), never a server error."""
    briefs = [undated(), Brief(title="Only a title")]
    if fmt in ("stix", "misp"):
        briefs.append(seed_shaped().model_copy(update={"published": dt.date(2024, 9, 13)}))
    for brief in briefs:
        for route in ("/render", "/convert?from=json&"):
            sep = "?" if route == "/render" else ""
            response = client.post(f"{route}{sep}to={fmt}", content=brief.to_json())
            assert response.status_code < 500, response.text
            if response.status_code >= 400:
                problem(response, 422, "unrenderable")


# --- the renderer's own fault: 500 -------------------------------------------------------


def test_only_a_failing_renderer_is_render_failed(monkeypatch: pytest.MonkeyPatch) -> None:
    """A renderer that returns no document is the renderer's bug: ``internal``, 500."""
    info = RendererInfo(
        name="broken-test", extension=".broken", media_type="text/plain", binary=False,
        description="returns a number", target=lambda brief, **_: 42,
    )  # fmt: skip
    monkeypatch.setitem(registry._renderers, info.name, info)
    with pytest.raises(RenderError) as caught:
        briefkit.render(seed_shaped(), "broken-test")
    assert caught.value.internal is True
    assert from_library(describe(caught.value)).kind == "render-failed"
    with pytest.raises(RenderError) as refused:
        briefkit.render(undated(), "stix")
    assert refused.value.internal is False
    assert from_library(describe(refused.value)).kind == "unrenderable"
