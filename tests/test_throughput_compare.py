"""bench/throughput.py --compare: the second pipeline's settings, typed as the defaults."""

from __future__ import annotations

import pytest

from .conftest import load_script


def test_compared_settings_are_typed_as_their_defaults() -> None:
    script = load_script("bench/throughput.py")
    settings = script.compared_settings(
        ["selector_model:lexical", "max_embedded:4", "headline_guard:1", "extra_ratio:0.7"]
    ).keypoints
    assert settings.selector_model == "lexical" and settings.max_embedded == 4
    assert settings.headline_guard is True and settings.extra_ratio == 0.7
    with pytest.raises(SystemExit, match="no key-point setting"):
        script.compared_settings(["selectr_model:lexical"])
