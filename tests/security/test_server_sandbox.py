"""Hostile requests to ``briefkit serve``: an answer that is an error or a sanitised
document, nothing read from disk, nothing fetched, and every worker still alive after.

The server runs as a real process on a loopback port (see ``tests/serving.py``); the counting
loopback server and the secret file are the security suite's own (``conftest.py``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from security.checks import contains_secret, problems
from security.corpus import Hostile
from security.servers import Loopback, Secret
from serving import Server, need_server_stack, running_server

need_server_stack()
import httpx  # noqa: E402  (after the check that it is installed)

DEEP = 100_000
OK_OR_REFUSED = {200, 413, 415, 422}


@pytest.fixture(scope="module")
def server(_loopback_server: Loopback) -> Iterator[Server]:
    # Started after the loopback server, whose fixture sets no_proxy for loopback hosts.
    with running_server("--workers", "2", "--queue", "16") as s:
        yield s


@pytest.fixture(scope="module")
def client(server: Server) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, timeout=120, trust_env=False) as c:
        yield c


def _text(fmt: str, response: httpx.Response) -> str | bytes:
    return response.content if fmt in ("pdf", "docx") else response.text


def _still_healthy(client: httpx.Client, restarts: int) -> None:
    health = client.get("/health").json()
    assert health["status"] == "ok"
    assert health["restarts"] == restarts, "a hostile request killed a worker"


def test_entity_bomb_is_not_expanded(client: httpx.Client, hostile: Hostile) -> None:
    restarts = client.get("/health").json()["restarts"]
    bomb = hostile.path("entity-bomb.xhtml").read_bytes()
    for fmt in ("html", "text", "json"):
        response = client.post(f"/convert?to={fmt}", content=bomb)
        assert response.status_code in OK_OR_REFUSED, response.text
        if response.status_code == 200:
            assert len(response.content) < 200_000
            assert "lollollollol" not in response.text
        else:
            assert response.headers["content-type"] == "application/problem+json"
    _still_healthy(client, restarts)


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/convert?from=html&to=html", ("<div>" * DEEP + "deep" + "</div>" * DEEP).encode()),
        ("/convert?from=markdown&to=html", ("> " * DEEP + "deep").encode()),
        ("/convert?from=markdown&to=pdf", ("# Deep\n\n" + "*" * DEEP + "x" + "*" * DEEP).encode()),
        (
            "/convert?from=json&to=html",
            ('{"title": "t", "x": ' + "[" * DEEP + "]" * DEEP + "}").encode(),
        ),
        (
            "/render?to=pdf",
            ('{"title": "t", "sections": ' + "[" * DEEP + "]" * DEEP + "}").encode(),
        ),
        (
            "/render?to=docx",
            json.dumps({"title": "t"})[:-1].encode()
            + b', "sections": [{"blocks": [{"type": "paragraph", "content": '
            + b'[{"type": "strong", "children": ' * 90
            + b'[{"type": "text", "text": "deep"}]'
            + b"}]" * 90
            + b"}]}]}",
        ),
        ("/check", b'{"briefs": ' + b"[" * DEEP + b"]" * DEEP + b"}"),
    ],
    ids=["html", "markdown-quotes", "markdown-emphasis", "json", "render", "inline", "check"],
)
def test_deep_nesting_is_refused_or_flattened(client: httpx.Client, path: str, body: bytes) -> None:
    restarts = client.get("/health").json()["restarts"]
    response = client.post(path, content=body)
    assert response.status_code in OK_OR_REFUSED, response.text[:500]
    if response.status_code != 200:
        problem = response.json()
        assert problem["status"] == response.status_code
        assert problem["type"].startswith("/problems/")
    _still_healthy(client, restarts)


@pytest.mark.parametrize("fmt", ["pdf", "docx", "html", "markdown"])
def test_file_and_remote_images_are_neither_read_nor_fetched(
    client: httpx.Client, loopback: Loopback, secret: Secret, hostile: Hostile, fmt: str
) -> None:
    page = f"""<!DOCTYPE html><html><head><title>Images</title>
<link rel="stylesheet" href="{loopback.url}/style.css"></head><body><article>
<h1>Images Everywhere</h1><h2>Analytic Judgement</h2>
<p>Look <img src="{secret.url}" alt="local"> and <img src="{loopback.url}/remote.png" alt="r">.</p>
<p><img src="file://{secret.path}"><object data="{secret.url}"></object></p>
</article></body></html>""".encode()
    markdown = f"# Images Everywhere\n\n![local]({secret.url}) ![remote]({loopback.url}/r.png)\n"
    sources = [
        ("html", page),
        ("markdown", markdown.encode()),
        ("html", hostile.path("embeds-and-styles.html").read_bytes()),
    ]
    for source, body in sources:
        response = client.post(f"/convert?from={source}&to={fmt}", content=body)
        assert response.status_code == 200, response.text
        output = _text(fmt, response)
        assert not contains_secret(fmt, output, secret.text)
        assert problems(fmt, output) == []
    assert loopback.requests() == []
