"""Are the days the key points put in brackets right? Build the audit file, count its verdicts.

    .venv/bin/python experiments/day_audit.py build --skip 19300 --brackets 100 --out audit.json
    .venv/bin/python experiments/day_audit.py count experiments/day_audit_judged.jsonl

``build`` digests OrangeSum train rows from ``--skip`` and writes, for each bracketed day of a
bullet (« a voté mercredi [22 janvier] »), the article, its publication date and weekday, the
bullet and the bracket: the file a fact-checking session reads alone, answering for each item
« right », « wrong » or « unsure » (is the bracket the day the words before it mean?). Its
verdicts are kept in the repository as ids, rows and brackets only
(``day_audit_judged.jsonl``, 2026-12-06: the rule at 6f1d38c, train rows 19300–19869, 100
brackets). ``count`` prints them by verdict.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import gzip
import json
import re
from pathlib import Path

TRAIN = (
    Path(__file__).resolve().parents[2]
    / "shared/eval-data/orangesum/orangesum_abstract_train.jsonl.gz"
)
_BRACKETED_DAY = re.compile(r"\[(\d[^\]]*)\]")


def build(skip: int, brackets: int, data: Path, out: Path) -> int:
    from essentiel.pipeline import Pipeline

    pipeline = Pipeline()
    items: list[dict[str, object]] = []
    with gzip.open(data, "rt", encoding="utf-8") as rows:
        for i, line in enumerate(rows):
            if i < skip:
                continue
            row = json.loads(line)
            digest = pipeline.digest(
                row["text"], published=row.get("date"), lang="fr", title=row.get("title")
            )
            for point in digest.keypoints:
                for found in _BRACKETED_DAY.finditer(point.text):
                    items.append(
                        {
                            "n": len(items) + 1,
                            "published": row["date"],
                            "weekday": dt.date.fromisoformat(row["date"]).strftime("%A"),
                            "article": row["text"],
                            "bullet": point.text,
                            "bracket": found.group(1),
                        }
                    )
            if len(items) >= brackets:
                break
    out.write_text(json.dumps(items, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{len(items)} brackets from rows {skip}-{i}")
    return 0


def count(judged: Path) -> int:
    verdicts = [json.loads(line)["verdict"] for line in judged.read_text().splitlines() if line]
    for verdict, n in collections.Counter(verdicts).most_common():
        print(f"{verdict:8} {n}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    verbs = parser.add_subparsers(dest="verb", required=True)
    made = verbs.add_parser("build")
    made.add_argument("--skip", type=int, default=19300)
    made.add_argument("--brackets", type=int, default=100)
    made.add_argument("--data", type=Path, default=TRAIN)
    made.add_argument("--out", type=Path, required=True)
    counted = verbs.add_parser("count")
    counted.add_argument("judged", type=Path)
    args = parser.parse_args(argv)
    if args.verb == "build":
        return build(args.skip, args.brackets, args.data, args.out)
    return count(args.judged)


if __name__ == "__main__":
    raise SystemExit(main())
