"""How the key-point selector's held-out quality grows with the articles it is fitted on.

The selector is fitted exactly as ``train_selector.py`` fits it (same features, oracle labels,
LightGBM parameters and rounds) on the first N articles of a features file that
``train_selector.py --examples`` wrote, for growing N, and every fit is scored on the same
held-out articles: the last ``--dev`` articles of that file. Each size is fitted with several
seeds, since the seed alone moves the top-2 figure by about 0.2. If the curve is flat by the
size ``make train`` uses, more OrangeSum articles will not move the selector: what limits it
is what its features see, not how many articles it learns from.

    .venv/bin/python training/train_selector.py --documents 21401 \\
        --examples /tmp/exp/sel_all.pkl --out /tmp/sel_all
    .venv/bin/python experiments/selector_learning_curve.py --examples /tmp/exp/sel_all.pkl \\
        --json experiments/out/learning_curve.json
"""

from __future__ import annotations

import argparse
import pickle
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "training"))
sys.path.insert(0, str(ROOT / "bench"))  # report, when loaded from elsewhere
from report import write_report  # noqa: E402
from train_selector import SEED, _dev_metrics, columns, fit_booster  # noqa: E402

SIZES = (1500, 3000, 6000, 12000, 19000)


def curve(
    docs: list[dict[str, Any]], sizes: list[int], dev_size: int, seeds: list[int]
) -> dict[str, Any]:
    """Held-out metrics of the selector fitted on the first N of ``docs``, for each N."""
    if dev_size < 1 or dev_size >= len(docs):
        raise ValueError(f"--dev {dev_size}: the file has {len(docs)} articles")
    dev = docs[-dev_size:]
    available = len(docs) - dev_size
    rows = []
    for size in sizes:
        if size > available:
            raise ValueError(f"size {size}: only {available} articles come before the dev set")
        fit = docs[:size]
        runs = []
        for seed in seeds:
            booster = fit_booster(fit, seed)
            names = tuple(booster.feature_name())
            scores = [booster.predict(columns(d, names), num_threads=1) for d in dev]
            runs.append(_dev_metrics(dev, scores))
        picks = [run["rouge1_rouge_score_tokenizer"] for run in runs]
        rows.append(
            {
                "fit_documents": size,
                "fit_sentences": int(sum(len(d["labels"]) for d in fit)),
                "auc": round(statistics.mean(run["auc"] for run in runs), 4),
                **{
                    f"top{k}": round(statistics.mean(p[f"model-top{k}"] for p in picks), 2)
                    for k in (1, 2, 3)
                },
                "top2_by_seed": [p["model-top2"] for p in picks],
            }
        )
    # LEAD-k and the oracle do not depend on the scores: any will do.
    baselines = _dev_metrics(dev, [d["labels"] for d in dev])["rouge1_rouge_score_tokenizer"]
    return {
        "dev_documents": len(dev),
        "seeds": seeds,
        "lead-2": baselines["lead-2"],
        "lead-3": baselines["lead-3"],
        "oracle": baselines["oracle"],
        "curve": rows,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--examples",
        type=Path,
        required=True,
        help="features and labels written by train_selector.py --examples",
    )
    parser.add_argument("--dev", type=int, default=2000, help="held-out articles (the last ones)")
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--seeds", type=int, default=2, help="fits per size (seed, seed+1, ...)")
    parser.add_argument("--json", type=Path, help="also write the curve as JSON here")
    args = parser.parse_args(argv)
    if not args.examples.is_file():
        parser.error(f"{args.examples}: no such file (write it with train_selector.py --examples)")
    with args.examples.open("rb") as f:
        docs = pickle.load(f)
    started = time.perf_counter()
    try:
        report = curve(docs, args.sizes, args.dev, [SEED + k for k in range(args.seeds)])
    except ValueError as error:
        parser.error(str(error))
    print(
        f"held out: {report['dev_documents']} articles; LEAD-2 {report['lead-2']}, "
        f"LEAD-3 {report['lead-3']}, oracle {report['oracle']} (ROUGE-1)"
    )
    print("| fit articles | fit sentences | AUC | top-1 | top-2 | top-2 by seed | top-3 |")
    print("|---:|---:|---:|---:|---:|---|---:|")
    for row in report["curve"]:
        seeds = " / ".join(f"{v:.2f}" for v in row["top2_by_seed"])
        print(
            f"| {row['fit_documents']:,} | {row['fit_sentences']:,} | {row['auc']:.3f} "
            f"| {row['top1']:.2f} | {row['top2']:.2f} | {seeds} | {row['top3']:.2f} |"
        )
    print(f"{time.perf_counter() - started:.0f} s")
    write_report(report, args.json, [], None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
