from __future__ import annotations

import pytest

from essentiel.analyze import pipeline
from essentiel.facts.figures import FigureExtractor


def figures(text: str, lang: str = "fr", exclude=()):
    doc = pipeline(lang)(text)
    return FigureExtractor(lang).figures(doc, 0, list(exclude), 0)


def test_part_of_relation() -> None:
    found = figures(
        "Au cours de la nuit, la Russie a envoyé 550 engins, dont 539 drones et des missiles."
    )
    assert [(f.value, f.counts, f.part_of) for f in found] == [
        (550, "engins", None),
        (539, "drones", 0),
    ]


@pytest.mark.parametrize(
    ("text", "value", "unit", "counts", "qualifier"),
    [
        ("Le navire peut contenir plus de 2.600 passagers.", 2600, None, "passagers", "plus de"),
        ("Le plan coûtera 1,5 milliard d'euros.", 1.5e9, "EUR", None, None),
        ("Le chômage a baissé de 20 % en un an.", 20, "%", None, None),
        ("Quelque 48 000 foyers restaient privés de courant.", 48000, None, "foyers", "Quelque"),
        ("Cinq cents manifestants ont défilé.", 500, None, "manifestants", None),
    ],
)
def test_french_formats(text: str, value: float, unit, counts, qualifier) -> None:
    [figure] = figures(text)
    assert (figure.value, figure.unit, figure.counts, figure.qualifier) == (
        value,
        unit,
        counts,
        qualifier,
    )
    assert text[figure.span.start : figure.span.end] == figure.span.text


@pytest.mark.parametrize(
    "text",
    [
        "Le match sera diffusé sur France 2 dimanche.",
        "Le bilan de la COVID-19 reste lourd.",
        "Il est arrivé en 11e position.",
        "Les équipes sont mobilisées depuis 3 heures du matin.",
        "Le drame s'est produit à 08h03.",
        "Tous deux ont convenu de se revoir.",
    ],
)
def test_not_figures(text: str) -> None:
    assert figures(text) == []


def test_dates_are_excluded() -> None:
    text = "Il a parlé le 4 juillet devant 300 personnes."
    start = text.index("4 juillet")
    found = figures(text, exclude=[(start, start + len("4 juillet"))])
    assert [f.value for f in found] == [300]


def test_english() -> None:
    found = figures(
        "The plan will cost an estimated $340 million and create at least 1,200 new jobs, including 300 in wind.",
        "en",
    )
    assert [(f.value, f.unit, f.counts, f.qualifier, f.part_of) for f in found] == [
        (340e6, "USD", None, None, None),
        (1200, None, "jobs", "at least", None),
        (300, None, None, None, 1),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The vote took place at 9 p.m. in the town hall.",
        "She finished 21st in the race.",
        "He arrived at 10:30 on the dot.",
    ],
)
def test_english_times_and_ordinals_are_not_figures(text: str) -> None:
    assert figures(text, "en") == []
