"""The checker's learned combiner: one probability that a summary is faithful, from the signals
the checker already computes plus a few the rules cannot use alone.

Why a combiner: the rules name problems (a number, a date, an attribution), which is what a
person needs to see, but each rule is blind to what the others see, and none of them sees an
abstractive paraphrase that adds a claim the article never makes (most XSum errors). Human
labels (FRANK, XSumFaith) say how much each signal is worth. The model is a small LightGBM
file with the record of how it was trained (``training/train_checker.py``, ``make
train-checker``); it sets ``SummaryCheck.score`` and never changes a verdict or a problem.

Features, for a summary of one or more sentences (``FEATURE_NAMES``):

- the rule checker's sentence scores and verdicts, the problems by kind, and the coverage of
  each sentence's content words by its evidence sentences: all three of them, the closest one
  alone, and all three with each word weighted by how rare it is in the article (a missing
  name counts more than a missing « said »);
- novelty against the whole article: content words, word bigrams and trigrams, capitalised
  words and numbers of the summary that the article does not contain;
- degeneration: the share of the summary's words and bigrams that repeat (« reports reports
  reports », « dr dr »), which goes with invented content in generated summaries;
- meaning: the cosine between each summary sentence and its closest article sentence, and
  between the summary and the article's lead, with the same multilingual sentence encoder as
  the key-point selector (USE multilingual, numpy, shipped in a registry package).

The summary's length in words and sentences is not a feature: on the labels it mostly tells
which system (and which dataset) wrote the summary, which FRANK's evaluation controls for, and
a model that leaned on it ranked summaries of the same system worse.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources as importlib_resources
from itertools import pairwise
from typing import Any

import numpy as np

from essentiel.check.verifier import Verifier
from essentiel.keypoints.features import Embedder, embedder
from essentiel.model import CheckedSentence, Digest, ProblemKind, SentenceVerdict

MODEL_FILE = "checker.txt"
MAX_ARTICLE_SENTENCES = 80
RECORD_FILE = "checker.json"

FEATURE_NAMES = (
    "score_mean",
    "score_min",
    "coverage_mean",
    "coverage_min",
    "coverage_closest_mean",
    "coverage_closest_min",
    "coverage_weighted_mean",
    "coverage_weighted_min",
    "unsupported_share",
    "cannot_tell_share",
    "problem_name",
    "problem_number",
    "problem_date",
    "problem_quote",
    "problem_attribution",
    "problem_negation",
    "facts_checked",
    "novel_words",
    "novel_bigrams",
    "novel_trigrams",
    "novel_capitalised",
    "novel_numbers",
    "cosine_best_mean",
    "cosine_best_min",
    "cosine_lead",
    "repeated_words",
    "repeated_bigrams",
)

_TOKEN = re.compile(r"\w+", re.UNICODE)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_CAPITALISED = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-ZÀ-ÖØ-Þ][\w'-]+")


def _tokens(text: str) -> list[str]:
    return [t.lower() for t in _TOKEN.findall(text)]


def _ngrams(tokens: list[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)}


def _novel(part: set[Any], whole: set[Any]) -> float:
    return len(part - whole) / len(part) if part else 0.0


def _repeated(items: list[Any]) -> float:
    return 1 - len(set(items)) / len(items) if items else 0.0


def _rarity(digest: Digest, verifier: Verifier) -> tuple[dict[str, float], float]:
    """Each content word's weight, its smoothed inverse frequency over the article's sentences,
    and the weight of a word the article never uses (frequency 0: the highest)."""
    sets = [verifier.content_words(s.span.text) for s in digest.sentences]
    frequency = Counter(word for words in sets for word in words)
    n = len(sets)
    weights = {word: math.log((n + 1) / (k + 1)) + 1 for word, k in frequency.items()}
    return weights, math.log(n + 1) + 1


def summary_features(
    digest: Digest,
    sentences: Sequence[CheckedSentence],
    verifier: Verifier,
    embed: Embedder | None,
) -> np.ndarray[Any, np.dtype[np.float32]]:
    """One row of FEATURE_NAMES for a checked summary."""
    row = dict.fromkeys(FEATURE_NAMES, 0.0)
    n = len(sentences)
    if n == 0:
        return np.zeros(len(FEATURE_NAMES), dtype=np.float32)
    article = digest.article.text
    summary = " ".join(s.text for s in sentences)
    tokens, article_tokens = _tokens(summary), _tokens(article)
    scores = [s.score for s in sentences]
    row["score_mean"], row["score_min"] = sum(scores) / n, min(scores)
    rarity, unseen = _rarity(digest, verifier)
    coverages: dict[str, list[float]] = {"": [], "_closest": [], "_weighted": []}
    for s in sentences:
        words = verifier.content_words(s.text)
        held = [verifier.content_words(e.text) for e in s.evidence]  # closest first
        found = words & set().union(*held)
        weight = {w: rarity.get(w, unseen) for w in words}
        coverages[""].append(len(found) / len(words) if words else 1.0)
        coverages["_closest"].append(
            len(words & held[0]) / len(words) if words and held else float(not words)
        )
        total = sum(weight.values())
        coverages["_weighted"].append(sum(weight[w] for w in found) / total if total else 1.0)
    for kind, values in coverages.items():
        row[f"coverage{kind}_mean"], row[f"coverage{kind}_min"] = sum(values) / n, min(values)
    row["unsupported_share"] = sum(s.verdict is SentenceVerdict.UNSUPPORTED for s in sentences) / n
    row["cannot_tell_share"] = sum(s.verdict is SentenceVerdict.CANNOT_TELL for s in sentences) / n
    for s in sentences:
        row["facts_checked"] += len(s.checks)
        for p in s.problems:
            if p.kind is not ProblemKind.CONTENT:
                row[f"problem_{p.kind.value}"] += 1
    article_words = verifier.content_words(article)
    row["novel_words"] = _novel(verifier.content_words(summary), article_words)
    row["novel_bigrams"] = _novel(_ngrams(tokens, 2), _ngrams(article_tokens, 2))
    row["novel_trigrams"] = _novel(_ngrams(tokens, 3), _ngrams(article_tokens, 3))
    lowered = article.lower()
    capitalised = {w.lower() for s in sentences for w in _CAPITALISED.findall(s.text)}
    row["novel_capitalised"] = _novel(capitalised, {w for w in capitalised if w in lowered})
    row["novel_numbers"] = _novel(set(_NUMBER.findall(summary)), set(_NUMBER.findall(article)))
    row["repeated_words"] = _repeated(tokens)
    row["repeated_bigrams"] = _repeated(list(pairwise(tokens)))
    if embed is not None and digest.sentences:
        # The first sentences carry most of what a summary can say; the cap bounds the cost.
        sources = [s.span.text for s in digest.sentences[:MAX_ARTICLE_SENTENCES]]
        vectors = embed.encode([s.text for s in sentences] + sources)
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9
        mine, theirs = vectors[:n], vectors[n:]
        best = (mine @ theirs.T).max(axis=1)
        row["cosine_best_mean"], row["cosine_best_min"] = float(best.mean()), float(best.min())
        lead = theirs[:3].mean(axis=0)
        row["cosine_lead"] = float(mine.mean(axis=0) @ lead / (np.linalg.norm(lead) + 1e-9))
    return np.array([row[name] for name in FEATURE_NAMES], dtype=np.float32)


@dataclass(frozen=True)
class CheckerModel:
    booster: Any  # lightgbm.Booster
    embedding: bool
    record: dict[str, Any]

    def probability(
        self, digest: Digest, sentences: Sequence[CheckedSentence], verifier: Verifier
    ) -> float:
        """The probability that the summary is faithful to the article."""
        row = summary_features(digest, sentences, verifier, embedder() if self.embedding else None)
        return float(self.booster.predict(row[None, :], num_threads=1)[0])


@cache
def load_checker_model() -> CheckerModel | None:
    """The shipped combiner, loaded once per process; None when the package has none."""
    import lightgbm

    folder = importlib_resources.files("essentiel.resources") / "models"
    if not (folder / MODEL_FILE).is_file():
        return None
    record = json.loads((folder / RECORD_FILE).read_text(encoding="utf-8"))
    if tuple(record["features"]) != FEATURE_NAMES:
        raise RuntimeError(
            "the shipped checker model was trained on other features than this code computes; "
            "retrain it with `make train-checker`"
        )
    booster = lightgbm.Booster(model_str=(folder / MODEL_FILE).read_text(encoding="utf-8"))
    return CheckerModel(booster, bool(record["embedding"]), record)
