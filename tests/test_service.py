"""The HTTP API and the server-rendered pages, through FastAPI's in-process client."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from essentiel.service import ServiceConfig, create_app
from essentiel.service.store import Store, fts_query
from essentiel.service.view import safe_url
from essentiel.worker import Template

from .conftest import EXAMPLES, FIXTURES, SEED, needs_shared

EXAMPLE_FR = (EXAMPLES / "fr-orages-bretagne.txt").read_text("utf-8")
EXAMPLE_EN = (EXAMPLES / "en-coal-plant-vote.txt").read_text("utf-8")
XSS = (FIXTURES / "xss-article.html").read_text("utf-8")
ENGLISH = {"accept-language": "en-GB,en;q=0.9"}


# The apps' digest processes are forks of the session's template (conftest.warm_template),
# which loaded the models once: an app of its own would load them again.


@pytest.fixture(scope="module")
def client(
    tmp_path_factory: pytest.TempPathFactory, warm_template: Template
) -> Iterator[TestClient]:
    db = tmp_path_factory.mktemp("service") / "store.db"
    app = create_app(
        ServiceConfig(db=str(db), max_bytes=200_000, warm_up=False),
        template=warm_template,
    )
    with TestClient(app) as c:
        yield c


def _post_text(client: TestClient, text: str, **query: str) -> dict[str, object]:
    r = client.post(
        "/v1/digest",
        content=text.encode(),
        params=query,
        headers={"content-type": "text/plain; charset=utf-8"},
    )
    assert r.status_code == 201, r.text
    data: dict[str, object] = r.json()
    return data


def test_digest_raw_text_is_stored_and_fetched(client: TestClient) -> None:
    r = client.post(
        "/v1/digest",
        content=EXAMPLE_FR.encode(),
        params={"published": "2025-08-14"},
        headers={"content-type": "text/plain"},
    )
    assert r.status_code == 201
    digest = r.json()
    assert digest["schema_version"] == "1.6"
    assert digest["article"]["published"] == "2025-08-14"
    assert 2 <= len(digest["keypoints"]) <= 4
    assert all(k["verdict"]["passed"] for k in digest["keypoints"])
    location = r.headers["location"]
    assert location == f"/v1/articles/{digest['article']['id']}"
    again = client.get(location)
    assert again.status_code == 200
    assert again.json() == digest
    source = client.get(location + "/source")
    assert source.content == EXAMPLE_FR.encode()
    assert source.headers["content-type"].startswith("text/plain")


def test_digest_json_html_and_reposting_replaces(client: TestClient) -> None:
    html = (FIXTURES / "xss-article.html").read_text("utf-8")
    first = client.post(
        "/v1/digest",
        json={"html": html, "published": "2025-12-10", "url": "https://example.org/budget"},
    )
    assert first.status_code == 201
    body = first.json()
    assert body["article"]["source_format"] == "html"
    assert body["article"]["url"] == "https://example.org/budget"
    total = client.get("/v1/articles").json()["total"]
    second = client.post("/v1/digest", json={"html": html, "published": "2025-12-10"})
    assert second.headers["location"] == first.headers["location"]
    assert client.get("/v1/articles").json()["total"] == total


def test_digest_without_storing(client: TestClient) -> None:
    before = client.get("/v1/articles").json()["total"]
    r = client.post("/v1/digest", params={"store": "false"}, json={"text": EXAMPLE_EN})
    assert r.status_code == 200
    assert "location" not in r.headers
    assert r.json()["article"]["lang"] == "en"
    assert client.get("/v1/articles").json()["total"] == before


@needs_shared
def test_seed_search_by_words_entity_spelling_and_date(client: TestClient) -> None:
    r = client.post(
        "/v1/digest",
        content=SEED.read_bytes(),
        params={"published": "2025-07-04"},
        headers={"content-type": "text/plain"},
    )
    assert r.status_code == 201
    seed_id = r.json()["article"]["id"]
    _post_text(client, EXAMPLE_FR, published="2025-08-14")

    found = client.get("/v1/articles", params={"q": "drones"}).json()
    assert [a["id"] for a in found["articles"]] == [seed_id]
    snippet = found["articles"][0]["snippet"]
    (start, end), *_ = snippet["highlights"]
    assert snippet["text"][start:end].lower() == "drones"
    # Accents and case are ignored; every word is required.
    assert client.get("/v1/articles", params={"q": "ELECTRICITE foyers"}).json()["total"] == 1
    assert client.get("/v1/articles", params={"q": "drones foyers"}).json()["total"] == 0
    # Words that are FTS5 syntax are searched as words, not parsed.
    assert client.get("/v1/articles", params={"q": 'NEAR( "drones'}).status_code == 200
    # The entity filter finds every spelling the article merged, and a different one.
    for spelling in ("Zelensky", "Zelenskyy", "Volodymyr Zelensky", "Зеленський"):
        ids = [
            a["id"]
            for a in client.get("/v1/articles", params={"entity": spelling}).json()["articles"]
        ]
        assert ids == [seed_id], spelling
    assert client.get("/v1/articles", params={"entity": "Kyiv"}).json()["total"] == 1
    assert client.get("/v1/articles", params={"entity": "Macron"}).json()["total"] == 0
    since = client.get("/v1/articles", params={"since": "2025-08-01"}).json()
    assert seed_id not in [a["id"] for a in since["articles"]]
    assert since["total"] >= 1

    entities = client.get("/v1/entities", params={"q": "zelen"}).json()["entities"]
    assert entities[0]["name"] == "Volodymyr Zelensky"
    assert entities[0]["articles"] == 1 and entities[0]["kind"] == "person"
    places = client.get("/v1/entities", params={"kind": "place"}).json()["entities"]
    assert {"Bretagne", "Kiev"} <= {e["name"] for e in places}
    assert all(e["kind"] == "place" for e in places)


def test_entities_merge_spellings_across_articles(tmp_path: Path) -> None:
    from essentiel import Pipeline

    store = Store(tmp_path / "s.db")
    pipeline = Pipeline()
    texts = [
        "Volodymyr Zelensky a rencontré Emmanuel Macron à Paris mardi. Le président ukrainien "
        "a demandé davantage de défense aérienne. Zelensky doit ensuite se rendre à Berlin.",
        "Le président Zelenskyy a salué mercredi l'aide de l'Allemagne. Zelenskyy a remercié "
        "les alliés de Kyiv pour leur soutien constant depuis le début de la guerre.",
    ]
    for text in texts:
        store.put(pipeline.digest(text), text.encode())
    people = {e.name: e for e in store.entities(kind="person")}
    assert people["Volodymyr Zelensky"].articles == 2
    assert "Zelenskyy" in people["Volodymyr Zelensky"].aliases
    assert "Zelenskyy" not in people
    total, _ = store.search(entity="Zelensky")
    assert total == 2
    store.close()


def test_errors_are_json_with_the_right_status(client: TestClient) -> None:
    cases = [
        (b"", "text/plain", 400, "empty_input"),
        (b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "text/plain", 400, "binary_input"),
        (b"x" * 300_000, "text/plain", 413, "input_too_large"),
        (b"abc", "application/pdf", 415, "unsupported_media_type"),
        (b"abc", "", 415, "unsupported_media_type"),
        (b"{not json", "application/json", 400, "bad_json"),
        (b"[1, 2]", "application/json", 400, "bad_json"),
        (
            json.dumps({"text": "a", "html": "b"}).encode(),
            "application/json",
            422,
            "invalid_fields",
        ),
        (
            json.dumps({"text": EXAMPLE_FR, "lang": "xx"}).encode(),
            "application/json",
            422,
            "invalid_fields",
        ),
        (
            json.dumps({"text": EXAMPLE_FR, "published": "04/07/2025"}).encode(),
            "application/json",
            422,
            "invalid_fields",
        ),
        (
            json.dumps({"text": EXAMPLE_FR, "colour": "red"}).encode(),
            "application/json",
            422,
            "invalid_fields",
        ),
    ]
    for body, media, status, code in cases:
        headers = {"content-type": media} if media else {}
        r = client.post("/v1/digest", content=body, headers=headers)
        assert r.status_code == status, (body[:20], r.text)
        error = r.json()["error"]
        assert error["code"] == code and error["status"] == status and error["message"]
    bad_date = client.post(
        "/v1/digest",
        params={"published": "yesterday"},
        content=b"Un texte.",
        headers={"content-type": "text/plain"},
    )
    assert bad_date.status_code == 422
    assert bad_date.json()["error"]["details"][0]["field"] == "query.published"
    german = (
        "Der Stadtrat hat am Dienstag den Haushalt für das kommende Jahr beschlossen. "
        "Die Opposition kritisierte die hohen Schulden der Stadt und forderte Einsparungen."
    )
    r = client.post("/v1/digest", json={"text": german})
    assert r.status_code == 422 and r.json()["error"]["code"] == "unsupported_language"
    missing = client.get("/v1/articles/0000")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"
    assert client.get("/v1/articles", params={"limit": 0}).status_code == 422
    assert client.get("/v1/nothing").json()["error"]["code"] == "not_found"


def test_body_limit_without_content_length(client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(30):
            yield b"y" * 10_000

    r = client.post("/v1/digest", content=chunks(), headers={"content-type": "text/plain"})
    assert r.status_code == 413
    assert r.json()["error"]["code"] == "input_too_large"


def test_check_endpoint(client: TestClient) -> None:
    good = "Au plus fort de l'épisode, 48.000 foyers étaient privés d'électricité."
    r = client.post(
        "/v1/check", json={"article": EXAMPLE_FR, "summary": good, "published": "2025-08-14"}
    )
    assert r.status_code == 200
    assert r.json()["verdict"] == "supported"
    bad = good.replace("48.000", "84.000")
    r = client.post("/v1/check", json={"article": EXAMPLE_FR, "summary": bad})
    result = r.json()
    assert result["verdict"] == "unsupported"
    assert result["sentences"][0]["problems"][0]["kind"] == "number"
    assert client.post("/v1/check", json={"article": EXAMPLE_FR, "summary": ""}).status_code == 422


def test_healthz_and_openapi(client: TestClient) -> None:
    health = client.get("/healthz").json()
    assert health["status"] == "ok" and health["schema_version"] == "1.6"
    assert set(health["languages"]) == {"en", "fr"}
    spec = client.get("/openapi.json").json()
    paths = set(spec["paths"])
    assert {
        "/v1/digest",
        "/v1/check",
        "/v1/articles",
        "/v1/articles/{article_id}",
        "/v1/entities",
        "/healthz",
    } <= paths
    assert "/" not in paths  # the pages are not API
    body = spec["paths"]["/v1/digest"]["post"]["requestBody"]["content"]
    assert set(body) == {"application/json", "text/plain", "text/html"}
    docs = client.get("/docs")
    assert docs.status_code == 200
    # Swagger UI is served by the package itself: no CDN.
    assert "cdn." not in docs.text and "/static/docs/swagger-ui-bundle.js" in docs.text
    assert client.get("/static/docs/swagger-ui-bundle.js").status_code == 200


def test_security_headers_and_no_cors_by_default(client: TestClient) -> None:
    r = client.get("/", headers={"origin": "https://evil.example"})
    csp = r.headers["content-security-policy"]
    assert (
        "script-src 'self';" in csp
        and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    )
    assert r.headers["x-content-type-options"] == "nosniff"
    assert "access-control-allow-origin" not in r.headers
    pre = client.options(
        "/v1/digest",
        headers={"origin": "https://evil.example", "access-control-request-method": "POST"},
    )
    assert "access-control-allow-origin" not in pre.headers


def test_cors_when_configured(tmp_path: Path, warm_template: Template) -> None:
    config = ServiceConfig(
        db=str(tmp_path / "c.db"), warm_up=False, cors_origins=("https://newsroom.example",)
    )
    app = create_app(config, template=warm_template)
    with TestClient(app) as c:
        r = c.get("/healthz", headers={"origin": "https://newsroom.example"})
        assert r.headers["access-control-allow-origin"] == "https://newsroom.example"
        other = c.get("/healthz", headers={"origin": "https://evil.example"})
        assert "access-control-allow-origin" not in other.headers


def test_api_key_guards_writes_only(tmp_path: Path, warm_template: Template) -> None:
    config = ServiceConfig(db=str(tmp_path / "k.db"), warm_up=False, api_key="s3cret")
    app = create_app(config, template=warm_template)
    with TestClient(app) as c:
        r = c.post("/v1/digest", json={"text": EXAMPLE_FR})
        assert r.status_code == 401 and r.json()["error"]["code"] == "unauthorized"
        assert (
            c.post(
                "/v1/digest", json={"text": EXAMPLE_FR}, headers={"x-api-key": "wrong"}
            ).status_code
            == 401
        )
        assert (
            c.post(
                "/v1/digest", json={"text": EXAMPLE_FR}, headers={"x-api-key": "s3cret"}
            ).status_code
            == 201
        )
        assert (
            c.post(
                "/v1/digest", json={"text": EXAMPLE_FR}, headers={"authorization": "Bearer s3cret"}
            ).status_code
            == 201
        )
        assert (
            c.post("/v1/check", json={"article": EXAMPLE_FR, "summary": "Des orages."}).status_code
            == 401
        )
        assert c.get("/v1/articles").status_code == 200
        page = c.post("/digest", data={"text": EXAMPLE_FR})
        assert page.status_code == 401 and EXAMPLE_FR[:40] in page.text
        ok = c.post(
            "/digest", data={"text": EXAMPLE_FR, "api_key": "s3cret"}, follow_redirects=False
        )
        assert ok.status_code == 303


def test_page_form_digest_and_evidence_markup(client: TestClient) -> None:
    r = client.post(
        "/digest", data={"text": EXAMPLE_FR, "published": "2025-08-14"}, follow_redirects=False
    )
    assert r.status_code == 303
    page = client.get(r.headers["location"], headers=ENGLISH)
    assert page.status_code == 200
    html = page.text
    digest = client.get("/v1" + r.headers["location"]).json()
    text = digest["article"]["text"]
    # Every key point's first source range is exactly covered by the segments of the page.
    segments = [
        (int(a), int(b)) for a, b in re.findall(r'class="seg" data-a="(\d+)" data-b="(\d+)"', html)
    ]
    for k in digest["keypoints"]:
        source = k["sources"][0]
        inside = [s for s in segments if source["start"] <= s[0] and s[1] <= source["end"]]
        assert "".join(text[a:b] for a, b in inside) == source["text"]
        assert f"{source['start']}-{source['end']}" in html
    for label in ("Publisher&#39;s summary", "Embedded post", "Related link", "Caption"):
        assert label in html, label
    # Without Accept-Language the interface is French, the project's first language.
    french = client.get(r.headers["location"]).text
    for label in ("Chapô de l&#39;éditeur", "Publication intégrée", "Lien connexe", "Légende"):
        assert label in french, label


def test_page_form_keeps_input_on_error(client: TestClient) -> None:
    r = client.post(
        "/digest", data={"text": EXAMPLE_FR[:200], "published": "14/08/2025"}, headers=ENGLISH
    )
    assert r.status_code == 422
    assert "not a date" in r.text
    assert "Orages en Bretagne" in r.text  # the pasted text comes back in the form
    empty = client.post("/digest", data={"text": "   "})
    assert empty.status_code == 400
    upload = client.post(
        "/digest",
        files={"file": ("a.txt", EXAMPLE_EN.encode(), "text/plain")},
        follow_redirects=False,
    )
    assert upload.status_code == 303


def test_pages_escape_article_content(client: TestClient) -> None:
    r = client.post(
        "/digest", data={"text": XSS, "published": "2025-12-10"}, follow_redirects=False
    )
    page = client.get(r.headers["location"]).text
    # The only scripts are ours; the payloads are shown as text.
    assert re.findall(r"<script\b[^>]*>", page) == ['<script src="/static/essentiel.js" defer>']
    assert "<img" not in page and "<svg" not in page and "<iframe" not in page
    assert "&lt;img src=x onerror=" in page
    library = client.get("/library", params={"q": "budget"}).text
    assert "<script>window" not in library and "&lt;script&gt;" in library
    assert client.get("/articles/nope").status_code == 404


def test_unsafe_urls_are_never_links() -> None:
    assert safe_url("https://example.org/a") == "https://example.org/a"
    assert safe_url("javascript:alert(1)") is None
    assert safe_url(" JaVaScRiPt:alert(1)") is None
    assert safe_url("data:text/html,<script>") is None


def test_fts_query_quotes_every_word() -> None:
    assert fts_query('guerre "Ukraine" OR NEAR(x') == '"guerre" "Ukraine" "OR" "NEAR" "x"'
    assert fts_query("électri*") == '"électri"*'
    assert fts_query("  -- ") is None
