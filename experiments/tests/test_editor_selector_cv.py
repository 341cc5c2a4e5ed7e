"""Ranking candidates against editors' picks: what counts as a hit."""

from __future__ import annotations

import numpy as np
from tests.conftest import load_script


def test_a_ranking_is_counted_against_the_picks_and_the_main_sentences() -> None:
    script = load_script("experiments/editor_selector_cv.py")
    article = {"indices": [0, 2, 5, 7], "picks": [5, 0], "main": {5}}
    counts = dict.fromkeys(
        ("articles", "picks", "hits", "top_picked", "top_first", "top_main", "has_main"), 0
    )
    script.measure(article, np.array([0.1, 0.3, 0.9, 0.2]), counts)  # 5, then 2
    assert counts == {
        "articles": 1,
        "picks": 2,
        "hits": 1,
        "top_picked": 1,
        "top_first": 1,
        "top_main": 1,
        "has_main": 1,
    }
    script.measure(article, -np.array(article["indices"], dtype=float), counts)  # the lead
    assert counts["hits"] == 2 and counts["top_first"] == 1 and counts["top_main"] == 1
