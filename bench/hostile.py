"""Hostile inputs: each digested in a fresh process, timed and measured against a budget.

    .venv/bin/python bench/hostile.py [--cases long_paragraph,many_names,...]
                                      [--json bench/out/hostile.json]

The cases of the reliability probe (issue 29): one very long paragraph, one over the parser's
limit, thousands of people, a page of 50,000 links, thousands of quotes, HTML nested 100,000
deep, a service body of JSON nested 100,000 deep and one with a 5,000-digit integer,
publication dates at the calendar's edges with relative dates in the text, a lone surrogate,
NUL bytes under a declared charset, and names hiding bidi and zero-width characters.

Each case says what a correct answer is: a digest, or one of the documented errors (the
``EssentielError`` subclasses; for the JSON bodies, the service's 400 ``bad_json``). It
passes when that answer comes, with no other exception, within its CPU-seconds budget and
under its peak-memory budget (ru_maxrss of the process, spaCy's models included: about
500 MB). CPU time, not wall time: on a shared machine the wall clock measures the
neighbours. Budgets are written below, per case.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Case:
    name: str
    what: str
    expect: str  # "digest", an EssentielError subclass's name, or "bad_json"
    cpu_seconds: float
    peak_mb: float


GIB = 1024
CASES = (
    Case("long_paragraph", "one paragraph of 900,000 characters", "digest", 150, GIB),
    Case("over_limit", "one paragraph of 1,100,000 characters", "InputTooLarge", 30, GIB),
    Case("many_names", "5,000 sentences naming 15,000 people", "digest", 120, GIB),
    Case("many_links", "an HTML page of 50,000 links and a short article", "digest", 120, GIB),
    Case("many_quotes", "5,000 quotes with their speakers", "digest", 120, GIB),
    # The HTML parser (libxml2) keeps 256 levels: an article below them is not read, and the
    # page is answered as one with no article (exit 3, HTTP 422), promptly.
    Case("deep_html", "an article inside 100,000 nested <div>", "NoArticle", 60, GIB),
    Case("deep_json", "a service body nested 100,000 deep", "bad_json", 10, GIB),
    Case("huge_integer", "a service body with a 5,000-digit integer", "bad_json", 10, GIB),
    Case("date_min", "published 0001-01-01, relative dates in the text", "digest", 30, GIB),
    Case("date_max", "published 9999-12-31, relative dates in the text", "digest", 30, GIB),
    Case("surrogate", "a lone surrogate in the text", "digest", 30, GIB),
    Case(
        "nul_bytes", "NUL bytes in an HTML page that declares its charset", "BinaryInput", 30, GIB
    ),
    Case("bidi_names", "names with bidi and zero-width characters", "digest", 30, GIB),
)

_CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, sys.argv[1])
import hostile_inputs
from essentiel import EssentielError, Pipeline
name = sys.argv[2]
pipeline = Pipeline()
pipeline.warm_up(("fr",))
pipeline.digest(hostile_inputs.warm_up(), lang="fr")
build = getattr(hostile_inputs, name)
start = time.process_time()
outcome, detail = "digest", ""
try:
    answer = build(pipeline)
    if isinstance(answer, str):
        outcome, detail = answer, ""
    else:
        detail = f"{len(answer.sentences)} sentences, {len(answer.entities)} entities, "
        detail += f"{len(answer.quotes)} quotes"
except EssentielError as exc:
    outcome, detail = type(exc).__name__, str(exc)[:160]
except Exception as exc:
    outcome, detail = "crash", f"{type(exc).__name__}: {str(exc)[:160]}"
print(json.dumps({
    "outcome": outcome,
    "detail": detail,
    "cpu_seconds": time.process_time() - start,
    "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
}))
"""


def run(case: Case) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, str(BENCH), case.name],
        capture_output=True,
        text=True,
    )
    lines = out.stdout.strip().splitlines()
    if out.returncode != 0 or not lines:
        result: dict[str, Any] = {
            "outcome": "crash",
            "detail": (out.stderr.strip().splitlines() or ["no output"])[-1][:200],
            "cpu_seconds": float("nan"),
            "peak_mb": float("nan"),
        }
    else:
        result = json.loads(lines[-1])
    result["case"] = case.name
    result["expect"] = case.expect
    result["cpu_budget"] = case.cpu_seconds
    result["memory_budget_mb"] = case.peak_mb
    result["pass"] = (
        result["outcome"] == case.expect
        and result["cpu_seconds"] <= case.cpu_seconds
        and result["peak_mb"] <= case.peak_mb
    )
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", default=",".join(c.name for c in CASES))
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    wanted = args.cases.split(",")
    results = []
    for case in CASES:
        if case.name not in wanted:
            continue
        r = run(case)
        results.append(r)
        print(
            f"{'pass' if r['pass'] else 'FAIL'}  {case.name:15} {r['outcome']:14} "
            f"(expect {case.expect})  cpu {r['cpu_seconds']:7.1f} / {case.cpu_seconds:5.0f} s  "
            f"peak {r['peak_mb']:6.0f} / {case.peak_mb:5.0f} MB  {r['detail']}",
            flush=True,
        )
    passed = sum(r["pass"] for r in results)
    print(f"{passed}/{len(results)} cases within budget")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2), "utf-8")
    sys.exit(0 if passed == len(results) else 1)


if __name__ == "__main__":
    main()
