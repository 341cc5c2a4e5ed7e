"""Where does the key-point stage spend its CPU, step by step?

    .venv/bin/python experiments/keypoint_steps.py [--limit 100] [--start 0]
        [--selector-model embedding|lexical]

Digests OrangeSum validation pages (rows ``--start`` to ``--start + --limit``; the rows kept
for the lead's judging are refused) with the given selector model, after three pages of
warm-up, and charges the CPU time (``time.process_time``) of each call of the stage's steps
to its name: the whole stage (``build_keypoints``), and inside it the selection (the learned
scores, their features, the sentence encoder, the candidates that stand alone), the
headline's pick, and each bullet's making (compression, verification). Steps nest: a step's
time includes the steps it calls. Printed: CPU ms per page and calls per page of each step.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "eval-data" / "orangesum" / "orangesum_abstract_valid.jsonl.gz"
RESERVED = (range(700, 1001), range(1100, 1500))  # the lead's judging rows of DATA
WARM_UP = 3


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--start", type=int, default=0)
    parser.add_argument("--limit", type=int, default=100)
    parser.add_argument("--selector-model", default="embedding")
    args = parser.parse_args()
    if any(args.start < r.stop and r.start < args.start + args.limit for r in RESERVED):
        print("those rows are reserved for the lead's judging", file=sys.stderr)
        return 2
    if not DATA.is_file():
        print(f"missing {DATA}", file=sys.stderr)
        return 2

    import essentiel.keypoints as keypoints
    import essentiel.keypoints.features as features
    import essentiel.keypoints.learned as learned
    import essentiel.pipeline as pipeline_module
    from essentiel import EssentielError, Pipeline
    from essentiel.check.verifier import Verifier
    from essentiel.keypoints import KeyPointSettings
    from essentiel.pipeline import Settings

    seconds: defaultdict[str, float] = defaultdict(float)
    calls: defaultdict[str, int] = defaultdict(int)

    def timed(owner: Any, name: str, label: str) -> None:
        function: Callable[..., Any] = getattr(owner, name)

        def step(*a: Any, **k: Any) -> Any:
            start = time.process_time()
            try:
                return function(*a, **k)
            finally:
                seconds[label] += time.process_time() - start
                calls[label] += 1

        setattr(owner, name, step)

    # Module functions are replaced where their callers look them up.
    timed(pipeline_module, "build_keypoints", "stage (build_keypoints)")
    for name in ("score_learned", "headline_candidates", "_make", "_refused_pointing"):
        timed(keypoints, name, name)
    for name in ("candidate_indices", "sentence_features"):
        timed(learned, name, name)
    timed(features, "lexical_similarities", "lexical_similarities")
    timed(features.Embedder, "encode", "sentence encoder")
    timed(keypoints.Compressor, "compress", "compress")
    timed(Verifier, "verify", "verify")

    settings = Settings(keypoints=replace(KeyPointSettings(), selector_model=args.selector_model))
    digester = Pipeline(settings)
    pages = 0
    with gzip.open(DATA, "rt", encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            if number >= args.start + args.limit:
                break
            if number < args.start:
                continue
            if pages == WARM_UP:
                seconds.clear()
                calls.clear()
            with contextlib.suppress(EssentielError):
                digester.digest(json.loads(line)["html"])
            pages += 1
    counted = calls["stage (build_keypoints)"]
    print(f"selector model {args.selector_model}: {counted} pages after {WARM_UP} of warm-up")
    for label, spent in sorted(seconds.items(), key=lambda item: -item[1]):
        per_page = calls[label] / counted
        print(f"{label:26s} {1000 * spent / counted:7.2f} ms/page {per_page:6.1f} calls")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
