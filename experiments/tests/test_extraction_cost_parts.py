"""The per-step timer of experiments/extraction_cost_parts.py."""

from __future__ import annotations

import types
from collections import Counter

import pytest
from tests.conftest import load_script


def test_a_wrapped_step_returns_its_result_and_adds_its_time() -> None:
    script = load_script("experiments/extraction_cost_parts.py")
    module = types.SimpleNamespace(step=lambda n: sum(range(n)))
    totals: Counter[str] = Counter()
    script.timed_attribute(module, "step", "the step", totals)
    assert module.step(200_000) == sum(range(200_000))
    assert totals["the step"] > 0


def test_a_step_that_raises_is_timed_and_raises() -> None:
    script = load_script("experiments/extraction_cost_parts.py")

    def fails() -> None:
        sum(range(100_000))
        raise ValueError("no article")

    module = types.SimpleNamespace(step=fails)
    totals: Counter[str] = Counter()
    script.timed_attribute(module, "step", "step", totals)
    with pytest.raises(ValueError, match="no article"):
        module.step()
    assert "step" in totals
