"""How far can spotting invented words take a checker on XSumFaith? The annotators' own spans.

    .venv/bin/python experiments/xsumfaith_spans.py [--json experiments/out/xsumfaith_spans.json]

XSumFaith (Maynez et al. 2020) gives each summary two human judgements: three annotators
marked the spans they found hallucinated (intrinsic: a distortion of the article; extrinsic:
something the article does not say), and three others voted on whether the summary is
factual. The issue's target is the balanced accuracy of the second from a checker's score
(SummaC-Conv: 66.4). Every lexical signal our checker has (novel words and n-grams,
coverage by the evidence, unsupported names and numbers) is an estimate of the first: how
much of the summary is not backed by the article.

This script scores each summary with the *gold* answer to that first question, the share of
its non-space characters inside spans marked by at least K annotators (all spans, or only
one type), and measures how well it predicts the factuality majority: balanced accuracy with
the threshold chosen on the other folds (the 5 folds grouped by article of
``training/train_checker.py``), and, as a ceiling, with the best threshold on all rows.
A detector of invented words, however good, cannot beat its own gold; if the gold stays under
the target, what is missing is a judgement of whether the added words are true or follow
from the article, which is what an entailment model gives.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "eval-data" / "xsumfaith" / "xsumfaith_with_docs.jsonl.gz"
sys.path.insert(0, str(ROOT / "training"))
sys.path.insert(0, str(ROOT / "bench"))  # report, when loaded from elsewhere

from report import write_report  # noqa: E402


def marked_share(row: dict[str, Any], kind: str | None, at_least: int) -> float:
    """Share of the summary's non-space characters inside spans that at least ``at_least``
    annotators marked (of type ``kind``, or any type when None)."""
    summary = row["summary"]
    marks: dict[str, np.ndarray[Any, Any]] = {}
    for span in row.get("hallucination_spans") or []:
        if kind is not None and span["type"] != kind:
            continue
        # Offsets are 1-based and inclusive in the released CSV.
        mask = marks.setdefault(span["worker"], np.zeros(len(summary), dtype=bool))
        mask[max(span["start"] - 1, 0) : span["end"]] = True
    count = sum((m.astype(int) for m in marks.values()), np.zeros(len(summary), dtype=int))
    chars = [i for i, c in enumerate(summary) if not c.isspace()]
    return float(np.mean(count[chars] >= at_least)) if chars else 0.0


def main(argv: list[str] | None = None) -> int:
    from factuality_scores import (
        balanced_accuracy,
        best_threshold,
        cross_validated_balanced_accuracy,
    )
    from train_checker import SEED, folds_of

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--json", type=Path, help="also write the table as JSON here")
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(f"error: {args.data}: no such file", file=sys.stderr)
        return 2
    with gzip.open(args.data, "rt", encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines]
    # The rows the checker is measured on: those with their article and votes.
    rows = [r for r in rows if r.get("text") and r.get("factual_votes")]
    truth = [str(r["label_majority_factual"]) == "1" for r in rows]
    # The checker's folds: its cross-validated figure and this one split the articles alike.
    fold_of = folds_of([str(r["bbcid"]) for r in rows], SEED)
    fold = [fold_of[str(r["bbcid"])] for r in rows]

    table: dict[str, dict[str, float]] = {}
    for kind in (None, "intrinsic", "extrinsic"):
        for at_least in (1, 2, 3):
            # Less of the summary marked, more likely faithful: the score is minus the share.
            score = [-marked_share(r, kind, at_least) for r in rows]
            ceiling = best_threshold(score, truth)
            name = f"{kind or 'any'} span, marked by >= {at_least}"
            table[name] = {
                "cross_validated": round(
                    100 * cross_validated_balanced_accuracy(score, truth, fold), 1
                ),
                "best_threshold_on_all": round(
                    100 * balanced_accuracy([s >= ceiling for s in score], truth), 1
                ),
            }
    print(f"XSumFaith, {len(rows)} summaries, {sum(truth)} judged factual by a majority")
    print(f"{'gold spans as the score':<34} {'5-fold BA':>9} {'best-threshold BA':>18}")
    for name, cells in table.items():
        print(
            f"{name:<34} {cells['cross_validated']:>9.1f} {cells['best_threshold_on_all']:>18.1f}"
        )
    write_report(
        {"summaries": len(rows), "factual": sum(truth), "table": table}, args.json, [], None
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
