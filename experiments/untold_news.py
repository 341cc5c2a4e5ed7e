"""Why does a box leave the headline's news untold? For each labelled article whose box holds
no sentence the editor marked as stating the news (``main``, ``bench/editor_picks.py``), where
those sentences went: none was a candidate (``learned.candidate_indices``: the selector never
saw them), a candidate was passed over after scoring (``select.passed_over``), or a candidate
stood and the selection took others.

    .venv/bin/python experiments/untold_news.py [--labels bench/gold/fr-editor-picks.jsonl]
        [--show 10]

A one-off investigation for issue 33 (2026-12-07, 98cfa5d: of the first wave's 313 articles
with a ``main``, 73 such boxes: 23 no candidate, 11 passed over, 39 a candidate not taken).
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "training"))

from alignment import offset_map, overlap, to_original  # noqa: E402
from editor_picks import DATA, _box, outcomes  # noqa: E402
from train_selector import parse_article  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--labels", type=Path, default=ROOT / "bench/gold/fr-editor-picks.jsonl")
    parser.add_argument("--show", type=int, default=0, help="print this many untold cases")
    args = parser.parse_args()

    from essentiel.keypoints.select import passed_over
    from essentiel.pipeline import Pipeline

    with args.labels.open(encoding="utf-8") as fh:
        labels = {r["row"]: r for r in map(json.loads, fh) if r["main"]}
    pipeline = Pipeline()
    causes: Counter[str] = Counter()
    shown = 0
    with gzip.open(args.data, "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i not in labels:
                continue
            row, label = json.loads(line), labels[i]
            digest = pipeline.digest(
                row["text"], published=row["date"], lang="fr", title=row["title"]
            )
            box = _box(digest, offset_map(digest.article.text, row["text"]))
            if outcomes(box, label)["main_told"]:
                continue
            parsed = parse_article(row["text"])
            if parsed is None:
                continue
            clean, sentences, lang, candidates = parsed
            mapping = offset_map(clean, row["text"])
            spans = [to_original((s.span.start_char, s.span.end_char), mapping) for s in sentences]
            main = {
                max(range(len(spans)), key=lambda k, m=m: overlap((m[0], m[1]), spans[k] or (0, 0)))
                for m in label["main"]
            }
            passed = passed_over(sentences, lang)
            if main & (set(candidates) - passed):
                cause = "candidate not taken"
            elif main & set(candidates):
                cause = "passed over"
            else:
                cause = "no candidate"
            causes[cause] += 1
            if shown < args.show:
                shown += 1
                print(f"{row['id']} ({cause}): {sentences[min(main)].span.text[:150]}")
    total = sum(causes.values())
    print(f"{total} boxes tell none of the sentences stating the news, of {len(labels)} articles")
    for cause, n in causes.most_common():
        print(f"  {cause:<20} {n}")


if __name__ == "__main__":
    main()
