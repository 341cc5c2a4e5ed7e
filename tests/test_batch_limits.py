"""Batch under hostile conditions: an input that takes too long gets a `timeout` row and the
run goes on; a full disk stops the run with one clean error, no partial output, and the
same command finishes once there is room without needing the parts' size twice."""

from __future__ import annotations

import errno
import hashlib
import io
import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

import essentiel.batch
from essentiel.batch import run, run_batch
from essentiel.batch.inputs import Item
from essentiel.batch.rows import digest_row
from essentiel.batch.run import BatchReport, PartStore
from essentiel.cli import main
from essentiel.pipeline import Pipeline
from essentiel.worker import Template
from tests.conftest import BREST_ARTICLE as ARTICLE


def sleepy_row(pipeline: Pipeline, item: Item) -> dict[str, Any]:
    """digest_row, except that an input saying SLEEP hangs like a stage stuck in C code."""
    if isinstance(item.payload, bytes) and b"SLEEP" in item.payload:
        time.sleep(600)
    return digest_row(pipeline, item)


def test_an_input_over_the_time_budget_is_a_timeout_row_and_the_run_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, warm_template: Template
) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (pages / "b.txt").write_text(ARTICLE + "\n\nSLEEP", encoding="utf-8")
    (pages / "c.txt").write_text(ARTICLE.replace("Brest", "Lorient"), encoding="utf-8")
    # The job travels to the worker process by reference: the worker imports this module.
    monkeypatch.setattr(run, "digest_row", sleepy_row)
    out = tmp_path / "out.jsonl"
    started = time.monotonic()
    # Forked from the session's template (conftest), which loaded the models once.
    report = run_batch([str(pages)], out, workers=1, timeout=3.0, template=warm_template)
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["input"]["key"].rsplit("/", 1)[-1] for r in rows] == ["a.txt", "b.txt", "c.txt"]
    assert [r["status"] for r in rows] == ["ok", "error", "ok"]
    assert rows[1]["error"]["reason"] == "timeout"
    assert "3 s" in rows[1]["error"]["message"]
    assert report.errors["timeout"] == 1
    # Stopped, not waited for: far under the 600 s the stuck stage would take.
    assert time.monotonic() - started < 240


# ---- a small fake filesystem ------------------------------------------------------------------


