"""How a reader's verdict on a date is checked against what the code finds now."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import load_script

ROOT = Path(__file__).resolve().parents[2]


def test_a_verdict_is_right_when_an_overlapping_date_has_its_value(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.syspath_prepend(str(ROOT / "experiments"))
    script = load_script("experiments/fresh_dates.py")
    dates = [{"start": 10, "end": 15, "value": "2021-10-12"}]
    wrong = {"start": 10, "end": 15, "verdict": "wrong", "right": "2021-10-12"}
    assert script.judged_right(wrong, dates)
    assert not script.judged_right({**wrong, "right": "2021-10-05"}, dates)
    # A date elsewhere does not count; a spurious item is right when nothing covers it.
    assert not script.judged_right({**wrong, "start": 20, "end": 25}, dates)
    assert script.judged_right({"start": 20, "end": 25, "verdict": "spurious"}, dates)
    assert not script.judged_right({"start": 12, "end": 14, "verdict": "spurious"}, dates)
