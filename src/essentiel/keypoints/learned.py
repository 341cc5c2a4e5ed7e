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

import numpy as np

from essentiel.analyze import ParsedSentence
from essentiel.collection import freeze_loaded
from essentiel.keypoints.features import (
    ALL_NAMES,
    BASE_NAMES,
    EMBEDDING_NAMES,
    FEATURE_NAMES,
    LEXICAL_NAMES,
    VECTOR_NAMES,
    embedder,
    embedding_similarities,
    has_static_vectors,
    sentence_features,
)
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
# The shipped selectors, by the similarities they read (``KeyPointSettings.selector_model``):
# "embedding", the sentence encoder's cosines (FEATURE_NAMES); "lexical", TF-IDF cosines of
# stems in their place (features.LEXICAL_NAMES), no encoder at all (issue 31). Each is made by
# ``training/train_selector.py --features NAME``: the same articles, labels and parameters.
SELECTOR_MODELS: dict[str, tuple[str, ...]] = {
    "embedding": FEATURE_NAMES,
    "lexical": BASE_NAMES + LEXICAL_NAMES,
    "vectors": BASE_NAMES + VECTOR_NAMES,
    "vectors+lexical": BASE_NAMES + LEXICAL_NAMES + VECTOR_NAMES,
    # The same features, fitted on the sentences blind editor sessions would copy into the box
    # instead of the ROUGE oracle's (``training/train_editor_selector.py``; French).
    "editor": BASE_NAMES + LEXICAL_NAMES + VECTOR_NAMES,
}

# The model read in place of one of static word vectors when the parse has none (English's
# en_core_web_sm): the encoder is multilingual, its model serves every language.
WITHOUT_VECTORS: dict[str, str] = {
    "vectors": "embedding",
    "vectors+lexical": "embedding",
    "editor": "embedding",
}


def model_files(name: str) -> tuple[str, str]:
    """The model and record files of the shipped selector ``name`` (SELECTOR_MODELS)."""
    if name == "embedding":
        return MODEL_FILE, RECORD_FILE
    return f"selector-{name}.txt", f"selector-{name}.json"


# News does not hold back its key point past the 30th sentence; the bound also caps the cost.
MAX_RANK = 30
# The sentence encoder costs per token embedded (most of the key-point stage's CPU): the
# model scores only this many candidates, the best by select.py's score. Without the cap, on
# OrangeSum validation pages 0-199 (a median of 9 candidates, 38% of pages over 10), 96% of
# the pages' bullets all came from the 10 best by that score, 99% from the 14 best. With it
# (and RESERVE_SHARE), ROUGE-1 on 200 of make tune's train articles is 28.58 against 28.60,
# 2.83 bullets per article either way (8: 28.55); on validation pages 0-299, 18 of 855
# bullets change, none is lost. Issue 31. Since the passed-over sentences are left out before
# the cap (select.passed_over: 1.4 of the 8.1 sentences embedded per page on train rows
# 5000-5599), 8 (2026-12-06): ROUGE-1 on make tune's first 300 (training/tune_selection.py
# --documents 300) 28.97 against 28.95 with 10 and 28.92 before either change; 7: 28.93.
# 7 (2026-12-06, tenth session, issue 31): ROUGE-1 on the same 300 28.86 against 28.82 with
# 8 (6: 28.68); bench/keypoint_defects.py on validation pages 1-245 the same (17 of 709
# bullets, 17 boxes missing the headline's event); 37 of 500 validation digests (rows 0-499)
# change; the keypoints stage about 1 ms of CPU cheaper per page (docs/experiments.md).
MAX_EMBEDDED = 7
# ... unless the shipped lexical model (``selector-lexical``: the same features, TF-IDF cosines
# for the encoder's, no encoder) picks them first: then only its PRESELECTED best are embedded
# and scored by the embedding model (``KeyPointSettings.preselected``; 0: MAX_EMBEDDED by the
# heuristic). 5 (2026-12-06, eleventh session, issue 31): ROUGE-1 on make tune's first 300
# 28.91 against 28.80 (4: 28.89; 4 and 5 chosen by the lexical score blended with the
# heuristic's as the final score is: 28.62, 28.82); bench/keypoint_defects.py on validation
# pages 1-245: 20 bullets with a defect and 16 boxes missing the headline's event, as with
# MAX_EMBEDDED (4: 32 and 18; the blend at 5: 23 and 17); 172 of 500 validation digests (rows
# 0-499) change; the keypoints stage 2.5-2.7 ms of CPU cheaper per page on a loaded machine
# (docs/experiments.md). The lexical model's own cost is about 0.5 ms a page.
# Off by default since the lead's guards on pages nobody tuned on (same session): with 5,
# validation pages 501-700 had 30 of 585 bullets with a defect against 22 off (6: 28, 7: 22)
# and train rows 19000-19299 6.5 % against 5.8 %; the 2.5 ms are not worth them.
PRESELECTED = 0
# The sentence encoder's cost is per piece (sentencepiece token) embedded: a text of more
# pieces than this (its begin and end marks counted) is embedded from its first ones. 0: whole.
# On OrangeSum validation pages 0-99, 7.8 texts of 330 pieces embedded per page; 37 % of the
# texts run over 48 pieces, 14 % of the pieces past it. Not kept (2026-12-06): 48 (with
# MAX_EMBEDDED 7) saved about 2 ms more per page at ROUGE-1 28.82, but 56, 48 and 64 alike made
# one more box of pages 1-245 miss the headline's event (18 against 17), and 48 two more
# bullets with a defect (19 against 17).
MAX_PIECES = 0
# A candidate past the cap keeps select.py's score alone, scaled under half the lowest score
# of the candidates the model scored: below any of them even after the redundancy penalty,
# so it is picked only when none of those can be (failed verification, a repeat), and the
# box does not run short of bullets for the cap.
RESERVE_SHARE = 0.5


