"""The web page's interface language (French or English, from the browser, switchable), its
reported-speech rendering, and the form's refusal of a pasted text and a file together."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import unescape
from typing import Any

import pytest
from fastapi.testclient import TestClient

from essentiel import Digest, Pipeline
from essentiel.model import QuoteKind, Span
from essentiel.render import quoted
from essentiel.service import ServiceConfig, create_app, interface
from essentiel.service.pages import render
from essentiel.service.view import article_view, kept_pieces
from essentiel.worker import Template

from .conftest import EXAMPLES

EXAMPLE_FR = (EXAMPLES / "fr-orages-bretagne.txt").read_text("utf-8")
FRENCH = {"accept-language": "fr-FR,fr;q=0.9,en;q=0.8"}
ENGLISH = {"accept-language": "en-US,en;q=0.9"}

# Original articles, each with a direct quote, an according-to and an indirect report.
GARD = (
    "Inondations dans le Gard : trois communes évacuées\n"
    "Trois communes du Gard ont été évacuées dans la nuit de mardi à mercredi après la crue "
    "du Vidourle. Selon la préfecture du Gard, 1 200 habitants ont dormi dans des gymnases. "
    "\"Nous n'avions jamais vu l'eau monter aussi vite\", a déclaré Marion Castel, maire de "
    "Sommières. Le préfet a annoncé que la vigilance rouge serait levée jeudi matin. "
    "Les pompiers ont mené plus de 300 interventions depuis lundi.\n"
)
DOVER = (
    "Storm closes ferry routes\n"
    "Three ferry routes between Dover and Calais were suspended on Tuesday as winds reached "
    "90 mph. According to the port authority, 4,000 passengers were stranded overnight. "
    '"We have never had to close all three routes at once," said Helen Marsh, the harbour '
    "master. Forecasters said that the winds would ease by Thursday. Coastguards rescued two "
    "sailors off Folkestone.\n"
)


def _keys(table: dict[str, Any], prefix: str = "") -> set[str]:
    keys: set[str] = set()
    for key, value in table.items():
        keys |= _keys(value, f"{prefix}{key}.") if isinstance(value, dict) else {prefix + key}
    return keys


def _fields(text: str) -> set[str]:
    return set(re.findall(r"\{(\w+)\}", text))


def test_every_interface_string_exists_in_both_languages_with_the_same_fields() -> None:
    assert interface.interface_languages() == ("fr", "en")
    fr, en = interface.strings("fr"), interface.strings("en")
    assert _keys(fr) == _keys(en)
    for key in _keys(fr):
        a, b = fr, en
        for part in key.split("."):
            a, b = a[part], b[part]
        assert _fields(a) == _fields(b), key
        assert a.strip() and b.strip(), key


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (None, "fr"),
        ("", "fr"),
        ("*", "fr"),
        ("fr-FR,fr;q=0.9,en;q=0.8", "fr"),
        ("en-US,en;q=0.9", "en"),
        ("en-GB", "en"),
        # Qualities rank, not the order written.
        ("en;q=0.5, fr-CA;q=0.8", "fr"),
        ("de-DE,de;q=0.9,en;q=0.5,fr;q=0.7", "fr"),
        # q=0 means "not this one".
        ("fr;q=0, en;q=0.1", "en"),
        # Only languages we lack: English, read more widely than French.
        ("de-DE,de;q=0.9", "en"),
        ("es, it;q=0.5", "en"),
        # Malformed qualities do not crash the page.
        ("fr;q=abc, en", "en"),
        ("  , ;q=1", "fr"),
    ],
)
def test_the_interface_follows_accept_language(header: str | None, expected: str) -> None:
    assert interface.from_accept_language(header) == expected


def test_the_switch_wins_over_the_cookie_which_wins_over_the_browser() -> None:
    choose = interface.choose
    assert choose(asked="en", cookie="fr", accept_language="fr") == "en"
    assert choose(asked=None, cookie="en", accept_language="fr") == "en"
    assert choose(asked=None, cookie=None, accept_language="en") == "en"
    # Anything else asked or remembered is ignored, not trusted.
    assert choose(asked="xx", cookie="<script>", accept_language="fr") == "fr"
    assert choose(asked="EN", cookie=None, accept_language=None) == "en"


@pytest.fixture(scope="module")
def client(
    tmp_path_factory: pytest.TempPathFactory, warm_template: Template
) -> Iterator[TestClient]:
    db = tmp_path_factory.mktemp("page-language") / "store.db"
    # Digest processes forked from the session's template, models loaded (conftest).
    app = create_app(
        ServiceConfig(db=str(db), max_bytes=200_000, warm_up=False),
        template=warm_template,
    )
    with TestClient(app) as c:
        yield c


@pytest.fixture(autouse=True)
def _forget_the_choice(client: TestClient) -> Iterator[None]:
    client.cookies.clear()
    yield
    client.cookies.clear()


def _textarea(html: str) -> str:
    found = re.search(r'<textarea id="text"[^>]*>(.*?)</textarea>', html, re.S)
    assert found
    return unescape(found.group(1))


def _stored(client: TestClient) -> int:
    total: int = client.get("/v1/articles").json()["total"]
    return total


def test_pages_answer_in_the_browsers_language(client: TestClient) -> None:
    for path in ("/", "/library"):
        fr = client.get(path, headers=FRENCH)
        en = client.get(path, headers=ENGLISH)
        assert '<html lang="fr">' in fr.text and '<html lang="en">' in en.text
        assert fr.headers["content-language"] == "fr" and en.headers["content-language"] == "en"
        assert "Accept-Language" in fr.headers["vary"] and "Cookie" in fr.headers["vary"]
        assert "Bibliothèque" in fr.text and "Library" not in fr.text
        assert "Library" in en.text and "Bibliothèque" not in en.text
    assert "Résumer un article" in client.get("/", headers=FRENCH).text
    assert "Digest an article" in client.get("/", headers=ENGLISH).text
    missing = client.get("/articles/nope", headers=ENGLISH)
    assert missing.status_code == 404 and "No stored article" in missing.text
    assert "Aucun article enregistré" in client.get("/articles/nope", headers=FRENCH).text


def test_the_switch_shows_the_other_language_and_is_remembered(client: TestClient) -> None:
    library = client.get("/library", params={"q": "orages"}, headers=FRENCH).text
    # A visible switch, which keeps the page's own query.
    switch = re.search(r'<a class="ui-link" href="([^"]+)"[^>]*>English</a>', library)
    assert switch, "no switch to English on the French page"
    href = unescape(switch.group(1))
    assert href.startswith("/library?") and "q=orages" in href and href.endswith("ui=en")

    switched = client.get(href, headers=FRENCH)
    assert '<html lang="en">' in switched.text
    assert switched.cookies.get(interface.UI_COOKIE) == "en"
    assert "Français</a>" in switched.text
    # The browser still prefers French, but the reader chose English: it stays English.
    assert '<html lang="en">' in client.get("/", headers=FRENCH).text
    back = client.get("/library?ui=fr", headers=ENGLISH)
    assert '<html lang="fr">' in back.text
    assert '<html lang="fr">' in client.get("/library", headers=ENGLISH).text


def test_the_form_page_switch_keeps_what_was_typed(client: TestClient) -> None:
    before = _stored(client)
    r = client.post(
        "/digest",
        data={
            "text": EXAMPLE_FR,
            "published": "2025-08-14",
            "url": "https://example.org/orages",
            "ui": "fr",
            "switch_ui": "en",
        },
        headers=FRENCH,
    )
    assert r.status_code == 200
    assert '<html lang="en">' in r.text and "Digest an article" in r.text
    assert _textarea(r.text) == EXAMPLE_FR
    assert 'value="2025-08-14"' in r.text and 'value="https://example.org/orages"' in r.text
    assert r.cookies.get(interface.UI_COOKIE) == "en"
    assert _stored(client) == before  # switching is not digesting
    # On the form page the switch is a button of the form, so that it posts what was typed.
    assert re.search(r'<button type="submit" form="digest-form"[^>]*value="fr"', r.text)
    # Nothing typed: back to the plain page in the chosen language.
    empty = client.post("/digest", data={"switch_ui": "en"}, follow_redirects=False)
    assert empty.status_code == 303 and empty.headers["location"] == "/?ui=en"


def test_form_errors_are_in_the_interface_language(client: TestClient) -> None:
    data = {"text": EXAMPLE_FR[:300], "published": "14/08/2025"}
    fr = client.post("/digest", data=data, headers=FRENCH)
    en = client.post("/digest", data=data, headers=ENGLISH)
    assert fr.status_code == en.status_code == 422
    assert "n&#39;est pas une date" in fr.text and "not a date" in en.text
    # The hidden field carries the language of the page the form was on.
    assert "not a date" in client.post("/digest", data=data | {"ui": "en"}, headers=FRENCH).text
    # An error of the engine too, by its code.
    binary = client.post(
        "/digest",
        files={"file": ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20, "text/plain")},
        headers=FRENCH,
    )
    assert binary.status_code == 400
    assert "Ce n&#39;est pas un fichier texte ou HTML" in binary.text


@pytest.mark.parametrize(
    ("headers", "message"), [(FRENCH, "n&#39;en gardez qu&#39;un"), (ENGLISH, "keep only one")]
)
def test_text_and_file_together_are_refused_by_the_server(
    client: TestClient, headers: dict[str, str], message: str
) -> None:
    before = _stored(client)
    r = client.post(
        "/digest",
        data={"text": EXAMPLE_FR, "published": "2025-08-14", "lang": "fr"},
        files={
            "file": ("other.txt", b"Un tout autre article, qui ne doit pas gagner.", "text/plain")
        },
        headers=headers,
        follow_redirects=False,
    )
    assert r.status_code == 400
    assert 'id="form-error"' in r.text and message in r.text
    # Nothing the reader typed is lost.
    assert _textarea(r.text) == EXAMPLE_FR
    assert 'value="2025-08-14"' in r.text and '<option value="fr" selected>' in r.text
    assert _stored(client) == before


def test_a_file_input_left_empty_does_not_count_as_a_file(client: TestClient) -> None:
    # What a browser sends when no file was chosen: a file part with an empty name.
    r = client.post(
        "/digest",
        data={"text": EXAMPLE_FR, "published": "2025-08-14"},
        files={"file": ("", b"", "application/octet-stream")},
        follow_redirects=False,
    )
    assert r.status_code == 303
    # A chosen file that is empty says so, instead of « paste an article first ».
    empty = client.post("/digest", files={"file": ("vide.txt", b"", "text/plain")})
    assert empty.status_code == 400 and "vide.txt" in empty.text and "est vide" in empty.text


@pytest.fixture(scope="module")
def gard(pipeline: Pipeline) -> Digest:
    return pipeline.digest(GARD.encode())


@pytest.fixture(scope="module")
def dover(pipeline: Pipeline) -> Digest:
    return pipeline.digest(DOVER.encode())


@pytest.mark.parametrize("ui", ["fr", "en"])
@pytest.mark.parametrize("name", ["gard", "dover"])
def test_only_direct_quotes_are_shown_between_quotation_marks(
    name: str, ui: str, request: pytest.FixtureRequest
) -> None:
    digest: Digest = request.getfixturevalue(name)
    kinds = {q.kind for q in digest.quotes}
    assert {QuoteKind.DIRECT, QuoteKind.ACCORDING_TO} <= kinds, kinds
    html = render("article.html", ui=ui, **article_view(digest)).body.decode()
    items = re.findall(r'<li class="hl-item quote-(\w+)".*?</li>', html, re.S)
    assert len(items) == len(digest.quotes)
    blocks = re.findall(r'(<li class="hl-item quote-\w+".*?</li>)', html, re.S)
    for quote, block in zip(digest.quotes, blocks, strict=True):
        content = unescape(re.sub(r"<[^>]+>", "", block))
        assert quote.content.text in content
        if quote.kind is QuoteKind.DIRECT:
            assert re.search(r'<q class="said"[^>]*>', block)
            assert '<span class="reported"' not in block
        else:
            # Reported speech: never in a <q>, never wrapped in quotation marks.
            assert "<q" not in block and '<span class="reported"' in block
            for mark in ("«", "»", "“", "”"):
                assert mark + quote.content.text not in content
                assert quote.content.text + mark not in content
    according = next(q for q in digest.quotes if q.kind is QuoteKind.ACCORDING_TO)
    attribution = {"fr": "Selon ", "en": "According to "}[ui] + (according.speaker_name or "")
    assert unescape(attribution) in unescape(html)


def test_the_terminal_quotes_only_direct_speech(gard: Digest) -> None:
    by_kind = {q.kind: q for q in gard.quotes}
    direct = quoted(by_kind[QuoteKind.DIRECT], "fr")
    assert direct.startswith("« ") and direct.endswith(" »")
    reported = quoted(by_kind[QuoteKind.ACCORDING_TO], "fr")
    assert reported == by_kind[QuoteKind.ACCORDING_TO].content.text
    assert quoted(by_kind[QuoteKind.DIRECT], "en").startswith("“")


def test_each_key_point_carries_its_evidence_with_the_kept_words(gard: Digest) -> None:
    html = render("article.html", ui="fr", **article_view(gard)).body.decode()
    evidence = re.findall(r'<div class="evidence">(.*?)</div>', html, re.S)
    assert len(evidence) == len(gard.keypoints) >= 2
    for point, block in zip(gard.keypoints, evidence, strict=True):
        shown = unescape(
            re.sub(
                r"<[^>]+>",
                "",
                " ".join(re.findall(r'<p class="evidence-text">(.*?)</p>', block, re.S)),
            )
        )
        for source in point.sources:
            assert source.text in shown
        kept = [unescape(k) for k in re.findall(r'<span class="kept">(.*?)</span>', block, re.S)]
        assert "".join(kept) == "".join(f.text for f in point.fragments)
        # The link to the sentence in the article lands on a segment that exists.
        anchor = re.search(r'href="#(at-\d+)"', block)
        assert anchor and f'id="{anchor.group(1)}"' in html


def test_kept_pieces_mark_the_fragments_inside_the_source() -> None:
    text = "Le maire, élu en 2020, a démissionné lundi."
    source = Span(start=100, end=100 + len(text), text=text)
    kept = [
        Span(start=100, end=108, text="Le maire"),
        Span(start=122, end=143, text=text[22:]),
    ]
    pieces = kept_pieces(source, kept)
    assert "".join(p for p, _ in pieces) == text
    assert [p for p, k in pieces if k] == ["Le maire", text[22:]]
    assert kept_pieces(source, []) == ((text, False),)
