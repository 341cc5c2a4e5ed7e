"""A part of a group (« certaines d'entre elles ») and a time counted from another event
(« cinq semaines plus tard ») point at a sentence the bullet does not hold (judged round
40); an elided word in a listed phrase is matched as the tokenizer cuts it."""

from __future__ import annotations

import pytest

from essentiel.analyze import ParsedSentence, pipeline
from essentiel.keypoints.pointing import points_back


def _points_back(text: str) -> str | None:
    sentence = ParsedSentence(block=0, offset=0, span=pipeline("fr")(text)[:], lang="fr")
    return points_back(sentence, [(0, len(text))], "fr")


@pytest.mark.parametrize(
    "text",
    [
        "Dans les colonnes d'un hebdomadaire, le présentateur est revenu sur certaines d'entre elles.",
        "La plupart d'entre eux ont été relâchés dans la soirée sans poursuites.",
        "Vendredi, cinq semaines plus tard, le gouverneur a ordonné la fermeture des bars.",
        "Trois jours plus tard, la préfecture du Finistère a levé l'arrêté.",
        # « d'après » is two tokens: the listed « toujours d'après » was never matched.
        "Toujours d'après la préfecture, l'incendie est désormais fixé.",
    ],
)
def test_a_group_or_a_time_of_another_sentence_points_back(text: str) -> None:
    # A part of a group is a count of what the box did not introduce; a time, a phrase.
    expected = "back_count" if "d'entre" in text else "back_phrase"
    assert _points_back(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Parmi les blessés, trois d'entre eux ont été transportés à l'hôpital de Brest.",
        "Les enquêteurs ont interrogé dix témoins et la plupart d'entre eux ont confirmé les faits.",
        "Arrêté en 2010, il a été libéré trois ans plus tard par la cour d'appel de Rennes.",
        # The group inside a complement the parse hangs anywhere (three train and validation
        # boxes the first version of the rule refused).
        "Alors que la radio a publié jeudi la liste des invités du maire lors de ses dîners, "
        "certains d'entre eux tiennent à nuancer les affirmations de la presse.",
        "Un millier de manifestants se sont réunis sur la place centrale de Rennes, et une "
        "vingtaine d'entre eux ont été interpellés par la police.",
    ],
)
def test_a_group_or_an_event_the_bullet_holds_does_not(text: str) -> None:
    assert _points_back(text) not in {"back_phrase", "back_count"}
