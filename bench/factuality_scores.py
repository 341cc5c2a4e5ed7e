"""Scores of a factuality metric against human labels, as the field computes them: FRANK's
partial correlation (controlling for the summarization system) and balanced accuracy with a
threshold (SummaC on XSumFaith). Used by ``bench/factuality.py``, ``training/train_checker.py``
and experiments, not by the package, so they live beside the scripts.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np


def partial_correlation(
    x: np.ndarray[Any, Any], y: np.ndarray[Any, Any], groups: Sequence[str], rank: bool
) -> float:
    """Correlation of x and y once the group (system) means are removed from both; on ranks
    for Spearman (FRANK ``evaluation/evaluate.py``)."""
    if rank:
        x, y = ranks(x), ranks(y)
    x, y = x.astype(float).copy(), y.astype(float).copy()
    for g in set(groups):
        mask = np.array([v == g for v in groups])
        x[mask] -= x[mask].mean()
        y[mask] -= y[mask].mean()
    return float(np.corrcoef(x, y)[0, 1])


def ranks(values: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    """Ranks from 0, ties sharing their mean rank."""
    order = values.argsort(kind="mergesort")
    found = np.empty(len(values))
    found[order] = np.arange(len(values))
    for v in np.unique(values):
        tied = values == v
        found[tied] = found[tied].mean()
    return found


def balanced_accuracy(predicted: Sequence[bool], truth: Sequence[bool]) -> float:
    """The mean of the recall of each class (faithful, unfaithful)."""
    pos = [p for p, t in zip(predicted, truth, strict=True) if t]
    neg = [not p for p, t in zip(predicted, truth, strict=True) if not t]
    return 0.5 * (sum(pos) / max(1, len(pos)) + sum(neg) / max(1, len(neg)))


def best_threshold(scores: Sequence[float], truth: Sequence[bool]) -> float:
    """The score threshold (faithful when score >= it) with the best balanced accuracy."""
    return float(
        max(
            np.unique(np.asarray(scores)),
            key=lambda t: balanced_accuracy([s >= t for s in scores], truth),
        )
    )


def cross_validated_balanced_accuracy(
    scores: Sequence[float], truth: Sequence[bool], folds: Sequence[int]
) -> float:
    """Balanced accuracy over all rows when each fold's rows are judged at the threshold chosen
    (``best_threshold``) on the other folds' rows: no row helps choose its own threshold."""
    predicted: list[bool] = []
    held_truth: list[bool] = []
    for f in sorted(set(folds)):
        tune = [k for k, g in enumerate(folds) if g != f]
        threshold = best_threshold([scores[k] for k in tune], [truth[k] for k in tune])
        held = [k for k, g in enumerate(folds) if g == f]
        predicted += [scores[k] >= threshold for k in held]
        held_truth += [truth[k] for k in held]
    return balanced_accuracy(predicted, held_truth)
