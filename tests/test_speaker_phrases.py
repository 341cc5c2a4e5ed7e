"""Speaker phrases that are no noun phrase (issue 32): an adjective of the incise taken for
its subject, a heading glued to the cue's sentence, a clause before a colon, the relative
« dont » beside the subject. Original sentences written for these tests."""

from __future__ import annotations

from essentiel.pipeline import Pipeline

from .conftest import digest_fr as _digest
from .conftest import quote_starting as _quote


def test_an_adjective_of_the_incise_is_not_who_speaks(pipeline: Pipeline) -> None:
    # The parser makes « ironique » the subject of « lancé »; the name after the verb speaks.
    d = _digest(
        pipeline,
        '"Tu es en retard !" très ironique avait alors glissé Sarkozy à un Hollande resté '
        "sans voix.",
    )
    quote = _quote(d, "Tu es en retard")
    assert quote.speaker_name == "Sarkozy"
    d = _digest(
        pipeline,
        '"Bonne chance pour la suite !" très ironique avait alors lancé Juppé à un Fillon '
        "resté sans voix.",
    )
    assert _quote(d, "Bonne chance").speaker_name == "Juppé"


def test_a_heading_glued_to_the_sentence_is_not_part_of_its_subject(pipeline: Pipeline) -> None:
    d = _digest(
        pipeline,
        'Le texte a été déposé hier au Sénat par la majorité. Des réformes "toujours '
        'attendues"Dans son courrier, le député a rappelé que la commission avait rendu ses '
        "conclusions dès le mois de mars.",
    )
    quote = _quote(d, "la commission avait rendu")
    assert quote.speaker is not None
    assert quote.speaker.text == "le député"


def test_a_clause_before_a_colon_is_no_speaker(pipeline: Pipeline) -> None:
    d = _digest(
        pipeline,
        "Les deux hommes se sont rencontrés en 1980. Leur premier rendez-vous dure dix minutes "
        ': "Vous savez conduire une moto ? Alors vous êtes engagé". Le ministre a ensuite '
        "tenu parole.",
    )
    quote = _quote(d, "Vous savez conduire")
    assert quote.speaker_name is None or "dure" not in quote.speaker_name


def test_the_relative_dont_is_left_out_of_the_speaker(pipeline: Pipeline) -> None:
    d = _digest(
        pipeline,
        "Le secrétaire d'Etat a essuyé mardi un refus du Tchad, dont le gouvernement a dit ne "
        'pas avoir "de feu vert" pour ouvrir des discussions avec Paris.',
    )
    assert _quote(d, "de feu vert").speaker_name == "le gouvernement"
