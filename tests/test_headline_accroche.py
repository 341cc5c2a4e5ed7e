"""An accroche before a colon, then the fact (issue 33, eighteenth session): « C'est une scène
peu courante à laquelle ... : une octogénaire a séquestré ... ». The sentence was refused for
its opening « C'est », and the box missed the headline's event; the accroche is now dropped
when what follows the colon stands as a sentence, and kept out when it says whose words or
findings follow. Original sentences."""

from __future__ import annotations

import pytest

from essentiel import resources
from essentiel.pipeline import Pipeline

TITLE = "Quimper : un retraité bloque la rocade avec son tracteur pour protester contre un radar"
BODY = (
    "C'est une scène insolite à laquelle ont assisté les automobilistes mardi 3 mai à Quimper "
    ": furieux contre un radar installé devant sa ferme, un retraité a bloqué la rocade avec "
    "son tracteur pendant deux heures, rapporte Le Télégramme.\n\n"
    "Les gendarmes ont dû dévier la circulation par le centre-ville.\n\n"
    "L'agriculteur, âgé de 71 ans, a été entendu dans l'après-midi par les enquêteurs.\n\n"
    "Le radar avait été posé au mois de mars par la direction des routes.\n\n"
    "Une pétition contre l'appareil a déjà recueilli plusieurs centaines de signatures.\n\n"
    "La préfecture n'a pas souhaité commenter l'incident."
)


def _alone(text: str) -> bool:
    from essentiel.analyze import ParsedSentence, pipeline, sentences_of
    from essentiel.keypoints.select import stands_alone

    span = sentences_of(pipeline("fr")(text))[0]
    return stands_alone(ParsedSentence(0, 0, span, "fr"), resources.language("fr"))


def _label(text: str) -> str:
    from essentiel.keypoints.compress import pointing_label_end

    return text[pointing_label_end(text, "fr") :]


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        (
            "C'est une scène insolite à laquelle ont assisté les automobilistes à Quimper : "
            "un retraité a bloqué la rocade avec son tracteur.",
            "un retraité a bloqué la rocade avec son tracteur.",
        ),
        (
            "Ce n'est pas une surprise : les ventes de parapluies ont bondi en novembre.",
            "les ventes de parapluies ont bondi en novembre.",
        ),
    ],
)
def test_an_accroche_before_a_colon_is_a_label(text: str, rest: str) -> None:
    assert _label(text) == rest
    assert _alone(text)


@pytest.mark.parametrize(
    "text",
    [
        # Whose words or findings follow: without it, the fact would lose its source.
        "C'est ce qu'a annoncé le maire de Brest : les bus seront gratuits le samedi.",
        "C'est la conclusion d'un rapport publié mardi : les prisons bretonnes sont pleines.",
        # Pointing at the sentence before.
        "C'est ainsi que tout a commencé : le retraité a bloqué la rocade avec son tracteur.",
    ],
)
def test_an_accroche_that_gives_a_source_or_points_back_stays(text: str) -> None:
    assert _label(text) == text
    assert not _alone(text)


@pytest.mark.parametrize(
    "text",
    [
        # No verb after the colon: a noun phrase, the accroche's own complement.
        "C'est l'une des mesures phares du budget de la ville : la gratuité des bus le samedi.",
        # A pronoun subject after the colon: whom it stands for is elsewhere.
        "C'est une scène insolite à laquelle ont assisté les automobilistes : il a bloqué la "
        "rocade avec son tracteur.",
    ],
)
def test_an_accroche_before_what_cannot_stand_keeps_the_sentence_out(text: str) -> None:
    assert not _alone(text)


def test_the_headline_event_after_an_accroche_is_the_first_bullet(pipeline: Pipeline) -> None:
    digest = pipeline.digest(BODY, lang="fr", title=TITLE)
    first = digest.keypoints[0].text
    # The accroche goes (its « Quimper » is the headline's, which stands above the box).
    assert first.startswith(
        "Furieux contre un radar installé devant sa ferme, un retraité a bloqué"
    )
    assert "C'est" not in first
    assert digest.keypoints[0].verdict.passed
