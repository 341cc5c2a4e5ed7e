"""Train the key-point selector on editors' picks instead of the ROUGE oracle (issue 33).

The shipped selector learns which sentences a greedy ROUGE oracle takes against the chapô, a
summary that often adds outside facts and rewrites. This one learns which sentences blind
editor sessions would copy into the box (``bench/gold/fr-editor-picks.jsonl``, made with
``bench/editor_picks.py``): the main news first, sentences that stand alone. Same
features as the default selector (``learned.SELECTOR_MODELS["editor"]``), so the pipeline
uses it with ``KeyPointSettings(selector_model="editor")``.

Reproducible: the same labels, data file, seed and code give byte-identical files.

    .venv/bin/python training/train_editor_selector.py [--labels FILE ...] [--out DIR]
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
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "training"))

from alignment import offset_map, overlap, to_original  # noqa: E402
from train_selector import DEFAULT_DATA, DEFAULT_OUT, _sha256, parse_article  # noqa: E402

# Three waves of blind labels (bench/editor_picks.py; bench/gold/README.md).
LABELS = [
    ROOT / "bench" / "gold" / name
    for name in ("fr-editor-picks.jsonl", "fr-editor-picks-2.jsonl", "fr-editor-picks-3.jsonl")
]
NAME = "editor"
SEED = 20261207
# Few articles (hundreds, not the oracle's twelve thousand): small trees, more leaves' data.
PARAMS: dict[str, Any] = {
    "objective": "binary",
    "learning_rate": 0.05,
    "num_leaves": 7,
    "min_data_in_leaf": 20,
    "feature_fraction": 0.8,
    "lambda_l2": 1.0,
    "verbose": -1,
    "num_threads": 1,
    "deterministic": True,
}
ROUNDS = 200


def read_labels(paths: list[Path]) -> dict[str, dict[str, Any]]:
    labels: dict[str, dict[str, Any]] = {}
    for path in paths:
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    record = json.loads(line)
                    labels[record["id"]] = record
    return labels


def labelled_examples(
    data: Path, labels: dict[str, dict[str, Any]], shipped: str | None = None
) -> list[dict[str, Any]]:
    """Per labelled article: every candidate's features (``features.ALL_NAMES``), the
    candidates' sentence indices, the picks (sentence indices, the box's order), the sentences
    stating the headline's news; with ``shipped``, that shipped model's scores too."""
    from essentiel.keypoints.features import ALL_NAMES, sentence_features
    from essentiel.keypoints.learned import load_selector

    model = load_selector(shipped) if shipped else None
    rows_wanted = {r["row"]: r["id"] for r in labels.values()}
    found = []
    with gzip.open(data, "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i not in rows_wanted:
                continue
            row = json.loads(line)
            parsed = parse_article(row["text"])
            if parsed is None:
                continue
            clean, sentences, lang, indices = parsed
            if len(indices) < 2:
                continue
            mapping = offset_map(clean, row["text"])
            spans = [to_original((s.span.start_char, s.span.end_char), mapping) for s in sentences]
            rows = sentence_features(sentences, indices, lang, row["title"], None, names=ALL_NAMES)
            label = labels[row["id"]]

            def owner(span: list[int], spans: list[Any] = spans) -> int | None:
                scored = [(overlap((span[0], span[1]), s), k) for k, s in enumerate(spans) if s]
                best = max(scored, default=(0, -1))
                return best[1] if best[0] > 0 else None

            picks = [p for p in (owner(s) for s in label["picks"]) if p is not None]
            article = {
                "id": row["id"],
                "rows": rows,
                "indices": indices,
                "picks": picks,
                "main": {p for p in (owner(s) for s in label["main"]) if p is not None},
                "labels": np.array([float(i in picks) for i in indices], dtype=np.float32),
            }
            if model is not None:
                article["shipped"] = np.array(model.predict(rows))
            found.append(article)
            print(
                f"\r  features: {len(found)}/{len(rows_wanted)} articles", end="", file=sys.stderr
            )
    print(file=sys.stderr)
    return found


def columns(names: tuple[str, ...]) -> list[int]:
    from essentiel.keypoints.features import ALL_NAMES

    return [ALL_NAMES.index(n) for n in names]


def fit(articles: list[dict[str, Any]], seed: int, names: tuple[str, ...]) -> Any:
    import lightgbm

    keep = columns(names)
    x = np.concatenate([a["rows"][:, keep] for a in articles])
    y = np.concatenate([a["labels"] for a in articles])
    data = lightgbm.Dataset(x, y, feature_name=list(names))
    return lightgbm.train({**PARAMS, "seed": seed}, data, ROUNDS)


def _in_repository(path: Path) -> str:
    """The labels file's path from the repository's root (its name when outside)."""
    path = path.resolve()
    return path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else path.name


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--labels", type=Path, nargs="+", default=LABELS)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)

    import lightgbm

    from essentiel.keypoints.learned import SELECTOR_MODELS, model_files

    if not args.data.is_file():
        print(f"error: {args.data}: no such file (the OrangeSum train split)", file=sys.stderr)
        return 2
    names = SELECTOR_MODELS[NAME]
    articles = labelled_examples(args.data, read_labels(args.labels))
    booster = fit(articles, args.seed, names)
    model_file, record_file = model_files(NAME)
    importance = booster.feature_importance(importance_type="gain")
    y = np.concatenate([a["labels"] for a in articles])
    record = {
        "model": model_file,
        "trained_by": "training/train_editor_selector.py",
        "data": {
            "file": args.data.name,
            "sha256": _sha256(args.data),
            "labels": [{"file": _in_repository(p), "sha256": _sha256(p)} for p in args.labels],
            "documents_used": len(articles),
            "fit_sentences": len(y),
            "positive_share": round(float(y.mean()), 4),
        },
        "labels": "the sentences blind editor sessions would copy into the box "
        "(bench/editor_picks.py), among candidate sentences",
        "seed": args.seed,
        "lightgbm": lightgbm.__version__,
        "params": {**PARAMS, "seed": args.seed},
        "rounds": ROUNDS,
        "embedding": False,
        "features": list(names),
        "importance_gain": {
            name: round(float(v), 1) for name, v in zip(names, importance, strict=True)
        },
    }
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / model_file).write_text(booster.model_to_string(), encoding="utf-8")
    (args.out / record_file).write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
    print(f"{len(articles)} articles -> {args.out / model_file}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
