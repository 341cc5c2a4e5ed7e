"""The speaker ranking experiment's decisions (experiments/speaker_ranking.py), on made-up rows."""

from __future__ import annotations

from typing import Any

import numpy as np
from tests.conftest import load_script

from essentiel.facts.speaker_model import FEATURES

train = load_script("experiments/speaker_ranking.py")


def _example(rule_chosen: list[int], labels: list[int], rule_right: bool) -> dict[str, Any]:
    rows = np.zeros((len(labels), len(FEATURES)), dtype=np.float32)
    rows[:, FEATURES.index("rule_chosen")] = rule_chosen
    return {
        "article": "a",
        "rows": rows,
        "labels": np.asarray(labels, dtype=np.float32),
        "rule_right": rule_right,
    }


def test_the_best_row_decides_and_the_rules_row_keeps_their_answer() -> None:
    # Rows: the rules' entity (wrong), another entity (right).
    example = _example([1, 0], [0, 1], rule_right=False)
    assert train.decide(example, np.array([0.2, 0.7]), train.THRESHOLD)
    assert not train.decide(example, np.array([0.7, 0.2]), train.THRESHOLD)
    # No candidate at all: the rules' answer stands.
    assert train.decide(_example([], [], rule_right=True), np.zeros(0), train.THRESHOLD)


def test_the_sign_test_tells_a_win_from_chance() -> None:
    assert train._sign_test(26, 19) > 0.05  # the 2026-12-05 comparison: not shipped
    assert train._sign_test(30, 10) < 0.05
    assert train._sign_test(0, 0) == 1.0


def test_folds_keep_an_article_whole_and_are_seeded() -> None:
    articles = [f"id-{k}" for k in range(12)] * 3
    fold = train.folds(articles)
    assert set(fold) == set(articles) and set(fold.values()) == set(range(train.FOLDS))
    assert fold == train.folds(list(reversed(articles)))
