"""The headline's event told over two sentences, the second pointing at the first (« ...
était-il criminel ? Telle est la question après ... »): neither is a bullet alone, the two
together are the first bullet (issue 33, item 2). Original text, written for these tests in
the style of news pages."""

from __future__ import annotations

from essentiel import Pipeline
from essentiel.keypoints import KeyPointSettings
from essentiel.pipeline import Settings

TITLE = "Incendie de l'usine Delmas : la piste criminelle relancée à Cholet"
QUESTION = "L'incendie de l'usine Delmas de Cholet était-il criminel ?"
POINTER = (
    "Telle est la question après les révélations du Courrier de l'Ouest, qui rapporte le "
    "témoignage d'un ancien gardien entendu lundi par les enquêteurs."
)
BODY = (
    f"{QUESTION} {POINTER}\n\n"
    "Le feu avait détruit en mars 2019 un entrepôt de 4.000 mètres carrés et mis au chômage "
    "technique 120 salariés pendant six mois.\n\n"
    "Les pompiers avaient mis onze heures à maîtriser les flammes, attisées par un vent fort "
    "venu de l'ouest.\n\n"
    "La direction de l'entreprise a annoncé mardi qu'elle se constituerait partie civile si "
    "une information judiciaire était ouverte.\n\n"
    "Le site, reconstruit en 2020, emploie aujourd'hui 140 personnes dans la fabrication de "
    "meubles de jardin.\n\n"
    "Une réunion publique sera organisée le 12 juin à la mairie de Cholet."
)


def _points(**settings: object) -> list[str]:
    # The headline's statement first (``article_order`` off): the first bullet is it.
    settings = {"article_order": False, **settings}
    engine = Pipeline(Settings(keypoints=KeyPointSettings(**settings)))  # type: ignore[arg-type]
    digest = engine.digest(BODY, lang="fr", title=TITLE)
    assert all(point.verdict.passed for point in digest.keypoints)
    return [str(point.text) for point in digest.keypoints]


def test_the_two_sentences_that_state_the_headline_are_the_first_bullet() -> None:
    assert _points()[0] == f"{QUESTION} {POINTER}"


def test_without_it_neither_sentence_is_a_bullet() -> None:
    # The question is no statement, and « Telle est la question » points at it.
    points = _points(headline_pairs=False)
    assert all("criminel" not in point and "Telle est" not in point for point in points)


def test_a_sentence_that_points_at_nothing_listed_is_not_joined() -> None:
    # « Cette question » is no opening of ``points_to_sentence_before``.
    body = BODY.replace("Telle est la question après", "Cette question se pose après")
    engine = Pipeline(Settings(keypoints=KeyPointSettings(article_order=False)))
    digest = engine.digest(body, lang="fr", title=TITLE)
    assert all("criminel ?" not in point.text for point in digest.keypoints)


# « Il s'agit d'un ... » names what the sentence before told: alone it stands for nothing, the
# two together state the headline's event.
NAMING_TITLE = "Vendée : un forcené se suicide après un possible féminicide"
DEATHS = "Une femme de 79 ans et son mari de 81 ans ont été retrouvés morts mardi soir à Luçon."
NAMED = "Il s'agirait d'un féminicide suivi d'un suicide."
NAMING_BODY = (
    f"{DEATHS} {NAMED}\n\n"
    "L'alerte a été donnée vers 19 heures par une voisine qui n'avait plus de nouvelles du "
    "couple depuis la veille.\n\n"
    "Les gendarmes ont découvert le corps de la femme dans la cuisine, et celui de l'homme "
    "dans le garage de la maison.\n\n"
    "Une arme de chasse a été retrouvée près du corps du mari, a précisé le parquet de La "
    "Roche-sur-Yon.\n\n"
    "Une enquête a été ouverte et confiée à la brigade de recherches de Fontenay-le-Comte.\n\n"
    "Le maire de Luçon a dit sa tristesse devant un drame qui frappe une famille connue de "
    "tous."
)


def _naming_points(body: str = NAMING_BODY, **settings: object) -> list[str]:
    settings = {"article_order": False, **settings}
    engine = Pipeline(Settings(keypoints=KeyPointSettings(**settings)))  # type: ignore[arg-type]
    digest = engine.digest(body, lang="fr", title=NAMING_TITLE)
    assert all(point.verdict.passed for point in digest.keypoints)
    return [str(point.text) for point in digest.keypoints]


def test_a_sentence_that_names_what_the_one_before_told_is_joined_to_it() -> None:
    assert _naming_points()[0] == f"{DEATHS} {NAMED}"


def test_the_named_sentence_is_no_bullet_alone() -> None:
    # Without the pair, « Il s'agirait d'un ... » points at nothing the box shows.
    points = _naming_points(headline_pairs=False)
    assert all(not point.startswith("Il s'agirait") for point in points)
    assert all(NAMED not in point for point in points)
