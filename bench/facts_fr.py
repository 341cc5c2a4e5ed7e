"""French facts against our development gold set (bench/gold/fr-facts-dev.jsonl).

    .venv/bin/python bench/facts_fr.py [--json bench/out/facts-fr.json] [--errors FILE]

The gold file holds OrangeSum validation article ids and character offsets into their `text`
(no article text: that stays in ../shared/eval-data). Each article is digested as plain text with
its publication date; our spans are mapped back to the original text (bench/alignment.py).

Matching, per kind, one prediction per gold item:
- quotes: content spans with IoU > 0.3 (the GGT rule); speaker right when our speaker's name
  and the gold speaker name are the same name (facts.names), or our speaker span overlaps the
  gold speaker span; kind right when equal;
- figures: number spans overlap; value right when equal;
- dates: expression spans overlap; value right when the ISO values are equal.
Reported: precision, recall, F1 per kind; speaker accuracy, figure value accuracy and date
accuracy on matched items.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import sys
from pathlib import Path
from typing import Any

from alignment import iou, offset_map, overlap, to_original
from essentiel.facts.names import same_name
from essentiel.pipeline import Pipeline
from report import write_report

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "bench" / "gold" / "fr-facts-dev.jsonl"
DATA = ROOT.parent / "shared" / "eval-data" / "orangesum" / "orangesum_abstract_valid.jsonl.gz"


def _match(
    gold: list[dict[str, Any]], pred: list[dict[str, Any]], key: str, good: Any
) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    remaining = list(pred)
    pairs = []
    for g in gold:
        gs = tuple(g[key])
        best = max(remaining, key=lambda p: good(gs, p["span"]), default=None)
        if best is not None and good(gs, best["span"]) > 0:
            pairs.append((g, best))
            remaining.remove(best)
    return pairs


def _prf(tp: int, n_gold: int, n_pred: int) -> dict[str, float]:
    p, r = tp / max(1, n_pred), tp / max(1, n_gold)
    return {
        "precision": round(100 * p, 1),
        "recall": round(100 * r, 1),
        "f1": round(100 * 2 * p * r / max(1e-9, p + r), 1),
        "gold": n_gold,
        "predicted": n_pred,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--errors", type=Path, help="write unmatched and wrong items here")
    args = parser.parse_args()
    if not args.data.exists():
        print(f"no data at {args.data}", file=sys.stderr)
        return 2
    gold = {json.loads(line)["id"]: json.loads(line) for line in args.gold.open(encoding="utf-8")}
    texts: dict[str, str] = {}
    with gzip.open(args.data, "rt", encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            if row["id"] in gold:
                texts[row["id"]] = row["text"]
    pipe = Pipeline()
    totals: dict[str, Any] = {
        k: {"tp": 0, "gold": 0, "pred": 0, "right": 0, "extra": 0}
        for k in ("quotes", "figures", "dates")
    }
    errors = []
    for doc_id, g in gold.items():
        original = texts[doc_id]
        digest = pipe.digest(original, lang="fr", published=dt.date.fromisoformat(g["date"]))
        mapping = offset_map(digest.article.text, original)

        def back(
            start: int, end: int, mapping: list[int | None] = mapping
        ) -> tuple[int, int] | None:
            return to_original((start, end), mapping)

        quotes = [
            {
                "span": back(q.content.start, q.content.end),
                "speaker": back(q.speaker.start, q.speaker.end) if q.speaker else None,
                "name": q.speaker_name,
                "kind": q.kind.value,
            }
            for q in digest.quotes
        ]
        figures = [
            {"span": back(f.number.start, f.number.end), "value": f.value} for f in digest.figures
        ]
        dates = [{"span": back(d.span.start, d.span.end), "value": d.value} for d in digest.dates]
        quotes = [q for q in quotes if q["span"]]
        figures = [f for f in figures if f["span"]]
        dates = [d for d in dates if d["span"]]

        def above(a: tuple[int, int], b: tuple[int, int]) -> float:
            return iou(a, b) if iou(a, b) > 0.3 else 0.0

        pairs = _match(g["quotes"], quotes, "content", above)
        right = 0
        for gq, pq in pairs:
            by_span = bool(gq["speaker"] and pq["speaker"]) and (
                overlap(tuple(gq["speaker"]), pq["speaker"]) > 0
            )
            by_name = bool(gq["speaker_name"] and pq["name"]) and same_name(
                gq["speaker_name"].split()[-1], pq["name"].split()[-1]
            )
            both_unknown = not gq["speaker_name"] and not pq["name"]
            ok = by_span or by_name or both_unknown
            right += ok
            if not ok:
                errors.append({"id": doc_id, "kind": "speaker", "gold": gq, "pred": pq})
        totals["quotes"]["tp"] += len(pairs)
        totals["quotes"]["right"] += right
        totals["quotes"]["extra"] += sum(gq["kind"] == pq["kind"] for gq, pq in pairs)
        for kind, items, key, preds in (
            ("figures", g["figures"], "number", figures),
            ("dates", g["dates"], "span", dates),
        ):
            pairs = _match(items, preds, key, lambda a, b: overlap(a, b))
            totals[kind]["tp"] += len(pairs)
            for gi, pi in pairs:
                if gi["value"] == pi["value"] or (
                    kind == "figures" and abs(float(gi["value"]) - float(pi["value"])) < 1e-6
                ):
                    totals[kind]["right"] += 1
                else:
                    errors.append(
                        {
                            "id": doc_id,
                            "kind": kind,
                            "text": original[slice(*gi[key])],
                            "gold": gi["value"],
                            "pred": pi["value"],
                        }
                    )
            matched = {id(pi) for _, pi in pairs}
            for pi in preds:
                if id(pi) not in matched:
                    errors.append(
                        {
                            "id": doc_id,
                            "kind": f"{kind}-spurious",
                            "text": original[slice(*pi["span"])],
                        }
                    )
            matched_gold = {id(gi) for gi, _ in pairs}
            for gi in items:
                if id(gi) not in matched_gold:
                    errors.append(
                        {"id": doc_id, "kind": f"{kind}-missed", "text": original[slice(*gi[key])]}
                    )
        for name, items, preds in (
            ("quotes", g["quotes"], quotes),
            ("figures", g["figures"], figures),
            ("dates", g["dates"], dates),
        ):
            totals[name]["gold"] += len(items)
            totals[name]["pred"] += len(preds)
    results: dict[str, Any] = {"articles": len(gold)}
    for kind, t in totals.items():
        results[kind] = _prf(t["tp"], t["gold"], t["pred"])
    results["quotes"]["speaker_accuracy"] = round(
        100 * totals["quotes"]["right"] / max(1, totals["quotes"]["tp"]), 1
    )
    results["quotes"]["kind_accuracy"] = round(
        100 * totals["quotes"]["extra"] / max(1, totals["quotes"]["tp"]), 1
    )
    results["figures"]["value_accuracy"] = round(
        100 * totals["figures"]["right"] / max(1, totals["figures"]["tp"]), 1
    )
    results["dates"]["accuracy"] = round(
        100 * totals["dates"]["right"] / max(1, totals["dates"]["tp"]), 1
    )
    print(f"{results['articles']} articles (gold: {args.gold.name})")
    print(f"{'kind':<8} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6} {'F1':>6}  accuracy on matched")
    extras = {
        "quotes": f"speaker {results['quotes']['speaker_accuracy']} %, "
        f"kind {results['quotes']['kind_accuracy']} %",
        "figures": f"value {results['figures']['value_accuracy']} %",
        "dates": f"resolved value {results['dates']['accuracy']} %",
    }
    for kind in ("quotes", "figures", "dates"):
        r = results[kind]
        print(
            f"{kind:<8} {r['gold']:>5} {r['predicted']:>5} {r['precision']:>6} {r['recall']:>6} "
            f"{r['f1']:>6}  {extras[kind]}"
        )
    print("published (French quotes, Radar de Parité): F1 81.7, speaker accuracy 80.4 %")
    write_report(results, args.json, errors, args.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
