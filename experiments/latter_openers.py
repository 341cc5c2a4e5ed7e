"""Which « Ce dernier » / « Cette dernière » openers does the box name, and by whom? For each
such sentence of the rows read, the sentence before, the sentence, the name its repair gives
(``standalone._latter_repair``; none when the text does not tie it surely) and whether a
bullet of the box opens on that bracketed name. Whether each name is right is read by hand.

    .venv/bin/python experiments/latter_openers.py --data FILE [--start N] [--limit N] [--show N]

A one-off investigation for issue 33 (2026-12-08, the session's code: OrangeSum validation
rows 0–499, 18 openers, 8 named, all right by hand, 2 in a box; train rows 18100–18999, 27
openers, 3 named after the complement rule, all right).
"""

from __future__ import annotations

import argparse
import gzip
import json
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
VALID = ROOT.parent / "shared" / "eval-data" / "orangesum" / "orangesum_abstract_valid.jsonl.gz"


def openers(data: Path, start: int, limit: int) -> list[dict[str, Any]]:
    """Every latter opener of rows [start, start + limit) with its repair, in row order."""
    import essentiel.keypoints as keypoints
    from essentiel.keypoints.select import latter_subject
    from essentiel.pipeline import Pipeline

    found: list[dict[str, Any]] = []
    row_id = {"id": ""}
    real = keypoints.repair_subject

    def recording(i, sentences, lang, entities, text, title=None):  # type: ignore[no-untyped-def]
        repair = real(i, sentences, lang, entities, text, title)
        if latter_subject(sentences[i], lang.code) is not None:
            found.append(
                {
                    "id": row_id["id"],
                    "before": sentences[i - 1].text if i else "",
                    "sentence": sentences[i].text,
                    "name": repair.name if repair is not None else None,
                }
            )
        return repair

    keypoints.repair_subject = recording  # type: ignore[assignment]
    try:
        pipeline = Pipeline()
        with gzip.open(data, "rt", encoding="utf-8") as lines:
            for k, line in enumerate(lines):
                if k < start:
                    continue
                if k >= start + limit:
                    break
                row = json.loads(line)
                row_id["id"] = row["id"]
                first = len(found)
                digest = pipeline.digest(
                    row["text"], published=row["date"], lang="fr", title=row.get("title")
                )
                for item in found[first:]:
                    mark = f"[{item['name']}]" if item["name"] else None
                    item["in_box"] = bool(mark) and any(
                        p.text.startswith(mark) for p in digest.keypoints
                    )
    finally:
        keypoints.repair_subject = real  # type: ignore[assignment]
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=VALID)
    parser.add_argument("--start", type=int, default=0)
    parser.add_argument("--limit", type=int, default=500)
    parser.add_argument("--show", type=int, default=40, help="print this many openers")
    args = parser.parse_args()
    found = openers(args.data, args.start, args.limit)
    for item in found[: args.show]:
        box = " (in the box)" if item["in_box"] else ""
        print(f"{item['id']}: {item['name']}{box}")
        print(f"    before: {item['before'][-200:]}")
        print(f"    opener: {item['sentence'][:120]}")
    named = sum(1 for item in found if item["name"])
    boxed = sum(1 for item in found if item["in_box"])
    print(f"{len(found)} openers, {named} named, {boxed} in a box")


if __name__ == "__main__":
    main()
