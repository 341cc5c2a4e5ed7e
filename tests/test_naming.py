"""A person the box describes but does not name gets the name in brackets after the
description (``keypoints/naming.py``), on articles we wrote, both ways."""

from __future__ import annotations

import pytest

from essentiel import Pipeline
from essentiel.analyze import ParsedSentence, pipeline
from essentiel.check.verifier import Insertion, check_insertions
from essentiel.keypoints import KeyPointSettings
from essentiel.keypoints.naming import _description_end
from essentiel.model import Span
from essentiel.pipeline import Settings

TITLE = "Bertrand Kerjean promet 300 millions d'euros aux ports bretons"
ARTICLE = (
    "Bertrand Kerjean a présenté lundi à Brest un plan pour les ports de Bretagne. "
    "Les pêcheurs de Douarnenez attendaient ce plan depuis deux ans. "
    "Le ministre de la Mer a promis 300 millions d'euros aux ports bretons d'ici 2026, selon "
    "un communiqué du ministère. "
    "La région Bretagne ajoutera 40 millions d'euros pour la criée de Lorient. "
    "Les travaux commenceront au printemps dans le port de Concarneau."
)


def _box(title: str, article: str, **fields: bool) -> list[str]:
    settings = Settings(keypoints=KeyPointSettings(**fields))  # type: ignore[arg-type]
    digest = Pipeline(settings).digest(article, lang="fr", title=title, published="2024-03-12")
    assert all(p.verdict.passed for p in digest.keypoints)
    return [p.text for p in digest.keypoints]


def test_the_one_person_of_the_headline_is_named_after_his_description() -> None:
    box = _box(TITLE, ARTICLE, name_descriptions=True)
    assert any("Le ministre de la Mer [Bertrand Kerjean] a promis" in b for b in box)
    # Off by default (the audits: experiments/naming_audit.py).
    assert not any("[Bertrand Kerjean]" in b for b in _box(TITLE, ARTICLE))


def test_two_persons_in_the_headline_name_nobody() -> None:
    title = "Bertrand Kerjean et Anne Le Goff promettent 300 millions aux ports bretons"
    article = ARTICLE.replace(
        "Bertrand Kerjean a présenté", "Anne Le Goff et Bertrand Kerjean ont présenté"
    )
    on = Settings(keypoints=KeyPointSettings(name_descriptions=True))
    digest = Pipeline(on).digest(article, lang="fr", title=title, published="2024-03-12")
    # The text ties the description to one of them (the guess the headline cannot confirm).
    assert any(m.span.text == "Le ministre" for e in digest.entities for m in e.mentions)
    assert not any("Kerjean]" in p.text or "Goff]" in p.text for p in digest.keypoints)


def _end(text: str, description: str) -> str | None:
    doc = pipeline("fr")(text)
    sentence = ParsedSentence(block=0, offset=0, span=doc[:], lang="fr")
    start = text.index(description)
    head_end = start + len(description.split(" de ")[0].split(" lors")[0])
    at = _description_end(sentence, start, head_end)
    return None if at is None else text[start:at]


@pytest.mark.parametrize(
    ("text", "description", "named"),
    [
        (
            "Le ministre de la Mer a promis 300 millions aux ports bretons.",
            "Le ministre",
            "Le ministre de la Mer",
        ),
        # Not an adjunct of the verb that the parse hung on the noun.
        (
            "« Le port rouvrira lundi », a précisé le Premier ministre lors de la séance.",
            "le Premier ministre",
            "le Premier ministre",
        ),
        # A name right after the description is its own: nothing to add.
        (
            "Le maire de Brest Paul Kervella a inauguré la criée samedi.",
            "Le maire",
            None,
        ),
        # An indefinite description is nobody the text told of.
        ("Un ministre a promis 300 millions aux ports bretons.", "Un ministre", None),
    ],
)
def test_where_the_name_goes(text: str, description: str, named: str | None) -> None:
    assert _end(text, description) == named


def test_a_wrong_name_after_a_description_fails_the_verifier() -> None:
    text = "Bertrand Kerjean a présenté un plan. Le ministre de la Mer a promis 300 millions."
    start = text.index("Le ministre")
    replaced = Span(start=start, end=start + 21, text=text[start : start + 21])
    evidence = Span(start=0, end=16, text="Bertrand Kerjean")
    insertion = Insertion(replaced=replaced, names=("Bertrand Kerjean",), evidence=evidence)
    _, problems = check_insertions(
        "Le ministre de la Mer [Bertrand Kerjean] a promis.", [insertion]
    )
    assert not problems
    _, problems = check_insertions("Le ministre de la Mer [Anne Le Goff] a promis.", [insertion])
    assert problems


def test_a_bullet_that_names_its_subject_is_no_unnamed_description() -> None:
    from essentiel.keypoints.naming import Naming, names_subject

    text = "Le ministre de la Mer a promis 300 millions au maire de Brest."
    doc = pipeline("fr")(text)
    sentence = ParsedSentence(block=0, offset=0, span=doc[:], lang="fr")
    evidence = Span(start=0, end=16, text="Bertrand Kerjean")
    replaced = Span(start=0, end=21, text=text[:21])
    subject = Naming(
        0, 21, 0, "Bertrand Kerjean", Insertion(replaced, ("Bertrand Kerjean",), evidence)
    )
    named = "Le ministre de la Mer [Bertrand Kerjean] a promis 300 millions au maire de Brest."
    assert names_subject(sentence, [subject], named)
    assert not names_subject(sentence, [subject], text)
    at = text.index("maire de Brest") - 3
    other = Naming(
        at, at + 17, 1, "Paul Kervella", Insertion(replaced, ("Paul Kervella",), evidence)
    )
    assert not names_subject(sentence, [other], text[:at] + "au maire de Brest [Paul Kervella].")


def test_a_feminine_description_is_no_man_by_his_first_name() -> None:
    text = "« Le port rouvrira lundi », a expliqué la secrétaire d'État."
    doc = pipeline("fr")(text)
    sentence = ParsedSentence(block=0, offset=0, span=doc[:], lang="fr")
    start = text.index("la secrétaire")
    end = start + len("la secrétaire")
    assert _description_end(sentence, start, end, "Didier Kervella") is None
    assert _description_end(sentence, start, end, "Anne Kervella") is not None
