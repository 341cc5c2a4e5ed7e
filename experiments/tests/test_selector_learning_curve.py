"""The selector's learning curve: growing fits, one held-out set, the shipped fit's code."""

from __future__ import annotations

import json
import pickle
import random
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
import pytest
from tests.conftest import load_script

WORDS = ["port", "grève", "navire", "quai", "douane", "marin", "cargo", "phare", "écluse", "bassin"]


def _script() -> ModuleType:
    return load_script("experiments/selector_learning_curve.py")


def _articles(count: int) -> list[dict[str, Any]]:
    """Five sentences each; the one the abstract repeats is marked by the first feature."""
    from essentiel.keypoints.features import FEATURE_NAMES

    rng = random.Random(7)
    docs = []
    for n in range(count):
        key = rng.randrange(5)
        sentences = [" ".join(rng.sample(WORDS, 4)) + f" phrase{n}x{i}." for i in range(5)]
        rows = np.asarray(
            [[rng.random() for _ in FEATURE_NAMES] for _ in range(5)], dtype=np.float32
        )
        rows[:, 0] = [rng.random() + (1.5 if i == key else 0.0) for i in range(5)]
        labels = np.array([1.0 if i == key else 0.0 for i in range(5)], dtype=np.float32)
        docs.append(
            {
                "id": f"a{n}",
                "rows": rows,
                "labels": labels,
                "indices": list(range(5)),
                "sentences": sentences,
                "reference": [sentences[key]],
                "oracle": [key],
            }
        )
    return docs


def test_each_size_is_fitted_on_the_first_articles_and_scored_on_the_same_ones() -> None:
    pytest.importorskip("lightgbm")
    report = _script().curve(_articles(160), [40, 120], 40, [1, 2])
    assert report["dev_documents"] == 40 and report["seeds"] == [1, 2]
    assert [row["fit_documents"] for row in report["curve"]] == [40, 120]
    assert [row["fit_sentences"] for row in report["curve"]] == [200, 600]
    # The marked sentence is the abstract word for word: the oracle finds it, and a fit that
    # learnt the mark picks it, which the lead does only by chance.
    assert report["oracle"] == 100.0
    best = report["curve"][-1]
    assert best["auc"] > 0.9 and best["top1"] > 90
    assert best["top1"] > report["lead-2"] + 20
    assert len(best["top2_by_seed"]) == 2


def test_sizes_that_reach_into_the_held_out_articles_are_refused(tmp_path: Path) -> None:
    pytest.importorskip("lightgbm")
    script = _script()
    with pytest.raises(ValueError, match="only 60 articles"):
        script.curve(_articles(100), [80], 40, [1])
    examples = tmp_path / "examples.pkl"
    examples.write_bytes(pickle.dumps(_articles(100)))
    with pytest.raises(SystemExit) as refused:
        script.main(["--examples", str(examples), "--dev", "40", "--sizes", "80"])
    assert refused.value.code == 2
    out = tmp_path / "curve.json"
    argv = ["--examples", str(examples), "--dev", "40", "--sizes", "60", "--seeds", "1"]
    assert script.main([*argv, "--json", str(out)]) == 0
    written = json.loads(out.read_text(encoding="utf-8"))
    assert [row["fit_documents"] for row in written["curve"]] == [60]
