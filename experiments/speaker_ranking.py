"""Does a learned speaker ranking beat the rules? (An experiment: on 2026-12-05 it did not.)

    .venv/bin/python experiments/speaker_ranking.py [--examples FILE] [--ship]

The library applies a ranking model when ``src/essentiel/resources/models/speakers.*`` exist
(``essentiel.facts.speaker_model``); none ships, because this comparison found no gain beyond
chance. Should a later run win, ``--ship`` writes the model and this script becomes the one that
makes a shipped file: move it to training/ then.

Reproducible: the same gold, texts, seed and code give byte-identical model and record files
(LightGBM deterministic, on one thread; no timestamps written).

1. Digest every article of the French development gold (bench/gold/fr-facts-dev.jsonl, texts
   from ../shared/eval-data/orangesum) with the rules alone, recording each quote's candidates
   and features (``speaker_model.collecting``).
2. Match our quotes to the gold ones as bench/facts_fr.py does (content IoU > 0.3); a
   candidate is right when it is the gold speaker by canonical name (``same_speaker``).
3. Candidate recall: the share of matched quotes whose gold speaker is among the candidates.
4. Cross-validate by article (5 folds, seeded): on each fold, the rules' speaker accuracy on
   matched quotes beside that of the ranking (its best row replaces the rules' speaker; the
   rules' own answer has a row when it is no entity).
5. With ``--ship``, and only if the ranking beats the rules on the folds, fit on every
   article and write ``speakers.txt`` (the model) and ``speakers.json`` (its record); else
   remove any shipped model, so the rules stand. Beating them means more quotes right, and
   more of the quotes where the two disagree won than lost beyond chance (one-sided sign test,
   p < ``SIGNIFICANCE``): with some 600 matched quotes, a point or two is within what the
   choice of folds moves.

The held-aside gold (bench/gold/fr-facts-heldout.jsonl) is never read here.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import math
import pickle
import random
import sys
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))  # facts_fr, alignment: the bench's own matching

from alignment import iou, offset_map, to_original  # noqa: E402
from facts_fr import DATA, GOLD, load_gold, load_texts, same_speaker  # noqa: E402

DEFAULT_OUT = ROOT / "src/essentiel/resources/models"
SEED = 20261205
FOLDS = 5
# The ranking's best row replaces the rules' speaker (an entity, or their own answer's row
# when they chose none: ``speaker_model.candidate_rows``) whatever its probability.
THRESHOLD = 0.0
PARAMS: dict[str, Any] = {
    "objective": "binary",
    "learning_rate": 0.05,
    "num_leaves": 15,
    "min_data_in_leaf": 20,
    "feature_fraction": 0.9,
    "lambda_l2": 1.0,
    "num_threads": 1,
    "deterministic": True,
    "force_row_wise": True,
    "seed": SEED,
    "verbosity": -1,
}
ROUNDS = 200
SIGNIFICANCE = 0.05

Example = dict[str, Any]  # one matched quote: article, rows, labels, rules right


def collect(gold: dict[str, Any], texts: dict[str, str]) -> list[Example]:
    """Every matched quote of the gold with its candidates' features and labels."""
    from essentiel.facts.speaker_model import FEATURES, collecting
    from essentiel.pipeline import Pipeline

    pipe = Pipeline()
    width = len(FEATURES)
    examples: list[Example] = []
    for doc_id in sorted(gold):
        g, text = gold[doc_id], texts[doc_id]
        with collecting() as trace:
            digest = pipe.digest(text, lang="fr", published=dt.date.fromisoformat(g["date"]))
        mapping = offset_map(digest.article.text, text)

        def back(span: Any, mapping: Any = mapping) -> tuple[int, int] | None:
            return to_original(tuple(span), mapping) if span else None

        ours = [(back((q["start"], q["end"])), q) for q in trace.quotes]
        remaining = [(span, q) for span, q in ours if span is not None]
        for gq in g["quotes"]:
            gs = tuple(gq["content"])
            best = max(remaining, key=lambda sq, gs=gs: iou(gs, sq[0]), default=None)
            if best is None or iou(gs, best[0]) <= 0.3:
                continue
            remaining.remove(best)
            q = best[1]
            rule = {"name": q["rule"], "speaker": back(q["speaker"])}
            labels = [
                same_speaker(gq, {"name": name, "speaker": back((a, b))}, text)
                for name, a, b in q["candidates"]
            ]
            examples.append(
                {
                    "article": doc_id,
                    "rows": np.asarray(q["rows"], dtype=np.float32).reshape(len(q["rows"]), width),
                    "labels": np.asarray(labels, dtype=np.float32),
                    "rule_right": same_speaker(gq, rule, text),
                    "anonymous": not gq.get("speaker_name"),
                    # for reading the errors: names, not features
                    "gold": gq.get("speaker_name"),
                    "gold_phrase": text[slice(*gq["speaker"])] if gq.get("speaker") else None,
                    "rule": q["rule"],
                    "candidates": [name for name, _, _ in q["candidates"]],
                    "quote": text[slice(*gs)][:80],
                    # the gold speaker is one of the article's entities, wherever named
                    "an_entity": any(
                        same_speaker(gq, {"name": e.name, "speaker": None}, text)
                        for e in digest.entities
                    ),
                }
            )
    return examples


