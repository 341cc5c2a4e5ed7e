from __future__ import annotations

import datetime as dt

import pytest

from essentiel.facts.dates import DateResolver
from essentiel.pipeline import Pipeline

FRIDAY = dt.date(2025, 7, 4)  # a Friday


def resolve(text: str, lang: str = "fr", published: dt.date | None = FRIDAY, future=None):
    return [
        (m.span.text, m.value, m.grain.value, m.part_of_day, m.anchor)
        for m in DateResolver(lang).mentions(text, 0, published, future)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Il a parlé ce vendredi 4 juillet.",
            ("ce vendredi 4 juillet", "2025-07-04", "day", None, "publication"),
        ),
        # A bare weekday in past narration: the most recent one, the same day included.
        ("Il a parlé vendredi.", ("vendredi", "2025-07-04", "day", None, "publication")),
        ("Il a parlé mardi.", ("mardi", "2025-07-01", "day", None, "publication")),
        (
            "Il a parlé vendredi dernier.",
            ("vendredi dernier", "2025-06-27", "day", None, "publication"),
        ),
        (
            "Il viendra lundi prochain.",
            ("lundi prochain", "2025-07-07", "day", None, "publication"),
        ),
        (
            "C'était hier soir.",
            ("hier soir", "2025-07-03", "part_of_day", "evening", "publication"),
        ),
        (
            "Au cours de la nuit, des drones.",
            ("Au cours de la nuit", "2025-07-03/2025-07-04", "part_of_day", "night", "publication"),
        ),
        (
            "Dans la nuit de jeudi à vendredi, des tirs.",
            (
                "Dans la nuit de jeudi à vendredi",
                "2025-07-03/2025-07-04",
                "part_of_day",
                "night",
                "publication",
            ),
        ),
        (
            "Il l'avait dit plus tôt cette semaine.",
            ("plus tôt cette semaine", "2025-W27", "week", None, "publication"),
        ),
        (
            "Il l'avait dit la semaine dernière.",
            ("la semaine dernière", "2025-W26", "week", None, "publication"),
        ),
        ("Il l'avait dit l'an dernier.", ("l'an dernier", "2024", "year", None, "publication")),
        (
            "Il l'avait dit le mois dernier.",
            ("le mois dernier", "2025-06", "month", None, "publication"),
        ),
        (
            "Il l'avait dit le 25 mai 2020.",
            ("le 25 mai 2020", "2020-05-25", "day", None, "absolute"),
        ),
        (
            "La vigilance est maintenue jusqu'à dimanche.",
            ("dimanche", "2025-07-06", "day", None, "publication"),
        ),
    ],
)
def test_french(text: str, expected: tuple[str, ...]) -> None:
    assert resolve(text) == [expected]


def test_future_tense_weekday_looks_forward() -> None:
    text = "Il se rendra mardi à Kiev."
    position = text.index("mardi")
    assert resolve(text, future={position}) == [("mardi", "2025-07-08", "day", None, "publication")]


def test_event_anchor_is_kept_as_text() -> None:
    [mention] = DateResolver("fr").mentions(
        "Au lendemain de l'appel entre les deux présidents, Kiev a annoncé un accord.", 0, FRIDAY
    )
    assert mention.value is None and mention.anchor == "text"
    assert mention.anchor_text == "l'appel entre les deux présidents"


def test_without_publication_date_only_absolute_dates_resolve() -> None:
    assert resolve("Le 25 mai 2020, puis vendredi.", published=None) == [
        ("Le 25 mai 2020", "2020-05-25", "day", None, "absolute"),
        ("vendredi", None, "day", None, "unresolved"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The council voted on Tuesday night.",
            ("Tuesday night", "2025-07-01", "part_of_day", "night", "publication"),
        ),
        ("He spoke on July 4, 2024.", ("July 4, 2024", "2024-07-04", "day", None, "absolute")),
        ("He spoke last week.", ("last week", "2025-W26", "week", None, "publication")),
        (
            "Drones struck overnight.",
            ("overnight", "2025-07-03/2025-07-04", "part_of_day", "night", "publication"),
        ),
        ("It opens next Monday.", ("next Monday", "2025-07-07", "day", None, "publication")),
    ],
)
def test_english(text: str, expected: tuple[str, ...]) -> None:
    assert resolve(text, "en") == [expected]


