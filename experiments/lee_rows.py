"""Rows of unread English news for a judged round, from the Lee corpus that gensim ships.

    .venv/bin/pip download gensim==4.4.0 --no-deps -d /tmp/lee
    .venv/bin/python experiments/lee_rows.py --wheel /tmp/lee/gensim-4.4.0-*.whl \\
        --seed 20270124 --documents 20 --exclude bench/judging/used.jsonl --out rows.jsonl

``gensim/test/test_data/lee_background.cor`` holds 300 short news articles of the Australian
Broadcasting Corporation's news mail service (Lee, Pincombe and Welsh 2005), one per line, no
headline, no date. No file of ``../shared`` is English news that nobody here has read (issue
33's English rounds used CNN/DM, XSum, trafilatura's pages and the Gender Gap Tracker); these
are. Rows are ``{"id": "lee-background-N", "lang": "en", "text": ...}`` (N the 0-based line);
the eligible are those of at least ``--min-words`` words not in ``--exclude`` (ids judged
before, or read while building); ``--documents`` of them drawn with ``random.Random(seed)``,
written in corpus order. The text never enters the repository: the rows go to the judging
script, the ids to ``bench/judging/used.jsonl``.
"""

from __future__ import annotations

import argparse
import json
import random
import zipfile
from pathlib import Path

MEMBER = "gensim/test/test_data/lee_background.cor"


def excluded_ids(paths: list[Path]) -> set[str]:
    """Ids in JSONL files: ``used.jsonl``'s ``ids`` lists, or rows' ``id``; or one id a line."""
    ids: set[str] = set()
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if not line:
                continue
            if not line.startswith("{"):
                ids.add(line)
                continue
            row = json.loads(line)
            ids.update(row.get("ids", []))
            if "id" in row:
                ids.add(row["id"])
    return ids


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wheel", type=Path, required=True, help="gensim's wheel (zip)")
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--documents", type=int, default=20)
    parser.add_argument("--min-words", type=int, default=150)
    parser.add_argument("--exclude", type=Path, nargs="*", default=[])
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    with zipfile.ZipFile(args.wheel) as wheel:
        lines = wheel.read(MEMBER).decode("utf-8", errors="replace").splitlines()
    rows = [
        {"id": f"lee-background-{n}", "lang": "en", "text": line.strip()}
        for n, line in enumerate(line for line in lines if line.strip())
    ]
    skip = excluded_ids(args.exclude)
    eligible = [
        row for row in rows if len(row["text"].split()) >= args.min_words and row["id"] not in skip
    ]
    if len(eligible) < args.documents:
        raise SystemExit(f"only {len(eligible)} eligible articles for {args.documents}")
    picked = sorted(random.Random(args.seed).sample(range(len(eligible)), args.documents))
    with args.out.open("w", encoding="utf-8") as handle:
        for k in picked:
            handle.write(json.dumps(eligible[k], ensure_ascii=False) + "\n")
    print(f"{len(rows)} articles, {len(eligible)} eligible, {len(picked)} -> {args.out}")


if __name__ == "__main__":
    main()
