"""Batch: corpora in, one row per input out, on local worker processes or a Ray cluster.

``run_batch`` is what ``essentiel batch`` calls; ``docs/batch.md`` is the user's guide.
"""

from __future__ import annotations

import errno
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from essentiel.batch.inputs import Item, count, expand, items
from essentiel.batch.run import (
    DEFAULT_TIMEOUT,
    ROWS_PER_PART,
    BatchError,
    BatchReport,
    OutputWriteError,
    PartStore,
    run_local,
    run_ray,
)
from essentiel.pipeline import Settings
from essentiel.worker import Template

__all__ = ["BatchError", "BatchReport", "OutputWriteError", "run_batch"]


def run_batch(
    inputs: list[str],
    out: Path,
    *,
    workers: int | None = None,
    engine: str = "local",
    address: str | None = None,
    settings: Settings | None = None,
    on_start: Callable[[int | None, int], None] | None = None,
    on_row: Callable[[dict[str, Any]], None] | None = None,
    rows_per_part: int = ROWS_PER_PART,
    timeout: float | None = DEFAULT_TIMEOUT,
    template: Template | None = None,
) -> BatchReport:
    """Digest every input into ``out`` (.jsonl or .parquet), resuming an interrupted run.

    ``timeout``: seconds one input may take with the local engine (then an error row with
    reason ``timeout``; None for no limit). ``on_start(total, already_done)`` and
    ``on_row(row)`` feed a progress display. A Ctrl-C
    stops cleanly: the rows made so far are kept, and the same call resumes.

    ``template``: a started ``essentiel.worker.Template`` whose loaded models the local
    engine's digest processes are forked from (with these ``settings``); the caller closes it.
    By default the run starts its own (the tests share one among their runs, which would
    otherwise load the models once each).
    """
    settings = settings or Settings()
    workers = workers or os.cpu_count() or 1
    files = expand(inputs)
    report = BatchReport()
    store = PartStore(out, inputs, report, rows_per_part)
    total = count(files)
    if on_start:
        on_start(total, report.resumed)

    def todo() -> Iterator[Item]:
        for item in items(files, settings.max_bytes):
            if item.key not in store.done:
                yield item

    def keep(row: dict[str, Any]) -> None:
        store.add(row)
        if on_row:
            on_row(row)

    started = time.perf_counter()
    try:
        if engine == "ray":
            run_ray(todo(), workers, settings, keep, address)
        elif engine == "local":
            run_local(todo(), workers, settings, keep, report, timeout, template)
        else:
            raise BatchError(f"unknown engine {engine!r}: local or ray")
        if not report.interrupted:
            store.finish()
    except KeyboardInterrupt:
        report.interrupted = True
        _stop(store)
    except OSError as exc:
        store.close()
        if exc.errno not in _WRITE_ERRORS:
            raise
        where = exc.filename or out
        raise OutputWriteError(
            f"cannot write {where}: {exc.strerror or exc}; the rows made so far are kept, "
            "run the same command to resume once there is room"
        ) from exc
    finally:
        report.seconds = time.perf_counter() - started
    return report


# A disk that is full, over quota, read-only or failing: the output cannot be written.
_WRITE_ERRORS = {errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EIO, errno.EFBIG}


def _stop(store: PartStore) -> None:
    """After Ctrl-C: keep the rows made (one part), release the output."""
    try:
        store.flush()
    finally:
        store.close()
