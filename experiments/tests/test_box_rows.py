"""Two commits' boxes compared, on rows we write."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.conftest import load_script


def _write(path: Path, boxes: list[list[str]]) -> None:
    rows = [{"id": f"t-{k}", "system_outputs": {"box": box}} for k, box in enumerate(boxes)]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n")


def test_the_boxes_that_differ_are_listed_with_their_bullets(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    script = load_script("experiments/box_rows.py")
    before, after = tmp_path / "before.jsonl", tmp_path / "after.jsonl"
    _write(
        before, [["Le port a rouvert."], ["La mairie s'était, elle, engagée.", "Le maire a parlé."]]
    )
    _write(after, [["Le port a rouvert."], ["La mairie s'était engagée.", "Le maire a parlé."]])
    assert script.differing(before, after, "box") == [
        ("t-1", ["La mairie s'était, elle, engagée."], ["La mairie s'était engagée."])
    ]
    script.compare([str(before), str(after), "--name", "box"])
    assert capsys.readouterr().out.splitlines()[-1] == "1 of 2 boxes differ"


def test_rows_out_of_step_are_refused(tmp_path: Path) -> None:
    script = load_script("experiments/box_rows.py")
    before, after = tmp_path / "before.jsonl", tmp_path / "after.jsonl"
    _write(before, [["A."]])
    after.write_text(json.dumps({"id": "other", "system_outputs": {"box": ["A."]}}) + "\n")
    with pytest.raises(SystemExit):
        script.differing(before, after, "box")
