"""Every person in the box introduced (issue 33, item 3): a pronoun named when the sentence
before is about the person under a courtesy title or with a copula's predicate; a bare
description named after the headline's one person, named in the sentence before. Original
text written for the tests."""

from __future__ import annotations

import pytest

from essentiel import Pipeline, resources
from essentiel.check.verifier import Insertion, Verifier
from essentiel.keypoints import KeyPointSettings
from essentiel.pipeline import Settings


@pytest.fixture(scope="module")
def every_sentence() -> Pipeline:
    settings = KeyPointSettings(max_keypoints=6, min_keypoints=1, selector="lead")
    return Pipeline(Settings(keypoints=settings))


def texts(pipeline: Pipeline, body: str, title: str | None = None) -> list[str]:
    return [p.text for p in pipeline.digest(body, lang="fr", title=title).keypoints]


COURTESY = (
    "Le tribunal de Rennes a rejeté mardi la demande de remise en liberté du militant "
    "écologiste Yannick Le Goff. M. Le Goff est le fondateur du collectif écologiste et le "
    "porte-parole de l'association Rivières propres (ARP) en Bretagne. Arrêté devant la "
    "préfecture, il a été placé le 3 mars en détention provisoire dans l'attente de son procès."
)


def test_a_pronoun_after_a_courtesy_title_and_a_predicate_is_named(
    every_sentence: Pipeline,
) -> None:
    # « M. » heads the subject of the sentence before, the name hung on it; « le fondateur
    # », « le porte-parole » are what he is, « (ARP) » an acronym: no other referent.
    points = every_sentence.digest(COURTESY, lang="fr").keypoints
    named = [p for p in points if "détention" in p.text]
    assert named and named[0].text.startswith("Arrêté devant la préfecture, [Yannick Le Goff]")
    assert named[0].verdict.passed


def test_a_pronoun_after_a_rival_noun_is_not_named(every_sentence: Pipeline) -> None:
    # « le dossier » of the sentence before may be what « il » stands for.
    body = COURTESY.replace(
        "M. Le Goff est le fondateur du collectif écologiste et le porte-parole de "
        "l'association Rivières propres (ARP) en Bretagne.",
        "M. Le Goff a transmis le dossier au juge.",
    ).replace("Arrêté devant la préfecture, il a", "Selon la défense, il a")
    assert not any("[Yannick Le Goff] a été placé" in t for t in texts(every_sentence, body))


HEADLINE = "Lucie Marchand veut un référendum sur le nouveau stade"
BODY = (
    "Il faut consulter les habitants avant de signer le moindre contrat. C'est ce que "
    "réclame Lucie Marchand, dans un entretien publié jeudi par le quotidien régional. La "
    "députée estime que le projet coûtera plus de 80 millions d'euros à la métropole. Le "
    "chantier doit commencer au printemps prochain."
)


def test_a_description_of_the_headline_person_named_before_is_named(
    every_sentence: Pipeline,
) -> None:
    points = every_sentence.digest(BODY, lang="fr", title=HEADLINE).keypoints
    named = [p for p in points if "80 millions" in p.text]
    assert named and named[0].text.startswith("[Lucie Marchand] estime que le projet"), [
        p.text for p in points
    ]
    assert named[0].verdict.passed and "subject_named" in named[0].removed


@pytest.mark.parametrize(
    ("title", "body"),
    [
        # The headline names someone else the text names: the article is about two people.
        (
            "Lucie Marchand et Paul Riou veulent un référendum sur le nouveau stade",
            BODY + " Le maire Paul Riou soutient aussi cette consultation.",
        ),
        # A noun that says what she is to someone else.
        (HEADLINE, BODY.replace("La députée estime", "L'avocate estime")),
        # The description's gender is not the first name's.
        (HEADLINE, BODY.replace("La députée estime", "Le député estime")),
        # The sentence before says the noun of someone: « la députée » may be her.
        (HEADLINE, BODY.replace("publié jeudi", "accordé à la députée du Nord,")),
        # No headline: nothing says the article is about her.
        (None, BODY),
    ],
)
def test_a_description_is_not_named_without_the_evidence(
    every_sentence: Pipeline, title: str | None, body: str
) -> None:
    assert not any("[Lucie Marchand] estime" in t for t in texts(every_sentence, body, title))


def test_a_wrong_name_for_the_description_fails_the_verifier(every_sentence: Pipeline) -> None:
    points = every_sentence.digest(BODY, lang="fr", title=HEADLINE).keypoints
    point = next(p for p in points if p.text.startswith("[Lucie Marchand]"))
    check = next(c for c in point.verdict.checks if c.text == "Lucie Marchand")
    assert check.found and check.evidence is not None
    insertion = Insertion(
        replaced=check.evidence, names=("Lucie Marchand",), evidence=check.evidence
    )
    verifier = Verifier(resources.language("fr"))
    wrong = point.text.replace("[Lucie Marchand]", "[Paul Riou]")
    assert not verifier.verify(wrong, point.sources, [insertion]).passed
    assert verifier.verify(point.text, point.sources, [insertion]).passed


def test_a_demonym_of_the_headline_person_is_named_and_the_language_is_not(
    every_sentence: Pipeline,
) -> None:
    # Round 37: « La Française a été condamnée … » under a headline naming her, the model
    # tagging « Française » a place; « le français », the language, is no person.
    body = BODY.replace("La députée estime", "La Française estime")
    points = every_sentence.digest(body, lang="fr", title=HEADLINE).keypoints
    named = [p for p in points if "80 millions" in p.text]
    assert named and named[0].text.startswith("[Lucie Marchand] estime que le projet"), [
        p.text for p in points
    ]
    assert named[0].verdict.passed
    body = BODY.replace(
        "La députée estime que le projet",
        "Le français reste la langue des débats, et le projet",
    )
    assert not any("[Lucie Marchand]" in t for t in texts(every_sentence, body, HEADLINE))
