"""The learned speaker ranking: its candidates, its decision, the shipped model (issue 32)."""

from __future__ import annotations

import datetime as dt
import json
from importlib import resources as importlib_resources
from typing import Any

import numpy as np
import pytest

from essentiel.facts import quotes as quotes_module
from essentiel.facts.speaker_model import (
    FEATURES,
    RECORD_FILE,
    SpeakerModel,
    collecting,
    load_speaker_model,
)
from essentiel.model import Digest, Quote
from essentiel.pipeline import Pipeline

# The mayor is named in the paragraph's first sentence, six sentences before a quote that has
# no cue: beyond the rules' window, so they name nobody.
MAYOR = (
    "La maire de Saint-Malo, Claire Vasseur, a présenté lundi le nouveau plan de circulation du "
    "centre historique. Les travaux commenceront au printemps, pour une durée de six mois. "
    "Les commerçants redoutent une baisse de leur chiffre d'affaires. La chambre de commerce "
    "demande des compensations. Le conseil municipal votera le texte jeudi. Plusieurs rues "
    "seront piétonnes dès le mois de mai. Les riverains auront un badge d'accès. "
    '"Nous voulons rendre la ville à ceux qui y marchent, pas à ceux qui la traversent en '
    'voiture."'
)
PUBLISHED = dt.date(2025, 3, 4)


def _quote(digest: Digest, start: str) -> Quote:
    found = [q for q in digest.quotes if q.content.text.startswith(start)]
    assert len(found) == 1, [q.content.text for q in digest.quotes]
    return found[0]


def test_candidates_reach_the_paragraphs_first_sentence(pipeline: Pipeline) -> None:
    with collecting() as trace:
        pipeline.digest(MAYOR, lang="fr", published=PUBLISHED)
    (quote,) = trace.quotes
    names = [name for name, _, _ in quote["candidates"]]
    assert quote["rule"] is None  # the rules found nobody
    assert "Claire Vasseur" in names
    # The rules' own answer (nobody) has the last row, to be weighed against the entities.
    assert names[-1] is None
    rows = np.asarray(quote["rows"])
    assert rows.shape == (len(names), len(FEATURES))
    assert rows[-1, FEATURES.index("rules_answer")] == 1
    assert not rows[:-1, FEATURES.index("rules_answer")].any()


class _Scores:
    """A booster stand-in that scores each row by one feature."""

    def __init__(self, feature: str, among: str | None = None) -> None:
        self.column = FEATURES.index(feature)
        self.among = FEATURES.index(among) if among else None

    def predict(self, rows: np.ndarray, num_threads: int = 1) -> np.ndarray:
        scores = rows[:, self.column].astype(float)
        if self.among is not None:
            scores = scores * (1 - rows[:, self.among])
        return scores


def _with_model(monkeypatch: pytest.MonkeyPatch, booster: Any, languages: set[str]) -> None:
    model = SpeakerModel(booster, 0.0, frozenset(languages))
    monkeypatch.setattr(quotes_module, "load_speaker_model", lambda: model)


def test_the_rules_stand_when_their_answer_ranks_first(
    pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    _with_model(monkeypatch, _Scores("rules_answer"), {"fr"})
    quote = _quote(pipeline.digest(MAYOR, lang="fr", published=PUBLISHED), "Nous voulons")
    assert quote.speaker_name is None and quote.resolution == "unknown"


def test_the_best_ranked_candidate_replaces_the_rules(
    pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    _with_model(monkeypatch, _Scores("place", among="rules_answer"), {"fr"})
    quote = _quote(pipeline.digest(MAYOR, lang="fr", published=PUBLISHED), "Nous voulons")
    assert quote.speaker_name == "Saint-Malo"
    assert quote.speaker is not None and quote.speaker.text == "Saint-Malo"


def test_the_ranking_is_off_for_a_language_it_was_not_trained_on(
    pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    _with_model(monkeypatch, _Scores("place", among="rules_answer"), {"en"})
    quote = _quote(pipeline.digest(MAYOR, lang="fr", published=PUBLISHED), "Nous voulons")
    assert quote.speaker_name is None


def test_a_shipped_model_computes_these_features_else_the_rules_stand(
    pipeline: Pipeline,
) -> None:
    folder = importlib_resources.files("essentiel.resources") / "models"
    model = load_speaker_model()
    if not (folder / RECORD_FILE).is_file():
        # Not shipped (experiments/speaker_ranking.py: no gain beyond chance): the rules answer.
        assert model is None
        quote = _quote(pipeline.digest(MAYOR, lang="fr", published=PUBLISHED), "Nous voulons")
        assert quote.speaker_name is None and quote.resolution == "unknown"
        return
    assert model is not None and model.languages == frozenset({"fr"})
    record = json.loads((folder / RECORD_FILE).read_text(encoding="utf-8"))
    assert tuple(record["features"]) == FEATURES
    cv = record["cross_validation"]
    assert cv["ranked"] > cv["rules"] and cv["sign_test_p"] < 0.05


_SURNAMES = (
    "Vasseur",
    "Morel",
    "Garnier",
    "Lemoine",
    "Caradec",
    "Perrin",
    "Joubert",
    "Marchal",
    "Tanguy",
    "Ferrand",
    "Bazin",
    "Kerbrat",
    "Lucas",
    "Riou",
    "Gourvès",
    "Jaouen",
    "Guillou",
    "Quéré",
    "Prigent",
    "Cadiou",
    "Hamon",
    "Nédélec",
    "Salaün",
    "Tréguer",
    "Guéguen",
    "Allain",
    "Cozic",
    "Pennec",
    "Bourhis",
    "Moysan",
)


def _long_article(paragraphs: int) -> str:
    return "\n\n".join(
        f"Le conseiller Yann {_SURNAMES[k]} a présenté mardi le projet du quartier numéro {k}. "
        f"Les riverains ont posé de nombreuses questions sur le calendrier des travaux. "
        f"« Nous tiendrons les délais annoncés au printemps », a-t-il assuré."
        for k in range(paragraphs)
    )


def test_a_quote_s_candidates_do_not_grow_with_the_article(pipeline: Pipeline) -> None:
    """The gathering walks a window of sentences and a bounded list of extras: a longer
    article brings no more candidates per quote (the speaker stage stays linear)."""
    most = []
    for paragraphs in (6, 30):
        with collecting() as trace:
            pipeline.digest(_long_article(paragraphs), lang="fr", published=PUBLISHED)
        assert len(trace.quotes) >= paragraphs - 1
        most.append(max(len(q["candidates"]) for q in trace.quotes))
    assert most[1] <= most[0] + 3
