"""How many threads the native libraries (BLAS, OpenMP) of an essentiel process may use.

Why one by default: numpy's BLAS (OpenBLAS, MKL) and OpenMP start one thread per core in
every process, and the digest's matrix products are small (the sentence encoder embeds a
dozen sentences per page). On a machine whose cores are busy (a server, CI, batch or service
workers side by side) those threads wait for each other: measured on the 2-core machine, the
key-point stage cost ~410 ms CPU per page with the default pool and ~36 ms with one thread
(issue 31), and ``essentiel serve --workers 2`` did 4.8 digests/s against 11.6 (docs/
benchmarks.md). Parallelism belongs to the processes (``--workers``), not inside a digest.

The limit is set with ``threadpoolctl`` on the libraries already loaded, so it holds even
when numpy was imported before (environment variables such as OPENBLAS_NUM_THREADS only count
if set before numpy loads). ``Pipeline()`` applies it, and so do the loaders of the models
that bring native libraries of their own (the selector's LightGBM, the sentence encoder).

Who wants more threads (one digest at a time on an idle many-core machine) sets
``Settings(blas_threads=N)``, the environment variable ``ESSENTIEL_BLAS_THREADS=N`` or the
CLI's ``essentiel --blas-threads N ...``; 0 leaves the libraries' own default (one thread per
core) in a process where no limit was set before.
"""

from __future__ import annotations

import os

BLAS_THREADS_ENV = "ESSENTIEL_BLAS_THREADS"

# The limit last applied in this process (None: none yet): models loaded later get it too.
_applied: int | None = None


def default_blas_threads() -> int:
    """``ESSENTIEL_BLAS_THREADS`` when set, else 1."""
    value = os.environ.get(BLAS_THREADS_ENV, "").strip()
    if not value:
        return 1
    try:
        threads = int(value)
    except ValueError:
        raise ValueError(f"{BLAS_THREADS_ENV}={value!r}: expected a whole number") from None
    if threads < 0:
        raise ValueError(f"{BLAS_THREADS_ENV}={value!r}: expected 0 or more")
    return threads


def limit_blas_threads(threads: int | None = None) -> None:
    """Hold every BLAS and OpenMP library loaded in this process to ``threads`` threads
    (None: the limit already chosen in this process, else ``default_blas_threads()``;
    0: leave them as they are). Libraries loaded afterwards need another call."""
    global _applied
    if threads is None:
        threads = _applied if _applied is not None else default_blas_threads()
    _applied = threads
    if threads == 0:
        return
    from threadpoolctl import threadpool_limits

    # Not used as a context manager: the limit stays for the life of the process.
    threadpool_limits(limits=threads)
