"""The web page in a real browser: Debian's Chromium driven by Playwright, against
``essentiel serve`` started as a user would start it.

Playwright never downloads a browser here: it is pointed at /usr/bin/chromium, which
``make test`` installs (see the Makefile's ``browser`` target). Outside CI, a machine without
Chromium skips these tests; in CI (``CI`` set) a missing browser is a failure.

With ``ESSENTIEL_SCREENSHOTS`` set to a folder, the seed article's page is saved there in
both interface languages (``make screenshots`` writes docs/screenshots/); otherwise the test
only checks the page.
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

from .conftest import EXAMPLES, FIXTURES, SEED

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


SCREENSHOTS = os.environ.get("ESSENTIEL_SCREENSHOTS")
LAPTOP = {"width": 1366, "height": 768}
PHONE = {"width": 390, "height": 844}
LOCALES = {"fr": "fr-FR", "en": "en-US"}


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    # An English browser: the interface follows Accept-Language (test_page_language.py).
    context = browser.new_context(locale="en-US")
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


def _box(page: Page, selector: str) -> dict[str, float]:
    box = page.locator(selector).first.bounding_box()
    assert box is not None, selector
    return box


def _scrolling_boxes(page: Page) -> list[str]:
    """Elements of the page that scroll on their own (a column with its own scroll bar)."""
    found: list[str] = page.eval_on_selector_all(
        "main *",
        """els => els.filter(e => {
            const s = getComputedStyle(e);
            const own = ['auto', 'scroll'];
            return (own.includes(s.overflowY) && e.scrollHeight > e.clientHeight + 1)
                || (own.includes(s.overflowX) && e.scrollWidth > e.clientWidth + 1);
        }).map(e => e.tagName + '.' + e.className)""",
    )
    return found


def _no_horizontal_scroll(page: Page) -> bool:
    width: int = page.evaluate("document.documentElement.scrollWidth")
    return width <= page.viewport_size["width"] if page.viewport_size else False


@pytest.mark.parametrize("ui", ["fr", "en"])
def test_seed_page_shows_key_points_evidence_and_facts_together(
    server: str, browser: Browser, ui: str
) -> None:
    if not SEED.is_file():
        pytest.skip("../shared/seeds is not beside the checkout")
    context = browser.new_context(locale=LOCALES[ui], viewport=LAPTOP)
    page = context.new_page()
    page.goto(server + "/")
    page.fill("#text", SEED.read_text("utf-8"))
    page.fill("#published", "2025-07-04")
    page.click("#submit")
    page.wait_for_selector("#keypoints")
    assert page.get_attribute("html", "lang") == ui
    # The box is titled in the article's language, whatever the interface's.
    assert page.inner_text("#box > h2") == "L'essentiel"
    assert page.inner_text("#ui-switch .ui-current") == {"fr": "Français", "en": "English"}[ui]

    # 1366×768: the key points with their evidence on the left, the facts beside them on the
    # right, both starting on the first screen; nothing scrolls but the page itself.
    assert _scrolling_boxes(page) == []
    assert _no_horizontal_scroll(page)
    box, facts, text = _box(page, "#box"), _box(page, "#facts"), _box(page, ".text")
    assert facts["x"] >= box["x"] + box["width"]
    assert box["y"] < LAPTOP["height"] / 3 and facts["y"] < LAPTOP["height"] / 3
    assert text["y"] >= box["y"] + box["height"]
    points = page.locator("#keypoints > li")
    assert 2 <= points.count() <= 4
    for index in range(points.count()):
        point = points.nth(index)
        assert point.locator(".evidence-text").count() >= 1
        assert point.locator(".evidence .kept").count() >= 1
    first = _box(page, "#keypoints > li")
    assert first["y"] + first["height"] <= LAPTOP["height"]
    for index in range(points.count()):
        bullet = points.nth(index).locator(".kp-text").bounding_box()
        assert bullet is not None and bullet["y"] + bullet["height"] <= LAPTOP["height"], index
    # The first facts are on the first screen too.
    for selector in ("#entities", "#quotes"):
        assert _box(page, selector)["y"] < LAPTOP["height"], selector
    # « D'après Kiev, … » is reported speech: no quotation marks around it.
    reported = page.locator("#quotes li[data-kind='according_to']").first
    assert reported.locator("q").count() == 0
    assert (
        reported.locator(".attribution")
        .inner_text()
        .startswith({"fr": "Selon ", "en": "According to "}[ui])
    )
    assert page.locator("#quotes li[data-kind='direct'] q.said").count() >= 1
    if SCREENSHOTS:
        Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SCREENSHOTS) / f"page-{ui}.png"))

    # A phone: one column, the key points first, then the facts, then the article; no
    # sideways scrolling.
    page.set_viewport_size(PHONE)
    page.wait_for_timeout(100)
    assert _no_horizontal_scroll(page)
    assert _scrolling_boxes(page) == []
    box, facts, text = _box(page, "#box"), _box(page, "#facts"), _box(page, ".text")
    assert box["y"] < facts["y"] < text["y"]
    assert box["width"] <= PHONE["width"] and facts["width"] <= PHONE["width"]
    assert box["y"] < PHONE["height"]
    if SCREENSHOTS and ui == "fr":
        page.screenshot(path=str(Path(SCREENSHOTS) / "page-fr-phone.png"))
    context.close()


def test_language_switch_is_visible_and_remembered(server: str, browser: Browser) -> None:
    context = browser.new_context(locale="fr-FR")
    page = context.new_page()
    page.goto(server + "/library")
    assert page.get_attribute("html", "lang") == "fr"
    assert page.locator("h1").inner_text() == "Bibliothèque"
    switch = page.locator("#ui-switch .ui-link", has_text="English")
    assert switch.is_visible()
    switch.click()
    page.wait_for_load_state()
    assert page.get_attribute("html", "lang") == "en"
    assert page.locator("h1").inner_text() == "Library"
    # Remembered on the next page, though the browser still asks for French.
    page.goto(server + "/")
    assert page.locator("h1").inner_text() == "Digest an article"
    # On the form, switching keeps what was typed.
    page.fill("#text", "Un article en cours de collage.")
    page.fill("#published", "2025-07-04")
    page.locator("#ui-switch .ui-link", has_text="Français").click()
    page.wait_for_selector("html[lang='fr']")
    assert page.locator("h1").inner_text() == "Résumer un article"
    assert page.input_value("#text") == "Un article en cours de collage."
    assert page.input_value("#published") == "2025-07-04"
    context.close()


def test_text_and_file_together_are_refused_before_sending(server: str, page: Page) -> None:
    example = (EXAMPLES / "fr-orages-bretagne.txt").read_text("utf-8")
    page.goto(server + "/")
    page.fill("#text", example)
    assert page.locator("#remove-file").is_hidden()
    page.set_input_files(
        "#file",
        files=[{"name": "other.txt", "mimeType": "text/plain", "buffer": b"Another article."}],
    )
    assert page.locator("#remove-file").is_visible()
    page.click("#submit")
    error = page.locator("#form-error")
    expect(error).to_be_visible()
    assert "keep only one" in error.inner_text()
    assert page.url == server + "/"
    assert page.input_value("#text") == example
    # Removing the file lets the pasted text through.
    page.click("#remove-file")
    assert page.locator("#remove-file").is_hidden()
    page.click("#submit")
    page.wait_for_selector("#keypoints")
    assert "/articles/" in page.url
