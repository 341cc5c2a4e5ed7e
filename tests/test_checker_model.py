"""The checker's learned combiner: shipped, loadable, consistent with the code's features, and
its score moves the right way; the rules' verdicts do not depend on it."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from essentiel.check.checker import Checker, verifier_for
from essentiel.check.learned_score import FEATURE_NAMES, load_checker_model, summary_features
from essentiel.model import Digest, SentenceVerdict
from essentiel.pipeline import Pipeline

from .conftest import load_script

ARTICLE = (
    "Le conseil municipal de Lorient a voté mardi soir un plan de circulation qui fermera le "
    "centre-ville aux voitures le samedi. Le projet a été adopté par 29 voix contre 14.\n\n"
    "« C'est une décision attendue par les commerçants », a déclaré le maire, Fabrice Loher. "
    "Les travaux commenceront en septembre et coûteront 2,4 millions d'euros."
)
FAITHFUL = (
    "Le conseil municipal de Lorient a voté un plan qui fermera le centre-ville aux voitures."
)
UNFAITHFUL = "Le maire de Quimper, Marc Durand, a rejeté le plan par 41 voix contre 3."


@pytest.fixture(scope="module")
def checker(pipeline: Pipeline) -> Checker:
    return Checker(pipeline)


def test_the_shipped_model_loads_with_its_record() -> None:
    model = load_checker_model()
    assert model is not None
    assert tuple(model.record["features"]) == FEATURE_NAMES
    cv = model.record["metrics"]["cross_validated"]
    assert set(cv["learned"]) == set(cv["rules"])  # both measured on the same folds


def test_features_see_novel_names_and_numbers(checker: Checker) -> None:
    digest = checker.pipeline.digest(ARTICLE, published=dt.date(2025, 3, 4))
    verifier = verifier_for(digest)
    rows = {}
    for name, summary in (("faithful", FAITHFUL), ("unfaithful", UNFAITHFUL)):
        result = Checker(checker.pipeline, learned=False).check_digest(digest, summary)
        rows[name] = dict(
            zip(
                FEATURE_NAMES,
                summary_features(digest, result.sentences, verifier, None),
                strict=True,
            )
        )
    assert rows["faithful"]["novel_numbers"] == 0 and rows["unfaithful"]["novel_numbers"] == 1
    assert rows["unfaithful"]["novel_capitalised"] > rows["faithful"]["novel_capitalised"]
    assert rows["unfaithful"]["novel_bigrams"] > rows["faithful"]["novel_bigrams"]
    for kind in ("coverage", "coverage_closest", "coverage_weighted"):
        assert rows["faithful"][f"{kind}_mean"] > rows["unfaithful"][f"{kind}_mean"]


def test_rare_words_weigh_more_and_repetition_is_seen(checker: Checker) -> None:
    rules = Checker(checker.pipeline, learned=False)
    default = checker.pipeline.digest(ARTICLE, published=dt.date(2025, 3, 4))

    def features(summary: str, digest: Digest = default) -> dict[str, float]:
        result = rules.check_digest(digest, summary)
        values = summary_features(digest, result.sentences, verifier_for(digest), None)
        return dict(zip(FEATURE_NAMES, values, strict=True))

    # One of two content words found in each; the found word is in every sentence of the
    # article in one summary (it tells little) and in one sentence only in the other.
    article = (
        "La ville de Lorient ferme son centre aux voitures. La ville votera le budget en mai. "
        "La ville paiera seule les travaux. Le maire de la ville, Fabrice Loher, est satisfait."
    )
    town = checker.pipeline.digest(article, published=dt.date(2025, 3, 4))
    common = features("La ville de Quimper.", town)
    rare = features("Lorient et Quimper.", town)
    assert common["coverage_mean"] == rare["coverage_mean"] == 0.5
    assert common["coverage_weighted_mean"] < rare["coverage_weighted_mean"] < 0.5
    assert features("Les travaux travaux travaux commenceront.")["repeated_words"] > 0
    assert features(FAITHFUL)["repeated_bigrams"] == 0


def test_the_learned_score_ranks_and_leaves_verdicts_alone(checker: Checker) -> None:
    rules = Checker(checker.pipeline, learned=False)
    for summary in (FAITHFUL, UNFAITHFUL):
        learned, plain = checker.check(ARTICLE, summary), rules.check(ARTICLE, summary)
        assert [s.model_dump() for s in learned.sentences] == [
            s.model_dump() for s in plain.sentences
        ]
        assert plain.score == pytest.approx(np.mean([s.score for s in plain.sentences]), abs=1e-4)
        assert checker.check(ARTICLE, summary).score == learned.score  # deterministic
    good, bad = checker.check(ARTICLE, FAITHFUL), checker.check(ARTICLE, UNFAITHFUL)
    assert good.verdict is SentenceVerdict.SUPPORTED and bad.verdict is SentenceVerdict.UNSUPPORTED
    assert good.score > bad.score


def test_each_folds_threshold_comes_from_the_other_folds() -> None:
    cross_validated_balanced_accuracy = load_script(
        "bench/factuality_scores.py"
    ).cross_validated_balanced_accuracy

    # Fold 0 is judged at 0.8 (chosen on fold 1), fold 1 at 0.9 (chosen on fold 0), so the
    # faithful 0.8 of fold 1 is missed: recall 1/2 and 2/2, where one threshold on all rows
    # would separate them perfectly.
    scores, truth = [0.1, 0.9, 0.2, 0.8], [False, True, False, True]
    assert cross_validated_balanced_accuracy(scores, truth, [0, 0, 1, 1]) == 0.75
