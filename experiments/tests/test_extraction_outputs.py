"""The output comparison of the extraction stages: dates read from URLs, differences counted."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import load_script


def test_a_date_written_in_a_url_is_read() -> None:
    script = load_script("experiments/extraction_outputs.py")
    assert script.url_date("https://journal.example.fr/2024/03/07/le-conseil-vote") == "2024-03-07"
    assert script.url_date("https://news.example.com/story-20231109-budget.html") == "2023-11-09"
    assert script.url_date("https://diario.example.ar/politica/la-sesion-nid03052022/") == (
        "2022-05-03"
    )
    assert script.url_date("https://journal.example.fr/article/164913/la-piscine") is None
    assert script.url_date(None) is None


def test_changed_pages_and_dates_are_counted(tmp_path: Path, capsys: Any) -> None:
    script = load_script("experiments/extraction_outputs.py")
    common = {"source": "s", "error": None, "text": "Le maire a parlé.", "blocks": []}
    before = [
        {**common, "key": "a", "reference_date": "2024-03-07", "published": "2024-03-06"},
        {**common, "key": "b", "reference_date": "2024-05-01", "published": "2024-05-01"},
        {**common, "key": "c", "reference_date": None, "published": None},
    ]
    after = [
        {**before[0], "published": "2024-03-07"},
        {**before[1], "published": "2024-05-02"},
        {**before[2], "text": "Le maire a parlé jeudi."},
    ]
    paths = []
    for name, rows in (("before", before), ("after", after)):
        path = tmp_path / f"{name}.jsonl"
        path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
        paths.append(path)
    assert script.compare(*paths, show=0) == 3
    assert "{'better': 1, 'worse': 1, 'unjudged': 0}" in capsys.readouterr().out
    assert script.compare(paths[0], paths[0], show=0) == 0


def test_blocks_in_another_language_than_their_article_are_counted(tmp_path: Path) -> None:
    script = load_script("experiments/extraction_outputs.py")
    rows = [
        {"source": "s", "error": None, "lang": "fr", "blocks": [["body", "fr", 0, 9]]},
        {
            "source": "s",
            "error": None,
            "lang": "fr",
            "blocks": [["body", "fr", 0, 9], ["quote", "en", 10, 20], ["caption", "de", 21, 30]],
        },
        {"source": "s", "error": "NoArticle: empty", "lang": None, "blocks": []},
    ]
    path = tmp_path / "out.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    assert script.block_languages(path) == {"s": (2, 1, 2)}


def test_the_held_out_part_is_trafilaturas_alone() -> None:
    script = load_script("experiments/extraction_outputs.py")
    if not script.EVAL.exists():
        pytest.skip("../shared/eval-data is absent")
    held_out = list(script.pages("heldout"))
    assert len(held_out) == 254
    assert {page["source"] for page in held_out} == {"trafilatura-heldout"}
