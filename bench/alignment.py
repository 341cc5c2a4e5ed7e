"""Map offsets of our clean text back to the text an evaluation set's offsets index."""

from __future__ import annotations

import difflib


def offset_map(clean: str, original: str) -> list[int | None]:
    """For each offset of ``clean``, the same character's offset in ``original`` (None for a
    character cleaning added, such as a space where two paragraphs were glued)."""
    mapping: list[int | None] = [None] * (len(clean) + 1)
    matcher = difflib.SequenceMatcher(None, clean, original, autojunk=False)
    for a, b, size in matcher.get_matching_blocks():
        for k in range(size):
            mapping[a + k] = b + k
    return mapping


def to_original(span: tuple[int, int], mapping: list[int | None]) -> tuple[int, int] | None:
    start, end = span
    first = next((mapping[i] for i in range(start, end) if mapping[i] is not None), None)
    last = next((mapping[i] for i in range(end - 1, start - 1, -1) if mapping[i] is not None), None)
    if first is None or last is None:
        return None
    return first, last + 1


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def iou(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = overlap(a, b)
    return inter / max(1, (a[1] - a[0]) + (b[1] - b[0]) - inter)
