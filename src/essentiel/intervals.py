"""A set of character spans that answers « does anything overlap [a, b)? » in logarithmic time.

Extractors keep the spans they have taken (dates before figures, names before roles) and test
every candidate against them; a list scanned per candidate makes an article's cost grow with
the square of its length. Spans are kept sorted by start; only those starting within the
longest span's length before ``b`` can reach into [a, b).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable


class Intervals:
    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        pairs = sorted(spans)
        self._starts = [a for a, _ in pairs]
        self._ends = [b for _, b in pairs]
        self._longest = max((b - a for a, b in pairs), default=0)

    def add(self, start: int, end: int) -> None:
        at = bisect.bisect_right(self._starts, start)
        self._starts.insert(at, start)
        self._ends.insert(at, end)
        self._longest = max(self._longest, end - start)

    def overlaps(self, start: int, end: int) -> bool:
        """Does a span a, b with a < end and start < b exist?"""
        k = bisect.bisect_left(self._starts, end) - 1
        while k >= 0 and self._starts[k] > start - self._longest:
            if self._ends[k] > start:
                return True
            k -= 1
        return False

    def __len__(self) -> int:
        return len(self._starts)
