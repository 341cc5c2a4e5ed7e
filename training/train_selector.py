"""Train the key-point selector shipped in src/essentiel/resources/models/ (``make train``).

Reproducible: the same data file, documents, seed and code give byte-identical model and
record files (LightGBM runs deterministic, on one thread; no timestamps are written).

1. Take ``--documents`` articles of the OrangeSum train split, drawn with ``--seed``.
2. Parse each the way a digest does (ingest, clean, analyze) and keep the sentences that can
   be a bullet (``learned.candidate_indices``); compute their features (``features.py``).
3. Label them with the greedy ROUGE oracle against the journalist's abstract (``--labels``:
   among all of them, or only among those the pipeline does not pass over after scoring).
4. Fit a LightGBM classifier on 90 % of the articles; measure on the other 10 %: AUC, and the
   ROUGE of picking the top sentences next to LEAD-k and the oracle on the same articles.
5. Write ``selector.txt`` (the model) and ``selector.json`` (its record: data, seed,
   parameters, features, importances, metrics).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing as mp
import pickle
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared/eval-data/orangesum/orangesum_abstract_train.jsonl.gz"
DEFAULT_OUT = ROOT / "src/essentiel/resources/models"
sys.path.insert(0, str(ROOT / "training"))  # oracle, when loaded from elsewhere
# The articles drawn from the shuffled train split (tune_selection.py takes those after them).
DOCUMENTS = 12000
SEED = 20251124
PARAMS: dict[str, Any] = {
    "objective": "binary",
    "learning_rate": 0.05,
    "num_leaves": 31,
    "min_data_in_leaf": 40,
    "feature_fraction": 0.9,
    "bagging_fraction": 0.8,
    "bagging_freq": 1,
    "lambda_l2": 1.0,
    "num_threads": 1,
    "deterministic": True,
    "force_row_wise": True,
    "verbosity": -1,
}
ROUNDS = 300


def parse_article(text: str) -> tuple[str, list[Any], Any, list[int]] | None:
    """An article as a digest reads it: its clean text, its sentences in its language, the
    language's resources and the candidates' indices; None when it cannot be read."""
    from essentiel import resources
    from essentiel.analyze import analyze
    from essentiel.clean import clean
    from essentiel.errors import EssentielError
    from essentiel.ingest import ingest
    from essentiel.keypoints.learned import candidate_indices

    try:
        cleaned = clean(ingest(text), lang_hint="fr")
        analysis = analyze(cleaned.blocks, cleaned.lang or "fr")
    except EssentielError:
        return None
    sentences = [s for s in analysis.sentences if s.lang == cleaned.lang]
    lang = resources.language(cleaned.lang or "fr")
    return cleaned.text, sentences, lang, candidate_indices(sentences, lang)


def _examples(job: tuple[str, str, str | None, list[str], bool]) -> dict[str, Any] | None:
    """Features and oracle labels of one article (runs in a worker process)."""
    from essentiel.keypoints.features import ALL_NAMES, embedder, sentence_features
    from essentiel.keypoints.select import passed_over
    from oracle import greedy_oracle

    key, text, title, reference, use_embedding = job
    parsed = parse_article(text)
    if parsed is None:
        return None
    _, sentences, lang, indices = parsed
    if len(indices) < 2:
        return None
    texts = [s.span.text for s in sentences]
    # The features are read on every sentence that stands alone (the candidates the model
    # scores); the pipeline passes over some of them after scoring (``select.passed_over``).
    excluded = passed_over(sentences, lang)
    pickable = [i for i in indices if i not in excluded]
    # Every feature, each model's selected in main (--features): one pass serves them all.
    embed = embedder() if use_embedding else None
    rows = sentence_features(sentences, indices, lang, title, embed, names=ALL_NAMES)
    # Labels are set in main from one of the two oracles (--labels).
    return {
        "id": key,
        "rows": rows,
        "indices": indices,
        "sentences": texts,
        "reference": reference,
        "oracle_all": greedy_oracle(texts, reference, indices),
        "oracle_pickable": greedy_oracle(texts, reference, pickable) if pickable else [],
    }


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _rouge1(summary: list[str], reference: list[str]) -> float:
    from essentiel.evaluation.rouge import rouge

    return rouge(summary, reference)["rouge-score", "rouge1"]


def _auc(labels: np.ndarray, scores: np.ndarray) -> float:
    """Area under the ROC curve: the chance a positive outranks a negative (ties count half)."""
    from scipy.stats import rankdata

    ranks = rankdata(scores)
    positives = labels > 0.5
    n_pos, n_neg = int(positives.sum()), int((~positives).sum())
    if not n_pos or not n_neg:
        return float("nan")
    return float((ranks[positives].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def _dev_metrics(docs: list[dict[str, Any]], scores: list[np.ndarray]) -> dict[str, Any]:
    """ROUGE-1 of whole-sentence picks on held-out articles (no compression, no MMR)."""
    picks: dict[str, list[float]] = {f"model-top{k}": [] for k in (1, 2, 3)}
    picks.update({f"lead-{k}": [] for k in (1, 2, 3)})
    picks["oracle"] = []
    for doc, score in zip(docs, scores, strict=True):
        order = [doc["indices"][j] for j in np.argsort(-score, kind="stable")]
        sentences, reference = doc["sentences"], doc["reference"]
        for k in (1, 2, 3):
            picks[f"model-top{k}"].append(
                _rouge1([sentences[i] for i in sorted(order[:k])], reference)
            )
            picks[f"lead-{k}"].append(_rouge1(sentences[:k], reference))
        picks["oracle"].append(_rouge1([sentences[i] for i in sorted(doc["oracle"])], reference))
    labels = np.concatenate([d["labels"] for d in docs])
    return {
        "documents": len(docs),
        "auc": round(_auc(labels, np.concatenate(scores)), 4),
        "rouge1_rouge_score_tokenizer": {
            name: round(statistics.mean(values), 2) for name, values in picks.items()
        },
    }


def fit_booster(docs: list[dict[str, Any]], seed: int, names: tuple[str, ...] | None = None) -> Any:
    """The selector's model fitted on these articles' candidate sentences (a LightGBM Booster),
    on the features ``names`` (the shipped model's by default)."""
    import lightgbm

    from essentiel.keypoints.features import FEATURE_NAMES

    names = names or FEATURE_NAMES
    x = np.concatenate([columns(d, names) for d in docs])
    y = np.concatenate([d["labels"] for d in docs])
    data = lightgbm.Dataset(x, y, feature_name=list(names))
    return lightgbm.train({**PARAMS, "seed": seed}, data, ROUNDS)


def saved_names(width: int) -> tuple[str, ...]:
    """The features of saved example rows of this width (features.ALL_NAMES, as it grew)."""
    from essentiel.keypoints.features import ALL_NAMES, FEATURE_NAMES, VECTOR_NAMES

    for names in (ALL_NAMES, ALL_NAMES[: -len(VECTOR_NAMES)], FEATURE_NAMES):
        if width == len(names):
            return names
    raise ValueError(f"saved example rows of {width} features: made by another version")


def columns(doc: dict[str, Any], names: tuple[str, ...]) -> np.ndarray:
    """The article's feature rows reduced to ``names``: rows of every feature (features.ALL_NAMES,
    as _examples computes them), of every feature but the static vectors' (examples saved
    before the twelfth session of 2026-12-06) or of the shipped model's (before 2026-12-06)."""
    rows = doc["rows"]
    have = saved_names(rows.shape[1])
    if names == have:
        return rows
    return np.ascontiguousarray(rows[:, [have.index(name) for name in names]])


def _command(args: argparse.Namespace) -> str:
    """How the files were made: ``make train``'s command and the options that change them."""
    options = [
        f"--{name.replace('_', '-')} {value}"
        for name, value, default in (
            ("features", args.features, "embedding"),
            ("documents", args.documents, DOCUMENTS),
            ("seed", args.seed, SEED),
            ("labels", args.labels, "all"),
        )
        if value != default
    ]
    return "make train (training/train_selector.py" + "".join(f" {o}" for o in options) + ")"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--documents", type=int, default=DOCUMENTS)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--no-embedding",
        action="store_true",
        help="compute no embedding (its features are zeros: for a --features lexical model)",
    )
    parser.add_argument(
        "--features",
        choices=("embedding", "lexical", "vectors", "vectors+lexical"),
        default="embedding",
        help="the similarities the model reads (learned.SELECTOR_MODELS): the sentence "
        "encoder's cosines (default, selector.txt), TF-IDF cosines of stems "
        "(selector-lexical.txt), cosines of the parse's static word vectors "
        "(selector-vectors.txt) or both of these (selector-vectors+lexical.txt); the last "
        "three without the encoder",
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument(
        "--labels",
        choices=("all", "pickable"),
        default="all",
        help="the oracle picks among every sentence that stands alone (default, the shipped "
        "model's), or only among those the pipeline can make a bullet of (tried 2026-12-05 on "
        "1,500 articles, not kept)",
    )
    parser.add_argument(
        "--examples",
        type=Path,
        help="reuse the features and labels saved at this path (written there if absent)",
    )
    args = parser.parse_args(argv)

    import lightgbm

    from essentiel.evaluation.data import read_items
    from essentiel.keypoints.features import EMBEDDING_NAMES
    from essentiel.keypoints.learned import SELECTOR_MODELS, model_files
    from essentiel.threads import limit_blas_threads

    names = SELECTOR_MODELS[args.features]
    model_file, record_file = model_files(args.features)
    embedding = any(name in EMBEDDING_NAMES for name in names)
    if embedding and args.no_embedding:
        print("error: --no-embedding leaves this model's features empty", file=sys.stderr)
        return 2

    if not args.data.is_file():
        print(f"error: {args.data}: no such file (the OrangeSum train split)", file=sys.stderr)
        return 2
    items = list(read_items(args.data, source="text"))
    random.Random(args.seed).shuffle(items)
    items = items[: args.documents]
    jobs = [(i.id, i.article, i.title, i.reference, not args.no_embedding) for i in items]
    started = time.perf_counter()
    docs: list[dict[str, Any]] = []
    if args.examples and args.examples.is_file():
        with args.examples.open("rb") as f:
            docs = pickle.load(f)
    else:
        # One BLAS/OpenMP thread per worker: the workers already fill the cores.
        with mp.get_context("spawn").Pool(args.workers, initializer=limit_blas_threads) as pool:
            for n, doc in enumerate(pool.imap(_examples, jobs, chunksize=8), 1):
                if doc is not None:
                    docs.append(doc)
                if n % 250 == 0 or n == len(jobs):
                    rate = n / (time.perf_counter() - started)
                    print(f"\r  features: {n}/{len(jobs)} articles, {rate:.1f}/s", end="")
        print()
        if args.examples:
            args.examples.parent.mkdir(parents=True, exist_ok=True)
            with args.examples.open("wb") as f:
                pickle.dump(docs, f)
    for doc in docs:
        doc["oracle"] = doc["oracle_all"] if args.labels == "all" else doc["oracle_pickable"]
        doc["labels"] = np.array(
            [1.0 if i in doc["oracle"] else 0.0 for i in doc["indices"]], dtype=np.float32
        )
    cut = int(0.9 * len(docs))
    fit, dev = docs[:cut], docs[cut:]
    y = np.concatenate([d["labels"] for d in fit])
    params = {**PARAMS, "seed": args.seed}
    booster = fit_booster(fit, args.seed, names)
    scores = [booster.predict(columns(d, names), num_threads=1) for d in dev]
    importance = booster.feature_importance(importance_type="gain")
    record = {
        "model": model_file,
        "trained_by": _command(args),
        "data": {
            "file": args.data.name,
            "sha256": _sha256(args.data),
            "documents_drawn": len(items),
            "documents_used": len(docs),
            "fit_documents": len(fit),
            "dev_documents": len(dev),
            "fit_sentences": len(y),
            "positive_share": round(float(y.mean()), 4),
        },
        "labels": "greedy ROUGE-1+2 oracle, up to 3 sentences, among "
        + (
            "the candidates the pipeline can make a bullet of (select.passed_over left out)"
            if args.labels == "pickable"
            else "candidate sentences"
        ),
        "seed": args.seed,
        "lightgbm": lightgbm.__version__,
        "params": params,
        "rounds": ROUNDS,
        "embedding": embedding,
        "features": list(names),
        "importance_gain": {
            name: round(float(v), 1) for name, v in zip(names, importance, strict=True)
        },
        "dev": _dev_metrics(dev, scores),
    }
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / model_file).write_text(booster.model_to_string(), encoding="utf-8")
    (args.out / record_file).write_text(
        json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print(json.dumps(record["dev"], indent=2))
    print(
        f"wrote {args.out / model_file} and {record_file} in {time.perf_counter() - started:.0f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
