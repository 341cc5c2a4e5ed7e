"""Running a batch: part files that make it resumable, and the local and Ray engines.

Rows are produced in input order by either engine and go to a ``PartStore``: every few hundred
rows (or every 30 seconds) they are written as a part file next to the output
(``OUT.parts/part-000001.jsonl``), atomically (temporary file, fsync, rename). A run killed at
any moment (Ctrl-C, ``kill -9``, a lost machine) leaves only whole part files; the same command
reads the keys they hold, skips those inputs, and goes on. When every input has its row, the
parts are concatenated in order into the output, so a resumed run writes exactly what an
uninterrupted one would.
"""

from __future__ import annotations

import fcntl
import io
import json
import os
import pickle
import queue
import shutil
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from essentiel.batch.inputs import Item
from essentiel.batch.outputs import merge_parts, output_format, write_part
from essentiel.batch.parquet_append import (
    MAGIC,
    footer_bytes,
    footer_of,
    joined_metadata,
    shifted_footer,
)
from essentiel.batch.rows import digest_row, error_row
from essentiel.errors import WorkTimeout
from essentiel.pipeline import Pipeline, Settings
from essentiel.worker import Template, Worker, WorkerDied, warm_up

ROWS_PER_PART = 200
SECONDS_PER_PART = 30.0
# Seconds one input may take (an article digests in about a second).
DEFAULT_TIMEOUT = 60.0


class BatchError(Exception):
    """The run cannot start (a different run's parts are in the way, the output exists)."""


class OutputWriteError(Exception):
    """The output cannot be written (full disk, quota, read-only folder). The whole part
    files written so far are kept: the same command resumes once the cause is fixed."""


@dataclass
class BatchReport:
    total: int = 0  # rows in the output
    resumed: int = 0  # rows already done by an earlier, interrupted run
    by_status: Counter[str] = field(default_factory=Counter)
    errors: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    processed: int = 0  # rows made by this run
    worker_peak_mib: list[float] = field(default_factory=list)
    interrupted: bool = False

    def count(self, row: dict[str, Any]) -> None:
        self.total += 1
        self.by_status[row["status"]] += 1
        if row["error"]:
            self.errors[row["error"]["reason"]] += 1


