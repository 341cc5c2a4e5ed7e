"""Sentence boundaries: spaCy's, mended where news text copied out of HTML misleads it."""

from __future__ import annotations

import pytest

from essentiel.analyze import pipeline, sentences_of


def split(text: str, lang: str = "fr") -> list[str]:
    return [s.text for s in sentences_of(pipeline(lang)(text))]


# Paragraphs glued without a space, the way text extracted from a page often arrives.
GLUED = (
    "La préfecture a confirmé la fermeture du site jusqu'à la rentrée.Selon le maire, "
    "les travaux dureront trois mois. Le chantier est suivi par l'Agence régionale de santé "
    '(ARS)."Nous ne prendrons aucun risque", a assuré sa directrice. Le taux de remplissage '
    "reste faible (12%).Les syndicats dénoncent « un gâchis ».Ils manifesteront samedi."
)


def test_glued_paragraphs_are_split() -> None:
    assert split(GLUED) == [
        "La préfecture a confirmé la fermeture du site jusqu'à la rentrée.",
        "Selon le maire, les travaux dureront trois mois.",
        "Le chantier est suivi par l'Agence régionale de santé (ARS).",
        '"Nous ne prendrons aucun risque", a assuré sa directrice.',
        "Le taux de remplissage reste faible (12%).",
        "Les syndicats dénoncent « un gâchis ».",
        "Ils manifesteront samedi.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Les U.S.A. et la Chine ont signé un accord commercial mardi à Genève.",
        "Le texte a été publié sur lemonde.fr et repris par 3.5 millions de lecteurs.",
    ],
)
def test_abbreviations_addresses_and_decimals_are_not_cut(text: str) -> None:
    assert split(text) == [text]


def test_a_closing_straight_quote_stays_with_its_sentence() -> None:
    text = (
        'Le ministre a lancé: "la majorité assume le vide!"De son côté, '
        "l'opposition réclame un débat au Parlement."
    )
    assert split(text) == [
        'Le ministre a lancé: "la majorité assume le vide!"',
        "De son côté, l'opposition réclame un débat au Parlement.",
    ]


def test_an_opening_straight_quote_goes_with_the_next_sentence() -> None:
    text = (
        'La décision des juges a été rendue jeudi soir."Je ne peux que la regretter", '
        "a réagi l'avocat de la famille."
    )
    assert split(text) == [
        "La décision des juges a été rendue jeudi soir.",
        '"Je ne peux que la regretter", a réagi l\'avocat de la famille.',
    ]


def test_english_glued_paragraphs_are_split() -> None:
    text = "The council voted on Tuesday.Officials said the plan would cost $4m."
    assert split(text, "en") == [
        "The council voted on Tuesday.",
        "Officials said the plan would cost $4m.",
    ]
