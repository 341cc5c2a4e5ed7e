"""A cleft whose fronted phrase points back (issue 33, twenty-second session): « C'est dans ce
climat tendu que la directrice a présenté son projet aux 300 parents ». The sentence was
refused for its « ce climat » (``select.adjunct_cleft``), and a box whose only statement of the
headline's event was such a cleft missed it; the clause after « que » is now the fact, the
frame dropped (``[compress] pointing_labels``), when it has a subject of its own and a fact of
its own (a figure, a name after its verb). Original sentences."""

from __future__ import annotations

import pytest

from essentiel import resources
from essentiel.pipeline import Pipeline

TITLE = "À 79 ans, une retraitée de Lannion saute en parachute"
BODY = (
    "On dit souvent que l'âge n'est qu'un chiffre quand on aime les sensations fortes.\n\n"
    "C'est semble-t-il dans cet état d'esprit que Jeanne Le Bris, une retraitée de Lannion "
    "âgée de 79 ans, a sauté en parachute samedi au-dessus de la baie de Saint-Brieuc.\n\n"
    "Accompagnée d'un moniteur, elle a chuté pendant près d'une minute avant l'ouverture de "
    "la voile.\n\n"
    "Sa petite-fille avait filmé la scène depuis l'aérodrome.\n\n"
    "La vidéo a été vue plusieurs milliers de fois sur les réseaux sociaux.\n\n"
    "Le club de parachutisme de la baie accueille chaque année une dizaine de sauteurs de plus "
    "de 70 ans."
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
            "C'est dans ce climat tendu que la directrice a présenté son projet aux 300 parents.",
            "la directrice a présenté son projet aux 300 parents.",
        ),
        (
            "C'est donc avec cette somme que la commune a rénové la piscine de Morlaix.",
            "la commune a rénové la piscine de Morlaix.",
        ),
    ],
)
def test_a_cleft_on_a_phrase_that_points_back_is_a_label(text: str, rest: str) -> None:
    assert _label(text) == rest
    assert _alone(text)


@pytest.mark.parametrize(
    "text",
    [
        # A pronoun subject after « que »: whom it stands for is elsewhere.
        "C'est dans ce climat tendu qu'il a présenté son projet aux parents.",
        # The clause tells only what the article takes as known: the cleft's news was its
        # fronted phrase, and without it no fact of its own (a figure, a name after the verb).
        "C'est dans ce climat tendu que Jean Dupont a lancé sa nouvelle émission.",
        # The words said are the verb's own complement: without them « qualifie » says nothing.
        "C'est en ces termes que Brigitte Le Goff qualifie le maire de Quimper en 2019.",
        # A capitalised word before the preposition is no adverb: not this cleft.
        "C'est Morlaix avec cette somme que la commune veut aider.",
    ],
)
def test_a_cleft_whose_clause_cannot_stand_stays_out(text: str) -> None:
    assert not _alone(text)


def test_a_cleft_on_a_place_is_read_as_before() -> None:
    """« C'est à Brest que ... » points at nothing: it stands whole, no frame dropped."""
    text = "C'est à Brest que le salon nautique ouvrira ses portes en juin."
    assert _label(text) == text
    assert _alone(text)


def test_the_headline_event_in_such_a_cleft_is_the_first_bullet(pipeline: Pipeline) -> None:
    digest = pipeline.digest(BODY, lang="fr", title=TITLE)
    texts = [k.text for k in digest.keypoints]
    stating = [t for t in texts if "a sauté en parachute" in t]
    assert stating, texts
    assert stating[0].startswith("Jeanne Le Bris")
    assert all("C'est" not in t for t in texts)
    assert all(k.verdict.passed for k in digest.keypoints)


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        # « que » parsed as a conjunction.
        (
            "C'est dans ce contexte tendu que le maire de Brest a évoqué Jean Dupont, "
            "l'ancien président du club de 1995 à 2007.",
            "le maire de Brest a évoqué Jean Dupont, l'ancien président du club de 1995 à 2007.",
        ),
        # « que » parsed as a relative pronoun, the clause as a relative one on the noun.
        (
            "C'est après ce match que Paul Kervella a rejoint le club de Lannion en 2007.",
            "Paul Kervella a rejoint le club de Lannion en 2007.",
        ),
    ],
)
def test_the_bullet_drops_the_cleft_frame(text: str, rest: str) -> None:
    """A sentence that stands for its clause must lose its frame in the bullet, however the
    parse hung the clause: kept, « ce contexte » would point back."""
    from essentiel.analyze import pipeline, sentences_of
    from essentiel.keypoints.compress import Compressor

    span = sentences_of(pipeline("fr")(text))[0]
    compressed = Compressor(resources.language("fr")).compress(span, 0, 30, 40)
    assert _alone(text)
    assert "pointing_label" in compressed.removed
    assert text[compressed.fragments[0][0] :] == rest
