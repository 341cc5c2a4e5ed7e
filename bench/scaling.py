"""Cost per KB of every digest stage, from 10 KB to 2 MB: does it stay flat?

    .venv/bin/python bench/scaling.py [--sizes 10,20,50,100,200,500,990,2000]
                                      [--shapes single,many] [--json bench/out/scaling.json]

Inputs are generated news-like French text (bench/newslike.py: original sentences with
people, places, quotes, figures and dates), either one paragraph (``single``) or paragraphs of
three to six sentences (``many``). Each size and shape is digested in a fresh process, after a
small warm-up article, so that its peak memory (ru_maxrss) is its own. Recorded per run: CPU
milliseconds per KB of input for every stage (``Pipeline.stage_cpu_seconds``), the total, and
the peak resident memory.

Verdict: a stage is flat when its largest ms/KB is at most twice its smallest over the sizes
(stages under 50 ms of CPU in every run are reported but not judged: timer noise). Beside it,
``growth`` (the largest input's ms/KB over the smallest ms/KB) tells a cost that rises with the
input (growth well over 1) from a fixed cost per article that small inputs pay per KB; memory
passes when every run stays under 1 GiB. A paragraph over the parser's limit of 1,000,000
characters is answered with the documented error (InputTooLarge, exit 3, HTTP 413): such a
run is listed as refused, with its time to refuse.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
MEMORY_BUDGET_MB = 1024
FLAT_RATIO = 2.0
JUDGED_MIN_SECONDS = 0.05

_CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, sys.argv[1])
from newslike import article
from essentiel import EssentielError, Pipeline
kb, shape = int(sys.argv[2]), sys.argv[3]
pipeline = Pipeline()
pipeline.warm_up(("fr",))
pipeline.digest(article(3_000, single_paragraph=False, seed=1), lang="fr")
text = article(kb * 1000, single_paragraph=shape == "single", seed=kb)
pipeline.stage_cpu_seconds.clear()
start = time.process_time()
error = None
try:
    pipeline.digest(text, lang="fr", published="2025-06-01")
except EssentielError as exc:
    error = f"{type(exc).__name__}: {exc}"
print(json.dumps({
    "kb": len(text.encode("utf-8")) / 1000,
    "chars": len(text),
    "cpu_seconds": time.process_time() - start,
    "stages": dict(pipeline.stage_cpu_seconds),
    "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "error": error,
}))
"""


def run(kb: int, shape: str) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, str(BENCH), str(kb), shape],
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    result["shape"], result["size"] = shape, kb
    return result


def verdict(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """Per stage: smallest and largest ms/KB over the digested runs, their ratio, judged."""
    done = [r for r in runs if r["error"] is None]
    stages = sorted({s for r in done for s in r["stages"]})
    found: dict[str, Any] = {}
    for stage in stages:
        per_kb = [1000 * r["stages"].get(stage, 0.0) / r["kb"] for r in done]
        judged = any(r["stages"].get(stage, 0.0) >= JUDGED_MIN_SECONDS for r in done)
        low, high = min(per_kb), max(per_kb)
        ratio = high / low if low > 0 else float("inf")
        # Superlinear cost shows as ms/KB rising with size; a fixed cost per article as ms/KB
        # falling. growth: the largest input's ms/KB over the smallest ms/KB of any size.
        growth = per_kb[-1] / low if low > 0 else float("inf")
        found[stage] = {
            "min_ms_per_kb": low,
            "max_ms_per_kb": high,
            "ratio": ratio,
            "growth": growth,
            "judged": judged,
            "flat": (ratio <= FLAT_RATIO) if judged else None,
        }
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    # 990: the largest single paragraph under the parser's 1,000,000 characters.
    parser.add_argument("--sizes", default="10,20,50,100,200,500,990,2000")
    parser.add_argument("--shapes", default="single,many")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    report: dict[str, Any] = {"memory_budget_mb": MEMORY_BUDGET_MB, "shapes": {}}
    ok = True
    for shape in args.shapes.split(","):
        runs = []
        for kb in sizes:
            r = run(kb, shape)
            runs.append(r)
            stages = " ".join(
                f"{k}={1000 * v / r['kb']:.1f}" for k, v in r["stages"].items() if v > 0
            )
            status = f"refused ({r['error']})" if r["error"] else stages
            print(
                f"{shape:6} {r['kb']:8.0f} KB  cpu {r['cpu_seconds']:7.1f} s  "
                f"total {1000 * r['cpu_seconds'] / r['kb']:5.1f} ms/KB  "
                f"peak {r['peak_mb']:6.0f} MB  {status}",
                flush=True,
            )
        stages = verdict(runs)
        memory_ok = all(r["peak_mb"] <= MEMORY_BUDGET_MB for r in runs)
        flat = all(v["flat"] is not False for v in stages.values())
        ok = ok and memory_ok and flat
        for stage, v in stages.items():
            judged = ("flat" if v["flat"] else "NOT FLAT") if v["judged"] else "not judged"
            print(
                f"  {stage:20} {v['min_ms_per_kb']:6.1f} .. {v['max_ms_per_kb']:6.1f} ms/KB"
                f"  ratio {v['ratio']:5.2f}  growth {v['growth']:5.2f}  {judged}"
            )
        print(f"  memory under {MEMORY_BUDGET_MB} MB: {'yes' if memory_ok else 'NO'}")
        report["shapes"][shape] = {"runs": runs, "stages": stages, "memory_ok": memory_ok}
    report["pass"] = ok
    print("PASS" if ok else "FAIL")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=2), "utf-8")


if __name__ == "__main__":
    main()
