"""Load test of ``essentiel serve`` on loopback: N concurrent clients for a fixed time.

Starts the server as a user would (``python -m essentiel serve``, a fresh store), waits until
it is ready, then runs ``--clients`` threads for ``--seconds``: each posts real news pages
(OrangeSum validation HTML, or the bundled examples when ../shared is absent) to
``POST /v1/digest`` and, one request in five, searches the store (``GET /v1/articles?q=``,
``GET /v1/entities``). A warm-up of the same load comes first (``--warmup``, two
minutes, not measured): a worker's memory grows while its bounded caches (name folding,
dateparser) fill and its allocator settles, over its first few hundred articles; a 3-minute
run after a 1-minute warm-up, in docs/benchmarks.md, shows that growth slowing down. Reports
every status seen, throughput and latency percentiles per endpoint, and the server's memory
(all its processes) sampled every second of the measured run: first, last, peak, and the
slope over its second half.

Baseline in the same run: the same pages digested in this process, one at a time, before the
server starts (one core's rate with no HTTP, JSON or store; after its own one-minute warm-up),
so the service's rate is a ratio.

    .venv/bin/python bench/load.py                       # 20 clients, 30 s, 2 workers
    .venv/bin/python bench/load.py --json bench/out/load.json

Hostile mode (``--hostile K``): after the measured run of normal clients, a second run of the
same length adds K hostile clients, which post the reliability probe's articles (thousands of
names, thousands of quotes, a 1 MB paragraph, 40,000 links) and costly searches (eight
two-letter prefixes). The report gives the normal requests' latency in both runs: with the
server's time budget (``--timeout``, passed to ``essentiel serve``) their p95 should grow by
less than that budget.

    .venv/bin/python bench/load.py --workers 1 --clients 4 --hostile 2 --timeout 20
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx2
import psutil

ROOT = Path(__file__).resolve().parents[1]
ORANGESUM = ROOT.parent / "shared" / "eval-data" / "orangesum" / "orangesum_abstract_valid.jsonl.gz"
EXAMPLES = ROOT / "src" / "essentiel" / "examples"
# The status recorded for a normal request the client gave up on (``--client-timeout``).
CLIENT_TIMEOUT = 0
SEARCH_WORDS = ["gouvernement", "président", "France", "police", "élection", "euros", "Paris"]


def load_articles(limit: int) -> list[tuple[str, bytes]]:
    """(content type, body) pairs: real HTML pages when ../shared is there."""
    if ORANGESUM.is_file():
        found = []
        with gzip.open(ORANGESUM, "rt", encoding="utf-8") as handle:
            for line in handle:
                row = json.loads(line)
                if row.get("html"):
                    found.append(("text/html", row["html"].encode("utf-8")))
                if len(found) >= limit:
                    break
        return found
    return [("text/plain", p.read_bytes()) for p in sorted(EXAMPLES.glob("*.txt"))]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def server_rss(process: psutil.Process) -> int:
    """Memory of the server and all its processes, in bytes: the proportional set size (each
    shared page divided among the processes that map it), where the system gives it. The
    digest processes are forks of a template that holds the models: a sum of resident sizes
    would count those shared pages once per process."""
    total = 0
    for p in [process, *process.children(recursive=True)]:
        with contextlib.suppress(psutil.NoSuchProcess, psutil.AccessDenied):
            try:
                total += p.memory_full_info().pss
            except AttributeError:  # no PSS here (not Linux)
                total += p.memory_info().rss
    return total


def hostile_requests() -> list[tuple[str, str, bytes | str]]:
    """(kind, content type or "search", body or query): the probe's hostile cases, written
    here (no real article is copied)."""
    names = " ".join(
        f"Jean Dupont{i} a rencontré Marie Martin{i} et Paul Bernard{i} à Rennes."
        for i in range(5000)
    )
    quotes = " ".join(
        f"« Nous tiendrons la promesse numéro {i} », a déclaré Claire Moreau{i}."
        for i in range(5000)
    )
    paragraph = " ".join(
        f"Le conseil a voté la mesure {i} après un long débat." for i in range(20000)
    )
    links = "".join(f"<a href='/article/{i}'>Lien {i}</a> " for i in range(40000))
    page = f"<html><body><article><p>{links}</p></article></body></html>"
    return [
        ("names", "text/plain", names.encode()),
        ("quotes", "text/plain", quotes.encode()),
        ("paragraph", "text/plain", paragraph.encode()),
        ("links", "text/html", page.encode()),
        ("search", "search", "ma* pa* de* le* re* co* pr* in*"),
    ]


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def in_process_rate(articles: list[tuple[str, bytes]], warmup: float, seconds: float) -> float:
    """Digests per second of one Pipeline in this process, on the same pages, after a warm-up
    on other pages (the first hundred articles of a process are slower: caches fill)."""
    from essentiel import Pipeline

    pipeline = Pipeline()
    pipeline.warm_up()
    done, t0 = 0, time.perf_counter()
    while time.perf_counter() - t0 < warmup:
        pipeline.digest(articles[-1 - done % len(articles)][1])
        done += 1
    done, t0 = 0, time.perf_counter()
    while time.perf_counter() - t0 < seconds:
        pipeline.digest(articles[done % len(articles)][1])
        done += 1
    return done / (time.perf_counter() - t0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--workers", type=int, default=2, help="uvicorn worker processes")
    parser.add_argument("--articles", type=int, default=1500, help="distinct pages to post")
    parser.add_argument("--warmup", type=float, default=120.0, help="seconds of unmeasured load")
    parser.add_argument(
        "--baseline", type=float, default=30.0, help="seconds of in-process digests, measured"
    )
    parser.add_argument(
        "--baseline-warmup", type=float, default=60.0, help="seconds of in-process warm-up"
    )
    parser.add_argument("--json", type=Path, help="write the full report here")
    parser.add_argument(
        "--hostile", type=int, default=0, help="hostile clients in a second measured run"
    )
    parser.add_argument("--timeout", type=float, help="the server's --timeout (seconds)")
    parser.add_argument("--spare", action="store_true", help="the server's --spare")
    parser.add_argument(
        "--client-timeout",
        type=float,
        default=300.0,
        help="seconds a normal client waits for an answer (then the request counts as a "
        "client timeout, with that time)",
    )
    args = parser.parse_args()

    articles = load_articles(args.articles)
    baseline = (
        in_process_rate(articles, args.baseline_warmup, args.baseline)
        if args.baseline > 0
        else float("nan")
    )
    print(f"in-process baseline: {baseline:.2f} digests/s (one process, no HTTP)", file=sys.stderr)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    workdir = Path(tempfile.mkdtemp(prefix="essentiel-load-"))
    env = {k: v for k, v in os.environ.items() if k != "ESSENTIEL_API_KEY"}
    started = time.monotonic()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "essentiel",
            "serve",
            "--port",
            str(port),
            "--db",
            str(workdir / "store.db"),
            "--workers",
            str(args.workers),
            "--log-level",
            "warning",
            *(["--timeout", str(args.timeout)] if args.timeout else []),
            *(["--spare"] if args.spare else []),
        ],
        env=env,
    )
    proc = psutil.Process(server.pid)
    try:
        while True:
            try:
                if httpx2.get(base + "/healthz", timeout=1).json()["status"] == "ok":
                    break
            except httpx2.HTTPError:
                pass
            if server.poll() is not None:
                raise SystemExit("the server exited during start-up")
            time.sleep(0.3)
        # Every worker answers /healthz only once its models are in; give the others time.
        time.sleep(3 if args.workers > 1 else 0)
        startup = time.monotonic() - started
        print(
            f"server ready in {startup:.1f} s ({args.workers} workers, "
            f"{len(articles)} distinct articles)",
            file=sys.stderr,
        )

        memory: list[tuple[float, int]] = []

        def client(index: int, stop: float, sink: list[tuple[str, int, float]]) -> None:
            rng = random.Random(index)
            with httpx2.Client(base_url=base, timeout=args.client_timeout) as http:
                n = 0
                while time.monotonic() < stop:
                    n += 1
                    t0 = time.perf_counter()
                    endpoint = "digest" if n % 5 else "entities" if n % 10 == 0 else "search"
                    try:
                        if endpoint == "entities":
                            r = http.get("/v1/entities", params={"limit": 20})
                        elif endpoint == "search":
                            r = http.get("/v1/articles", params={"q": rng.choice(SEARCH_WORDS)})
                        else:
                            media, body = articles[rng.randrange(len(articles))]
                            r = http.post(
                                "/v1/digest", content=body, headers={"content-type": media}
                            )
                        status = r.status_code
                    except httpx2.TimeoutException:
                        # Kept, not lost with the thread: its time (the client's timeout)
                        # is a lower bound of that request's latency.
                        status = CLIENT_TIMEOUT
                    sink.append((endpoint, status, time.perf_counter() - t0))

        hostile = hostile_requests()

        def hostile_client(index: int, stop: float, sink: list[tuple[str, int, float]]) -> None:
            with httpx2.Client(base_url=base, timeout=600) as http:
                n = index
                while time.monotonic() < stop:
                    kind, media, body = hostile[n % len(hostile)]
                    n += 1
                    t0 = time.perf_counter()
                    if media == "search":
                        r = http.get("/v1/articles", params={"q": body})
                    else:
                        # The language given: a detector may call such text no language at
                        # all (422 at once), which would not test the time budget.
                        r = http.post(
                            "/v1/digest",
                            content=body,
                            params={"lang": "fr"},
                            headers={"content-type": media},
                        )
                    sink.append((f"hostile-{kind}", r.status_code, time.perf_counter() - t0))

        def run(
            seconds: float, sink: list[tuple[str, int, float]], seed: int, hostile_clients: int = 0
        ) -> float:
            stop = time.monotonic() + seconds
            threads = [
                threading.Thread(target=client, args=(seed + i, stop, sink))
                for i in range(args.clients)
            ] + [
                threading.Thread(target=hostile_client, args=(i, stop, sink))
                for i in range(hostile_clients)
            ]
            t0 = time.monotonic()
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            return time.monotonic() - t0

        def sample(until: threading.Event) -> None:
            t0 = time.monotonic()
            while not until.is_set():
                memory.append((time.monotonic() - t0, server_rss(proc)))
                until.wait(1.0)

        warmup: list[tuple[str, int, float]] = []
        if args.warmup > 0:
            run(args.warmup, warmup, 1000)
        warm_rss = server_rss(proc)
        print(
            f"warm-up: {len(warmup)} requests, server at {warm_rss / 2**20:.0f} MiB",
            file=sys.stderr,
        )
        results: list[tuple[str, int, float]] = []
        done = threading.Event()
        sampler = threading.Thread(target=sample, args=(done,))
        sampler.start()
        wall = run(args.seconds, results, 0)
        done.set()
        sampler.join()
        mixed: list[tuple[str, int, float]] = []
        mixed_wall = run(args.seconds, mixed, 500, args.hostile) if args.hostile else 0.0
        store_articles = httpx2.get(base + "/healthz").json()["articles"]
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()

    statuses: dict[str, int] = {}
    for _, status, _ in results:
        statuses[str(status)] = statuses.get(str(status), 0) + 1

    def failed(status: int) -> bool:
        return status >= 400 or status == CLIENT_TIMEOUT

    errors = sum(1 for _, status, _ in results if failed(status))
    errors += sum(1 for _, status, _ in warmup if failed(status))
    errors += sum(1 for e, status, _ in mixed if failed(status) and not e.startswith("hostile"))
    per_endpoint = {}
    for name in ("digest", "search", "entities"):
        times = [t for e, s, t in results if e == name and not failed(s)]
        per_endpoint[name] = {
            "requests": sum(1 for e, _, _ in results if e == name),
            "per_second": round(len(times) / wall, 2),
            "p50_ms": round(percentile(times, 50) * 1000, 1),
            "p95_ms": round(percentile(times, 95) * 1000, 1),
            "max_ms": round(max(times, default=float("nan")) * 1000, 1),
        }
    mib = [m / 2**20 for _, m in memory]
    half = len(memory) // 2
    tail = memory[half:]
    slope = 0.0
    if len(tail) >= 3:
        xs = [t for t, _ in tail]
        ys = [m / 2**20 for _, m in tail]
        slope = statistics.linear_regression(xs, ys).slope
    report = {
        "clients": args.clients,
        "seconds": round(wall, 1),
        "workers": args.workers,
        "cpus": os.cpu_count(),
        "articles_source": "orangesum valid html" if ORANGESUM.is_file() else "bundled examples",
        "startup_seconds": round(startup, 1),
        "baseline_in_process_digests_per_second": round(baseline, 2),
        "warmup": {
            "seconds": args.warmup,
            "requests": len(warmup),
            "errors": sum(1 for _, s, _ in warmup if s >= 400),
        },
        "requests": len(results),
        "errors": errors,
        "statuses": statuses,
        "requests_per_second": round(len(results) / wall, 2),
        "endpoints": per_endpoint,
        "stored_articles": store_articles,
        "memory_mib": {
            "first": round(mib[0], 1) if mib else None,
            "last": round(mib[-1], 1) if mib else None,
            "peak": round(max(mib), 1) if mib else None,
            "second_half_slope_mib_per_min": round(slope * 60, 2),
            "samples": [round(m, 1) for m in mib],
        },
    }
    report["digest_rate_vs_baseline"] = round(per_endpoint["digest"]["per_second"] / baseline, 2)
    if args.hostile:
        report["hostile"] = hostile_report(results, mixed, mixed_wall, args)
    print(json.dumps({k: v for k, v in report.items() if k != "memory_mib"}, indent=2))
    memory_summary = {k: v for k, v in report["memory_mib"].items() if k != "samples"}  # type: ignore[union-attr]
    print("memory (MiB):", json.dumps(memory_summary))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=2) + "\n")
    if errors:
        raise SystemExit(f"{errors} requests failed")


def hostile_report(
    alone: list[tuple[str, int, float]],
    mixed: list[tuple[str, int, float]],
    wall: float,
    args: argparse.Namespace,
) -> dict[str, object]:
    """Normal digests' latency without and with the hostile clients, and what the hostile
    requests got (their statuses and times)."""

    def normal(rows: list[tuple[str, int, float]]) -> dict[str, float]:
        # Requests the client gave up on count with their time: a lower bound.
        times = [t for e, s, t in rows if e == "digest" and (s < 400 or s == CLIENT_TIMEOUT)]
        return {
            "requests": len(times),
            "client_timeouts": sum(1 for e, s, _ in rows if e == "digest" and s == CLIENT_TIMEOUT),
            "p50_ms": round(percentile(times, 50) * 1000, 1),
            "p95_ms": round(percentile(times, 95) * 1000, 1),
            "max_ms": round(max(times, default=float("nan")) * 1000, 1),
        }

    kinds: dict[str, dict[str, object]] = {}
    for endpoint, status, seconds in mixed:
        if endpoint.startswith("hostile-"):
            entry = kinds.setdefault(endpoint[8:], {"statuses": {}, "max_s": 0.0})
            statuses: dict[str, int] = entry["statuses"]  # type: ignore[assignment]
            statuses[str(status)] = statuses.get(str(status), 0) + 1
            entry["max_s"] = round(max(float(entry["max_s"]), seconds), 1)  # type: ignore[arg-type]
    before, after = normal(alone), normal(mixed)
    budget = args.timeout or 60.0
    return {
        "hostile_clients": args.hostile,
        "spare": args.spare,
        "seconds": round(wall, 1),
        "budget_s": budget,
        "normal_digest_alone": before,
        "normal_digest_with_hostile": after,
        "p95_growth_ms": round(after["p95_ms"] - before["p95_ms"], 1),
        "p95_growth_within_budget": after["p95_ms"] - before["p95_ms"] <= budget * 1000,
        "hostile": kinds,
    }


if __name__ == "__main__":
    main()
