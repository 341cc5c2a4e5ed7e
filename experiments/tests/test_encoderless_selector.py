"""What the sentence encoder buys the selector: each feature set fitted on the same splits."""

from __future__ import annotations

import random
from types import ModuleType
from typing import Any

import numpy as np
import pytest
from tests.conftest import load_script

WORDS = ["port", "grève", "navire", "quai", "douane", "marin", "cargo", "phare", "écluse", "bassin"]


def _script() -> ModuleType:
    return load_script("experiments/encoderless_selector.py")


def _articles(count: int, column: str) -> list[dict[str, Any]]:
    """Five sentences each; the one the abstract repeats is marked in feature ``column`` only."""
    from essentiel.keypoints.features import ALL_NAMES

    rng = random.Random(11)
    docs = []
    for n in range(count):
        key = rng.randrange(5)
        sentences = [" ".join(rng.sample(WORDS, 4)) + f" phrase{n}x{i}." for i in range(5)]
        rows = np.asarray([[rng.random() for _ in ALL_NAMES] for _ in range(5)], dtype=np.float32)
        rows[:, ALL_NAMES.index(column)] = [rng.random() + 2.0 * (i == key) for i in range(5)]
        docs.append(
            {
                "id": f"a{n}",
                "rows": rows,
                "indices": list(range(5)),
                "sentences": sentences,
                "reference": [sentences[key]],
                "oracle_all": [key],
            }
        )
    return docs


def test_a_mark_only_the_lexical_features_carry_is_found_only_by_the_models_reading_them() -> None:
    pytest.importorskip("lightgbm")
    report = _script().compare(_articles(200, "lex_first"), folds=4)
    assert report["folds"] == 4
    table = report["by_features"]
    assert all(row["documents"] == 200 for row in table.values())
    for name in ("lexical", "both"):
        assert table[name]["auc"] > 0.9, name
    for name in ("embedding", "neither"):
        assert table[name]["auc"] < 0.7, name
    top1 = {name: row["rouge1_rouge_score_tokenizer"]["model-top1"] for name, row in table.items()}
    assert top1["lexical"] > top1["embedding"] + 20


def test_rows_of_the_shipped_features_are_widened_with_the_lexical_ones() -> None:
    from essentiel.keypoints.features import ALL_NAMES, FEATURE_NAMES

    doc = _articles(1, "rank")[0]
    shipped = doc["rows"][:, [ALL_NAMES.index(n) for n in FEATURE_NAMES]]
    doc["rows"] = shipped.copy()
    doc["sentences"][1] = doc["sentences"][0]  # the same words: the nearest to each other
    _script().with_lexical([doc], {"a0": None})
    assert doc["rows"].shape == (5, len(ALL_NAMES))
    assert (doc["rows"][:, [ALL_NAMES.index(n) for n in FEATURE_NAMES]] == shipped).all()
    nearest = doc["rows"][:, ALL_NAMES.index("lex_max_other")]
    assert nearest[0] == nearest[1] == pytest.approx(1.0, abs=0.02)
    assert (doc["rows"][:, ALL_NAMES.index("lex_title")] == 0.0).all()
