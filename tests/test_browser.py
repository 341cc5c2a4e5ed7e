"""The web page in a real browser: Debian's Chromium driven by Playwright, against
``essentiel serve`` started as a user would start it.

Playwright never downloads a browser here: it is pointed at /usr/bin/chromium, which
``make test`` installs (see the Makefile's ``browser`` target). Outside CI, a machine without
Chromium skips these tests; in CI (``CI`` set) a missing browser is a failure.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx2
import pytest

from .conftest import EXAMPLES, FIXTURES

CHROMIUM = Path("/usr/bin/chromium")
# Flags for a sandboxed, offline machine: no background connections to Google's hosts.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

if not CHROMIUM.exists():
    if os.environ.get("CI"):
        raise RuntimeError(f"{CHROMIUM} is missing: `make test` installs it (target browser)")
    pytest.skip(f"{CHROMIUM} is not installed (make browser)", allow_module_level=True)

from playwright.sync_api import Browser, Page, expect, sync_playwright  # noqa: E402


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = _free_port()
    db = tmp_path_factory.mktemp("browser") / "store.db"
    env = {k: v for k, v in os.environ.items() if k != "ESSENTIEL_API_KEY"}
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "essentiel",
            "serve",
            "--port",
            str(port),
            "--db",
            str(db),
            "--log-level",
            "warning",
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while True:
        try:
            if httpx2.get(base + "/healthz", timeout=1).json()["status"] == "ok":
                break
        except httpx2.HTTPError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            output = process.stdout.read().decode() if process.stdout else ""
            raise RuntimeError(f"essentiel serve did not start:\n{output}")
        time.sleep(0.3)
    yield base
    process.terminate()
    process.wait(timeout=20)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context()
    p = context.new_page()
    yield p
    context.close()


def _highlighted(page: Page, cls: str = "hl") -> list[tuple[int, int]]:
    spans: list[list[int]] = page.eval_on_selector_all(
        f"#article .seg.{cls}", "els => els.map(e => [Number(e.dataset.a), Number(e.dataset.b)])"
    )
    return [(a, b) for a, b in spans]


def test_paste_example_click_keypoint_highlights_its_source(server: str, page: Page) -> None:
    example = (EXAMPLES / "fr-orages-bretagne.txt").read_text("utf-8")
    page.goto(server + "/")
    page.fill("#text", example)
    page.fill("#published", "2025-08-14")
    page.click("#submit")
    page.wait_for_selector("#keypoints")
    article_id = page.url.rsplit("/", 1)[1]
    digest = httpx2.get(f"{server}/v1/articles/{article_id}").json()
    text = digest["article"]["text"]

    shown = page.locator("#keypoints .kp-text").all_inner_texts()
    assert shown == [k["text"] for k in digest["keypoints"]]
    assert 2 <= len(shown) <= 4
    assert _highlighted(page) == []

    for index, point in enumerate(digest["keypoints"]):
        page.locator("#keypoints li").nth(index).click()
        assert page.locator("#keypoints li").nth(index).get_attribute("aria-pressed") == "true"
        lit = _highlighted(page)
        source = point["sources"][0]
        # Exactly the source sentence(s) are lit, nothing else.
        assert "".join(text[a:b] for a, b in lit) == "".join(s["text"] for s in point["sources"])
        assert lit[0][0] == source["start"]
        # The words the bullet keeps are marked more strongly, inside the source.
        strong = _highlighted(page, "hl-strong")
        assert "".join(text[a:b] for a, b in strong) == "".join(
            f["text"] for f in point["fragments"]
        )
        assert page.locator("#article .seg.hl").first.is_visible()

    # Clicking the pinned key point again clears the highlight.
    last = len(digest["keypoints"]) - 1
    page.locator("#keypoints li").nth(last).click()
    assert _highlighted(page) == []

    # An entity chip lights every mention of the entity.
    entity = max(digest["entities"], key=lambda e: len(e["mentions"]))
    page.locator("#entities .chip", has_text=entity["name"]).first.click()
    lit_text = "".join(text[a:b] for a, b in _highlighted(page))
    for mention in entity["mentions"]:
        assert mention["span"]["text"] in lit_text

    # Publisher bullets, the embedded post and the « Lire aussi » teaser are labelled blocks.
    labels = page.locator("#article .block-label").all_inner_texts()
    assert any("PUBLISHER" in label.upper() for label in labels)
    assert any("EMBEDDED POST" in label.upper() for label in labels)
    assert any("RELATED LINK" in label.upper() for label in labels)

    # The library lists it and finds it by a word of its text.
    page.goto(server + "/library?q=pompiers")
    assert page.locator("#results > li").count() == 1
    assert page.locator("#results mark").first.inner_text().lower() == "pompiers"


def test_load_example_button(server: str, page: Page) -> None:
    page.goto(server + "/")
    page.click("#load-example")
    # A locator assertion, not wait_for_function: Playwright evaluates that predicate with
    # eval(), which the page's Content-Security-Policy rightly refuses.
    expect(page.locator("#text")).to_have_value(re.compile(r"^Orages en Bretagne[\s\S]{100,}"))
    assert page.input_value("#published") == "2025-08-14"
    assert page.input_value("#text").startswith("Orages en Bretagne")


def test_untrusted_article_never_executes(server: str, page: Page) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    html = (FIXTURES / "xss-article.html").read_text("utf-8")

    # Through the form, as HTML.
    page.goto(server + "/")
    page.fill("#text", html)
    page.fill("#published", "2025-12-10")
    page.click("#submit")
    page.wait_for_selector("#keypoints")
    pages = [page.url]
    # Through the API, with a javascript: URL and a title full of markup.
    r = httpx2.post(
        server + "/v1/digest",
        json={
            "text": "Le maire <b onmouseover=alert(1)>Hélène Marchetti</b> a présenté le budget "
            "mardi. <script>alert('x')</script> Le conseil municipal l'a adopté par 23 voix "
            "contre 8, selon la mairie de Villeneuve. L'opposition dénonce la dette.",
            "title": "<img src=x onerror=alert('title')>",
            "url": "javascript:alert('url')",
        },
    )
    assert r.status_code == 201
    pages.append(server + "/articles/" + r.json()["article"]["id"])
    pages.append(server + "/library?q=budget")
    pages.append(server + "/library?q=%3Cscript%3Ealert(1)%3C/script%3E")
    pages.append(server + "/")

    for url in pages:
        page.goto(url)
        # Hover and click everything clickable, as a curious reader would.
        for item in page.locator(".hl-item").all():
            item.hover()
            item.click()
        page.wait_for_timeout(200)
        assert page.evaluate("typeof window.__xss") == "undefined", url
        scripts = page.eval_on_selector_all("script", "els => els.map(e => e.getAttribute('src'))")
        assert scripts == ["/static/essentiel.js"], url
        assert (
            page.locator("main img, main svg, main iframe, main [onerror], main [onload]").count()
            == 0
        )
        assert page.locator("a[href^='javascript:' i]").count() == 0, url
    assert dialogs == []

    # The payloads are there, as text a person can read.
    page.goto(pages[0])
    article_text = page.inner_text("#article")
    assert "<img src=x onerror=" in article_text
    assert '<script>window.__xss = "h1"</script>' in page.inner_text("h1.title")
