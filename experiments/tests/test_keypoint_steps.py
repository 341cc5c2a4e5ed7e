"""The key-point stage's CPU per step."""

from __future__ import annotations

import sys

import pytest
from tests.conftest import load_script


def test_rows_kept_for_the_lead_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    script = load_script("experiments/keypoint_steps.py")
    monkeypatch.setattr(sys, "argv", ["x", "--start", "1050", "--limit", "100"])
    assert script.main() == 2  # 1050-1149 reaches into 1100-1499: nothing is read
