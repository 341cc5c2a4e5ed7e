"""The hand-reading sample: fixed by its seed, and the judged file counted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.conftest import load_script

ROOT = Path(__file__).resolve().parents[2]


def test_the_sample_is_fixed_by_its_seed_and_scored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.syspath_prepend(str(ROOT / "experiments"))
    script = load_script("experiments/facts_sample.py")
    items = [{"id": f"a{i % 3}", "s": i, "e": i + 4, "t": "d"} for i in range(20)]
    first = script.sample(items, 5, 11)
    assert first == script.sample(list(reversed(items)), 5, 11)  # the order read is no matter
    assert len(set(first)) == 5 and first != script.sample(items, 5, 12)
    judged = tmp_path / "judged.jsonl"
    rows = [
        {"kind": "date", "before": "wrong", "after": "right"},
        {"kind": "date", "before": "right", "after": "right"},
    ]
    judged.write_text("".join(json.dumps(r) + "\n" for r in rows))
    script.score(judged)
    assert capsys.readouterr().out.splitlines() == [
        "date after right 2",
        "date before right 1",
        "date before wrong 1",
    ]
