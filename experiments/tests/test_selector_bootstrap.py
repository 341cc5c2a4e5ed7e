"""The paired comparison of two selectors that chose the English default."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from types import ModuleType

import pytest
from tests.conftest import EXAMPLES, load_script


def _script() -> ModuleType:
    return load_script("experiments/selector_bootstrap.py")


def test_the_interval_holds_the_mean_and_shrinks_to_it_without_spread() -> None:
    boot = _script()
    assert boot.paired_bootstrap([1.5] * 20, 200, 0) == (1.5, 1.5, 1.5)
    mean, low, high = boot.paired_bootstrap([-2.0, 0.0, 0.0, 1.0, 3.0, 4.0], 2000, 0)
    assert mean == 1.0 and low < mean < high
    assert boot.paired_bootstrap([-2.0, 0.0, 1.0, 3.0], 500, 7) == boot.paired_bootstrap(
        [-2.0, 0.0, 1.0, 3.0], 500, 7
    )


def test_two_selectors_are_compared_article_by_article(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("rouge_score")
    text = (EXAMPLES / "en-coal-plant-vote.txt").read_text(encoding="utf-8")
    data = tmp_path / "rows.jsonl.gz"
    with gzip.open(data, "wt", encoding="utf-8") as f:
        for key in ("a", "b"):
            row = {"id": key, "text": text, "lang": "en", "reference_summary": "The council voted."}
            f.write(json.dumps(row) + "\n")
    assert _script().main(["--data", str(data), "--resamples", "100"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["articles"] == 2
    assert report["wins"] + report["losses"] + report["ties"] == 2
    assert set(report["rouge1"]) == {"lead", "learned"}
    low, high = report["interval_95"]
    assert low <= report["lead - learned"] <= high


def test_an_unknown_selector_is_refused(tmp_path: Path) -> None:
    assert _script().main(["--data", str(tmp_path / "x.jsonl"), "--a", "oracle"]) == 2
