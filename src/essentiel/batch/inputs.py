"""What a batch reads: directories of pages, JSONL, Parquet and WARC files, as one stream of items.

Every input yields items in a fixed order (files sorted by path, lines and records in file
order), each with a ``key`` that names it for good: ``path``, ``path#L12`` for a JSONL line,
``path#R3`` for a Parquet row, ``path@1234`` for the WARC record at that byte offset. The key is
what a resumed run skips on, and what an output row says it came from. A part of an input that
cannot be read (a corrupt WARC record, a line that is not JSON) is an item too, carrying its
error, so that it gets its row like any other.
"""

from __future__ import annotations

import gzip
import json
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PAGE_SUFFIXES = (".html", ".htm", ".txt")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")
WARC_SUFFIXES = (".warc", ".warc.gz")
PARQUET_SUFFIXES = (".parquet",)
# Fields of a JSONL or Parquet row that the pipeline takes, besides text / html.
PASSED_FIELDS = ("id", "url", "date", "published", "lang")


@dataclass
class Item:
    """One article to digest, or one input that could not be read (``error`` set)."""

    key: str
    source: str
    payload: str | bytes | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    error: tuple[str, str] | None = None  # (reason, message)

    def identity(self) -> dict[str, Any]:
        """What the output row says about where it came from."""
        return {"key": self.key, "source": self.source, **self.meta}


def _suffix(path: Path, suffixes: tuple[str, ...]) -> bool:
    name = path.name.lower()
    return any(name.endswith(s) for s in suffixes)


def expand(inputs: list[str]) -> list[Path]:
    """The files a list of input paths stands for: directories are walked (pages only, sorted);
    a missing path is an error for the whole run, said before anything starts. Every page name
    found is kept, a regular file or not: a dangling symlink, a symlink loop or a FIFO named
    ``.html`` gets its error row, not silence."""
    files: list[Path] = []
    for raw in inputs:
        path = Path(raw)
        if path.is_dir():
            files.extend(
                sorted(p for p in path.rglob("*") if _suffix(p, PAGE_SUFFIXES) and not _is_dir(p))
            )
        elif path.exists() or path.is_symlink():
            files.append(path)
        else:
            raise FileNotFoundError(f"no such file or directory: {raw}")
    return files


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:  # a symlink loop
        return False


def count(files: list[Path]) -> int | None:
    """How many items the files hold, when that is cheap to know (None with WARC inputs)."""
    total = 0
    for path in files:
        if _suffix(path, WARC_SUFFIXES):
            return None
        if _suffix(path, JSONL_SUFFIXES):
            with _open_text(path) as handle:
                total += sum(1 for line in handle if line.strip())
        elif _suffix(path, PARQUET_SUFFIXES):
            import pyarrow.parquet as pq

            total += pq.ParquetFile(path).metadata.num_rows
        else:
            total += 1
    return total


def items(files: list[Path], max_bytes: int) -> Iterator[Item]:
    for path in files:
        if _suffix(path, JSONL_SUFFIXES):
            yield from _jsonl(path)
        elif _suffix(path, WARC_SUFFIXES):
            yield from _warc(path, max_bytes)
        elif _suffix(path, PARQUET_SUFFIXES):
            yield from _parquet(path)
        else:
            yield _page(path, max_bytes)


def _open_text(path: Path) -> Any:
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8", errors="replace")
    return path.open(encoding="utf-8", errors="replace")


def _page(path: Path, max_bytes: int) -> Item:
    item = Item(key=str(path), source=str(path))
    try:
        info = path.stat()
        size = info.st_size
        if not stat.S_ISREG(info.st_mode):
            # Reading a FIFO would wait for a writer forever, and a device has no end.
            item.error = ("unreadable", "not a regular file (a FIFO, socket or device)")
        elif size > max_bytes:
            # Not read at all: a 50 MB page must not cost 50 MB per worker to refuse.
            item.error = (
                "input_too_large",
                f"{size:,} bytes is over the limit of {max_bytes:,} (--max-bytes)",
            )
        else:
            item.payload = path.read_bytes()
    except OSError as exc:
        item.error = ("unreadable", f"cannot read the file: {exc.strerror or exc}")
    return item


def _from_row(item: Item, row: dict[str, Any]) -> Item:
    content = row.get("html") or row.get("text")
    if not isinstance(content, str):
        item.error = ("missing_field", "the row has no `text` or `html` string")
        return item
    item.payload = content
    item.meta.update({k: row[k] for k in PASSED_FIELDS if row.get(k) is not None})
    return item


def _jsonl(path: Path) -> Iterator[Item]:
    with _open_text(path) as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            item = Item(key=f"{path}#L{number}", source=str(path), meta={"line": number})
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                item.error = ("invalid_json", f"line {number} is not JSON: {exc.msg}")
                yield item
                continue
            if not isinstance(row, dict):
                item.error = ("invalid_json", f"line {number} is not a JSON object")
                yield item
                continue
            yield _from_row(item, row)


def _parquet(path: Path) -> Iterator[Item]:
    import pyarrow.parquet as pq

    number = 0
    for batch in pq.ParquetFile(path).iter_batches(batch_size=256):
        for row in batch.to_pylist():
            number += 1
            item = Item(key=f"{path}#R{number}", source=str(path), meta={"row": number})
            yield _from_row(item, row)


def _warc(path: Path, max_bytes: int) -> Iterator[Item]:
    """HTTP response records (CC-NEWS style). Other record types (request, metadata, warcinfo)
    are not articles and are not items."""
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    with path.open("rb") as stream:
        try:
            records = ArchiveIterator(stream, record_types=WarcRecordType.response, parse_http=True)
            for record in records:
                yield _warc_item(path, record, max_bytes)
        except Exception as exc:  # the reader itself gave up: the rest is unreadable
            yield Item(
                key=f"{path}@end",
                source=str(path),
                error=("corrupt_record", f"the WARC file cannot be read past here: {exc}"),
            )


def _warc_item(path: Path, record: Any, max_bytes: int) -> Item:
    uri = record.headers.get("WARC-Target-URI")
    item = Item(
        key=f"{path}@{record.stream_pos}",
        source=str(path),
        meta={"offset": record.stream_pos, "record_id": record.record_id, "url": uri},
    )
    if record.http_headers is None:
        item.error = ("corrupt_record", "the response record has no HTTP headers")
        return item
    content_type = (record.http_content_type or "").lower()
    if content_type and "html" not in content_type and not content_type.startswith("text/"):
        item.error = ("not_html", f"the payload is {content_type}, not an HTML page")
        return item
    if record.content_length > max_bytes:
        item.error = (
            "input_too_large",
            f"{record.content_length:,} bytes is over the limit of {max_bytes:,} (--max-bytes)",
        )
        return item
    payload = record.reader.read()
    if not payload:
        item.error = ("empty_input", "the HTTP response has no body")
        return item
    item.payload = payload
    return item
