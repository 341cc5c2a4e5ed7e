"""What does the sentence encoder buy the key-point selector? (issue 31)

The learned selector reads four similarities from the sentence encoder (to the title, to the
candidates' centroid, to the first candidate, to the nearest other one), and the encoder is
most of the key-point stage's CPU. This fits the selector the way ``make train`` does (same
articles, oracle labels, parameters, 90/10 split) on each set of features, from one file of
examples, and compares them on the held-out tenth: AUC and the ROUGE-1 of the model's top
sentences (no compression, no MMR), as ``train_selector.py`` records them.

    .venv/bin/python training/train_selector.py --documents 1500 --out /tmp/sel \\
        --examples /tmp/examples1500.pkl
    .venv/bin/python experiments/encoderless_selector.py /tmp/examples1500.pkl [--folds 10]

Feature sets: ``embedding`` (the shipped model's), ``lexical`` (TF-IDF cosines of stems in
place of the encoder's, ``features.LEXICAL_NAMES``), ``neither`` (no similarity at all),
``both``, and (examples saved since the twelfth session of 2026-12-06) ``vectors`` (the cosines
of the parse's static word vectors, ``features.VECTOR_NAMES``), ``vectors+lexical`` and
``vectors+embedding``. Examples saved before the lexical features existed (rows of the
shipped model's features only) get them from their sentences' texts and the article's title,
read again from ``--data``.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "training"))
from train_selector import DEFAULT_DATA, SEED, _dev_metrics, columns, fit_booster  # noqa: E402


def feature_sets() -> dict[str, tuple[str, ...]]:
    from essentiel.keypoints.features import (
        BASE_NAMES,
        EMBEDDING_NAMES,
        FEATURE_NAMES,
        LEXICAL_NAMES,
        VECTOR_NAMES,
    )

    return {
        "embedding": FEATURE_NAMES,
        "lexical": BASE_NAMES + LEXICAL_NAMES,
        "neither": BASE_NAMES,
        "both": BASE_NAMES + LEXICAL_NAMES + EMBEDDING_NAMES,
        "vectors": BASE_NAMES + VECTOR_NAMES,
        "vectors+lexical": BASE_NAMES + LEXICAL_NAMES + VECTOR_NAMES,
        "vectors+embedding": FEATURE_NAMES + VECTOR_NAMES,
    }


def with_lexical(docs: list[dict[str, Any]], titles: dict[str, str | None]) -> None:
    """Rows of the shipped model's features widened to features.ALL_NAMES, in place (the
    static vectors' columns, which need the parse, left at zero: ``compare`` skips them)."""
    from essentiel.keypoints.features import ALL_NAMES, lexical_similarities
    from train_selector import saved_names

    for doc in docs:
        rows = doc["rows"]
        if rows.shape[1] == len(ALL_NAMES):
            continue
        had = saved_names(rows.shape[1])
        if "lex_title" in had:
            widened = np.zeros((rows.shape[0], len(ALL_NAMES)), dtype=np.float32)
            widened[:, : rows.shape[1]] = rows
            doc["rows"] = widened
            doc["no_vectors"] = True
            continue
        old_names = had
        lexical = lexical_similarities(doc["sentences"], doc["indices"], titles[doc["id"]])
        every = np.zeros((rows.shape[0], len(ALL_NAMES)), dtype=np.float32)
        for k, name in enumerate(ALL_NAMES):
            if name in old_names:
                every[:, k] = rows[:, old_names.index(name)]
        first = ALL_NAMES.index("lex_title")
        every[:, first : first + lexical.shape[1]] = lexical
        doc["rows"] = every


def compare(docs: list[dict[str, Any]], folds: int = 1, seed: int = SEED) -> dict[str, Any]:
    """Held-out metrics of a selector fitted on each feature set, the same splits for all:
    the last tenth held out (``folds`` 1, as make train), or each of ``folds`` parts in turn
    (every article held out once; the metrics are the parts' means, weighted by size)."""
    for doc in docs:
        doc["labels"] = np.array(
            [1.0 if i in doc["oracle_all"] else 0.0 for i in doc["indices"]], dtype=np.float32
        )
        doc["oracle"] = doc["oracle_all"]
    if folds == 1:
        cut = int(0.9 * len(docs))
        splits = [(docs[:cut], docs[cut:])]
    else:
        bounds = [len(docs) * k // folds for k in range(folds + 1)]
        splits = [
            (docs[: bounds[k]] + docs[bounds[k + 1] :], docs[bounds[k] : bounds[k + 1]])
            for k in range(folds)
        ]
    table: dict[str, Any] = {}
    without_vectors = any(doc.get("no_vectors") for doc in docs)
    for name, names in feature_sets().items():
        if without_vectors and name.startswith("vectors"):
            continue  # examples saved before the static vectors' features
        runs = []
        for fit, dev in splits:
            booster = fit_booster(fit, seed, names)
            scores = [booster.predict(columns(d, names), num_threads=1) for d in dev]
            runs.append(_dev_metrics(dev, scores))
        table[name] = _weighted(runs)
    return {"documents": len(docs), "folds": folds, "by_features": table}


def _weighted(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """The runs' metrics averaged, each weighted by its number of held-out articles."""
    total = sum(run["documents"] for run in runs)

    def mean(values: list[float]) -> float:
        weighted = sum(v * run["documents"] for v, run in zip(values, runs, strict=True))
        return round(weighted / total, 4)

    picks = runs[0]["rouge1_rouge_score_tokenizer"]
    return {
        "documents": total,
        "auc": mean([run["auc"] for run in runs]),
        "rouge1_rouge_score_tokenizer": {
            key: round(mean([run["rouge1_rouge_score_tokenizer"][key] for run in runs]), 2)
            for key in picks
        },
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("examples", type=Path, help="a file train_selector.py --examples wrote")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="for the titles")
    parser.add_argument(
        "--folds", type=int, default=1, help="hold out each of this many parts in turn"
    )
    parser.add_argument("--json", type=Path, help="also write the table here")
    args = parser.parse_args(argv)

    from essentiel.evaluation.data import read_items

    with args.examples.open("rb") as f:
        docs: list[dict[str, Any]] = pickle.load(f)
    wanted = {d["id"] for d in docs}
    titles = {i.id: i.title for i in read_items(args.data, source="text") if i.id in wanted}
    with_lexical(docs, titles)
    result = compare(docs, args.folds)
    print(f"{'features':<10} {'AUC':>7} {'top1':>6} {'top2':>6} {'top3':>6}")
    for name, row in result["by_features"].items():
        r1 = row["rouge1_rouge_score_tokenizer"]
        print(
            f"{name:<10} {row['auc']:>7.4f} {r1['model-top1']:>6.2f} {r1['model-top2']:>6.2f}"
            f" {r1['model-top3']:>6.2f}"
        )
    lead = result["by_features"]["embedding"]["rouge1_rouge_score_tokenizer"]
    print(f"lead-1/2/3 {lead['lead-1']:.2f} {lead['lead-2']:.2f} {lead['lead-3']:.2f}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
