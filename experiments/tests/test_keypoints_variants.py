"""The key-point stage under several settings, in one process."""

from __future__ import annotations

import sys

import pytest
from tests.conftest import load_script


def test_a_variant_s_fields_are_typed_as_the_defaults() -> None:
    script = load_script("experiments/keypoints_variants.py")
    name, settings = script.parse_variant("off=preselected:0,max_embedded:5,follow_on:0")
    assert name == "off"
    assert settings.preselected == 0 and settings.max_embedded == 5
    assert settings.follow_on is False


def test_rows_kept_for_the_lead_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    script = load_script("experiments/keypoints_variants.py")
    monkeypatch.setattr(sys, "argv", ["x", "--start", "650", "--limit", "100"])
    with pytest.raises(SystemExit, match="the lead's"):
        script.main()