class PartStore:
    """Rows of an output in progress, kept as atomic part files in ``OUT.parts/``."""

    def __init__(
        self, out: Path, inputs: list[str], report: BatchReport, rows_per_part: int = ROWS_PER_PART
    ) -> None:
        self.out = out
        self.rows_per_part = rows_per_part
        self.fmt = output_format(out)
        self.dir = out.with_name(out.name + ".parts")
        self.report = report
        self.buffer: list[dict[str, Any]] = []
        self.flushed_at = time.monotonic()
        manifest = {"inputs": [str(Path(i).resolve()) for i in inputs], "format": self.fmt}
        manifest_path = self.dir / "manifest.json"
        if self.dir.exists():
            found = json.loads(manifest_path.read_text()) if manifest_path.exists() else None
            if found != manifest:
                raise BatchError(
                    f"{self.dir} holds the parts of a run with other inputs; finish that run "
                    "with its own command, or remove the folder"
                )
        else:
            if out.exists():
                raise BatchError(f"{out} exists; remove it or choose another --out")
            self.dir.mkdir(parents=True)
            manifest_path.write_text(json.dumps(manifest, indent=1))
        # One run at a time per output: a second one would race on the part files.
        self._lock = (self.dir / "lock").open("w")
        try:
            fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self._lock.close()
            raise BatchError(f"another run is writing {out} right now") from None
        for stale in self.dir.glob("*.tmp"):
            stale.unlink()  # a part being written when the run was killed
        self.done: set[str] = set()
        # Parts are merged by appending each to OUT.parts/merged.<fmt> and removing it, so the
        # merge never needs the parts' size twice; merged.json says how far it got. A Parquet
        # part's pages are copied as they are and its footer, its offsets shifted to where the
        # pages now sit, is kept beside (footer-NNNNNN.bin) until the last part is in
        # (batch/parquet_append.py).
        self.merged = self.dir / f"merged.{self.fmt}"
        self.merge_state = self.dir / "merged.json"
        self.merged_upto = 0
        if self.merge_state.exists():
            state = json.loads(self.merge_state.read_text())
            self.merged_upto = int(state["parts"])
            with self.merged.open("r+b") as handle:
                handle.truncate(int(state["bytes"]))  # an append the state does not cover
        for footer in self.dir.glob("footer-*.bin"):
            if _part_index(footer) > self.merged_upto:
                footer.unlink()  # its part's append was not recorded: it is done again
        if self.merged_upto:
            for row in _read_rows(self.merged, self.fmt, self._footers()):
                self.done.add(row["input"]["key"])
                report.count(row)
        self.parts = []
        for part in sorted(self.dir.glob(f"part-*.{self.fmt}")):
            if _part_index(part) <= self.merged_upto:
                part.unlink()  # appended, but removed only now (killed in between)
            else:
                self.parts.append(part)
        self.next_index = max([self.merged_upto, *map(_part_index, self.parts)]) + 1
        for part in self.parts:
            for row in _read_rows(part, self.fmt):
                self.done.add(row["input"]["key"])
                report.count(row)
        report.resumed = len(self.done)

    def add(self, row: dict[str, Any]) -> None:
        self.buffer.append(row)
        self.report.count(row)
        self.report.processed += 1
        stale = time.monotonic() - self.flushed_at > SECONDS_PER_PART
        if len(self.buffer) >= self.rows_per_part or stale:
            self.flush()

    def flush(self) -> None:
        if self.buffer:
            part = self.dir / f"part-{self.next_index:06d}.{self.fmt}"
            write_part(self.buffer, part, self.fmt)
            self.parts.append(part)
            self.next_index += 1
            self.buffer = []
        self.flushed_at = time.monotonic()

    def finish(self) -> None:
        """Merge the parts into the output, which appears whole (a rename) or not at all."""
        self.flush()
        self._append_parts()
        if self.fmt == "parquet":
            if not self.merged_upto:  # no row at all: an empty file with the schema
                merge_parts([], self.merged, self.fmt)
            else:
                with self.merged.open("ab") as target:
                    target.write(footer_bytes(joined_metadata(self._footers())))
                    target.flush()
                    os.fsync(target.fileno())
        self.merged.replace(self.out)
        self.close()
        shutil.rmtree(self.dir)

    def _footers(self) -> list[Path]:
        return sorted(self.dir.glob("footer-*.bin"), key=_part_index)

    def _append_parts(self) -> None:
        """Move the parts, in order, to the end of ``merged``: one part's size of free space
        is all it needs (each part is removed once its append is recorded)."""
        with self.merged.open("ab") as target:
            for part in self.parts:
                if self.fmt == "parquet":
                    if target.tell() == 0:
                        target.write(MAGIC)
                    start, footer = footer_of(part)
                    shifted = shifted_footer(footer, target.tell() - len(MAGIC))
                    saved = self.dir / f"footer-{_part_index(part):06d}.bin"
                    _write_synced(saved, shifted)
                    with part.open("rb") as source:
                        source.seek(len(MAGIC))
                        _copy(source, target, start - len(MAGIC))
                else:
                    with part.open("rb") as source:
                        shutil.copyfileobj(source, target, 1 << 20)
                target.flush()
                os.fsync(target.fileno())
                state = {"parts": _part_index(part), "bytes": target.tell()}
                _write_synced(self.merge_state, json.dumps(state).encode())
                part.unlink()
                self.merged_upto = state["parts"]
        self.parts = []

    def close(self) -> None:
        self._lock.close()  # releases the lock


def _part_index(part: Path) -> int:
    return int(part.name.split(".")[0].split("-")[1])


def _write_synced(path: Path, data: bytes) -> None:
    """``data`` in ``path``, whole or not at all (a temporary file, fsync, rename)."""
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    tmp.replace(path)


def _copy(source: BinaryIO, target: BinaryIO, size: int) -> None:
    while size > 0:
        chunk = source.read(min(size, 1 << 20))
        if not chunk:
            raise OSError(f"{source.name} ended early")
        target.write(chunk)
        size -= len(chunk)


def _read_rows(part: Path, fmt: str, footers: list[Path] | None = None) -> Iterator[dict[str, Any]]:
    """The rows of a part, or of the merged file (whose Parquet footer is ``footers``)."""
    if fmt == "jsonl":
        with part.open(encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    yield json.loads(line)
    else:
        import pyarrow.parquet as pq

        columns = ["input", "status", "error"]
        if footers is None:
            yield from pq.read_table(part, columns=columns).to_pylist()
            return
        with part.open("rb") as data:
            joined = pq.ParquetFile(_WithFooter(data, footer_bytes(joined_metadata(footers))))
            yield from joined.read(columns=columns).to_pylist()


class _WithFooter(io.RawIOBase):
    """A file's bytes followed by ``tail``, read as one file (the merged Parquet pages and
    the footer they will get): nothing written, no space needed."""

    def __init__(self, data: io.BufferedReader, tail: bytes) -> None:
        self.data, self.tail = data, tail
        self.size = data.seek(0, io.SEEK_END)
        self.pos = 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self.pos, io.SEEK_END: self.size + len(self.tail)}
        self.pos = base[whence] + offset
        return self.pos

    def tell(self) -> int:
        return self.pos

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer).cast("B")
        filled = 0
        while filled < len(view):  # across the boundary: pyarrow takes a short read as the end
            if self.pos < self.size:
                self.data.seek(self.pos)
                n = self.data.readinto(view[filled : filled + self.size - self.pos]) or 0
            else:
                start = self.pos - self.size
                chunk = self.tail[start : start + len(view) - filled]
                n = len(chunk)
                view[filled : filled + n] = chunk
            if not n:
                break
            self.pos += n
            filled += n
        return filled


