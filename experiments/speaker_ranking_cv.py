"""Speaker attribution as a ranking, against the rules, by cross-validation over articles.

    PYTHONPATH=src .venv/bin/python experiments/speaker_ranking_cv.py [--gold FILE] [--folds 5]
        [--cache FILE] [--seed 0]

Digests every gold article as bench/facts_fr.py does, while
``essentiel.facts.speaker_candidates.recording()`` collects each quote's speaker candidates and
their features (the rules' answer is one of them). Our quotes are matched to the gold by the
bench's rules (content IoU > 0.3); each candidate of a matched quote is labelled right or wrong
by the bench's ``same_speaker``. The articles are split into ``--folds`` folds; on each, a
LightGBM ranker is fitted on the other folds' candidates and picks, per quote of the fold, its
best-scored candidate. Printed per fold and in all: speaker right on matched quotes by the rules
and by the ranker, on the same quotes, and how often the right speaker is among the candidates
at all (the ranker's ceiling). A one-off investigation for issue 32: development gold only.
"""

from __future__ import annotations

import argparse
import datetime as dt
import pickle
import random
import sys
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from alignment import offset_map, to_original  # noqa: E402
from essentiel.facts.speaker_candidates import FEATURES, NOBODY, RULE, recording  # noqa: E402
from facts_fr import DATA, GOLD, _above, _match, load_gold, load_texts, same_speaker  # noqa: E402

PARAMS: dict[str, Any] = {
    "objective": "binary",
    "learning_rate": 0.05,
    "num_leaves": 7,
    "min_data_in_leaf": 10,
    "feature_fraction": 0.9,
    "verbose": -1,
    "num_threads": 1,
    "deterministic": True,
}
ROUNDS = 150


def examples(gold_paths: list[Path]) -> list[dict[str, Any]]:
    """Per article: per matched quote, the candidates' feature rows, labels and which is the
    rules' answer."""
    from essentiel.pipeline import Pipeline

    gold = load_gold(gold_paths)
    texts = load_texts(set(gold), DATA)
    pipe = Pipeline()
    articles = []
    for doc_id, g in gold.items():
        text = texts[doc_id]
        with recording() as recorded:
            digest = pipe.digest(text, lang="fr", published=dt.date.fromisoformat(g["date"]))
        mapping = offset_map(digest.article.text, text)
        quotes = [q for article in recorded for q in article]

        def back(span: tuple[int, int] | None, mapping: Any = mapping) -> tuple[int, int] | None:
            return to_original(span, mapping) if span is not None else None

        preds = []
        for q in quotes:
            span = back((q.start, q.end))
            if span is not None:
                preds.append({"span": span, "quote": q})
        rows = []
        for gi, pi in _match(g["quotes"], preds, "content", _above):
            q = pi["quote"]
            features, labels, rule = [], [], -1
            for i, c in enumerate(q.candidates):
                if c.entity == NOBODY:
                    guess = {"name": None, "speaker": None}
                elif c.entity == RULE or c.entity == q.rule_entity:
                    guess = {"name": q.rule_name, "speaker": back(q.rule_speaker)}
                else:
                    span = (c.start, c.end) if c.start is not None and c.end is not None else None
                    guess = {"name": c.name, "speaker": back(span)}
                if c.features["is_rule"]:
                    rule = i
                features.append(c.row())
                labels.append(int(same_speaker(gi, guess, text)))
            if rule < 0:  # the rules named an entity no longer in the index: a phrase
                continue
            rows.append(
                {
                    "x": np.array(features),
                    "y": np.array(labels),
                    "rule": rule,
                    "names": [c.name for c in q.candidates],
                    "gold": gi["speaker_name"],
                    "text": text[slice(*gi["content"])][:80],
                }
            )
        articles.append({"id": doc_id, "quotes": rows})
    return articles


def cross_validate(
    articles: list[dict[str, Any]], folds: int, seed: int, drop: frozenset[str] = frozenset()
) -> None:
    import lightgbm

    keep = [i for i, name in enumerate(FEATURES) if name not in drop]

    order = list(range(len(articles)))
    random.Random(seed).shuffle(order)
    totals = {"quotes": 0, "rules": 0, "ranker": 0, "ceiling": 0}
    for fold in range(folds):
        test = {order[i] for i in range(len(order)) if i % folds == fold}
        train = [q for i, a in enumerate(articles) if i not in test for q in a["quotes"]]
        x = np.concatenate([q["x"][:, keep] for q in train])
        y = np.concatenate([q["y"] for q in train])
        booster = lightgbm.train(
            {**PARAMS, "seed": seed},
            lightgbm.Dataset(x, y, feature_name=[FEATURES[i] for i in keep]),
            ROUNDS,
        )
        counts = {"quotes": 0, "rules": 0, "ranker": 0, "ceiling": 0}
        for i in sorted(test):
            for q in articles[i]["quotes"]:
                scores = booster.predict(q["x"][:, keep], num_threads=1)
                counts["quotes"] += 1
                counts["rules"] += int(q["y"][q["rule"]])
                counts["ranker"] += int(q["y"][int(np.argmax(scores))])
                counts["ceiling"] += int(q["y"].max())
        print(_line(f"fold {fold + 1}", counts))
        for k in totals:
            totals[k] += counts[k]
    print(_line("all", totals))


def _line(label: str, c: dict[str, int]) -> str:
    n = max(1, c["quotes"])
    return (
        f"{label:<7} {c['quotes']:>4} quotes  rules {100 * c['rules'] / n:5.1f} %  "
        f"ranker {100 * c['ranker'] / n:5.1f} %  ceiling {100 * c['ceiling'] / n:5.1f} %"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, nargs="+", default=[GOLD])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--cache", type=Path, help="examples saved here, read back when present")
    parser.add_argument("--drop", nargs="*", default=[], help="features the ranker goes without")
    args = parser.parse_args()
    if args.cache and args.cache.exists():
        articles = pickle.loads(args.cache.read_bytes())
    else:
        articles = examples(args.gold)
        if args.cache:
            args.cache.write_bytes(pickle.dumps(articles))
    cross_validate(articles, args.folds, args.seed, frozenset(args.drop))
    return 0


if __name__ == "__main__":
    sys.exit(main())
