"""The publication date comes from the page's metadata or the article's dateline, never from a
copyright line or a year the text names."""

from __future__ import annotations

import datetime as dt

import pytest

from essentiel.ingest import ingest
from essentiel.publication_date import date_line_date

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


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (
            page(before_body="<p><span itemprop='datePublished'>14 mars 2023</span></p>"),
            dt.date(2023, 3, 14),
        ),
        (
            page(
                before_body="<div class='signature'><time pubdate datetime='2022-09-05T07:30'>"
                "lundi</time></div>"
            ),
            dt.date(2022, 9, 5),
        ),
        # A body sentence that names a year, and a copyright line: no date is stated.
        (
            page(before_body="<p>En 2019, la piscine avait déjà fermé six mois pour travaux.</p>"),
            None,
        ),
    ],
    ids=["microdata-text", "time-pubdate", "year-in-text"],
)
def test_markup_the_fast_search_misses_is_read(html: str, expected: dt.date | None) -> None:
    assert ingest(html).published == expected


TODAY = dt.date(2026, 12, 6)
PARAGRAPH = (
    "Le conseil municipal a voté mardi soir le budget de la piscine, après trois heures de "
    "débats et une suspension de séance demandée par l'opposition."
)


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["Publié le 12/03/2019 à 10h05", PARAGRAPH], dt.date(2019, 3, 12)),
        (["Par Jean Dupont | Publié le mardi 12 mars 2019", PARAGRAPH], dt.date(2019, 3, 12)),
        (["Mis en ligne le 1er avril 2021", PARAGRAPH], dt.date(2021, 4, 1)),
        (["Mardi 12 mars 2019 - 10:05", PARAGRAPH], dt.date(2019, 3, 12)),
        ([PARAGRAPH, PARAGRAPH, "Publié le 3 févr. 2020"], dt.date(2020, 2, 3)),
        (["Publié le 14 juil. 2020 à 8h", PARAGRAPH], dt.date(2020, 7, 14)),
        (["Posted Sept. 4, 2020", "The council met."], dt.date(2020, 9, 4)),
        (["Posted on March 12, 2019 at 10:05 a.m.", "The council met."], dt.date(2019, 3, 12)),
        (["Published 3/12/2019", "The council met."], dt.date(2019, 3, 12)),
        (["Tuesday, 12 March 2019", "The council met."], dt.date(2019, 3, 12)),
        # An update's date is not the publication's; both given, the publication's is read.
        (["Mis à jour le 14 mars 2019 à 18h", PARAGRAPH], None),
        (["Publié le 12 mars 2019, mis à jour le 14 mars 2019", PARAGRAPH], dt.date(2019, 3, 12)),
        # Numbers alone do not say which is the day.
        (["03/04/2019", PARAGRAPH], None),
        (["25/04/2019", PARAGRAPH], dt.date(2019, 4, 25)),
        # A sentence of the body that names a date is not a date line.
        (["Le 12 mars 2019, le conseil a voté le budget.", PARAGRAPH], None),
        # Only the first and last lines are read.
        ([PARAGRAPH] * 3 + ["Publié le 12 mars 2019"] + [PARAGRAPH] * 3, None),
        # Never after today, never before the web.
        (["Publié le 12 mars 2027", PARAGRAPH], None),
        (["Publié le 12 mars 1989", PARAGRAPH], None),
        (["© 2025 Le Quotidien de l'Ouest", PARAGRAPH], None),
    ],
)
def test_a_date_line_gives_the_date(lines: list[str], expected: dt.date | None) -> None:
    assert date_line_date(lines, TODAY) == expected


def test_a_dotted_date_alone_is_day_first() -> None:
    assert date_line_date(["Bilan du trimestre", "10.11.2021", PARAGRAPH], TODAY) == (
        dt.date(2021, 11, 10)
    )
    assert date_line_date(["Mise en ligne le 23 mai 2019", PARAGRAPH], TODAY) == (
        dt.date(2019, 5, 23)
    )


def test_a_page_date_the_caller_contradicts_dates_no_weekday() -> None:
    # The page says 2025-01-01 (a Wednesday), the caller 2025-01-03: the page's date is kept
    # with a notice, and « jeudi » keeps no calendar date in brackets, which would rest on
    # whichever date is wrong. With no conflict, the bracket is given.
    from essentiel import Pipeline

    html = (
        "<!DOCTYPE html><html lang='fr'><head><title>Brest ferme sa piscine</title>"
        "<meta property='article:published_time' content='2025-01-01T08:00:00Z'></head><body>"
        "<article><h1>Brest ferme sa piscine</h1><p>La maire de Brest, Anne Lemoal, a annoncé "
        "jeudi la fermeture de la piscine municipale pour dix-huit mois de travaux.</p>"
        "<p>Les travaux coûteront 14 millions d'euros, dont 4 millions financés par la "
        "région, selon la mairie. Les nageurs du club s'entraîneront à Landerneau.</p>"
        "</article></body></html>"
    )
    pipeline = Pipeline()
    torn = pipeline.digest(html, published="2025-01-03")
    assert any(n.code == "published_conflict" for n in torn.notices)
    assert any("annoncé jeudi la fermeture" in k.text for k in torn.keypoints), [
        k.text for k in torn.keypoints
    ]
    assert not any("[" in k.text for k in torn.keypoints), [k.text for k in torn.keypoints]
    agreed = pipeline.digest(html, published="2025-01-01")
    assert any("jeudi [26 décembre]" in k.text for k in agreed.keypoints), [
        k.text for k in agreed.keypoints
    ]
