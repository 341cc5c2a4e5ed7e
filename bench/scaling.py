"""Cost per KB of every digest stage, from 10 KB to 2 MB: does it stay flat?

    .venv/bin/python bench/scaling.py [--sizes 10,20,50,100,200,500,990,2000]
                                      [--shapes single,many] [--json bench/out/scaling.json]

Inputs are generated news-like French text (bench/newslike.py: original sentences with
people, places, quotes, figures and dates), either one paragraph (``single``) or paragraphs of
three to six sentences (``many``). Each size and shape is digested in a fresh process, after a
small warm-up article, so that its peak memory (ru_maxrss) is its own. Recorded per run: CPU
seconds of every stage (``Pipeline.stage_cpu_seconds``), the total, and the peak resident
memory; small inputs are digested several times and each stage's median kept (a 10 KB digest
is a fraction of a second: one run is timer noise).

Judged: the cost per KB *beyond a fixed cost per article*. Every article pays some work
whatever its length (the headline, language detection, the selector's set-up, the key
points' final choice); divided by 10 KB it looks like a high ms/KB that "falls" with size,
which says nothing about growth. So each process also digests a minimal article of the same
shape (about 1 KB, median of several runs), and a stage's per-KB cost at size n is
``(t(n) - t(minimal)) / (n - minimal)``. A stage fails when its per-KB cost rises more than
2× from one size to a larger one (``rise``: it grows faster than its input). ``ratio`` (the
largest per-KB cost over the smallest, whichever comes first) is printed beside it: a stage
whose per-KB cost *falls* more than 2× with size is bounded (the key points consider a capped
number of sentences), cheaper than linear, and is reported as such rather than failed.
Sizes where a stage spends under 50 ms beyond its fixed cost are not judged for that stage
(timer noise), but a stage that grows faster than the input passes 50 ms at the larger sizes
and is judged there.

Garbage collection: Python's collector runs when allocations pass its thresholds, whichever
stage happens to allocate then, and a full collection walks every object in the process (the
loaded models' included). Its time is measured apart (``gc.callbacks``) and taken out of the
stage it fell in; the collector's own per-KB cost is judged as a stage of its own (``gc``).
A digest holds full collections back to its end (essentiel/collection.py), where the one due,
if any, runs before the last stage's lap and is counted here.
As in the service's and batch's digest processes (forks of a template that froze the loaded
models out of the collector's reach, essentiel/worker.py), the child calls ``gc.freeze()``
after loading the models. ``--no-freeze`` measures a plain process instead.

Memory passes when every run stays under 1 GiB. A paragraph over the parser's limit of
1,000,000 characters is answered with the documented error (InputTooLarge, exit 3, HTTP 413):
such a run is listed as refused, with its time to refuse. ``raw`` in the report keeps the
plain ms/KB (fixed cost included) of every stage and run.
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
MINIMAL_CHARS = 1_000
MINIMAL_REPEATS = 15
# Digests per size: enough that a small input's stage times are not timer noise.
REPEAT_BUDGET_KB = 200

_CHILD = r"""
import gc, json, resource, statistics, sys, time
from collections import defaultdict
sys.path.insert(0, sys.argv[1])
from newslike import article
from essentiel import EssentielError, Pipeline
kb, shape, freeze = int(sys.argv[2]), sys.argv[3], sys.argv[4] == "freeze"
minimal_chars, minimal_repeats, repeat_budget = map(int, sys.argv[5:8])
single = shape == "single"
pipeline = Pipeline()
pipeline.warm_up(("fr",))
pipeline.digest(article(3_000, single_paragraph=False, seed=1), lang="fr")
if freeze:
    gc.collect()
    gc.freeze()

# Collector time, moved out of the stage it fell in.
pending, since = [0.0], [0.0]
def on_gc(phase, info):
    if phase == "start":
        since[0] = time.process_time()
    else:
        pending[0] += time.process_time() - since[0]
gc.callbacks.append(on_gc)
gc_in = defaultdict(float)
plain_lap = pipeline._lap
def lap(stage):
    plain_lap(stage)
    gc_in[stage] += pending[0]
    pending[0] = 0.0
pipeline._lap = lap

def timed(text):
    pipeline.stage_cpu_seconds.clear()
    gc_in.clear()
    pending[0] = 0.0
    start = time.process_time()
    error = None
    try:
        pipeline.digest(text, lang="fr", published="2025-06-01")
    except EssentielError as exc:
        error = f"{type(exc).__name__}: {exc}"
    cpu = time.process_time() - start
    stages = {s: v - gc_in[s] for s, v in pipeline.stage_cpu_seconds.items()}
    stages["gc"] = sum(gc_in.values())
    return cpu, stages, dict(pipeline.stage_cpu_seconds), error

def median_of(runs):
    names = {s for r in runs for s in r}
    return {s: statistics.median(r.get(s, 0.0) for r in runs) for s in names}

