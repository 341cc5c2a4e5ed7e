"""The speaker candidates the ranking experiment gathers, and their features, on original
French text; and the shipped resolution put back after a recording."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import pytest
from tests.conftest import load_script

from essentiel.pipeline import Pipeline

script = load_script("experiments/speaker_ranking_cv.py")
FEATURES, NOBODY, RULE, recording = script.FEATURES, script.NOBODY, script.RULE, script.recording
Candidate = QuoteCandidates = Any


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def _recorded(pipe: Pipeline, text: str) -> list[QuoteCandidates]:
    with recording() as recorded:
        digest = pipe.digest(text, lang="fr", published=dt.date(2025, 3, 4))
    quotes = [q for article in recorded for q in article]
    assert len(quotes) == len(digest.quotes)
    return quotes


def _quote(quotes: list[QuoteCandidates], text: str, start: str) -> QuoteCandidates:
    found = [q for q in quotes if text[q.start : q.end].startswith(start)]
    assert len(found) == 1, [text[q.start : q.end] for q in quotes]
    return found[0]


def _named(quote: QuoteCandidates, name: str) -> Candidate:
    found = [c for c in quote.candidates if c.name == name]
    assert len(found) == 1, [c.name for c in quote.candidates]
    return found[0]


def test_the_rules_answer_is_one_candidate_and_every_row_has_every_feature(
    pipeline: Pipeline,
) -> None:
    text = (
        "Le maire de Quimper, Paul Girard, a présenté mardi le budget de la commune. "
        "« Nous ne toucherons pas aux impôts locaux », a déclaré Paul Girard devant le conseil."
    )
    quote = _quote(_recorded(pipeline, text), text, "Nous ne toucherons")
    chosen = [c for c in quote.candidates if c.features["is_rule"] == 1.0]
    assert [c.name for c in chosen] == ["Paul Girard"]
    assert chosen[0].features["in_speaker_phrase"] == 1.0
    assert all(len(c.row()) == len(FEATURES) for c in quote.candidates)


def test_a_phrase_kept_as_written_is_a_candidate_without_entity_features(
    pipeline: Pipeline,
) -> None:
    text = (
        "La mairie de Quimper a fermé deux écoles après les intempéries. "
        "« Les toitures ont été abîmées par le vent », a indiqué une source municipale."
    )
    quote = _quote(_recorded(pipeline, text), text, "Les toitures")
    phrase = [c for c in quote.candidates if c.entity == RULE]
    assert len(phrase) == 1
    assert phrase[0].features["is_rule"] == 1.0 and phrase[0].features["is_phrase"] == 1.0
    assert math.isnan(phrase[0].row()[FEATURES.index("sentences_back")])
    assert phrase[0].features["phrase_definite"] == 0.0  # « une source »: not definite


def test_the_paragraph_first_sentence_and_the_previous_speaker_are_candidates(
    pipeline: Pipeline,
) -> None:
    # Sophie Lemaire, named in the paragraph's opening sentence, is six sentences back: out of
    # the window, but a candidate as the paragraph's first-named person.
    text = (
        "La préfète du Finistère, Sophie Lemaire, a réuni les élus du département lundi. "
        "La réunion a duré trois heures. Les maires ont parlé des routes. "
        "Les agriculteurs ont évoqué la sécheresse. Les pompiers ont réclamé des moyens. "
        "Le conseil départemental a promis une aide. "
        "Le député Marc Dubreuil a demandé un plan d'urgence. "
        "« Il faut agir avant l'été », a-t-il déclaré. "
        "« Nous manquons de camions-citernes », a ajouté la préfète."
    )
    quotes = _recorded(pipeline, text)
    first = _quote(quotes, text, "Il faut agir")
    assert _named(first, "Sophie Lemaire").features["paragraph_first"] == 1.0
    second = _quote(quotes, text, "Nous manquons")
    assert _named(second, "Marc Dubreuil").features["is_previous"] == 1.0
    assert _named(second, "Marc Dubreuil").features["spoke_before"] == 1.0
    assert _named(second, "Sophie Lemaire").features["is_previous"] == 0.0


def test_a_gendered_pronoun_scores_agreement_with_each_candidate(pipeline: Pipeline) -> None:
    text = (
        "Le maire, Paul Girard, a présenté mardi le budget de la commune. "
        "La préfète du Finistère, Mme Sophie Lemaire, a salué un effort de rigueur. "
        "« C'est un budget sérieux et prudent », a-t-elle ajouté."
    )
    quote = _quote(_recorded(pipeline, text), text, "C'est un budget")
    assert _named(quote, "Sophie Lemaire").features["gender_agrees"] == 1.0
    assert _named(quote, "Paul Girard").features["gender_agrees"] == 0.0


def test_nothing_is_gathered_outside_a_recording(pipeline: Pipeline) -> None:
    from essentiel.facts.quotes import QuoteExtractor

    shipped = QuoteExtractor._resolve
    text = "« Les routes seront rouvertes demain », a annoncé le préfet Jean Morvan."
    with recording() as recorded:
        assert QuoteExtractor._resolve is not shipped
    assert QuoteExtractor._resolve is shipped
    pipeline.digest(text, lang="fr", published=dt.date(2025, 3, 4))
    assert recorded == []


def test_a_named_answer_has_a_no_speaker_candidate_and_the_quote_its_place(
    pipeline: Pipeline,
) -> None:
    text = (
        "Le maire de Quimper, Paul Girard, a présenté mardi le budget de la commune. "
        "« Nous ne toucherons pas aux impôts locaux », a déclaré Paul Girard devant le conseil."
    )
    quote = _quote(_recorded(pipeline, text), text, "Nous ne toucherons")
    nobody = [c for c in quote.candidates if c.entity == NOBODY]
    assert len(nobody) == 1 and nobody[0].features["is_nobody"] == 1.0
    assert nobody[0].features["is_rule"] == 0.0
    features = nobody[0].features
    assert features["quote_opens_sentence"] == 1.0  # only « before it
    assert features["quote_closes_sentence"] == 0.0  # the cue follows it
    assert features["has_cue"] == 1.0 and features["quote_words"] == 7.0
