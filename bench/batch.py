"""Batch throughput with 1 and 2 local workers, and the peak memory of each worker.

    .venv/bin/python bench/batch.py [--workers 1 2] [--json bench/out/batch.json]

Input: the 1,500 HTML pages of ../shared/eval-data/orangesum/orangesum_abstract_valid.jsonl.gz
(`essentiel batch` takes the `html` field of each line). Each run writes a fresh JSONL output
in a temporary folder; the time includes starting the workers and loading their models, as a
user's run does. Scaling = docs/s with N workers / docs/s with 1.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import tempfile
from itertools import islice
from pathlib import Path

from essentiel.batch import run_batch

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "eval-data" / "orangesum" / "orangesum_abstract_valid.jsonl.gz"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--limit", type=int, help="only the first N pages (a quick look)")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    if not args.data.exists():
        print(f"no data at {args.data}", file=sys.stderr)
        return 2
    runs = []
    for workers in args.workers:
        with tempfile.TemporaryDirectory() as folder:
            data = args.data
            if args.limit:
                data = Path(folder) / "sample.jsonl"
                with gzip.open(args.data, "rt", encoding="utf-8") as source:
                    data.write_text("".join(islice(source, args.limit)), encoding="utf-8")
            out = Path(folder) / "out.jsonl"
            report = run_batch([str(data)], out, workers=workers)
            size = out.stat().st_size
        rate = report.processed / report.seconds
        runs.append(
            {
                "workers": workers,
                "rows": report.total,
                "ok": report.by_status["ok"],
                "errors": dict(report.errors),
                "seconds": round(report.seconds, 1),
                "docs_per_s": round(rate, 2),
                "peak_mib_per_worker": report.worker_peak_mib,
                "output_mib": round(size / 2**20, 1),
            }
        )
        print(json.dumps(runs[-1]))
    base = runs[0]["docs_per_s"]
    for run in runs:
        run["scaling"] = round(run["docs_per_s"] / base, 2)
    print(f"{'workers':>7} {'docs/s':>8} {'scaling':>8} {'peak MiB/worker':>16}")
    for run in runs:
        peak = max(run["peak_mib_per_worker"] or [0.0])
        print(f"{run['workers']:>7} {run['docs_per_s']:>8} {run['scaling']:>8} {peak:>16}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(runs, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
