"""The summary checker against human factuality labels: FRANK (validation) and XSumFaith.

    .venv/bin/python bench/factuality.py [--json bench/out/factuality.json]

FRANK: each of the 671 validation summaries is checked against its article; our score (the
mean of its sentence scores) is correlated with the human `Factuality` label, as partial Pearson and
Spearman correlations controlling for the summarization system (FRANK's evaluation: both
variables are residualised on system indicators, then correlated). The metrics the FRANK
authors released (BERTScore-P against the article, FactCC, QAGS, DAE, FEQA) are scored the same
way on the same rows, in the same run.

XSumFaith: every summary with its article (1,844 of 1,869) is predicted faithful or not.
Balanced accuracy two ways: (a) with no tuning, "faithful" = our verdict is not unsupported;
(b) with the score threshold chosen on one half of the documents and applied to the other, both
ways round (2-fold, split by document), the way SummaC picks its threshold on validation data.
Time per check (the article's digest included) is reported for both sets.

These are the rules' scores (``Checker(learned=False)``). The shipped combiner, which sets
``SummaryCheck.score`` by default, was trained on these very rows, so scoring it here would be
scoring it on its training data: its figures are the grouped cross-validation of
``training/train_checker.py``, copied from its record, and only its time is measured here.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import numpy as np

from essentiel.check.checker import Checker, verifier_for
from essentiel.check.learned_score import load_checker_model
from essentiel.errors import EssentielError
from essentiel.model import SentenceVerdict
from factuality_scores import balanced_accuracy, best_threshold, partial_correlation
from report import write_report

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "eval-data"
BASELINES = {
    "BertScore P Art": "BERTScore-P (article)",
    "FactCC": "FactCC",
    "QAGS": "QAGS",
    "Dep Entail": "DAE",
    "FEQA": "FEQA",
}


def _rows(path: Path) -> list[dict[str, Any]]:
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        return [json.loads(line) for line in lines]


COMBINER_SECONDS: list[float] = []  # the learned combiner's own cost, per summary


def _checked(checker: Checker, rows: list[dict[str, Any]], doc_key: str) -> list[Any]:
    """(row, result or None) for every row; each article digested once. The rules' result is
    what is scored; the shipped combiner's probability is computed too, for its time only."""
    model = load_checker_model()
    by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        by_doc[row[doc_key]].append(row)
    results = []
    for doc_rows in by_doc.values():
        text = doc_rows[0].get("text")
        digest = None
        if text:
            try:
                digest = checker.pipeline.digest(text, lang="en")
            except EssentielError:
                digest = None
        for row in doc_rows:
            result = checker.check_digest(digest, row["summary"]) if digest else None
            if model is not None and digest is not None and result is not None:
                started = time.perf_counter()
                model.probability(digest, result.sentences, verifier_for(digest))
                COMBINER_SECONDS.append(time.perf_counter() - started)
            results.append((row, result))
    return results


def frank(checker: Checker) -> dict[str, Any]:
    rows = _rows(DATA / "frank" / "frank_annotated_summaries.jsonl.gz")
    started = time.perf_counter()
    checked = _checked(checker, rows, "doc_id")
    seconds = time.perf_counter() - started
    kept = [(row, result) for row, result in checked if result is not None]
    human = np.array([row["labels"]["Factuality"] for row, _ in kept])
    ours = np.array([result.score for _, result in kept])
    systems = [row["model_name"] for row, _ in kept]
    out: dict[str, Any] = {
        "summaries": len(kept),
        "ms_per_check": round(1000 * seconds / len(checked), 1),
        "ours": {
            "pearson": round(partial_correlation(ours, human, systems, rank=False), 3),
            "spearman": round(partial_correlation(ours, human, systems, rank=True), 3),
        },
    }
    baselines = json.load((DATA / "frank" / "baseline_factuality_metrics_outputs.json").open())
    index = {(b["hash"], b["model_name"]): b for b in baselines}
    for key, name in BASELINES.items():
        pairs = [
            (float(index[(row["doc_id"], row["model_name"])][key]), row["labels"]["Factuality"],
             row["model_name"])
            for row, _ in kept
            if index.get((row["doc_id"], row["model_name"]), {}).get(key) is not None
        ]  # fmt: skip
        if len(pairs) < 10:
            continue
        x = np.array([p[0] for p in pairs])
        y = np.array([p[1] for p in pairs])
        g = [p[2] for p in pairs]
        out[name] = {
            "n": len(pairs),
            "pearson": round(partial_correlation(x, y, g, rank=False), 3),
            "spearman": round(partial_correlation(x, y, g, rank=True), 3),
        }
    return out


def xsumfaith(checker: Checker) -> dict[str, Any]:
    rows = [r for r in _rows(DATA / "xsumfaith" / "xsumfaith_with_docs.jsonl.gz") if r["text"]]
    started = time.perf_counter()
    checked = [(row, res) for row, res in _checked(checker, rows, "bbcid") if res is not None]
    seconds = time.perf_counter() - started
    truth = [str(row["label_majority_factual"]) == "1" for row, _ in checked]
    untuned = [res.verdict is not SentenceVerdict.UNSUPPORTED for _, res in checked]
    scores = np.array([res.score for _, res in checked])
    docs = sorted({row["bbcid"] for row, _ in checked})
    half = set(docs[::2])
    folds = [
        [k for k, (row, _) in enumerate(checked) if (row["bbcid"] in half) == side]
        for side in (True, False)
    ]
    tuned: list[float] = []
    thresholds = []
    for tune, test in ((folds[0], folds[1]), (folds[1], folds[0])):
        best = best_threshold([float(scores[k]) for k in tune], [truth[k] for k in tune])
        thresholds.append(round(float(best), 3))
        tuned.append(balanced_accuracy([scores[k] >= best for k in test], [truth[k] for k in test]))
    return {
        "summaries": len(checked),
        "faithful_share": round(sum(truth) / len(truth), 3),
        "ms_per_check": round(1000 * seconds / len(checked), 1),
        "balanced_accuracy_untuned": round(100 * balanced_accuracy(untuned, truth), 1),
        "balanced_accuracy_2fold": round(100 * sum(tuned) / 2, 1),
        "thresholds": thresholds,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    if not DATA.exists():
        print(f"no data at {DATA}", file=sys.stderr)
        return 2
    # The rules alone: the shipped combiner was trained on these very rows, so its figures
    # come from the cross-validation of training/train_checker.py (its record, below).
    checker = Checker(learned=False)
    results: dict[str, Any] = {"frank_valid": frank(checker), "xsumfaith": xsumfaith(checker)}
    model = load_checker_model()
    if model is not None and COMBINER_SECONDS:
        results["combiner"] = {
            "ms_per_summary": round(1000 * sum(COMBINER_SECONDS) / len(COMBINER_SECONDS), 1),
            "cross_validated_in_training": model.record["metrics"]["cross_validated"],
        }
    print(json.dumps(results, indent=2))
    print("published: FRANK BERTScore-P 0.295 Pearson, FactCC 0.300 Spearman (partial); "
          "XSumFaith SummaC-Conv balanced accuracy 66.4")  # fmt: skip
    write_report(results, args.json, [], None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