class FakeDisk:
    """A disk of ``capacity`` bytes under ``root``: a write that would make the files under
    it larger than that raises ENOSPC, as a full filesystem does."""

    def __init__(self, root: Path, capacity: int) -> None:
        self.root, self.capacity = root, capacity

    def used(self) -> int:
        return sum(p.stat().st_size for p in self.root.rglob("*") if p.is_file())

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        disk = self
        real_open = Path.open

        class Limited(io.BufferedWriter):
            pass

        def limited_open(path: Path, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
            handle = real_open(path, mode, *args, **kwargs)
            if not any(c in mode for c in "wa+") or disk.root not in path.resolve().parents:
                return handle
            real_write = handle.write

            def write(data: Any) -> int:
                handle.flush()
                size = len(data.encode() if isinstance(data, str) else data)
                if disk.used() + size > disk.capacity:
                    raise OSError(errno.ENOSPC, "No space left on device", str(path))
                written: int = real_write(data)
                handle.flush()
                return written

            handle.write = write  # type: ignore[method-assign]
            return handle

        monkeypatch.setattr(Path, "open", limited_open)
        monkeypatch.setattr(Path, "write_text", _write_text_via_open)
        real_writer = pq.ParquetWriter

        def limited_writer(where: Any, schema: Any, **options: Any) -> Any:
            """pyarrow writes a path with its own I/O: through the limited open instead."""
            if not isinstance(where, (str, Path)):
                return real_writer(where, schema, **options)
            handle = Path(where).open("wb")  # noqa: SIM115 (closed with the writer)
            writer = real_writer(handle, schema, **options)
            close = writer.close

            def close_both() -> None:
                close()
                handle.close()

            writer.close = close_both  # type: ignore[method-assign]
            return writer

        monkeypatch.setattr(pq, "ParquetWriter", limited_writer)


def _write_text_via_open(path: Path, data: str, *args: Any, **kwargs: Any) -> int:
    with path.open("w", encoding="utf-8") as handle:
        written: int = handle.write(data)
    return written


def _rows(n: int) -> list[dict[str, Any]]:
    # Hashes: text that Parquet's compression cannot shrink, so that a part's size is mostly
    # its rows, as with real digests (a Parquet part's footer is some 20 KB).
    return [
        {
            "input": {
                "key": f"k{i:04d}",
                "source": "".join(
                    hashlib.sha256(f"{i}-{j}".encode()).hexdigest() for j in range(200)
                ),
            },
            "status": "ok",
            "error": None,
            "digest": None,
        }
        for i in range(n)
    ]


def _output(out: Path) -> list[tuple[str, str, str]]:
    """(key, source, status) of every row of a JSONL or Parquet output, in order."""
    if out.suffix == ".jsonl":
        rows = [json.loads(line) for line in out.read_text().splitlines()]
    else:
        rows = pq.read_table(out).to_pylist()
    return [(r["input"]["key"], r["input"]["source"], r["status"]) for r in rows]


def _expected(rows: list[dict[str, Any]]) -> list[tuple[str, str, str]]:
    return [(r["input"]["key"], r["input"]["source"], r["status"]) for r in rows]


def _stored(tmp_path: Path, rows: list[dict[str, Any]], fmt: str) -> tuple[Path, int]:
    """Parts for ``rows`` written in an unlimited disk, and their total size."""
    out = tmp_path / "disk" / f"out.{fmt}"
    out.parent.mkdir()
    store = PartStore(out, ["corpus"], BatchReport(), rows_per_part=10)
    for row in rows:
        store.add(row)
    store.flush()
    store.close()
    return out, sum(p.stat().st_size for p in store.parts)


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_the_merge_needs_no_second_copy_of_the_parts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    rows = _rows(60)
    out, parts_size = _stored(tmp_path, rows, fmt)
    used = FakeDisk(out.parent, 0).used()  # the parts and the run's small files
    disk = FakeDisk(out.parent, used + parts_size // 5)  # room for about one part more
    assert disk.capacity < used + parts_size  # copying the parts whole would not fit
    disk.install(monkeypatch)
    store = PartStore(out, ["corpus"], BatchReport(), rows_per_part=10)
    store.finish()
    assert _output(out) == _expected(rows)
    assert not out.with_name(f"out.{fmt}.parts").exists()


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_a_full_disk_during_the_merge_leaves_no_output_and_the_rerun_finishes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    rows = _rows(60)
    out, parts_size = _stored(tmp_path, rows, fmt)
    base = FakeDisk(out.parent, 0).used()
    with monkeypatch.context() as patch:
        # No room for even one part more: the first append fails.
        FakeDisk(out.parent, base + 500).install(patch)
        store = PartStore(out, ["corpus"], BatchReport(), rows_per_part=10)
        with pytest.raises(OSError) as failed:
            store.finish()
        store.close()
        assert failed.value.errno == errno.ENOSPC
    assert not out.exists()
    # Room for one part beyond the parts: the rerun appends part by part.
    with monkeypatch.context() as patch:
        FakeDisk(out.parent, base + parts_size // 5).install(patch)
        report = BatchReport()
        store = PartStore(out, ["corpus"], report, rows_per_part=10)
        assert report.resumed == 60
        store.finish()
    assert _output(out) == _expected(rows)


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_a_merge_killed_half_way_resumes_with_each_row_once(tmp_path: Path, fmt: str) -> None:
    rows = _rows(60)
    out, _ = _stored(tmp_path, rows, fmt)
    store = PartStore(out, ["corpus"], BatchReport(), rows_per_part=10)
    real_unlink = Path.unlink
    calls = {"n": 0}

    def dies_on_third(path: Path, missing_ok: bool = False) -> None:
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt  # killed between an append and the part's removal
        real_unlink(path, missing_ok=missing_ok)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Path, "unlink", dies_on_third)
        with pytest.raises(KeyboardInterrupt):
            store.finish()
    store.close()
    assert not out.exists()
    report = BatchReport()
    again = PartStore(out, ["corpus"], report, rows_per_part=10)
    assert report.resumed == 60
    again.finish()
    assert _output(out) == _expected(rows)


def test_a_parquet_merge_killed_mid_append_keeps_every_row(tmp_path: Path) -> None:
    """Killed while a part's pages were being copied (the state not yet updated): the rerun
    cuts the merged file back to the last recorded append and copies that part again."""
    rows = _rows(60)
    out, _ = _stored(tmp_path, rows, "parquet")
    store = PartStore(out, ["corpus"], BatchReport(), rows_per_part=10)
    real_copy = run._copy
    calls = {"n": 0}

    def dies_in_fourth(source: Any, target: Any, size: int) -> None:
        calls["n"] += 1
        if calls["n"] == 4:
            target.write(source.read(size // 2))
            target.flush()
            raise KeyboardInterrupt
        real_copy(source, target, size)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(run, "_copy", dies_in_fourth)
        with pytest.raises(KeyboardInterrupt):
            store.finish()
    store.close()
    report = BatchReport()
    again = PartStore(out, ["corpus"], report, rows_per_part=10)
    assert report.resumed == 60
    again.finish()
    assert _output(out) == _expected(rows)
    assert pq.ParquetFile(out).metadata.num_row_groups == 6


def test_the_cli_says_a_full_disk_in_one_line_with_exit_5(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "a.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out.jsonl"

    def full(self: PartStore) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(self.dir / "part-000001"))

    monkeypatch.setattr(PartStore, "flush", full)
    monkeypatch.setattr(essentiel.batch, "run_local", lambda *args, **kwargs: None)
    with pytest.raises(SystemExit) as exited:
        main(["batch", str(pages), "--out", str(out), "--no-progress"])
    assert exited.value.code == 5
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and err.startswith("error: cannot write")
    assert "No space left on device" in err and "resume" in err
    assert not out.exists()


@pytest.fixture(autouse=True)
def _no_leftover(tmp_path: Path) -> Iterator[None]:
    yield
    assert not list(tmp_path.rglob("*.tmp")), "a temporary file was left behind"
