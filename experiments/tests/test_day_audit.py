"""The day audit: one item per bracketed day of a bullet, and its stored verdicts counted."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from tests.conftest import load_script

ROW = {
    "id": "t-day",
    "lang": "fr",
    "date": "2020-01-23",
    "title": "Saint-Aubin ferme sa piscine",
    "text": (
        "Le conseil municipal de Saint-Aubin a voté mercredi la fermeture de la piscine pour "
        "six mois. Les travaux coûteront deux millions d'euros, selon la mairie."
    ),
}


def test_each_bracketed_day_is_an_item(tmp_path: Path) -> None:
    script = load_script("experiments/day_audit.py")
    data = tmp_path / "rows.jsonl.gz"
    with gzip.open(data, "wt", encoding="utf-8") as out:
        out.write(json.dumps(ROW, ensure_ascii=False) + "\n")
    audit = tmp_path / "audit.json"
    argv = ["build", "--skip", "0", "--data", str(data), "--out", str(audit)]
    assert script.main(argv) == 0
    (item,) = json.loads(audit.read_text())
    assert item["bracket"] == "22 janvier" and item["weekday"] == "Thursday"
    assert "mercredi [22 janvier]" in item["bullet"]


def test_the_stored_verdicts_are_counted(capsys: pytest.CaptureFixture[str]) -> None:
    script = load_script("experiments/day_audit.py")
    assert script.main(["count", "experiments/day_audit_judged.jsonl"]) == 0
    assert "right" in capsys.readouterr().out
