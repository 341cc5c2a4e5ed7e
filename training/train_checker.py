"""Train the checker's combiner (``essentiel/checker_model.py``) on human factuality labels.

    make train-checker          # = .venv/bin/python training/train_checker.py
    .venv/bin/python training/train_checker.py --examples /tmp/checker.pkl \
        --drop repeated_words,repeated_bigrams     # an ablation: cross-validates, ships nothing

Data (``../shared/eval-data/``, the development labels the issue names): the 671 FRANK
validation summaries (label: ``Factuality``, the share of sentences judged factual) and the
1,844 XSumFaith summaries that have their article (label: the share of annotators who judged
it faithful). Every article is digested once; every summary is checked by the rules and
described by ``FEATURE_NAMES``.

Evaluation before shipping, by 5-fold cross-validation grouped by article (the FRANK XSum
articles are XSumFaith articles too, so the groups are article ids across both sets): each
summary is scored by a model that never saw its article. On those out-of-fold scores: FRANK's
partial correlations (controlling for the system) and XSumFaith's balanced accuracy, with the
threshold of each fold chosen on the other folds' out-of-fold scores; calibration (Brier
score, expected calibration error). The rules' score is measured on the same rows beside it.

The shipped model is then trained on every row with the same parameters and seed; LightGBM
runs on one thread in deterministic mode, so the same command writes the same file.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import pickle
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "eval-data"
FRANK = DATA / "frank" / "frank_annotated_summaries.jsonl.gz"
XSUMFAITH = DATA / "xsumfaith" / "xsumfaith_with_docs.jsonl.gz"
DEFAULT_OUT = ROOT / "src" / "essentiel" / "resources" / "models"
sys.path.insert(0, str(ROOT / "bench"))  # factuality_scores, shared with bench/factuality.py
FOLDS = 5
SEED = 20251124  # the folds' and LightGBM's
PARAMS: dict[str, Any] = {
    "objective": "cross_entropy",  # labels are shares in [0, 1]; the output is a probability
    "learning_rate": 0.03,
    "num_leaves": 7,
    "min_data_in_leaf": 40,
    "feature_fraction": 0.8,
    "bagging_fraction": 0.8,
    "bagging_freq": 1,
    "lambda_l2": 5.0,
    "num_threads": 1,
    "deterministic": True,
    "force_row_wise": True,
    "verbosity": -1,
}
ROUNDS = 300
# Which way each signal may move the probability (+1 up, -1 down, 0 free), as LightGBM's
# monotone constraints: more of the summary found in the article never makes it less faithful,
# a named problem or a novel n-gram never makes it more. Without them the trees learned
# wiggles of the labels that ranked summaries of one system worse (FRANK partial Spearman
# 0.291 cross-validated without them, 0.327 with them: `--unconstrained`, docs/benchmarks.md).
DIRECTIONS: dict[str, int] = {
    "score_mean": 1,
    "score_min": 1,
    "coverage_mean": 1,
    "coverage_min": 1,
    "coverage_closest_mean": 1,
    "coverage_closest_min": 1,
    "coverage_weighted_mean": 1,
    "coverage_weighted_min": 1,
    "unsupported_share": -1,
    "cannot_tell_share": -1,
    "problem_name": -1,
    "problem_number": -1,
    "problem_date": -1,
    "problem_quote": -1,
    "problem_attribution": -1,
    "problem_negation": -1,
    "facts_checked": 0,
    "novel_words": -1,
    "novel_bigrams": -1,
    "novel_trigrams": -1,
    "novel_capitalised": -1,
    "novel_numbers": -1,
    "cosine_best_mean": 1,
    "cosine_best_min": 1,
    "cosine_lead": 1,
    "repeated_words": -1,
    "repeated_bigrams": -1,
}


def _rows(path: Path) -> list[dict[str, Any]]:
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        return [json.loads(line) for line in lines]


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def examples() -> list[dict[str, Any]]:
    """One example per summary: its article group, label, system, set and features."""
    from essentiel.check.checker import Checker, verifier_for
    from essentiel.check.learned_score import summary_features
    from essentiel.errors import EssentielError
    from essentiel.keypoints.features import embedder

    items = [
        {
            "set": "frank",
            "doc": str(r["doc_id"]),
            "text": r["text"],
            "summary": r["summary"],
            "label": float(r["labels"]["Factuality"]),
            "system": r["model_name"],
        }
        for r in _rows(FRANK)
    ]
    for r in _rows(XSUMFAITH):
        votes = [bool(v) for v in r.get("factual_votes") or []]
        if r.get("text") and votes:
            items.append(
                {
                    "set": "xsumfaith",
                    "doc": str(r["bbcid"]),
                    "text": r["text"],
                    "summary": r["summary"],
                    "label": sum(votes) / len(votes),
                    "majority": str(r["label_majority_factual"]) == "1",
                    "system": r["model_name"],
                }
            )
    checker = Checker(learned=False)
    embed = embedder()
    by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for item in items:
        by_doc[item["doc"]].append(item)
    out: list[dict[str, Any]] = []
    started = time.perf_counter()
    for n, group in enumerate(by_doc.values(), 1):
        try:
            digest = checker.pipeline.digest(group[0]["text"], lang="en")
        except EssentielError:
            continue
        verifier = verifier_for(digest)
        for item in group:
            result = checker.check_digest(digest, item["summary"])
            features = summary_features(digest, result.sentences, verifier, embed)
            out.append({k: v for k, v in item.items() if k != "text"} | {"x": features})
        if n % 50 == 0 or n == len(by_doc):
            rate = n / (time.perf_counter() - started)
            print(f"\r  features: {n}/{len(by_doc)} articles, {rate:.1f}/s", end="", flush=True)
    print()
    return out


def folds_of(docs: list[str], seed: int) -> dict[str, int]:
    """Each article's fold: a seeded shuffle of the sorted article ids, dealt round-robin."""
    order = sorted(set(docs))
    np.random.default_rng(seed).shuffle(order)
    return {doc: k % FOLDS for k, doc in enumerate(order)}


