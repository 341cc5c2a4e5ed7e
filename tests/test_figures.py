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
    # The first figure (« en un an » holds a second one: the guideline counts « un an »).
    figure = figures(text)[0]
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


def _numbers(text: str) -> list[tuple[str, float]]:
    return [(f.number.text, round(f.value, 3)) for f in figures(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Approximate counts (bench/gold/README.md: « une vingtaine » is a figure).
        ("Une trentaine de bénévoles ont nettoyé la plage.", [("Une trentaine", 30)]),
        ("Le club a réuni sa quarantaine d'adhérents.", [("quarantaine", 40)]),
        ("Le port accueille le millier de plaisanciers.", [("millier", 1000)]),
        # Fractions of a whole.
        ("Près de la moitié des élus ont voté contre.", [("moitié", 0.5)]),
        ("Un tiers des salariés travaille le dimanche.", [("Un tiers", 0.333)]),
        ("Les trois quarts seront remboursés.", [("trois quarts", 0.75)]),
        ("Il représente plus du quart des ventes.", [("quart", 0.25)]),
        # « un »/« une » as the number one before a unit.
        ("Le chantier a duré un an et demi de plus.", [("un", 1)]),
        ("La digue a cédé sur un kilomètre.", [("un", 1)]),
        ("Le feu a été signalé au moins une fois.", [("une", 1)]),
        # Ranges: both numbers, and a scale written once is shared.
        ("Les coureurs ont entre 18 et 25 ans.", [("18", 18), ("25", 25)]),
        ("Le chantier coûtera 2 à 2,5 milliards d'euros.", [("2", 2e9), ("2,5", 2.5e9)]),
        ("Il faut compter quatre ou cinq jours.", [("quatre", 4), ("cinq", 5)]),
        ("La pause durera entre trois et huit semaines.", [("trois", 3), ("huit", 8)]),
        # A word starting with « h » after a number is not « h » for hours.
        ("Les secours ont engagé 60 hommes et 12 camions.", [("60", 60), ("12", 12)]),
        ("Le bourg compte 12.000 habitants.", [("12.000", 12000)]),
        # Hours as a duration, not a clock time.
        ("Le vol a duré 11 heures au total.", [("11", 11)]),
        # Glued units.
        ("Chaque stand dispose de 9m2 et d'une allée de 1m20.", [("9m2", 9), ("1m20", 1.2)]),
        # A dash pair is punctuation: « sept » is still read.
        ("Il a gagné cinq matchs --sur sept-- cette saison.", [("cinq", 5), ("sept", 7)]),
        # « l'un des deux » counts two; only « tous les deux » is an idiom.
        ("L'un des deux ponts sera fermé.", [("deux", 2)]),
        # A full stop glued to the next paragraph's number.
        ("Le décompte inclut les cliniques.15% des cas viennent du travail.", [("15", 15)]),
        # « neuf » before its noun is nine, after a noun it is new.
        ("Un collège de neuf juges siège. Un logement neuf coûte cher.", [("neuf", 9)]),
    ],
)
def test_french_counts_the_guideline_names(text: str, expected: list[tuple[str, float]]) -> None:
    assert _numbers(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Le pays tiers a refusé l'accord.",
        "Il était à moitié endormi.",
        "Un jour, il reviendra au village.",
        "Une fois arrivé, il a salué la foule.",
        "Le record pour un mois de juillet est battu.",
        "Le navire a été placé en quarantaine pendant l'enquête.",
        "Le numéro 2 du syndicat a démissionné.",
        "L'article 12 de la loi prévoit une exception.",
        "Le préfet a déclenché le niveau 3 du plan.",
        "Pour tout renseignement, appelez le 0 800 12 34 56.",
        "Sont concernées la Drôme (26) et l'Isère (38).",
        "La réunion commencera à 15 heures.",
        "Il est rentré chez lui vers minuit 40.",
        "La mairie est restée ouverte jusqu'à mardi, 08 heures.",
        "Les gardes veillent sur le site 24 heures sur 24.",
        "Le risque zéro n'existe pas.",
        "La chaîne d'Europe 1 a diffusé l'entretien.",
    ],
)
def test_french_not_counts(text: str) -> None:
    assert figures(text) == []
