"""The settings harness: each setting's key points are built from one parse and scored."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from types import ModuleType

import pytest

from .conftest import EXAMPLES, load_script


def _script() -> ModuleType:
    return load_script("training/tune_selection.py")


def test_settings_are_parsed() -> None:
    tune = _script()
    assert tune._settings("default=") == ("default", {})
    assert tune._settings("x=max_keypoints:2,extra_ratio:0.7,selector:heuristic") == (
        "x",
        {"max_keypoints": 2, "extra_ratio": 0.7, "selector": "heuristic"},
    )


def test_each_setting_is_scored_against_the_reference(tmp_path: Path) -> None:
    pytest.importorskip("rouge_score")
    text = (EXAMPLES / "fr-orages-bretagne.txt").read_text(encoding="utf-8")
    lead = "De violents orages ont privé 48.000 foyers bretons d'électricité mercredi soir."
    title = "Orages en Bretagne : 48.000 foyers privés d'électricité"
    data = tmp_path / "rows.jsonl.gz"
    with gzip.open(data, "wt", encoding="utf-8") as f:
        for key, kind in (("a", "kept"), ("b", "other")):
            row = {"id": key, "kind": kind, "lang": "fr", "text": text, "reference_summary": lead}
            row["title"] = title
            f.write(json.dumps(row) + "\n")
    out = tmp_path / "tune.json"
    argv = ["--data", str(data), "--skip", "0", "--documents", "5", "--json", str(out)]
    # « two » shows the headline's statement first, as the ``first`` measure reads a box.
    argv += ["--variant", "two=max_keypoints:2,article_order:0"]
    argv += ["--variant", "three=max_keypoints:3"]
    assert _script().main([*argv, "--where", "kind=kept"]) == 0
    table = json.loads(out.read_text(encoding="utf-8"))["table"]
    assert set(table) == {"two", "three", "lead-2", "lead-3"}
    assert table["two"]["bullets"] == 2 and table["three"]["bullets"] == 3
    assert table["lead-2"]["bullets"] == 2 and table["lead-3"]["bullets"] == 3
    assert all(row["documents"] == 1 for row in table.values())  # the other row is left out
    # The reader's measure beside ROUGE: the first bullet states the headline's event.
    assert all(row["with_headline"] == 1 for row in table.values())
    assert table["two"]["miss"] == table["two"]["first"] == 0.0
    with pytest.raises(SystemExit) as refused:  # argparse's usage error
        _script().main([*argv, "--where", "kind"])
    assert refused.value.code == 2
    # Built from one parse, each setting's key points are those a digest with it would show.
    from essentiel.evaluation.rouge import rouge
    from essentiel.keypoints import KeyPointSettings
    from essentiel.pipeline import Pipeline, Settings

    for name, count in (("two", 2), ("three", 3)):
        settings = Settings(keypoints=KeyPointSettings(max_keypoints=count))
        bullets = [k.text for k in Pipeline(settings).digest(text, title=title).keypoints]
        expected = rouge(bullets, [lead])["rouge-score", "rouge1"]
        assert table[name]["r1"] == round(expected, 2)
        assert table[name]["words"] == sum(len(b.split()) for b in bullets)
