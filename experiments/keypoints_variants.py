"""The key-point stage under several settings, on the same parsed pages, in one process.

    PYTHONPATH=src .venv/bin/python experiments/keypoints_variants.py --start 0 --limit 500 \
        --variant lex5=preselect_lexical:1,max_embedded:5 [--variant ...]

Each page of the OrangeSum validation file is digested once (the default settings); inside, at
``build_keypoints``, the key points are built under the default and under each variant, in an
order that turns page by page, each call's CPU time counted. Reported per variant: the stage's
CPU per page (the first ``--warm-up`` pages left out) beside the default's, and how many boxes
(the bullets' texts) differ from the default's. A cost compared beside its base, on a shared
machine, without the parse's noise. Rows 700-1000 and 1100-1499 (the lead's) are refused.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import essentiel.pipeline as pipeline_module
from essentiel import EssentielError, Pipeline
from essentiel.keypoints import KeyPointSettings

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "eval-data" / "orangesum" / "orangesum_abstract_valid.jsonl.gz"
RESERVED = (range(700, 1001), range(1100, 1500))


def parse_variant(spec: str) -> tuple[str, KeyPointSettings]:
    name, _, fields = spec.partition("=")
    base = KeyPointSettings()
    values: dict[str, Any] = {}
    for field in filter(None, fields.split(",")):
        key, _, raw = field.partition(":")
        default = getattr(base, key)
        kind = type(default) if default is not None else str
        values[key] = bool(int(raw)) if kind is bool else kind(raw)
    return name, replace(base, **values)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--start", type=int, default=0)
    parser.add_argument("--limit", type=int, default=100)
    parser.add_argument("--warm-up", type=int, default=5)
    parser.add_argument("--variant", action="append", default=[], help="NAME=FIELD:VALUE,...")
    parser.add_argument("--show", type=int, default=0, help="differing boxes printed per variant")
    args = parser.parse_args()
    rows = range(args.start, args.start + args.limit)
    if any(r in rows for reserved in RESERVED for r in reserved):
        raise SystemExit("rows 700-1000 and 1100-1499 are the lead's")
    settings = dict([("default", KeyPointSettings()), *map(parse_variant, args.variant)])
    names = list(settings)
    cpu = dict.fromkeys(names, 0.0)
    differ = dict.fromkeys(names, 0)
    shown: dict[str, list[tuple[int, list[str], list[str]]]] = {n: [] for n in names}
    real = pipeline_module.build_keypoints
    page = {"number": 0, "row": 0}

    def every_setting(text: str, sentences: Any, lang: Any, title: Any, _: Any, *rest: Any):  # type: ignore[no-untyped-def]
        number = page["number"]
        turn = number % len(names)
        results: dict[str, Any] = {}
        for name in names[turn:] + names[:turn]:
            start = time.process_time()
            results[name] = real(text, sentences, lang, title, settings[name], *rest)
            if number >= args.warm_up:
                cpu[name] += time.process_time() - start
        base = [p.text for p in results["default"][0]]
        for name in names[1:]:
            box = [p.text for p in results[name][0]]
            if box != base:
                differ[name] += 1
                if len(shown[name]) < args.show:
                    shown[name].append((page["row"], base, box))
        return results["default"]

    pipeline_module.build_keypoints = every_setting  # type: ignore[assignment]
    digester = Pipeline()
    with gzip.open(DATA, "rt", encoding="utf-8") as handle:
        for row, line in enumerate(handle):
            if row < args.start:
                continue
            if row >= args.start + args.limit:
                break
            page["row"] = row
            with contextlib.suppress(EssentielError):
                digester.digest(json.loads(line)["html"])
            page["number"] += 1
    timed = max(1, page["number"] - args.warm_up)
    for name in names:
        per_page = 1000 * cpu[name] / timed
        against = per_page - 1000 * cpu["default"] / timed
        print(
            f"{name:12} keypoints {per_page:6.2f} ms CPU/page ({against:+.2f})"
            f"  boxes differing {differ[name]} of {page['number']}"
        )
        for row, base, box in shown[name]:
            print(
                f"  row {row}:\n    - " + "\n    - ".join(base) + "\n    + " + "\n    + ".join(box)
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
