"""The reader's measure, ``back_en`` (bench/keypoint_defects.py, ``clitic_back``): « en » on the
bullet's main verb standing for something the box does not show. Original sentences."""

from __future__ import annotations

import pytest

from essentiel.analyze import ParsedSentence, pipeline

from .conftest import keypoint_defects_script


def _clitic(text: str, after_previous: bool = False) -> str | None:
    script = keypoint_defects_script()
    sentence = ParsedSentence(block=0, offset=0, span=pipeline("fr")(text)[:], lang="fr")
    tokens = list(sentence.span)
    return script.clitic_back(sentence, tokens, script.Words.of("fr"), after_previous)


@pytest.mark.parametrize(
    ("text", "back"),
    [
        # The occasion, the thing explained: said in a sentence the box does not show.
        ("Nommée en mars dernier, Claire Morvan en a profité pour répondre à ses critiques.", True),
        ("Le maire de Quimper en a profité pour annoncer la rénovation du port.", True),
        ("L'explication en a été donnée mardi 3 mars par son frère, Paul Morvan.", True),
        # Idioms: the pronoun stands for nothing said before.
        ("Si l'on en croit la préfecture, la route de Brest rouvrira lundi.", False),
        ("On en sait plus sur le marin disparu au large de Brest mardi soir.", False),
        ("Le maire de Quimper ne compte pas en rester là après ce vote.", False),
        # « n'en démord pas »: never let go, the verb is never said without « en ».
        ("Le maire de Quimper n'en démord pas : la piscine fermera en juin.", False),
        # A count of a noun the bullet names before it.
        ("Le club de Brest comptait 40 joueurs, celui de Quimper en avait 25.", False),
        ("Parmi les 40 candidats, le jury de Brest en a retenu 12.", False),
        # In a clause of its own: the noun it stands for is in the bullet.
        ("Les élèves ont vu une vidéo qui en a choqué plus d'un au lycée de Brest.", False),
        # The speaker's words.
        ('"Nous en avons parlé longuement avec les pêcheurs", a déclaré le maire de Brest.', False),
        # « y » is not counted (told by the headline or the bullet above, most of the time).
        ("Seulement 20 % des habitants de Brest s'y rendent chaque semaine.", False),
    ],
)
def test_en_on_the_main_verb_points_back(text: str, back: bool) -> None:
    assert (_clitic(text) is not None) is back


def test_en_after_its_sentence_before_in_the_box_is_no_defect() -> None:
    text = "Le maire de Quimper en a profité pour annoncer la rénovation du port."
    assert _clitic(text, after_previous=True) is None
