"""Editors' picks: labels stored as offsets, a box's agreement with them, paired intervals."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import load_script

# A label: the editor's picks (box order) and the sentences stating the headline's news, as
# spans of the data's text.
LABEL = {"id": "t-1", "row": 3, "picks": [[40, 80], [0, 39], [120, 160]], "main": [[40, 80]]}


def test_a_box_is_scored_by_the_sentences_it_shares_with_the_editor() -> None:
    script = load_script("bench/editor_picks.py")
    same_first = script.outcomes([(41, 79), (200, 240)], LABEL)
    assert same_first == {"bullets": 2, "picks": 3, "shared": 1, "first": 1, "main_told": 1}
    other_first = script.outcomes([(0, 39), (120, 160), (40, 80)], LABEL)
    assert other_first["shared"] == 3 and other_first["first"] == 0
    assert other_first["main_told"] == 1
    nothing = script.outcomes([(300, 340)], LABEL)
    assert nothing["shared"] == 0 and nothing["main_told"] == 0
    total = script.summary([same_first, nothing])
    assert total["precision"] == pytest.approx(100 * 1 / 3)
    assert total["recall"] == pytest.approx(100 * 1 / 6)
    assert total["first"] == 50.0 and total["main_told"] == 50.0


def test_the_paired_interval_holds_the_difference_and_is_zero_for_the_same_box() -> None:
    script = load_script("bench/editor_picks.py")
    ours = [script.outcomes([(300, 340)], LABEL), script.outcomes([(41, 79)], LABEL)] * 10
    theirs = [script.outcomes([(41, 79)], LABEL)] * 20
    delta, low, high = script.paired_intervals(ours, theirs, 200)["first"]
    assert delta == pytest.approx(50.0) and low <= delta <= high and low > 0
    same = script.paired_intervals(ours, ours, 50)
    assert all(v == (0.0, 0.0, 0.0) for v in same.values())


def test_labels_by_number_are_stored_as_offsets_and_checked(tmp_path: Path) -> None:
    script = load_script("bench/editor_picks.py")
    key = {"articles": [{"id": "t-1", "row": 7, "spans": [[0, 10], [11, 30], [31, 50]]}]}
    (tmp_path / "key.json").write_text(json.dumps(key), encoding="utf-8")
    labels = tmp_path / "labels_1.jsonl"
    labels.write_text(json.dumps({"id": "t-1", "picks": [2, 1], "main": [2]}) + "\n")
    out = tmp_path / "picks.jsonl"
    script.store(type("A", (), {"out_dir": tmp_path, "out": out})())
    stored = json.loads(out.read_text(encoding="utf-8"))
    assert stored == {"id": "t-1", "row": 7, "picks": [[11, 30], [0, 10]], "main": [[11, 30]]}
    labels.write_text(json.dumps({"id": "t-1", "picks": [2, 4], "main": []}) + "\n")
    with pytest.raises(SystemExit, match="past 3"):
        script.store(type("A", (), {"out_dir": tmp_path, "out": out})())
    labels.write_text(json.dumps({"id": "t-1", "picks": [2, 2], "main": []}) + "\n")
    with pytest.raises(SystemExit, match="picks"):
        script.store(type("A", (), {"out_dir": tmp_path, "out": out})())


def test_a_second_pass_is_scored_against_the_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    script = load_script("bench/editor_picks.py")
    first = tmp_path / "first.jsonl"
    second = tmp_path / "second.jsonl"
    first.write_text(json.dumps(LABEL) + "\n", encoding="utf-8")
    other = {**LABEL, "picks": [[0, 39], [40, 80]], "main": []}
    second.write_text(json.dumps(other) + "\n", encoding="utf-8")
    script.agree(type("A", (), {"labels": [first], "against": second})())
    out = capsys.readouterr().out
    assert "precision 100.0, recall 66.7, first 0.0 %" in out
    assert "news told 100.0 %; main sets agree 0.0 %" in out
