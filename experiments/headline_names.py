"""Does the box name the headline's names and figures that the body says? Box-level coverage
of the headline, read from ``bench/keypoint_defects.py --jsonl`` files.

``misses_headline`` asks whether one bullet states the headline's event; a box can pass it and
still never name the headline's place, person or figure (« Cuba jamais nommée », round 37).
For each file: of the headline's event words that some body sentence says, the share some
bullet says; and the boxes in which a name (an event word written with a capital, not the
first) or a figure of the headline that the body says is said by no bullet. Rows whose
headline has no event are skipped.

    PYTHONPATH=src .venv/bin/python bench/keypoint_defects.py ... --jsonl /tmp/a.jsonl
    .venv/bin/python experiments/headline_names.py /tmp/a.jsonl [/tmp/b.jsonl ...]
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any


def coverage(rows: list[dict[str, Any]]) -> tuple[int, float, int]:
    """(boxes, share of body-said event words the box says, boxes missing a name/figure)."""
    boxes = said_body = said_box = missing = 0
    for row in rows:
        event = row.get("event") or []
        if not event or not row.get("body_matched"):
            continue
        boxes += 1
        n = len(event)
        body = [any(s[k] for s in row["body_matched"]) for k in range(n)]
        box = [any(b[k] for b in row["matched"]) for k in range(n)]
        said_body += sum(body)
        said_box += sum(1 for k in range(n) if body[k] and box[k])
        names = [
            k
            for k, word in enumerate(event)
            if (k > 0 and word["text"][:1].isupper()) or re.match(r"[0-9]", word["text"])
        ]
        if any(body[k] and not box[k] for k in names):
            missing += 1
    return boxes, said_box / max(1, said_body), missing


def main(paths: list[str]) -> int:
    for path in paths:
        rows = [json.loads(line) for line in Path(path).read_text().splitlines() if line]
        boxes, share, missing = coverage(rows)
        print(
            f"{path}: {boxes} boxes; headline words the body says that the box says "
            f"{100 * share:.1f} %; boxes that leave out a name or figure of it the body says "
            f"{missing}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
