"""``briefkit serve`` as a real process on a loopback port, driven with httpx.

Every endpoint, every error status (as an RFC 9457 problem document), the access log,
concurrent clients (none lost, none mixed up) and a worker killed mid-request. The hostile
inputs are in ``tests/security/test_server_sandbox.py``. Each loop of requests is bounded in
count and in time (httpx timeouts, :func:`serving.wait_until`); nothing here is timed.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import signal
import threading
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import docx
import lxml.html
import pytest
from pypdf import PdfReader

import briefkit
from briefkit import Brief
from briefs import long_brief, rich_brief, seed_shaped
from serving import Server, fresh_formats, need_server_stack, running_server, wait_until

need_server_stack()
import httpx  # noqa: E402  (after the check that it is installed)

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "briefs" / "sample.txt"
MAX_BODY = 1024 * 1024
PROBLEM = "application/problem+json"


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    with running_server("--workers", "2", "--queue", "32", "--max-body", str(MAX_BODY)) as s:
        yield s


@pytest.fixture(scope="module")
def client(server: Server) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, timeout=120, trust_env=False) as c:
        yield c


def assert_problem(response: httpx.Response, status: int, kind: str) -> dict[str, Any]:
    """An RFC 9457 problem document of ``kind`` with this status, naming this request."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == PROBLEM
    body = response.json()
    assert body["status"] == status
    assert body["type"] == f"/problems/{kind}"
    assert body["title"]
    assert body["detail"]
    assert body["instance"] == f"urn:uuid:{response.headers['x-request-id']}"
    return body


def read_back(fmt: str, data: bytes) -> Brief:
    """The brief a response holds, read with the parser of its format."""
    return briefkit.parse(data, format=fmt)


# --- formats, health, docs ---------------------------------------------------------------


def test_binds_to_loopback_by_default(server: Server) -> None:
    assert server.url.startswith("http://127.0.0.1:")


def test_formats_are_the_registry(client: httpx.Client) -> None:
    body = client.get("/formats").json()
    assert sorted(body["input"]) == fresh_formats()["input"]
    assert sorted(body["output"]) == fresh_formats()["output"]
    for name in fresh_formats()["output"]:
        info = briefkit.output_formats()[name]
        assert body["output"][name]["media_type"] == info.media_type
        assert body["output"][name]["extension"] == info.extension
    assert body["output"]["pdf"]["options"] == [
        "page_size", "default_language", "toc", "tagged", "pdf_variant", "defang", "live"
    ]  # fmt: skip
    assert "text/markdown" in body["input"]["markdown"]["media_types"]


def test_health_lists_the_workers(client: httpx.Client) -> None:
    body = client.get("/health").json()
    assert body["status"] == "ok"
    assert body["version"] == briefkit.__version__
    assert len(body["workers"]) == 2
    assert all(w["pid"] > 0 for w in body["workers"])
    assert body["queue_limit"] == 32


def test_openapi_documents_the_brief(client: httpx.Client) -> None:
    spec = client.get("/openapi.json").json()
    assert {"/convert", "/parse", "/render", "/check", "/formats", "/health"} <= set(spec["paths"])
    schemas = spec["components"]["schemas"]
    assert "Brief" in schemas
    assert "Problem" in schemas
    assert set(Brief.model_json_schema()["properties"]) == set(schemas["Brief"]["properties"])
    convert = spec["paths"]["/convert"]["post"]
    assert "text/markdown" in convert["requestBody"]["content"]
    page = client.get("/docs")
    assert page.status_code == 200
    assert "openapi.json" in page.text


def test_problem_kinds_are_described(client: httpx.Client) -> None:
    body = client.get("/problems/parse-error").json()
    assert body == {
        "kind": "parse-error",
        "status": 422,
        "title": "The input is not a readable brief",
        "description": body["description"],
    }
    assert_problem(client.get("/problems/no-such-kind"), 404, "not-found")


# --- convert, parse, render, check -------------------------------------------------------


