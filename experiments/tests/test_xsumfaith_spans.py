"""The ceiling that XSumFaith's own hallucination spans put on a detector of invented words."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from types import ModuleType

import pytest
from tests.conftest import load_script


def _script() -> ModuleType:
    return load_script("experiments/xsumfaith_spans.py")


def _span(start: int, end: int, worker: str, kind: str = "extrinsic") -> dict[str, object]:
    return {"type": kind, "start": start, "end": end, "worker": worker, "span": ""}


def test_the_marked_share_counts_non_space_characters_by_annotators_and_type() -> None:
    spans = _script().marked_share
    # "the mayor resigned": 16 letters; "mayor" (1-based 5..9) marked by two annotators,
    # "resigned" (11..18) by one, as an intrinsic error.
    row = {
        "summary": "the mayor resigned",
        "hallucination_spans": [
            _span(5, 9, "w0"),
            _span(5, 9, "w1"),
            _span(11, 18, "w1", "intrinsic"),
        ],
    }
    assert spans(row, None, 1) == pytest.approx(13 / 16)
    assert spans(row, None, 2) == pytest.approx(5 / 16)
    assert spans(row, "intrinsic", 1) == pytest.approx(8 / 16)
    assert spans(row, "extrinsic", 3) == 0.0
    assert spans({"summary": "", "hallucination_spans": []}, None, 1) == 0.0


def test_a_score_that_is_the_label_reaches_full_balanced_accuracy(tmp_path: Path) -> None:
    # Articles whose faithful summary has no span and whose other summary is all span.
    data = tmp_path / "x.jsonl.gz"
    with gzip.open(data, "wt", encoding="utf-8") as f:
        for doc in range(10):
            for faithful in (True, False):
                row = {
                    "bbcid": doc,
                    "text": "An article.",
                    "summary": "some words",
                    "factual_votes": [faithful] * 3,
                    "label_majority_factual": int(faithful),
                    "hallucination_spans": [] if faithful else [_span(1, 10, "w0")],
                }
                f.write(json.dumps(row) + "\n")
    out = tmp_path / "spans.json"
    assert _script().main(["--data", str(data), "--json", str(out)]) == 0
    table = json.loads(out.read_text(encoding="utf-8"))["table"]
    assert table["any span, marked by >= 1"]["cross_validated"] == 100.0
    assert table["intrinsic span, marked by >= 1"]["cross_validated"] == 50.0  # no signal