minimal = article(minimal_chars, single_paragraph=single, seed=7)
fixed = median_of([timed(minimal)[1] for _ in range(minimal_repeats)])
text = article(kb * 1000, single_paragraph=single, seed=kb)
repeats = max(1, repeat_budget // kb)
results = [timed(text) for _ in range(repeats)]
error = results[0][3]
print(json.dumps({
    "kb": len(text.encode("utf-8")) / 1000,
    "chars": len(text),
    "repeats": repeats,
    "cpu_seconds": statistics.median(r[0] for r in results),
    "stages": median_of([r[1] for r in results]),
    "raw_stages": median_of([r[2] for r in results]),
    "minimal_kb": len(minimal.encode("utf-8")) / 1000,
    "fixed": fixed,
    "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "error": error,
}))
"""


def run(kb: int, shape: str, freeze: bool) -> dict[str, Any]:
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            _CHILD,
            str(BENCH),
            str(kb),
            shape,
            "freeze" if freeze else "plain",
            str(MINIMAL_CHARS),
            str(MINIMAL_REPEATS),
            str(REPEAT_BUDGET_KB),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    result["shape"], result["size"] = shape, kb
    return result


def per_kb_beyond_fixed(run: dict[str, Any], stage: str) -> tuple[float, float]:
    """(seconds beyond the fixed cost, ms per KB beyond the minimal article)."""
    extra = run["stages"].get(stage, 0.0) - run["fixed"].get(stage, 0.0)
    return extra, 1000 * max(extra, 0.0) / (run["kb"] - run["minimal_kb"])


def verdict(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """Per stage: its fixed cost, its smallest and largest per-KB cost beyond it over the
    sizes where it is measurable, their ratio, judged."""
    done = [r for r in runs if r["error"] is None]
    stages = sorted({s for r in done for s in r["stages"]})
    found: dict[str, Any] = {}
    for stage in stages:
        measured = [per_kb_beyond_fixed(r, stage) for r in done]
        per_kb = [ms for extra, ms in measured if extra >= JUDGED_MIN_SECONDS]
        judged = len(per_kb) >= 2
        low, high = (min(per_kb), max(per_kb)) if per_kb else (0.0, 0.0)
        ratio = high / low if low > 0 else (1.0 if high == 0 else float("inf"))
        # rise: the most the per-KB cost grows from one size to a larger one (above 2: the
        # stage grows faster than its input, FAIL). A per-KB cost that falls with size
        # (a bounded stage, such as the key points' cap on candidates) is cheaper than
        # linear: reported as "falls", not failed.
        rise = max(
            (later / earlier for i, earlier in enumerate(per_kb) for later in per_kb[i + 1 :]),
            default=1.0,
        )
        found[stage] = {
            "fixed_ms": 1000 * (done[0]["fixed"].get(stage, 0.0) if done else 0.0),
            "per_kb_ms": [round(ms, 3) for _, ms in measured],
            "min_ms_per_kb": low,
            "max_ms_per_kb": high,
            "ratio": ratio,
            "rise": rise,
            "judged_sizes": len(per_kb),
            "judged": judged,
            "flat": (rise <= FLAT_RATIO) if judged else None,
            "falls": judged and rise <= FLAT_RATIO and ratio > FLAT_RATIO,
            "raw_ms_per_kb": [
                round(1000 * r["raw_stages"].get(stage, 0.0) / r["kb"], 3) for r in done
            ],
        }
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    # 990: the largest single paragraph under the parser's 1,000,000 characters.
    parser.add_argument("--sizes", default="10,20,50,100,200,500,990,2000")
    parser.add_argument("--shapes", default="single,many")
    parser.add_argument(
        "--no-freeze",
        dest="freeze",
        action="store_false",
        help="leave the loaded models in the garbage collector's reach (a plain process)",
    )
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    report: dict[str, Any] = {
        "memory_budget_mb": MEMORY_BUDGET_MB,
        "gc_freeze": args.freeze,
        "shapes": {},
    }
    ok = True
    for shape in args.shapes.split(","):
        runs = []
        for kb in sizes:
            r = run(kb, shape, args.freeze)
            runs.append(r)
            stages = " ".join(
                f"{k}={per_kb_beyond_fixed(r, k)[1]:.1f}"
                for k in sorted(r["stages"])
                if r["stages"][k] > 0
            )
            status = f"refused ({r['error']})" if r["error"] else stages
            print(
                f"{shape:6} {r['kb']:8.0f} KB ×{r['repeats']:<2} cpu {r['cpu_seconds']:7.1f} s  "
                f"total {1000 * r['cpu_seconds'] / r['kb']:5.1f} ms/KB  "
                f"peak {r['peak_mb']:6.0f} MB  {status}",
                flush=True,
            )
        stages = verdict(runs)
        memory_ok = all(r["peak_mb"] <= MEMORY_BUDGET_MB for r in runs)
        flat = all(v["flat"] is not False for v in stages.values())
        ok = ok and memory_ok and flat
        print("  stage                fixed    ms/KB beyond the fixed cost (min .. max)")
        for stage, v in stages.items():
            judged = "flat" if v["flat"] else "RISES: NOT FLAT"
            if v["falls"]:
                judged = "falls with size (sublinear)"
            if not v["judged"]:
                judged = "not judged"
            print(
                f"  {stage:20} {v['fixed_ms']:6.1f} ms  {v['min_ms_per_kb']:6.2f} .. "
                f"{v['max_ms_per_kb']:6.2f}  ratio {v['ratio']:5.2f}  rise {v['rise']:5.2f}"
                f"  ({v['judged_sizes']} sizes)  {judged}"
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