# ---- local engine ---------------------------------------------------------------------------


def run_local(
    todo: Iterable[Item],
    workers: int,
    settings: Settings,
    on_row: Callable[[dict[str, Any]], None],
    report: BatchReport,
    timeout: float | None = DEFAULT_TIMEOUT,
    template: Template | None = None,
) -> None:
    """N worker processes, each loading the models once. A window of a few items per worker
    is in flight; rows come back in input order, and memory does not grow with the corpus.

    An item whose digest takes over ``timeout`` seconds gets an error row with reason
    ``timeout``: its process is killed and replaced by a fork of the loaded template (a
    thread cannot stop spaCy's C code), and the run goes on."""
    window: deque[Future[dict[str, Any]]] = deque()
    items = iter(todo)
    # Each worker's Pipeline holds its BLAS/OpenMP libraries to settings.blas_threads (one).
    # One process loads the models; each worker's digest process is a fork of it, so the
    # copy-on-write pages of the models are shared and a timeout costs no reload.
    own_template = template is None
    if template is None:
        template = Template(settings, warm_up=warm_up)
    pool = [Worker(settings, template=template) for _ in range(workers)]
    idle: queue.SimpleQueue[Worker] = queue.SimpleQueue()
    for worker in pool:
        idle.put(worker)

    def work(item: Item) -> dict[str, Any]:
        worker = idle.get()
        try:
            row: dict[str, Any] = worker.call(digest_row, item, timeout=timeout)
            return row
        except WorkTimeout as exc:
            return error_row(item, exc.code, str(exc))
        except WorkerDied as exc:
            return error_row(item, "worker_died", str(exc))
        finally:
            idle.put(worker)

    threads = ThreadPoolExecutor(workers, thread_name_prefix="essentiel-batch")
    try:
        for item in _take(items, workers * 4):
            window.append(threads.submit(work, item))
        while window:
            on_row(window.popleft().result())
            for item in _take(items, 1):
                window.append(threads.submit(work, item))
        report.worker_peak_mib = [_peak_mib(w.pid) for w in pool]
    finally:
        for worker in pool:  # on Ctrl-C too: the children are killed, the waits end
            worker.close()
        if own_template:
            template.close()
        threads.shutdown(wait=True, cancel_futures=True)


def _take(items: Iterator[Item], n: int) -> list[Item]:
    taken = []
    for item in items:
        taken.append(item)
        if len(taken) >= n:
            break
    return taken


def _peak_mib(pid: int | None) -> float:
    """Peak resident memory of a process (VmHWM), in MiB; 0 where /proc is not there."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return 0.0


# ---- Ray engine -----------------------------------------------------------------------------


class _RayDigester:
    """A Ray Data actor: loads the pipeline once, digests batches of pickled items."""

    def __init__(self, settings: bytes) -> None:
        self.pipeline = Pipeline(pickle.loads(settings))

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        import numpy as np

        rows = [
            json.dumps(digest_row(self.pipeline, pickle.loads(blob)), ensure_ascii=False)
            for blob in batch["item"]
        ]
        return {"row": np.array(rows, dtype=object)}


def run_ray(
    todo: Iterable[Item],
    workers: int,
    settings: Settings,
    on_row: Callable[[dict[str, Any]], None],
    address: str | None,
) -> None:
    """The same rows through Ray Data: actors that hold the loaded pipeline, ``map_batches``,
    results streamed back in input order to the same part files."""
    import ray

    os.environ.setdefault("RAY_DEDUP_LOGS", "0")
    if not ray.is_initialized():
        ray.init(
            address=address,
            num_cpus=None if address else workers,
            include_dashboard=False,
            log_to_driver=False,
            configure_logging=False,
        )
    context = ray.data.DataContext.get_current()
    context.execution_options.preserve_order = True
    context.enable_progress_bars = False
    records = [{"item": pickle.dumps(item)} for item in todo]
    if not records:
        return
    dataset = ray.data.from_items(records).map_batches(
        _RayDigester,
        fn_constructor_kwargs={"settings": pickle.dumps(settings)},
        batch_size=8,
        concurrency=workers,
    )
    for record in dataset.iter_rows():
        on_row(json.loads(record["row"]))
