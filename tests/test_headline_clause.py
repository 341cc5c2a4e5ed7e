"""The headline's statement cut to its main clause when it is too long as it is (issue 33,
item 2): what stands before the subject goes, the attribution, the figures and the dates stay.
Original sentences, written for these tests in the style of news pages."""

from __future__ import annotations

from typing import Any

import pytest

from essentiel import Pipeline, resources
from essentiel.analyze import pipeline, sentences_of
from essentiel.keypoints import KeyPointSettings
from essentiel.keypoints.compress import Compressor
from essentiel.pipeline import Settings

FR = resources.language("fr")

TITLE = "Saint-Priest : un mineur de 15 ans mis en examen après la mort d'un policier"
LEAD = (
    "Interpellé mercredi dans le cadre de l'enquête sur la mort d'un policier fauché par un "
    "fourgon de livraison à la sortie d'un entrepôt de la zone industrielle de Saint-Priest, un "
    "mineur de 15 ans a été mis en examen vendredi pour homicide volontaire, a annoncé le "
    "parquet de Lyon."
)
REST = (
    "Le policier, âgé de 34 ans, tentait de contrôler le véhicule. "
    "Deux autres personnes ont été placées en garde à vue jeudi. "
    "Le ministre a salué la mémoire du fonctionnaire. "
    "Une marche blanche est prévue dimanche dans la commune."
)


def cut(text: str, clause: bool, target: int = 25, limit: int = 40) -> tuple[str, list[str]]:
    sent = sentences_of(pipeline("fr")(text))[0]
    result = Compressor(FR).compress(sent, 0, target, limit, clause=clause)
    return "".join(text[a:b] for a, b in result.fragments), result.removed


def test_the_clause_cut_takes_the_fronted_participle_and_keeps_cue_figures_and_dates() -> None:
    kept, removed = cut(LEAD, clause=True)
    assert "fronted_clause" in removed
    assert kept.startswith("un mineur de 15 ans a été mis en examen vendredi"), kept
    assert kept.endswith("a annoncé le parquet de Lyon."), kept
    assert "Interpellé" not in kept


def test_without_the_clause_cut_the_fronted_participle_stays() -> None:
    kept, removed = cut(LEAD, clause=False)
    assert "fronted_clause" not in removed
    assert kept.startswith("Interpellé mercredi"), kept


@pytest.mark.parametrize(
    "text",
    [
        # A clause with its own verb is a condition of the claim, not a fronted phrase.
        "Si le tribunal administratif valide le projet présenté par la préfecture au début du "
        "mois, la nouvelle ligne de tramway reliera le centre-ville à l'aéroport dès 2027.",
        # Whose claim it is stays.
        "Selon le parquet de Rennes qui a ouvert une enquête pour homicide involontaire dès "
        "lundi soir, le conducteur du car roulait à plus de 110 km/h au moment de l'accident.",
        # A pronoun after the fronted phrase names nobody without it.
        "Âgé de 70 ans et installé depuis trente ans dans la petite commune de Plouguerneau, "
        "il a été condamné mardi à deux ans de prison avec sursis pour fraude fiscale.",
    ],
)
def test_what_the_clause_cut_never_takes(text: str) -> None:
    _, removed = cut(text, clause=True, target=10)
    assert "fronted_clause" not in removed


def test_the_fronted_apposition_goes_before_a_named_subject() -> None:
    text = (
        "Ancien maire de la commune de 1995 à 2008 et conseiller régional pendant douze ans, "
        "Bernard Lemoal est décédé vendredi à l'âge de 81 ans, a annoncé sa famille."
    )
    kept, removed = cut(text, clause=True, target=15)
    assert "fronted_clause" in removed
    assert kept.startswith("Bernard Lemoal est décédé vendredi à l'âge de 81 ans"), kept


def test_a_fronted_clause_that_holds_most_of_the_headline_stays() -> None:
    # Under a headline about the policeman's death, the fronted clause holds the event: the
    # cut would keep the arrest and lose the news the bullet was chosen for.
    sent = sentences_of(pipeline("fr")(LEAD))[0]
    keep = frozenset(t.i for t in sent if t.lower_ in {"policier", "fauché", "fourgon", "mort"})
    result = Compressor(FR).compress(sent, 0, 25, 40, keep=keep, clause=True)
    assert "fronted_clause" not in result.removed


def _first(**settings: Any) -> str:
    engine = Pipeline(Settings(keypoints=KeyPointSettings(**settings)))
    digest = engine.digest(LEAD + "\n\n" + REST, lang="fr", title=TITLE)
    return str(digest.keypoints[0].text)


