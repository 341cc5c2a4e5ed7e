"""The publication date comes from the page's metadata or the article's dateline, never from a
copyright line or a year the text names."""

from __future__ import annotations

import datetime as dt

import pytest

from essentiel.ingest import ingest

BODY = (
    "<p>Le maire a annoncé jeudi que les travaux de la piscine coûteraient 14 millions d'euros, "
    "dont 4 millions financés par la région. Les nageurs du club local s'entraîneront à "
    "Landerneau pendant la durée du chantier, qui doit s'achever avant l'été 2027.</p>"
    "<p>Les associations d'usagers ont réclamé une navette gratuite vers Landerneau, une "
    "demande que la mairie dit étudier de près dans les semaines qui viennent.</p>"
)
FOOTER = "<footer><p>© 2025 Le Quotidien de l'Ouest. Tous droits réservés.</p></footer>"


def page(head: str = "", before_body: str = "") -> str:
    return (
        f"<!DOCTYPE html><html lang='fr'><head><title>Brest ferme sa piscine</title>{head}</head>"
        f"<body><article><h1>Brest ferme sa piscine</h1>{before_body}{BODY}</article>"
        f"{FOOTER}</body></html>"
    )


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (page(), None),
        (page(before_body="<p>Publié le 3 novembre 2024 à 10h12</p>"), dt.date(2024, 11, 3)),
        (page(before_body="<p>Mis en ligne le 12/02/2025</p>"), dt.date(2025, 2, 12)),
        (
            page(head="<meta property='article:published_time' content='2025-01-01T08:00:00Z'>"),
            dt.date(2025, 1, 1),
        ),
        (
            page(head="<meta property='article:published_time' content='2024-06-30T08:00:00Z'>"),
            dt.date(2024, 6, 30),
        ),
        (
            page(before_body="<p><time datetime='2025-01-01'>1er janvier</time></p>"),
            dt.date(2025, 1, 1),
        ),
    ],
    ids=["copyright-only", "dateline", "numeric-dateline", "meta-jan-1", "meta", "time-jan-1"],
)
def test_publication_date_is_never_a_copyright_year(html: str, expected: dt.date | None) -> None:
    assert ingest(html).published == expected
