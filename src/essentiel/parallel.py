"""Settings for running several essentiel processes side by side (batch workers, service
workers, training feature extraction).

Why: numpy's BLAS (OpenBLAS, MKL) and OpenMP start one thread per core in every process. With
N worker processes on N cores that is N x N threads fighting for the cores; measured on the
2-core machine, ``essentiel serve --workers 2`` did 4.8 digests/s that way and 11.6 with one
BLAS thread per worker (``docs/benchmarks.md``). The variables must be set before a worker
imports numpy, so callers set them in the parent just before starting the workers, which
inherit the environment. A value the user already set is kept.
"""

from __future__ import annotations

import os

BLAS_THREAD_VARIABLES = (
    "OMP_NUM_THREADS",
    "OPENBLAS_NUM_THREADS",
    "MKL_NUM_THREADS",
    "VECLIB_MAXIMUM_THREADS",
    "NUMEXPR_NUM_THREADS",
)


def one_blas_thread_per_worker() -> None:
    """Make worker processes started from now on use one BLAS/OpenMP thread each."""
    for variable in BLAS_THREAD_VARIABLES:
        os.environ.setdefault(variable, "1")