def test_the_headline_statement_too_long_is_cut_to_its_main_clause() -> None:
    first = _first()
    assert first.startswith("Un mineur de 15 ans a été mis en examen vendredi"), first
    assert "a annoncé le parquet de Lyon" in first


def test_without_the_clause_cut_the_box_opens_on_a_side_detail() -> None:
    # The same article with the clause cut off: the lead is 49 words that no other cut may
    # shorten (they hold the headline's words), and the box opens elsewhere.
    assert not _first(headline_clause=False).startswith("Un mineur"), "the lead made it whole"


def test_a_statement_no_cut_brings_under_the_limit_stands_whole_a_few_words_over() -> None:
    # The lead is 49 words; the limit of the first bullet is 46. Its main clause is tried first
    # (above); without it, the lead stands whole rather than a side detail
    # (``headline_whole_words``: up to 50), and with neither the box opens elsewhere.
    whole = _first(headline_clause=False)
    assert whole == LEAD, whole
    assert not _first(headline_clause=False, headline_whole_words=0).startswith("Interpellé")
    assert not _first(headline_clause=False, headline_whole_words=0).startswith("Un mineur")


def test_the_clause_cut_keeps_the_figures_of_the_main_clause() -> None:
    text = (
        "Interpellée mardi à la sortie d'un supermarché du centre-ville de Lorient, une femme "
        "de 41 ans a été condamnée jeudi à verser 12.000 euros à la commune (dont 3.000 euros "
        "de dommages et intérêts), a indiqué le tribunal."
    )
    kept, removed = cut(text, clause=True, target=10)
    assert "fronted_clause" in removed
    assert "3.000 euros" in kept and "12.000 euros" in kept, kept


def test_a_fronted_phrase_with_its_own_relative_clause_goes_whole() -> None:
    # The relative clause (with its auxiliary and its quote) describes the visit: it is part
    # of the fronted phrase, not the main clause, and goes with it.
    text = (
        "Après la visite très critiquée du ministre de la Santé dans un hôpital de Lorient, "
        'qu\'il avait annoncée comme une "simple formalité" la semaine dernière, le gouvernement '
        "assure qu'aucune fermeture de service ne sera décidée avant l'été dans les hôpitaux "
        "de Bretagne."
    )
    kept, removed = cut(text, clause=True)
    assert "fronted_clause" in removed
    assert kept.startswith("le gouvernement assure qu'aucune fermeture de service"), kept


def test_an_attribution_before_the_relative_keeps_the_fronted_phrase() -> None:
    # « Comme l'a indiqué le préfet »: whose claim the main clause is; the relative after it
    # does not make it a description.
    text = (
        "Comme l'a indiqué le préfet de la Manche, qui s'est rendu sur place mardi matin avec "
        "les pompiers, la route départementale restera fermée jusqu'à lundi entre les deux "
        "communes du canton."
    )
    _, removed = cut(text, clause=True, target=10)
    assert "fronted_clause" not in removed


def test_the_clause_cut_takes_the_tail_of_relatives_and_participles() -> None:
    # A relative clause followed by a participle phrase: no rule of the table takes either
    # (the relative is neither the last segment nor before the main verb).
    text = (
        "Le lancement depuis la Guyane d'un satellite observant peut-être les océans, le "
        "Sentinel-7, a été salué mardi par le patron de l'agence spatiale européenne, qui a dit "
        "vouloir désormais donner la priorité à l'étude du climat, longtemps délaissée au "
        "profit de l'exploration de Mars."
    )
    kept, removed = cut(text, clause=True)
    assert "trailing_tail" in removed
    assert kept.endswith("a été salué mardi par le patron de l'agence spatiale européenne."), kept
    _, without = cut(text, clause=False)
    assert "trailing_tail" not in without


@pytest.mark.parametrize(
    ("text", "stays"),
    [
        # Another claim after the relative: its own subject and finite verb.
        (
            "La mairie de Villeneuve a fermé mardi la piscine Jean-Moulin, qui était trop "
            "vétuste, et le maire a promis un nouveau bassin couvert aux habitants du quartier "
            "pour la rentrée.",
            "et le maire a promis",
        ),
        # Whose claim it is.
        (
            "La route départementale restera fermée jusqu'à lundi soir entre les deux communes, "
            "entraînant de longs détours pour les habitants, a indiqué mercredi la préfecture "
            "de la Manche.",
            "a indiqué mercredi la préfecture",
        ),
    ],
)
def test_what_the_tail_cut_never_takes(text: str, stays: str) -> None:
    kept, removed = cut(text, clause=True, target=10)
    assert "trailing_tail" not in removed
    assert stays in kept, kept
