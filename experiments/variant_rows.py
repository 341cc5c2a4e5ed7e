"""Rows for a judged A/B: the rows whose key-point box differs between the default settings and
a variant, with the variant's box as a system output, for ``bench/judging.py build``.

    .venv/bin/python experiments/variant_rows.py \\
        --data ../shared/eval-data/orangesum/orangesum_abstract_train.jsonl.gz --skip 18600 \\
        --documents 40 --out rows.jsonl --variant nodays=day_brackets:0
    .venv/bin/python bench/judging.py build --data rows.jsonl --documents 40 --seed 1 \\
        --exclude-ids bench/judging/used.jsonl --record bench/judging/used.jsonl \\
        --blind blind.json --key key.json

Rows already judged (``bench/judging/used.jsonl``) are skipped; ``--all`` keeps every row
(identical boxes then share one label in the blind file). The reference stays in the row.
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import json
import sys
from pathlib import Path
from typing import Any

USED = Path(__file__).resolve().parent.parent / "bench" / "judging" / "used.jsonl"


def setting(text: str) -> tuple[str, dict[str, Any]]:
    """« nodays=day_brackets:0,max_words:30 » -> ("nodays", {...}) with numbers read."""
    name, _, fields = text.partition("=")
    values: dict[str, Any] = {}
    for field in fields.split(","):
        key, _, raw = field.partition(":")
        value: Any = raw
        for kind in (int, float):
            try:
                value = kind(raw)
                break
            except ValueError:
                continue
        values[key] = value
    if not name or not values:
        raise argparse.ArgumentTypeError("NAME=field:value[,field:value]")
    return name, values


def main(argv: list[str] | None = None) -> int:
    from essentiel.keypoints import KeyPointSettings
    from essentiel.pipeline import Pipeline, Settings

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--skip", type=int, default=0)
    parser.add_argument("--documents", type=int, default=40)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--variant", type=setting, required=True)
    parser.add_argument("--html", action="store_true", help="digest the row's html field")
    parser.add_argument("--all", action="store_true", help="keep rows whose boxes agree")
    parser.add_argument(
        "--keep-outputs",
        action="store_true",
        help="keep the row's system outputs (box_rows.py's other commit) beside the variant",
    )
    args = parser.parse_args(argv)
    name, values = args.variant
    used: set[str] = set()
    if USED.exists():
        for line in USED.read_text(encoding="utf-8").splitlines():
            used |= set(json.loads(line).get("ids", []))
    base = Pipeline()
    variant = Pipeline(Settings(keypoints=dataclasses.replace(KeyPointSettings(), **values)))
    kept: list[dict[str, Any]] = []
    seen = 0
    opener = gzip.open if args.data.suffix == ".gz" else open
    with opener(args.data, "rt", encoding="utf-8") as rows:
        for i, line in enumerate(rows):
            if i < args.skip:
                continue
            row = json.loads(line)
            if row["id"] in used:
                continue
            seen += 1
            source = row["html"] if args.html else row["text"]
            given = {
                "published": row.get("date"),
                "lang": row.get("lang"),
                "title": row.get("title"),
            }
            ours = [k.text for k in base.digest(source, **given).keypoints]
            theirs = [k.text for k in variant.digest(source, **given).keypoints]
            if not args.all and (ours == theirs or not ours or not theirs):
                continue
            if args.keep_outputs:
                row.setdefault("system_outputs", {})[name] = theirs
            else:
                row["system_outputs"] = {name: theirs}
            kept.append(row)
            print(f"\r{seen} seen, {len(kept)} kept (row {i})", end="", file=sys.stderr)
            if len(kept) >= args.documents:
                break
    with args.out.open("w", encoding="utf-8") as out:
        for row in kept:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"\n{seen} seen, {len(kept)} kept", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
