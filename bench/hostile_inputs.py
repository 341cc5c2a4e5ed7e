"""The inputs of bench/hostile.py, one function per case: each builds its input (original
generated text, bench/newslike.py) and answers it with the given pipeline: a Digest, a
documented error raised, or for the service's JSON bodies the error code it answers."""

from __future__ import annotations

import asyncio
import random

from essentiel import Pipeline
from essentiel.model import Digest
from newslike import FIRST_NAMES, PLACES, article, paragraph, sentence


def warm_up() -> str:
    return article(3_000, single_paragraph=False, seed=1)


def long_paragraph(pipeline: Pipeline) -> Digest:
    text = article(900_000, single_paragraph=True, seed=2)[:900_000]
    return pipeline.digest(text, lang="fr", published="2025-06-01")


def over_limit(pipeline: Pipeline) -> Digest:
    text = article(1_100_000, single_paragraph=True, seed=3)
    return pipeline.digest(text, lang="fr", published="2025-06-01")


def _surname(rng: random.Random) -> str:
    # Made-up surnames from syllables: 15,000 people, few of whom share a name.
    syllables = "ber dan mor lau fon gar ri no sel va tin chau mar vil bou ge ran del"
    parts = syllables.split()
    return "".join(rng.choice(parts) for _ in range(rng.randint(2, 3))).capitalize()


def many_names(pipeline: Pipeline) -> Digest:
    rng = random.Random(4)
    sentences = []
    for _ in range(5_000):
        people = [f"{rng.choice(FIRST_NAMES)} {_surname(rng)}" for _ in range(3)]
        sentences.append(
            f"{people[0]}, {people[1]} et {people[2]} se sont retrouvés à "
            f"{rng.choice(PLACES)} pour la réunion du conseil."
        )
    text = "Réunion des élus\n\n" + "\n\n".join(
        " ".join(sentences[k : k + 5]) for k in range(0, len(sentences), 5)
    )
    return pipeline.digest(text, lang="fr", published="2025-06-01")


def many_links(pipeline: Pipeline) -> Digest:
    rng = random.Random(5)
    body = "".join(f"<p>{paragraph(rng, 400)}</p>" for _ in range(8))
    links = "".join(
        f'<li><a href="/article/{i}">Lire aussi : la chronique numéro {i}</a></li>'
        for i in range(50_000)
    )
    html = (
        "<html><head><meta charset='utf-8'><title>Conseil municipal</title></head><body>"
        f"<nav><ul>{links}</ul></nav><article><h1>Le conseil vote le budget</h1>{body}"
        "</article></body></html>"
    )
    return pipeline.digest(html, published="2025-06-01")


def many_quotes(pipeline: Pipeline) -> Digest:
    rng = random.Random(6)
    quotes = [
        f"« Nous tiendrons le calendrier numéro {k} », a déclaré {rng.choice(FIRST_NAMES)} "
        f"{_surname(rng)}, maire de {rng.choice(PLACES)}."
        for k in range(5_000)
    ]
    text = "Les maires s'expriment\n\n" + "\n\n".join(
        " ".join(quotes[k : k + 4]) for k in range(0, len(quotes), 4)
    )
    return pipeline.digest(text, lang="fr", published="2025-06-01")


def deep_html(pipeline: Pipeline) -> Digest:
    rng = random.Random(7)
    body = "".join(f"<p>{paragraph(rng, 500)}</p>" for _ in range(6))
    html = (
        "<html><head><meta charset='utf-8'><title>Un article</title></head><body>"
        + "<div>" * 100_000
        + f"<article><h1>Le conseil vote le budget</h1>{body}</article>"
        + "</div>" * 100_000
        + "</body></html>"
    )
    return pipeline.digest(html, published="2025-06-01")


def _service_answer(body: bytes) -> str:
    from starlette.requests import Request

    from essentiel.service.api import read_digest_request
    from essentiel.service.errors import ApiError

    async def receive() -> dict[str, object]:
        return {"type": "http.request", "body": body, "more_body": False}

    scope = {
        "type": "http",
        "method": "POST",
        "path": "/v1/digest",
        "headers": [(b"content-type", b"application/json")],
        "query_string": b"",
    }
    try:
        asyncio.run(read_digest_request(Request(scope, receive), None, None, None, None))
    except ApiError as exc:
        return exc.code
    return "accepted"


def deep_json(_pipeline: Pipeline) -> str:
    return _service_answer(b'{"text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}")


def huge_integer(_pipeline: Pipeline) -> str:
    return _service_answer(b'{"text": "x", "n": ' + b"7" * 5_000 + b"}")


_RELATIVE = (
    "Le maire a annoncé hier que les travaux commenceront lundi prochain. L'an dernier, le "
    "chantier avait déjà pris trois mois de retard, et il y a dix ans la même rue avait été "
    "fermée. Dans deux semaines, le conseil votera le budget de l'année prochaine. "
)


def date_min(pipeline: Pipeline) -> Digest:
    text = "Travaux en ville\n\n" + _RELATIVE * 3
    return pipeline.digest(text, lang="fr", published="0001-01-01")


def date_max(pipeline: Pipeline) -> Digest:
    text = "Travaux en ville\n\n" + _RELATIVE * 3
    return pipeline.digest(text, lang="fr", published="9999-12-31")


def surrogate(pipeline: Pipeline) -> Digest:
    rng = random.Random(8)
    text = "Le conseil vote\n\n" + " ".join(sentence(rng) for _ in range(12))
    text = text[:200] + "\ud800" + text[200:]
    return pipeline.digest(text, lang="fr", published="2025-06-01")


def nul_bytes(pipeline: Pipeline) -> Digest:
    rng = random.Random(9)
    html = (
        "<html><head><meta charset='utf-8'><title>Un article</title></head><body><article>"
        f"<h1>Le conseil vote</h1><p>{paragraph(rng, 800)}\x00\x00</p></article></body></html>"
    )
    return pipeline.digest(html.encode("utf-8"), published="2025-06-01")


def bidi_names(pipeline: Pipeline) -> Digest:
    text = (
        "Le conseil vote le budget\n\n"
        "Marie Du\u200bbois, maire de Rennes, a présenté le budget mardi. « Nous tiendrons le "
        "calendrier », a déclaré Marie Du\u200bbois devant le conseil. Paul \u202eGirard\u202c, "
        "adjoint aux finances, a rappelé que le projet coûtera 40 millions d'euros. Selon "
        "Paul \u202eGirard\u202c, les travaux commenceront en mars. Hélène\u2066 Roux\u2069, "
        "conseillère d'opposition, a critiqué le calendrier retenu par la majorité."
    )
    return pipeline.digest(text, lang="fr", published="2025-06-01")
