"""What a batch writes: one row per input, as JSON Lines or Parquet.

A row is ``{"input": {key, source, …}, "status": "ok" | "error", "error": {reason, message} |
null, "digest": Digest | null}``. An unsupported language is an error row that still carries
the partial digest (clean text and blocks). The Parquet schema is derived from the Digest JSON
Schema, so its nested columns are the JSON contract's fields, with the same names and nesting.
"""

from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from essentiel.schema import digest_schema

FORMATS = {".jsonl": "jsonl", ".parquet": "parquet"}


def output_format(path: Path) -> str:
    for suffix, name in FORMATS.items():
        if path.name.lower().endswith(suffix):
            return name
    raise ValueError(f"--out must end with .jsonl or .parquet, not {path.name!r}")


def _arrow_type(node: dict[str, Any], defs: dict[str, Any]) -> pa.DataType:
    if "$ref" in node:
        return _arrow_type(defs[node["$ref"].rsplit("/", 1)[-1]], defs)
    if "anyOf" in node:
        options = [o for o in node["anyOf"] if o.get("type") != "null"]
        if all(o.get("type") == "string" for o in options):
            return pa.string()  # « date | date-time »: the JSON's ISO string
        return _arrow_type(options[0], defs)
    if "enum" in node or "const" in node:
        return pa.string()
    kind = node.get("type")
    if kind == "object":
        return pa.struct(
            [pa.field(name, _arrow_type(sub, defs)) for name, sub in node["properties"].items()]
        )
    if kind == "array":
        return pa.list_(_arrow_type(node["items"], defs))
    return {
        "string": pa.string(),
        "integer": pa.int64(),
        "number": pa.float64(),
        "boolean": pa.bool_(),
    }[str(kind)]


@cache
def arrow_schema() -> pa.Schema:
    """The row schema: input identity, status, error, and the Digest as a nested struct."""
    schema = digest_schema()
    digest = _arrow_type(schema, schema.get("$defs", {}))
    identity = pa.struct(
        [
            pa.field("key", pa.string()),
            pa.field("source", pa.string()),
            pa.field("line", pa.int64()),
            pa.field("row", pa.int64()),
            pa.field("offset", pa.int64()),
            pa.field("record_id", pa.string()),
            pa.field("url", pa.string()),
            pa.field("id", pa.string()),
            pa.field("date", pa.string()),
            pa.field("published", pa.string()),
            pa.field("lang", pa.string()),
        ]
    )
    error = pa.struct([pa.field("reason", pa.string()), pa.field("message", pa.string())])
    return pa.schema(
        [
            pa.field("input", identity),
            pa.field("status", pa.string()),
            pa.field("error", error),
            pa.field("digest", digest),
        ]
    )


def write_part(rows: list[dict[str, Any]], path: Path, fmt: str) -> None:
    """Write rows to ``path`` atomically: a temporary file, flushed to disk, then renamed."""
    tmp = path.with_name(path.name + ".tmp")
    try:
        if fmt == "jsonl":
            with tmp.open("w", encoding="utf-8") as handle:
                for row in rows:
                    handle.write(json.dumps(row, ensure_ascii=False) + "\n")
                handle.flush()
                os.fsync(handle.fileno())
        else:
            table = pa.Table.from_pylist([_for_arrow(r) for r in rows], schema=arrow_schema())
            pq.write_table(table, tmp)
            with tmp.open("rb") as handle:
                os.fsync(handle.fileno())
    except BaseException:
        tmp.unlink(missing_ok=True)  # a full disk keeps no half part taking its space
        raise
    tmp.replace(path)


def read_keys(path: Path, fmt: str) -> list[str]:
    if fmt == "jsonl":
        with path.open(encoding="utf-8") as handle:
            return [json.loads(line)["input"]["key"] for line in handle if line.strip()]
    column = pq.read_table(path, columns=["input"]).column("input").to_pylist()
    return [value["key"] for value in column]


def merge_parts(parts: list[Path], out: Path, fmt: str) -> None:
    """Concatenate part files, in order, into ``out`` (atomically, streaming part by part)."""
    tmp = out.with_name(out.name + ".tmp")
    try:
        if fmt == "jsonl":
            with tmp.open("wb") as target:
                for part in parts:
                    with part.open("rb") as source:
                        while chunk := source.read(1 << 20):
                            target.write(chunk)
        else:
            with pq.ParquetWriter(tmp, arrow_schema()) as writer:
                for part in parts:
                    writer.write_table(pq.read_table(part, schema=arrow_schema()))
    except BaseException:
        tmp.unlink(missing_ok=True)  # no partial output left beside the parts
        raise
    tmp.replace(out)


def _for_arrow(row: dict[str, Any]) -> dict[str, Any]:
    """JSON values as Arrow takes them: identity fields as strings where the schema says so."""
    identity = dict(row["input"])
    for name in ("id", "date", "published", "lang", "url", "record_id"):
        if identity.get(name) is not None:
            identity[name] = str(identity[name])
    return {**row, "input": identity}
