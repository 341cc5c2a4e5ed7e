"""What the box is for text with no headline, beside LEAD-k (issue 33, item 2).

    .venv/bin/python experiments/untitled_boxes.py --data FILE [--start N] [--limit N]
        [--lead K] [--keypoints FIELD:VALUE ...] --jsonl OUT
    .venv/bin/python experiments/untitled_boxes.py --compare BEFORE.jsonl AFTER.jsonl [--show N]

Each row's ``text`` is digested as plain text with no title (its ``title`` field, if any, is
not passed), with its publication date. One JSON line per row: the body sentences' indexes the
bullets come from, the bullets, and the first K body sentences (LEAD-K on our split, the
dateline set apart by the split left out). ``--compare`` counts the boxes that differ and
prints the first ``--show`` of them side by side with LEAD-K; it also prints, over all rows,
how many bullets come from the lead's sentences and how many boxes open on the lead.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "experiments"))

import keypoint_defects as kd  # noqa: E402  (bench/: the FIELD:VALUE settings reader)
from digest_equality import rows  # noqa: E402  (the rows of a JSON-lines file, gzipped or not)


def digest_rows(args: argparse.Namespace) -> None:
    from essentiel import EssentielError, Pipeline
    from essentiel.evaluation.data import item_from_row
    from essentiel.evaluation.rouge import rouge
    from essentiel.model import BlockKind

    pipeline = Pipeline(kd._settings(args.keypoints))
    if args.untitled:
        # A trial of the language file's weights without editing it: the cached language.
        from essentiel import resources

        count, weight = args.untitled.split(":")
        for code in ("fr", "en"):
            lang = resources.language(code)
            object.__setattr__(lang, "untitled_lead", (int(count), float(weight)))
    with args.jsonl.open("w", encoding="utf-8") as out:
        for number, row in enumerate(rows(args.data, args.start, args.limit), args.start):
            try:
                digest = pipeline.digest(
                    row["text"], published=row.get("published") or row.get("date")
                )
            except EssentielError as exc:
                out.write(json.dumps({"row": number, "error": exc.code}) + "\n")
                continue
            body = {b.index for b in digest.article.blocks if b.kind is BlockKind.BODY}
            sentences = [s for s in digest.sentences if s.block in body]
            starts = [s.span.start for s in sentences]
            texts = [s.span.text for s in sentences]
            # The dateline the split sets apart (« (CNN) », « LONDON, England (Reuters) -- »)
            # is no sentence of LEAD-k's.
            words = [i for i, t in enumerate(texts) if len(t.split()) > 4]
            bullets = []
            for point in digest.keypoints:
                first = point.sources[0].start
                index = max((i for i, s in enumerate(starts) if s <= first), default=-1)
                bullets.append({"sentence": index, "text": point.text})
            reference = item_from_row(row, "text", str(number)).reference
            summary_rouge = rouge([b["text"] for b in bullets], reference)
            lead_rouge = rouge([texts[i] for i in words[: args.lead]], reference)
            record = {
                "row": number,
                "r1": summary_rouge["rouge-score", "rouge1"],
                "r2": summary_rouge["rouge-score", "rouge2"],
                "lead_r1": lead_rouge["rouge-score", "rouge1"],
                "lead_r2": lead_rouge["rouge-score", "rouge2"],
                "id": row.get("id"),
                "bullets": bullets,
                "lead": [[i, texts[i]] for i in words[: args.lead]],
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            print(f"\r  row {number}", end="", file=sys.stderr)
    print(file=sys.stderr)


def summary(records: list[dict[str, Any]], name: str) -> None:
    boxes = [r for r in records if "bullets" in r]
    bullets = sum(len(r["bullets"]) for r in boxes)
    opens = sum(
        1
        for r in boxes
        if r["bullets"] and r["lead"] and r["bullets"][0]["sentence"] == r["lead"][0][0]
    )
    in_lead = sum(
        1 for r in boxes for b in r["bullets"] if b["sentence"] in {i for i, _ in r["lead"]}
    )
    leads = sum(len(r["lead"]) for r in boxes)
    covered = sum(
        1 for r in boxes for i, _ in r["lead"] if i in {b["sentence"] for b in r["bullets"]}
    )
    mean = {
        k: sum(r[k] for r in boxes) / max(1, len(boxes)) for k in ("r1", "r2", "lead_r1", "lead_r2")
    }
    print(
        f"{name}: ROUGE-1 {mean['r1']:.2f} ROUGE-2 {mean['r2']:.2f} (LEAD-k {mean['lead_r1']:.2f} "
        f"{mean['lead_r2']:.2f}); {len(boxes)} boxes, {bullets} bullets; open on the lead "
        f"{opens}; bullets from LEAD-k's sentences {in_lead}; LEAD-k sentences with a bullet "
        f"{covered} of {leads}"
    )


def compare(args: argparse.Namespace) -> None:
    before_path, after_path = args.compare
    before = [json.loads(line) for line in Path(before_path).read_text("utf-8").splitlines()]
    after = [json.loads(line) for line in Path(after_path).read_text("utf-8").splitlines()]
    summary(before, "before")
    summary(after, "after")
    differ = [
        (b, a) for b, a in zip(before, after, strict=True) if b.get("bullets") != a.get("bullets")
    ]
    print(f"{len(differ)} of {len(before)} boxes differ")
    for b, a in differ[: args.show]:
        print(f"\n=== row {b['row']} {b.get('id')}")
        for label, record in (("before", b), ("after", a)):
            print(f"  -- {label}")
            for bullet in record.get("bullets", []):
                print(f"   [{bullet['sentence']}] {bullet['text']}")
        print("  -- LEAD")
        for i, sentence in b.get("lead", []):
            print(f"   [{i}] {sentence}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path)
    parser.add_argument("--start", type=int, default=0)
    parser.add_argument("--limit", type=int, default=30)
    parser.add_argument("--lead", type=int, default=3)
    parser.add_argument("--keypoints", action="append", default=[], metavar="FIELD:VALUE")
    parser.add_argument("--jsonl", type=Path)
    parser.add_argument("--untitled", metavar="SENTENCES:WEIGHT", help="try other weights")
    parser.add_argument("--compare", nargs=2, metavar=("BEFORE", "AFTER"))
    parser.add_argument("--show", type=int, default=20)
    args = parser.parse_args(argv)
    if args.compare:
        compare(args)
    else:
        digest_rows(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