@pytest.mark.parametrize("fmt", fresh_formats()["output"])
def test_convert_to_every_registered_format(client: httpx.Client, fmt: str) -> None:
    info = briefkit.output_formats()[fmt]
    expected = briefkit.parse(SAMPLE)
    if fmt in ("stix", "misp"):  # interchange formats need the date the sample lacks
        expected = expected.model_copy(update={"published": dt.date(2024, 9, 13)})
        response = client.post(f"/convert?from=json&to={fmt}", content=expected.to_json())
    else:
        response = client.post(f"/convert?to={fmt}", content=SAMPLE.read_bytes())
    assert response.status_code == 200, response.text
    media_type = response.headers["content-type"].split(";")[0]
    assert media_type == info.media_type.split(";")[0]
    if fmt == "stix":
        assert json.loads(response.content)["type"] == "bundle"
    if fmt == "misp":
        assert json.loads(response.content)["Event"]["date"] == "2024-09-13"
    if fmt in ("html", "markdown", "json", "docx", "text"):
        assert read_back(fmt, response.content) == expected
    if fmt == "html":
        assert lxml.html.fromstring(response.content).findtext(".//h1").strip() == expected.title
    if fmt == "docx":
        assert docx.Document(io.BytesIO(response.content)).core_properties.title == expected.title
    if fmt == "pdf":
        text = " ".join(
            page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages
        )
        assert expected.title.split(":")[0] in text


def test_convert_negotiates_by_content_type_and_accept(client: httpx.Client) -> None:
    brief = rich_brief()
    markdown = briefkit.render_markdown(brief).encode()
    headers = {"Content-Type": "text/markdown", "Accept": "text/plain;q=0.5, application/json"}
    response = client.post("/convert", content=markdown, headers=headers)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json; charset=utf-8"
    assert Brief.from_json(response.content) == brief
    wildcard = client.post("/convert", content=markdown, headers={"Accept": "*/*"})
    assert wildcard.headers["content-type"] == "text/html; charset=utf-8"
    by_extension = client.post("/convert?to=md&from=md", content=markdown)
    assert read_back("markdown", by_extension.content) == brief


def test_convert_options_reach_the_renderer(client: httpx.Client) -> None:
    body = SAMPLE.read_bytes()
    fragment = client.post("/convert?to=html&fragment=true", content=body)
    assert fragment.text.lstrip().startswith("<article")
    letter = client.post("/convert?to=docx&page_size=Letter", content=body)
    section = docx.Document(io.BytesIO(letter.content)).sections[0]
    assert round(section.page_width.inches, 1) == 8.5
    assert_problem(client.post("/convert?to=text&fragment=true", content=body), 400, "bad-request")


def test_parse_answers_with_the_brief(client: httpx.Client) -> None:
    response = client.post(
        "/parse", content=SAMPLE.read_bytes(), headers={"Content-Type": "text/plain"}
    )
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json; charset=utf-8"
    assert Brief.from_json(response.content) == briefkit.parse(SAMPLE)


def test_a_decoding_fallback_is_a_warning_header(client: httpx.Client) -> None:
    brief = seed_shaped().model_copy(update={"title": "Café Supply Chains"})
    response = client.post("/convert?from=json&to=json", content=brief.to_json().encode("cp1252"))
    assert response.status_code == 200
    assert "1252" in response.headers["briefkit-warning"]
    assert Brief.from_json(response.content).title == "Café Supply Chains"


