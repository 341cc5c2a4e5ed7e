"""The count of how much of LEAD-k a box for text with no headline carries."""

from __future__ import annotations

from typing import Any

import pytest
from tests.conftest import load_script


def _record(sentences: list[int], lead: list[int], r1: float) -> dict[str, Any]:
    return {
        "row": 0,
        "bullets": [{"sentence": i, "text": f"Bullet {i}."} for i in sentences],
        "lead": [[i, f"Sentence {i}."] for i in lead],
        "r1": r1,
        "r2": r1 / 2,
        "lead_r1": 30.0,
        "lead_r2": 10.0,
    }


def test_the_summary_counts_the_leads_sentences_a_box_carries(
    capsys: pytest.CaptureFixture[str],
) -> None:
    script = load_script("experiments/untitled_boxes.py")
    records = [_record([0, 1, 5], [0, 1, 2], 20.0), _record([3, 4], [0, 1, 2], 40.0)]
    script.summary(records, "after")
    out = capsys.readouterr().out
    assert "ROUGE-1 30.00" in out
    assert "open on the lead 1" in out
    assert "LEAD-k sentences with a bullet 2 of 6" in out
