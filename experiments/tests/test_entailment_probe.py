"""The entailment probe's scoring, with a stand-in for the ONNX model (not a dependency)."""

from __future__ import annotations

import numpy as np
from tests.conftest import load_script


def _words(text: str) -> set[str]:
    return {w.strip(".").lower() for w in text.split() if len(w) > 3}


def test_a_summary_scores_its_weakest_sentence_at_its_best_evidence() -> None:
    probe = load_script("experiments/entailment_probe.py")
    article = [
        "The council voted the budget on Monday.",
        "Rain closed the harbour road.",
        "The mayor thanked the volunteers.",
        "Schools reopen next week.",
    ]
    seen: list[list[str]] = []

    def entail(premises: list[str], hypothesis: str) -> list[float]:
        seen.append(premises)
        # Entailed only by the sentence that states it.
        return [0.9 if hypothesis.split()[1] in p.lower() else 0.1 for p in premises]

    summary = ["The council voted the budget.", "The harbour stayed open."]
    score = probe.entailment_score(entail, article, summary, _words)
    assert score == 0.9  # each sentence finds the article sentence that names its subject

    def doubtful(premises: list[str], hypothesis: str) -> list[float]:
        return [0.2 if "harbour" in hypothesis else 0.8 for _ in premises]

    # The summary is as strong as its weakest sentence.
    assert probe.entailment_score(doubtful, article, summary, _words) == 0.2
    # Three closest sentences and the best adjacent pair per summary sentence.
    assert [len(p) for p in seen] == [4, 4]
    assert seen[0][0] == article[0] and seen[1][0] == article[1]
    assert probe.entailment_score(entail, article, [], _words) == 1.0


def test_the_stacked_regression_ranks_by_what_separates_the_classes() -> None:
    probe = load_script("experiments/entailment_probe.py")
    rng = np.random.default_rng(0)
    y = np.array([True] * 20 + [False] * 80)
    x = np.c_[rng.normal(size=100), y + rng.normal(scale=0.3, size=100)]  # column 2 tells
    score = probe.stacked(x, y)(x)
    assert score[y].mean() > score[~y].mean() + 1