def fit(examples: list[Example]) -> Any:
    import lightgbm

    rows = [e["rows"] for e in examples if len(e["rows"])]
    labels = [e["labels"] for e in examples if len(e["rows"])]
    data = lightgbm.Dataset(np.concatenate(rows), np.concatenate(labels), free_raw_data=False)
    return lightgbm.train(PARAMS, data, num_boost_round=ROUNDS)


def decide(example: Example, scores: np.ndarray, threshold: float) -> bool:
    """Is the speaker right once the ranking had its say (the rules' otherwise)?"""
    if not len(scores):
        return bool(example["rule_right"])
    best = int(np.argmax(scores))
    rule_chosen = example["rows"][best, 0] > 0  # the rules' entity, or their answer's row
    if scores[best] < threshold or rule_chosen:
        return bool(example["rule_right"])
    return bool(example["labels"][best])


def folds(articles: list[str]) -> dict[str, int]:
    order = sorted(set(articles))
    random.Random(SEED).shuffle(order)
    return {a: i % FOLDS for i, a in enumerate(order)}


def cross_validate(examples: list[Example]) -> dict[str, Any]:
    fold_of = folds([e["article"] for e in examples])
    per_fold = []
    thresholds = (THRESHOLD,)
    wins = losses = 0  # quotes the ranking gets right and the rules wrong, and the reverse
    for k in range(FOLDS):
        train = [e for e in examples if fold_of[e["article"]] != k]
        test = [e for e in examples if fold_of[e["article"]] == k]
        booster = fit(train)
        rules = sum(e["rule_right"] for e in test)
        ranked = {t: 0 for t in thresholds}
        for e in test:
            scores = booster.predict(e["rows"], num_threads=1) if len(e["rows"]) else np.zeros(0)
            for t in thresholds:
                right = decide(e, scores, t)
                ranked[t] += right
                if t == THRESHOLD:
                    wins += right and not e["rule_right"]
                    losses += e["rule_right"] and not right
        per_fold.append({"quotes": len(test), "rules": rules, "ranked": ranked})
    total = sum(f["quotes"] for f in per_fold)
    rules_acc = sum(f["rules"] for f in per_fold) / total
    return {
        "folds": FOLDS,
        "matched_quotes": total,
        "rules": round(100 * rules_acc, 1),
        "ranked": round(100 * sum(f["ranked"][THRESHOLD] for f in per_fold) / total, 1),
        "wins": wins,
        "losses": losses,
        "sign_test_p": round(_sign_test(wins, losses), 3),
        "per_fold": [
            {
                "quotes": f["quotes"],
                "rules": round(100 * f["rules"] / f["quotes"], 1),
                "ranked": round(100 * f["ranked"][THRESHOLD] / f["quotes"], 1),
            }
            for f in per_fold
        ],
    }


def _sign_test(wins: int, losses: int) -> float:
    """One-sided: the chance of at least ``wins`` of the disagreements if each went either
    way at even odds."""
    n = wins + losses
    return sum(math.comb(n, i) for i in range(wins, n + 1)) / 2**n if n else 1.0


