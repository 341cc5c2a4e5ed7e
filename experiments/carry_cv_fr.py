"""Carry a quote's speaker on from the quote before, or not: decided by evidence, judged by
cross-validation over the French development gold's articles (issue 32).

    PYTHONPATH=src .venv/bin/python experiments/carry_cv_fr.py [--folds 5] [--seed 20261207]
        [--bootstrap 1000] [--rows FILE] [--no-pairs] [--min-leaf 5]

Each gold article is digested as bench/facts_fr.py does. Where the pipeline gives a quote with
no speaker of its own the speaker of the quote before (``QuoteExtractor._carries_on``), the
decision is recorded with features read from the text and the pipeline's state only (no gold):
a glued heading or a line without final punctuation, text before the quote in its sentence,
its own cue, subjects of its sentence, distance to the quote before, a paragraph break, people
and bodies named between, the quote before's kind and how its speaker was found, … The label
comes from the gold afterwards, by bench/facts_fr.py's matching and ``same_speaker``: carrying
is right, or no speaker is (the gold anonymous), or neither (the gold names someone else).

Then 5-fold cross-validation by article (fixed seed): in each fold a LightGBM classifier
(deterministic, one thread) and a decision rule of one or two conditions (found on the
training folds only: the condition, or pair, under which refusing the carry gains most) are
trained on the other folds' decisions; every article is digested again with its fold's
decider (end to end: a refused carry changes which quote later ones carry from), and scored.
Printed: quote F1 and speaker accuracy on matched quotes for carry-always (today), the model
and the rule, and a paired bootstrap over articles of each one's gain in right speakers. The
rule and the model are also trained on all articles and printed (the rule in words).

No article text is printed, only figures. ``--rows`` writes the decisions' features and
labels (ids, offsets and the carried speaker's name) as JSON lines; ``--no-pairs``: rules of
one condition only; ``--min-leaf``: LightGBM's ``min_data_in_leaf``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from alignment import offset_map, to_original  # noqa: E402
from essentiel.facts import quotes as quotes_module  # noqa: E402
from essentiel.model import EntityKind, QuoteKind  # noqa: E402
from facts_fr import DATA, GOLD, _above, _match, load_gold, load_texts, same_speaker  # noqa: E402

_ORIGINAL = quotes_module.QuoteExtractor._carries_on
_PEOPLE_BODIES = {EntityKind.PERSON, EntityKind.ORGANISATION}
_PRONOUN = re.compile(r"\b(il|elle|ils|elles|on)\b", re.IGNORECASE)
_MARKS = "«»\"“”„'’ \u00a0\u202f"
_KINDS = {QuoteKind.DIRECT: 0, QuoteKind.INDIRECT: 1, QuoteKind.ACCORDING_TO: 2}
_RESOLUTIONS = {"named": 0, "role": 1, "pronoun": 2, "context": 3, "unknown": 4}


def features(f: Any, recent: Any, text: str, narrative: bool, ranker: Any) -> dict[str, float]:
    """What the text and the pipeline say about one carry-over, no gold read."""
    index = ranker.index
    s_start = ranker.sentence_start(f.sentence) or 0
    s_end = ranker.sentence_start(f.sentence + 1) or len(text)
    open_at = f.start
    while open_at > s_start and text[open_at - 1] in _MARKS:
        open_at -= 1
    before = text[s_start:open_at].strip()
    close_at = f.end
    while close_at < len(text) and text[close_at] in '«»"“”„':
        close_at += 1
    after = text[close_at:s_end].strip()
    line_start = text.rfind("\n", 0, f.start) + 1
    content = text[f.start : f.end].rstrip()
    glued = close_at < len(text) and text[close_at].isupper()
    between = [
        m
        for m in ranker.mentions_in_sentences(recent.sentence, f.sentence)
        if recent.end <= m.start < f.start
        and index.entities[m.entity].kind in _PEOPLE_BODIES
        and m.entity != recent.entity
    ]
    same = [
        m
        for m in ranker.mentions_in_sentences(recent.sentence, f.sentence)
        if recent.end <= m.start < f.start and m.entity == recent.entity
    ]
    gap = text[recent.end : open_at]
    own = [
        m
        for m in ranker.mentions_in_sentences(f.sentence, f.sentence)
        if m.start < f.start and index.entities[m.entity].kind in _PEOPLE_BODIES
    ]
    return {
        "glued": float(glued),
        "no_final_punct": float(not content.endswith((".", "!", "?", "…"))),
        "words_before": float(len(before.split())),
        "colon_before": float(before.endswith(":")),
        "words_after": float(len(after.split(" "))) if after else 0.0,
        "has_cue": float(f.cue is not None),
        "narrative": float(narrative),
        "direct": float(f.kind is QuoteKind.DIRECT),
        "opens_line": float(not text[line_start:open_at].strip()),
        "capital_start": float(content[:1].isupper()),
        "quote_words": float(f.words),
        "sentences_since": float(f.sentence - recent.sentence),
        "chars_since": float(max(0, f.start - recent.end)),
        "paragraph_break": float("\n" in text[recent.end : f.start]),
        "others_between": float(len(between)),
        "other_subjects_between": float(sum(m.subject for m in between)),
        "same_between": float(len(same)),
        "pronoun_between": float(_PRONOUN.search(gap) is not None),
        "subject_in_sentence": float(any(m.subject for m in own)),
        "same_subject_in_sentence": float(
            any(m.subject and m.entity == recent.entity for m in own)
        ),
        "other_in_sentence": float(any(m.entity != recent.entity for m in own)),
        "pronoun_before": float(_PRONOUN.search(before) is not None),
        "prev_kind": float(_KINDS.get(recent.kind, 3)),
        "prev_resolution": float(_RESOLUTIONS.get(recent.resolution, 5)),
        "prev_has_cue": float(recent.cue is not None),
        "prev_carried": float(recent.continues is not None),
        "prev_words": float(recent.words),
        "prev_person": float(
            recent.entity is not None and index.entities[recent.entity].kind is EntityKind.PERSON
        ),
    }


class Recorder:
    """Wraps ``_carries_on``: records each decision with its features; a decider may refuse."""

    def __init__(self) -> None:
        self.article = ""
        self.rows: list[dict[str, Any]] = []
        self.decide: Callable[[str, dict[str, float]], bool] | None = None

    def __call__(
        self, extractor: Any, f: Any, recent: Any, text: str, narrative: bool, ranker: Any
    ) -> bool:
        carried = _ORIGINAL(extractor, f, recent, text, narrative, ranker)
        feats = features(f, recent, text, narrative, ranker)
        self.rows.append(
            {
                "id": self.article,
                "at": [f.start, f.end],
                "carried": carried,
                "name": recent.name,
                "features": feats,
            }
        )
        if carried and self.decide is not None:
            return self.decide(self.article, feats)
        return carried


def digest_all(
    pipe: Any, gold: dict[str, Any], texts: dict[str, str], recorder: Recorder
) -> tuple[dict[str, dict[str, int]], list[dict[str, Any]]]:
    """Per article: matched quotes, right speakers, gold and predicted quotes; and the
    recorded decisions with their labels."""
    per: dict[str, dict[str, int]] = {}
    recorder.rows = []
    labelled: list[dict[str, Any]] = []
    for doc_id, g in gold.items():
        recorder.article = doc_id
        start = len(recorder.rows)
        text = texts[doc_id]
        digest = pipe.digest(text, lang="fr", published=dt.date.fromisoformat(g["date"]))
        mapping = offset_map(digest.article.text, text)
        preds = []
        for q in digest.quotes:
            span = to_original((q.content.start, q.content.end), mapping)
            if not span:
                continue
            preds.append(
                {
                    "span": span,
                    "speaker": q.speaker and to_original((q.speaker.start, q.speaker.end), mapping),
                    "name": q.speaker_name,
                    "clean": (q.content.start, q.content.end),
                }
            )
        pairs = _match(g["quotes"], preds, "content", _above)
        per[doc_id] = {
            "tp": len(pairs),
            "right": sum(same_speaker(gi, pi, text) for gi, pi in pairs),
            "gold": len(g["quotes"]),
            "pred": len(preds),
        }
        by_clean = {pi["clean"]: gi for gi, pi in pairs}
        for row in recorder.rows[start:]:
            gi = by_clean.get(tuple(row["at"]))
            if gi is None:
                continue  # the quote is not in the gold, or not matched
            carry = same_speaker(gi, {"name": row["name"], "speaker": None}, text)
            anonymous = not gi["speaker_name"]
            row["label"] = "carry" if carry else "none" if anonymous else "other"
            labelled.append(row)
    return per, labelled


def totals(per: dict[str, dict[str, int]], ids: list[str]) -> tuple[float, float, int, int]:
    tp = sum(per[k]["tp"] for k in ids)
    right = sum(per[k]["right"] for k in ids)
    p = tp / max(1, sum(per[k]["pred"] for k in ids))
    r = tp / max(1, sum(per[k]["gold"] for k in ids))
    return 100 * 2 * p * r / max(1e-9, p + r), 100 * right / max(1, tp), right, tp


def paired_bootstrap(
    base: dict[str, dict[str, int]], other: dict[str, dict[str, int]], rounds: int, seed: int
) -> tuple[float, float, float]:
    """The gain in speaker accuracy on matched quotes (points), and its 95 % interval,
    resampling articles with replacement (the same draw for both)."""
    ids = list(base)
    rng = random.Random(seed)
    gains = []
    for _ in range(rounds):
        sample = [rng.choice(ids) for _ in ids]
        gains.append(totals(other, sample)[1] - totals(base, sample)[1])
    gains.sort()
    point = totals(other, ids)[1] - totals(base, ids)[1]
    return point, gains[int(0.025 * rounds)], gains[int(0.975 * rounds) - 1]


# ---- deciders ----------------------------------------------------------------------------


def _training(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Carried decisions whose outcome a refusal changes: carrying right, or no speaker right."""
    return [r for r in rows if r["carried"] and r["label"] in {"carry", "none"}]


