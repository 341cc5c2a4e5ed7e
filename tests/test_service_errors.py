"""Hostile requests get the documented JSON error (or the page, for the form) with the
security headers, never a plain-text 500: the reliability probe's findings, one test each."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from essentiel import pipeline
from essentiel.service import ServiceConfig, create_app
from essentiel.service.engine import Engine
from essentiel.worker import Template

ARTICLE = (
    "Le conseil municipal de Quimper a voté hier soir la rénovation de la halle, fermée depuis "
    "l'incendie de février. Les travaux, estimés à 3,2 millions d'euros, débuteront l'an "
    "prochain et dureront dix-huit mois, a précisé la maire, Hélène Le Goff.\n\n"
    "L'opposition a dénoncé la semaine dernière un coût « démesuré ». Il y a deux ans, un "
    "premier projet avait été abandonné faute de financement, a rappelé la chambre de commerce. "
    "Une réunion publique aura lieu demain à la mairie."
)
NO_ARTICLE_PAGE = (
    "<!DOCTYPE html><html lang='fr'><head><title>Page introuvable</title></head><body><nav>"
    "<a href='/'>Accueil</a> › <a href='/politique'>Politique</a></nav><main><h1>Oups</h1>"
    "<p>Cette page n'existe plus.</p></main><footer>© 2025 Le Quotidien</footer></body></html>"
)
MAX_BYTES = 1_500_000


@pytest.fixture(scope="module")
def client(warm_template: Template) -> Iterator[TestClient]:
    # Digest processes forked from the session's template, models loaded (conftest).
    app = create_app(
        ServiceConfig(db=":memory:", max_bytes=MAX_BYTES, warm_up=False),
        template=warm_template,
    )
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


def assert_json_error(response: object, status: int, code: str) -> None:
    r = response
    assert r.status_code == status, r.text  # type: ignore[attr-defined]
    assert r.headers["content-type"].startswith("application/json")  # type: ignore[attr-defined]
    assert r.json()["error"]["code"] == code  # type: ignore[attr-defined]
    assert r.json()["error"]["status"] == status  # type: ignore[attr-defined]
    assert_secured(r)


def assert_secured(r: object) -> None:
    headers = r.headers  # type: ignore[attr-defined]
    assert "default-src" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"


def post_json(client: TestClient, body: bytes, path: str = "/v1/digest") -> object:
    return client.post(path, content=body, headers={"content-type": "application/json"})


def test_json_nested_very_deep_is_a_400(client: TestClient) -> None:
    deep = b'{"text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    assert_json_error(post_json(client, deep), 400, "bad_json")
    r = post_json(client, b'{"article": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", "/v1/check")
    assert r.status_code in {400, 422} and r.json()["error"]  # type: ignore[attr-defined]
    assert_secured(r)


def test_integer_over_4300_digits_is_a_400(client: TestClient) -> None:
    body = b'{"text": "x", "n": ' + b"9" * 5000 + b"}"
    assert_json_error(post_json(client, body), 400, "bad_json")


@pytest.mark.parametrize("published", ["0001-01-01", "9999-12-31"])
def test_relative_dates_at_the_calendar_edges_digest(client: TestClient, published: str) -> None:
    r = client.post("/v1/digest?store=false", json={"text": ARTICLE, "published": published})
    assert r.status_code == 200, r.text
    values = {d["span"]["text"]: d["value"] for d in r.json()["dates"]}
    # Past the calendar's edge a date has no value; inside it, it keeps one.
    if published == "0001-01-01":
        assert values["hier soir"] is None and values["demain"] == "0001-01-02"
    else:
        assert values["demain"] is None and values["hier soir"] == "9999-12-30"


def test_a_paragraph_over_the_parser_limit_is_a_413(client: TestClient) -> None:
    # The digest runs in the engine's child process: a real paragraph over the limit, not a
    # patched limit the child would not see.
    paragraph = "Le conseil vote. " * (pipeline.PARSE_MAX_CHARS // 17 + 1)
    r = client.post("/v1/digest", json={"text": ARTICLE + "\n\n" + paragraph})
    assert_json_error(r, 413, "input_too_large")
    assert "parser's limit" in r.json()["error"]["message"]  # type: ignore[attr-defined]


def test_a_lone_surrogate_in_json_text_is_replaced(client: TestClient) -> None:
    body = json.dumps({"text": ARTICLE.replace("halle", "hal\ud800le", 1)}).encode()
    assert b"\\ud800" in body
    r = post_json(client, body)
    assert r.status_code == 201, r.text  # type: ignore[attr-defined]
    digest = r.json()  # type: ignore[attr-defined]
    assert "hal\ufffdle" in digest["article"]["text"]
    assert "replacement_characters" in {n["code"] for n in digest["notices"]}
    stored = client.get(r.headers["location"])  # type: ignore[attr-defined]
    assert stored.status_code == 200
    summary = json.dumps({"article": ARTICLE, "summary": "La hal\ud800le fermera."}).encode()
    assert_json_error(post_json(client, summary, "/v1/check"), 422, "invalid_fields")


def test_offsets_past_64_bits_are_a_422(client: TestClient) -> None:
    r = client.get("/v1/articles", params={"offset": 2**63})
    assert_json_error(r, 422, "invalid_fields")
    page = client.get("/library", params={"page": 2**63})
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")


def test_an_unhandled_error_is_the_documented_json_500(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def broken(*_: object, **__: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(Engine, "digest", broken)
    r = client.post("/v1/digest", json={"text": ARTICLE})
    assert_json_error(r, 500, "internal_error")
    assert "a bug" not in r.text  # the details stay in the server's log


def test_chunked_check_over_the_limit_is_a_413(client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"article": "'
        for _ in range(20):
            yield b"y" * 100_000
        yield b'", "summary": "x"}'

    r = client.post("/v1/check", content=chunks(), headers={"content-type": "application/json"})
    assert_json_error(r, 413, "input_too_large")


def test_head_is_answered_like_get(client: TestClient) -> None:
    for path in ("/", "/healthz", "/library"):
        r = client.head(path)
        assert r.status_code == 200, path
        assert r.content == b""
        assert_secured(r)


def test_nul_characters_are_refused_with_a_declared_charset(client: TestClient) -> None:
    r = client.post(
        "/v1/digest",
        content=(ARTICLE + "\x00\x00\x00").encode(),
        headers={"content-type": "text/plain; charset=utf-8"},
    )
    assert_json_error(r, 400, "binary_input")


def test_a_page_with_no_article_is_a_422_no_article(client: TestClient) -> None:
    r = client.post("/v1/digest", json={"html": NO_ARTICLE_PAGE})
    assert_json_error(r, 422, "no_article")


def test_the_form_takes_what_the_limit_allows_and_answers_the_page(client: TestClient) -> None:
    # Over Starlette's 1 MiB default for a form field, under the service's limit: read.
    big = "Le conseil municipal a voté. " * 40_000
    r = client.post("/digest", data={"text": big, "lang": "xx"}, headers={"accept-language": "en"})
    assert r.status_code == 422 and r.headers["content-type"].startswith("text/html")
    assert "not supported" in r.text
    # Over the service's limit: the page says so, not a JSON error.
    over = client.post("/digest", data={"text": "x" * (MAX_BYTES + 10)})
    assert over.status_code == 413 and over.headers["content-type"].startswith("text/html")
    assert_secured(over)