def recall(examples: list[Example]) -> dict[str, Any]:
    from essentiel.facts.speaker_model import FEATURES

    named = [e for e in examples if not e["anonymous"]]
    answer = FEATURES.index("rules_answer")

    def among(e: Example) -> bool:  # among the entities gathered, not the rules' own words
        return any(
            label and not row[answer] for row, label in zip(e["rows"], e["labels"], strict=True)
        )

    found = sum(among(e) for e in named)
    entities = [e for e in named if e["an_entity"]]
    back, chars = FEATURES.index("sentences_back"), FEATURES.index("characters")
    phrase = FEATURES.index("in_phrase")
    # The window the rules rank in (``speakers._WINDOW`` sentences back, up to the cue),
    # for comparison with the wider gathering.
    narrow = sum(
        any(
            label and not row[answer] and (row[phrase] or (0 <= row[back] <= 4 and row[chars] <= 0))
            for row, label in zip(e["rows"], e["labels"], strict=True)
        )
        for e in named
    )
    return {
        "matched_quotes": len(examples),
        "gold_named": len(named),
        "gold_anonymous": len(examples) - len(named),
        "named_an_entity": round(100 * len(entities) / max(1, len(named)), 1),
        "named_among_candidates": round(100 * found / max(1, len(named)), 1),
        "named_in_rules_window": round(100 * narrow / max(1, len(named)), 1),
        "entity_among_candidates": round(
            100 * sum(among(e) for e in entities) / max(1, len(entities)), 1
        ),
        "mean_candidates": round(
            float(np.mean([sum(not r[answer] for r in e["rows"]) for e in examples])), 1
        ),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument(
        "--examples", type=Path, help="reuse the features saved at this path (written if absent)"
    )
    parser.add_argument(
        "--ship",
        action="store_true",
        help="write the model into the package if it wins (else remove any); default: report only",
    )
    args = parser.parse_args(argv)
    if "heldout" in args.gold.name:
        print("error: the held-aside gold is not for training", file=sys.stderr)
        return 2
    from essentiel.facts.speaker_model import FEATURES, MODEL_FILE, RECORD_FILE

    if args.examples is not None and args.examples.exists():
        examples = pickle.loads(args.examples.read_bytes())
    else:
        gold = load_gold([args.gold])
        texts = load_texts(set(gold), DATA)
        if set(gold) - set(texts):
            print("error: no OrangeSum texts under ../shared/eval-data", file=sys.stderr)
            return 2
        examples = collect(gold, texts)
        if args.examples is not None:
            args.examples.write_bytes(pickle.dumps(examples))
    found = recall(examples)
    print("candidate recall:", json.dumps(found))
    cv = cross_validate(examples)
    print("cross-validation by article:", json.dumps(cv))
    if not args.ship:
        return 0
    model, record = args.out / MODEL_FILE, args.out / RECORD_FILE
    if cv["ranked"] <= cv["rules"] or cv["sign_test_p"] >= SIGNIFICANCE:
        print("the ranking does not beat the rules beyond chance: nothing shipped")
        model.unlink(missing_ok=True)
        record.unlink(missing_ok=True)
        return 0
    booster = fit(examples)
    text = booster.model_to_string()
    model.write_text(text, encoding="utf-8")
    gain = booster.feature_importance(importance_type="gain")
    record.write_text(
        json.dumps(
            {
                "gold": args.gold.name,
                "gold_sha256": hashlib.sha256(args.gold.read_bytes()).hexdigest(),
                "languages": ["fr"],
                "features": list(FEATURES),
                "threshold": THRESHOLD,
                "params": PARAMS,
                "rounds": ROUNDS,
                "seed": SEED,
                "candidate_recall": found,
                "cross_validation": cv,
                "importance_gain": {
                    name: round(float(g), 1) for name, g in zip(FEATURES, gain, strict=True)
                },
                "model_sha256": hashlib.sha256(text.encode()).hexdigest(),
            },
            indent=2,
            ensure_ascii=False,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"wrote {model} and {record}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