Condition = tuple[str, str, float]  # feature, "<=" or ">", threshold


def _holds(c: Condition, feats: dict[str, float]) -> bool:
    name, op, t = c
    return feats[name] <= t if op == "<=" else feats[name] > t


def stump(rows: list[dict[str, Any]], pairs: bool = True, least: int = 2) -> list[Condition]:
    """The condition (or conjunction of two) under which refusing the carry gains most on
    ``rows``: (no speaker right) − (carrying right) among the rows it covers; nothing when
    no condition gains ``least``. Ties: one condition before two, then fewer rows covered."""
    train = _training(rows)
    names = sorted(train[0]["features"]) if train else []
    conditions: list[Condition] = []
    for name in names:
        values = sorted({r["features"][name] for r in train})
        for t in values[:-1]:
            conditions.append((name, "<=", t))
            conditions.append((name, ">", t))

    def gain(conds: list[Condition]) -> tuple[int, int]:
        covered = [r for r in train if all(_holds(c, r["features"]) for c in conds)]
        g = sum(r["label"] == "none" for r in covered) - sum(r["label"] == "carry" for r in covered)
        return g, len(covered)

    best: list[Condition] = []
    best_key = (least - 1, 0, 0)
    for c in conditions:
        g, n = gain([c])
        key = (g, 1, -n)
        if key > best_key:
            best, best_key = [c], key
    if pairs:
        singles = [c for c in conditions if gain([c])[0] > 0]
        for i, c in enumerate(singles):
            for d in singles[i + 1 :]:
                if c[0] == d[0]:
                    continue
                g, n = gain([c, d])
                key = (g, 0, -n)
                if key > best_key:
                    best, best_key = [c, d], key
    return best


