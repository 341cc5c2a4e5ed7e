"""Throughput of the full digest against its floor and against the tools a user would pick.

    .venv/bin/python bench/throughput.py [--limit N] [--busy [N]] [--no-peers]
                                         [--compare FIELD:VALUE] [--json bench/out/throughput.json]

Reads the HTML pages of ../shared/eval-data/orangesum/orangesum_abstract_valid.jsonl.gz.
For each page, in turn: the floor (trafilatura.extract + the same spaCy pipeline on its text),
the full digest (essentiel.Pipeline.digest on the raw HTML), then the peers on the same page
(trafilatura alone, sumy's LexRank on trafilatura's text, newspaper4k's parse + nlp; see
bench/throughput_peers.py), in a separate environment this script creates from PyPI on its
first run (``--peers-venv``, default bench/out/peers-venv). Interleaving page by page puts
the machine's noise on every side.

Both CPU time (of the process that did the work, all its threads) and wall time are
recorded. On a machine whose cores are shared, wall time measures the neighbours as much as
the code: CPU time is the figure to compare, and the ratio digest/floor in CPU time is the
one that matters. The machine's load (load average before and after, the share of all cores
busy during the run) is reported beside. ``--busy N`` runs N processes spinning on the CPU
beside the benchmark (default: one per core), as on a server, in CI or beside other workers:
that is where a BLAS thread pool per process costs most.

Also reported, from the same run: CPU and wall time per stage of the digest, how often the
page's chapô (the journalist's abstract, which the pages carry) is labelled
publisher_summary, and the key points' counts, lengths and verification results.

``--compare selector_model:lexical`` (a ``KeyPointSettings`` field, repeatable) also digests
each page with a second pipeline of those settings, in the same loop (which of the two goes
first alternates page by page), and reports its CPU per page, per stage and its ratio to the
same floor: a change's cost measured beside the default on a shared machine.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import os
import statistics
import subprocess
import sys
import time
import venv
from collections import defaultdict
from dataclasses import replace
from importlib import metadata
from pathlib import Path
from typing import Any

import psutil
import trafilatura
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

from essentiel import EssentielError, Pipeline
from essentiel.analyze import pipeline as spacy_pipeline
from essentiel.keypoints import KeyPointSettings
from essentiel.keypoints.compress import count_words
from essentiel.model import BlockKind
from essentiel.pipeline import Settings

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "eval-data" / "orangesum" / "orangesum_abstract_valid.jsonl.gz"
PEERS_SCRIPT = Path(__file__).with_name("throughput_peers.py")
# What the peers' environment gets from PyPI; trafilatura at the version essentiel runs.
PEER_PACKAGES = (
    f"trafilatura=={metadata.version('trafilatura')}",
    "sumy==0.13.0",
    "numpy",  # sumy's LexRank needs it and does not require it
    "newspaper4k==0.9.6",
)
WARM_UP = 5


def load(limit: int | None) -> list[dict[str, str]]:
    rows = []
    with gzip.open(DATA, "rt", encoding="utf-8") as handle:
        for line in handle:
            rows.append(json.loads(line))
            if limit and len(rows) >= limit:
                break
    return rows


def peers_python(folder: Path) -> tuple[Path | None, list[str]]:
    """The peers' interpreter, creating their environment first if needed; and what could not
    be installed (newspaper4k is tried alone, so that the others still run without it)."""
    python = folder / "bin" / "python"
    missing: list[str] = []
    if not python.exists():
        print(f"creating the peers' environment in {folder} (from PyPI) ...", file=sys.stderr)
        venv.create(folder, with_pip=True)
        pip = [str(python), "-m", "pip", "install", "--quiet"]
        # An older pip's resolver fails on newspaper4k's lxml extras.
        subprocess.run([*pip, "--upgrade", "pip"], check=False)
        if subprocess.run([*pip, *PEER_PACKAGES[:3]], check=False).returncode != 0:
            return None, list(PEER_PACKAGES)
        if subprocess.run([*pip, PEER_PACKAGES[3]], check=False).returncode != 0:
            missing.append(PEER_PACKAGES[3])
    return python, missing


class Peers:
    """The peers' process: one page in, each tool's (CPU, wall) seconds out."""

    def __init__(self, python: Path) -> None:
        # One BLAS thread there too (sumy's LexRank runs on numpy), as in essentiel.
        env = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}
        self.process = subprocess.Popen(
            [str(python), str(PEERS_SCRIPT)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        self.tools: list[str] = self._read()["tools"]

    def _read(self) -> dict[str, Any]:
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError("the peers' process ended")
        answer: dict[str, Any] = json.loads(line)
        return answer

    def time(self, html: str) -> dict[str, list[float] | None]:
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps({"html": html}) + "\n")
        self.process.stdin.flush()
        return self._read()

    def close(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        self.process.wait(timeout=60)


def start_busy(n: int) -> list[subprocess.Popen[bytes]]:
    """``n`` processes spinning on the CPU (the competing load of ``--busy``)."""
    return [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(n)]


def compared_settings(fields: list[str]) -> Settings:
    """The settings of ``--compare FIELD:VALUE ...``: key-point fields, typed as the defaults."""
    base = KeyPointSettings()
    values: dict[str, Any] = {}
    for spec in fields:
        name, _, raw = spec.partition(":")
        if not hasattr(base, name):
            raise SystemExit(f"--compare {spec}: no key-point setting {name!r}")
        default = getattr(base, name)
        kind = type(default) if default is not None else str
        values[name] = bool(int(raw)) if kind is bool else kind(raw)
    return Settings(keypoints=replace(base, **values))


def ms(seconds: float, n: int) -> float:
    return round(1000 * seconds / n, 1)


def time_compared(
    pipeline: Pipeline, html: str, cpu: dict[str, float], wall: dict[str, float]
) -> None:
    """Digest ``html`` with the compared settings, adding its times under "compared"."""
    start, start_cpu = time.perf_counter(), time.process_time()
    with contextlib.suppress(EssentielError):  # counted once, by the default pipeline
        pipeline.digest(html)
    wall["compared"] += time.perf_counter() - start
    cpu["compared"] += time.process_time() - start_cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="first N pages (default: all)")
    parser.add_argument(
        "--busy",
        type=int,
        nargs="?",
        const=os.cpu_count() or 1,
        default=0,
        help="run N processes spinning on the CPU beside it (default N: one per core)",
    )
    parser.add_argument("--no-peers", action="store_true", help="time essentiel and its floor")
    parser.add_argument("--peers-venv", type=Path, default=ROOT / "bench" / "out" / "peers-venv")
    parser.add_argument(
        "--compare",
        action="append",
        metavar="FIELD:VALUE",
        help="also time a pipeline with this key-point setting, interleaved (repeatable)",
    )
    parser.add_argument("--json", type=Path, default=None, help="also write the results here")
    args = parser.parse_args()
    other = Pipeline(compared_settings(args.compare)) if args.compare else None
    if not DATA.is_file():
        print(f"missing {DATA}: put ../shared beside the checkout", file=sys.stderr)
        return 2
    pages = load(args.limit)

    peers: Peers | None = None
    peers_missing: list[str] = []
    if not args.no_peers:
        python, peers_missing = peers_python(args.peers_venv)
        if python is not None:
            peers = Peers(python)

    nlp = spacy_pipeline("fr")
    digester = Pipeline()
    for page in pages[:WARM_UP]:  # load models and fill caches outside the timed loop
        nlp(trafilatura.extract(page["html"]) or "")
        digester.digest(page["html"])
        if other is not None:
            other.digest(page["html"])
        if peers is not None:
            peers.time(page["html"])
    for pipeline in (digester, other):
        if pipeline is not None:
            pipeline.stage_seconds.clear()
            pipeline.stage_cpu_seconds.clear()

    busy = start_busy(args.busy)
    load_before = os.getloadavg()
    psutil.cpu_percent(interval=None)  # starts the machine-wide measure
    cpu = {"floor": 0.0, "digest": 0.0, "compared": 0.0}
    wall = {"floor": 0.0, "digest": 0.0, "compared": 0.0}
    peer_cpu: defaultdict[str, float] = defaultdict(float)
    peer_wall: defaultdict[str, float] = defaultdict(float)
    peer_pages: defaultdict[str, int] = defaultdict(int)
    errors: dict[str, int] = {}
    chapo_by_rule: dict[str, int] = {}
    chapo_in_body = 0
    bullets: list[int] = []
    words: list[int] = []
    checks = passed = fallbacks = 0
    try:
        with Progress(
            "[progress.description]{task.description}",
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
        ) as progress:
            task = progress.add_task("pages", total=len(pages))
            for number, page in enumerate(pages):
                html = page["html"]
                start, start_cpu = time.perf_counter(), time.process_time()
                text = trafilatura.extract(html) or ""
                nlp(text)
                wall["floor"] += time.perf_counter() - start
                cpu["floor"] += time.process_time() - start_cpu

                if other is not None and number % 2:
                    time_compared(other, html, cpu, wall)
                start, start_cpu = time.perf_counter(), time.process_time()
                try:
                    digest = digester.digest(html)
                except EssentielError as exc:
                    digest = None
                    errors[exc.code] = errors.get(exc.code, 0) + 1
                wall["digest"] += time.perf_counter() - start
                cpu["digest"] += time.process_time() - start_cpu
                if other is not None and not number % 2:
                    time_compared(other, html, cpu, wall)

                if peers is not None:
                    for name, spent in peers.time(html).items():
                        if spent is not None:
                            peer_cpu[name] += spent[0]
                            peer_wall[name] += spent[1]
                            peer_pages[name] += 1
                progress.advance(task)
                if digest is None:
                    continue

                head = " ".join(page["reference_summary"].split()[:8])
                blocks = digest.article.blocks
                summary = [b for b in blocks if b.kind is BlockKind.PUBLISHER_SUMMARY]
                holder = next((b for b in summary if head in b.span.text), None)
                if holder is not None:
                    chapo_by_rule[holder.reason] = chapo_by_rule.get(holder.reason, 0) + 1
                elif any(head in b.span.text for b in blocks if b.kind is BlockKind.BODY):
                    chapo_in_body += 1
                bullets.append(len(digest.keypoints))
                for point in digest.keypoints:
                    words.append(count_words(point.text))
                    passed += point.verdict.passed
                    fallbacks += point.fallback
                    checks += len(point.verdict.checks)
    finally:
        machine_busy = psutil.cpu_percent(interval=None)
        load_after = os.getloadavg()
        for process in busy:
            process.kill()
            process.wait()
        if peers is not None:
            peers.close()

    n = len(pages)
    result: dict[str, Any] = {
        "pages": n,
        "machine": {
            "cores": os.cpu_count(),
            "busy_processes_started": args.busy,
            "load_average_1min_before": round(load_before[0], 2),
            "load_average_1min_after": round(load_after[0], 2),
            "cores_busy_during_run_percent": machine_busy,
        },
        "cpu_ms_per_page": {"floor": ms(cpu["floor"], n), "digest": ms(cpu["digest"], n)},
        "wall_ms_per_page": {"floor": ms(wall["floor"], n), "digest": ms(wall["digest"], n)},
        "ratio_digest_over_floor_cpu": round(cpu["digest"] / cpu["floor"], 3),
        "ratio_digest_over_floor_wall": round(wall["digest"] / wall["floor"], 3),
        "digest_docs_per_s_cpu": round(n / cpu["digest"], 2),
        "digest_docs_per_s_wall": round(n / wall["digest"], 2),
        "cpu_ms_per_stage": {k: ms(v, n) for k, v in digester.stage_cpu_seconds.items()},
        "wall_ms_per_stage": {k: ms(v, n) for k, v in digester.stage_seconds.items()},
    }
    if other is not None:
        result["compared"] = {
            "settings": args.compare,
            "cpu_ms_per_page": ms(cpu["compared"], n),
            "wall_ms_per_page": ms(wall["compared"], n),
            "ratio_over_floor_cpu": round(cpu["compared"] / cpu["floor"], 3),
            "ratio_over_default_cpu": round(cpu["compared"] / cpu["digest"], 3),
            "cpu_ms_per_stage": {k: ms(v, n) for k, v in other.stage_cpu_seconds.items()},
        }
    if peers is not None or peers_missing:
        result["peers"] = {
            name: {
                "pages": peer_pages[name],
                "cpu_ms_per_page": ms(peer_cpu[name], peer_pages[name]),
                "wall_ms_per_page": ms(peer_wall[name], peer_pages[name]),
                "docs_per_s_cpu": round(peer_pages[name] / peer_cpu[name], 2),
                "docs_per_s_wall": round(peer_pages[name] / peer_wall[name], 2),
            }
            for name in sorted(peer_cpu)
            if peer_pages[name] and peer_cpu[name] > 0
        }
        result["peers_not_installed"] = peers_missing
        result["peers_notes"] = (
            "sumy: trafilatura's text then LexRank; newspaper4k: parse + nlp with an untrained "
            "Punkt sentence splitter (NLTK's data is downloaded at run time); see "
            "bench/throughput_peers.py"
        )
    result.update(
        {
            "errors": errors,
            "chapo_labelled_publisher_summary": sum(chapo_by_rule.values()),
            "chapo_labelled_by_rule": chapo_by_rule,
            "chapo_left_in_body": chapo_in_body,
            "mean_keypoints": round(statistics.mean(bullets), 2) if bullets else 0,
            "mean_words_per_keypoint": round(statistics.mean(words), 1) if words else 0,
            "max_words_per_keypoint": max(words, default=0),
            "keypoints_passing_verification": f"{passed}/{len(words)}",
            "keypoints_fallback_to_source_sentence": fallbacks,
            "checks_per_keypoint": round(checks / len(words), 1) if words else 0,
        }
    )
    print(json.dumps(result, indent=2, ensure_ascii=False))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
