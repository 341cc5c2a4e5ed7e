"""The equality check of two states of the code's digests."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from tests.conftest import ROOT, load_script

ARTICLE = (
    "Le syndicat des eaux du Trégor a annoncé mardi une hausse de 4 % du prix du mètre cube "
    "à partir du 1er janvier. La décision a été votée par 23 délégués contre 5. "
    "« Nous devons rénover 40 kilomètres de canalisations », a expliqué son président, "
    "Alain Le Bras. Les travaux commenceront au printemps à Lannion et à Perros-Guirec."
)


def test_fields_that_differ_are_named() -> None:
    script = load_script("experiments/digest_equality.py")
    a = json.dumps({"keypoints": [1], "dates": [], "article": {"id": "x"}})
    b = json.dumps({"keypoints": [2], "dates": [], "article": {"id": "x"}})
    assert script.differing_fields(a, b) == ["keypoints"]
    assert script.differing_fields(a, "[]") == ["(whole)"]


def test_rows_kept_for_the_lead_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    script = load_script("experiments/digest_equality.py")
    argv = ["x", "--base", ".", "--start", "650", "--limit", "100"]
    monkeypatch.setattr(sys, "argv", argv)
    assert script.main() == 2  # 650-749 reaches into 700-1000: nothing is read


def test_the_same_tree_gives_the_same_digests(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    script = load_script("experiments/digest_equality.py")
    data = tmp_path / "rows.jsonl"
    data.write_text(json.dumps({"text": ARTICLE, "title": "L'eau plus chère"}) + "\n")
    argv = ["x", "--base", str(ROOT), "--head", str(ROOT), "--data", str(data), "--limit", "1"]
    monkeypatch.setattr(sys, "argv", argv)
    assert script.main() == 0
    assert "0 of 1 digests differ" in capsys.readouterr().out
