"""Are the names the key points put in brackets after a description right? Build the audit
file, count its verdicts.

    .venv/bin/python experiments/naming_audit.py build --skip 9000 --names 60 --out audit.json
    .venv/bin/python experiments/naming_audit.py count experiments/naming_audit_judged.jsonl

``build`` digests OrangeSum train rows from ``--skip`` (text) and writes, for each bracketed
name that follows words of a bullet (« Le ministre de la Santé [Olivier Véran] a avancé … »,
``keypoints/naming.py``), the headline, the article, the bullet and the name: the file a
fact-checking session reads alone, answering for each item « right », « wrong » or « unsure »
(is the bracketed name the person the words right before it describe?). Its verdicts are
kept in the repository as ids, rows and names only (``naming_audit_judged.jsonl``, one
``audit`` number per run with the ``rule`` commit it judged). ``count`` prints each audit's
verdicts.
"""

from __future__ import annotations

import argparse
import collections
import gzip
import json
import re
from pathlib import Path

TRAIN = (
    Path(__file__).resolve().parents[2]
    / "shared/eval-data/orangesum/orangesum_abstract_train.jsonl.gz"
)
# A bracketed name after a word (not a day, not a subject the name replaced at the opening
# or after a comma).
_NAMED_AFTER = re.compile(r"(?<=[^\W\d_]) \[([^\]\d]+)\]")


def build(skip: int, names: int, data: Path, out: Path, rows_at_most: int) -> int:
    from essentiel.keypoints import KeyPointSettings
    from essentiel.pipeline import Pipeline, Settings

    # The names are off by default (the audits below); on for the audit.
    pipeline = Pipeline(Settings(keypoints=KeyPointSettings(name_descriptions=True)))
    items: list[dict[str, object]] = []
    i = skip
    with gzip.open(data, "rt", encoding="utf-8") as rows:
        for i, line in enumerate(rows):
            if i < skip:
                continue
            if i >= skip + rows_at_most:
                break
            row = json.loads(line)
            digest = pipeline.digest(
                row["text"], published=row.get("date"), lang="fr", title=row.get("title")
            )
            for point in digest.keypoints:
                for found in _NAMED_AFTER.finditer(point.text):
                    items.append(
                        {
                            "n": len(items) + 1,
                            "row": i,
                            "id": row.get("id"),
                            "title": row.get("title"),
                            "article": row["text"],
                            "bullet": point.text,
                            "name": found.group(1),
                        }
                    )
            if len(items) >= names:
                break
    out.write_text(json.dumps(items, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{len(items)} bracketed names from rows {skip}-{i}")
    return 0


def count(judged: Path) -> int:
    verdicts = [json.loads(line) for line in judged.read_text(encoding="utf-8").splitlines()]
    for audit in sorted({v.get("audit", 1) for v in verdicts}):
        these = [v for v in verdicts if v.get("audit", 1) == audit]
        rows = sorted(v["row"] for v in these)
        tally = collections.Counter(v["verdict"] for v in these)
        found = ", ".join(f"{verdict} {n}" for verdict, n in tally.most_common())
        print(f"audit {audit} (rule {these[0]['rule']}, rows {rows[0]}-{rows[-1]}): {found}")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    make = sub.add_parser("build")
    make.add_argument("--skip", type=int, default=9000)
    make.add_argument("--names", type=int, default=60)
    make.add_argument("--rows", type=int, default=3000, help="rows to read at most")
    make.add_argument("--data", type=Path, default=TRAIN)
    make.add_argument("--out", type=Path, required=True)
    tally = sub.add_parser("count")
    tally.add_argument("judged", type=Path)
    args = parser.parse_args()
    if args.command == "build":
        return build(args.skip, args.names, args.data, args.out, args.rows)
    return count(args.judged)


if __name__ == "__main__":
    raise SystemExit(main())
