"""The count of glue faults left in clean text and key points (issue 33)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import load_script


def test_each_kind_of_glue_is_found_and_names_in_camel_case_are_not() -> None:
    script = load_script("experiments/clean_glue.py")
    text = (
        '-Le maire a parlé.• Hausse du ticketDès lundi, au stade 3 de l"épidémie. Deux mises '
        'en examenRapidement, la police.- "Des pompiers épuisés" -Les secours sont là. '
        "YouTube et le HuffPost, sur un iPhone."
    )
    kinds = sorted(kind for kind, _ in script.faults(text))
    assert kinds == [
        "dashed_run_in",
        "elided_quote",
        "leading_dash",
        "list_mark",
        "lowercase_glue",
        "lowercase_glue",
    ]
    assert list(script.faults("YouTube et le HuffPost publient sur un iPhone, à -5 %.")) == []


def test_key_points_of_a_records_file_are_counted(tmp_path: Path, capsys: Any) -> None:
    script = load_script("experiments/clean_glue.py")
    records = tmp_path / "records.jsonl"
    rows = [
        {"id": "a", "bullets": [{"text": "-C'est un tube."}, {"text": "Le maire parle."}]},
        {"id": "b", "bullets": [{"text": 'Le chef de l"Etat a parlé.'}]},
    ]
    records.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    assert script.main(["--bullets", str(records)]) == 0
    out = capsys.readouterr().out
    assert "3 key points of 2 documents" in out
    assert "leading_dash         1 in 1 documents" in out
    assert "elided_quote         1 in 1 documents" in out
    assert "list_mark            0 in 0 documents" in out


def test_rows_kept_for_the_judging_round_are_refused() -> None:
    script = load_script("experiments/clean_glue.py")
    if not script.DATA.is_file():
        pytest.skip("../shared/eval-data is absent")
    with pytest.raises(SystemExit, match="kept for the lead's blind judging"):
        list(script.read_rows(script.DATA, 699, 3))
