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