def lightgbm_model(rows: list[dict[str, Any]], min_leaf: int = 5) -> Any:
    import lightgbm as lgb
    import numpy as np

    train = _training(rows)
    names = sorted(train[0]["features"])
    x = np.array([[r["features"][n] for n in names] for r in train])
    y = np.array([r["label"] == "carry" for r in train], dtype=float)
    params = {
        "objective": "binary",
        "num_leaves": 4,
        "max_depth": 2,
        "min_data_in_leaf": min_leaf,
        "learning_rate": 0.1,
        "num_iterations": 50,
        "num_threads": 1,
        "deterministic": True,
        "force_row_wise": True,
        "seed": 1,
        "verbose": -1,
    }
    return lgb.train(params, lgb.Dataset(x, y)), names


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=20261207)
    parser.add_argument("--bootstrap", type=int, default=1000)
    parser.add_argument("--rows", type=Path, help="write the decisions (no text) here")
    parser.add_argument("--no-pairs", action="store_true", help="one-condition rules only")
    parser.add_argument("--min-leaf", type=int, default=5, help="LightGBM's min_data_in_leaf")
    args = parser.parse_args()
    gold = load_gold([args.gold])
    texts = load_texts(set(gold), DATA)
    from essentiel.pipeline import Pipeline

    recorder = Recorder()

    def patched(self: Any, f: Any, recent: Any, text: str, narrative: bool, ranker: Any) -> bool:
        return recorder(self, f, recent, text, narrative, ranker)

    quotes_module.QuoteExtractor._carries_on = patched  # type: ignore[method-assign]
    pipe = Pipeline()

    base, rows = digest_all(pipe, gold, texts, recorder)
    if args.rows:
        with args.rows.open("w", encoding="utf-8") as out:
            for r in rows:
                out.write(json.dumps(r, ensure_ascii=False) + "\n")
    carried = [r for r in rows if r["carried"]]
    held = [r for r in rows if not r["carried"]]
    count = {lab: sum(r["label"] == lab for r in carried) for lab in ("carry", "none", "other")}
    print(
        f"carried on, matched: {len(carried)} (right {count['carry']}, gold anonymous "
        f"{count['none']}, gold someone else {count['other']})"
    )
    count = {lab: sum(r["label"] == lab for r in held) for lab in ("carry", "none", "other")}
    print(
        f"could carry, did not (own cue), matched: {len(held)} (carrying would be right "
        f"{count['carry']}, gold anonymous {count['none']}, other {count['other']})"
    )

    ids = list(gold)
    order = ids[:]
    random.Random(args.seed).shuffle(order)
    fold_of = {k: i % args.folds for i, k in enumerate(order)}
    rules: dict[int, list[Condition]] = {}
    models: dict[int, Any] = {}
    for fold in range(args.folds):
        train = [r for r in rows if fold_of[r["id"]] != fold]
        rules[fold] = stump(train, pairs=not args.no_pairs)
        models[fold] = lightgbm_model(train, args.min_leaf)
        print(f"fold {fold}: rule refuse when {rules[fold] or 'never'}")

    def by_rule(article: str, feats: dict[str, float]) -> bool:
        conds = rules[fold_of[article]]
        return not (conds and all(_holds(c, feats) for c in conds))

    def by_model(article: str, feats: dict[str, float]) -> bool:
        model, names = models[fold_of[article]]
        p = model.predict([[feats[n] for n in names]])[0]
        return bool(p >= 0.5)

    results = {"carry always (today)": base}
    for label, decide in (("rule (stump, in folds)", by_rule), ("LightGBM (in folds)", by_model)):
        recorder.decide = decide
        results[label], _ = digest_all(pipe, gold, texts, recorder)
    recorder.decide = None
    print(f"{len(ids)} articles, {args.folds} folds by article (seed {args.seed})")
    for label, per in results.items():
        f1, acc, right, tp = totals(per, ids)
        line = f"  {label:<24} quote F1 {f1:5.1f}  speaker {acc:5.1f} % ({right}/{tp})"
        if per is not base:
            g, lo, hi = paired_bootstrap(base, per, args.bootstrap, args.seed)
            line += f"  gain {g:+.2f} ({lo:+.2f} – {hi:+.2f})"
        print(line)
    print(f"rule on all {len(ids)} articles: refuse when {stump(rows, pairs=not args.no_pairs)}")
    model, names = lightgbm_model(rows, args.min_leaf)
    imp = sorted(zip(model.feature_importance("gain"), names, strict=True), reverse=True)
    print("LightGBM on all, gain importance: " + ", ".join(f"{n} {v:.1f}" for v, n in imp[:8]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