def test_render_takes_brief_json(client: httpx.Client) -> None:
    brief = seed_shaped()
    response = client.post(
        "/render?to=markdown", content=brief.to_json(), headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 200
    assert read_back("markdown", response.content) == brief
    pdf = client.post("/render", content=brief.to_json(), headers={"Accept": "application/pdf"})
    assert pdf.content.startswith(b"%PDF-")


def test_check_reports_structure_and_links(client: httpx.Client) -> None:
    first, second = seed_shaped(), seed_shaped().model_copy(update={"sections": ()})
    body = {"briefs": [json.loads(first.to_json()), json.loads(second.to_json())]}
    result = client.post("/check", json=body).json()
    kinds = sorted(p["kind"] for p in result["problems"])
    assert result["ok"] is False
    assert result["briefs"] == 2
    assert "empty" in kinds
    assert "duplicate-title" in kinds
    empty = next(p for p in result["problems"] if p["kind"] == "empty")
    assert empty["briefs"] == [1]
    alone = json.loads(first.model_copy(update={"prev": None, "next": None}).to_json())
    assert client.post("/check", json={"briefs": [alone]}).json() == {
        "ok": True,
        "briefs": 1,
        "problems": [],
    }
    dangling = client.post("/check", json={"briefs": [json.loads(first.to_json())]}).json()
    assert {p["kind"] for p in dangling["problems"]} == {"dangling"}  # its neighbours are absent


# --- every error status ------------------------------------------------------------------


def test_unknown_format_is_400(client: httpx.Client) -> None:
    body = assert_problem(client.post("/convert?to=nonsense", content=b"x"), 400, "bad-request")
    assert "nonsense" in body["detail"]
    assert_problem(client.post("/convert?from=nonsense", content=b"x"), 400, "bad-request")


def test_unknown_path_and_method(client: httpx.Client) -> None:
    assert_problem(client.get("/nowhere"), 404, "not-found")
    assert_problem(client.get("/convert"), 405, "method-not-allowed")


def test_unmatched_accept_is_406(client: httpx.Client) -> None:
    response = client.post("/convert", content=SAMPLE.read_bytes(), headers={"Accept": "image/png"})
    assert_problem(response, 406, "not-acceptable")


def test_body_over_the_limit_is_413(client: httpx.Client) -> None:
    big = b"x" * (MAX_BODY + 1)
    assert_problem(client.post("/convert", content=big), 413, "body-too-large")

    def chunks() -> Iterator[bytes]:  # no Content-Length: stopped while it streams
        for _ in range(MAX_BODY // 65536 + 2):
            yield b"y" * 65536

    assert_problem(client.post("/convert", content=chunks()), 413, "body-too-large")
    assert client.post("/convert?to=text", content=SAMPLE.read_bytes()).status_code == 200


def test_unsupported_content_type_is_415(client: httpx.Client) -> None:
    response = client.post("/convert", content=b"GIF89a", headers={"Content-Type": "image/gif"})
    assert_problem(response, 415, "unsupported-media-type")


def test_unreadable_input_is_422_with_where_and_why(client: httpx.Client) -> None:
    png = client.post("/convert", content=b"\x89PNG\r\n\x1a\n" + bytes(32))
    body = assert_problem(png, 422, "parse-error")
    assert body["error"] == "ParseError"
    assert "PNG" in body["why"]
    bad_json = client.post("/convert?from=json", content=b'{"title": "x", "sections": 5}')
    body = assert_problem(bad_json, 422, "parse-error")
    assert "sections" in body["why"]
    invalid = client.post("/render", json={"title": "", "nonsense": 1})
    body = assert_problem(invalid, 422, "invalid-request")
    assert {e["where"] for e in body["errors"]} >= {"body.title", "body.nonsense"}


def test_access_log_has_one_json_line_per_request(server: Server, client: httpx.Client) -> None:
    response = client.post("/convert?to=text", content=SAMPLE.read_bytes())
    request_id = response.headers["x-request-id"]
    line = wait_until(
        lambda: next((r for r in server.log("request") if r["id"] == request_id), None)
    )
    assert line["method"] == "POST"
    assert line["path"] == "/convert"
    assert line["status"] == 200
    assert line["bytes_in"] == SAMPLE.stat().st_size
    assert line["bytes_out"] == len(response.content)
    assert line["client"].startswith("127.0.0.1:")
    assert line["ms"] >= 0


# --- many clients, a dying worker, a full queue, a slow request --------------------------


def _mixed_request(client: httpx.Client, k: int) -> tuple[int, bool]:
    """Request ``k`` of the mix: its own title, checked in the answer (none mixed up)."""
    title = f"Brief {k} {uuid.uuid4().hex[:8]}"
    brief = seed_shaped().model_copy(update={"title": title})
    kind = k % 10
    if kind == 0:
        response = client.post("/render?to=pdf", content=brief.to_json())
        text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
        return response.status_code, title in " ".join(text.split())
    if kind in (1, 2):
        response = client.post("/parse?from=markdown", content=briefkit.render_markdown(brief))
        return response.status_code, Brief.from_json(response.content) == brief
    fmt = ("html", "text", "markdown", "json", "docx", "html", "json")[kind - 3]
    response = client.post(f"/convert?from=json&to={fmt}", content=brief.to_json())
    return response.status_code, read_back(fmt, response.content).title == title


def test_200_mixed_requests_from_16_clients(client: httpx.Client) -> None:
    with ThreadPoolExecutor(max_workers=16) as clients:
        answers = list(clients.map(lambda k: _mixed_request(client, k), range(200)))
    assert len(answers) == 200
    assert [status for status, _ in answers] == [200] * 200
    assert all(right for _, right in answers)


def _busy_worker(client: httpx.Client) -> Callable[[], int | None]:
    def busy() -> int | None:
        workers = client.get("/health").json()["workers"]
        return next((w["pid"] for w in workers if w["busy"]), None)

    return busy


def test_a_worker_killed_mid_request_fails_only_that_request(client: httpx.Client) -> None:
    before = client.get("/health").json()["restarts"]
    slow = long_brief(600).to_json()
    answer: list[httpx.Response] = []
    thread = threading.Thread(
        target=lambda: answer.append(client.post("/render?to=pdf", content=slow))
    )
    thread.start()
    pid = wait_until(_busy_worker(client))
    os.kill(pid, signal.SIGKILL)
    thread.join(120)
    body = assert_problem(answer[0], 500, "worker-died")
    assert str(pid) in body["detail"]
    for _ in range(4):  # the next ones succeed, on the survivor and on the replacement
        assert client.post("/convert?to=pdf", content=SAMPLE.read_bytes()).status_code == 200
    health = wait_until(lambda: (h := client.get("/health").json())["status"] == "ok" and h)
    assert health["restarts"] == before + 1
    assert pid not in [w["pid"] for w in health["workers"]]


def test_full_queue_is_503_and_a_slow_request_504() -> None:
    args = ("--workers", "1", "--queue", "0", "--timeout", "2", "--no-warm")
    with (
        running_server(*args) as small,
        httpx.Client(base_url=small.url, timeout=60, trust_env=False) as client,
    ):
        slow: list[httpx.Response] = []
        thread = threading.Thread(
            target=lambda: slow.append(
                client.post("/render?to=pdf", content=long_brief(1500).to_json())
            )
        )
        thread.start()
        wait_until(_busy_worker(client))
        refused = client.post("/convert?to=text", content=SAMPLE.read_bytes())
        assert_problem(refused, 503, "overloaded")
        assert int(refused.headers["retry-after"]) >= 1
        thread.join(60)
        assert_problem(slow[0], 504, "timeout")
        wait_until(lambda: client.get("/health").json()["status"] == "ok")

        def served() -> httpx.Response | None:
            # The timed-out render may still hold the one worker on a loaded machine: until
            # it is done the server refuses with 503, never anything else.
            answer = client.post("/convert?to=text", content=SAMPLE.read_bytes())
            assert answer.status_code in (200, 503), answer.text
            return answer if answer.status_code == 200 else None

        after = wait_until(served, timeout=120, interval=0.5)
        assert read_back("text", after.content) == briefkit.parse(SAMPLE)


def test_connections_on_the_bound_socket_send_without_delay() -> None:
    """asyncio turns Nagle's algorithm off only on sockets that say they are TCP; without
    that a kept-alive client waits for a delayed ACK on every response."""
    import asyncio
    import socket

    from briefkit.server.run import bind

    listener = bind("127.0.0.1", 0)
    assert listener.proto == socket.IPPROTO_TCP

    async def nodelay_of_an_accepted_connection() -> int:
        accepted: asyncio.Future[int] = asyncio.get_running_loop().create_future()

        def on_connect(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            sock = writer.get_extra_info("socket")
            accepted.set_result(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
            writer.close()

        server = await asyncio.start_server(on_connect, sock=listener)
        async with server:
            _, writer = await asyncio.open_connection(*listener.getsockname()[:2])
            value = await asyncio.wait_for(accepted, 30)
            writer.close()
        return value

    assert asyncio.run(nodelay_of_an_accepted_connection()) == 1
