"""Rows for a judged A/B: only the rows whose box the variant changes, with its box."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import load_script

ROWS = [
    {
        "id": "t-dated",
        "lang": "fr",
        "date": "2020-01-23",
        "title": "Saint-Aubin ferme sa piscine",
        "text": (
            "Le conseil municipal de Saint-Aubin a voté mercredi la fermeture de la piscine "
            "pour six mois. Les travaux coûteront deux millions d'euros, selon la mairie."
        ),
    },
    {
        "id": "t-undated",
        "lang": "fr",
        "date": "2020-01-23",
        "title": "Saint-Aubin ferme sa piscine",
        "text": (
            "Le conseil municipal de Saint-Aubin a voté la fermeture de la piscine pour six "
            "mois. Les travaux coûteront deux millions d'euros, selon la mairie."
        ),
    },
]


def test_only_rows_the_variant_changes_are_kept(tmp_path: Path) -> None:
    script = load_script("experiments/variant_rows.py")
    assert script.setting("nodays=day_brackets:0,max_words:30") == (
        "nodays",
        {"day_brackets": 0, "max_words": 30},
    )
    data = tmp_path / "rows.jsonl"
    data.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in ROWS))
    out = tmp_path / "out.jsonl"
    argv = ["--data", str(data), "--out", str(out), "--variant", "nodays=day_brackets:0"]
    assert script.main(argv) == 0
    kept = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["id"] for r in kept] == ["t-dated"]
    (box,) = kept[0]["system_outputs"].values()
    assert any("voté mercredi la fermeture" in b for b in box), box
