"""A quote over two sentences that a named speaker's verb of speech opens inside the narration
(« la ministre Anne Morvan a estimé que ce n'était "pas un drame. J'imagine que ... " »): the
quote the headline repeats, now a bullet whole with its speaker (issue 33, eighteenth
session). Before, only a quote opening its sentence, or after a colon, could. Original
sentences."""

from __future__ import annotations

import pytest

from essentiel.pipeline import Pipeline

TITLE = 'Pour Anne Morvan, la grève des éboueurs est "une colère qui retombera vite"'
BODY = (
    "La grève des éboueurs de Brest entre dans sa deuxième semaine.\n\n"
    "Les sacs s'entassent dans les rues du centre-ville et la mairie a installé des bennes "
    "provisoires sur le port.\n\n"
    "Interrogée lundi sur France Bleu Breizh Izel, la ministre Anne Morvan a estimé que ce "
    "n'était \"pas un drame, mais il faut écouter les agents. J'imagine que c'est une colère "
    'qui retombera vite."\n\n'
    "Les syndicats demandent une prime de 150 euros par mois.\n\n"
    "Une réunion est prévue jeudi à la préfecture du Finistère.\n\n"
    "La dernière grève des éboueurs de la ville remonte à 2016."
)


def _before_mark(text: str) -> list:  # type: ignore[type-arg]
    from essentiel.analyze import pipeline

    doc = pipeline("fr")(text)
    mark = next(t.i for t in doc if t.text in {'"', "«"})
    return list(doc[:mark])


@pytest.mark.parametrize(
    ("text", "opens"),
    [
        # A named speaker's verb of speech hands over to the quote.
        ('La ministre Anne Morvan a estimé que ce n\'était "pas un drame. Je le crois."', True),
        # After a colon, as before.
        ('Anne Morvan a déclaré : "Ce n\'est pas un drame. Je le crois."', True),
        # No verb of speech: a sentence of its own glued to the quote.
        ('Une grève qui ne finira pas comme prévu..."Ce conflit est absurde. Je le crois."', False),
        # A verb of speech with nobody named as its subject.
        ('Elle a estimé que ce n\'était "pas un drame. Je le crois."', False),
    ],
)
def test_what_may_stand_before_a_quote_that_opens_a_bullet(text: str, opens: bool) -> None:
    from essentiel.keypoints import _opens_on_quote

    assert _opens_on_quote(_before_mark(text), "fr") is opens


def test_the_headline_quote_opened_in_the_narration_is_a_bullet(pipeline: Pipeline) -> None:
    digest = pipeline.digest(BODY, lang="fr", title=TITLE)
    said = [k.text for k in digest.keypoints]
    quoted = [t for t in said if "colère qui retombera vite" in t]
    assert len(quoted) == 1, said
    assert "Anne Morvan a estimé" in quoted[0]
    assert quoted[0].endswith('qui retombera vite."')
    assert all(k.verdict.passed for k in digest.keypoints)
