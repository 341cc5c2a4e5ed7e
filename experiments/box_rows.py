"""Rows for a judged round with a given commit's box beside ours: each row of a data file, its
key-point box as made by the code on ``PYTHONPATH`` added as ``system_outputs[NAME]``, for
``bench/judging.py build`` (rounds 35–37 put the session's starting code beside its last).

    git worktree add /tmp/base START_COMMIT
    PYTHONPATH=/tmp/base/src .venv/bin/python experiments/box_rows.py \\
        --data ../shared/eval-data/orangesum/orangesum_abstract_train.jsonl.gz \\
        --skip 18944 --documents 40 --name before --out rows.jsonl
    .venv/bin/python bench/judging.py build --data rows.jsonl --source text --documents 40 ...

``--source html`` digests a row's ``html`` (the row's ``lang`` is passed as given). Unlike
``variant_rows.py`` (a setting changed), this keeps every row: the box of another commit.

How many boxes two commits' rows differ in, and how (the twenty-seventh session's « 1 of 250 »,
« 3 of 555 »), when each side wrote its rows under the same ``--name``:

    .venv/bin/python experiments/box_rows.py compare before.jsonl after.jsonl --name box
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path
from typing import Any


def rows(path: Path, skip: int, documents: int) -> list[dict[str, Any]]:
    opener = gzip.open if path.suffix == ".gz" else open
    found = []
    with opener(path, "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i < skip:
                continue
            if len(found) >= documents:
                break
            found.append(json.loads(line))
    return found


def differing(before: Path, after: Path, name: str) -> list[tuple[str, list[str], list[str]]]:
    """The rows whose box ``name`` differs, in order: (id, bullets only before, only after)."""
    changed = []
    with before.open(encoding="utf-8") as a, after.open(encoding="utf-8") as b:
        for line_a, line_b in zip(a, b, strict=True):
            row_a, row_b = json.loads(line_a), json.loads(line_b)
            if row_a.get("id") != row_b.get("id"):
                raise SystemExit(f"rows out of step: {row_a.get('id')} / {row_b.get('id')}")
            box_a, box_b = row_a["system_outputs"][name], row_b["system_outputs"][name]
            if box_a != box_b:
                gone = [x for x in box_a if x not in box_b]
                new = [x for x in box_b if x not in box_a]
                changed.append((str(row_a.get("id")), gone, new))
    return changed


def compare(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description="Boxes that differ between two rows files")
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--name", default="before")
    args = parser.parse_args(argv)
    changed = differing(args.before, args.after, args.name)
    for row_id, gone, new in changed:
        print(f"=== {row_id}")
        print("\n".join([*(f"  - {x}" for x in gone), *(f"  + {x}" for x in new)]))
    total = sum(1 for _ in args.before.open(encoding="utf-8"))
    print(f"{len(changed)} of {total} boxes differ")


def main() -> None:
    if sys.argv[1:2] == ["compare"]:
        compare(sys.argv[2:])
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--skip", type=int, default=0)
    parser.add_argument("--documents", type=int, default=40)
    parser.add_argument("--source", choices=["text", "html"], default="text")
    parser.add_argument("--name", default="before")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()

    from essentiel.pipeline import Pipeline  # the code on PYTHONPATH

    pipeline = Pipeline()
    out = []
    for row in rows(args.data, args.skip, args.documents):
        source = row[args.source]
        digest = pipeline.digest(
            source, published=row.get("date"), lang=row.get("lang"), title=row.get("title")
        )
        row.setdefault("system_outputs", {})[args.name] = [k.text for k in digest.keypoints]
        out.append(row)
    with args.out.open("w", encoding="utf-8") as fh:
        for row in out:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(out)} rows -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
