"""English quotes against the Gender Gap Tracker gold (../shared/eval-data/ggt-quotes-en/).

    .venv/bin/python bench/quotes_en.py [../shared/eval-data/ggt-quotes-en/ggt_quotes_en.jsonl.gz]

Each article's ``text_preprocessed`` (the text the gold offsets index) is digested as plain
English text; our spans, which index our clean text, are mapped back to it character by
character. Matching follows GGT's ``evaluate_quotes.py``: for each gold quote, the best predicted
quote whose overlap covers more than the threshold of the gold span (intersection / gold
length) matches it, once. The issue states the rule as IoU (intersection / union), which is
stricter; both are reported, at 0.3 and 0.8. Speaker: as GGT, a matched quote's speaker is right
when our speaker span overlaps the gold speaker span, or both have none (a "floating" quote);
we also report whether the resolved speaker (our entity's name) is the gold ``reference`` person.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path

from alignment import offset_map, overlap, to_original
from essentiel.facts.names import same_name
from essentiel.pipeline import Pipeline
from report import write_report

DEFAULT = (
    Path(__file__).resolve().parents[2] / "shared/eval-data/ggt-quotes-en/ggt_quotes_en.jsonl.gz"
)


def score(
    gold: list[dict], pred: list[dict], threshold: float, rule: str
) -> tuple[int, int, int, int, int]:
    """(true positives, false negatives, false positives, speaker matches, reference matches)."""
    remaining = list(pred)
    tp = fn = spk = ref = 0
    for g in gold:
        gs = tuple(g["quote_span"])
        best, best_score = None, threshold
        for p in remaining:
            inter = overlap(gs, p["span"])
            if rule == "ggt":
                value = inter / max(1, gs[1] - gs[0])
            else:
                value = inter / max(1, (gs[1] - gs[0]) + (p["span"][1] - p["span"][0]) - inter)
            if value > best_score:
                best, best_score = p, value
        if best is None:
            fn += 1
            continue
        tp += 1
        remaining.remove(best)
        gold_speaker = g.get("speaker_span")
        if gold_speaker and best["speaker"]:
            spk += overlap(tuple(gold_speaker), best["speaker"]) > 0
        elif not gold_speaker and not best["speaker"]:
            spk += 1
        reference = (g.get("reference") or "").strip()
        if reference and best["name"]:
            ref += same_name(reference.split()[-1], best["name"].split()[-1])
    return tp, fn, len(remaining), spk, ref


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--json", type=Path, help="write the figures here too")
    parser.add_argument("--errors", type=Path, help="write missed and spurious quotes here")
    args = parser.parse_args()
    if not args.data.exists():
        print(f"no data at {args.data}", file=sys.stderr)
        return 2
    with gzip.open(args.data, "rt", encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines]
    pipe = Pipeline()
    pipe.warm_up(("en",))
    started = time.perf_counter()
    per_doc = []
    errors = []
    for row in rows:
        original = row["text_preprocessed"]
        digest = pipe.digest(original, lang="en")
        mapping = offset_map(digest.article.text, original)
        pred = []
        for q in digest.quotes:
            span = to_original((q.content.start, q.content.end), mapping)
            if span is None:
                continue
            speaker = to_original((q.speaker.start, q.speaker.end), mapping) if q.speaker else None
            pred.append({"span": span, "speaker": speaker, "name": q.speaker_name, "kind": q.kind})
        per_doc.append((row["quotes"], pred))
        if args.errors:
            errors.append(
                {
                    "id": row["id"],
                    "gold": row["quotes"],
                    "pred": [
                        {**p, "text": original[p["span"][0] : p["span"][1]], "kind": str(p["kind"])}
                        for p in pred
                    ],
                }
            )
    seconds = time.perf_counter() - started
    results = {}
    for rule in ("iou", "ggt"):
        for threshold in (0.3, 0.8):
            tp = fn = fp = spk = ref = 0
            for gold, pred in per_doc:
                a, b, c, d, e = score(gold, pred, threshold, rule)
                tp, fn, fp, spk, ref = tp + a, fn + b, fp + c, spk + d, ref + e
            precision = tp / max(1, tp + fp)
            recall = tp / max(1, tp + fn)
            f1 = 2 * precision * recall / max(1e-9, precision + recall)
            results[f"{rule}>{threshold}"] = {
                "precision": round(100 * precision, 1),
                "recall": round(100 * recall, 1),
                "f1": round(100 * f1, 1),
                "speaker_accuracy": round(100 * spk / max(1, tp), 1),
                "resolved_speaker_accuracy": round(100 * ref / max(1, tp), 1),
                "tp": tp,
                "fn": fn,
                "fp": fp,
            }
    gold_n = sum(len(g) for g, _ in per_doc)
    print(
        f"{len(rows)} articles, {gold_n} gold quotes, {seconds / len(rows) * 1000:.0f} ms/article"
    )
    print(f"{'rule':<10} {'P':>6} {'R':>6} {'F1':>6} {'speaker':>8} {'resolved':>9}")
    for key, r in results.items():
        print(
            f"{key:<10} {r['precision']:>6} {r['recall']:>6} {r['f1']:>6} "
            f"{r['speaker_accuracy']:>8} {r['resolved_speaker_accuracy']:>9}"
        )
    print("published (GGT V5.1 README): F1 83.7 @0.3, 76.1 @0.8; speaker 86.0-86.5 %")
    write_report(results, args.json, errors, args.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
