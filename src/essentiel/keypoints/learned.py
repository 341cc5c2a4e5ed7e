"""The learned key-point selector: a small LightGBM model that scores body sentences.

Trained by ``make train`` (``training/train_selector.py``) on OrangeSum train articles with
greedy-oracle labels; the model and its record (data, seed, features, metrics) ship as
``resources/models/selector.txt`` and ``selector.json``. Its score is blended with
``select.score_sentences``; what can be a candidate, redundancy and compression are unchanged.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources as importlib_resources
from typing import Any

from essentiel.analyze import ParsedSentence
from essentiel.keypoints.features import FEATURE_NAMES, embedder, sentence_features
from essentiel.keypoints.select import (
    BACKGROUND_FACTOR,
    Candidate,
    best_score_from,
    content_lemmas,
    is_background,
    score_ranks,
    stands_alone,
)
from essentiel.resources import Language
from essentiel.threads import limit_blas_threads

MODEL_FILE = "selector.txt"
RECORD_FILE = "selector.json"
# News does not hold back its key point past the 30th sentence; the bound also caps the cost.
MAX_RANK = 30


def candidate_indices(
    sentences: list[ParsedSentence], lang: Language, named: frozenset[int] = frozenset()
) -> list[int]:
    """Sentences that could be a bullet on their own, among the first MAX_RANK (``named``:
    those whose pronoun subject will be named, ``select.stands_alone``)."""
    return [i for i, s in enumerate(sentences[:MAX_RANK]) if stands_alone(s, lang, i in named)]


@dataclass(frozen=True)
class SelectorModel:
    booster: Any  # lightgbm.Booster
    features: tuple[str, ...]
    embedding: bool
    record: dict[str, Any]

    def scores_and_title_cosines(
        self,
        sentences: list[ParsedSentence],
        indices: list[int],
        lang: Language,
        title: str | None,
        lemma_sets: list[frozenset[str]] | None = None,
    ) -> tuple[list[float], list[float | None]]:
        """The model's scores, and each sentence's cosine to the title (None without an
        embedding or a title): the headline match reuses the embedding computed here."""
        if not indices:
            return [], []
        rows = sentence_features(
            sentences, indices, lang, title, embedder() if self.embedding else None, lemma_sets
        )
        scores = [float(v) for v in self.booster.predict(rows, num_threads=1)]
        if not (self.embedding and title):
            return scores, [None] * len(indices)
        column = FEATURE_NAMES.index("cos_title")
        return scores, [float(v) for v in rows[:, column]]


@cache
def load_selector() -> SelectorModel:
    """The shipped model, loaded once per process."""
    import lightgbm

    folder = importlib_resources.files("essentiel.resources") / "models"
    record = json.loads((folder / RECORD_FILE).read_text(encoding="utf-8"))
    features = tuple(record["features"])
    if features != FEATURE_NAMES:
        raise RuntimeError(
            "the shipped selector was trained on other features than this code computes; "
            "retrain it with `make train`"
        )
    booster = lightgbm.Booster(model_str=(folder / MODEL_FILE).read_text(encoding="utf-8"))
    limit_blas_threads()  # LightGBM brings its OpenMP library: hold it to the process's limit
    return SelectorModel(booster, features, bool(record["embedding"]), record)


def score_learned(
    sentences: list[ParsedSentence],
    lang: Language,
    title: str | None,
    weight: float = 1.0,
    lemma_sets: list[frozenset[str]] | None = None,
    named: frozenset[int] = frozenset(),
) -> list[Candidate]:
    """Candidates scored by the model, blended with select.py's transparent score: ``weight``
    of the model's, the rest of the heuristic's, each scaled by its best candidate."""
    model = load_selector()
    if lemma_sets is None:
        lemma_sets = [content_lemmas(s) for s in sentences]
    indices = candidate_indices(sentences, lang, named)
    learned, cosines = model.scores_and_title_cosines(sentences, indices, lang, title, lemma_sets)
    # Both select from stands_alone() sentences, so every index has a heuristic score.
    heuristic = {c.rank: c for c in score_ranks(sentences, indices, lang, title, lemma_sets)}
    top_heuristic = max((c.score for c in heuristic.values()), default=0.0)
    if top_heuristic < best_score_from(MAX_RANK):
        # The heuristic's best may lie past MAX_RANK, where the model never looks: score
        # those sentences only when one of them could beat the best before it.
        later = [
            i
            for i in range(MAX_RANK, len(sentences))
            if stands_alone(sentences[i], lang, i in named)
        ]
        later_scores = (c.score for c in score_ranks(sentences, later, lang, title, lemma_sets))
        top_heuristic = max(top_heuristic, *later_scores, 0.0)
    top_heuristic = top_heuristic or 1.0
    top_learned = max(learned, default=0.0) or 1.0
    candidates = []
    for i, p, cosine in zip(indices, learned, cosines, strict=True):
        h = heuristic[i].score
        score = weight * p / top_learned + (1 - weight) * h / top_heuristic
        if is_background(sentences[i]):
            # News marks background with the pluperfect; the model, trained on abstracts that
            # often recall it, does not penalise it. A key point is what happened now.
            score *= BACKGROUND_FACTOR
        features = {"model": p, "heuristic": h}
        if cosine is not None:
            features["cos_title"] = cosine
        candidates.append(Candidate(sentences[i], i, score, heuristic[i].lemmas, features))
    return candidates