def candidate_indices(
    sentences: list[ParsedSentence],
    lang: Language,
    named: frozenset[int] = frozenset(),
    passed: frozenset[int] = frozenset(),
) -> list[int]:
    """Sentences that could be a bullet on their own, among the first MAX_RANK (``named``:
    those whose pronoun subject will be named, ``select.stands_alone``), but for ``passed``
    (not read: stands_alone walks the parse)."""
    return [
        i
        for i, s in enumerate(sentences[:MAX_RANK])
        if i not in passed and stands_alone(s, lang, i in named)
    ]


def best_by_prescore(indices: list[int], prescores: dict[int, float], cap: int) -> list[int]:
    """The ``cap`` indices with the highest pre-score (the earlier one first on a tie), in
    their order; all of them when there are no more than ``cap``."""
    if len(indices) <= cap:
        return indices
    kept = set(sorted(indices, key=lambda i: (-prescores[i], i))[:cap])
    return [i for i in indices if i in kept]


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
        max_pieces: int = 0,
    ) -> tuple[list[float], list[float | None]]:
        """The model's scores, and each sentence's cosine to the title (None without an
        embedding or a title): the headline match reuses the embedding computed here.
        ``max_pieces``: the texts embedded from their first pieces only (0: whole)."""
        if not indices:
            return [], []
        rows = sentence_features(
            sentences,
            indices,
            lang,
            title,
            embedder() if self.embedding else None,
            lemma_sets,
            self.features,
            max_pieces,
        )
        scores = [float(v) for v in self.booster.predict(rows, num_threads=1)]
        if not (self.embedding and title and "cos_title" in self.features):
            return scores, [None] * len(indices)
        column = self.features.index("cos_title")
        return scores, [float(v) for v in rows[:, column]]

    def predict(self, rows: np.ndarray[Any, np.dtype[np.float32]]) -> list[float]:
        """The model's scores of ``rows`` of every feature (features.ALL_NAMES, in order)."""
        columns = [ALL_NAMES.index(name) for name in self.features]
        picked = np.ascontiguousarray(rows[:, columns])
        return [float(v) for v in self.booster.predict(picked, num_threads=1)]


@cache
def load_selector(name: str = "embedding") -> SelectorModel:
    """The shipped model ``name`` (SELECTOR_MODELS), loaded once per process."""
    import lightgbm

    if name not in SELECTOR_MODELS:
        raise ValueError(f"selector model {name!r}: choose one of {', '.join(SELECTOR_MODELS)}")
    model_file, record_file = model_files(name)
    folder = importlib_resources.files("essentiel.resources") / "models"
    record = json.loads((folder / record_file).read_text(encoding="utf-8"))
    features = tuple(record["features"])
    if features != SELECTOR_MODELS[name] or not set(features) <= set(ALL_NAMES):
        raise RuntimeError(
            f"the shipped selector {name!r} was trained on other features than this code "
            "computes; retrain it with `make train`"
        )
    booster = lightgbm.Booster(model_str=(folder / model_file).read_text(encoding="utf-8"))
    limit_blas_threads()  # LightGBM brings its OpenMP library: hold it to the process's limit
    embedding = bool(record["embedding"]) and any(f in EMBEDDING_NAMES for f in features)
    model = SelectorModel(booster, features, embedding, record)
    freeze_loaded()  # never walked again by a full collection (essentiel.collection)
    return model