def train(
    x: np.ndarray[Any, Any],
    y: np.ndarray[Any, Any],
    seed: int,
    names: tuple[str, ...] | None = None,
    constrained: bool = True,
) -> Any:
    """One LightGBM model on the columns ``names`` (all features by default)."""
    import lightgbm

    from essentiel.check.learned_score import FEATURE_NAMES

    names = names or FEATURE_NAMES
    data = lightgbm.Dataset(x, label=y, feature_name=list(names), free_raw_data=False)
    params = {**PARAMS, "seed": seed}
    if constrained:
        params["monotone_constraints"] = [DIRECTIONS[name] for name in names]
    return lightgbm.train(params, data, num_boost_round=ROUNDS)


def out_of_fold(
    x: np.ndarray[Any, Any],
    y: np.ndarray[Any, Any],
    fold: np.ndarray[Any, Any],
    seed: int,
    names: tuple[str, ...] | None = None,
    constrained: bool = True,
) -> np.ndarray[Any, Any]:
    """Each row's score from the model trained on the other folds (``train``'s arguments)."""
    oof = np.zeros(len(y))
    for f in range(FOLDS):
        model = train(x[fold != f], y[fold != f], seed, names, constrained)
        oof[fold == f] = model.predict(x[fold == f], num_threads=1)
    return oof


def cached_examples(path: Path | None) -> list[dict[str, Any]]:
    """``examples()``, read from ``path`` when it is there, and written there when not."""
    if path and path.is_file():
        with path.open("rb") as f:
            rows: list[dict[str, Any]] = pickle.load(f)
        return rows
    rows = examples()
    if path:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as f:
            pickle.dump(rows, f)
    return rows


def calibration(
    p: np.ndarray[Any, Any], y: np.ndarray[Any, Any], bins: int = 10
) -> dict[str, float]:
    """Brier score and expected calibration error (equal-width bins) of probabilities p."""
    edges = np.linspace(0, 1, bins + 1)
    which = np.clip(np.digitize(p, edges) - 1, 0, bins - 1)
    ece = sum(
        abs(p[which == b].mean() - y[which == b].mean()) * (which == b).mean()
        for b in range(bins)
        if (which == b).any()
    )
    return {"brier": round(float(((p - y) ** 2).mean()), 4), "ece": round(float(ece), 4)}