def test_impossible_dates_do_not_crash() -> None:
    assert resolve("Dans la nuit de jeudi à vendredi 31 février 2025, puis le 31 février.")


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Il a été élu il y a douze ans.", "fr", ("il y a douze ans", "2013", "year", None, "publication")),
        ("Le club a fermé il y a 3 jours.", "fr", ("il y a 3 jours", "2025-07-01", "day", None, "publication")),
        ("The plant closed three weeks ago.", "en", ("three weeks ago", "2025-W24", "week", None, "publication")),
        # Past narration: the last mid-August, not the coming one (published in July 2025).
        ("Mi-août, les prix ont baissé.", "fr", ("Mi-août", "2024-08", "month", None, "publication")),
        ("La réforme de 2019 reste en vigueur.", "fr", ("2019", "2019", "year", None, "absolute")),
    ],
)  # fmt: skip
def test_counts_back_and_bare_years(text: str, lang: str, expected: tuple[str, ...]) -> None:
    assert resolve(text, lang) == [expected]


def test_a_weekday_picks_the_year_where_the_calendar_agrees() -> None:
    # Published on 2019-11-19: « samedi 18 mai » is 2019-05-18, a Saturday; the nearest
    # 18 May (2020) is a Monday.
    published = dt.date(2019, 11, 19)
    assert resolve("Le vote a eu lieu le samedi 18 mai.", published=published)[0][1] == (
        "2019-05-18"
    )
    assert resolve("The vote took place on Saturday, May 18.", "en", published)[0][1] == (
        "2019-05-18"
    )
    # Without a weekday, the nearest year as before.
    assert resolve("Le vote aura lieu le 18 mai.", published=published)[0][1] == "2020-05-18"


def test_since_a_month_is_the_last_one_that_has_begun() -> None:
    assert (
        resolve("Le village est privé d'eau depuis mars.", published=dt.date(2020, 2, 10))[0][1]
        == "2019-03"
    )
    assert (
        resolve("Le village est privé d'eau depuis mars.", published=dt.date(2020, 6, 10))[0][1]
        == "2020-03"
    )


def test_a_future_auxiliary_looks_forward(pipeline: Pipeline) -> None:
    # « seront connus »: the future is on the auxiliary, the participle is past.
    digest = pipeline.digest(
        "Les résultats du scrutin seront connus dimanche soir, selon la commission électorale.",
        lang="fr",
        published=dt.date(2020, 3, 4),  # a Wednesday
    )
    assert [(d.span.text, d.value) for d in digest.dates] == [("dimanche soir", "2020-03-08")]


def test_months_follow_the_tense_and_their_last_or_next() -> None:
    published = dt.date(2020, 3, 10)
    assert resolve("En décembre, la mairie a voté le budget.", published=published)[0][1] == (
        "2019-12"
    )
    assert resolve("Il avait démissionné en février dernier.", published=published)[0][1] == (
        "2020-02"
    )
    assert resolve("La loi entrera en vigueur en mars prochain.", published=published)[0][1] == (
        "2021-03"
    )
    assert resolve("Le salon se tiendra jusqu'en juin.", published=published)[0][1] == "2020-06"


def test_a_decade() -> None:
    assert resolve("Dans les années 1980, le quartier était ouvrier.")[0][1:3] == (
        "1980/1989",
        "year",
    )


EDGE_TEXT = (
    "Il a parlé hier soir, puis vendredi dernier ; il reviendra lundi prochain, le mois "
    "prochain et l'an prochain. Il y a trois jours, il y a deux semaines, il y a douze ans, "
    "la semaine dernière, cette nuit et le 3 janvier."
)


@pytest.mark.parametrize("published", [dt.date(1, 1, 1), dt.date(9999, 12, 31)])
def test_relative_dates_at_the_edges_of_the_calendar_do_not_overflow(published: dt.date) -> None:
    found = resolve(EDGE_TEXT, published=published)
    assert len(found) >= 8
    # What lies past the calendar has no value; what stays inside it keeps one.
    values = {surface: value for surface, value, *_ in found}
    if published.year == 1:
        assert values["hier soir"] is None and values["lundi prochain"] == "0001-01-08"
    else:
        assert values["l'an prochain"] is None and values["hier soir"] == "9999-12-30"