def lexical_preselection(
    model: SelectorModel,
    sentences: list[ParsedSentence],
    indices: list[int],
    lang: Language,
    title: str | None,
    lemma_sets: list[frozenset[str]],
    cap: int,
    max_pieces: int = 0,
) -> tuple[list[int], list[float], list[float | None]]:
    """The selector's first stage (PRESELECTED, issue 31): the shipped lexical model (no
    encoder) scores every candidate, and only its ``cap`` best are embedded and scored by
    ``model``. The indices scored (in their order), their scores and their cosines to the
    title, as ``SelectorModel.scores_and_title_cosines`` gives them; the candidates' rows
    (every feature but the embedding's) are computed once for both models."""
    lexical = load_selector("lexical")
    rows = sentence_features(sentences, indices, lang, title, None, lemma_sets, ALL_NAMES)
    guesses = dict(zip(indices, lexical.predict(rows), strict=True))
    scored = best_by_prescore(indices, guesses, cap)
    at = {i: k for k, i in enumerate(indices)}
    kept = rows[[at[i] for i in scored]]
    first = ALL_NAMES.index(EMBEDDING_NAMES[0])
    kept[:, first : first + len(EMBEDDING_NAMES)] = embedding_similarities(
        [sentences[i].text for i in scored], title, embedder(), max_pieces
    )
    cosines: list[float | None] = [None] * len(scored)
    if title and "cos_title" in model.features:
        cosines = [float(v) for v in kept[:, first]]
    return scored, model.predict(kept), cosines


def score_learned(
    sentences: list[ParsedSentence],
    lang: Language,
    title: str | None,
    weight: float = 1.0,
    lemma_sets: list[frozenset[str]] | None = None,
    named: frozenset[int] = frozenset(),
    max_embedded: int = MAX_EMBEDDED,
    passed: frozenset[int] = frozenset(),
    model_name: str = "embedding",
    max_pieces: int = MAX_PIECES,
    preselected: int = 0,
) -> list[Candidate]:
    """Candidates scored by the model, blended with select.py's transparent score: ``weight``
    of the model's, the rest of the heuristic's, each scaled by its best candidate. Only the
    ``max_embedded`` best by the heuristic's score are embedded and scored by the model; the
    others follow them all (RESERVE_SHARE). ``passed``: sentences that are no bullet in this
    article (``select.passed_over``), never candidates. ``model_name``: which shipped model
    (SELECTOR_MODELS). ``max_pieces``: each text embedded from its first pieces only (0:
    whole; MAX_PIECES). ``preselected``: when not 0, only this many are embedded, the best
    by the lexical model's score instead of the heuristic's (``lexical_preselection``;
    PRESELECTED)."""
    if model_name in WITHOUT_VECTORS and not has_static_vectors(sentences):
        # A parse with no static word vectors (English's small model) reads the encoder's.
        model_name = WITHOUT_VECTORS[model_name]
    model = load_selector(model_name)
    if lemma_sets is None:
        lemma_sets = [content_lemmas(s) for s in sentences]
    # The sentence encoder's cost is per sentence embedded (issue 31): it embeds only the
    # sentences the selection can pick, and the cap goes to them. The model was trained with
    # the passed-over sentences among the candidates its features read (the centroid, the
    # nearest candidate); leaving them out changed 10 of 100 validation boxes and ROUGE-1 on
    # make tune's first 300 from 28.92 to 28.95 (2026-12-06).
    indices = candidate_indices(sentences, lang, named, passed)
    # Both select from stands_alone() sentences, so every index has a heuristic score.
    heuristic = {c.rank: c for c in score_ranks(sentences, indices, lang, title, lemma_sets)}
    # Only the candidates the selection picks from are embedded and scored (MAX_EMBEDDED, or
    # PRESELECTED by the lexical model).
    cap = preselected if preselected and model.embedding else max_embedded
    if cap == preselected and len(indices) > cap:
        scored, learned, cosines = lexical_preselection(
            model, sentences, indices, lang, title, lemma_sets, cap, max_pieces
        )
    else:
        scored = best_by_prescore(indices, {i: c.score for i, c in heuristic.items()}, cap)
        learned, cosines = model.scores_and_title_cosines(
            sentences, scored, lang, title, lemma_sets, max_pieces
        )
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
    for i, p, cosine in zip(scored, learned, cosines, strict=True):
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
    if len(scored) < len(indices) and candidates:
        floor = RESERVE_SHARE * min(c.score for c in candidates)
        kept = set(scored)
        for i in indices:
            if i in kept:
                continue
            h = heuristic[i].score
            score = floor * h / top_heuristic
            if is_background(sentences[i]):
                score *= BACKGROUND_FACTOR
            reserve = Candidate(sentences[i], i, score, heuristic[i].lemmas, {"heuristic": h})
            candidates.append(reserve)
        candidates.sort(key=lambda c: c.rank)
    return candidates
