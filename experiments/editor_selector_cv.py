"""Does a selector fitted on editors' picks rank the candidates more like an editor than the
shipped one, fitted on the ROUGE oracle against the chapô? Cross-validation by article.

The labels are ``bench/editor_picks.py``'s (``bench/gold/fr-editor-picks.jsonl``: per
article the 2–4 sentences a blind editor session would copy into the box, and those stating
the headline's news). Each labelled article is parsed as ``training/train_selector.py`` parses
it; every candidate gets the selector's features and the shipped model's score; a candidate is
positive when a pick overlaps it most. Three rankings of each held-out fold's candidates:

- ``shipped``: the shipped selector's score (``KeyPointSettings.selector_model``);
- ``editor``: LightGBM fitted on the other folds' editor labels, the shipped model's features;
- ``stacked``: the same plus the shipped model's score as a feature.

Printed: R-precision (the top k against the editor's k picks), how often the top candidate is
one of the picks, the editor's first pick, a sentence stating the headline's news.

    PYTHONPATH=src .venv/bin/python experiments/editor_selector_cv.py \\
        --data ../shared/eval-data/orangesum/orangesum_abstract_train.jsonl.gz \\
        --labels bench/gold/fr-editor-picks.jsonl --cache /tmp/editor_rows.pkl
"""

from __future__ import annotations

import argparse
import pickle
import random
import sys
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "training"))

from train_editor_selector import (  # noqa: E402
    NAME,
    PARAMS,
    ROUNDS,
    columns,
    labelled_examples,
    read_labels,
)


def matrix(article: dict[str, Any], keep: list[int], stacked: bool) -> np.ndarray:
    x = article["rows"][:, keep]
    if stacked:
        x = np.column_stack([x, article["shipped"]])
    return x


def measure(article: dict[str, Any], scores: np.ndarray, counts: dict[str, int]) -> None:
    order = [article["indices"][k] for k in np.argsort(-scores)]
    picks = set(article["picks"])
    k = max(len(picks), 1)
    counts["articles"] += 1
    counts["picks"] += len(picks)
    counts["hits"] += len(set(order[:k]) & picks)
    counts["top_picked"] += int(order[0] in picks)
    counts["top_first"] += int(bool(article["picks"]) and order[0] == article["picks"][0])
    counts["top_main"] += int(order[0] in article["main"])
    counts["has_main"] += int(bool(article["main"]))


def cross_validate(articles: list[dict[str, Any]], folds: int, seed: int) -> None:
    import lightgbm

    from essentiel.keypoints.learned import SELECTOR_MODELS

    keep = columns(SELECTOR_MODELS[NAME])
    order = list(range(len(articles)))
    random.Random(seed).shuffle(order)
    totals: dict[str, dict[str, int]] = {}
    for part in range(folds):
        test = [articles[i] for k, i in enumerate(order) if k % folds == part]
        train = [articles[i] for k, i in enumerate(order) if k % folds != part]
        boosters = {}
        for name, stacked in (("editor", False), ("stacked", True)):
            x = np.concatenate([matrix(a, keep, stacked) for a in train])
            y = np.concatenate([a["labels"] for a in train])
            boosters[name] = lightgbm.train(
                {**PARAMS, "seed": seed}, lightgbm.Dataset(x, y), ROUNDS
            )
        for a in test:
            rankings = {
                "shipped": a["shipped"],
                "editor": boosters["editor"].predict(matrix(a, keep, False), num_threads=1),
                "stacked": boosters["stacked"].predict(matrix(a, keep, True), num_threads=1),
                "lead": -np.array(a["indices"], dtype=float),
            }
            for name, scores in rankings.items():
                counts = totals.setdefault(
                    name,
                    dict.fromkeys(
                        (
                            "articles",
                            "picks",
                            "hits",
                            "top_picked",
                            "top_first",
                            "top_main",
                            "has_main",
                        ),
                        0,
                    ),
                )
                measure(a, np.asarray(scores), counts)
    print(f"{'ranking':<9} articles  R-precision  top picked  top = first  top states main")
    for name, c in totals.items():
        n = max(c["articles"], 1)
        print(
            f"{name:<9} {c['articles']:>8}  {100 * c['hits'] / max(c['picks'], 1):11.1f}  "
            f"{100 * c['top_picked'] / n:10.1f}  {100 * c['top_first'] / n:11.1f}  "
            f"{100 * c['top_main'] / max(c['has_main'], 1):15.1f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--labels", type=Path, nargs="+", required=True)
    parser.add_argument("--cache", type=Path)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    if args.cache and args.cache.exists():
        articles = pickle.loads(args.cache.read_bytes())
    else:
        from essentiel.keypoints import KeyPointSettings

        labels = read_labels(args.labels)
        articles = labelled_examples(args.data, labels, KeyPointSettings().selector_model)
        if args.cache:
            args.cache.write_bytes(pickle.dumps(articles))
    cross_validate(articles, args.folds, args.seed)


if __name__ == "__main__":
    main()
