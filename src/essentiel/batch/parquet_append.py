"""Parquet files joined end to end without a second copy: what lets batch's final merge
delete each part as soon as it is in the output, so that it needs the output's size in free
space once, not twice.

Why by hand: a Parquet file is its row groups' pages followed by a footer (Thrift compact
encoding) that gives every column chunk's position in the file. pyarrow cannot append to a
file, and a writer always counts positions from its own start. So a part's pages are copied
as they are (bytes, no decoding), and its footer's positions are shifted by where those
pages now sit; the shifted row groups are joined under one footer at the end (pyarrow's
``FileMetaData.append_row_groups``). The fields moved are those the format defines as file
offsets: ``RowGroup.file_offset``, ``ColumnChunk.file_offset``, ``offset_index_offset``,
``column_index_offset``, and ``ColumnMetaData``'s ``data_page_offset``,
``index_page_offset``, ``dictionary_page_offset``, ``bloom_filter_offset``
(parquet-format's parquet.thrift).
"""

from __future__ import annotations

import io
import struct
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

MAGIC = b"PAR1"

# Thrift compact types.
_STOP, _TRUE, _FALSE, _BYTE, _I16, _I32, _I64, _DOUBLE, _BINARY = range(9)
_LIST, _SET, _MAP, _STRUCT = 9, 10, 11, 12

# Struct kinds, and per kind: field id -> kind of the struct it holds, or _OFFSET.
_FILE, _ROW_GROUP, _COLUMN_CHUNK, _COLUMN_META, _OTHER = range(5)
_OFFSET = -1
_FIELDS: dict[int, dict[int, int]] = {
    _FILE: {4: _ROW_GROUP},  # row_groups
    _ROW_GROUP: {1: _COLUMN_CHUNK, 5: _OFFSET},  # columns, file_offset
    _COLUMN_CHUNK: {2: _OFFSET, 3: _COLUMN_META, 4: _OFFSET, 6: _OFFSET},
    _COLUMN_META: {9: _OFFSET, 10: _OFFSET, 11: _OFFSET, 14: _OFFSET},
    _OTHER: {},
}


class _Shifter:
    """Reads a Thrift compact struct and writes it again, file offsets moved by ``shift``."""

    def __init__(self, data: bytes, shift: int) -> None:
        self.data, self.pos, self.shift = data, 0, shift
        self.out = bytearray()

    def _byte(self) -> int:
        value = self.data[self.pos]
        self.pos += 1
        return value

    def _varint(self) -> int:
        result = shift = 0
        while True:
            byte = self._byte()
            result |= (byte & 0x7F) << shift
            if not byte & 0x80:
                return result
            shift += 7

    def _copy_since(self, start: int) -> None:
        self.out += self.data[start : self.pos]

    @staticmethod
    def _encode_varint(value: int) -> bytes:
        out = bytearray()
        while True:
            if value < 0x80:
                out.append(value)
                return bytes(out)
            out.append((value & 0x7F) | 0x80)
            value >>= 7

    def struct(self, kind: int) -> None:
        last = 0
        while True:
            start = self.pos
            header = self._byte()
            kind_of_field = header & 0x0F
            if kind_of_field == _STOP:
                self.out.append(header)
                return
            delta = header >> 4
            if delta:
                field = last + delta
            else:
                raw = self._varint()
                field = (raw >> 1) ^ -(raw & 1)
            last = field
            self._copy_since(start)
            target = _FIELDS[kind].get(field, _OTHER)
            if target == _OFFSET and kind_of_field == _I64:
                raw = self._varint()
                value = ((raw >> 1) ^ -(raw & 1)) + self.shift
                self.out += self._encode_varint((value << 1) ^ (value >> 63))
            else:
                self.value(kind_of_field, target)

    def value(self, kind_of_value: int, struct_kind: int = _OTHER) -> None:
        start = self.pos
        if kind_of_value in (_TRUE, _FALSE):
            pass  # the value is in the field header
        elif kind_of_value == _BYTE:
            self.pos += 1
        elif kind_of_value in (_I16, _I32, _I64):
            self._varint()
        elif kind_of_value == _DOUBLE:
            self.pos += 8
        elif kind_of_value == _BINARY:
            length = self._varint()
            self.pos += length
        elif kind_of_value in (_LIST, _SET):
            header = self._byte()
            size = header >> 4
            if size == 15:
                size = self._varint()
            element = header & 0x0F
            self._copy_since(start)
            for _ in range(size):
                if element in (_TRUE, _FALSE):  # one byte per element in a container
                    start = self.pos
                    self.pos += 1
                    self._copy_since(start)
                else:
                    self.value(element, struct_kind)
            return
        elif kind_of_value == _MAP:
            size = self._varint()
            if size:
                types = self._byte()
                self._copy_since(start)
                for _ in range(size):
                    self.value(types >> 4)
                    self.value(types & 0x0F)
                return
        elif kind_of_value == _STRUCT:
            self._copy_since(start)
            self.struct(struct_kind)
            return
        else:
            raise ValueError(f"not a Thrift compact type: {kind_of_value}")
        self._copy_since(start)


def shifted_footer(footer: bytes, shift: int) -> bytes:
    """A serialized ``FileMetaData`` with every file offset moved by ``shift`` bytes."""
    shifter = _Shifter(footer, shift)
    shifter.struct(_FILE)
    if shifter.pos != len(footer):
        raise ValueError("the footer has bytes after its end")
    return bytes(shifter.out)


def footer_of(path: Path) -> tuple[int, bytes]:
    """Where a Parquet file's footer starts, and its bytes."""
    with path.open("rb") as handle:
        handle.seek(-8, io.SEEK_END)
        length, magic = struct.unpack("<i4s", handle.read(8))
        if magic != MAGIC:
            raise ValueError(f"{path} is not a Parquet file")
        end = handle.tell() - 8
        handle.seek(end - length)
        return end - length, handle.read(length)


def metadata_from_footer(footer: bytes) -> pq.FileMetaData:
    """pyarrow's view of serialized footer bytes."""
    tail = footer + struct.pack("<i", len(footer)) + MAGIC
    return pq.read_metadata(pa.BufferReader(MAGIC + tail))


def footer_bytes(metadata: pq.FileMetaData) -> bytes:
    """The file's ending for ``metadata``: the footer, its length and the magic."""
    sink = io.BytesIO()
    metadata.write_metadata_file(sink)
    return sink.getvalue()[len(MAGIC) :]  # write_metadata_file starts a file: no leading magic


def joined_metadata(footers: list[Path]) -> pq.FileMetaData:
    """One footer for the row groups of every (already shifted) footer file, in order."""
    joined: pq.FileMetaData | None = None
    for path in footers:
        metadata = metadata_from_footer(path.read_bytes())
        if joined is None:
            joined = metadata
        else:
            joined.append_row_groups(metadata)
    if joined is None:
        raise ValueError("no footer to join")
    return joined
