"""The first bullet looks past the body's first five candidates for the headline's event when
a later one states it far better (issue 33). Original text written for the tests."""

from __future__ import annotations

from essentiel import Pipeline
from essentiel.keypoints import KeyPointSettings
from essentiel.pipeline import Settings

TITLE = "Nantes : le tramway gratuit le week-end à partir de janvier"
CONTEXT = (
    "La qualité de l'air s'est encore dégradée cet automne dans l'agglomération, selon "
    "l'association Air Pays de la Loire. Les élus de la majorité réclamaient depuis deux ans "
    "une mesure forte contre la voiture en ville. Le budget des transports atteindra 320 "
    "millions d'euros l'an prochain, en hausse de 4 %. Les commerçants du centre-ville se "
    "plaignent d'une baisse de fréquentation depuis la fermeture de plusieurs parkings. "
    "L'opposition municipale dénonce un projet coûteux et mal préparé. Le réseau compte "
    "140.000 voyageurs par jour, d'après l'opérateur Semitan. Plusieurs villes françaises, "
    "dont Dunkerque et Montpellier, ont déjà fait ce choix ces dernières années. "
)
STATEMENT = (
    "La métropole de Nantes rendra le tramway gratuit le week-end à partir de janvier, a "
    "annoncé lundi sa présidente, Claire Moreau. "
)
REST = (
    "Le coût pour la collectivité est estimé à 6 millions d'euros par an. Les bus resteront "
    "payants pour le moment, a précisé Claire Moreau. Un premier bilan sera présenté aux "
    "habitants à la fin de l'année prochaine."
)


def first_bullet(body: str, **settings: float) -> str:
    # The headline's statement first (``article_order`` off), so that the first bullet
    # shows which sentence the selection took for it.
    settings = {"article_order": False, **settings}
    pipeline = Pipeline(Settings(keypoints=KeyPointSettings(**settings)))  # type: ignore[arg-type]
    digest = pipeline.digest(body, lang="fr", title=TITLE)
    return digest.keypoints[0].text


def test_a_sixth_sentence_that_states_the_headline_comes_first() -> None:
    first = first_bullet(CONTEXT + STATEMENT + REST)
    assert "tramway gratuit le week-end" in first, first


def test_without_the_later_look_the_early_candidates_only() -> None:
    first = first_bullet(CONTEXT + STATEMENT + REST, later_margin=0.0)
    assert "tramway" not in first, first


def test_a_later_repetition_does_not_pass_a_lead_that_states_the_event() -> None:
    # The lead states the event; a later reaction repeats one more of the headline's words
    # (« week-end »): the lead stays the first bullet.
    lead = (
        "La métropole de Nantes rendra le tramway gratuit le samedi et le dimanche, a annoncé "
        "lundi sa présidente, Claire Moreau. "
    )
    reaction = (
        "« Le tramway gratuit le week-end, c'est une victoire pour Nantes », a réagi "
        "Paul Lemoine, porte-parole de l'association des usagers. "
    )
    first = first_bullet(lead + CONTEXT + reaction + REST)
    assert first.startswith("La métropole de Nantes rendra le tramway gratuit"), first