def evaluate(
    rows: list[dict[str, Any]], scores: np.ndarray[Any, Any], fold: np.ndarray[Any, Any]
) -> dict[str, Any]:
    """FRANK partial correlations and XSumFaith balanced accuracy of one score per row."""
    from factuality_scores import (
        cross_validated_balanced_accuracy,
        partial_correlation,
    )

    frank = [k for k, r in enumerate(rows) if r["set"] == "frank"]
    human = np.array([rows[k]["label"] for k in frank])
    systems = [rows[k]["system"] for k in frank]
    xsum = [k for k, r in enumerate(rows) if r["set"] == "xsumfaith"]
    # Each fold's threshold is chosen on the other folds' out-of-fold scores.
    accuracy = cross_validated_balanced_accuracy(
        [float(scores[k]) for k in xsum],
        [rows[k]["majority"] for k in xsum],
        [fold[k] for k in xsum],
    )
    return {
        "frank_partial_pearson": round(
            partial_correlation(scores[frank], human, systems, False), 3
        ),
        "frank_partial_spearman": round(
            partial_correlation(scores[frank], human, systems, True), 3
        ),
        "xsumfaith_balanced_accuracy": round(100 * accuracy, 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument(
        "--examples", type=Path, help="reuse the features saved at this path (written if absent)"
    )
    parser.add_argument(
        "--drop",
        default="",
        help="ablation: comma-separated features to leave out; cross-validates, writes nothing",
    )
    parser.add_argument(
        "--unconstrained",
        action="store_true",
        help="ablation: no monotone constraints; cross-validates, writes nothing",
    )
    args = parser.parse_args(argv)
    from essentiel.check.learned_score import FEATURE_NAMES, MODEL_FILE, RECORD_FILE

    dropped = {name for name in args.drop.split(",") if name}
    if dropped - set(FEATURE_NAMES):
        print(f"error: no such features: {sorted(dropped - set(FEATURE_NAMES))}", file=sys.stderr)
        return 2

    if set(DIRECTIONS) != set(FEATURE_NAMES):
        print("error: DIRECTIONS must give a direction for every feature", file=sys.stderr)
        return 2
    if not FRANK.is_file() or not XSUMFAITH.is_file():
        print(f"error: the FRANK and XSumFaith labels are not under {DATA}", file=sys.stderr)
        return 2
    rows = cached_examples(args.examples)
    x = np.stack([r["x"] for r in rows])
    y = np.array([r["label"] for r in rows])
    assignment = folds_of([r["doc"] for r in rows], args.seed)
    fold = np.array([assignment[r["doc"]] for r in rows])
    if dropped or args.unconstrained:
        kept = tuple(name for name in FEATURE_NAMES if name not in dropped)
        columns = x[:, [FEATURE_NAMES.index(name) for name in kept]]
        oof = out_of_fold(columns, y, fold, args.seed, kept, not args.unconstrained)
        print(
            json.dumps(
                {
                    "ablation": vars(args) | {"out": None, "examples": None},
                    "learned": evaluate(rows, oof, fold),
                },
                indent=2,
            )
        )
        return 0
    oof = out_of_fold(x, y, fold, args.seed)
    rules = x[:, FEATURE_NAMES.index("score_mean")]
    xsum = np.array([r["set"] == "xsumfaith" for r in rows])
    majority = np.array([float(r.get("majority", 0)) for r in rows])
    metrics = {
        "cross_validated": {
            "learned": evaluate(rows, oof, fold),
            "rules": evaluate(rows, rules, fold),
            "calibration_xsumfaith_majority": calibration(oof[xsum], majority[xsum]),
            "calibration_all_shares": calibration(oof, y),
        },
        "summaries": {"frank": int((~xsum).sum()), "xsumfaith": int(xsum.sum())},
        "articles": len(assignment),
    }
    model = train(x, y, args.seed)
    gain = model.feature_importance(importance_type="gain")
    metrics["feature_gain_share"] = {
        name: round(float(g / gain.sum()), 3)
        for name, g in sorted(zip(FEATURE_NAMES, gain, strict=True), key=lambda t: -t[1])
    }
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / MODEL_FILE).write_text(model.model_to_string(), encoding="utf-8")
    record = {
        "features": list(FEATURE_NAMES),
        "embedding": True,
        "params": PARAMS,
        "directions": DIRECTIONS,
        "rounds": ROUNDS,
        "seed": args.seed,
        "folds": FOLDS,
        "data": {
            "frank": {"path": "frank/frank_annotated_summaries.jsonl.gz", "sha256": _sha256(FRANK)},
            "xsumfaith": {
                "path": "xsumfaith/xsumfaith_with_docs.jsonl.gz",
                "sha256": _sha256(XSUMFAITH),
            },
        },
        "metrics": metrics,
        "command": "make train-checker",
    }
    (args.out / RECORD_FILE).write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(metrics, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
