"""Are the roles the key points put in brackets after a name right? List them for reading.

    .venv/bin/python experiments/role_audit.py --start 12600 --limit 300

Digests OrangeSum train rows (text, with their headline and date) and prints, for each
bracketed role (``keypoints/roles.py``, a check of kind "role"), the row, the bullet, the
evidence (the role and the name side by side in the text) and the article's words around
it: the reader judges each « right », « wrong » or « doubtful » (is it that person's role,
the one the text gives?) and whether the bullet reads better. Its verdicts are kept as rows,
names and roles only (``role_audit_judged.jsonl``).
"""

from __future__ import annotations

import argparse
import gzip
import json
from pathlib import Path

TRAIN = (
    Path(__file__).resolve().parents[2]
    / "shared/eval-data/orangesum/orangesum_abstract_train.jsonl.gz"
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=TRAIN)
    parser.add_argument("--start", type=int, required=True)
    parser.add_argument("--limit", type=int, default=300)
    args = parser.parse_args()
    from essentiel.pipeline import Pipeline

    pipeline = Pipeline()
    found = 0
    with gzip.open(args.data, "rt", encoding="utf-8") as rows:
        for i, line in enumerate(rows):
            if i < args.start:
                continue
            if i >= args.start + args.limit:
                break
            row = json.loads(line)
            digest = pipeline.digest(
                row["text"], published=row.get("date"), lang="fr", title=row.get("title")
            )
            text = digest.article.text
            for point in digest.keypoints:
                for check in point.verdict.checks:
                    if check.kind.value != "role" or check.evidence is None:
                        continue
                    found += 1
                    ev = check.evidence
                    print(f"#{found} row {i} | {row.get('title', '').strip()}")
                    print(f"  bullet:   {point.text}")
                    print(f"  role:     {check.text}")
                    print(f"  evidence: {ev.text}")
                    print(f"  context:  {text[max(0, ev.start - 150) : ev.end + 100]!r}")
    print(f"{found} bracketed roles in rows {args.start}-{args.start + args.limit - 1}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
