"""What leaving sentences out of the key-point selector's embedding saves, and where bullets
come from (issue 31).

    .venv/bin/python experiments/candidate_embedding_cost.py [--limit 100] [--caps 10,8]
    .venv/bin/python experiments/candidate_embedding_cost.py --positions --start 5000 --limit 600 \
        --data ../shared/eval-data/orangesum/orangesum_abstract_train.jsonl.gz

Cost (the default): digests OrangeSum validation pages (rows 0 to ``--limit``; the lead's
judging rows are refused) in one process, page by page, under each variant in turn (the order
rotating from page to page, so that the machine's load falls on all alike): ``before`` (the
passed-over sentences embedded, as before issue 31's change, the cap 10), ``passed`` (left
out, cap 10) and one variant per ``--caps`` value (left out, that cap). Printed: the keypoints
stage's CPU ms per page (``Pipeline.stage_cpu_seconds``) and how many boxes differ from
``before``'s. The variants are made by wrapping ``keypoints.score_learned``: ``before`` gives
it no ``passed`` set, which is the code before the change.

``--positions``: the shipped settings only; the sentence each bullet comes from (its place in
the body), the share of bullets from each place on, and per page the candidates that stand
alone, those embedded and those passed over. A page is read as HTML when the row has it, else
as text with its title.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "eval-data" / "orangesum" / "orangesum_abstract_valid.jsonl.gz"
RESERVED = (range(700, 1001), range(1100, 1500))  # the lead's judging rows of DATA


def load(path: Path, start: int, limit: int) -> list[dict[str, Any]]:
    rows = []
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for k, line in enumerate(handle):
            if k >= start + limit:
                break
            if k < start:
                continue
            if path.name == DATA.name and any(k in r for r in RESERVED):
                raise SystemExit(f"row {k} is kept for the lead's judging")
            rows.append(json.loads(line))
    return rows


def digest(pipeline: Any, row: dict[str, Any]) -> Any:
    if row.get("html"):
        return pipeline.digest(row["html"])
    return pipeline.digest(row["text"], title=row.get("title"))


def cost(rows: list[dict[str, Any]], caps: list[int]) -> None:
    import essentiel.keypoints as keypoints
    from essentiel import EssentielError, Pipeline

    variants: dict[str, tuple[bool, int]] = {"before": (False, 10), "passed": (True, 10)}
    variants.update({f"cap-{c}": (True, c) for c in caps})
    chosen = {"name": "before"}
    module = vars(keypoints)  # build_keypoints reads score_learned from here
    score_learned = module["score_learned"]

    def variant(*args: Any) -> Any:
        # build_keypoints' call: sentences, lang, title, weight, lemma_sets, named, cap, passed
        leave_out, cap = variants[chosen["name"]]
        args = (*args[:6], cap, args[7] if leave_out else frozenset())
        return score_learned(*args)

    module["score_learned"] = variant
    cpu: defaultdict[str, float] = defaultdict(float)
    boxes: defaultdict[str, list[list[str]]] = defaultdict(list)
    names = list(variants)
    try:
        pipeline = Pipeline()
        digest(pipeline, rows[0])  # load the models outside the count
        for p, row in enumerate(rows):
            for name in names[p % len(names) :] + names[: p % len(names)]:
                chosen["name"] = name
                pipeline.stage_cpu_seconds.clear()
                try:
                    result = digest(pipeline, row)
                except EssentielError:
                    boxes[name].append([])
                    continue
                cpu[name] += pipeline.stage_cpu_seconds["keypoints"]
                boxes[name].append([k.text for k in result.keypoints])
    finally:
        module["score_learned"] = score_learned
    for name in names:
        differ = sum(a != b for a, b in zip(boxes[name], boxes["before"], strict=True))
        print(
            f"{name:8s} keypoints {1000 * cpu[name] / len(rows):6.2f} ms CPU per page, "
            f"boxes differing from before: {differ}/{len(rows)}"
        )


def positions(rows: list[dict[str, Any]]) -> None:
    import essentiel.keypoints as keypoints
    import essentiel.pipeline as pipeline_module
    from essentiel import EssentielError, Pipeline
    from essentiel.keypoints.learned import candidate_indices

    page: dict[str, Any] = {}
    scoring, running = vars(keypoints), vars(pipeline_module)
    score_learned, build_keypoints = scoring["score_learned"], running["build_keypoints"]

    def spy_scores(*args: Any) -> Any:
        sentences, lang, named, passed = args[0], args[1], args[5], args[7]
        candidates = score_learned(*args)
        page["alone"] = len(candidate_indices(sentences, lang, named))
        page["passed"] = len(set(candidate_indices(sentences, lang, named)) & passed)
        page["embedded"] = sum("model" in c.features for c in candidates)
        return candidates

    def spy_build(text: str, sentences: list[Any], *args: Any, **kwargs: Any) -> Any:
        made, notices = build_keypoints(text, sentences, *args, **kwargs)
        starts = {s.start: i for i, s in enumerate(sentences)}
        page["bullets"] = [starts[k.sources[0].start] for k in made]
        return made, notices

    scoring["score_learned"], running["build_keypoints"] = spy_scores, spy_build
    pages = []
    try:
        pipeline = Pipeline()
        for row in rows:
            page.clear()
            try:
                digest(pipeline, row)
            except EssentielError:
                continue
            if "embedded" in page:
                pages.append(dict(page))
    finally:
        scoring["score_learned"], running["build_keypoints"] = score_learned, build_keypoints
    places = Counter(i for p in pages for i in p["bullets"])
    total = sum(places.values())
    print(f"{len(pages)} pages, {total} bullets")
    for key in ("alone", "embedded", "passed"):
        print(f"  {key} per page: {statistics.mean(p[key] for p in pages):.2f}")
    seen = 0
    for place in sorted(places):
        seen += places[place]
        print(f"  sentence {place:2d}: {places[place]:4d} bullets, {seen / total:6.1%} up to it")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--start", type=int, default=0)
    parser.add_argument("--limit", type=int, default=100)
    parser.add_argument("--caps", default="8", help="caps to try with the sentences left out")
    parser.add_argument("--positions", action="store_true")
    args = parser.parse_args()
    rows = load(args.data, args.start, args.limit)
    started = time.process_time()
    if args.positions:
        positions(rows)
    else:
        cost(rows, [int(c) for c in args.caps.split(",") if c])
    print(f"({time.process_time() - started:.0f} s CPU)")


if __name__ == "__main__":
    main()
